"""Words the window shows in small places, whole: progress dialogs as wide as their title and
text ("Sugg… maries" was a title cut by its own dialog), Undo and Redo menu entries elided with
"…" at a sane length, and the Keyboard Shortcuts list naming actions, not the step of the moment."""

from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QProgressDialog, QWidget

from catalog.articles import get_article
from catalog.editing import ArticleEdit
from tests.helpers import article_file
from tests.ui.driving import import_and_wait, trigger
from ui.dialogs.help import shortcuts
from ui.dialogs.progress import TITLE_BAR_BUTTONS
from ui.operations.articles import edit_article
from ui.undo_steps import STEP_TEXT_LENGTH, step_text


def fits(dialog: QProgressDialog) -> None:
    title = QFontMetrics(QApplication.font("QMdiSubWindowTitleBar")).horizontalAdvance(dialog.windowTitle())
    assert dialog.width() >= title + TITLE_BAR_BUTTONS, dialog.windowTitle()
    label = dialog.findChild(QLabel)
    widest = max(label.fontMetrics().horizontalAdvance(line) for line in label.text().splitlines())
    assert widest <= label.width(), label.text()


def test_progress_dialogs_are_as_wide_as_their_title_and_text(window, qtbot, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    long_name = "a-file-name-that-goes-on-and-on-" * 6 + ".txt"
    for number, name in enumerate(["one.txt", "two.txt", long_name]):
        (folder / name).write_text(article_file(f"Title {number}", f"Body {number} of its own."))
    seen = []

    def look(_done, _path):
        seen.append(window.importer.progress)
        fits(window.importer.progress)

    with qtbot.waitSignal(window.import_finished, timeout=20_000):
        window.importer.start_import([str(folder)])
        window.importer.task.signals.progressed.connect(look)
    assert seen
    window.importer.report_dialog.close()
    window.articles.table.selectAll()
    trigger(window, "actionSuggestSummaries")
    progress = window.findChild(QProgressDialog, "summaryProgress")
    fits(progress)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Summaries:"), timeout=10_000)


def test_step_text_is_elided_and_keeps_ampersands():
    assert step_text("&Undo", "Edit title") == "&Undo Edit title"
    assert step_text("&Undo", "") == "&Undo"
    long = step_text("&Undo", "Edit title of “" + "Talks in Geneva go on " * 8 + "”")
    assert long.endswith("…”") and len(long) <= len("&Undo ") + STEP_TEXT_LENGTH + 1
    assert step_text("&Redo", "Edit outlet of “Fish & Chips”") == "&Redo Edit outlet of “Fish && Chips”"


def test_the_edit_menu_elides_a_long_step_and_the_shortcuts_list_names_actions(window, qtbot, tmp_path):
    path = tmp_path / "a.txt"
    title = ("Talks in Geneva & Vienna go on " * 6).strip()
    path.write_text(article_file(title, "Ministers met in Geneva on Monday."))
    import_and_wait(qtbot, window, [str(path)])
    window.importer.report_dialog.close()
    article_id = window.articles.current_article_id()
    assert edit_article(
        session=window.session,
        parent=window,
        article_id=article_id,
        version=get_article(article_id)["version"],
        edit=ArticleEdit(title="Talks"),
    )
    undo = window.findChild(QAction, "actionUndo")
    assert undo.text().endswith("…”") and len(undo.text()) < 70 and "&&" in undo.text()
    rows = {name: keys for keys, name in shortcuts(window)}
    assert "Edit ▸ Undo" in rows and "Edit ▸ Redo" in rows
    assert not any("Talks in Geneva" in name for name in rows)
    trigger(window, "actionKeyboardShortcuts")
    shown = (
        window.findChild(QDialog, "shortcutsDialog").findChild(QWidget, "shortcutsDialogText").toPlainText()
    )
    assert "Edit ▸ Undo" in shown and "Talks" not in shown
