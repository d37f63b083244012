"""Articles as a spreadsheet (CSV), one row each, written so a crash never leaves half a file.

Text that a spreadsheet would run as a formula (a title beginning with ``=``, say) is written
with a ``'`` in front (see ``spreadsheet_cells``); the numbers and dates the export itself
writes stay numbers. ``raw=True`` writes every value exactly as stored, for programs that read
the file back with ``csv.reader`` rather than a spreadsheet.
"""

import csv
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import TextIO

from peewee import fn

from catalog.articles import iter_articles
from catalog.db import database
from catalog.exporting.spreadsheet_cells import text_cell
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


def export_csv(target: str | Path, ids: list[int] | None = None, *, raw: bool = False) -> int:
    """Write the articles ``ids`` (all when None) to ``target`` (``-`` for standard output);
    returns the number of rows, not counting the header. ``raw``: text exactly as stored,
    even where a spreadsheet would run it as a formula."""
    # newline="": the csv module writes its own \r\n line ends and newlines inside quotes.
    with output_stream(target, newline="") as out:
        return write_csv(out, ids, raw=raw)


def write_csv(out: TextIO, ids: list[int] | None = None, *, raw: bool = False) -> int:
    """Stream the header and one row per article to ``out``, a chunk of articles at a time.

    All articles in id order when ``ids`` is None, else in the order of ``ids`` without those
    that do not exist. Returns the number of rows.
    """
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    text = _as_stored if raw else text_cell
    count = 0
    with database.atomic():  # one consistent snapshot
        for chunk in _chunks(ids):
            claims = _claim_counts([article["id"] for article in chunk])
            writer.writerows(_row(article, claims.get(article["id"], 0), text) for article in chunk)
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


def _row(article: dict, claims: int, text: Callable[[str], str]) -> list:
    """The cells of one article: what people wrote goes through ``text``; ids, counts, dates
    and times are the export's own and stay as they are."""
    return [
        article["id"],
        text(article["title"]),
        article["date"] or "",
        text(article["outlet"] or ""),
        text(NAME_SEPARATOR.join(article["authors"])),
        text(NAME_SEPARATOR.join(article["topics"])),
        text(article["summary"]),
        text(article["notes"]),
        claims,
        text(article["source"] or ""),
        article["imported_at"] or "",
        article["updated_at"] or "",
        article["version"],
    ]


def _as_stored(value: str) -> str:
    return value
