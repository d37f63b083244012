"""One write run on the window's single write pool, off the GUI thread: its result, or the
exception it raised, comes back to the GUI thread as a signal."""

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from catalog.db import database
from catalog.db_errors import DATABASE_ERRORS


class KeptConnection:
    """The writer's connection, kept from one write to the next.

    Qt's pool thread enters Python afresh for each task, and Python's thread-local storage,
    where peewee keeps a thread's connection, starts empty each time: without this, every
    write would open a connection of its own. Kept here, it is handed back to peewee at the
    start of the next write on the same thread; its SQLite ``data_version`` then moves only
    for others' commits, which is how the session tells its own writes from theirs.
    """

    def __init__(self, db):
        self.db = db
        self.connection = None
        self._thread: int | None = None

    def attach(self) -> None:
        state = self.db._state
        if self.connection is not None and self._thread == threading.get_ident() and state.conn is None:
            state.set_connection(self.connection)

    def keep(self) -> None:
        state = self.db._state
        self.connection = None if state.closed else state.conn
        self._thread = threading.get_ident()

    def forget(self) -> None:
        """After a database error: the connection may be broken; the next write opens another."""
        self.connection = None


class WriteSignals(QObject):
    finished = Signal(object)  #: what the write returned
    failed = Signal(object)  #: the exception it raised: the GUI thread says it in words


class WriteTask(QRunnable):
    """Runs ``write()`` in a pool thread on that thread's own connection. Signals belong to
    ``owner``, so they are delivered on its (the GUI) thread.

    The writer's connection is kept from one write to the next: its SQLite ``data_version``
    moves only for others' commits, which is how the session tells its own writes from theirs.
    It is closed after a database error (a server gone leaves it broken; the next write opens
    another), and never when a test's pool runs the write on the GUI thread itself.
    """

    def __init__(self, write: Callable[[], object], *, owner: QObject, signals: WriteSignals | None = None):
        super().__init__()
        self.setAutoDelete(False)
        self._write = write
        self._gui_thread = threading.get_ident()
        self.signals = signals if signals is not None else WriteSignals(owner)

    def run(self) -> None:
        result, problem = None, None
        try:
            result = self._write()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which says it in words
            problem = exc
        if isinstance(problem, DATABASE_ERRORS) and threading.get_ident() != self._gui_thread:
            with contextlib.suppress(Exception):  # a broken connection may fail to close
                database.close()
        if problem is None:
            self.signals.finished.emit(result)
        else:
            self.signals.failed.emit(problem)
