"""What a report says: the selection in words, the overview's counts, claims with their links."""

import datetime

from catalog.browsing import Filters
from catalog.claims.store import add_claim_by_text, link_claims
from catalog.dates import PartialDate
from catalog.editing import ArticleEdit, edit_article
from catalog.importing import import_paths
from catalog.models import Outlet
from catalog.reporting import build_report, describe_selection
from tests.helpers import article_file


def test_report_overview_and_claims(catalogue, write):
    for number, (date, outlet) in enumerate(
        [("2022-01-05", "Daily"), ("2022-03-09", "Daily"), ("2022-05-05", "Weekly"), ("", "Weekly")]
    ):
        header = f" date {date} Authored by Ann Lee via {outlet}," if date else ""
        write(
            f"{number}.txt",
            article_file(f"Story {number}", f"Taxes will fall, story {number} says.", header=header),
        )
    ids = [item.article_id for item in import_paths([write.root]).imported]
    edit_article(ids[2], ArticleEdit(date=PartialDate(2022)))  # a year only: no month to chart
    first = add_claim_by_text(ids[0], "Taxes will fall")
    second = add_claim_by_text(ids[1], "Taxes will fall")
    link_claims(second, first, "repeats")
    report = build_report(ids[::-1], catalogue="Desk", selection="all", today=datetime.date(2026, 1, 2))
    assert [item.article["title"] for item in report.articles] == ["Story 3", "Story 2", "Story 1", "Story 0"]
    assert report.per_outlet == [("Daily", 2), ("Unknown outlet", 1), ("Weekly", 1)]
    assert report.per_month == [("2022-01", 1), ("2022-02", 0), ("2022-03", 1)]  # no holes in time
    assert (report.period, report.without_month) == ("month", 2)
    [claim] = report.articles[2].claims
    assert claim.claim["text"] == "Taxes will fall" and claim.links[0].phrase == "repeats"


def test_many_months_are_charted_by_year(catalogue, write):
    for number, date in enumerate(["2015-01-01", "2019-06-01", "2022-12-01", "2020-05-01"]):
        write(
            f"{number}.txt",
            article_file(f"Story {number}", f"Text {number}.", header=f" date {date} via Daily,"),
        )
    ids = [item.article_id for item in import_paths([write.root]).imported]
    edit_article(ids[3], ArticleEdit(date=PartialDate(2020)))  # by year, a year-only date counts
    report = build_report(ids, catalogue="Desk", selection="all")
    assert report.period == "year" and report.without_month == 0 and ("2020", 1) in report.per_month
    assert (
        report.per_month[0] == ("2015", 1)
        and report.per_month[-1] == ("2022", 1)
        and len(report.per_month) == 8
    )


def test_selection_in_words(catalogue, write):
    write("a.txt", article_file("A", "Text.", header=" date 2022-01-01 via Daily,"))
    import_paths([write.root])
    daily = Outlet.get(Outlet.name == "Daily").id
    assert describe_selection(None) == "Every article in the catalogue"
    assert (
        describe_selection(ids=[1]) == "One article"
        and describe_selection(ids=[1, 2]) == "2 selected articles"
    )
    words = describe_selection(
        Filters(query="ukraine -crimea", outlet_ids=frozenset({daily}), years=frozenset({2022}))
    )
    assert words == "Search “ukraine -crimea”; outlet Daily; year 2022"
