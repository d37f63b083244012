"""Sorting and filtering in SQL, and the sidebar's counts."""

import pytest

from catalog.browsing import Filters, SidebarEntry, browse_rows, count_filtered, filtered_ids, sidebar_entries
from catalog.editing import ArticleEdit, edit_article
from catalog.importing import import_paths
from catalog.models import Author, Outlet, Topic
from tests.helpers import article_file


@pytest.fixture
def articles(catalogue, write):
    write("1.txt", article_file("banana", "x.", header=" date 2021-05-01 Authored by Zed via Daily,"))
    write("2.txt", article_file("Apple", "y.", header=" date 2022-01-01 Authored by amy via Weekly,"))
    write("3.txt", article_file("cherry", "z."))
    ids = [i.article_id for i in import_paths([write.root]).imported]
    edit_article(ids[0], ArticleEdit(topics=["Politics/Elections"]))
    edit_article(ids[1], ArticleEdit(topics=["Politics"]))
    return ids


def titles(**kwargs):
    return [row.title for row in browse_rows(**kwargs)]


def test_sort_by_each_column_case_insensitively_unknown_last(articles):
    assert titles(sort="title", descending=False) == ["Apple", "banana", "cherry"]
    assert titles(sort="title", descending=True) == ["cherry", "banana", "Apple"]
    assert titles(sort="date", descending=True) == ["Apple", "banana", "cherry"]
    assert titles(sort="date", descending=False) == ["banana", "Apple", "cherry"]
    assert titles(sort="authors", descending=False) == ["Apple", "banana", "cherry"]
    assert titles(sort="outlet", descending=False) == ["banana", "Apple", "cherry"]
    assert titles(sort="topics", descending=False) == ["Apple", "banana", "cherry"]


def test_filters_combine(articles):
    daily = Outlet.get(Outlet.name == "Daily").id
    politics = Topic.get(Topic.name == "Politics").id
    amy = Author.get(Author.name == "amy").id
    assert titles(filters=Filters(topic_ids=frozenset({politics})), sort="title", descending=False) == [
        "Apple",
        "banana",
    ]
    assert titles(filters=Filters(topic_ids=frozenset({politics}), outlet_ids=frozenset({daily}))) == [
        "banana"
    ]
    assert titles(filters=Filters(author_ids=frozenset({amy}))) == ["Apple"]
    assert titles(filters=Filters(years=frozenset({2021, 2022})), sort="title", descending=False) == [
        "Apple",
        "banana",
    ]
    assert filtered_ids(Filters(years=frozenset({1999}))) == []
    for filters in (Filters(), Filters(topic_ids=frozenset({politics})), Filters(query="x -y year:2022")):
        assert count_filtered(filters) == len(filtered_ids(filters))
    assert not Filters() and Filters(years=frozenset({1}))


def test_sidebar_counts(articles):
    entries = sidebar_entries()
    by_kind = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, []).append((entry.name, entry.count))
    assert by_kind["outlet"] == [("Daily", 1), ("Weekly", 1)]
    assert by_kind["author"] == [("amy", 1), ("Zed", 1)]
    assert by_kind["topic"] == [("Politics", 2), ("Elections", 1)]  # Politics with its sub-topic
    assert by_kind["year"] == [("2022", 1), ("2021", 1)]
    elections = next(e for e in entries if e.name == "Elections")
    assert (
        isinstance(elections, SidebarEntry) and elections.parent_id == Topic.get(Topic.name == "Politics").id
    )


def test_row_pager_fetches_pages_on_demand_and_keeps_few(catalogue, write, monkeypatch):
    from catalog.listing import RowPager
    from tests.helpers import make_article_files

    monkeypatch.setattr(RowPager, "PAGE_SIZE", 10)
    monkeypatch.setattr(RowPager, "MAX_PAGES", 2)
    make_article_files(write.root, 35, paragraphs=1)
    import_paths([write.root])
    pager = RowPager(filtered_ids(sort="title", descending=False))
    assert len(pager) == 35 and len(pager._pages) == 0
    assert pager[34].title == "Report number 9"
    assert pager[0].title == "Report number 0" and pager[15].title == "Report number 22"
    assert len(pager._pages) == 2  # the least recently used page was dropped
    assert pager.row_of(pager[20].id) == 20


def test_a_listing_shows_its_first_page_at_once_and_the_rest_when_read(catalogue, write, monkeypatch):
    from catalog import listing
    from catalog.listing import RowPager, make_listing
    from tests.helpers import make_article_files

    monkeypatch.setattr(listing, "FIRST_PAGE", 10)
    make_article_files(write.root, 35, paragraphs=1)
    import_paths([write.root])
    everything = filtered_ids(sort="title", descending=False)

    monkeypatch.setattr(listing, "reads_in_background", lambda: False)
    pager = RowPager(make_listing(Filters(), sort="title", descending=False))
    assert len(pager) == 10 and not pager.complete and pager.ids_between(0, 50) == everything[:10]
    assert pager.row_of(everything[20]) is None  # not counted in yet
    assert pager.read_rest() == (35, True) and len(pager) == 10  # read, not yet revealed
    pager.reveal_rest()
    assert pager.complete and len(pager) == 35 and pager.row_of(everything[20]) == 20
    assert [pager[row].id for row in range(35)] == everything

    monkeypatch.undo()
    monkeypatch.setattr(listing, "FIRST_PAGE", 10)
    background = RowPager(make_listing(Filters(query="report"), sort="relevance"))
    assert background._rest is not None  # read on a connection of its own
    background._rest.result(timeout=10)
    assert background.rest_ready() and background.read_rest() == (35, True)

    few = RowPager(make_listing(Filters(query='title:"number 1"'), sort="date"))
    assert few.complete and len(few) == 1  # a short listing is whole from the start
