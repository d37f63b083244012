"""The article table shows an edited article again where it is, without reading the listing
again: the other rows, the selection and the scroll position stay as they were."""

import threading
from array import array

from PySide6.QtCore import QModelIndex, Qt

from catalog.browsing import filtered_ids
from catalog.editing import ArticleEdit, edit_article
from ui.models.article_table_model import COL_DATE, COL_OUTLET, COL_TITLE, ArticleTableModel


def test_an_edited_row_is_read_again_in_place(qtmodeltester, qtbot, catalogue_with_articles):
    model = ArticleTableModel()
    model.reload()
    qtmodeltester.check(model)
    row = next(r for r in range(model.rowCount()) if model.index(r, COL_TITLE).data() == "Article 2")
    article_id = model.index(row, COL_TITLE).data(ArticleTableModel.ArticleIdRole)
    before = [model.index(r, COL_TITLE).data() for r in range(model.rowCount())]
    edit_article(article_id, ArticleEdit(title="Article 2, revised", outlet="Z"))
    assert model.index(row, COL_TITLE).data() == "Article 2"  # a page read before stays until told

    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.show_again([article_id, 999])  # 999: no such row, nothing to redraw
    top_left, bottom_right = changed.args[:2]
    assert (top_left.row(), top_left.column(), bottom_right.row()) == (row, 0, row)
    assert bottom_right.column() == model.columnCount() - 1
    assert model.index(row, COL_TITLE).data() == "Article 2, revised"
    assert model.index(row, COL_OUTLET).data() == "Z"
    after = [model.index(r, COL_TITLE).data() for r in range(model.rowCount())]
    assert [t for t in after if t != "Article 2, revised"] == [t for t in before if t != "Article 2"]
    assert resets == []
    qtmodeltester.check(model)


def test_the_listing_order_is_named_as_the_catalogue_names_it(catalogue_with_articles):
    model = ArticleTableModel()
    model.reload()
    assert model.sort_name == "date"
    model.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert model.sort_name == "title"
    model.sort(COL_DATE, Qt.SortOrder.DescendingOrder)
    assert model.sort_name == "date"


def test_scrolling_past_the_first_page_reads_the_next_at_once_while_the_rest_is_read(
    window, qtbot, tmp_path, monkeypatch, qtmodeltester
):
    """At a million articles every id takes a second to read: the table must not wait for them
    when it is scrolled past its first page. It counts in the next page at once, then every
    row when the whole listing has been read."""
    from catalog import listing
    from tests.helpers import make_article_files
    from tests.ui.driving import import_and_wait, table

    make_article_files(tmp_path / "many", 700, paragraphs=1)
    import_and_wait(qtbot, window, [str(tmp_path / "many")])
    everything = filtered_ids(sort="date")
    gate, read_ids, read = threading.Event(), listing._read_ids, []

    def held(db, found):
        gate.wait(10)
        read.append(found)
        return read_ids(db, found)

    monkeypatch.setattr(listing, "_read_ids", held)
    model = window.articles.model
    model.reload()
    assert model.rowCount() == listing.FIRST_PAGE and not model.rows.rest_ready()
    counts = []
    monkeypatch.setattr("ui.panes.article_list.count_articles", lambda: counts.append(1) or 700)

    view = table(window)
    qtbot.wait(10)  # laid out
    view.scrollToBottom()  # the view asks for more at its last row, page after page
    assert model.rowCount() > listing.FIRST_PAGE
    assert read == []  # the whole listing was not waited for
    assert counts == []  # a page counted in while scrolling does not count the catalogue again
    assert window.articles.count_label.text() == "700 articles"
    shown = model.rowCount()
    ids = [model.index(r, COL_TITLE).data(ArticleTableModel.ArticleIdRole) for r in range(shown)]
    assert ids == everything[:shown]
    qtmodeltester.check(model)

    gate.set()  # the whole listing arrives: every row is counted in, by itself
    qtbot.waitUntil(lambda: model.rowCount() == 700, timeout=5000)
    assert [model.index(r, 0).data(ArticleTableModel.ArticleIdRole) for r in range(700)] == everything
    assert not model.canFetchMore(QModelIndex())


def test_a_short_last_page_ends_the_listing(window, qtbot, tmp_path, monkeypatch, qtmodeltester):
    from catalog import listing
    from tests.helpers import make_article_files
    from tests.ui.driving import import_and_wait

    make_article_files(tmp_path / "some", 300, paragraphs=1)
    import_and_wait(qtbot, window, [str(tmp_path / "some")])
    gate = threading.Event()
    monkeypatch.setattr(listing, "_read_ids", lambda db, found: gate.wait(10) and array("q"))
    model = window.articles.model
    model.reload()
    qtmodeltester.check(model)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 300 and model.complete and not model.canFetchMore(QModelIndex())
    gate.set()
