"""Looking after names: counts, merge, rename, delete unused, and undoing each exactly."""

import pytest

from catalog import fulltext
from catalog.articles import get_article
from catalog.editing import ArticleEdit, capture, edit_article
from catalog.importing import import_paths
from catalog.models import Outlet, Topic
from catalog.names_admin import (
    NameProblem,
    delete_unused,
    merge_names,
    name_counts,
    rename_name,
    undo_name_change,
)
from tests.helpers import article_file


@pytest.fixture
def articles(catalogue, write):
    write(
        "1.txt",
        article_file("One", "x.", header=" date 2022-01-01 Authored by Ann Lee and Bo Chan via AntiWar.com,"),
    )
    write("2.txt", article_file("Two", "y.", header=" date 2022-01-02 Authored by Bo Chan via Antiwar News,"))
    write("3.txt", article_file("Three", "z.", header=" date 2022-01-03 Authored by Cy Diaz via Reuters,"))
    ids = [i.article_id for i in import_paths([write.root]).imported]
    edit_article(ids[0], ArticleEdit(topics=["Politics/Elections", "War"]))
    edit_article(ids[1], ArticleEdit(topics=["Politics"]))
    return ids


def counts(kind):
    return [(c.name, c.count) for c in name_counts(kind)]


def test_counts_per_name(articles):
    assert counts("outlet") == [("Antiwar News", 1), ("AntiWar.com", 1), ("Reuters", 1)]
    assert counts("author") == [("Ann Lee", 1), ("Bo Chan", 2), ("Cy Diaz", 1)]
    assert counts("topic") == [("Politics", 1), ("Politics/Elections", 1), ("War", 1)]


def test_merge_outlets_moves_articles_and_undo_puts_them_back(articles):
    before = capture(articles)
    change = merge_names("outlet", ["AntiWar.com", "antiwar news"], into="Antiwar.com")
    assert counts("outlet") == [("AntiWar.com", 2), ("Reuters", 1)]  # the existing spelling is kept
    assert fulltext.problems() == []
    undo_name_change(change)
    assert counts("outlet") == [("Antiwar News", 1), ("AntiWar.com", 1), ("Reuters", 1)]
    assert capture(articles) == before


def test_merge_into_a_new_name_and_undo_removes_it(articles):
    change = merge_names("author", ["Ann Lee", "Bo Chan"], into="A. Lee-Chan")
    assert get_article(articles[0])["authors"] == ["A. Lee-Chan"]  # one author now, not two
    assert get_article(articles[1])["authors"] == ["A. Lee-Chan"]
    undo_name_change(change)
    assert get_article(articles[0])["authors"] == ["Ann Lee", "Bo Chan"]
    assert counts("author") == [("Ann Lee", 1), ("Bo Chan", 2), ("Cy Diaz", 1)]


def test_merge_topics_moves_sub_topics(articles):
    change = merge_names("topic", ["Politics"], into="Government")
    assert Topic.get(Topic.name == "Politics/Elections").parent.name == "Government"
    undo_name_change(change)
    assert Topic.get(Topic.name == "Politics/Elections").parent.name == "Politics"


def test_merging_a_missing_name_is_refused(articles):
    with pytest.raises(NameProblem, match="no outlet named “Nope”"):
        merge_names("outlet", ["Nope"], into="Reuters")


def test_rename_and_undo(articles):
    change = rename_name("outlet", "reuters", "Reuters News")
    assert get_article(articles[2])["outlet"] == "Reuters News"
    assert fulltext.problems() == []
    undo_name_change(change)
    assert get_article(articles[2])["outlet"] == "Reuters"


def test_renaming_a_topic_renames_its_sub_topics(articles):
    change = rename_name("topic", "Politics", "Government")
    assert sorted(t.name for t in Topic.select()) == ["Government", "Government/Elections", "War"]
    undo_name_change(change)
    assert sorted(t.name for t in Topic.select()) == ["Politics", "Politics/Elections", "War"]


def test_rename_onto_an_existing_name_is_refused(articles):
    with pytest.raises(NameProblem, match="merge them instead"):
        rename_name("outlet", "Reuters", "antiwar.com")


def test_delete_unused_only(articles):
    Outlet.create(name="Orphan", key="orphan")
    with pytest.raises(NameProblem, match="still in use"):
        delete_unused("outlet", ["Reuters"])
    change = delete_unused("outlet", ["orphan"])
    assert "Orphan" not in [c.name for c in name_counts("outlet")]
    undo_name_change(change)
    assert "Orphan" in [c.name for c in name_counts("outlet")]
