"""Reading articles back out: rows for tables, and the article objects the CLI and exports print."""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from peewee import JOIN, fn

from catalog.dates import PartialDate, as_date
from catalog.db import among, database, placeholders
from catalog.models import Article, ArticleAuthor, ArticleTopic, Author, Outlet, Topic

#: Article fields that every listing carries; the body only travels when asked for.
_LIST_FIELDS = (
    Article.id,
    Article.title,
    Article.date,
    Article.date_precision,
    Article.summary,
    Article.notes,
    Article.source_path,
    Article.content_hash,
    Article.imported_at,
    Article.updated_at,
    Article.version,
    Outlet.name.alias("outlet_name"),
)
_CHUNK = 500  # ids per IN (...) query, well under SQLite's variable limit


@dataclass(frozen=True)
class ArticleRow:
    """What a table shows of one article."""

    id: int
    title: str
    outlet: str | None
    authors: tuple[str, ...]
    date: str | None  #: ISO, perhaps partial: 2022-06-29, 2022-06 or 2022
    topics: tuple[str, ...]

    @classmethod
    def from_object(cls, article: dict) -> "ArticleRow":
        """The row of an article object (see ``article_object``)."""
        return cls(
            article["id"],
            article["title"],
            article["outlet"],
            tuple(article["authors"]),
            article["date"],
            tuple(article["topics"]),
        )


def count_articles() -> int:
    return Article.select().count()


def iter_articles(*, with_body: bool = False, ids: Iterable[int] | None = None) -> Iterator[dict]:
    """Article objects (see ``article_object``) in id order, fetched a chunk at a time."""
    query = _article_query(with_body).order_by(Article.id)
    if ids is not None:
        ids = sorted(set(ids))
        for start in range(0, len(ids), _CHUNK):
            yield from _with_names(list(query.where(among(Article.id, ids[start : start + _CHUNK])).dicts()))
        return
    last_id = 0
    while True:
        chunk = list(query.where(Article.id > last_id).limit(_CHUNK).dicts())
        if not chunk:
            return
        yield from _with_names(chunk)
        last_id = chunk[-1]["id"]


def table_rows(ids: list[int]) -> dict[int, ArticleRow]:
    """``{id: ArticleRow}`` for up to a few hundred articles: what a table page shows, and only that.

    Plain SQL: for a page of a scrolling table, building peewee's query for 256 ids took
    longer than running it.
    """
    if not ids:
        return {}
    marks = placeholders(len(ids))
    rows = database.execute_sql(
        'SELECT a."id", a."title", a."date", a."date_precision", o."name" FROM "article" a '
        f'LEFT JOIN "outlet" o ON o."id" = a."outlet_id" WHERE a."id" IN ({marks})',
        ids,
    )
    found = {i: [title, iso_date(date, precision), outlet] for i, title, date, precision, outlet in rows}
    authors = _names(
        'SELECT l."article_id", n."name" FROM "article_author" l JOIN "author" n ON n."id" = l."author_id" '
        f'WHERE l."article_id" IN ({marks}) ORDER BY l."article_id", l."position"',
        ids,
    )
    topics = _names(
        'SELECT l."article_id", n."name" FROM "article_topic" l JOIN "topic" n ON n."id" = l."topic_id" '
        f'WHERE l."article_id" IN ({marks}) ORDER BY l."article_id", lower(n."name")',
        ids,
    )
    return {
        i: ArticleRow(i, title, outlet, tuple(authors.get(i, ())), date, tuple(topics.get(i, ())))
        for i, (title, date, outlet) in found.items()
    }


def _names(sql: str, params: list[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    for article_id, name in database.execute_sql(sql, params):
        names[article_id].append(name)
    return names


def article_titles(ids: Iterable[int]) -> dict[int, str]:
    """``{id: title}`` for these articles, a chunk of ids per query."""
    ids = list(ids)
    titles: dict[int, str] = {}
    for start in range(0, len(ids), _CHUNK):
        query = Article.select(Article.id, Article.title).where(
            among(Article.id, ids[start : start + _CHUNK])
        )
        titles.update(query.tuples())
    return titles


def move_sources(old_folder: str, new_folder: str) -> int:
    """The article files moved from ``old_folder`` to ``new_folder`` (a new drive, a shared
    folder): each source path under the old folder now names the file under the new one. How
    many articles were changed; the rest keep theirs."""
    old, new = old_folder.rstrip("/\\"), new_folder.rstrip("/\\")
    moved = 0
    with database.atomic():
        for article_id, path in Article.select(Article.id, Article.source_path).tuples():
            if path and path.startswith(old) and path[len(old) : len(old) + 1] in ("/", "\\"):
                Article.update(source_path=new + path[len(old) :]).where(Article.id == article_id).execute()
                moved += 1
    return moved


def get_article(article_id: int) -> dict | None:
    """The full article object with body and version, or None when there is no such id."""
    found = list(iter_articles(with_body=True, ids=[article_id]))
    return found[0] if found else None


def _article_query(with_body: bool):
    fields = _LIST_FIELDS + ((Article.body,) if with_body else ())
    return Article.select(*fields).join(Outlet, JOIN.LEFT_OUTER)


def _with_names(rows: list[dict]) -> list[dict]:
    ids = [row["id"] for row in rows]
    authors = _names_by_article(
        ArticleAuthor.select(ArticleAuthor.article, Author.name)
        .join(Author)
        .where(among(ArticleAuthor.article, ids))
        .order_by(ArticleAuthor.article, ArticleAuthor.position)
    )
    topics = _names_by_article(
        ArticleTopic.select(ArticleTopic.article, Topic.name)
        .join(Topic)
        .where(among(ArticleTopic.article, ids))
        .order_by(ArticleTopic.article, fn.LOWER(Topic.name))
    )
    return [article_object(row, authors[row["id"]], topics[row["id"]]) for row in rows]


def _names_by_article(query) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    for article_id, name in query.tuples():
        names[article_id].append(name)
    return names


def article_object(row: dict, authors: list[str], topics: list[str]) -> dict:
    """The public JSON shape of an article (``body`` only when the row has it)."""
    obj = {
        "id": row["id"],
        "title": row["title"],
        "date": iso_date(row["date"], row["date_precision"]),
        "authors": authors,
        "outlet": row["outlet_name"],
        "topics": topics,
        "summary": row["summary"],
        "notes": row["notes"],
        "source": row["source_path"],
        "content_hash": row["content_hash"],
        "imported_at": iso_time(row["imported_at"]),
        "updated_at": iso_time(row["updated_at"]),
        "version": row["version"],
    }
    if "body" in row:
        obj["body"] = row["body"]
    return obj


def iso_date(value, precision: str | None) -> str | None:
    """``2022-06-29``, or ``2022-06`` / ``2022`` for a partial date."""
    partial = PartialDate.from_stored(as_date(value), precision)
    return partial.iso() if partial else None


def iso_time(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    return value.replace(microsecond=0).isoformat() + "Z"
