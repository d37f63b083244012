"""Part of MainWindow: others' saves appear within seconds, saying what changed, and a shared
catalogue's server going away is shown in a banner, with edits refused until it is back.

The watcher notices this window's own background writes (an import, suggested summaries, a
text saved) as it does anyone else's: they run on a connection of their own. So whatever is
noticed while one of them runs, or has just run, is shown without a word (the write's end says
what it did), and otherwise the articles now are compared with those last shown
(catalog.watching.changes_since): "3 articles added by another program".
"""

from PySide6.QtCore import QPoint, QThreadPool, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMessageBox, QSizePolicy

from catalog import db_errors
from catalog.db import database
from catalog.watching import (
    CONNECTION_ERRORS,
    ArticleChanges,
    ServerGone,
    article_facts,
    changes_since,
    watcher_for,
)
from ui.models.article_table_model import COL_TITLE, ArticleTableModel

WATCH_INTERVAL_MS = 2000  # others' changes show within this, plus the reload
RECONNECT_INTERVAL_MS = 5000


class WritePool(QThreadPool):
    """The window's one writing thread (so writes never race each other), counting the writes
    it is given: the watcher tells the window's own from others' by them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMaxThreadCount(1)
        self.started = 0

    def start(self, runnable, priority: int = 0) -> None:
        self.started += 1
        super().start(runnable, priority)


class SharingMixin:
    def _make_banner(self) -> QLabel:
        banner = QLabel(self)
        banner.setObjectName("connectionBanner")
        banner.setAccessibleName("Connection problem")
        banner.setWordWrap(True)
        banner.setMargin(8)
        banner.setStyleSheet("background: #fdecea; color: #7f1d1d; border-bottom: 1px solid #e6a5a0;")
        banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        banner.hide()
        return banner

    def start_watching(self) -> None:
        """Ask the catalogue every few seconds whether someone else changed it."""
        self.offline_reason: str | None = None
        self.watcher = watcher_for(database.obj)
        self._writes_seen = (self.write_pool.started, self.write_pool.activeThreadCount() > 0)
        self.remember_articles_shown()
        if not hasattr(self, "_watch_timer"):
            self._watch_timer = QTimer(self, interval=WATCH_INTERVAL_MS)
            self._watch_timer.timeout.connect(self.check_for_changes)
        self._watch_timer.setInterval(WATCH_INTERVAL_MS)
        if self.watcher is not None:
            self._watch_timer.start()

    def stop_watching(self) -> None:
        self._watch_timer.stop()
        if self.watcher is not None:
            self.watcher.close()

    @property
    def offline(self) -> bool:
        return self.offline_reason is not None

    def remember_articles_shown(self, count: int | None = None) -> None:
        """What the window shows now, to tell others' changes from (after every reload, which
        has counted the articles: ``count``)."""
        if getattr(self, "watcher", None) is not None:
            self.articles_shown = article_facts(count)

    def _own_writes_since_last_look(self) -> bool:
        """Whether this window's own writing thread was busy since the last look, or is now."""
        started, was_busy = self._writes_seen
        busy = self.write_pool.activeThreadCount() > 0
        self._writes_seen = (self.write_pool.started, busy)
        return busy or was_busy or started != self.write_pool.started

    def check_for_changes(self) -> None:
        """One look: reconnect if the server was gone, else show others' changes if any."""
        if self.watcher is None:
            return
        try:
            own = self._own_writes_since_last_look()
            if self.offline:
                self.watcher.reconnect()
                self._back_online(own=own)
            elif self.watcher.changed():
                self.show_others_changes(own=own)
        except ServerGone as exc:
            self.connection_lost(str(exc))
        except CONNECTION_ERRORS as exc:  # the catalogue connection failed while reloading
            self.lost_connection(exc)

    def lost_connection(self, exc: Exception) -> None:
        """A query failed: if the catalogue answered that it cannot take the change (a full
        disk, another desk holding it too long, a read-only file), say so and stay online;
        otherwise the connection broke: say so, naming the server."""
        explained = db_errors.explain(exc, self.catalogue.location)
        if explained is None and not isinstance(exc, CONNECTION_ERRORS):
            explained = f"the catalogue refused the change ({db_errors.describe(exc)})"
        if explained is not None:
            self.statusBar().showMessage(f"Not saved: {explained}.", 10000)
            QMessageBox.warning(self, "Not Saved", f"Not saved: {explained}.")
            return
        if self.watcher is not None:
            self.connection_lost(self.watcher.describe(exc))
        else:
            self.connection_lost(f"the catalogue stopped answering ({exc})")

    def show_others_changes(self, *, own: bool = False) -> str:
        """Reload what someone else changed, keeping the selection, the scroll position and
        whatever the user is typing, and say what changed unless ``own`` (this window's
        writing thread may have made it); returns what was said."""
        changes = ArticleChanges() if own else changes_since(self.articles_shown, article_facts())
        # The reload selects the current row anew, which shows its article as it is now
        # (the editor keeping any typing: ArticleEditor.update_article).
        self.refresh()
        self._refresh_names()
        told = f"{changes.describe()} by another program." if changes else ""
        if told:
            self.say(told, 8000)
        return told

    def connection_lost(self, reason: str) -> None:
        """Show the banner and refuse edits until the server answers again."""
        first = not self.offline
        self.offline_reason = reason
        self.banner.setText(
            f"<b>Not connected.</b> {reason[:1].upper()}{reason[1:]}. Changes cannot be saved "
            "now; what you typed stays in the editor. Trying to reconnect every few seconds…"
        )
        self.banner.show()
        if first:
            self._watch_timer.setInterval(RECONNECT_INTERVAL_MS)

    def _back_online(self, *, own: bool = False) -> None:
        self.offline_reason = None
        self.banner.hide()
        self._watch_timer.setInterval(WATCH_INTERVAL_MS)
        told = self.show_others_changes(own=own)
        self.say(f"Connected again. {told}".strip(), 8000)
        if self.editor.has_unsaved_typing():
            self.editor.save_typing()  # what was refused, checked against what others saved

    def refuse_while_offline(self) -> bool:
        """True, with a word in the status bar, when a change cannot be saved now: the server
        is gone, or the catalogue is read-only."""
        if self.catalogue.read_only:
            self.statusBar().showMessage(
                f"Not saved: the catalogue is read-only ({self.catalogue.read_only}).", 8000
            )
            return True
        if self.offline:
            self.statusBar().showMessage(
                "Not saved: the catalogue server cannot be reached. Your text is kept; "
                "it can be saved once the connection is back.",
                8000,
            )
        return self.offline

    # --- keeping the user's place across a reload ------------------------------------

    def top_article_id(self) -> int | None:
        index = self.table.indexAt(QPoint(1, 1))
        return index.data(ArticleTableModel.ArticleIdRole) if index.isValid() else None

    def scroll_to_top_article(self, article_id: int | None) -> None:
        row = self.table_model.row_of(article_id) if article_id is not None else None
        if row is not None:
            self.table.scrollTo(
                self.table_model.index(row, COL_TITLE), QAbstractItemView.ScrollHint.PositionAtTop
            )
