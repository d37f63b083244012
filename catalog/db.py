"""Where the catalogue lives and how to open it: paths, URLs, pragmas."""

import os
from pathlib import Path
from urllib.parse import urlparse, urlsplit, urlunsplit

import platformdirs
from peewee import DatabaseProxy, IntegrityError, OperationalError, SqliteDatabase
from playhouse.db_url import connect as connect_url

#: The one database every model is bound to; ``open_catalogue`` points it somewhere.
database = DatabaseProxy()

ENV_VAR = "CATALOG_DB"
DEFAULT_FILE_NAME = "catalog.sqlite3"

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",  # safe with WAL: a crash loses at most the last commit, never integrity
    "cache_size": -64 * 1024,  # 64 MB
    "busy_timeout": 5000,
}


class CatalogueSqliteDatabase(SqliteDatabase):
    """A SQLite catalogue: peewee's SqliteDatabase, with a rollback that lets the real error show."""

    def rollback(self):
        if not self.is_closed() and not self.connection().in_transaction:
            # SQLite ends a transaction by itself on a full disk or an I/O error; a second
            # ROLLBACK would fail ("no transaction is active") and hide the error that matters.
            return
        super().rollback()


class CatalogueError(Exception):
    """A catalogue that cannot be opened or used; the message is for people."""


def default_location() -> str:
    """The catalogue used when neither ``--db`` nor ``CATALOG_DB`` names one."""
    data_dir = platformdirs.user_data_dir("Catalog", appauthor=False)
    return str(Path(data_dir) / DEFAULT_FILE_NAME)


def resolve_location(given: str | None = None) -> str:
    """``--db`` if given, else ``$CATALOG_DB``, else the default file."""
    return given or os.environ.get(ENV_VAR) or default_location()


def is_url(location: str) -> bool:
    return "://" in location


def sqlite_path(location: str) -> str | None:
    """The file behind a SQLite location, ``:memory:``, or None for a server URL."""
    if not is_url(location):
        return location
    parsed = urlparse(location)
    if parsed.scheme != "sqlite":
        return None
    # sqlite:///relative.db and sqlite:////absolute/path.db, as peewee's db_url reads them
    return parsed.path[1:] or ":memory:"


def redacted(location: str) -> str:
    """``location`` as it may be shown, logged or remembered: a server URL's password (in the
    address or as a ``password=`` parameter) as ``***``, as libpq's tools and SQLAlchemy do."""
    if not is_url(location):
        return location
    parts = urlsplit(location)
    netloc = parts.netloc
    if "@" in netloc:
        who, _, where = netloc.rpartition("@")
        user, colon, _ = who.partition(":")
        netloc = f"{user}:***@{where}" if colon else netloc
    query = "&".join(
        f"{key}=***" if key.casefold() == "password" else pair
        for pair in parts.query.split("&")
        for key in [pair.partition("=")[0]]
    )
    if (netloc, query) == (parts.netloc, parts.query):
        return location  # nothing to hide: as given (urlunsplit would drop sqlite:///'s slashes)
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def display_name(location: str) -> str:
    """A short name for window titles: the file's stem or the server database's name."""
    path = sqlite_path(location)
    if path is None:
        parsed = urlparse(location)
        return f"{parsed.path.lstrip('/')} on {parsed.hostname or 'localhost'}"
    return "in-memory catalogue" if path == ":memory:" else Path(path).stem


def placeholders(count: int) -> str:
    """``?, ?, ?`` (``%s, …`` on PostgreSQL): parameter marks for ``count`` values in plain SQL."""
    return ", ".join([database.obj.param] * count)


def make_database(location: str, password: str | None = None):
    """An unconnected peewee database for a path or URL. A server's ``password``, when given
    apart from the URL, is held by the connection only: it is never part of the location."""
    path = sqlite_path(location)
    if path is None:
        extra = {"password": password} if password else {}
        try:
            return connect_url(location, **extra)
        except (RuntimeError, ValueError, ImportError) as exc:
            raise CatalogueError(f"cannot use catalogue {location}: {exc}") from exc
    if path != ":memory:":
        Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        path = str(Path(path).expanduser())
    return CatalogueSqliteDatabase(path, pragmas=SQLITE_PRAGMAS)


def checked_write():
    """A transaction for a read-check-write (a save checked against the version shown).

    On SQLite it takes the write lock at once (BEGIN IMMEDIATE): two such saves queue behind
    ``busy_timeout`` rather than both reading and then one failing as "database is locked".
    On PostgreSQL, ``lock_rows`` inside it holds the rows until commit.
    """
    db = database.obj
    if isinstance(db, SqliteDatabase):
        return db.atomic(lock_type="IMMEDIATE")
    return db.atomic()


def lock_rows(table: str, ids) -> None:
    """Hold these rows until the transaction ends, so a concurrent save waits and then sees
    this one's result (PostgreSQL; SQLite's write lock already covers the whole file)."""
    ids = list(ids)
    if ids and not isinstance(database.obj, SqliteDatabase):
        database.execute_sql(
            f'SELECT id FROM "{table}" WHERE id IN ({placeholders(len(ids))}) ORDER BY id FOR UPDATE', ids
        )


def server_url(host: str, port: int, name: str, user: str) -> str:
    """A PostgreSQL catalogue's location, without a password: the driver finds that in
    ``PGPASSWORD`` or ``~/.pgpass`` when it is not given."""
    from urllib.parse import quote

    who = f"{quote(user, safe='')}@" if user else ""
    return f"postgresql://{who}{host or 'localhost'}:{port}/{quote(name, safe='')}"


def worth_retrying(exc: Exception) -> bool:
    """A write that lost a race with another desk on a shared catalogue (a unique key stored
    meanwhile, a deadlock broken by the server): doing it again will succeed."""
    if isinstance(database.obj, SqliteDatabase):
        return False  # one writer at a time: no such races
    if isinstance(exc, IntegrityError):
        return True
    original = exc.args[0] if exc.args else None
    try:
        from psycopg.errors import TransactionRollbackError
    except ImportError:
        return False
    return isinstance(exc, OperationalError) and isinstance(original, TransactionRollbackError)
