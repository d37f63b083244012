"""Browsing the catalogue: rows sorted and filtered in SQL, and the counts a sidebar shows."""

from array import array
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from functools import cached_property

from peewee import SQL, fn

from catalog import fulltext
from catalog.articles import ArticleRow, iter_articles
from catalog.db import database, placeholders
from catalog.models import Article, ArticleAuthor, ArticleTopic, Author, Outlet, Topic
from catalog.search import ParsedQuery, parse_query

#: Sort keys by column name: text case-insensitively; unknown values sort last.
_SORT_SQL = {
    "title": 'lower("t1"."title")',
    "outlet": '(SELECT lower("name") FROM "outlet" WHERE "outlet"."id" = "t1"."outlet_id")',
    "authors": (
        '(SELECT lower(au."name") FROM "article_author" aa JOIN "author" au ON au."id" = aa."author_id" '
        'WHERE aa."article_id" = "t1"."id" ORDER BY aa."position" LIMIT 1)'
    ),
    "date": '"t1"."date"',
    "topics": (
        '(SELECT lower(tp."name") FROM "article_topic" at JOIN "topic" tp ON tp."id" = at."topic_id" '
        'WHERE at."article_id" = "t1"."id" ORDER BY lower(tp."name") LIMIT 1)'
    ),
    "imported": '"t1"."imported_at"',
}
SORT_COLUMNS = (*_SORT_SQL, "relevance")
#: bm25 weights of title, body, authors, outlet, topics, summary: a hit in the title counts most.
_WEIGHTS = "10.0, 1.0, 5.0, 4.0, 5.0, 3.0"
RANK_LIMIT = 20_000  #: more matches than this are listed newest first, not ranked


@dataclass(frozen=True)
class Filters:
    """What the sidebar selected: any of the values within a kind, all of the kinds."""

    outlet_ids: frozenset[int] = field(default_factory=frozenset)
    author_ids: frozenset[int] = field(default_factory=frozenset)
    topic_ids: frozenset[int] = field(default_factory=frozenset)  #: a topic brings its sub-topics
    years: frozenset[int] = field(default_factory=frozenset)
    query: str = ""  #: in the search language (catalog.search)

    def __bool__(self) -> bool:
        return bool(self.outlet_ids or self.author_ids or self.topic_ids or self.years or self.parsed)

    @cached_property
    def parsed(self) -> ParsedQuery:
        return parse_query(self.query)


def filtered_ids(filters: Filters | None = None, *, sort: str = "date", descending: bool = True) -> list[int]:
    """Ids of the articles that pass ``filters``, in the order asked for.

    ``sort="relevance"`` ranks by bm25 when the query has words (best first), else by date.
    """
    filters = filters or Filters()
    if sort == "relevance":
        if filters.parsed.match:
            return _ranked_ids(filters)
        sort, descending = "date", True
    key = _SORT_SQL[sort]
    direction = "DESC" if descending else "ASC"
    query = Article.select(Article.id).order_by(
        SQL(f"({key}) IS NULL"), SQL(f"{key} {direction}"), SQL(f'"t1"."id" {direction}')
    )
    for condition in _conditions(filters):
        query = query.where(condition)
    # The raw cursor: a hundred thousand ids come back faster without peewee's row wrapping.
    return [article_id for (article_id,) in database.execute(query)]


def count_filtered(filters: Filters | None = None) -> int:
    """How many articles pass ``filters``, without listing them."""
    query = Article.select()
    for condition in _conditions(filters or Filters()):
        query = query.where(condition)
    return query.count()


def _ranked_ids(filters: Filters) -> list[int]:
    """Best first by bm25; the other filters narrow the ranked rows inside the same query."""
    parsed = filters.parsed
    others = replace(filters, query="")
    extra, params = "", [parsed.match]
    conditions = _conditions(others) + _query_conditions(replace(parsed, groups=[]))
    if conditions:
        allowed = Article.select(Article.id)
        for condition in conditions:
            allowed = allowed.where(condition)
        allowed_sql, allowed_params = allowed.sql()
        extra, params = f" AND id IN ({allowed_sql})", [parsed.match, *allowed_params]
    # Ranking costs bm25 for every match (a quarter second for 100,000), and words found in
    # nearly every article rank nothing useful: past RANK_LIMIT matches, newest first instead.
    score = f"bm25({fulltext.FTS_TABLE}, {_WEIGHTS})" if match_count(parsed.match) <= RANK_LIMIT else "-rowid"
    # MATERIALIZED: match first, then filter; with "rowid IN" inside, FTS5 would test the match
    # row by row over the filtered articles instead (2 s instead of 30 ms at 10,000 articles).
    rows = database.execute_sql(
        f"WITH matched AS MATERIALIZED (SELECT rowid AS id, {score} AS score "
        f"FROM {fulltext.FTS_TABLE} WHERE {fulltext.FTS_TABLE} MATCH ?) "
        f"SELECT id FROM matched WHERE 1{extra} ORDER BY score",
        params,
    )
    return [article_id for (article_id,) in rows]


def match_count(match: str) -> int:
    """How many articles an FTS5 expression matches (counting is cheap; ranking is not)."""
    sql = f"SELECT count(*) FROM {fulltext.FTS_TABLE} WHERE {fulltext.FTS_TABLE} MATCH ?"
    return database.execute_sql(sql, (match,)).fetchone()[0]


def snippets(article_ids: list[int], query: str, *, words: int = 14) -> dict[int, str]:
    """``{id: the passage that best matches query}``, as plain text, for these articles."""
    match = parse_query(query).match
    if not match or not fulltext.available():
        return {}
    found: dict[int, str] = {}
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start : start + 500]
        rows = database.execute_sql(
            f"SELECT rowid, snippet({fulltext.FTS_TABLE}, -1, '', '', '…', {int(words)}) "
            f"FROM {fulltext.FTS_TABLE} WHERE {fulltext.FTS_TABLE} MATCH ? AND rowid IN ({placeholders(len(chunk))})",
            (match, *chunk),
        )
        found.update((article_id, " ".join(text.split())) for article_id, text in rows)
    return found


def browse_rows(
    filters: Filters | None = None, *, sort: str = "date", descending: bool = True
) -> list[ArticleRow]:
    """Table rows of the articles that pass ``filters``, sorted in SQL."""
    ids = filtered_ids(filters, sort=sort, descending=descending)
    by_id = {r["id"]: ArticleRow.from_object(r) for r in iter_articles(ids=ids)}
    return [by_id[article_id] for article_id in ids]


def _conditions(filters: Filters) -> list:
    conditions = []
    if filters.outlet_ids:
        conditions.append(Article.outlet.in_(list(filters.outlet_ids)))
    if filters.author_ids:
        linked = ArticleAuthor.select(ArticleAuthor.article).where(
            ArticleAuthor.author.in_(list(filters.author_ids))
        )
        conditions.append(Article.id.in_(linked))
    if filters.topic_ids:
        topics = _with_sub_topics(filters.topic_ids)
        linked = ArticleTopic.select(ArticleTopic.article).where(ArticleTopic.topic.in_(topics))
        conditions.append(Article.id.in_(linked))
    if filters.years:
        conditions.append(fn.strftime("%Y", Article.date).cast("INTEGER").in_(list(filters.years)))
    return conditions + _query_conditions(filters.parsed)


def _query_conditions(parsed: ParsedQuery) -> list:
    conditions = []
    matching = f"(SELECT rowid FROM {fulltext.FTS_TABLE} WHERE {fulltext.FTS_TABLE} MATCH ?)"
    if parsed.match and fulltext.available():
        conditions.append(Article.id.in_(SQL(matching, [parsed.match])))
    if parsed.excluded_match and fulltext.available():
        conditions.append(Article.id.not_in(SQL(matching, [parsed.excluded_match])))
    if parsed.since:
        conditions.append(Article.date >= parsed.since)
    if parsed.until:
        conditions.append(Article.date <= parsed.until)
    return conditions


def _with_sub_topics(topic_ids: frozenset[int]) -> list[int]:
    found, frontier = set(topic_ids), set(topic_ids)
    while frontier:
        frontier = {
            t for (t,) in Topic.select(Topic.id).where(Topic.parent.in_(list(frontier))).tuples()
        } - found
        found |= frontier
    return sorted(found)


@dataclass(frozen=True)
class SidebarEntry:
    kind: str  #: "outlet", "author", "topic" or "year"
    id: int  #: the name's id, or the year
    name: str
    count: int
    parent_id: int | None = None  #: topics only


def sidebar_entries() -> list[SidebarEntry]:
    """Outlets, authors, topics (with their parents) and years, each with its article count."""
    entries = []
    for kind, model, table, name_column in (
        ("outlet", Outlet, Article, Article.outlet),
        ("author", Author, ArticleAuthor, ArticleAuthor.author),
    ):
        query = (
            model.select(model.id, model.name, fn.COUNT(table.id if table is Article else table.article))
            .join(table, on=(name_column == model.id))
            .group_by(model.id)
            .order_by(model.key)
        )
        entries += [SidebarEntry(kind, i, name, count) for i, name, count in query.tuples()]
    counts = dict(
        ArticleTopic.select(ArticleTopic.topic, fn.COUNT(ArticleTopic.article))
        .group_by(ArticleTopic.topic)
        .tuples()
    )
    for topic_id, name, parent_id in (
        Topic.select(Topic.id, Topic.name, Topic.parent).order_by(Topic.key).tuples()
    ):
        entries.append(
            SidebarEntry("topic", topic_id, name.rsplit("/", 1)[-1], counts.get(topic_id, 0), parent_id)
        )
    year = fn.strftime("%Y", Article.date)
    years = (
        Article.select(year, fn.COUNT(Article.id))
        .where(Article.date.is_null(False))
        .group_by(year)
        .order_by(year.desc())
    )
    entries += [SidebarEntry("year", int(y), y, count) for y, count in years.tuples()]
    return entries


class RowPager:
    """Table rows of a list of article ids, fetched a page at a time as they are asked for.

    Holds only the ids (8 bytes each) and the most recently used pages, so a million-row
    table costs a few megabytes and any row, first or last, is one small query away.
    """

    PAGE_SIZE = 256
    MAX_PAGES = 64

    def __init__(self, ids: list[int]):
        self.ids = array("q", ids)
        self._pages: OrderedDict[int, list[ArticleRow]] = OrderedDict()
        self._row_by_id: dict[int, int] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, row: int) -> ArticleRow:
        number = row // self.PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self._pages[number] = self._fetch(number)
            if len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        self._pages.move_to_end(number)
        return page[row - number * self.PAGE_SIZE]

    def row_of(self, article_id: int) -> int | None:
        if self._row_by_id is None:  # built on first use: most tables never need it
            self._row_by_id = {article_id: row for row, article_id in enumerate(self.ids)}
        return self._row_by_id.get(article_id)

    def _fetch(self, number: int) -> list[ArticleRow]:
        ids = list(self.ids[number * self.PAGE_SIZE : (number + 1) * self.PAGE_SIZE])
        found = {r["id"]: ArticleRow.from_object(r) for r in iter_articles(ids=ids)}
        # An article deleted since the ids were read shows as such until the next reload.
        return [found.get(i) or ArticleRow(i, "(deleted)", None, (), None, ()) for i in ids]
