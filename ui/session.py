"""One opened catalogue, as a window works on it: the undo stack, the one writer, the watcher
of others' changes and whether the catalogue can be written now.

A window's panes and controllers are given the session, not the window: they ask it whether
a change can be saved (``refusal``), hand it their writes (``write``: edits, undo and redo,
run on its writer in the order asked, each ending on the GUI thread; long work such as an
import goes straight to ``write_pool``, the same one thread, so writes never race each other),
push steps on its undo stack, and learn what changed from its ``changed`` signal, whoever made
the change: this window, its undo, or another desk.
"""

import threading

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from catalog import db_errors
from catalog.catalogue import OpenedCatalogue, close_catalogue
from catalog.changes import Change
from catalog.db import database
from catalog.db_errors import DATABASE_ERRORS
from catalog.watching import (
    CONNECTION_ERRORS,
    ArticleChanges,
    ServerGone,
    article_facts,
    backend_pid,
    changes_since,
    watcher_for,
)
from ui.own_articles import OwnArticles
from ui.write_queue import WriteQueue
from ui.write_task import KeptConnection, WriteTask

WATCH_INTERVAL_MS = 2000  # others' changes show within this, plus the reload
RECONNECT_INTERVAL_MS = 5000


class WritePool(QThreadPool):
    """The session's one writing thread (so writes never race each other).

    Long work (an import, suggested summaries, a saved text) is given with ``start`` and
    counted, with whether any runs now: its commits are noticed as anyone else's, and the
    watcher keeps its words for them. The session's own writes come with ``start_write``.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMaxThreadCount(1)
        self.setExpiryTimeout(-1)  # one thread, one connection, for the session's life
        self.started = 0
        self._long_running = 0
        self._count_lock = threading.Lock()
        #: Called on the writer thread after each long work (which may have closed its connection).
        self.after_long_work = None

    def start(self, runnable, priority: int = 0) -> None:
        self.started += 1
        with self._count_lock:
            self._long_running += 1
        super().start(lambda: self._run_long(runnable), priority)

    def _run_long(self, runnable) -> None:
        try:
            runnable.run()
        finally:
            if self.after_long_work is not None:
                self.after_long_work()
            with self._count_lock:
                self._long_running -= 1

    @property
    def long_work_running(self) -> bool:
        return self._long_running > 0

    def start_write(self, task) -> None:
        super().start(task)


class CatalogSession(QObject):
    #: Something changed in the catalogue: a ``catalog.changes.Change`` saying what.
    changed = Signal(object)
    #: The catalogue stopped answering; the reason, in words naming the server.
    connection_lost = Signal(str)
    #: It answers again.
    connection_restored = Signal()
    #: Others changed the catalogue (another window, program or desk): what, in words ("3
    #: articles added by another program"), or "" when this window's own writes may have.
    changed_by_others = Signal(str)
    #: A change was not saved because the catalogue cannot be written now: why, in words.
    refused = Signal(str)

    def __init__(self, catalogue: OpenedCatalogue, *, password: str | None = None, parent=None):
        super().__init__(parent)
        self.catalogue = catalogue
        self.database = database.obj  # the connection this session opened, for closing
        self._gui_thread = threading.get_ident()
        self._writer_connection = KeptConnection(self.database)
        self.password = password  # a server's, for this session only: never written anywhere
        self.undo_stack = QUndoStack(self)
        self.write_pool = WritePool(self)
        self.writes = WriteQueue(self._pool_for_writes(), self)
        self.own_articles = OwnArticles()  #: this window's own writes, for edits typed meanwhile
        #: PostgreSQL: the writer's server processes, whose notices are this window's own.
        self.writer_pids: set[int] = set()
        self._writer_watcher = None  #: a watcher on the writer's connection, lives on that thread
        self._writer_look_asked = False
        self._writes_seen = (0, False)
        self.articles_shown = None  #: catalog.watching.ArticleFacts of what the window shows
        self.news = ""  #: what others changed, in words, as last told
        self.offline_reason: str | None = None
        #: An edit conflict is being resolved (its dialog is open): another save of the same
        #: typing, as the field loses focus to the dialog, waits for it.
        self.conflict_open = False
        self.watcher = None
        self._watch_timer = QTimer(self, interval=WATCH_INTERVAL_MS)
        self._watch_timer.timeout.connect(self.check_for_changes)

    # --- writing ----------------------------------------------------------------------

    def _pool_for_writes(self):
        """Where ``write`` runs its writes: the writer (tests swap in a pool that runs each
        at once on the GUI thread, Picard's FakeThreadPool, so they stay deterministic)."""
        return self.write_pool

    def write(self, work, *, done, failed=None, parent=None) -> None:
        """Run ``work()`` on the writer after the writes asked for before it; then, on the GUI
        thread, ``done(result)``, or ``failed(exception)``. Without ``failed``, a database
        error is said as ``fail`` says it (over ``parent``) and anything else raises there."""
        if failed is None:
            failed = lambda exc: self.write_failed(exc, parent)
        self.writes.write(lambda: self._on_writer(work), done=done, failed=failed)

    def in_turn(self, call) -> None:
        """Run ``call`` on the GUI thread once every write asked for before has ended: an
        undo pressed while an edit is saved undoes that edit."""
        self.writes.in_turn(call)

    def write_failed(self, exc: BaseException, parent) -> None:
        """A write failed with nothing its asker foresaw: a database error is said as ``fail``
        says it; anything else is a bug, raised on the GUI thread."""
        if not isinstance(exc, DATABASE_ERRORS):
            raise exc
        self.fail(exc, parent)
        self.refuse()

    def _on_writer(self, work):
        """Runs ``work`` on the writer's kept connection (on the GUI thread's own, when a
        test's pool runs it there)."""
        kept = threading.get_ident() != self._gui_thread and database.obj is self.database
        if kept:
            self._writer_connection.attach()
        try:
            pid = backend_pid(database.obj)
            if pid is not None:
                self.writer_pids.add(pid)  # before it commits: its notice is known as ours
            result = work()
        except BaseException:
            if kept:
                self._writer_connection.forget()
            raise
        if kept:
            self._writer_connection.keep()
        return result

    # --- whether a change can be saved now ---------------------------------------------

    @property
    def offline(self) -> bool:
        return self.offline_reason is not None

    def refusal(self) -> str | None:
        """Why a change cannot be saved now (a read-only catalogue, a server gone), in words
        for the status bar; None when it can."""
        if self.catalogue.read_only:
            return f"Not saved: the catalogue is read-only ({self.catalogue.read_only})."
        if self.offline:
            return (
                "Not saved: the catalogue server cannot be reached. Your text is kept; "
                "it can be saved once the connection is back."
            )
        return None

    def refuse(self) -> bool:
        """True, said through ``refused``, when a change cannot be saved now."""
        refusal = self.refusal()
        if refusal:
            self.refused.emit(refusal)
        return refusal is not None

    def fail(self, exc: BaseException, parent) -> None:
        """A write failed: said in a message box over ``parent`` when the catalogue answered
        why (``explain_failure``); otherwise the connection broke, and ``connection_lost`` says."""
        explained = self.explain_failure(exc)
        if explained is not None:
            self.refused.emit(f"Not saved: {explained}.")
            QMessageBox.warning(parent, "Not Saved", f"Not saved: {explained}.")

    def explain_failure(self, exc: BaseException) -> str | None:
        """A write failed: the reason in words when the catalogue answered that it cannot take
        the change (a full disk, another desk holding it, a read-only file); None when the
        connection broke, which ``connection_lost`` then says."""
        explained = db_errors.explain(exc, self.catalogue.location)
        if explained is None and not isinstance(exc, CONNECTION_ERRORS):
            explained = f"the catalogue refused the change ({db_errors.describe(exc)})"
        if explained is None:
            reason = (
                self.watcher.describe(exc)
                if self.watcher is not None
                else f"the catalogue stopped answering ({exc})"
            )
            self.lose_connection(reason)
        return explained

    # --- what changed -------------------------------------------------------------------

    def announce(self, change: Change) -> None:
        """Tell every pane what changed (this window's own writes, undo and redo)."""
        if change:
            self.changed.emit(change)

    # --- others' changes and the server -------------------------------------------------

    def start_watching(self) -> None:
        """Ask the catalogue every few seconds whether someone else changed it."""
        self.offline_reason = None
        self.watcher = watcher_for(database.obj)
        self._writes_seen = (self.write_pool.started, self.write_pool.long_work_running)
        self.remember_articles_shown()
        self._watch_timer.setInterval(WATCH_INTERVAL_MS)
        if self.watcher is not None:
            self._watch_timer.start()
            if self.watcher.looks_from_writer:
                # Its first look opens the writer's connection and notes where it starts.
                self.write(self._watch_anew_on_writer, done=lambda _: None, failed=lambda _: None)
                if self.writes.pool is self.write_pool:
                    self.write_pool.after_long_work = self._watch_anew_on_writer

    def _watch_on_writer(self) -> bool:
        """On the writer: whether others committed since its last look (SQLite moves a
        connection's ``data_version`` for others' commits only, never for its own)."""
        if self._writer_watcher is None:  # not known since when: shown as it is now
            self._writer_watcher = watcher_for(database.obj)
            return True
        return self._writer_watcher.changed()

    def _watch_anew_on_writer(self) -> None:
        """On the writer, as watching starts, and as long work ends: that may have closed the
        writer's connection, so the writer looks afresh from the one it opens now (others'
        commits until then came while the long work ran: the looks then read everything)."""
        try:
            self._writer_watcher = self._on_writer(lambda: watcher_for(database.obj))
        except Exception:  # noqa: BLE001 - not known now: the next look reads everything again
            self._writer_watcher = None

    def remember_articles_shown(self, count: int | None = None) -> None:
        """What the window shows now, to tell others' changes from (after every reload, which
        has counted the articles: ``count``)."""
        if self.watcher is not None:
            self.articles_shown = article_facts(count)

    def _own_writes_since_last_look(self) -> bool:
        """Whether long work ran on the writer since the last look, or runs now: an import,
        suggested summaries, a saved text are noticed as anyone else's (the window shows an
        import's articles as they come), and only their words are kept for their end."""
        started, was_busy = self._writes_seen
        busy = self.write_pool.long_work_running
        self._writes_seen = (self.write_pool.started, busy)
        return busy or was_busy or started != self.write_pool.started

    def stop_watching(self) -> None:
        self._watch_timer.stop()
        if self.watcher is not None:
            self.watcher.close()

    def check_for_changes(self) -> None:
        """One look: reconnect if the server was gone, else announce others' changes if any."""
        if self.watcher is None:
            return
        try:
            own = self._own_writes_since_last_look()
            if self.offline:
                self.watcher.reconnect()
                self.write(self._close_writer_connection, done=lambda _: None)  # broken with the server
                self._back_online(own=own)
            elif not self.watcher.changed(ignore=frozenset() if own else frozenset(self.writer_pids)):
                return
            elif not own and self.watcher.looks_from_writer:
                self._ask_the_writer()  # the commit seen may be this window's own write
            else:
                self.others_changed(own=own)
        except ServerGone as exc:
            self.lose_connection(str(exc))
        except CONNECTION_ERRORS as exc:  # the catalogue connection failed while reloading
            self.fail(exc, self.parent())

    def _ask_the_writer(self) -> None:
        """Look again from the writer's connection, after the writes before: the window's
        own edits were shown precisely, and only others' commits read everything again."""
        if self._writer_look_asked:
            return  # one look in the queue is enough
        self._writer_look_asked = True

        def looked(others: bool) -> None:
            self._writer_look_asked = False
            if others:
                self._others_changed_or_fail()

        def not_looked(exc: BaseException) -> None:
            self._writer_look_asked = False
            self._others_changed_or_fail()  # not known: shown as it is now

        self.write(self._watch_on_writer, done=looked, failed=not_looked)

    def _others_changed_or_fail(self) -> None:
        try:
            self.others_changed()
        except CONNECTION_ERRORS as exc:  # the catalogue connection failed while reloading
            self.fail(exc, self.parent())

    def others_changed(self, *, own: bool = False) -> None:
        """Announce others' changes as a change of everything, then say what they were (unless
        this session's own writer may have made them: its end says what it did)."""
        self._take_news(own)
        self.changed.emit(Change(everything=True))
        self.changed_by_others.emit(self.news)

    def _take_news(self, own: bool) -> None:
        changes = ArticleChanges()
        if not own and self.articles_shown is not None:
            changes = changes_since(self.articles_shown, article_facts())
        self.news = f"{changes.describe()} by another program." if changes else ""

    def lose_connection(self, reason: str) -> None:
        first = not self.offline
        self.offline_reason = reason
        if first:
            self._watch_timer.setInterval(RECONNECT_INTERVAL_MS)
        self.connection_lost.emit(reason)

    def _back_online(self, *, own: bool = False) -> None:
        self.offline_reason = None
        self._watch_timer.setInterval(WATCH_INTERVAL_MS)
        self._take_news(own)
        self.changed.emit(Change(everything=True))
        self.connection_restored.emit()

    # --- closing ------------------------------------------------------------------------

    def owns_database(self) -> bool:
        return database.obj is self.database

    def close(self) -> None:
        """Wait for the writer, close its connection, stop watching and close the catalogue if
        it is still this one."""
        if self.writes.pool is self.write_pool:
            self.write_pool.start_write(WriteTask(self._close_writer_connection, owner=self))
        self.write_pool.waitForDone()
        self.stop_watching()
        if self.owns_database():
            close_catalogue()

    def _close_writer_connection(self) -> None:
        """On the writer, as the session ends or its server comes back: its connection to
        this session's catalogue (the next write opens another)."""
        if threading.get_ident() == self._gui_thread:
            return  # a test's pool writes on the GUI thread's own connection: it stays
        self._writer_connection.attach()
        self._writer_connection.forget()
        if self.database is not None and not self.database.is_closed():
            self.database.close()
