"""Keeping the full-text index (FTS5 over title, body, authors, outlet, topics, summary and
claims) in step with the articles.

The index reads text from the ``article_search`` view, so the rule for every change is:
``unindex`` the articles before their text, authors, outlet, topics or claims change (or they
are deleted),
``index`` them after, in the same transaction. ``reindexing(ids)`` does both around a block.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from peewee import DatabaseError, PostgresqlDatabase, SqliteDatabase

from catalog import pg_search
from catalog.db import database, placeholders
from catalog.matching import fold
from catalog.search import QueryError

FTS_TABLE = "article_fts"
VOCABULARY_TABLE = "article_fts_vocab"  #: the index's words (fts5vocab, migration 0012)
CLAIM_FTS_TABLE = "claim_fts"  #: claims on their own, kept in step by triggers (migration 0008)
#: The indexed columns, in the index's order (bm25 weights and snippets count on it).
COLUMNS = ("title", "body", "authors", "outlet", "topics", "summary", "claims")
_COLUMNS = ", ".join(COLUMNS)
_CHUNK = 500
#: A prefix must have this many letters: one letter matches most of a language's words.
MIN_PREFIX_LETTERS = 2
#: Prefixes up to this long read one list kept merged by the index (FTS5 ``prefix='2 3'``);
#: longer ones merge the lists of every word they match, so they may match at most:
INDEXED_PREFIX_LETTERS = 3
MAX_PREFIX_WORDS = 2000
#: On PostgreSQL a phrase is checked in each article that has all its words (reading its
#: tsvector back: about 12 µs each); the phrases of a search may send it to at most this many.
MAX_PHRASE_CANDIDATES = 40_000


def available() -> bool:
    """Whether this catalogue has the SQLite full-text index (FTS5)."""
    return isinstance(database.obj, SqliteDatabase)


def on_postgres() -> bool:
    """Whether this catalogue searches with PostgreSQL's full text (catalog.pg_search)."""
    return isinstance(database.obj, PostgresqlDatabase)


def searchable() -> bool:
    return available() or on_postgres()


def check(parsed) -> None:
    """Raise ``QueryError`` if the query has a prefix too costly to expand: shorter than
    ``MIN_PREFIX_LETTERS``, or (past the indexed lengths) matching over ``MAX_PREFIX_WORDS``
    words of this catalogue; or, on PostgreSQL, phrases of words so common that over
    ``MAX_PHRASE_CANDIDATES`` articles would have to be read to check them. Both backends refuse
    the same short prefixes."""
    if parsed.checked:
        return
    for term in parsed.prefix_terms:
        letters = fold(term.text)
        if len(letters) < MIN_PREFIX_LETTERS:
            raise QueryError(_too_broad(term, MIN_PREFIX_LETTERS))
        if len(letters) > INDEXED_PREFIX_LETTERS and _more_words_than(letters, MAX_PREFIX_WORDS):
            raise QueryError(_too_broad(term, len(letters) + 1))
    if on_postgres():
        _check_phrases([t for group in parsed.groups for t in group] + parsed.excluded)
    parsed.checked = True


def _check_phrases(terms) -> None:
    left = MAX_PHRASE_CANDIDATES
    with search_plan(True):
        for term in terms:
            left -= pg_search.phrase_candidates(term, left)
            if left < 0:
                raise QueryError(
                    f"the phrase “{term.text}” is made of words found in too many articles to check it "
                    "quickly: add a rarer word to it, or leave out the quotes"
                )


def _too_broad(term, letters: int) -> str:
    return f"“{term.text}*” matches too many words: type at least {letters} letters before the *"


def _more_words_than(prefix: str, limit: int) -> bool:
    """Whether more than ``limit`` words of the index start with ``prefix`` (counting stops there)."""
    if not available():
        return False
    found = database.execute_sql(
        f"SELECT count(*) FROM (SELECT 1 FROM {VOCABULARY_TABLE} WHERE term >= ? AND term < ? LIMIT ?)",
        (prefix, prefix + "\U0010ffff", limit + 1),
    ).fetchone()[0]
    return found > limit


def matching_ids_sql(parsed) -> tuple[str, list] | None:
    """A subquery of the ids of articles the query's words find (excluded words left out).
    Raises ``QueryError`` for a query that cannot be run (``check``)."""
    check(parsed)
    if available() and parsed.match:
        return f"(SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)", [parsed.match]
    if on_postgres() and parsed.groups:
        found = pg_search.condition(parsed.groups, parsed.excluded)
        if found:
            return f"(SELECT article_id FROM {pg_search.TABLE} WHERE {found[0]})", found[1]
    return None


def excluded_ids_sql(parsed) -> tuple[str, list] | None:
    """A subquery of the ids of articles with any excluded word (a search of exclusions only)."""
    check(parsed)
    if available() and parsed.excluded_match:
        return f"(SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)", [parsed.excluded_match]
    if on_postgres() and parsed.excluded:
        found = pg_search.condition([parsed.excluded], [])
        if found:
            return f"(SELECT article_id FROM {pg_search.TABLE} WHERE {found[0]})", found[1]
    return None


@contextmanager
def search_plan(searching: bool, db=None) -> Iterator[None]:
    """Around the statements that run a search (``searching``: it has words): on PostgreSQL
    they are planned through the GIN indexes (``pg_search.gin_plans``)."""
    if searching and on_postgres():
        with pg_search.gin_plans(db or database.obj):
            yield
    else:
        yield


def index_id_range(first_id: int, last_id: int) -> None:
    """Add articles ``first_id``..``last_id`` (just inserted, in one batch) to the index."""
    if on_postgres():
        pg_search.index(range(first_id, last_id + 1))
    elif available():
        database.execute_sql(
            f"INSERT INTO {FTS_TABLE} (rowid, {_COLUMNS}) "
            f"SELECT id, {_COLUMNS} FROM article_search WHERE id BETWEEN ? AND ?",
            (first_id, last_id),
        )


def index(ids: Iterable[int]) -> None:
    """Add these articles, as they are now, to the index."""
    if on_postgres():
        pg_search.index(ids)
        return
    for chunk in _chunks(ids):
        database.execute_sql(
            f"INSERT INTO {FTS_TABLE} (rowid, {_COLUMNS}) "
            f"SELECT id, {_COLUMNS} FROM article_search WHERE id IN ({placeholders(len(chunk))})",
            chunk,
        )


def unindex(ids: Iterable[int]) -> None:
    """Remove these articles from the index; call it before their text changes."""
    if on_postgres():
        pg_search.unindex(ids)
        return
    for chunk in _chunks(ids):
        database.execute_sql(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({placeholders(len(chunk))})", chunk)


@contextmanager
def reindexing(ids: Iterable[int]) -> Iterator[None]:
    """Unindex ``ids``, run the block that changes them, index them again."""
    ids = list(ids)
    unindex(ids)
    yield
    index(ids)


def rebuild() -> None:
    """Build the indexes again from the articles and claims."""
    if on_postgres():
        pg_search.rebuild()
    elif available():
        for table in (FTS_TABLE, CLAIM_FTS_TABLE):
            database.execute_sql(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")


def problems(*, quick: bool = False) -> list[str]:
    """What is wrong with the indexes, in words; empty when they are in step with the catalogue.
    ``quick``: on PostgreSQL, only whether every article is there (the full check makes every
    article's words again)."""
    if on_postgres():
        return pg_search.problems(quick=quick)
    if not available():
        return []
    found = []
    for table, what in ((FTS_TABLE, "articles"), (CLAIM_FTS_TABLE, "claims")):
        try:
            database.execute_sql(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
        except DatabaseError as exc:
            found.append(f"the full-text index does not match the {what} ({exc})")
    return found


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    if not available():
        return
    ids = list(ids)
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]
