"""The article table shows an edited article again where it is, without reading the listing
again: the other rows, the selection and the scroll position stay as they were."""

from PySide6.QtCore import Qt

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
