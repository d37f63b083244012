"""What a summary report says: the cover, an overview, and each article with its claims.

Plain data, no Qt: the window and ``catalog export-pdf`` lay it out (ui/report/), and a
script could render it any other way.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from catalog.articles import iter_articles
from catalog.browsing import Filters
from catalog.claims.store import LinkView, claims_of_article, links_of
from catalog.models import Author, Claim, Outlet, Topic
from catalog.stories.reporting import ReportStory, story_sections

TOP_TOPICS = 10
TOP_OUTLETS = 12
MAX_MONTHS = 36  #: more months than this are charted by year


@dataclass(frozen=True)
class ReportClaim:
    claim: dict
    links: list[LinkView]


@dataclass(frozen=True)
class ReportArticle:
    article: dict  #: the article object (see catalog.articles.article_object), without body
    claims: list[ReportClaim]


@dataclass
class Report:
    catalogue: str
    selection: str  #: what was chosen, in words
    printed_on: datetime.date
    articles: list[ReportArticle] = field(default_factory=list)
    per_outlet: list[tuple[str, int]] = field(default_factory=list)  #: most first, the rest as "Other"
    per_month: list[tuple[str, int]] = field(default_factory=list)  #: "2022-06" (or "2022"), oldest first
    period: str = "month"  #: "year" when the articles span more months than a chart shows well
    top_topics: list[tuple[str, int]] = field(default_factory=list)
    without_month: int = 0  #: articles with no date, or only a year
    #: The stories (copies and republications) the articles are in (catalog.stories.reporting).
    stories: list[ReportStory] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.articles)


def build_report(
    ids: list[int], *, catalogue: str, selection: str, today: datetime.date | None = None
) -> Report:
    """The report on these articles, in the order given."""
    report = Report(catalogue, selection, today or datetime.date.today())
    by_id = {}
    with_claims = _with_claims(ids)
    for article in iter_articles(ids=ids):
        claims = []
        if article["id"] in with_claims:
            claims = [ReportClaim(claim, links_of(claim["id"])) for claim in claims_of_article(article["id"])]
        by_id[article["id"]] = ReportArticle(article, claims)
    report.articles = [by_id[i] for i in ids if i in by_id]
    _overview(report)
    report.stories = story_sections([item.article["id"] for item in report.articles])
    return report


def describe_selection(
    filters: Filters | None = None, *, ids: list[int] | None = None, names: dict | None = None
) -> str:
    """The articles chosen, in words: ``Search “ukraine -crimea”; outlet Reuters or Daily; 2022``."""
    if ids is not None:
        return "One article" if len(ids) == 1 else f"{len(ids):,} selected articles"
    if not filters:
        return "Every article in the catalogue"
    parts = []
    if filters.query.strip():
        parts.append(f"Search “{filters.query.strip()}”")
    for label, model, chosen in (
        ("outlet", Outlet, filters.outlet_ids),
        ("author", Author, filters.author_ids),
        ("topic", Topic, filters.topic_ids),
    ):
        if chosen:
            found = [name for (name,) in model.select(model.name).where(model.id.in_(list(chosen))).tuples()]
            parts.append(f"{label} {' or '.join(sorted(found, key=str.casefold))}")
    if filters.years:
        parts.append("year " + " or ".join(str(year) for year in sorted(filters.years)))
    return "; ".join(parts)


def _with_claims(ids: list[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(
            i for (i,) in Claim.select(Claim.article).where(Claim.article.in_(chunk)).distinct().tuples()
        )
    return found


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    found = []
    while f"{year:04d}-{month:02d}" <= last:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _overview(report: Report) -> None:
    outlets = Counter(item.article["outlet"] or "Unknown outlet" for item in report.articles)
    ranked = outlets.most_common()
    if len(ranked) > TOP_OUTLETS:
        ranked = ranked[: TOP_OUTLETS - 1] + [("Other outlets", sum(n for _, n in ranked[TOP_OUTLETS - 1 :]))]
    report.per_outlet = ranked
    dates = [item.article["date"] or "" for item in report.articles]
    months = Counter(date[:7] for date in dates if len(date) >= 7)
    report.without_month = sum(1 for date in dates if len(date) < 7)
    span = _months_between(min(months), max(months)) if months else []
    if len(span) > MAX_MONTHS:  # years then, counting the year-only dates too
        report.period, report.without_month = "year", sum(1 for date in dates if not date)
        years = Counter(date[:4] for date in dates if date)
        span = [str(year) for year in range(int(min(years)), int(max(years)) + 1)]
        months = years
    # Every month (or year) between the first and the last, so the time axis has no holes.
    report.per_month = [(period, months.get(period, 0)) for period in span]
    topics = Counter(topic for item in report.articles for topic in item.article["topics"])
    report.top_topics = topics.most_common(TOP_TOPICS)
