"""A catalogue in one SQLite file: FTS5 full-text search, one writer at a time, data_version
to notice others' commits, SQLite's online backup and integrity check.

The full-text index is an FTS5 table (``article_fts``) reading its text from the
``article_search`` view; claims have one of their own (``claim_fts``), kept in step by triggers.
"""

import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from peewee import DatabaseError, OperationalError

from catalog.backends import Backend
from catalog.db import (
    APPLICATION_ID,
    CatalogueError,
    ReadOnlySqliteDatabase,
    database,
    placeholders,
    sqlite_path,
)
from catalog.search import bm25

FTS_TABLE = "article_fts"
VOCABULARY_TABLE = "article_fts_vocab"  #: the index's words (fts5vocab, migration 0012)
CLAIM_FTS_TABLE = "claim_fts"  #: claims on their own, kept in step by triggers (migration 0008)
#: The indexed columns, in the index's order (bm25 weights and snippets count on it).
COLUMNS = ("title", "body", "authors", "outlet", "topics", "summary", "claims")
_COLUMNS = ", ".join(COLUMNS)
_CHUNK = 500
#: How many segments of one level FTS5 merges at a time. Its default, 4, merges as soon as a level
#: has four, so a bulk import rewrites each word's entries at every one of many levels; merging
#: sixteen at once (FTS5's own limit before it must merge, ``crisismerge``) rewrites them less
#: often. Filling the index of 20,000 articles of real text took 30 % less CPU (6.0 s against
#: 4.3 s, prefixes included), of 100,000 24 % less (33.8 s against 25.7 s), and searches of
#: common words, prefixes and phrases there were no slower (``bench_import.py --peer`` times
#: the whole import).
AUTOMERGE = 16
#: Files that are the catalogue: replacing any of them while it is open (the WAL still belonging
#: to the old file) loses articles, as a backup onto the catalogue during an import did.
CATALOGUE_FILES = (
    ("", "the catalogue itself"),
    ("-wal", "the catalogue's write-ahead log"),
    ("-shm", "the catalogue's shared-memory file"),
    ("-journal", "the catalogue's rollback journal"),
)
MAX_LISTED = 5  #: problems of one kind named one by one; the rest counted


class SqliteBackend(Backend):
    name = "sqlite"
    one_writer = True

    # Full-text search ------------------------------------------------------------------------

    def check_query(self, parsed) -> None:
        pass  # FTS5 answers any query that passed the common checks quickly

    def more_words_than(self, prefix: str, limit: int) -> bool:
        found = database.execute_sql(
            f"SELECT count(*) FROM (SELECT 1 FROM {VOCABULARY_TABLE} WHERE term >= ? AND term < ? LIMIT ?)",
            (prefix, prefix + "\U0010ffff", limit + 1),
        ).fetchone()[0]
        return found > limit

    def words_starting(self, prefix: str) -> list[str]:
        rows = database.execute_sql(
            f"SELECT term FROM {VOCABULARY_TABLE} WHERE term >= ? AND term < ?",
            (prefix, prefix + "\U0010ffff"),
        )
        return [term for (term,) in rows]

    def matching_ids_sql(self, parsed) -> tuple[str, list] | None:
        if not parsed.match:
            return None
        return f"(SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)", [parsed.match]

    def excluded_ids_sql(self, parsed) -> tuple[str, list] | None:
        if not parsed.excluded_match:
            return None
        return f"(SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)", [parsed.excluded_match]

    def ranked_sql(self, parsed, where: tuple[str, list], *, by_date: bool) -> tuple[str, list]:
        fts = FTS_TABLE
        # Ranking costs bm25 for every match (a fifth of a second for 100,000), and words found in
        # nearly every article rank nothing useful: past RANK_LIMIT matches, newest first instead.
        # CROSS JOIN keeps the index outside, read in rowid order, so that a LIMIT stops early;
        # the other way round, FTS5 tests the match article by article (seconds, not milliseconds).
        if by_date:
            sql = (
                f'SELECT {fts}.rowid FROM {fts} CROSS JOIN "article" AS "t1" ON "t1"."id" = {fts}.rowid '
                f"WHERE {fts} MATCH ? AND {where[0]} ORDER BY {fts}.rowid DESC"
            )
            return sql, [parsed.match, *where[1]]
        # MATERIALIZED: rank every match first, then filter.
        sql = (
            f"WITH matched AS MATERIALIZED (SELECT rowid AS id, bm25({fts}, {bm25.sqlite_weights()}) AS score "
            f'FROM {fts} WHERE {fts} MATCH ?) SELECT matched.id FROM matched CROSS JOIN "article" AS "t1" '
            f'ON "t1"."id" = matched.id WHERE {where[0]} ORDER BY score, matched.id'
        )
        return sql, [parsed.match, *where[1]]

    def articles_with_word(self, word: str, cap: int) -> int:
        sql = f"SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? LIMIT ?"
        return database.execute_sql(f"SELECT count(*) FROM ({sql}) AS found", (f'"{word}"', cap)).fetchone()[
            0
        ]

    def claims_with_words(self, terms: list[str], limit: int) -> list[int]:
        rows = database.execute_sql(
            f"SELECT rowid FROM {CLAIM_FTS_TABLE} WHERE {CLAIM_FTS_TABLE} MATCH ? "
            f"ORDER BY bm25({CLAIM_FTS_TABLE}, 1.0, 0.5) LIMIT ?",
            (_any_of(terms), limit),
        )
        return [claim_id for (claim_id,) in rows]

    def articles_with_words(self, terms: list[str], other_than: int, limit: int) -> list[int]:
        rows = database.execute_sql(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? AND rowid != ? "
            f"ORDER BY bm25({FTS_TABLE}, 2.0, 1.0, 0.0, 0.0, 0.0, 0.5, 1.0) LIMIT ?",
            ("{title body} : (" + _any_of(terms) + ")", other_than, limit),
        )
        return [article_id for (article_id,) in rows]

    def articles_having(self, word: str, limit: int) -> list[int]:
        rows = database.execute_sql(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? LIMIT ?",
            (f'{{title body}} : "{word}"', limit),
        )
        return [article_id for (article_id,) in rows]

    # The full-text index ---------------------------------------------------------------------

    def index(self, ids: Iterable[int]) -> None:
        for chunk in _chunks(ids):
            database.execute_sql(
                f"INSERT INTO {FTS_TABLE} (rowid, {_COLUMNS}) "
                f"SELECT id, {_COLUMNS} FROM article_search WHERE id IN ({placeholders(len(chunk))})",
                chunk,
            )

    def index_new(self, ids: list[int]) -> None:
        # Handed out by this writer under the write lock: one range, one statement.
        if ids:
            _merge_sixteen_at_once()
            database.execute_sql(
                f"INSERT INTO {FTS_TABLE} (rowid, {_COLUMNS}) "
                f"SELECT id, {_COLUMNS} FROM article_search WHERE id BETWEEN ? AND ?",
                (ids[0], ids[-1]),
            )

    def unindex(self, ids: Iterable[int]) -> None:
        for chunk in _chunks(ids):
            database.execute_sql(
                f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({placeholders(len(chunk))})", chunk
            )

    def rebuild_index(self) -> None:
        for table in (FTS_TABLE, CLAIM_FTS_TABLE):
            database.execute_sql(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")

    def empty_story_sketches(self) -> None:
        # Made again as migration 0016 made it: dropping frees its pages at once.
        database.execute_sql('DROP TABLE "story_sketch"')
        database.execute_sql(
            'CREATE TABLE "story_sketch" ("hash" INTEGER NOT NULL, '
            '"article" INTEGER NOT NULL REFERENCES "article" ("id") ON DELETE CASCADE, '
            'PRIMARY KEY ("hash", "article")) WITHOUT ROWID'
        )
        database.execute_sql('CREATE INDEX "story_sketch_article" ON "story_sketch" ("article")')

    def index_problems(self, *, quick: bool = False) -> list[str]:
        """FTS5 checks an index only through a write (an INSERT of 'integrity-check'), which a
        read-only catalogue refuses: there the check runs on a copy in memory, so a sound index
        is not reported out of step."""
        if not isinstance(database.obj, ReadOnlySqliteDatabase):
            return _fts_problems(database.execute_sql, DatabaseError)
        copy = sqlite3.connect(":memory:")
        try:
            database.obj.connection().backup(copy)
            return _fts_problems(copy.execute, sqlite3.DatabaseError)
        finally:
            copy.close()

    # Writes -------------------------------------------------------------------------------

    def checked_write(self):
        # The write lock at once (BEGIN IMMEDIATE): two such saves queue behind busy_timeout
        # rather than both reading and then one failing as "database is locked".
        return database.obj.atomic(lock_type="IMMEDIATE")

    @contextmanager
    def short_lock_waits(self, milliseconds: int) -> Iterator[None]:
        (usual,) = database.execute_sql("PRAGMA busy_timeout").fetchone()
        database.execute_sql(f"PRAGMA busy_timeout = {int(milliseconds)}")
        try:
            yield
        finally:
            database.execute_sql(f"PRAGMA busy_timeout = {int(usual)}")

    def insert_name(self, model, row: dict) -> int:
        # Writes to a SQLite file hold its one write lock: nobody can insert it meanwhile.
        return model.insert(row).execute()

    def last_handed_out(self, table: str) -> int:
        # AUTOINCREMENT's sqlite_sequence only ever grows (schema 11).
        (highest,) = database.execute_sql(f'SELECT COALESCE(MAX("id"), 0) FROM "{table}"').fetchone()
        if not database.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
            return highest  # a catalogue written before schema 11, being upgraded
        row = database.execute_sql("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
        return max(highest, row[0] if row else 0)

    def shared_topics_sql(self) -> str:
        return 'SELECT group_concat("topic_id") AS topics FROM "article_topic" GROUP BY "article_id" HAVING count(*) > 1'

    # Opening, watching, keeping safe ------------------------------------------------------

    def prepare(self, db, version: int) -> None:
        """Our application id, and the schema version also in the file's header
        (``user_version``), so a catalogue is known for one without reading its tables."""
        try:
            if db.execute_sql("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            if db.execute_sql("PRAGMA user_version").fetchone()[0] != version:
                db.execute_sql(f"PRAGMA user_version = {int(version)}")
        except OperationalError:
            pass  # another desk held the write lock past busy_timeout: marked at a later open

    def watcher(self, db):
        from catalog.watching import SqliteWatcher

        return None if db.database == ":memory:" else SqliteWatcher(db)

    def file(self, db) -> str | None:
        return getattr(db, "path", None) or db.database

    def backup(self, target: Path) -> None:
        """Refuses a target that is the catalogue itself or one of its journal files, under
        any name; else ``backup_sqlite``."""
        catalogue = Path(self.file(database.obj))
        for suffix, what in CATALOGUE_FILES:
            own = catalogue.with_name(catalogue.name + suffix)
            if _same_file(target, own):
                raise CatalogueError(f"cannot back up onto {what} ({own}): name another file")
        backup_sqlite(database.obj, target)

    def backup_before_upgrade(self, db, location: str, version: int) -> str | None:
        """A copy beside the catalogue, named after the schema it had."""
        path = sqlite_path(location)
        if path in (None, ":memory:"):
            return None
        target = Path(path).with_name(f"{Path(path).stem}.schema-v{version}.backup.sqlite3")
        backup_sqlite(db, str(target))
        return str(target)

    def file_problems(self, *, quick: bool = False) -> list[str]:
        """SQLite's integrity check (or quick check) and its check of the links between rows."""
        pragma = "quick_check" if quick else "integrity_check"
        try:
            found = [row[0] for row in database.execute_sql(f"PRAGMA {pragma}({MAX_LISTED * 4})").fetchall()]
            broken_links = database.execute_sql("PRAGMA foreign_key_check").fetchall()
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            return [f"the catalogue file is damaged ({exc})"]
        problems = []
        if found != ["ok"]:
            problems.append("the catalogue file is damaged: " + "; ".join(found[:MAX_LISTED]))
        if broken_links:
            tables = sorted({row[0] for row in broken_links})
            problems.append(
                f"{len(broken_links):,} row{'' if len(broken_links) == 1 else 's'} in {', '.join(tables)} "
                "point at rows that are gone"
            )
        return problems

    def facts(self) -> dict:
        return {
            "backend": self.name,
            "backend_version": sqlite3.sqlite_version,
            "size_bytes": _file_size(self.file(database.obj)),
        }


SQLITE = SqliteBackend()


def backup_sqlite(db, target: str | Path) -> None:
    """A consistent copy of a live SQLite catalogue at ``target``, via SQLite's online backup.

    The pages go into a partial file made exclusively beside ``target`` and moved into place
    only when whole (``safe_output.output_path``): a failure never leaves half a backup nor
    touches an older one, the copy gets the mode the umask gives, and the partial of a backup
    that was killed is removed by the next backup to the same target.
    """
    from catalog.safe_output import OutputError, output_path  # sockets, temporary files: only here

    try:
        with output_path(target) as partial:
            copy = sqlite3.connect(partial)
            try:
                # The partial is thrown away on failure: it needs no rollback journal beside it,
                # which a killed backup would leave behind under a name no one cleans up.
                copy.execute("PRAGMA journal_mode = OFF")
                db.connection().backup(copy)
            finally:
                copy.close()
    except OutputError as exc:
        raise CatalogueError(str(exc)) from None


def _any_of(terms: list[str]) -> str:
    return " OR ".join(f'"{term}"' for term in terms)


def _fts_problems(execute, error: type[Exception]) -> list[str]:
    found = []
    for table, what in ((FTS_TABLE, "articles"), (CLAIM_FTS_TABLE, "claims")):
        try:
            execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
        except error as exc:
            found.append(f"the full-text index does not match the {what} ({exc})")
    return found


def _merge_sixteen_at_once() -> None:
    """Set the index's ``automerge`` to AUTOMERGE, once per catalogue: FTS5 keeps it in the
    catalogue (``article_fts_config``), so later imports and edits find it there."""
    row = database.execute_sql(f"SELECT v FROM {FTS_TABLE}_config WHERE k = 'automerge'").fetchone()
    if row is None or row[0] != AUTOMERGE:
        database.execute_sql(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rank) VALUES ('automerge', {AUTOMERGE})")


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ids = list(ids)
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _same_file(one: Path, other: Path) -> bool:
    """The same file, through any link or name; by resolved paths while either is missing."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return one.resolve() == other.resolve()


def _file_size(path: str) -> int:
    """The file and its write-ahead log, which holds the latest changes until a checkpoint
    copies them into the file: together, what the catalogue takes on the disk."""
    if path == ":memory:":
        return 0
    parts = (Path(path), Path(f"{path}-wal"))
    return sum(part.stat().st_size for part in parts if part.exists())
