"""Saved searches in the sidebar: create, apply, live counts, rename, delete, kept across restarts."""

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit

from catalog.catalogue import close_catalogue
from catalog.changes import EVERYTHING
from catalog.editing import ArticleEdit, edit_article
from tests.helpers import article_file
from tests.ui.driving import cell, click, entry, import_and_wait, sidebar, table, trigger
from ui.app import open_window
from ui.models.article_table_model import COL_TITLE


@pytest.fixture
def news(window, qtbot, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for number, (title, outlet) in enumerate(
        [("Tanks in Kyiv", "Daily"), ("Tanks in Odesa", "Weekly"), ("Budget", "Daily")]
    ):
        header = f" date 2022-0{number + 1}-01 via {outlet},"
        (folder / f"{number}.txt").write_text(article_file(title, f"Some text {number}.", header=header))
    import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()
    return window


def titles(win):
    return sorted(cell(win, row, COL_TITLE) for row in range(table(win).model().rowCount()))


def test_save_apply_rename_delete_and_survive_a_restart(news, qtbot, monkeypatch, db_path):
    win = news
    win.articles.search_box.setText("tanks")
    click(qtbot, win, "Daily")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Daily tanks", True))
    trigger(win, "actionSaveSearch")
    assert entry(win, "Daily tanks").data() == "Daily tanks  (1)"

    win.articles.search_box.clear()
    sidebar(win).clear_filters()
    win.articles.filter()
    assert len(titles(win)) == 3
    click(qtbot, win, "Daily tanks")
    assert titles(win) == ["Tanks in Kyiv"]
    assert win.findChild(QLineEdit, "searchBox").text() == "tanks"

    edit_article(table(win).model().rows.id_at(0), ArticleEdit(title="Budget again"))  # the count follows
    win.session.announce(EVERYTHING)
    assert entry(win, "Daily tanks").data() == "Daily tanks  (0)"

    win.close()
    close_catalogue()
    again = open_window(db_path)
    qtbot.addWidget(again)
    again.show()
    assert entry(again, "Daily tanks").data() == "Daily tanks  (0)"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Kyiv watch", True))
    saved_id = entry(again, "Daily tanks").data(Qt.ItemDataRole.UserRole + 2)
    again.editing.rename_saved_search(saved_id)
    assert entry(again, "Kyiv watch").data().startswith("Kyiv watch")
    again.editing.delete_saved_search(saved_id)
    model = sidebar(again).model()
    assert model.rowCount(model.index(0, 0)) == 0


def test_nothing_to_save_says_so(news):
    assert not news.editing.save_search()
    assert "Type a search" in news.statusBar().currentMessage()


def test_lazy_model_passes_the_model_tester_across_pages(window, qtbot, tmp_path, qtmodeltester, monkeypatch):
    from catalog import listing
    from catalog.listing import RowPager
    from tests.helpers import make_article_files

    make_article_files(tmp_path / "many", 600, paragraphs=1)
    monkeypatch.setattr(listing, "reads_in_background", lambda: False)  # the rest waits for fetchMore
    import_and_wait(qtbot, window, [str(tmp_path / "many")])
    model = window.articles.model
    model.reload()  # the window counted every row in to select the imported ones: start afresh
    assert isinstance(model.rows, RowPager) and model.rowCount() == listing.FIRST_PAGE
    assert model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)  # it fetches more while it checks
    assert model.rowCount() == 600 and not model.canFetchMore(QModelIndex())
    assert model.index(599, COL_TITLE).data().startswith("Report number")  # a later page, fetched on demand


def test_the_rest_of_a_long_search_arrives_by_itself(window, qtbot, tmp_path):
    from catalog import listing
    from tests.helpers import make_article_files

    make_article_files(tmp_path / "many", 600, paragraphs=1)
    import_and_wait(qtbot, window, [str(tmp_path / "many")])
    count = window.findChild(QLabel, "articleCount")
    qtbot.keyClicks(window.articles.search_box, "report")
    qtbot.waitUntil(lambda: window.articles.model.filters.query == "report", timeout=5000)
    # First the first page, then the rest without a click or a scroll.
    qtbot.waitUntil(lambda: count.text() == "600 of 600 articles", timeout=5000)
    assert window.articles.model.rowCount() == 600 > listing.FIRST_PAGE
