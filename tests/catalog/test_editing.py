"""Editing articles: single edits, batch edits, versions, undo, and the index kept in step."""

import pytest

from catalog.articles import get_article
from catalog.browsing import Filters, filtered_ids
from catalog.dates import PartialDate
from catalog.editing import (
    ArticleEdit,
    BatchEdit,
    NoSuchArticle,
    VersionConflict,
    apply_batch,
    capture,
    edit_article,
    plan_batch,
    restore,
)
from catalog.importing import import_paths
from catalog.models import Outlet, Topic
from catalog.search import fulltext
from tests.helpers import article_file


@pytest.fixture
def articles(catalogue, write):
    write(
        "1.txt",
        article_file("First story", "Alpha text.", header=" date 2022-01-01 Authored by Ann Lee via Daily,"),
    )
    write(
        "2.txt",
        article_file("Second story", "Beta text.", header=" date 2022-02-02 Authored by Bo Chan via Weekly,"),
    )
    write("3.txt", article_file("Third story", "Gamma text."))
    report = import_paths([write.root])
    return [item.article_id for item in report.imported]


def matches(query: str) -> list[int]:
    return sorted(filtered_ids(Filters(query=query)))


def test_editing_every_field_saves_and_bumps_the_version(articles):
    first = articles[0]
    before = edit_article(
        first,
        ArticleEdit(
            title="  A  new   title ",
            date=PartialDate(2021, 6),
            outlet="The Planet",
            authors=["Zoë Martin", "Ann Lee"],
            topics=["Politics/Elections", "Economy"],
            summary="Short.",
            notes="Check the quote.",
        ),
    )
    article = get_article(first)
    assert article["title"] == "A new title"
    assert article["date"] == "2021-06"
    assert article["outlet"] == "The Planet"
    assert article["authors"] == ["Zoë Martin", "Ann Lee"]
    assert article["topics"] == ["Economy", "Politics/Elections"]
    assert (article["summary"], article["notes"]) == ("Short.", "Check the quote.")
    assert article["version"] == 2
    assert before[0].title == "First story"
    assert Topic.get(Topic.name == "Politics/Elections").parent.name == "Politics"
    assert fulltext.problems() == []
    assert matches("planet") == [first] and matches("zoe") == [first]


def test_undo_restores_exactly_and_counts_as_a_change(articles):
    first = articles[0]
    original = capture([first])
    before = edit_article(first, ArticleEdit(outlet=None, authors=[], topics=["X"], date=None))
    assert before == original
    restore(before)
    assert capture([first]) == original
    assert get_article(first)["version"] == 3
    assert matches("daily") == [first]
    assert fulltext.problems() == []


def test_no_change_is_no_edit(articles):
    assert edit_article(articles[0], ArticleEdit(title="First story")) == []
    assert get_article(articles[0])["version"] == 1


def test_expect_version_refuses_a_stale_edit(articles):
    edit_article(articles[0], ArticleEdit(summary="first"), expect_version=1)
    with pytest.raises(VersionConflict, match="changed since version 1 .it is now version 2."):
        edit_article(articles[0], ArticleEdit(summary="second"), expect_version=1)
    assert get_article(articles[0])["summary"] == "first"


def test_editing_a_missing_article(articles):
    with pytest.raises(NoSuchArticle):
        edit_article(999, ArticleEdit(title="x"))


def test_an_empty_title_is_refused(articles):
    with pytest.raises(ValueError, match="needs a title"):
        edit_article(articles[0], ArticleEdit(title="   "))


def test_names_are_found_case_insensitively(articles):
    edit_article(articles[2], ArticleEdit(outlet="DAILY"))
    assert Outlet.select().where(Outlet.key == "daily").count() == 1
    assert get_article(articles[2])["outlet"] == "Daily"


def test_add_and_remove_topics(articles):
    edit_article(articles[0], ArticleEdit(add_topics=["War", "Peace"]))
    edit_article(articles[0], ArticleEdit(remove_topics=["war"]))
    assert get_article(articles[0])["topics"] == ["Peace"]


def test_batch_set_outlet_preview_apply_and_undo(articles):
    plan = plan_batch(articles, BatchEdit(outlet="Weekly"))
    assert plan.count == 2  # the second article already has it
    assert Outlet.select().count() == 2  # a preview creates nothing
    before = apply_batch(articles, BatchEdit(outlet="Weekly"))
    assert [get_article(i)["outlet"] for i in articles] == ["Weekly"] * 3
    assert [get_article(i)["version"] for i in articles] == [2, 1, 2]
    restore(before)
    assert [get_article(i)["outlet"] for i in articles] == ["Daily", "Weekly", None]
    assert fulltext.problems() == []


def test_batch_authors_topics_and_dates(articles):
    apply_batch(
        articles, BatchEdit(add_authors=["Cy Diaz"], remove_authors=["ann lee"], add_topics=["Ukraine"])
    )
    assert [get_article(i)["authors"] for i in articles] == [["Cy Diaz"], ["Bo Chan", "Cy Diaz"], ["Cy Diaz"]]
    assert all(get_article(i)["topics"] == ["Ukraine"] for i in articles)
    apply_batch(articles[:2], BatchEdit(date=PartialDate(2020), remove_topics=["Ukraine"]))
    assert [get_article(i)["date"] for i in articles] == ["2020", "2020", None]
    assert [get_article(i)["topics"] for i in articles] == [[], [], ["Ukraine"]]
    assert matches("diaz") == articles
    assert fulltext.problems() == []


def test_batch_find_and_replace_in_titles(articles):
    plan = plan_batch(articles, BatchEdit(find_in_titles="story", replace_in_titles="report"))
    assert plan.count == 3
    apply_batch(articles, BatchEdit(find_in_titles=" story", replace_in_titles=""))
    assert [get_article(i)["title"] for i in articles] == ["First", "Second", "Third"]
    assert matches("title:story") == []


def test_batch_describes_itself():
    assert BatchEdit(outlet="X", add_topics=["A", "B"]).describe() == "set outlet to X; add topic A, B"


def test_delete_and_undelete_bring_back_everything(articles):
    from catalog.editing import delete_articles, undelete_articles
    from catalog.models import Article, Claim, ClaimLink

    edit_article(articles[0], ArticleEdit(topics=["War"]))
    with fulltext.reindexing(articles[:2]):  # claims are indexed with their article
        first = Claim.create(article=articles[0], text="Alpha", start=0, end=5)
        second = Claim.create(article=articles[1], text="Beta", start=0, end=4)
    ClaimLink.create(source=second, target=first, relation="repeats")
    before = [get_article(i) for i in articles]
    deleted = delete_articles(articles[:1])
    assert deleted.count == 1
    assert Article.select().count() == 2 and ClaimLink.select().count() == 0
    assert matches("alpha") == []
    undelete_articles(deleted)
    assert [get_article(i) for i in articles] == before
    assert ClaimLink.select().count() == 1 and Claim.select().count() == 2
    assert matches("alpha") == [articles[0]]
    assert fulltext.problems() == []


def test_edits_of_different_fields_never_conflict_and_a_clash_names_the_field(articles):
    from catalog.editing import VersionConflict

    first = articles[0]
    base = get_article(first)  # what two people's editors show
    edit_article(first, ArticleEdit(title="Their title"), expect_version=base["version"], base=base)
    # Someone else changed the title; this edit is of the summary: it goes through.
    edit_article(first, ArticleEdit(summary="My summary"), expect_version=base["version"], base=base)
    now = get_article(first)
    assert (now["title"], now["summary"], now["version"]) == (
        "Their title",
        "My summary",
        base["version"] + 2,
    )
    with pytest.raises(VersionConflict) as raised:
        edit_article(
            first, ArticleEdit(title="My title", notes="n"), expect_version=base["version"], base=base
        )
    [clash] = raised.value.fields
    assert (clash.name, clash.base, clash.theirs, clash.mine) == (
        "title",
        base["title"],
        "Their title",
        "My title",
    )
    assert get_article(first)["title"] == "Their title"  # nothing overwritten
    with pytest.raises(VersionConflict) as strict:  # without a base, any change since is a conflict
        edit_article(first, ArticleEdit(notes="n"), expect_version=base["version"])
    assert strict.value.fields == ()
