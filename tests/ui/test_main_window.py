"""The first window, driven as a user would: menus, table, reading pane, status bar."""

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QSplitter, QTableView

from catalog.changes import EVERYTHING
from catalog.db import display_name
from tests.helpers import SEED_FILE, article_file
from tests.ui.driving import cell, import_and_wait, pane, table, trigger
from ui.app import open_window
from ui.models.article_table_model import COL_AUTHORS, COL_DATE, COL_OUTLET, COL_TITLE, ArticleTableModel
from ui.widgets.reading_pane import PLACEHOLDER


def test_an_empty_catalogue_shows_an_empty_table_and_a_hint(window):
    assert table(window).model().rowCount() == 0
    assert pane(window).toPlainText() == PLACEHOLDER
    assert window.statusBar().findChild(object, "articleCount").text() == "0 articles"
    assert window.windowTitle() == f"{display_name(window.catalogue.location)} — Catalog"


def test_import_the_seed_through_the_file_menu(window, qtbot, monkeypatch):
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(SEED_FILE)], "Text files (*.txt)")
    )
    file_menu = window.menuBar().actions()[0].menu()
    assert [a.text() for a in file_menu.actions() if not a.isSeparator()] == [
        "&New Catalogue…",
        "&Open Catalogue…",
        "Open &Recent",
        "Connect to S&hared Catalogue…",
        "Import &Files…",
        "Import Fol&der…",
        "Import &JSON…",
        "&Print…",
        "Print Pre&view…",
        "&Export",
        "&Back Up…",
        "&Quit",
    ]
    export = next(a.menu() for a in file_menu.actions() if a.text() == "&Export")
    assert [a.text() for a in export.actions() if not a.isSeparator()] == [
        "&PDF Report…",
        "&CSV (Spreadsheet)…",
        "&JSON (Whole Catalogue)…",
        "Claim&Review (JSON-LD)…",
        "CSL-JSON (&Zotero)…",
        "R&IS (Zotero, EndNote)…",
    ]
    with qtbot.waitSignal(window.import_finished, timeout=20_000):
        trigger(window, "actionImportFiles")

    assert table(window).model().rowCount() == 1
    assert cell(window, 0, COL_TITLE).startswith("According to a report from CNN")
    assert cell(window, 0, COL_OUTLET) == "AntiWar.com"
    assert cell(window, 0, COL_AUTHORS) == "Dave DeCamp"
    assert cell(window, 0, COL_DATE) == "2022-06-29"
    text = pane(window).toPlainText()
    assert text.startswith("According to a report from CNN, White House officials")
    assert "AntiWar.com · Dave DeCamp · " in text and "2022" in text
    assert "Zelensky aide Podolyak explains that Ukraine is losing in the war." in text
    assert window.statusBar().findChild(object, "articleCount").text() == "1 article"


def test_article_text_is_never_read_as_html(window, qtbot, tmp_path):
    path = tmp_path / "html.txt"
    path.write_text(
        article_file("<b>Bold</b> & <script>alert(1)</script>", "A <i>body</i> with &amp; in it.")
    )
    import_and_wait(qtbot, window, [str(path)])
    text = pane(window).toPlainText()
    assert text.startswith("<b>Bold</b> & <script>alert(1)</script>")
    assert "A <i>body</i> with &amp; in it." in text
    assert cell(window, 0, COL_TITLE) == "<b>Bold</b> & <script>alert(1)</script>"


def test_clicking_and_arrow_keys_change_the_article_shown(window, qtbot, write_folder):
    import_and_wait(qtbot, window, [str(write_folder)])
    view = table(window)
    first_title = cell(window, 0, COL_TITLE)
    second_title = cell(window, 1, COL_TITLE)
    rect = view.visualRect(view.model().index(1, COL_TITLE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert pane(window).toPlainText().startswith(second_title)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert pane(window).toPlainText().startswith(first_title)


def test_clicking_a_header_sorts_the_table(window, qtbot, write_folder):
    import_and_wait(qtbot, window, [str(write_folder)])
    view = table(window)
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(COL_TITLE) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    titles = [cell(window, row, COL_TITLE) for row in range(2)]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert [cell(window, row, COL_TITLE) for row in range(2)] == titles[::-1]
    assert sorted(titles, key=str.casefold) in (titles, titles[::-1])


def test_window_size_and_splitter_persist(qtbot, db_path):
    first = open_window(db_path)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 580)  # within the offscreen screen, so restoreGeometry keeps it
    splitter = first.findChild(QSplitter, "mainSplitter")
    splitter.setSizes([300, 700])
    sizes = splitter.sizes()
    header = first.findChild(QTableView, "articleTable").horizontalHeader()
    header.resizeSection(COL_OUTLET, 177)
    header.moveSection(COL_DATE, 0)  # drag the date column to the front
    first.close()

    second = open_window(db_path)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (760, 580)
    assert second.findChild(QSplitter, "mainSplitter").sizes() == sizes
    header = second.findChild(QTableView, "articleTable").horizontalHeader()
    # The width chosen is kept (per catalogue), and shown where the table has room for it and
    # a readable title: this narrow table fits the columns smaller for now.
    assert second.columns.preferred[COL_OUTLET] == 177
    assert header.visualIndex(COL_DATE) == 0


def test_table_model_passes_the_model_tester(qtmodeltester, catalogue_with_articles):
    model = ArticleTableModel()
    model.reload()
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    assert model.index(0, COL_TITLE).data(ArticleTableModel.ArticleIdRole) == 1
    assert model.headerData(COL_DATE, Qt.Orientation.Horizontal) == "Date"


def test_sorting_happens_in_sql_with_unknown_dates_last(catalogue_with_articles):
    model = ArticleTableModel()
    model.reload()
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(COL_DATE, order)
        dates = [model.index(row, COL_DATE).data() for row in range(3)]
        assert dates[-1] == ""  # unknown last either way
    assert dates == ["2022-01-01", "2020-05-05", ""]
    model.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert [model.index(row, COL_TITLE).data() for row in range(3)] == ["Article 0", "Article 1", "Article 2"]


def test_table_model_with_rows_passes_the_model_tester(qtmodeltester, qtbot, window, write_folder):
    import_and_wait(qtbot, window, [str(write_folder)])
    qtmodeltester.check(table(window).model())


def test_readme_screenshot_script_renders_the_window(tmp_path):
    from PySide6.QtGui import QColor, QImage

    from ui.screenshots import SIZE, render

    written = {path.name: path for path in render(tmp_path)}
    for name in ("main-window.png", "main-window-dark.png", "editor.png", "claims.png", "claim-map.png"):
        assert name in written
    for name in ("main-window.png", "main-window-dark.png"):
        image = QImage(str(written[name]))
        assert (image.width(), image.height()) == SIZE
        # Not a blank picture: the rows, the text and the highlights make many distinct colours.
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 20
    light, dark = (QImage(str(written[name])) for name in ("main-window.png", "main-window-dark.png"))
    assert QColor(dark.pixel(600, 500)).lightness() < 80 < QColor(light.pixel(600, 500)).lightness()


def test_readme_screenshots_name_no_folder_of_the_machine_they_are_made_on(window, tmp_path):
    from ui.screenshots import _demo_catalogue

    _demo_catalogue(tmp_path)
    window.session.announce(EVERYTHING)
    here = str(Path(__file__).resolve().parents[2])  # the source tree the seed is imported from
    sources = []
    for row in range(table(window).model().rowCount()):
        window.articles.select_row(row)
        shown = pane(window).toPlainText()
        assert here not in shown and str(tmp_path) not in shown
        sources += [line for line in shown.splitlines() if line.startswith("Source: ")]
    assert len(sources) == 6  # the seed, three demo articles and two copies of the seed
    assert all(line.startswith("Source: /home/desk/articles/") for line in sources), sources
