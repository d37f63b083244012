"""Part of MainWindow: what the session says of others' saves ("3 articles added by another
program") and of a shared catalogue's server (gone: a banner, and edits refused until it is
back), shown in the window."""

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSizePolicy

from ui.models.article_table_model import COL_TITLE, ArticleTableModel


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

    def others_changed(self, told: str) -> None:
        """Someone else saved (another window, program or desk): the session announced it as
        a change of everything (shown by now) and says here what changed, if it can tell."""
        if told:
            self.say(told, 8000)

    def lost_connection(self, exc: Exception) -> None:
        """A write failed: if the catalogue answered that it cannot take the change (a full
        disk, another desk holding it too long, a read-only file), say so and stay online;
        otherwise the connection broke, which the session says (``connection_lost``)."""
        self.session.fail(exc, self)

    def connection_lost(self, reason: str) -> None:
        """Show the banner; edits are refused until the server answers again."""
        self.banner.setText(
            f"<b>Not connected.</b> {reason[:1].upper()}{reason[1:]}. Changes cannot be saved "
            "now; what you typed stays in the editor. Trying to reconnect every few seconds…"
        )
        self.banner.show()

    def back_online(self) -> None:
        self.banner.hide()
        self.say(f"Connected again. {self.session.news}".strip(), 8000)
        if self.editor.has_unsaved_typing():
            self.editor.save_typing()  # what was refused, checked against what others saved

    def refuse_while_offline(self) -> bool:
        """True, with a word in the status bar, when a change cannot be saved now: the server
        is gone, or the catalogue is read-only."""
        return self.session.refuse()

    def show_refusal(self, text: str) -> None:
        self.say(text, 10000)

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
