"""What a write changed, as the window reads it to redraw only that."""

import pytest

from catalog.browsing import Filters
from catalog.changes import (
    EVERYTHING,
    Change,
    body_change,
    claims_change,
    deletion_change,
    relists,
    states_change,
)
from catalog.editing import ArticleEdit, BatchEdit, apply_batch_change, edit_article_change
from catalog.importing import import_paths
from tests.helpers import article_file


@pytest.fixture
def two(catalogue, write):
    write(
        "a.txt",
        article_file(
            "Budget day",
            "The minister said taxes will fall.",
            header=" date 2022-03-01 Authored by Ann Lee via Daily,",
        ),
    )
    write(
        "b.txt",
        article_file(
            "Football",
            "The home side won the derby.",
            header=" date 2022-03-09 Authored by Cy Diaz via Sport,",
        ),
    )
    return [item.article_id for item in import_paths([write.root]).imported]


def test_a_typed_title_is_one_row_and_moves_no_count(two):
    change = states_change(*edit_article_change(two[0], ArticleEdit(title="Budget night")))
    assert change == Change(edited=frozenset({two[0]}), fields=frozenset({"title"}))
    assert not change.rows and not change.counts and not change.name_lists
    assert change.touches(two[0]) and not change.touches(two[1])


def test_a_new_outlet_moves_counts_and_the_name_lists(two):
    change = states_change(*edit_article_change(two[0], ArticleEdit(outlet="Weekly", date=None)))
    assert change.fields == {"outlet", "date"}
    assert change.counts and change.name_lists and not change.rows


def test_a_batch_edit_names_only_the_articles_it_changed(two):
    plan = apply_batch_change(two, BatchEdit(add_topics=["Economy"], outlet="Daily"))
    change = states_change(plan.before, plan.after)
    assert change.edited == {two[0], two[1]} and change.fields == {"topics", "outlet"}
    again = apply_batch_change(two, BatchEdit(outlet="Daily"))
    assert not states_change(again.before, again.after)  # nothing changed: nothing to redraw


def test_an_edit_that_changes_nothing_is_no_change(two):
    before, after = edit_article_change(two[0], ArticleEdit(title="Budget day"))
    assert (before, after) == ([], []) and not states_change(before, after)


def test_changes_add_up_and_say_what_views_redraw():
    title = Change(edited=frozenset({1}), fields=frozenset({"title"}))
    both = title | deletion_change([2]) | body_change(3)
    assert both.edited == {1, 3} and both.removed == {2} and both.claims == {2, 3}
    assert both.fields == {"title", "body"} and both.rows and both.counts and not both.name_lists
    assert deletion_change([2], undone=True).added == {2}
    assert EVERYTHING.rows and EVERYTHING.counts and EVERYTHING.name_lists and EVERYTHING.touches(99)
    assert not Change() and not Change().touches(None)


def test_a_listing_is_read_again_only_when_the_change_can_move_its_rows():
    title = Change(edited=frozenset({1}), fields=frozenset({"title"}))
    outlet = Change(edited=frozenset({1}), fields=frozenset({"outlet"}))
    assert not relists(title, Filters(), "date")  # shown again in place
    assert relists(title, Filters(), "title")  # it may move
    assert relists(title, Filters(query="budget"), "relevance")  # it may match no more
    assert not relists(outlet, Filters(years=frozenset({2022})), "date")
    assert relists(outlet, Filters(outlet_ids=frozenset({3})), "date")
    assert relists(
        Change(edited=frozenset({1}), fields=frozenset({"date"})), Filters(years=frozenset({2022})), "title"
    )
    assert relists(claims_change([1]), Filters(query="claim:taxes"), "relevance")
    assert not relists(claims_change([1]), Filters(), "date")
    assert relists(deletion_change([2]), Filters(), "date") and relists(EVERYTHING, Filters(), "imported")
