"""Database errors a person can act on, in words: a full disk, a catalogue another desk is
holding, a read-only one.

SQLite reports a full disk as "database or disk is full" and then ends the transaction by
itself, so the rollback that follows fails with "cannot rollback - no transaction is active";
PostgreSQL reports "could not extend file … No space left on device" (SQLSTATE 53100). Both
reach callers wrapped by peewee, with the original further down the exception chain. Each
question here walks that chain, so it answers the same whichever layer raised.
"""

import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from catalog.db import redacted, sqlite_path

_SQLITE_FULL, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 13, 5, 6, 8
_POSTGRES_DISK_FULL = "53100"
_DISK_FULL_WORDS = ("database or disk is full", "no space left on device", "could not extend file")
_BUSY_WORDS = ("database is locked", "database table is locked")


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc``, the exceptions it was raised from or during, and the driver's error peewee wraps
    (``orig``)."""
    seen: set[int] = set()
    pending = [exc]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending += [current.__cause__, current.__context__, getattr(current, "orig", None)]


def _says(exc: BaseException, words: tuple[str, ...]) -> bool:
    text = str(exc).casefold()
    return any(word in text for word in words)


def is_disk_full(exc: BaseException) -> bool:
    for link in _chain(exc):
        if isinstance(link, OSError) and link.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if isinstance(link, sqlite3.Error) and getattr(link, "sqlite_errorcode", None) == _SQLITE_FULL:
            return True
        if getattr(link, "sqlstate", None) == _POSTGRES_DISK_FULL or _says(link, _DISK_FULL_WORDS):
            return True
    return False


def is_busy(exc: BaseException) -> bool:
    """Another connection holds the SQLite catalogue's write lock and did not let go in time."""
    for link in _chain(exc):
        code = getattr(link, "sqlite_errorcode", None)
        if isinstance(link, sqlite3.Error) and code in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return True
        if _says(link, _BUSY_WORDS):
            return True
    return False


def is_read_only(exc: BaseException) -> bool:
    for link in _chain(exc):
        if isinstance(link, sqlite3.Error) and getattr(link, "sqlite_errorcode", None) == _SQLITE_READONLY:
            return True
        if _says(link, ("attempt to write a readonly database", "read-only transaction")):
            return True
    return False


def where_it_lives(location: str) -> str:
    """The folder of a catalogue file, or the server of a shared catalogue (no password)."""
    path = sqlite_path(location)
    if path is None:
        return f"the server of {redacted(location)}"
    if path == ":memory:":
        return "memory"
    return str(Path(path).expanduser().resolve().parent)


def explain(exc: BaseException, location: str) -> str | None:
    """What went wrong, for people, when it is one of the errors a person can act on; None for
    anything else (a bug, to be reported as such)."""
    if is_disk_full(exc):
        path = sqlite_path(location)
        if path is None:
            return (
                f"the disk of the server of {redacted(location)} is full: nothing was changed; "
                "ask whoever looks after the server to free space"
            )
        return f"the disk holding {where_it_lives(location)} is full: nothing was changed; free some space and try again"
    if is_busy(exc):
        return (
            "the catalogue is busy: another desk or program kept it locked for too long, so nothing "
            "was changed; try again in a moment"
        )
    if is_read_only(exc):
        return f"the catalogue at {redacted(location)} is read-only here: nothing can be changed"
    return None
