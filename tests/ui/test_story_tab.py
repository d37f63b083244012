"""The Story tab beside Details and Claims, and the table's Copies column: three copies of the
seed article (the whole text, a rewrapped republication, a newsletter's excerpt) imported in
the window, with an unrelated report."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from tests.story_copies import write_copies, write_other
from tests.ui.driving import import_and_wait, table
from ui.models.article_table_model import COL_COPIES, COL_TITLE
from ui.panes.story import COL_KEEPS, COL_OUTLET, NO_COPIES, StoryModel
from ui.panes.story import COL_TITLE as STORY_TITLE


def import_copies(qtbot, win, folder):
    """The three copies and an unrelated report imported in ``win``; ``win.ids``: {file: id}."""
    write_copies(folder)
    write_other(folder)
    report = import_and_wait(qtbot, win, [str(folder)])
    win.importer.report_dialog.close()
    win.ids = {Path(item.path).name: item.article_id for item in report.imported}
    return win


@pytest.fixture
def copies(window, qtbot, tmp_path):
    return import_copies(qtbot, window, tmp_path / "copies")


def open_story_of(win, name: str):
    win.articles.select_article(win.ids[name])
    win.detail.tabs.setCurrentWidget(win.detail.story)
    return win.detail.story


def cells(view, column: int) -> list[str]:
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, STORY_TITLE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_story_tab_lists_the_copies_first_appearance_first(copies, qtbot, qtmodeltester):
    story = open_story_of(copies, "rewrapped.txt")
    tabs = copies.detail.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["&Details", "C&laims", "Sto&ry (3)"]
    qtmodeltester.check(story.model)
    assert cells(story.view, COL_OUTLET) == ["AntiWar.com", "Daily Digest", "The Morning Letter"]
    assert cells(story.view, 1) == ["2022-06-29", "2022-06-30", "2022-07-02"]
    # The rewrapped copy keeps all of the first's text; the excerpt three paragraphs of it.
    keeps = cells(story.view, COL_KEEPS)
    assert keeps[:2] == ["First appearance", "100%"]
    assert keeps[2].endswith("%") and 10 <= int(keeps[2][:-1]) <= 40
    assert cells(story.view, STORY_TITLE)[1] == "WHITE HOUSE LOSING CONFIDENCE IN UKRAINE"
    # The article shown is marked (bold, and chosen) and said to be a republication.
    bold = [story.model.index(row, 0).data(Qt.ItemDataRole.FontRole) for row in range(3)]
    assert [isinstance(font, QFont) and font.bold() for font in bold] == [False, True, False]
    assert story.view.currentIndex().row() == 1
    assert "first appeared in <b>AntiWar.com</b> on 2022-06-29" in story.heading.text()
    assert "republication: it keeps 100%" in story.place.text()
    assert story.isVisible() and story.view.isVisible() and not story.empty_label.isVisible()


def test_the_first_appearance_says_so(copies):
    story = open_story_of(copies, "whole.txt")
    assert "is the first appearance" in story.place.text()
    assert not story.compare_button.isEnabled()  # nothing earlier to compare it with
    assert story.split_button.isEnabled()


def test_an_article_without_copies_says_so(copies):
    story = open_story_of(copies, "other.txt")
    assert copies.detail.tabs.tabText(2) == "Sto&ry"
    assert story.empty_label.isVisible() and story.empty_label.text() == NO_COPIES
    assert not story.view.isVisible() and not story.split_button.isVisible()
    copies.articles.clear_filters()
    copies.articles.search_box.setText("nothing matches this")
    copies.articles.filter()
    assert not story.empty_label.isVisible()  # no article at all: nothing to say of its copies


def test_clicking_a_copy_opens_it(copies, qtbot):
    story = open_story_of(copies, "rewrapped.txt")
    click_row(qtbot, story.view, 2)
    assert copies.articles.current_article_id() == copies.ids["excerpt.txt"]
    assert copies.detail.reading_pane.toPlainText().count("Read the rest at https://example.org/x") == 1
    # The tab stays open on the same story, now marking the excerpt.
    assert copies.detail.tabs.currentWidget() is story
    assert story.view.currentIndex().row() == 2 and "keeps" in story.place.text()


def test_a_copy_the_filters_hide_opens_with_its_story_shown(copies, qtbot):
    copies.articles.search_box.setText("newsletter")
    copies.articles.filter()
    assert copies.articles.model.rowCount() == 1
    story = open_story_of(copies, "rewrapped.txt")
    click_row(qtbot, story.view, 0)
    assert copies.articles.current_article_id() == copies.ids["whole.txt"]
    assert copies.articles.search_box.text() == ""
    chips = copies.articles.filter_bar.chip_texts()
    assert len(chips) == 1 and chips[0].startswith("Story: White House Losin")
    assert copies.articles.model.rowCount() == 3


def test_compare_with_first_asks_for_the_comparison(copies, qtbot):
    story = open_story_of(copies, "excerpt.txt")
    assert story.compare_button.isEnabled()
    with qtbot.waitSignal(story.compare_requested) as asked:
        qtbot.mouseClick(story.compare_button, Qt.MouseButton.LeftButton)
    assert asked.args == [copies.ids["whole.txt"], copies.ids["excerpt.txt"]]
    # Another copy chosen with the keys (not opened): that one is compared.
    story.view.setFocus()
    qtbot.keyClick(story.view, Qt.Key.Key_Up)
    with qtbot.waitSignal(story.compare_requested) as asked:
        qtbot.mouseClick(story.compare_button, Qt.MouseButton.LeftButton)
    assert asked.args == [copies.ids["whole.txt"], copies.ids["rewrapped.txt"]]


def test_the_copies_column_counts_each_rows_story_and_sorts(copies, qtbot, qtmodeltester):
    view = table(copies)
    model = view.model()
    assert not view.isColumnHidden(COL_COPIES)
    assert model.headerData(COL_COPIES, Qt.Orientation.Horizontal) == "Copies"
    shown = {
        model.index(row, COL_TITLE).data(model.ArticleIdRole): model.index(row, COL_COPIES).data()
        for row in range(model.rowCount())
    }
    assert shown == {
        copies.ids["whole.txt"]: "3",
        copies.ids["rewrapped.txt"]: "3",
        copies.ids["excerpt.txt"]: "3",
        copies.ids["other.txt"]: "",
    }
    view.horizontalHeader().setSortIndicator(COL_COPIES, Qt.SortOrder.AscendingOrder)
    assert model.index(3, COL_TITLE).data(model.ArticleIdRole) == copies.ids["other.txt"]  # blank last
    assert model.sort_name == "copies"
    qtmodeltester.check(model)


def test_a_story_model_of_no_story_is_empty(qtmodeltester):
    model = StoryModel()
    model.show_story(None, None)
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_a_hidden_copy_opens_with_its_story_before_the_sidebar_has_listed_it(copies, qtbot):
    copies.sidebar.model().show_stories([])  # as while the stories are read with the counts
    copies.articles.search_box.setText("newsletter")
    copies.articles.filter()
    story = open_story_of(copies, "rewrapped.txt")
    click_row(qtbot, story.view, 2)
    assert copies.articles.current_article_id() == copies.ids["excerpt.txt"]
    assert copies.articles.filter_bar.chip_texts() == ["Story: White House Losin… Retake Territory"]
    assert copies.articles.model.rowCount() == 3


def test_enter_on_a_copy_opens_it(copies, qtbot):
    story = open_story_of(copies, "whole.txt")
    story.view.setFocus()
    qtbot.keyClick(story.view, Qt.Key.Key_Down)
    assert copies.articles.current_article_id() == copies.ids["whole.txt"]  # chosen, not opened
    qtbot.keyClick(story.view, Qt.Key.Key_Return)
    assert copies.articles.current_article_id() == copies.ids["rewrapped.txt"]
