"""A topic counts the distinct articles under it, sub-topics included: the sidebar and
``catalog topics`` by one rule, on both backends."""

import json
from pathlib import Path

import pytest

from catalog.browsing import sidebar_entries
from catalog.editing import ArticleEdit, edit_article
from catalog.importing import import_paths
from catalog.models import Topic
from catalog.names import name_cache
from catalog.names_admin import name_counts
from tests.helpers import article_file, run_catalog

TOPICS = {
    "both.txt": ["World/Europe", "World/Asia"],  # counts once under World
    "europe.txt": ["World/Europe"],
    "world.txt": ["World", "World/Europe"],  # the parent and a sub-topic: still once
    "oil.txt": ["Economy/Energy/Oil"],
}
EXPECTED = {
    "World": 3,
    "World/Asia": 1,
    "World/Europe": 3,
    "Economy": 1,
    "Economy/Energy": 1,
    "Economy/Energy/Oil": 1,
}


@pytest.fixture
def filed(catalogue, write):
    for number, name in enumerate(TOPICS):
        write(name, article_file(f"Article {number}", f"The text of article {number}, its own."))
    for item in import_paths([write.root]).imported:
        edit_article(item.article_id, ArticleEdit(topics=TOPICS[Path(item.path).name]))
    name_cache(Topic).id_for("Unused/Empty")  # a topic nothing is filed under
    return catalogue


def test_a_parent_counts_each_article_under_it_once(filed):
    counts = {c.name: c.count for c in name_counts("topic")}
    assert counts == {**EXPECTED, "Unused": 0, "Unused/Empty": 0}


def test_the_sidebar_counts_by_the_same_rule_and_lists_only_topics_in_use(filed):
    paths = {t.id: t.name for t in Topic.select()}
    shown = {paths[e.id]: e.count for e in sidebar_entries() if e.kind == "topic"}
    assert shown == EXPECTED


def test_catalog_topics_json_counts_sub_topics(filed, db_path):
    result = run_catalog("--db", db_path, "topics", "--json")
    assert result.returncode == 0, result.stderr
    counts = {row["name"]: row["count"] for row in json.loads(result.stdout)}
    assert counts["World"] == 3 and counts["Economy"] == 1 and counts["Unused"] == 0


def test_a_tree_with_a_loop_in_it_is_still_counted(filed):
    """A damaged catalogue whose topics point at each other in a circle: counted, not hung."""
    world = Topic.get(Topic.name == "World")
    europe = Topic.get(Topic.name == "World/Europe")
    Topic.update(parent=europe.id).where(Topic.id == world.id).execute()
    counts = {c.name: c.count for c in name_counts("topic")}
    assert counts["World"] == 3 and counts["World/Europe"] == 3
