"""The article table: while searching the matching passage is a muted second line under the
title (the title stays the widest, readable column), no "Matching text" column ever comes
back; the Claims, Imported, Source and Summary columns; after an import the table shows its
top; an undone delete selects the article again."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit

from catalog.catalogue import close_catalogue
from catalog.claims.store import add_claim_by_text
from catalog.editing import ArticleEdit, edit_article
from tests.helpers import article_file
from tests.ui.driving import import_and_wait, shown_window, table, trigger
from tests.ui.table_news import import_news
from ui.models.article_table_model import (
    COL_CLAIMS,
    COL_IMPORTED,
    COL_SOURCE,
    COL_SUMMARY,
    COL_TITLE,
    ArticleTableModel,
)


def search(win, qtbot, text):
    box = win.findChild(QLineEdit, "searchBox")
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def shown_columns(view):
    return [c for c in range(view.model().columnCount()) if not view.isColumnHidden(c)]


def test_a_search_keeps_the_title_widest_and_shows_the_passage_under_it(
    window, qtbot, tmp_path, qtmodeltester
):
    import_news(qtbot, window, tmp_path / "news")
    window.resize(1200, 760)
    qtbot.wait(20)
    view = table(window)
    search(window, qtbot, "tanks")

    assert view.model().rowCount() >= 2
    widths = {c: view.columnWidth(c) for c in shown_columns(view)}
    assert widths[COL_TITLE] > 250
    assert all(widths[COL_TITLE] > width for column, width in widths.items() if column != COL_TITLE)
    assert next(view.model().headerData(c, Qt.Orientation.Horizontal) for c in shown_columns(view)) == "Title"
    assert "Matching text" not in [
        view.model().headerData(c, Qt.Orientation.Horizontal) for c in range(view.model().columnCount())
    ]
    title = view.model().index(0, COL_TITLE)
    assert "tanks" in title.data(ArticleTableModel.PassageRole).lower()
    assert "tanks" in title.data(Qt.ItemDataRole.ToolTipRole).lower()
    # Two lines fit the row while searching, one when not.
    two_lines = view.rowHeight(0)
    assert two_lines >= 2 * view.fontMetrics().lineSpacing()
    view.grab().save(str(tmp_path / "searching.png"))  # looked at while writing this test
    qtmodeltester.check(view.model())

    qtbot.keyClick(window.articles.search_box, Qt.Key.Key_Escape)
    assert view.rowHeight(0) < two_lines
    assert not view.model().index(0, COL_TITLE).data(ArticleTableModel.PassageRole)


def test_no_matching_text_column_after_a_restart(window, qtbot, tmp_path, db_path):
    import_news(qtbot, window, tmp_path / "news", count=4)
    search(window, qtbot, "tanks")
    window.close()
    close_catalogue()
    again = shown_window(qtbot, db_path)
    view = table(again)
    headers = [view.model().headerData(c, Qt.Orientation.Horizontal) for c in shown_columns(view)]
    assert headers == ["Title", "Outlet", "Authors", "Date", "Topics", "Copies"]
    assert all(view.columnWidth(c) > 40 for c in shown_columns(view))  # no empty squeezed column


def test_claims_imported_source_and_summary_columns(window, qtbot, tmp_path, qtmodeltester):
    import_news(qtbot, window, tmp_path / "news", count=3)
    model = window.articles.model
    article_id = model.rows.id_at(0)
    add_claim_by_text(article_id, "Story number")
    edit_article(article_id, ArticleEdit(summary="Troops moved\nnear the capital."))
    window.session.announce(__import__("catalog.changes", fromlist=["EVERYTHING"]).EVERYTHING)
    row = model.row_of(article_id)

    assert model.index(row, COL_CLAIMS).data() == "1"
    assert model.index(row, COL_IMPORTED).data()[:2] == "20"
    assert model.index(row, COL_SOURCE).data().endswith(".txt")
    assert model.index(row, COL_SUMMARY).data() == "Troops moved near the capital."
    qtmodeltester.check(model)

    # Sorting by claims: the header clicked twice puts the article with a claim first.
    view = table(window)
    view.setColumnHidden(COL_CLAIMS, False)
    header = view.horizontalHeader()
    view.sortByColumn(COL_CLAIMS, Qt.SortOrder.DescendingOrder)
    assert model.sort_name == "claims"
    assert model.rows.id_at(0) == article_id
    view.setColumnHidden(COL_SUMMARY, False)
    view.sortByColumn(COL_SUMMARY, Qt.SortOrder.AscendingOrder)  # not a sort: the order stays
    assert model.sort_name == "claims"
    assert header.sortIndicatorSection() == COL_CLAIMS  # and the arrow says so
    assert header.count() == 10


def test_after_an_import_the_table_shows_its_top(window, qtbot, tmp_path):
    import_news(qtbot, window, tmp_path / "news", count=60)
    view = table(window)
    view.scrollToBottom()
    more = tmp_path / "more"
    more.mkdir()
    # Dated in the middle of the others: today the table went to it, mid-list.
    (more / "mid.txt").write_text(
        article_file(
            "A mid-year story", "Told in May, about harbours.", header=" date 2022-05-03 via Reuters,"
        )
    )
    import_and_wait(qtbot, window, [str(more)])
    window.importer.report_dialog.close()
    assert view.verticalScrollBar().value() == 0
    assert window.articles.current_article_id() == window.articles.model.rows.id_at(0)
    assert view.indexAt(QPoint(1, 1)).row() == 0


def test_an_undone_delete_selects_the_article_again(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    import_news(qtbot, window, tmp_path / "news", count=30)
    view = table(window)
    window.articles.select_row(17)
    gone = window.articles.current_article_id()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.setFocus()
    trigger(window, "actionDelete")
    qtbot.waitUntil(lambda: window.articles.model.row_of(gone) is None)
    window.articles.select_row(0)
    trigger(window, "actionUndo")
    qtbot.waitUntil(lambda: window.articles.current_article_id() == gone)
    assert window.articles.selected_article_ids() == [gone]
    row = window.articles.model.row_of(gone)
    assert view.viewport().rect().intersects(view.visualRect(window.articles.model.index(row, COL_TITLE)))
