"""The article list by story: a filter on one story's copies, the Copies value of each table
row, the Copies sort, and which changes make a listing by story read again. On both backends."""

from pathlib import Path

import pytest

from catalog.articles import table_rows
from catalog.browsing import Filters, count_filtered, filtered_ids
from catalog.changes import EVERYTHING, Change, body_change, relists, stories_change
from catalog.importing import import_paths
from catalog.stories import split_article, story_number
from tests.story_copies import write_copies, write_other


@pytest.fixture
def story(catalogue, tmp_path):
    """Three copies of the seed article and two other reports imported: {file name: id}."""
    folder = tmp_path / "news"
    write_copies(folder)
    write_other(folder, "other.txt", date="2022-07-05")
    write_other(folder, "older.txt", date="2021-01-05").write_text(
        " date 2021-01-05 Authored by Lee Chan via Harbour News,\n\n"
        "The harbour reopened on Tuesday after 3 weeks; about 1,200 ships had waited offshore, "
        "the port authority said.\n",
        encoding="utf-8",
    )
    report = import_paths([folder])
    return {Path(item.path).name: item.article_id for item in report.imported}


def test_a_story_filter_lists_every_copy_and_nothing_else(story):
    number = story_number(story["rewrapped.txt"])
    assert number is not None
    filters = Filters(story_ids=frozenset({number}))
    copies = {story[name] for name in ("whole.txt", "rewrapped.txt", "excerpt.txt")}
    assert bool(filters)
    assert set(filtered_ids(filters)) == copies
    assert count_filtered(filters) == 3
    # Newest first, as any listing: the excerpt, the rewrapped copy, then the first appearance.
    assert filtered_ids(filters) == [story["excerpt.txt"], story["rewrapped.txt"], story["whole.txt"]]
    # With a search as well: the filters narrow each other.
    assert filtered_ids(Filters(story_ids=frozenset({number}), query="newsletter")) == [
        story["rewrapped.txt"]
    ]


def test_a_story_that_is_no_more_lists_nothing(story):
    assert filtered_ids(Filters(story_ids=frozenset({story["other.txt"]}))) == []


def test_each_table_row_says_how_many_copies_its_story_has(story):
    rows = table_rows(list(story.values()))
    assert {name: rows[i].copies for name, i in story.items()} == {
        "whole.txt": 3,
        "rewrapped.txt": 3,
        "excerpt.txt": 3,
        "other.txt": 0,
        "older.txt": 0,
    }
    split_article(story["excerpt.txt"])
    rows = table_rows(list(story.values()))
    assert [rows[story[name]].copies for name in ("whole.txt", "rewrapped.txt", "excerpt.txt")] == [2, 2, 0]


@pytest.mark.parametrize("descending", [True, False])
def test_the_copies_sort_puts_articles_in_no_story_last_either_way(story, descending):
    listed = filtered_ids(Filters(), sort="copies", descending=descending)
    copies = {story[name] for name in ("whole.txt", "rewrapped.txt", "excerpt.txt")}
    assert set(listed[:3]) == copies
    assert set(listed[3:]) == {story["other.txt"], story["older.txt"]}


def test_a_listing_by_story_or_by_copies_is_read_again_when_stories_change(story):
    by_story = Filters(story_ids=frozenset({1}))
    split = stories_change([story["excerpt.txt"]])
    assert relists(split, by_story, "date")
    assert relists(split, Filters(), "copies")
    assert not relists(split, Filters(), "date")  # its rows are shown again where they are
    assert split.counts  # the sidebar's stories
    assert story["excerpt.txt"] in split.articles
    # A text edited may make the article a copy of another, or no longer one.
    assert body_change(story["other.txt"]).stories == {story["other.txt"]}
    assert not Change().stories and EVERYTHING.rows
