"""Reading articles back out: rows for tables, and the article objects the CLI and exports print."""

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from catalog.dates import PartialDate, as_date
from catalog.db import among, database, placeholders
from catalog.models import Article

#: Article columns that every listing carries, and their keys; the body only travels when asked for.
_KEYS = (
    "id",
    "title",
    "date",
    "date_precision",
    "summary",
    "notes",
    "source_path",
    "content_hash",
    "imported_at",
    "updated_at",
    "version",
    "outlet_name",
)
_COLUMNS = ", ".join([*(f'a."{key}"' for key in _KEYS[:-1]), 'o."name"'])
#: A time as SQLite holds a naive datetime: ``2024-05-01 09:30:00`` and perhaps ``.123456``.
_STORED_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?\Z")
_CHUNK = 500  # ids per IN (...) query, well under SQLite's variable limit
SUMMARY_CHARS = 200  #: of a summary a table row carries: a line's worth, not the whole text


@dataclass(frozen=True)
class ArticleRow:
    """What a table shows of one article."""

    id: int
    title: str
    outlet: str | None
    authors: tuple[str, ...]
    date: str | None  #: ISO, perhaps partial: 2022-06-29, 2022-06 or 2022
    topics: tuple[str, ...]
    claims: int = 0  #: how many claims are marked in it
    imported: str | None = None  #: the day it was imported, ISO (UTC)
    source: str | None = None  #: the file it was imported from
    summary: str = ""  #: its first SUMMARY_CHARS characters, on one line
    copies: int = 0  #: how many articles its story holds (itself included); 0 in none

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
            imported=(article.get("imported_at") or "")[:10] or None,
            source=article.get("source"),
            summary=_one_line(article.get("summary") or ""),
        )


def count_articles() -> int:
    return Article.select().count()


def iter_articles(*, with_body: bool = False, ids: Iterable[int] | None = None) -> Iterator[dict]:
    """Article objects (see ``article_object``) in id order, fetched a chunk at a time.

    Plain SQL: for the 2,412 articles of a common word, peewee's row objects took longer than
    the query and the printing together (``catalog search``, benchmarks/bench_cli_startup.py).
    """
    columns, keys = (_COLUMNS + ', a."body"', (*_KEYS, "body")) if with_body else (_COLUMNS, _KEYS)
    query = f'SELECT {columns} FROM "article" a LEFT JOIN "outlet" o ON o."id" = a."outlet_id" WHERE '
    if ids is not None:
        ids = sorted(set(ids))
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            rows = database.execute_sql(
                f'{query}a."id" IN ({placeholders(len(chunk))}) ORDER BY a."id"', chunk
            )
            yield from _with_names([dict(zip(keys, row)) for row in rows])
        return
    last_id = 0
    while True:
        rows = database.execute_sql(
            f'{query}a."id" > {database.obj.param} ORDER BY a."id" LIMIT {_CHUNK}', [last_id]
        )
        chunk = [dict(zip(keys, row)) for row in rows]
        if not chunk:
            return
        yield from _with_names(chunk)
        last_id = chunk[-1]["id"]


def table_rows(ids: list[int]) -> dict[int, ArticleRow]:
    """``{id: ArticleRow}`` for up to a few hundred articles: what a table page shows, and only that.

    Plain SQL: for a page of a scrolling table, building peewee's query for 256 ids took
    longer than running it. Authors and topics come in one query each for the whole page,
    never one per row.
    """
    if not ids:
        return {}
    marks = placeholders(len(ids))
    # The claims counted in the same query, each by a probe of the claims' article index.
    rows = database.execute_sql(
        'SELECT a."id", a."title", a."date", a."date_precision", o."name", a."imported_at", '
        f'a."source_path", substr(a."summary", 1, {SUMMARY_CHARS}), '
        '(SELECT count(*) FROM "claim" c WHERE c."article_id" = a."id"), '
        # The story's size, by a probe of the members' article key and one of their story index.
        '(SELECT count(*) FROM "story_member" sm WHERE sm."story" = s."story") FROM "article" a '
        'LEFT JOIN "outlet" o ON o."id" = a."outlet_id" '
        f'LEFT JOIN "story_member" s ON s."article" = a."id" WHERE a."id" IN ({marks})',
        ids,
    )
    authors, topics = _authors_and_topics(ids)
    return {
        i: ArticleRow(
            i,
            title,
            outlet,
            tuple(authors.get(i, ())),
            iso_date(date, precision),
            tuple(topics.get(i, ())),
            claims=claims,
            imported=str(imported)[:10] if imported else None,  # the day, as stored (UTC)
            source=source,
            summary=_one_line(summary) if summary else "",
            copies=copies,
        )
        for i, title, date, precision, outlet, imported, source, summary, claims, copies in rows
    }


def _one_line(text: str) -> str:
    return " ".join(text[:SUMMARY_CHARS].split())


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


def _with_names(rows: list[dict]) -> list[dict]:
    ids = [row["id"] for row in rows]
    authors, topics = _authors_and_topics(ids)
    urls = article_urls(ids)
    return [article_object(row, authors[row["id"]], topics[row["id"]], urls.get(row["id"])) for row in rows]


def article_urls(ids: list[int]) -> dict[int, str]:
    """``{id: web address}`` of those of these articles that came from the web (schema 17)."""
    if not ids:
        return {}
    rows = database.execute_sql(
        f'SELECT "article", "url" FROM "article_url" WHERE "article" IN ({placeholders(len(ids))})', ids
    )
    return dict(rows)


def _authors_and_topics(ids: list[int]) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """Each article's authors in by-line order, and its topics in alphabetical order."""
    if not ids:
        return {}, {}
    marks = placeholders(len(ids))
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
    return authors, topics


def article_object(row: dict, authors: list[str], topics: list[str], url: str | None = None) -> dict:
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
        "url": url,
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
    """``2024-05-01T09:30:00Z``: a stored time (naive UTC), to the second."""
    if value is None:
        return None
    if isinstance(value, str):
        if _STORED_TIME.match(value):  # as SQLite holds it: the same text, cut, without parsing
            return f"{value[:10]}T{value[11:19]}Z"
        value = datetime.datetime.fromisoformat(value)
    return value.replace(microsecond=0).isoformat() + "Z"
