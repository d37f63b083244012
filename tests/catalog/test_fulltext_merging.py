"""The full-text index of a SQLite catalogue merges its segments sixteen at a time: imports in
many batches and edits after them still find every article, and the index stays whole."""

import re

from catalog.backends.sqlite import AUTOMERGE, FTS_TABLE
from catalog.db import database
from catalog.editing import ArticleEdit, edit_article
from catalog.importing import import_paths, reading
from catalog.importing.article_text import parse_article
from catalog.search import fulltext
from catalog.search.query import parse_query
from tests.helpers import SEED_FILE, article_file

SENTENCES = re.split(r"(?<=[.!?])\s+", parse_article(SEED_FILE.read_text(encoding="utf-8")).body)
FILES = 40


def automerge() -> int | None:
    row = database.execute_sql(f"SELECT v FROM {FTS_TABLE}_config WHERE k = 'automerge'").fetchone()
    return row and row[0]


def found(word: str) -> list[int]:
    subquery, params = fulltext.matching_ids_sql(parse_query(word))
    rows = database.execute_sql(f"SELECT * FROM {subquery} AS found ORDER BY 1", params)
    return [article_id for (article_id,) in rows]


def real_files(write, count: int) -> None:
    """``count`` files of the seed article's real sentences, each with a word of its own."""
    for number in range(count):
        chosen = [SENTENCES[(number * 7 + k) % len(SENTENCES)] for k in range(6)]
        body = " ".join(chosen) + f" Reported from Zorvik{number}."
        write(f"{number:03d}.txt", article_file(f"Report {number}", body))


def test_an_import_in_many_batches_sets_the_merging_and_finds_every_article(
    sqlite_catalogue, write, monkeypatch
):
    monkeypatch.setattr(reading, "BATCH_SIZE", 2)  # twenty transactions: twenty segments or more
    real_files(write, FILES)
    assert automerge() != AUTOMERGE  # FTS5's default until the first import
    report = import_paths([write.root], workers=0)
    assert len(report.imported) == FILES
    assert automerge() == AUTOMERGE
    for item, number in zip(report.imported, range(FILES)):
        assert found(f"zorvik{number}") == [item.article_id]
    assert fulltext.problems() == []


def test_edits_after_the_import_are_indexed_and_the_index_stays_whole(sqlite_catalogue, write, monkeypatch):
    monkeypatch.setattr(reading, "BATCH_SIZE", 3)
    real_files(write, 12)
    report = import_paths([write.root], workers=0)
    first = report.imported[0].article_id
    edit_article(first, ArticleEdit(summary="Quokka sightings doubled"))
    assert found("quokka") == [first]
    assert found("zorvik0") == [first]
    again = import_paths([write.root], workers=0)  # all duplicates: nothing to index
    assert len(again.duplicates) == 12
    assert automerge() == AUTOMERGE
    assert fulltext.problems() == []
