"""Noticing other people's changes, and a shared catalogue's server going away.

A window asks its watcher every few seconds; the question costs next to nothing on either
backend. On SQLite, ``PRAGMA data_version`` moves when another connection commits. On
PostgreSQL, a second connection LISTENs for the notices migration 0010's triggers send.

Neither says what changed. Who changed it, each says in its way: SQLite's ``data_version``
never moves for the asking connection's own commits, and a PostgreSQL notice carries the
server process of the connection that sent it (``backend_pid``). A window's writes run on a
connection of its writer thread, so the window asks from that connection, or leaves out the
writer's notices, to tell its own writes from others'. Long work (an import, suggested
summaries) is noticed like anyone else's, so a window keeps the ``ArticleFacts`` it last showed,
and ``changes_since`` says, from them, how many articles were added, changed and deleted since.
"""

import datetime
from dataclasses import dataclass

from peewee import InterfaceError, OperationalError, PostgresqlDatabase, SqliteDatabase, fn

from catalog.backends import backend_for
from catalog.models import Article

#: The channel migration 0010's triggers notify (a migration is frozen: it is not imported).
CHANNEL = "catalog_changes"
CONNECT_TIMEOUT_S = 3


class ServerGone(Exception):
    """The catalogue's server cannot be reached; the message is for people."""


#: What a lost server connection raises through peewee or psycopg.
CONNECTION_ERRORS: tuple[type[Exception], ...] = (OperationalError, InterfaceError)
try:
    import psycopg

    CONNECTION_ERRORS += (psycopg.OperationalError, psycopg.InterfaceError)
except ImportError:  # SQLite only: psycopg is an optional extra
    psycopg = None


class SqliteWatcher:
    """Others' commits to a SQLite file, seen from this thread's connection."""

    #: A connection's own commits never count, so a window tells its writer's commits from
    #: others' by looking again from the writer's connection.
    looks_from_writer = True

    def __init__(self, db: SqliteDatabase):
        self.db = db
        self.connection, self.seen = self._version()

    def _version(self):
        connection = self.db.connection()
        return connection, connection.execute("PRAGMA data_version").fetchone()[0]

    def changed(self, ignore: frozenset[int] = frozenset()) -> bool:
        """True once after each commit by another connection (or process) since the last call;
        True, too, when this thread's connection was closed and opened again meanwhile (its
        ``data_version`` starts afresh, so what happened in between is not known)."""
        connection, version = self._version()
        changed = version != self.seen or connection is not self.connection
        self.connection, self.seen = connection, version
        return changed

    def reconnect(self) -> None:
        pass

    def describe(self, exc: Exception) -> str:
        return f"the catalogue stopped answering ({_first_line(exc)})"

    def close(self) -> None:
        pass


class PostgresWatcher:
    """Notices of others' commits on a PostgreSQL catalogue, on a listening connection."""

    #: A notice carries its sender's server process: the writer's are left out by ``ignore``.
    looks_from_writer = False

    def __init__(self, db: PostgresqlDatabase):
        self.db = db
        self.listener = None
        self.reconnect()

    def _open_listener(self):
        params = {k: v for k, v in self.db.connect_params.items() if v is not None}
        params.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
        listener = psycopg.connect(dbname=self.db.database, autocommit=True, **params)
        listener.execute(f"LISTEN {CHANNEL}")
        return listener

    def changed(self, ignore: frozenset[int] = frozenset()) -> bool:
        """True when someone else committed a change since the last call; ServerGone when the
        server cannot be reached. Notices from this thread's connection, and from the server
        processes in ``ignore`` (the window's writer), are its own."""
        if self.listener is None:
            raise ServerGone(self._where() + " is not connected")
        try:
            notices = list(self.listener.notifies(timeout=0))
            if not notices:
                self.listener.execute("SELECT 1")  # a closed socket shows only when used
        except CONNECTION_ERRORS as exc:
            self.close()
            raise ServerGone(self.describe(exc)) from exc
        own = {str(pid) for pid in ignore} | {str(self._own_pid())}
        return any(notice.payload not in own for notice in notices)

    def reconnect(self) -> None:
        """Connect again, the listener and this thread's catalogue connection; ServerGone if the
        server still does not answer."""
        self.close()
        try:
            self.listener = self._open_listener()
            if not self.db.is_closed():
                self.db.close()
            self.db.connect()
        except CONNECTION_ERRORS as exc:
            self.close()
            raise ServerGone(f"{self._where()} does not answer ({_first_line(exc)})") from exc

    def describe(self, exc: Exception) -> str:
        """Words for a connection error met elsewhere, naming the server."""
        return f"{self._where()} stopped answering ({_first_line(exc)})"

    def _own_pid(self) -> int | None:
        if self.db.is_closed():
            return None
        return self.db.connection().info.backend_pid

    def _where(self) -> str:
        host = self.db.connect_params.get("host") or "localhost"
        return f"the catalogue server {host}"

    def close(self) -> None:
        if self.listener is not None:
            try:
                self.listener.close()
            except CONNECTION_ERRORS:
                pass
            self.listener = None


@dataclass(frozen=True)
class ArticleFacts:
    """What a window last saw of the articles; three index look-ups (one count) to read."""

    count: int
    last_id: int
    last_update: datetime.datetime | str | None  #: as the backend stores it


@dataclass(frozen=True)
class ArticleChanges:
    added: int = 0
    changed: int = 0
    deleted: int = 0

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.deleted)

    def describe(self) -> str:
        """``3 articles added, 1 article changed and 2 articles deleted``; empty for none."""
        parts = [
            f"{number:,} article{'' if number == 1 else 's'} {verb}"
            for number, verb in ((self.added, "added"), (self.changed, "changed"), (self.deleted, "deleted"))
            if number
        ]
        return " and ".join(filter(None, [", ".join(parts[:-1]), parts[-1]])) if parts else ""


def article_facts(count: int | None = None) -> ArticleFacts:
    """The facts now; ``count``, when the caller has just counted the articles, saves a count."""
    # Three queries, not one: each aggregate alone is answered from an index.
    return ArticleFacts(
        count=Article.select().count() if count is None else count,
        last_id=Article.select(fn.MAX(Article.id)).scalar() or 0,
        last_update=Article.select(fn.MAX(Article.updated_at)).scalar(),
    )


def changes_since(before: ArticleFacts, now: ArticleFacts) -> ArticleChanges:
    """The articles added, changed (saved after ``before`` was read) and deleted since ``before``.

    Changes are told by ``updated_at``, the saving desk's clock: an edit stamped earlier than
    the last one seen (a clock running behind) is shown but not counted.
    """
    if now == before:
        return ArticleChanges()
    added = Article.select().where(Article.id > before.last_id).count()
    changed = 0
    if before.last_update is not None:
        changed = (
            Article.select()
            .where((Article.updated_at > before.last_update) & (Article.id <= before.last_id))
            .count()
        )
    return ArticleChanges(added=added, changed=changed, deleted=max(before.count + added - now.count, 0))


def backend_pid(db) -> int | None:
    """The server process of this thread's connection to a PostgreSQL catalogue, which its
    change notices carry; None on SQLite."""
    return backend_for(db).backend_pid(db)


def watcher_for(db):
    """The watcher for ``db``'s backend, or None for one it cannot watch (an in-memory file)."""
    return backend_for(db).watcher(db)


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
