"""Articles as a spreadsheet (CSV), one row each, written so a crash never leaves half a file.

Values are written as stored: a cell is never altered to defuse spreadsheet formulas, so the
file reads back exactly (``csv.reader``) as the catalogue holds it.
"""

import csv
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import TextIO

from peewee import fn

from catalog.articles import iter_articles
from catalog.db import database
from catalog.models import Claim
from catalog.safe_output import output_stream

CSV_COLUMNS = (
    "id",
    "title",
    "date",
    "outlet",
    "authors",
    "topics",
    "summary",
    "notes",
    "claims",
    "source",
    "imported_at",
    "updated_at",
    "version",
)
NAME_SEPARATOR = "; "  #: between authors or topics in one cell: names may hold commas
_CHUNK = 500  # ids per IN (...) query, as in catalog.articles


def export_csv(target: str | Path, ids: list[int] | None = None) -> int:
    """Write the articles ``ids`` (all when None) to ``target`` (``-`` for standard output);
    returns the number of rows, not counting the header."""
    # newline="": the csv module writes its own \r\n line ends and newlines inside quotes.
    with output_stream(target, newline="") as out:
        return write_csv(out, ids)


def write_csv(out: TextIO, ids: list[int] | None = None) -> int:
    """Stream the header and one row per article to ``out``, a chunk of articles at a time.

    All articles in id order when ``ids`` is None, else in the order of ``ids`` without those
    that do not exist. Returns the number of rows.
    """
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    with database.atomic():  # one consistent snapshot
        for chunk in _chunks(ids):
            claims = _claim_counts([article["id"] for article in chunk])
            writer.writerows(_row(article, claims.get(article["id"], 0)) for article in chunk)
            count += len(chunk)
    return count


def _chunks(ids: list[int] | None) -> Iterator[list[dict]]:
    """Article objects a chunk at a time, in the order the export promises."""
    if ids is None:
        articles = iter_articles()
        while chunk := list(islice(articles, _CHUNK)):
            yield chunk
        return
    ids = list(dict.fromkeys(ids))
    for start in range(0, len(ids), _CHUNK):
        wanted = ids[start : start + _CHUNK]
        # iter_articles yields in id order; the caller's order (a sorted table, say) wins.
        found = {article["id"]: article for article in iter_articles(ids=wanted)}
        yield [found[i] for i in wanted if i in found]


def _claim_counts(article_ids: list[int]) -> dict[int, int]:
    query = (
        Claim.select(Claim.article, fn.COUNT(Claim.id))
        .where(Claim.article.in_(article_ids))
        .group_by(Claim.article)
    )
    return dict(query.tuples())


def _row(article: dict, claims: int) -> list:
    return [
        article["id"],
        article["title"],
        article["date"] or "",
        article["outlet"] or "",
        NAME_SEPARATOR.join(article["authors"]),
        NAME_SEPARATOR.join(article["topics"]),
        article["summary"],
        article["notes"],
        claims,
        article["source"] or "",
        article["imported_at"] or "",
        article["updated_at"] or "",
        article["version"],
    ]
