"""Why a write failed, in words a person can act on: a full disk, a catalogue another desk is
holding, a read-only one, or one article's value the database refuses.

Database errors arrive wrapped (peewee around sqlite3 or psycopg) and sometimes hidden: when
SQLite's disk fills up it rolls the transaction back by itself, and a rollback after that fails
with "cannot rollback - no transaction is active", carrying the real error only as its context.
PostgreSQL reports "could not extend file … No space left on device" (SQLSTATE 53100). So every
question here looks through the whole chain of causes, and answers the same whichever layer
raised.
"""

import errno
import os
import sqlite3
from collections.abc import Iterator

from peewee import PeeweeException

from catalog.db import database, file_of, redacted, sqlite_path

# SQLite's primary result codes (extended codes carry them in their low byte).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_FULL, _SQLITE_TOOBIG, _SQLITE_CONSTRAINT = 13, 18, 19
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
_MASKS = ("cannot rollback - no transaction is active", "cannot commit - no transaction is active")


def _database_errors() -> tuple[type[BaseException], ...]:
    errors: tuple[type[BaseException], ...] = (PeeweeException, sqlite3.Error)
    try:
        import psycopg
    except ImportError:  # SQLite only: psycopg is an optional extra
        return errors
    return (*errors, psycopg.Error)


def __getattr__(name: str):
    # DATABASE_ERRORS: what a write to either backend may raise, through peewee or straight
    # from the driver. Made when first asked for (by the window): it loads psycopg, a third of
    # the start of a command that never needs it (``catalog import`` on a SQLite catalogue).
    if name == "DATABASE_ERRORS":
        globals()[name] = found = _database_errors()
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and everything behind it: the driver's error peewee wrapped, causes, contexts."""
    seen: set[int] = set()
    pending = [exc]
    while pending:
        current = pending.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        inner = [getattr(current, "orig", None), current.__cause__, current.__context__]
        inner += [arg for arg in getattr(current, "args", ())[:1] if isinstance(arg, BaseException)]
        pending.extend(inner)


def is_busy(exc: BaseException) -> bool:
    """Another connection holds SQLite's write lock ("database is locked")."""
    return any(
        _sqlite_code(cause) in (_SQLITE_BUSY, _SQLITE_LOCKED) or str(cause).startswith("database is locked")
        for cause in causes(exc)
    )


def is_disk_full(exc: BaseException) -> bool:
    """The disk under the catalogue (or the server's) has no room left."""
    for cause in causes(exc):
        if _sqlite_code(cause) == _SQLITE_FULL or str(cause).startswith("database or disk is full"):
            return True
        if isinstance(cause, OSError) and cause.errno in _FULL_ERRNOS:
            return True
        sqlstate = getattr(cause, "sqlstate", None) or ""
        # 53100 disk_full; "could not extend file" comes as 53100, or as an I/O error (58030)
        # saying "No space left on device".
        if sqlstate == "53100" or (sqlstate.startswith("58") and "No space left" in str(cause)):
            return True
    return False


def is_read_only(exc: BaseException) -> bool:
    """SQLite refused a write to a file it may only read."""
    return any(_sqlite_code(cause) == _SQLITE_READONLY for cause in causes(exc))


def is_about_one_file(exc: BaseException) -> bool:
    """An error caused by some value of one article (too big for a column or an index, not
    valid for the column): writing a batch's files apart finds which and stores the rest."""
    for cause in causes(exc):
        if _sqlite_code(cause) in (_SQLITE_TOOBIG, _SQLITE_CONSTRAINT):
            return True
        sqlstate = getattr(cause, "sqlstate", None) or ""
        if sqlstate[:2] in ("22", "23", "54"):  # data exception, integrity, program limit exceeded
            return True
    return False


def where_it_lives(location: str) -> str:
    """The folder of a catalogue file, or the server of a shared catalogue (no password)."""
    path = sqlite_path(location)
    if path is None:
        return f"the server of {redacted(location)}"
    if path == ":memory:":
        return "memory"
    return os.path.dirname(os.path.abspath(os.path.expanduser(path)))


def disk_full_reason(exc: BaseException, location: str | None = None) -> str:
    """``the disk holding FOLDER is full`` (the catalogue's folder: of ``location``, else of the
    open catalogue), or the server's words."""
    if location is None:
        location = file_of(database.obj)
    if location is None or sqlite_path(location) is None:
        return f"the database server's disk is full ({describe(exc)})"
    return f"the disk holding {where_it_lives(location)} is full"


def describe(exc: BaseException) -> str:
    """What went wrong, in the driver's words, past a rollback that only failed because the
    database had already rolled back on its own."""
    for cause in causes(exc):
        text = str(cause).strip()
        if text and not text.startswith(_MASKS):
            return _first_line(text)
    return type(exc).__name__


def explain(exc: BaseException, location: str) -> str | None:
    """What went wrong, for people, when it is one of the errors a person can act on; None for
    anything else (a bug, to be reported as such)."""
    if is_disk_full(exc):
        if sqlite_path(location) is None:
            return (
                f"the disk of the server of {redacted(location)} is full: nothing was changed; "
                "ask whoever looks after the server to free space"
            )
        return f"{disk_full_reason(exc, location)}: nothing was changed; free some space and try again"
    if is_busy(exc):
        return (
            "the catalogue is busy: another desk or program kept it locked for too long, so nothing "
            "was changed; try again in a moment"
        )
    if is_read_only(exc):
        return f"the catalogue at {redacted(location)} is read-only here: nothing can be changed"
    return None


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text
