"""The sidebar's "Stories with copies": each story as its first appearance's title with its
copies; choosing one filters the table to the story (a chip says so), and the section follows
splits, joins, deletions and another desk's changes."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from catalog.stories import join_stories, split_article
from tests.ui.driving import click, counted, entry, table, trigger
from tests.ui.test_story_tab import import_copies
from tests.ui.test_undo_checks import other_desk
from ui.models.article_table_model import COL_COPIES, COL_TITLE
from ui.widgets.sidebar_roles import CountRole, KindRole, NameRole

FIRST_TITLE = "White House Losing Confidence Ukraine Can Retake Territory"


@pytest.fixture
def copies(window, qtbot, tmp_path):
    return import_copies(qtbot, window, tmp_path / "copies")


def stories_listed(win) -> list[tuple[str, int]]:
    view = counted(win)
    return [
        (index.data(NameRole), index.data(CountRole))
        for index in view._all_indexes()
        if index.data(KindRole) == "story"
    ]


def listed_ids(win) -> set[int]:
    model = table(win).model()
    return {model.index(row, COL_TITLE).data(model.ArticleIdRole) for row in range(model.rowCount())}


def test_the_section_lists_each_story_by_its_first_appearance(copies, qtmodeltester):
    assert stories_listed(copies) == [(FIRST_TITLE, 3)]
    heading = entry(copies, "Stories with copies")
    assert not heading.parent().isValid()  # a group, like Outlets and Years
    story = entry(copies, FIRST_TITLE)
    assert story.data() == f"{FIRST_TITLE}  (3)"
    assert "story of 3 copies" in story.data(Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(counted(copies).model())


def test_choosing_a_story_filters_the_table_to_its_copies(copies, qtbot):
    click(qtbot, copies, FIRST_TITLE)
    three = {copies.ids[name] for name in ("whole.txt", "rewrapped.txt", "excerpt.txt")}
    assert listed_ids(copies) == three
    assert copies.articles.count_label.text() == "3 of 4 articles"
    chips = copies.articles.filter_bar.chip_texts()
    assert chips == ["Story: White House Losin… Retake Territory"]
    # The chip's close removes the filter, as the other chips do.
    qtbot.mouseClick(copies.articles.filter_bar.chips[0], Qt.MouseButton.LeftButton)
    assert len(listed_ids(copies)) == 4 and copies.articles.filter_bar.chip_texts() == []


def test_the_section_follows_a_split_and_its_undo(copies, qtbot):
    click(qtbot, copies, FIRST_TITLE)
    copies.articles.select_article(copies.ids["excerpt.txt"])
    trigger(copies, "actionSplitFromStory")
    assert stories_listed(copies) == [(FIRST_TITLE, 2)]
    assert listed_ids(copies) == {copies.ids["whole.txt"], copies.ids["rewrapped.txt"]}
    trigger(copies, "actionUndo")
    assert stories_listed(copies) == [(FIRST_TITLE, 3)]
    assert len(listed_ids(copies)) == 3


def test_a_joined_story_stays_chosen(copies, qtbot):
    click(qtbot, copies, FIRST_TITLE)
    other_desk(join_stories, copies.ids["whole.txt"], copies.ids["other.txt"])
    qtbot.waitUntil(
        lambda: (copies.session.check_for_changes(), len(listed_ids(copies)) == 4)[1], timeout=6000
    )
    assert stories_listed(copies) == [(FIRST_TITLE, 4)]
    assert copies.articles.filter_bar.chip_texts() == ["Story: White House Losin… Retake Territory"]


def test_another_desks_split_that_ends_the_story_drops_its_filter_and_says_so(copies, qtbot):
    click(qtbot, copies, FIRST_TITLE)
    for name in ("excerpt.txt", "rewrapped.txt"):
        other_desk(split_article, copies.ids[name])
    qtbot.waitUntil(
        lambda: (copies.session.check_for_changes(), stories_listed(copies) == [])[1], timeout=6000
    )
    assert copies.articles.filter_bar.chip_texts() == []
    assert len(listed_ids(copies)) == 4
    assert "Filter on story “White House" in copies.statusBar().currentMessage()
    assert "no longer copies of one another" in copies.statusBar().currentMessage()


def test_deleting_a_copy_counts_it_out(copies, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    copies.articles.select_article(copies.ids["excerpt.txt"])
    trigger(copies, "actionDelete")
    assert stories_listed(copies) == [(FIRST_TITLE, 2)]
    trigger(copies, "actionUndo")
    assert stories_listed(copies) == [(FIRST_TITLE, 3)]


def test_a_text_edited_into_a_copy_joins_its_story_in_the_window(copies, qtbot):
    from catalog.body_editing import replace_body
    from tests.story_copies import seed_paragraphs
    from ui.operations.claims import text_saved

    other = copies.ids["other.txt"]
    copies.articles.select_article(other)
    body = "\n\n".join(seed_paragraphs()) + "\n\nThis article first appeared at AntiWar.com."
    text_saved(session=copies.session, article_id=other, changed=replace_body(other, body))
    assert stories_listed(copies) == [(FIRST_TITLE, 4)]
    model = copies.articles.model
    assert model.index(model.row_of(copies.ids["whole.txt"]), COL_COPIES).data() == "4"
    assert copies.detail.tabs.tabText(2) == "Sto&ry (4)"
