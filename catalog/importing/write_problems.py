"""Why a batch could not be written, in words: another desk's write, a full disk, or one file's value.

Database errors arrive wrapped (peewee around sqlite3 or psycopg) and sometimes hidden: when
SQLite's disk fills up during COMMIT it rolls the transaction back itself, and peewee's own
rollback then fails with "cannot rollback - no transaction is active", carrying the real error
only as its context. So every test here looks through the whole chain of causes.
"""

import errno
import os
from collections.abc import Iterator

from peewee import SqliteDatabase

from catalog.db import database

# SQLite's primary result codes (extended codes carry them in their low byte).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_FULL, _SQLITE_TOOBIG, _SQLITE_CONSTRAINT = 5, 6, 13, 18, 19
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
_MASKS = ("cannot rollback - no transaction is active", "cannot commit - no transaction is active")


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
    return any(_sqlite_code(cause) in (_SQLITE_BUSY, _SQLITE_LOCKED) for cause in causes(exc))


def is_disk_full(exc: BaseException) -> bool:
    """The disk under the catalogue (or the server's) has no room left."""
    for cause in causes(exc):
        if _sqlite_code(cause) == _SQLITE_FULL:
            return True
        if isinstance(cause, OSError) and cause.errno in _FULL_ERRNOS:
            return True
        sqlstate = getattr(cause, "sqlstate", None) or ""
        # 53100 disk_full; "could not extend file" comes as 53100, or as an I/O error (58030)
        # saying "No space left on device".
        if sqlstate == "53100" or (sqlstate.startswith("58") and "No space left" in str(cause)):
            return True
    return False


def is_about_one_file(exc: BaseException) -> bool:
    """An error caused by some value of one article (too big for a column or an index, not
    valid for the column): writing the batch's files apart finds which and stores the rest."""
    for cause in causes(exc):
        if _sqlite_code(cause) in (_SQLITE_TOOBIG, _SQLITE_CONSTRAINT):
            return True
        sqlstate = getattr(cause, "sqlstate", None) or ""
        if sqlstate[:2] in ("22", "23", "54"):  # data exception, integrity, program limit exceeded
            return True
    return False


def disk_full_reason(exc: BaseException) -> str:
    """``the disk holding FOLDER is full`` (the catalogue's folder), or the server's words."""
    db = database.obj
    if isinstance(db, SqliteDatabase):
        folder = os.path.dirname(os.path.abspath(db.database))
        return f"the disk holding {folder} is full"
    return f"the database server's disk is full ({_first_line(describe(exc))})"


def describe(exc: BaseException) -> str:
    """What went wrong, in the driver's words, past a rollback that only failed because the
    database had already rolled back on its own."""
    for cause in causes(exc):
        text = str(cause).strip()
        if text and not text.startswith(_MASKS):
            return _first_line(text)
    return type(exc).__name__


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text
