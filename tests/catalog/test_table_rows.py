"""A table page's rows carry claim counts, import day, source file and summary, a query per
kind of data for the whole page (never one per row), and sort by claims and source."""

import pytest
from playhouse.test_utils import count_queries

from catalog.articles import SUMMARY_CHARS, table_rows
from catalog.browsing import filtered_ids
from catalog.claims.store import add_claim_by_text
from catalog.editing import ArticleEdit, edit_article
from catalog.importing import import_paths
from tests.helpers import article_file


@pytest.fixture
def three(catalogue, write):
    write(
        "a.txt",
        article_file(
            "Alpha",
            "Tanks crossed the river. Officials said so.",
            header=" date 2021-05-01 Authored by Zed via Daily,",
        ),
    )
    write("b.txt", article_file("Beta", "Drones flew at night. Nobody saw them land."))
    write("c.txt", article_file("Gamma", "Prices rose by 4.5 per cent in May."))
    ids = [i.article_id for i in import_paths([write.root]).imported]
    return dict(zip(("a", "b", "c"), sorted(ids)))


def test_rows_carry_claims_imported_source_and_summary(three):
    add_claim_by_text(three["a"], "Tanks crossed the river.")
    add_claim_by_text(three["a"], "Officials said so.")
    edit_article(three["b"], ArticleEdit(summary="Line one\nline two " + "x" * 500))

    rows = table_rows(list(three.values()))

    assert rows[three["a"]].claims == 2 and rows[three["b"]].claims == 0
    assert rows[three["a"]].source.endswith("a.txt")
    assert len(rows[three["a"]].imported) == 10 and rows[three["a"]].imported[4] == "-"
    assert rows[three["b"]].summary.startswith("Line one line two x")
    assert "\n" not in rows[three["b"]].summary and len(rows[three["b"]].summary) <= SUMMARY_CHARS
    assert rows[three["c"]].summary == ""


def test_a_page_costs_the_same_queries_however_many_rows(three):
    with count_queries() as one:
        table_rows([three["a"]])
    with count_queries() as all_three:
        table_rows(list(three.values()))
    assert len(one.get_queries()) == len(all_three.get_queries())


def test_sort_by_claims_and_by_source(three):
    add_claim_by_text(three["b"], "Drones flew at night.")
    add_claim_by_text(three["b"], "Nobody saw them land.")
    add_claim_by_text(three["c"], "Prices rose by 4.5 per cent in May.")
    assert filtered_ids(sort="claims", descending=True) == [three["b"], three["c"], three["a"]]
    assert filtered_ids(sort="source", descending=False) == [three["a"], three["b"], three["c"]]
