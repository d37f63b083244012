"""What is at a catalogue file's path, found without changing anything there: nothing yet, an
empty file, a catalogue, or something else (refused in words); whether a change to it could be
saved; and read-only connections to it.

Peewee's connection applies our pragmas, and ``journal_mode = wal`` alone changes a file for
good, so nothing here goes through peewee: the first 100 bytes are read as bytes, and only
when they do not settle it is the file opened read-only with plain ``sqlite3``.
"""

import os
import sqlite3
from enum import Enum
from pathlib import Path

from catalog.db import APPLICATION_ID, CatalogueError, LocationError, sqlite_uri

SQLITE_HEADER = b"SQLite format 3\x00"
HISTORY_TABLE = "schema_migration"  #: where catalog.migrations records the steps applied
FIRST_STEP = "0001_initial"
SIDE_FILES = ("-wal", "-shm", "-journal")
NAMED_TABLES = 5  # tables named in a refusal; the rest counted


class Found(Enum):
    NOTHING = "nothing"  #: no file at all
    EMPTY = "empty"  #: an empty file or an empty SQLite database: a catalogue may be made in it
    CATALOGUE = "catalogue"


def inspect(path: Path, shown: str) -> Found:
    """What is at ``path`` (``shown`` names it in messages); LocationError for anything that is
    not a catalogue and not empty, CatalogueError for a file that cannot be read."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return Found.NOTHING
    except OSError as exc:
        raise CatalogueError(f"cannot open catalogue {shown}: {exc.strerror or exc}") from None
    if path.is_dir():
        raise LocationError(f"{shown} is a folder, not a catalogue: name the catalogue file")
    if size == 0:
        return Found.EMPTY
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except OSError as exc:
        raise CatalogueError(f"cannot open catalogue {shown}: {exc.strerror or exc}") from None
    if not header.startswith(SQLITE_HEADER):
        raise LocationError(f"{shown} is not a catalogue: it is not a SQLite database")
    if _application_id(header) == APPLICATION_ID:
        return Found.CATALOGUE
    return _by_contents(path, shown)


def _application_id(header: bytes) -> int:
    return int.from_bytes(header[68:72], "big")


def _by_contents(path: Path, shown: str) -> Found:
    """A file without our id in its header: an old catalogue (before the id, or with the id only
    in its write-ahead log so far), an empty database, or another application's."""
    try:
        connection = sqlite3.connect(read_only_uri(path, leave_no_files=True), uri=True, timeout=5)
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = [
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY rowid"
                )
            ]
            steps = (
                {name for (name,) in connection.execute(f'SELECT name FROM "{HISTORY_TABLE}"')}
                if HISTORY_TABLE in tables
                else set()
            )
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise CatalogueError(f"cannot open catalogue {shown}: {exc}") from None
    if application_id == APPLICATION_ID or FIRST_STEP in steps:
        return Found.CATALOGUE
    if application_id:
        raise LocationError(
            f"{shown} is not a catalogue: it is another application's database "
            f"(application id 0x{application_id:08x})"
        )
    if set(tables) <= {HISTORY_TABLE} and not steps:
        return Found.EMPTY  # nothing, or a first open that stopped before its first step
    raise LocationError(
        f"{shown} is not a catalogue: it is another application's database ({_holding(tables)})"
    )


def _holding(tables: list[str]) -> str:
    named = ", ".join(tables[:NAMED_TABLES])
    more = f" and {len(tables) - NAMED_TABLES:,} more" if len(tables) > NAMED_TABLES else ""
    return f"it holds the table{'s' if len(tables) > 1 else ''} {named}{more}"


def read_only_reason(path: Path) -> str | None:
    """Why a change to the catalogue at ``path`` could not be saved here, in words, or None.

    Mode bits count even for root, whose writes they would not stop: a file or folder made
    read-only on purpose is opened read-only for everyone.
    """
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "it is on a read-only disk"
    except (OSError, AttributeError):
        pass
    if path.exists() and not _writable(path, os.W_OK):
        return "its file is not writable"
    if not _writable(folder, os.W_OK | os.X_OK):
        return f"its folder {folder} is not writable"
    return None


def _writable(path: Path, mode: int) -> bool:
    try:
        return os.access(path, mode) and bool(path.stat().st_mode & 0o222)
    except OSError:
        return False


def read_only_uri(path: str | os.PathLike, *, leave_no_files: bool = False) -> str:
    """A ``file:`` URI that opens ``path`` read-only: ``mode=ro``, or ``immutable=1`` when
    SQLite cannot even make the ``-shm`` file a read-only reader of a WAL database needs (a
    read-only folder or disk). ``leave_no_files``: never create a ``-wal`` or ``-shm`` beside
    a file that has none (immutable: with no such file, the main file holds everything)."""
    path = Path(path)
    if leave_no_files and not any(path.with_name(path.name + side).exists() for side in SIDE_FILES):
        return sqlite_uri(path, immutable="1")
    uri = sqlite_uri(path, mode="ro")
    try:
        probe = sqlite3.connect(uri, uri=True, timeout=5)
        try:
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            probe.close()
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
            return sqlite_uri(path, immutable="1")
        raise
    return uri
