"""Looking after names: counts, merge, rename, delete unused, and undoing each exactly."""

import pytest

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
from catalog.search import fulltext
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
    assert counts("topic") == [("Politics", 2), ("Politics/Elections", 1), ("War", 1)]  # with its sub-topic


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


def topic_tree() -> list[tuple[str, str | None]]:
    """Every topic with its parent's name: the tree the sidebar draws."""
    return sorted((t.name, t.parent.name if t.parent else None) for t in Topic.select())


def test_merge_topics_moves_sub_topics(articles):
    change = merge_names("topic", ["Politics"], into="Government")
    assert topic_tree() == [("Government", None), ("Government/Elections", "Government"), ("War", None)]
    assert get_article(articles[0])["topics"] == ["Government/Elections", "War"]
    assert fulltext.problems() == []
    undo_name_change(change)
    assert topic_tree() == [("Politics", None), ("Politics/Elections", "Politics"), ("War", None)]
    assert get_article(articles[0])["topics"] == ["Politics/Elections", "War"]


def test_a_sub_topic_that_exists_under_the_target_is_joined(articles):
    edit_article(articles[2], ArticleEdit(topics=["Government/Elections/Local"]))
    change = merge_names("topic", ["Politics"], into="Government")
    assert topic_tree() == [
        ("Government", None),
        ("Government/Elections", "Government"),
        ("Government/Elections/Local", "Government/Elections"),
        ("War", None),
    ]
    assert get_article(articles[0])["topics"] == ["Government/Elections", "War"]
    assert get_article(articles[1])["topics"] == ["Government"]
    undo_name_change(change)
    assert ("Politics/Elections", "Politics") in topic_tree()
    assert get_article(articles[0])["topics"] == ["Politics/Elections", "War"]


def test_merging_a_sub_topic_into_its_parent_keeps_the_tree_whole(articles):
    edit_article(articles[2], ArticleEdit(topics=["Politics/Elections/Local"]))
    merge_names("topic", ["Politics/Elections"], into="Politics")
    assert topic_tree() == [("Politics", None), ("Politics/Local", "Politics"), ("War", None)]
    assert get_article(articles[0])["topics"] == ["Politics", "War"]
    assert get_article(articles[2])["topics"] == ["Politics/Local"]


def test_a_topic_cannot_be_merged_into_its_own_sub_topic(articles):
    with pytest.raises(NameProblem, match="“Politics/Elections” is a sub-topic of “Politics”"):
        merge_names("topic", ["Politics"], into="politics / elections")
    assert topic_tree() == [("Politics", None), ("Politics/Elections", "Politics"), ("War", None)]


def test_merging_into_an_empty_name_is_refused(articles):
    for kind, name, into in (
        ("author", "Ann Lee", ""),
        ("author", "Ann Lee", "   "),
        ("topic", "War", " / "),
    ):
        with pytest.raises(NameProblem, match="to merge into has no name"):
            merge_names(kind, [name], into=into)
    assert counts("author") == [("Ann Lee", 1), ("Bo Chan", 2), ("Cy Diaz", 1)]


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


def test_the_command_line_refuses_an_empty_name_and_a_merge_into_a_sub_topic(tmp_path, write, capsys):
    from ui.command_line import main

    db = str(tmp_path / "names.sqlite3")
    write("1.txt", article_file("One", "x.", header=" date 2022-01-01 Authored by Ann Lee via AntiWar.com,"))
    assert main(["--db", db, "import", str(write.root)]) == 0
    assert main(["--db", db, "edit", "1", "--topic", "Politics/Elections"]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as usage:
        main(["--db", db, "merge-authors", "Ann Lee", "--into", ""])
    assert usage.value.code == 2
    assert "argument --into: a name cannot be empty" in capsys.readouterr().err
    assert main(["--db", db, "merge-topics", "Politics", "--into", "Politics/Elections"]) == 1
    err = capsys.readouterr().err
    assert (
        err.startswith("catalog: “Politics/Elections” is a sub-topic of “Politics”") and err.count("\n") == 1
    )
