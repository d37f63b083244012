"""Where the catalogue lives and how to open it: paths, URLs, pragmas."""

import os
from pathlib import Path
from urllib.parse import urlparse

import platformdirs
from peewee import DatabaseProxy, SqliteDatabase
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


def make_database(location: str):
    """An unconnected peewee database for a path or URL."""
    path = sqlite_path(location)
    if path is None:
        try:
            return connect_url(location)
        except (RuntimeError, ValueError, ImportError) as exc:
            raise CatalogueError(f"cannot use catalogue {location}: {exc}") from exc
    if path != ":memory:":
        Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        path = str(Path(path).expanduser())
    return SqliteDatabase(path, pragmas=SQLITE_PRAGMAS)
