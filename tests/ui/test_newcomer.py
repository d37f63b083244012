"""A newcomer's first afternoon: an empty catalogue says what to do, catalogues are made and
reopened from the File menu, Help answers, the keyboard reaches everything, and every main view
looks finished at 1280×800 and 1920×1080, in a light and a dark palette."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

import ui.app
from catalog import __version__
from catalog.catalogue import close_catalogue
from catalog.changes import EVERYTHING
from catalog.seeds import seeds_folder
from tests.ui.driving import trigger
from ui.controllers.catalogues import recent_catalogues
from ui.dialogs.help import shortcuts
from ui.resources import icon
from ui.screenshots import _dark_palette, _demo_catalogue
from ui.widgets.reading_pane import CLAIM_HIGHLIGHT, CURRENT_CLAIM_HIGHLIGHT, HIGHLIGHT, VERDICT_COLOURS

SIZES = ((1280, 800), (1920, 1080))


@pytest.fixture
def demo_window(window, tmp_path):
    """The window on the seed article and three demo articles with linked claims."""
    seed, origin = _demo_catalogue(tmp_path)
    window.session.announce(EVERYTHING)
    window.articles.select_article(seed)
    window.demo_claim = origin
    return window


# --- first run and catalogues -------------------------------------------------------------


def test_an_empty_catalogue_shows_how_to_fill_it(window, qtbot, monkeypatch):
    assert window.articles.stack.currentWidget() is window.articles.empty_state
    assert window.articles.empty_state.isVisible() and not window.articles.table.isVisible()
    heading = window.articles.empty_state.findChild(QLabel, "emptyHeading")
    assert heading.text() == "This catalogue has no articles yet"
    assert "drop files and folders" in window.articles.empty_state.findChild(QLabel, "dropTarget").text()

    seed = next(seeds_folder().glob("*.txt"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(seed)], ""))
    with qtbot.waitSignal(window.import_finished, timeout=20_000):
        qtbot.mouseClick(window.articles.empty_state.import_files_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.articles.table.isVisible())
    assert window.articles.model.rowCount() == 1


def test_new_open_and_recent_catalogues(sqlite_window, qtbot, tmp_path, monkeypatch, message_boxes):
    window = sqlite_window  # catalogue files: New and Open make and pick them
    first = window.catalogue.location
    new = tmp_path / "Elections desk.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(new), ""))
    trigger(window, "actionNewCatalogue")
    second = window.catalogues.successor
    qtbot.addWidget(second)
    assert not window.isVisible() and second.isVisible()
    assert second.windowTitle() == "Elections desk — Catalog"
    assert second.articles.empty_state.isVisible()
    assert new.is_file()

    recent_menu = second.findChild(QMenu, "recentMenu")
    recent_menu.aboutToShow.emit()
    entries = [a.text() for a in recent_menu.actions() if not a.isSeparator()]
    assert entries[0] == f"&1 {Path(first).stem}" and entries[-1] == "&Clear Menu"
    recent_menu.actions()[0].trigger()  # back to the first
    third = second.catalogues.successor
    qtbot.addWidget(third)
    assert third.catalogue.location == first
    assert recent_catalogues()[0] == str(Path(first).resolve())  # first in Open Recent

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(new), ""))
    trigger(third, "actionOpenCatalogue")
    fourth = third.catalogues.successor
    qtbot.addWidget(fourth)
    assert fourth.windowTitle() == "Elections desk — Catalog"

    Path(first).unlink()  # a recent catalogue that is gone is taken off the list, in words
    recent_menu = fourth.findChild(QMenu, "recentMenu")
    recent_menu.aboutToShow.emit()
    [gone] = [a for a in recent_menu.actions() if a.toolTip() == str(Path(first).resolve())]
    gone.trigger()
    assert fourth.catalogues.successor is None
    assert "no longer there" in message_boxes[-1].text()
    assert str(Path(first).resolve()) not in recent_catalogues()
    fourth.close()
    close_catalogue()


def test_the_gui_command_opens_the_catalogue_commands_use_not_the_last_one(tmp_path, monkeypatch, capsys):
    """A catalogue the window showed last, even one on a server that is down now, is on the
    Open Recent menu; plain ``catalog`` opens the default, as ``catalog search`` searches it."""
    from catalog.db import default_location
    from ui.command_line import main
    from ui.controllers.catalogues import remember_catalogue

    opened = []
    monkeypatch.setattr(ui.app, "run", lambda location, **_: opened.append(location) or 0)
    last = tmp_path / "last.sqlite3"
    main(["new", str(last)])
    remember_catalogue(str(last))
    remember_catalogue("postgresql://desk@127.0.0.1:1/newsroom")  # a server that is not there
    capsys.readouterr()
    assert main([]) == 0
    assert opened == [default_location()]
    assert capsys.readouterr().err == ""  # nothing tried, nothing to apologise for
    assert recent_catalogues()[:2] == ["postgresql://desk@127.0.0.1:1/newsroom", str(last.resolve())]
    close_catalogue()


# --- help -----------------------------------------------------------------------------------


def test_help_explains_the_query_language_keys_and_where_things_are(window):
    trigger(window, "actionQuerySyntax")
    text = (
        window.findChild(QDialog, "querySyntaxDialog")
        .findChild(QWidget, "querySyntaxDialogText")
        .toPlainText()
    )
    for example in ('author:"Dave DeCamp"', "since:2022-01-01", "ukrain*", "tanks OR drones", "-oil"):
        assert example in text
    keys = {name: keys for keys, name in shortcuts(window)}
    assert keys["File ▸ Import Files"] == "Ctrl+O"
    assert keys["Edit ▸ Undo"] == "Ctrl+Z"
    assert keys["Find"] == "Ctrl+F"
    assert keys["Edit ▸ Delete Articles"] == "Del"
    trigger(window, "actionKeyboardShortcuts")
    shown = (
        window.findChild(QDialog, "shortcutsDialog").findChild(QWidget, "shortcutsDialogText").toPlainText()
    )
    assert "Claims ▸ Mark as Claim" in shown and "Escape (in the search box)" in shown
    about = window.help.about_text()
    assert f"Catalog {__version__}" in about and window.catalogue.location in about
    assert "Data folder" in about and QSettings().fileName() in about


# --- keyboard and screen readers -----------------------------------------------------------


def test_enter_reads_the_article_and_tab_walks_the_editor_in_order(demo_window, qtbot):
    window = demo_window
    window.activateWindow()
    qtbot.waitActive(window)
    window.articles.table.setFocus()
    qtbot.keyClick(window.articles.table, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.detail.reading_pane

    editor = window.detail.editor
    order, widget = [], editor.title_edit
    for _ in range(9):
        order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible():
            widget = widget.nextInFocusChain()
    assert order == [
        "titleEdit",
        "dateEdit",
        "outletEdit",
        "authorsEdit",
        "topicInput",
        "topicsList",
        "summaryEdit",
        "suggestSummaryButton",
        "notesEdit",
    ]


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls a screen reader could not name: no accessible name, no text, no label buddy."""
    buddies = {label.buddy() for label in root.findChildren(QLabel) if label.buddy() is not None}
    controls = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QAbstractItemView)
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, controls) or not widget.isVisible():
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QSpinBox)):
            continue  # the box's own editor: the box is named
        if isinstance(widget, QHeaderView):
            continue  # a view's header: read with its view
        named = widget.accessibleName() or widget in buddies
        if isinstance(widget, QAbstractButton):
            named = named or widget.text().replace("&", "").strip() or widget.toolTip()
        if not named:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_has_a_name_for_screen_readers(demo_window, qtbot):
    window = demo_window
    assert unnamed_controls(window) == []
    window.detail.tabs.setCurrentWidget(window.detail.claims_panel)
    window.detail.claims_panel.select_claim(window.demo_claim)
    assert unnamed_controls(window) == []


# --- how it looks ---------------------------------------------------------------------------


def clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons narrower than their text needs."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
            continue
        if widget.width() < widget.minimumSizeHint().width() - 1:
            found.append(f"{type(widget).__name__} {widget.objectName() or widget.text()!r}")
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_main_views_look_finished(demo_window, qtbot, tmp_path, size):
    window = demo_window
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    assert clipped(window) == []
    title_width = window.articles.table.horizontalHeader().sectionSize(0)
    assert title_width >= 200  # the title, the column people read, keeps room
    window.grab().save(str(tmp_path / f"main-{size[0]}.png"))

    window.detail.tabs.setCurrentWidget(window.detail.claims_panel)
    window.detail.claims_panel.select_claim(window.demo_claim)
    QApplication.processEvents()
    assert clipped(window) == []
    window.claims.show_claim_map(window.demo_claim)
    dialog = window.claims.claim_map_dialog
    qtbot.waitExposed(dialog)
    assert clipped(dialog) == []
    dialog.grab().save(str(tmp_path / f"map-{size[0]}.png"))
    dialog.close()
    browser = window.claims.open_claims_browser()
    browser.resize(min(1100, size[0] - 100), min(700, size[1] - 100))
    qtbot.waitExposed(browser)
    assert clipped(browser) == []
    assert browser.view.model().rowCount() == 4
    browser.close()


def contrast(first: QColor, second: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_a_dark_palette_keeps_everything_readable(qapp, tmp_path, qtbot, db_path):
    light = qapp.palette()
    QApplication.setPalette(_dark_palette())
    try:
        window = ui.app.open_window(db_path)
        qtbot.addWidget(window)
        seed, origin = _demo_catalogue(tmp_path)
        window.session.announce(EVERYTHING)
        window.articles.select_article(seed)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        palette = window.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        # Icons are painted in the palette's text colour, not a dark grey lost on dark grey.
        image = icon("find").pixmap(24, 24).toImage()
        inked = [
            image.pixelColor(x, y)
            for x in range(24)
            for y in range(24)
            if image.pixelColor(x, y).alpha() == 255
        ]
        assert inked and all(contrast(c, palette.color(QPalette.ColorRole.Window)) > 7 for c in inked)
        # Highlights in the text carry their own dark ink on a light ground, in any palette.
        for ground in (HIGHLIGHT, CLAIM_HIGHLIGHT, CURRENT_CLAIM_HIGHLIGHT):
            assert contrast(QColor(ground), QColor("#000000")) > 7
        # Verdicts underline claims in colours that stand out on the claim highlight.
        for verdict, colour in VERDICT_COLOURS.items():
            assert contrast(QColor(colour), QColor(CLAIM_HIGHLIGHT)) >= 3, verdict
        assert contrast(text, palette.color(QPalette.ColorRole.Base)) > 7
        window.claims.show_claim_map(origin)
        dialog = window.claims.claim_map_dialog
        qtbot.waitExposed(dialog)
        background = dialog.map.backgroundBrush().color()
        assert contrast(background, palette.color(QPalette.ColorRole.Text)) > 7
        window.grab().save(str(tmp_path / "dark.png"))
        dialog.close()
        window.close()
    finally:
        QApplication.setPalette(light)
        close_catalogue()


def test_the_reading_pane_keeps_a_comfortable_line_length(demo_window, qtbot):
    window = demo_window
    pane = window.detail.reading_pane
    window.resize(1920, 1080)
    window.splitter.setSizes([200, 1300, 420])  # a very wide reading pane (the centre column)
    qtbot.waitUntil(lambda: pane.width() > 1100)
    characters = pane.text_column_width() / pane.fontMetrics().averageCharWidth()
    assert 60 <= characters <= 90
    window.splitter.setSizes([200, 450, 1270])  # a narrow one uses all it has
    qtbot.waitUntil(lambda: pane.width() < 500)
    assert pane.text_column_width() == pane.viewport().width() - 48
