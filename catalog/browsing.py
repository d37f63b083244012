"""Browsing the catalogue: rows sorted and filtered in SQL, and the counts a sidebar shows."""

import datetime
import operator
from dataclasses import dataclass, field, replace
from functools import cached_property, reduce

from peewee import SQL, fn

from catalog.articles import ArticleRow, iter_articles
from catalog.backends import backend
from catalog.db import database, placeholders
from catalog.models import Article, ArticleAuthor, ArticleTopic, Author, Outlet, StoryMember, Topic
from catalog.search import fulltext
from catalog.search.matching import fold, passage, word_pattern
from catalog.search.query import ParsedQuery, QueryError, parse_query
from catalog.topic_counts import topic_counts

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
    "claims": '(SELECT count(*) FROM "claim" c WHERE c."article_id" = "t1"."id")',
    "source": '"t1"."source_path"',
    # The size of the article's story; none (NULL, so last either way) when it is in none.
    "copies": (
        '(SELECT NULLIF(count(*), 0) FROM "story_member" o WHERE o."story" = '
        '(SELECT m."story" FROM "story_member" m WHERE m."article" = "t1"."id"))'
    ),
}
SORT_COLUMNS = (*_SORT_SQL, "relevance")
RANK_LIMIT = 10_000  #: more matches than this are listed newest first, not ranked


@dataclass(frozen=True)
class Filters:
    """What the sidebar selected: any of the values within a kind, all of the kinds."""

    outlet_ids: frozenset[int] = field(default_factory=frozenset)
    author_ids: frozenset[int] = field(default_factory=frozenset)
    topic_ids: frozenset[int] = field(default_factory=frozenset)  #: a topic brings its sub-topics
    years: frozenset[int] = field(default_factory=frozenset)
    query: str = ""  #: in the search language (catalog.search.query)
    #: Stories by number (catalog.stories): their articles, every copy of each.
    story_ids: frozenset[int] = field(default_factory=frozenset)

    def __bool__(self) -> bool:
        if self.outlet_ids or self.author_ids or self.topic_ids or self.years or self.story_ids:
            return True
        try:
            return bool(self.parsed)
        except QueryError:
            return True  # a query, though one that cannot be run

    @cached_property
    def parsed(self) -> ParsedQuery:
        """The query, parsed; raises ``QueryError`` for one that cannot be run."""
        return parse_query(self.query)

    @cached_property
    def searched(self) -> ParsedQuery:
        """The query as searched (``fulltext.searched``: its words' English forms, where the
        catalogue stems). Each search works on a copy of the filters (``afresh``), so that it
        asks for the forms the index holds then."""
        return fulltext.searched(self.parsed)

    def afresh(self) -> "Filters":
        """These filters, with nothing worked out yet (``searched``)."""
        return replace(self)


def filtered_ids(
    filters: Filters | None = None, *, sort: str = "date", descending: bool = True, limit: int | None = None
) -> list[int]:
    """Ids of the articles that pass ``filters``, in the order asked for (the first ``limit``).

    ``sort="relevance"`` ranks by bm25 when the query has words (best first, the same order on
    both backends: catalog.search.bm25), else by date.
    Raises ``QueryError`` for a query that cannot be run.
    """
    filters = (filters or Filters()).afresh()
    sql, params = listing_sql(filters, sort=sort, descending=descending)
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    # The raw cursor: a hundred thousand ids come back faster without peewee's row wrapping.
    with fulltext.search_plan(searching(filters.parsed)):
        return [article_id for (article_id,) in database.execute_sql(sql, params)]


def searching(parsed: ParsedQuery) -> bool:
    """Whether the query has words to find (not only dates)."""
    return bool(parsed.groups or parsed.excluded)


def count_filtered(filters: Filters | None = None) -> int:
    """How many articles pass ``filters``, without listing them."""
    filters = (filters or Filters()).afresh()
    query = Article.select()
    for condition in _conditions(filters):
        query = query.where(condition)
    with fulltext.search_plan(searching(filters.parsed)):
        return query.count()


def listing_sql(
    filters: Filters, *, sort: str = "date", descending: bool = True, ranked: bool | None = None
) -> tuple[str, list]:
    """The query (SQL and parameters) giving the ids of ``filters`` in order; a LIMIT may follow.

    ``ranked``: whether the search has few enough matches to rank, when the caller knows.
    """
    searched = filters.searched
    if sort == "relevance":
        if searched.groups:
            if ranked is None:
                ranked = not more_matches_than(searched, RANK_LIMIT)
            # The other filters narrow the ranked rows inside the same query.
            others = _conditions(replace(filters, query="")) + _query_conditions(searched, words=False)
            return backend().ranked_sql(searched, _where_sql(others), by_date=not ranked)
        sort, descending = "date", True
    key = _SORT_SQL[sort]
    direction = "DESC" if descending else "ASC"
    # NULLS LAST rather than ordering by "key IS NULL" first: SQLite then reads the first page
    # straight off an index (the date's) instead of sorting every article (160 ms at 100,000).
    query = Article.select(Article.id).order_by(
        SQL(f"{key} {direction} NULLS LAST"), SQL(f'"t1"."id" {direction}')
    )
    for condition in _conditions(filters):
        query = query.where(condition)
    sql, params = query.sql()
    return sql, list(params)


def _where_sql(conditions: list) -> tuple[str, list]:
    """The SQL of ``conditions`` on the article table (aliased t1), joined by AND; TRUE for none."""
    if not conditions:
        return "TRUE", []
    query = Article.select(Article.id)
    for condition in conditions:
        query = query.where(condition)
    sql, params = query.sql()
    return sql.split(" WHERE ", 1)[1], list(params)


def more_matches_than(parsed: ParsedQuery, limit: int) -> bool:
    """Whether the query's words find more than ``limit`` articles; counting stops there."""
    found = fulltext.matching_ids_sql(parsed)
    if found is None:
        return False
    sql = f"SELECT 1 FROM {found[0]} AS matched LIMIT 1 OFFSET {int(limit)}"
    with fulltext.search_plan(True):
        return database.execute_sql(sql, found[1]).fetchone() is not None


def match_count(parsed: ParsedQuery) -> int:
    """How many articles the query's words find (counting is cheap; ranking is not)."""
    found = fulltext.matching_ids_sql(parsed)
    if found is None:
        return 0
    with fulltext.search_plan(True):
        return database.execute_sql(f"SELECT count(*) FROM {found[0]} AS matched", found[1]).fetchone()[0]


def snippets(article_ids: list[int], query: str, *, words: int = 14) -> dict[int, str]:
    """``{id: the passage of its text that best matches query}``, on one line, for these articles.

    The body is searched first, then the summary; words asked for in a field (``author:``) are
    shown in their own column, not here.
    """
    parsed = fulltext.searched(parse_query(query))  # a passage with "missile" is what "missiles" found
    wanted = [
        t.text for group in parsed.groups for t in group if t.column in (None, "body", "summary", "claims")
    ]
    pattern = word_pattern(wanted, parsed.prefixes)
    if pattern is None:
        return {}
    found: dict[int, str] = {}
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start : start + 500]
        rows = database.execute_sql(  # plain SQL: peewee's rows cost more than the search
            f'SELECT "id", "body", "summary" FROM "article" WHERE "id" IN ({placeholders(len(chunk))})', chunk
        )
        for article_id, body, summary in rows:
            for text in (body or "", summary or ""):
                spans = [match.span() for match in pattern.finditer(fold(text))]
                if spans:
                    found[article_id] = passage(text, spans, words=words)
                    break
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
        # A date range per year: portable, and the date index serves it.
        spans = [
            (Article.date >= datetime.date(year, 1, 1)) & (Article.date < datetime.date(year + 1, 1, 1))
            for year in sorted(filters.years)
        ]
        conditions.append(reduce(operator.or_, spans))
    if filters.story_ids:
        members = StoryMember.select(StoryMember.article).where(
            StoryMember.story.in_(sorted(filters.story_ids))
        )
        conditions.append(Article.id.in_(members))
    return conditions + _query_conditions(filters.searched)


def _query_conditions(parsed: ParsedQuery, *, words: bool = True) -> list:
    """The search's conditions; without ``words``, only those its MATCH expression leaves out."""
    conditions = []
    matching = fulltext.matching_ids_sql(parsed) if words else None
    if matching:
        conditions.append(Article.id.in_(SQL(*matching)))
    # Excluded words are inside the match (FTS5's NOT) when there are wanted words.
    excluded = fulltext.excluded_ids_sql(parsed) if not parsed.groups else None
    if excluded:
        conditions.append(Article.id.not_in(SQL(*excluded)))
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
    count: int | None  #: None for a saved search whose query cannot be run
    parent_id: int | None = None  #: topics only


def sidebar_entries() -> list[SidebarEntry]:
    """Outlets, authors, topics (with their parents) and years that articles carry, each with its
    article count (a topic's counts the articles of its sub-topics too, each once)."""
    counts = sidebar_counts()
    return [replace(entry, count=counts.get((entry.kind, entry.id), 0)) for entry in sidebar_names()]


def sidebar_names() -> list[SidebarEntry]:
    """The entries of ``sidebar_entries`` without their counts (``count`` is None), at a small
    cost whatever the catalogue's size: one probe of an index per name or year, where counting
    reads every article's links (1.6 s at 1,000,000 articles; ``sidebar_counts``)."""
    return [*_name_entries("outlet"), *_name_entries("author"), *_topic_entries(), *_year_entries()]


def sidebar_counts() -> dict[tuple[str, int], int]:
    """``{(kind, id): articles}`` for every entry ``sidebar_names`` lists: the slow part of the
    sidebar, which the window reads in the background."""
    counts: dict[tuple[str, int], int] = {}
    for kind, model, link, column in (
        ("outlet", Outlet, Article, Article.outlet),
        ("author", Author, ArticleAuthor, ArticleAuthor.author),
    ):
        # count(*): the link's index on the name answers alone, no row of the table is read (for
        # authors six times quicker than counting a column of it, at 100,000 articles).
        query = link.select(column, fn.COUNT(SQL("*"))).group_by(column).tuples()
        counts.update(((kind, name_id), count) for name_id, count in query if name_id is not None)
    counts.update((("topic", topic_id), count) for topic_id, count in topic_counts().items())
    for year in _years():
        start, following = datetime.date(year, 1, 1), _new_year_after(year)
        in_year = Article.select().where(Article.date >= start)
        if following is not None:
            in_year = in_year.where(Article.date < following)
        counts["year", year] = in_year.count()
    return counts


def _name_entries(kind: str) -> list[SidebarEntry]:
    """Outlets or authors that articles carry, by name: each found by one probe of the link's
    index, however many articles carry it."""
    model, link, column = (
        (Outlet, Article, Article.outlet)
        if kind == "outlet"
        else (Author, ArticleAuthor, ArticleAuthor.author)
    )
    carried = fn.EXISTS(link.select(SQL("1")).where(column == model.id))
    query = model.select(model.id, model.name).where(carried).order_by(model.key)
    return [SidebarEntry(kind, i, name, None) for i, name in query.tuples()]


def _topic_entries() -> list[SidebarEntry]:
    """Like outlets and authors, a topic is listed while some article is filed under it (or
    under one of its sub-topics): the topics that hold articles of their own, and their
    parents (the rule of catalog.topic_counts, whose counts are then above 0)."""
    own = fn.EXISTS(ArticleTopic.select(SQL("1")).where(ArticleTopic.topic == Topic.id))
    query = Topic.select(Topic.id, Topic.name, Topic.parent, own.alias("own")).order_by(Topic.key)
    topics = list(query.tuples())
    parents = {topic_id: parent_id for topic_id, _, parent_id, _ in topics}
    listed: set[int] = set()
    for topic_id, _, _, has_own in topics:
        current = topic_id if has_own else None
        while current is not None and current not in listed:  # a looping tree still ends
            listed.add(current)
            current = parents.get(current)
    return [
        SidebarEntry("topic", topic_id, name.rsplit("/", 1)[-1], None, parent_id)
        for topic_id, name, parent_id, _ in topics
        if topic_id in listed
    ]


def _year_entries() -> list[SidebarEntry]:
    return [SidebarEntry("year", year, f"{year:04d}", None) for year in _years()]


def _years() -> list[int]:
    """The years articles are dated in, newest first. Each is found from the end of the one
    before on the date index: no date is formatted and nothing sorted, and years without
    articles cost nothing (five times quicker than grouping by the formatted year, at 100,000
    articles)."""
    years = []
    year = _first_year_from(None)
    while year is not None:
        years.append(year)
        following = _new_year_after(year)
        year = _first_year_from(following) if following is not None else None
    return years[::-1]


def _first_year_from(day: datetime.date | None) -> int | None:
    """The year of the first date on or after ``day`` (of any date for None); None if none."""
    query = Article.select(fn.MIN(Article.date))
    first = (query.where(Article.date >= day) if day is not None else query).scalar()
    if first is None:
        return None
    return first.year if isinstance(first, datetime.date) else int(str(first)[:4])


def _new_year_after(year: int) -> datetime.date | None:
    return datetime.date(year + 1, 1, 1) if year < datetime.MAXYEAR else None
