"""One opened catalogue, as a window works on it: the undo stack, the one writer, the watcher
of others' changes and whether the catalogue can be written now.

A window's panes and controllers are given the session, not the window: they ask it whether
a change can be saved (``refusal``), run long writes on its writer (``write_pool``, one thread,
so writes never race each other), push steps on its undo stack, and learn what changed from
its ``changed`` signal, whoever made the change: this window, its undo, or another desk.
"""

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from catalog import db_errors
from catalog.catalogue import OpenedCatalogue, close_catalogue
from catalog.changes import Change
from catalog.db import database
from catalog.watching import (
    CONNECTION_ERRORS,
    ArticleChanges,
    ServerGone,
    article_facts,
    changes_since,
    watcher_for,
)

WATCH_INTERVAL_MS = 2000  # others' changes show within this, plus the reload
RECONNECT_INTERVAL_MS = 5000


class WritePool(QThreadPool):
    """The session's one writing thread (so writes never race each other), counting the writes
    it is given: the watcher tells this window's own writes from others' by them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMaxThreadCount(1)
        self.started = 0

    def start(self, runnable, priority: int = 0) -> None:
        self.started += 1
        super().start(runnable, priority)


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
        self.password = password  # a server's, for this session only: never written anywhere
        self.undo_stack = QUndoStack(self)
        self.write_pool = WritePool(self)
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
        self._writes_seen = (self.write_pool.started, self.write_pool.activeThreadCount() > 0)
        self.remember_articles_shown()
        self._watch_timer.setInterval(WATCH_INTERVAL_MS)
        if self.watcher is not None:
            self._watch_timer.start()

    def remember_articles_shown(self, count: int | None = None) -> None:
        """What the window shows now, to tell others' changes from (after every reload, which
        has counted the articles: ``count``)."""
        if self.watcher is not None:
            self.articles_shown = article_facts(count)

    def _own_writes_since_last_look(self) -> bool:
        """Whether this session's writing thread was busy since the last look, or is now: its
        writes (an import, suggested summaries, a saved text) run on a connection of their own
        and are noticed as anyone else's."""
        started, was_busy = self._writes_seen
        busy = self.write_pool.activeThreadCount() > 0
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
                self._back_online(own=own)
            elif self.watcher.changed():
                self.others_changed(own=own)
        except ServerGone as exc:
            self.lose_connection(str(exc))
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
        """Wait for the writer, stop watching and close the catalogue if it is still this one."""
        self.write_pool.waitForDone()
        self.stop_watching()
        if self.owns_database():
            close_catalogue()
