"""What differs between a SQLite catalogue and a PostgreSQL one, behind one object.

Each kind of database has one backend (``sqlite.py``, ``postgres.py``), chosen once, when the
catalogue's database object is made (``catalog.db.make_database``), and kept on it; the rest of
``catalog`` asks ``backend()`` and never which database it is on. The backends hold the
full-text search (matching, ranking, the words behind claim suggestions) and the upkeep of its
index, checked writes (locking, retrying), ids, change notices, backups, the file's integrity
check and the facts ``catalog info`` shows. PostgreSQL's driver is loaded only when a
PostgreSQL catalogue opens (``pg_driver``): ``postgres.py`` is imported then, not before.
"""

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from peewee import SqliteDatabase

from catalog.db import database


class Backend(ABC):
    """What a kind of database does its own way. Methods work on the open catalogue
    (``catalog.db.database``) unless they take a database object."""

    name: str  #: ``sqlite`` or ``postgresql``, as ``catalog info`` says it
    #: Writers take turns (one write lock for the whole file): no other desk can insert a row,
    #: a name or an id meanwhile, so nothing needs retrying and new ids come out in order.
    one_writer: bool

    # Full-text search ------------------------------------------------------------------------

    @abstractmethod
    def check_query(self, parsed) -> None:
        """Refuse (``QueryError``) what this database cannot answer quickly, after the checks
        both make (``catalog.search.fulltext.check``)."""

    @abstractmethod
    def more_words_than(self, prefix: str, limit: int) -> bool:
        """Whether more than ``limit`` words of the index start with ``prefix``."""

    @abstractmethod
    def words_starting(self, prefix: str) -> list[str]:
        """The index's words (folded, as searched) that start with ``prefix``: where English
        stemming finds a word's other forms (catalog.search.stemming)."""

    @abstractmethod
    def matching_ids_sql(self, parsed) -> tuple[str, list] | None:
        """A subquery of the ids of the articles the query's words find (exclusions applied)."""

    @abstractmethod
    def excluded_ids_sql(self, parsed) -> tuple[str, list] | None:
        """A subquery of the ids of the articles with any excluded word."""

    @abstractmethod
    def ranked_sql(self, parsed, where: tuple[str, list], *, by_date: bool) -> tuple[str, list]:
        """The ids the query's words find among the articles passing ``where`` (a condition on
        the article table, named ``t1``): best first by bm25 (then by id), or newest first."""

    def search_plan(self, searching: bool, db=None) -> AbstractContextManager:
        """Around the statements that run a search (``searching``: it has words)."""
        return _nothing()

    @abstractmethod
    def articles_with_word(self, word: str, cap: int) -> int:
        """How many articles have this (folded) word, counting up to ``cap``."""

    @abstractmethod
    def claims_with_words(self, terms: list[str], limit: int) -> list[int]:
        """Ids of claims with any of these words, most alike first."""

    @abstractmethod
    def articles_with_words(self, terms: list[str], other_than: int, limit: int) -> list[int]:
        """Ids of articles (but ``other_than``) whose title or text has any of these words, best first."""

    @abstractmethod
    def articles_having(self, word: str, limit: int) -> list[int]:
        """Ids of articles whose title or text has this (folded) word, at most ``limit`` of them,
        in no order: the same set on every backend when fewer than ``limit`` have it."""

    # The full-text index ---------------------------------------------------------------------

    @abstractmethod
    def index(self, ids: Iterable[int]) -> None:
        """Add these articles, as they are now, to the index."""

    def index_new(self, ids: list[int]) -> None:
        """Add articles just inserted by this writer, in one batch, to the index."""
        self.index(ids)

    @abstractmethod
    def unindex(self, ids: Iterable[int]) -> None:
        """Take these articles out of the index; before their text changes."""

    @abstractmethod
    def rebuild_index(self) -> None:
        """Build the search indexes again from the articles and claims."""

    @abstractmethod
    def empty_story_sketches(self) -> None:
        """Empty the index of story sketches (catalog.stories) before a rebuild, at once rather
        than row by row (deleting 1.5 million rows one by one takes SQLite 17 s)."""

    @abstractmethod
    def index_problems(self, *, quick: bool = False) -> list[str]:
        """What is wrong with the search indexes, in words; empty when they are in step."""

    # Writes -------------------------------------------------------------------------------

    @abstractmethod
    def checked_write(self) -> AbstractContextManager:
        """A transaction for a read-check-write (a save checked against the version shown)."""

    def lock_rows(self, table: str, ids: list[int]) -> None:
        """Hold these rows until the transaction ends (where a lock on the file does not)."""

    def worth_retrying(self, exc: Exception) -> bool:
        """Whether a write that failed so lost a race with another desk, and may be done again."""
        return False

    def short_lock_waits(self, milliseconds: int) -> AbstractContextManager:
        """Each try for the write lock waits this long only, in the block."""
        return _nothing()

    @abstractmethod
    def insert_name(self, model, row: dict) -> int:
        """Insert a name's ``row`` (unless another desk inserted its key first); its id or 0."""

    @abstractmethod
    def last_handed_out(self, table: str) -> int:
        """The highest id ``table`` has ever handed out (beyond any row's it holds), or 0."""

    def keep_ahead(self, tables: Iterable[str]) -> None:
        """After rows were written with ids of their own, hand out only ids past them."""

    @abstractmethod
    def shared_topics_sql(self) -> str:
        """SQL giving, for each article filed under two topics or more, its topic ids as one
        comma-separated string (in id order), as a column named ``topics``."""

    # Opening, watching, keeping safe ------------------------------------------------------

    def prepare(self, db, version: int) -> None:
        """After a catalogue opened and migrated (to schema ``version``), writable: mark it as
        ours if need be."""

    @abstractmethod
    def watcher(self, db):
        """A watcher of others' commits to ``db`` (catalog.watching), or None."""

    def backend_pid(self, db) -> int | None:
        """The server process of this thread's connection to ``db``, which its change notices
        carry; None where there is no server."""
        return None

    def file(self, db) -> str | None:
        """The file ``db`` reads (``:memory:`` for none); None for a server."""
        return None

    @abstractmethod
    def backup(self, target: Path) -> None:
        """A consistent copy of the open catalogue at ``target`` (CatalogueError if it has none)."""

    def backup_before_upgrade(self, db, location: str, version: int) -> str | None:
        """A copy of the catalogue taken before its schema changes, or None."""
        return None

    def file_problems(self, *, quick: bool = False) -> list[str]:
        """Damage to the catalogue's file, in words."""
        return []

    @abstractmethod
    def facts(self) -> dict:
        """``backend``, ``backend_version`` and ``size_bytes`` of the open catalogue."""


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def backend() -> Backend:
    """The open catalogue's backend."""
    return backend_for(database.obj)


def backend_for(db) -> Backend:
    """The backend of the database object ``db``, chosen the first time and kept on it."""
    chosen = getattr(db, "catalog_backend", None)
    if chosen is None:
        chosen = db.catalog_backend = _choose(db)
    return chosen


def _choose(db) -> Backend:
    if isinstance(db, SqliteDatabase):
        from catalog.backends.sqlite import SQLITE

        return SQLITE
    from catalog.backends.postgres import POSTGRES  # loaded with PostgreSQL's driver only

    return POSTGRES
