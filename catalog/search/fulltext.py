"""Full-text search, the part both backends share: the checks every query passes before it
runs, and keeping the index in step with the articles. Each backend answers the rest
(``catalog.backends``: FTS5 on SQLite, tsvectors on PostgreSQL).

The rule for every change: ``unindex`` the articles before their text, authors, outlet, topics
or claims change (or they are deleted), ``index`` them after, in the same transaction.
``reindexing(ids)`` does both around a block.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from catalog import options
from catalog.backends import backend
from catalog.search import stemming
from catalog.search.matching import fold
from catalog.search.query import QueryError

#: A prefix must have this many letters: one letter matches most of a language's words.
MIN_PREFIX_LETTERS = 2
#: Prefixes up to this long read one list kept merged by the index (FTS5 ``prefix='2 3'``);
#: longer ones merge the lists of every word they match, so they may match at most:
INDEXED_PREFIX_LETTERS = 3
MAX_PREFIX_WORDS = 2000


def check(parsed) -> None:
    """Raise ``QueryError`` if the query has a prefix too costly to expand: shorter than
    ``MIN_PREFIX_LETTERS``, or (past the indexed lengths) matching over ``MAX_PREFIX_WORDS``
    words of this catalogue; or what the backend cannot answer quickly (on PostgreSQL, phrases
    of very common words). Both backends refuse the same short prefixes."""
    if parsed.checked:
        return
    found = backend()
    for term in parsed.prefix_terms:
        letters = fold(term.text)
        if len(letters) < MIN_PREFIX_LETTERS:
            raise QueryError(_too_broad(term, MIN_PREFIX_LETTERS))
        if len(letters) > INDEXED_PREFIX_LETTERS and found.more_words_than(letters, MAX_PREFIX_WORDS):
            raise QueryError(_too_broad(term, len(letters) + 1))
    found.check_query(parsed)
    parsed.checked = True


def searched(parsed):
    """``parsed`` as it is searched now: checked (``check``), and in a catalogue that stems
    English words (catalog.options) a copy with each word an OR of the forms of it the index
    holds now (catalog.search.stemming). Ask again for each search: the index's words change."""
    check(parsed)
    if not options.stemming():
        return parsed
    return stemming.with_forms(parsed, backend().words_starting)


def _too_broad(term, letters: int) -> str:
    return f"“{term.text}*” matches too many words: type at least {letters} letters before the *"


def matching_ids_sql(parsed) -> tuple[str, list] | None:
    """A subquery of the ids of articles the query's words find (excluded words left out).
    Raises ``QueryError`` for a query that cannot be run (``check``)."""
    check(parsed)
    return backend().matching_ids_sql(parsed)


def excluded_ids_sql(parsed) -> tuple[str, list] | None:
    """A subquery of the ids of articles with any excluded word (a search of exclusions only)."""
    check(parsed)
    return backend().excluded_ids_sql(parsed)


def search_plan(searching: bool, db=None):
    """Around the statements that run a search (``searching``: it has words): on PostgreSQL
    they are planned through the GIN indexes (``pg_search.gin_plans``)."""
    return backend().search_plan(searching, db)


def index(ids: Iterable[int]) -> None:
    """Add these articles, as they are now, to the index."""
    backend().index(ids)


def unindex(ids: Iterable[int]) -> None:
    """Remove these articles from the index; call it before their text changes."""
    backend().unindex(ids)


@contextmanager
def reindexing(ids: Iterable[int]) -> Iterator[None]:
    """Unindex ``ids``, run the block that changes them, index them again."""
    ids = list(ids)
    chosen = backend()
    chosen.unindex(ids)
    yield
    chosen.index(ids)


def rebuild() -> None:
    """Build the indexes again from the articles and claims."""
    backend().rebuild_index()


def problems(*, quick: bool = False) -> list[str]:
    """What is wrong with the indexes, in words; empty when they are in step with the catalogue.
    ``quick``: on PostgreSQL, only whether every article is there (the full check makes every
    article's words again)."""
    return backend().index_problems(quick=quick)
