"""Part of MainWindow: others' saves appear within seconds, and a shared catalogue's server
going away is shown in a banner, with edits refused until it is back."""

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMessageBox, QSizePolicy

from catalog import db_errors
from catalog.db import database
from catalog.watching import CONNECTION_ERRORS, ServerGone, watcher_for
from ui.models.article_table_model import COL_TITLE, ArticleTableModel

WATCH_INTERVAL_MS = 2000  # others' changes show within this, plus the reload
RECONNECT_INTERVAL_MS = 5000


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

    def check_for_changes(self) -> None:
        """One look: reconnect if the server was gone, else show others' changes if any."""
        if self.watcher is None:
            return
        try:
            if self.offline:
                self.watcher.reconnect()
                self._back_online()
            elif self.watcher.changed():
                self.show_others_changes()
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

    def show_others_changes(self) -> None:
        """Reload what someone else changed, keeping the selection, the scroll position and
        whatever the user is typing."""
        # The reload selects the current row anew, which shows its article as it is now
        # (the editor keeping any typing: ArticleEditor.update_article).
        self.refresh()
        self._refresh_names()
        self.say("Updated with changes saved by others.", 4000)

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

    def _back_online(self) -> None:
        self.offline_reason = None
        self.banner.hide()
        self._watch_timer.setInterval(WATCH_INTERVAL_MS)
        self.show_others_changes()
        self.statusBar().showMessage("Connected again.", 8000)
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
