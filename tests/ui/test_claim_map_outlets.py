"""The claim map shows which outlets carried a claim and when: its claims in copies (linked as
repeats) and its passages in copies not marked yet, each headed by outlet and the day its
article appeared, in that order, the earliest marked as the first appearance; a line names
the outlets; a passage clicked opens its copy with the passage selected."""

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsTextItem, QLabel

from catalog.claims.store import add_claim_by_text
from catalog.claims.travel import Carrier, Passage, claim_graph_with_copies, mark
from tests import travel_texts as texts
from tests.ui.driving import pane
from tests.ui.test_claim_travel import import_story
from ui.widgets.claim_map import FIRST_APPEARANCE, PassageItem, PassageNode, carried_line, passage_tooltip


def heading(item) -> str:
    return next(child for child in item.childItems() if isinstance(child, QGraphicsTextItem)).toPlainText()


@pytest.fixture
def story(window, qtbot, tmp_path):
    return import_story(window, qtbot, tmp_path / "copies")


@pytest.fixture
def goal_map(story, qtbot):
    """The map of the GOAL claim (made on 1 June) marked on the original and, as its own
    claim, on the Courier's copy (a few words changed); Reuters' copy not marked."""
    claim = add_claim_by_text(story.ids["original"], texts.GOAL, claim_date=datetime.date(2022, 6, 1))
    mark(claim, [story.ids["changed"]])
    story.claims.show_claim_map(claim)
    dialog = story.claims.claim_map_dialog
    qtbot.waitExposed(dialog)
    dialog.claim = claim
    return dialog


def test_each_outlet_that_carried_the_claim_is_on_the_map_by_its_day(goal_map, story, tmp_path):
    claim_map = goal_map.map
    order = [heading(item) for item in claim_map.timeline()]
    # The statement's date is 1 June on both claims: each node is headed by its article's day.
    assert order == ["AntiWar.com · 2022-06-29", "Reuters · 2022-06-30", "The Courier · 2022-07-02"]
    [reuters] = claim_map.passage_items().values()
    assert isinstance(reuters, PassageItem) and reuters.passage.article_id == story.ids["rewrapped"]
    assert reuters.pen().style() == Qt.PenStyle.DashLine
    first = claim_map.node_item(goal_map.claim)
    assert first.badge is not None and first.badge.text() == FIRST_APPEARANCE
    assert goal_map.carried.isVisible()
    assert goal_map.carried.text() == (
        "Carried by 3 outlets, 2022-06-29 to 2022-07-02: AntiWar.com (first), Reuters (not marked), The Courier"
    )
    words = [label.text() for label in goal_map.findChildren(QLabel)]
    assert "in a copy, not marked" in words  # the legend says what a dashed box is
    assert claim_map.edge_labels() == ["repeats"]  # the passage's dotted line has no name
    image = claim_map.grab().toImage()
    assert image.save(str(tmp_path / "claim_map_outlets.png"))


def test_a_passage_changed_in_its_copy_says_so(story, qtbot):
    claim = add_claim_by_text(story.ids["original"], texts.GOAL)
    story.claims.show_claim_map(claim)
    claim_map = story.claims.claim_map_dialog.map
    changed = claim_map.passage_items()[story.ids["changed"]]
    assert heading(changed) == "The Courier · 2022-07-02 · words changed"
    assert "a few words changed" in changed.toolTip()


def test_an_earlier_copy_not_marked_is_where_the_claim_first_appeared(story, qtbot):
    claim = add_claim_by_text(story.ids["rewrapped"], "Ukraine is taking heavy casualties")
    story.claims.show_claim_map(claim)
    dialog = story.claims.claim_map_dialog
    [original] = dialog.map.passage_items().values()
    assert original.badge is not None and original.badge.text() == FIRST_APPEARANCE
    assert dialog.map.node_item(claim).badge is None
    assert (
        dialog.carried.text()
        == "Carried by 2 outlets, 2022-06-29 to 2022-06-30: AntiWar.com (first, not marked), Reuters"
    )


def test_clicking_a_passage_opens_its_copy_with_the_passage_selected(goal_map, story, qtbot):
    claim_map = goal_map.map
    [reuters] = claim_map.passage_items().values()
    centre = claim_map.passage_rect(reuters.passage.article_id).center().toPoint()
    assert claim_map.viewport().rect().contains(centre)
    with qtbot.waitSignal(claim_map.passage_chosen, timeout=2000) as chosen:
        qtbot.mouseClick(claim_map.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    passage = reuters.passage
    assert chosen.args == [passage.article_id, passage.start, passage.end]
    assert story.articles.current_article_id() == story.ids["rewrapped"]
    assert pane(story).selected_span() == (passage.start, passage.end)


def test_a_claim_without_copies_draws_no_passages_and_no_carried_line(story, qtbot):
    claim = add_claim_by_text(story.ids["other"], "tolls would stay at 2 dollars")
    graph = claim_graph_with_copies(claim)
    assert (graph.passages, [carrier.article_id for carrier in graph.carriers]) == ([], [story.ids["other"]])
    story.claims.show_claim_map(claim)
    dialog = story.claims.claim_map_dialog
    assert dialog.map.passage_items() == {} and not dialog.carried.isVisible()
    assert "in a copy, not marked" not in [label.text() for label in dialog.findChildren(QLabel)]


def test_the_carried_line_counts_outlets_once_and_names_at_most_eight():
    day = datetime.date(2022, 1, 1)
    carriers = [Carrier(n, f"Outlet {n % 10}", day + datetime.timedelta(days=n), n) for n in range(12)]
    line = carried_line(carriers)
    assert line.startswith("Carried by 10 outlets, 2022-01-01 to 2022-01-12: Outlet 0 (first), Outlet 1,")
    assert line.endswith("Outlet 7, and 2 more")
    assert carried_line(carriers[:1]) == ""
    undated = [Carrier(1, None, None, 1), Carrier(2, "Wire", None, None)]
    assert carried_line(undated) == "Carried by 2 outlets: unknown outlet, Wire (not marked)"


def test_a_passages_words_and_outlet_never_turn_into_markup():
    passage = Passage(3, 0, 9, True, None, "<b>Bold News</b>", None, "<script>x</script>")
    tip = passage_tooltip(PassageNode(passage))
    assert "&lt;script&gt;x&lt;/script&gt;" in tip and "&lt;b&gt;Bold News&lt;/b&gt;" in tip
    assert "<script>" not in tip
