"""Where the catalogue lives and how to open it: paths, URLs, pragmas."""

import os
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlparse, urlsplit, urlunsplit

from peewee import OP, SQL, DatabaseProxy, Expression, OperationalError, SqliteDatabase

from catalog import pg_driver
from catalog.places import ENV_VAR, default_location

#: The one database every model is bound to; ``open_catalogue`` points it somewhere.
database = DatabaseProxy()


#: ``PRAGMA application_id`` of every catalogue file ("CTLG" in ASCII): how Catalog (and
#: ``file(1)``-like tools) tell its databases from any other application's SQLite file.
APPLICATION_ID = 0x43544C47

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # FULL: the WAL is synced at every commit, so a save once reported survives a power cut
    # (NORMAL could roll it back); benchmarks/bench_durability.py measures what it costs.
    "synchronous": "full",
    "cache_size": -64 * 1024,  # 64 MB
    "busy_timeout": 5000,
}
#: A read-only connection changes nothing, not even the journal mode.
READ_ONLY_PRAGMAS = {
    key: value
    for key, value in SQLITE_PRAGMAS.items()
    if key in ("foreign_keys", "cache_size", "busy_timeout")
}

SERVER_SCHEMES = ("postgresql", "postgres")
SUPPORTED_LOCATIONS = (
    "a catalogue is a SQLite file (a path, or sqlite:///PATH) "
    "or a PostgreSQL database (postgresql://USER@HOST/DATABASE)"
)
SQLITE_MODES = ("ro", "rw")


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


class LocationError(CatalogueError):
    """A location that names no catalogue Catalog can use: nothing there, another
    application's file, an unsupported kind of database, or an empty or malformed name. What
    the user asked for cannot be done as asked (the command line's usage error, exit 2)."""


class NoCatalogue(LocationError):
    """No catalogue where the location points (no file, an empty one, an empty database)."""


class ReadOnlyCatalogue(CatalogueError):
    """A change refused because the catalogue is open read-only."""


def resolve_location(given: str | None = None) -> str:
    """``--db`` if given, else ``$CATALOG_DB``, else the default file. An empty ``--db`` is an
    error, not the default: a script whose variable came out empty must not write elsewhere."""
    if given is not None and not given.strip():
        raise LocationError("--db is empty: name a catalogue file or URL")
    return given or os.environ.get(ENV_VAR) or default_location()


def check_location(location: str) -> None:
    """Refuse a location Catalog cannot use as written, in words (LocationError)."""
    if not location.strip():
        raise LocationError("the catalogue's location is empty: name a catalogue file or URL")
    if not is_url(location):
        return
    scheme = location.split("://", 1)[0].lower()
    if scheme not in ("sqlite", *SERVER_SCHEMES):
        raise LocationError(f"{scheme}:// is not a kind of catalogue Catalog can use; {SUPPORTED_LOCATIONS}")
    if scheme == "sqlite":
        for key, value in parse_qsl(urlsplit(location).query, keep_blank_values=True):
            if key != "mode" or value not in SQLITE_MODES:
                raise LocationError(
                    f"sqlite:// catalogue URLs take only ?mode=ro (read-only) or ?mode=rw, not {key}={value}"
                )


def asks_read_only(location: str) -> bool:
    """Whether a ``sqlite://`` location asks for a read-only catalogue (``?mode=ro``)."""
    if not location.lower().startswith("sqlite://"):
        return False
    return ("mode", "ro") in parse_qsl(urlsplit(location).query)


def split_password(location: str) -> tuple[str, str | None]:
    """A server URL without its password (in the address or a ``password=`` parameter), and
    the password: the location may then be shown, logged and remembered; the password is
    handed to the connection only."""
    if not is_url(location):
        return location, None
    parts = urlsplit(location)
    password = unquote(parts.password) if parts.password is not None else None
    netloc = parts.netloc
    if password is not None:
        who, _, where = netloc.rpartition("@")
        netloc = f"{who.partition(':')[0]}@{where}"
    kept = []
    for pair in parts.query.split("&") if parts.query else []:
        key, _, value = pair.partition("=")
        if key.casefold() == "password":
            password = password or unquote(value)
        else:
            kept.append(pair)
    if (netloc, "&".join(kept)) == (parts.netloc, parts.query):
        return location, password
    return urlunsplit(parts._replace(netloc=netloc, query="&".join(kept))), password


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


def sqlite_uri(path: str | os.PathLike, **parameters: str) -> str:
    """A ``file:`` URI for SQLite naming exactly ``path``, whatever it holds: ``#``, ``?`` and
    ``%`` are percent-encoded, which a URI built by hand would read as a fragment, a query or
    an escape."""
    from urllib.request import pathname2url  # loads http and e-mail modules: only here

    uri = "file:" + pathname2url(os.path.abspath(Path(path).expanduser()))
    return f"{uri}?{urlencode(parameters)}" if parameters else uri


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


def file_of(db) -> str | None:
    """The file a SQLite database object reads (``:memory:`` for none); None on a server."""
    from catalog.backends import backend_for

    return backend_for(db).file(db)


def placeholders(count: int) -> str:
    """``?, ?, ?`` (``%s, …`` on PostgreSQL): parameter marks for ``count`` values in plain SQL."""
    return ", ".join([database.obj.param] * count)


def among(column, ids: list[int]) -> Expression:
    """``column IN (ids)`` with the ids bound as one node: for a few thousand ids, peewee's
    node per value took longer to build than the query took to run."""
    return Expression(column, OP.IN, SQL(f"({placeholders(len(ids))})", ids)) if ids else column.in_([])


def make_database(location: str, password: str | None = None, *, read_only_uri: str | None = None):
    """An unconnected peewee database for a path or URL. A server's ``password``, when given
    apart from the URL, is held by the connection only: it is never part of the location.
    ``read_only_uri``: open the SQLite file through this ``file:`` URI (``mode=ro`` or
    ``immutable=1``), as a ReadOnlySqliteDatabase."""
    path = sqlite_path(location)
    if path is None:
        location, embedded = split_password(location)
        password = password or embedded
        extra = {"password": password} if password else {}
        pg_driver.load()
        from playhouse.db_url import connect as connect_url  # loads the PostgreSQL extensions

        try:
            return connect_url(location, **extra)
        except (RuntimeError, ValueError, ImportError) as exc:
            raise CatalogueError(f"cannot use catalogue {redacted(location)}: {exc}") from exc
    if path != ":memory:":
        path = str(Path(path).expanduser())
    if read_only_uri is not None:
        return ReadOnlySqliteDatabase(read_only_uri, path=path, pragmas=READ_ONLY_PRAGMAS, uri=True)
    return CatalogueSqliteDatabase(path, pragmas=SQLITE_PRAGMAS)


class ReadOnlySqliteDatabase(CatalogueSqliteDatabase):
    """A catalogue file open read-only: any change, whoever attempts it, is refused in words
    (ReadOnlyCatalogue) rather than as SQLite's "attempt to write a readonly database"."""

    def __init__(self, file_uri: str, *, path: str, **kwargs):
        super().__init__(file_uri, **kwargs)
        self.path = path  #: the file itself (``database`` is the URI)
        self.reason = "it is open read-only"  #: why, in words; open_catalogue says

    def execute_sql(self, sql, params=None):
        with self._refusing_writes():
            return super().execute_sql(sql, params)

    def begin(self, lock_type=None):
        with self._refusing_writes():
            return super().begin(lock_type)

    @contextmanager
    def _refusing_writes(self):
        try:
            yield
        except OperationalError as exc:
            if _sqlite_error_name(exc).startswith("SQLITE_READONLY"):
                raise ReadOnlyCatalogue(
                    f"the catalogue is read-only: {Path(self.path).name} cannot be changed here ({self.reason})"
                ) from None
            raise


def _sqlite_error_name(exc: Exception) -> str:
    """SQLite's name for the error behind a peewee exception (``SQLITE_READONLY``, …), or ""."""
    for candidate in (exc, *exc.args[:1], exc.__cause__, exc.__context__):
        name = getattr(candidate, "sqlite_errorname", None)
        if name:
            return name
    return ""


def checked_write():
    """A transaction for a read-check-write (a save checked against the version shown): on
    SQLite it takes the write lock at once, so two such saves queue rather than both reading
    and then one failing as "database is locked"; on PostgreSQL, ``lock_rows`` inside it holds
    the rows until commit."""
    from catalog.backends import backend

    return backend().checked_write()


def lock_rows(table: str, ids) -> None:
    """Hold these rows until the transaction ends, so a concurrent save waits and then sees
    this one's result (PostgreSQL; SQLite's write lock already covers the whole file)."""
    from catalog.backends import backend

    backend().lock_rows(table, list(ids))


def server_url(host: str, port: int, name: str, user: str) -> str:
    """A PostgreSQL catalogue's location, without a password: the driver finds that in
    ``PGPASSWORD`` or ``~/.pgpass`` when it is not given."""
    from urllib.parse import quote

    who = f"{quote(user, safe='')}@" if user else ""
    return f"postgresql://{who}{host or 'localhost'}:{port}/{quote(name, safe='')}"


def worth_retrying(exc: Exception) -> bool:
    """A write that lost a race with another desk on a shared catalogue (a unique key stored
    meanwhile, a deadlock broken by the server): doing it again will succeed."""
    from catalog.backends import backend

    return backend().worth_retrying(exc)
