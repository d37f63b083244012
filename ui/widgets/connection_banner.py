"""The line above the articles while a shared catalogue's server cannot be reached."""

from PySide6.QtWidgets import QLabel, QSizePolicy

from ui.session import CatalogSession


class ConnectionBanner(QLabel):
    """Shown when ``session`` loses its server (edits are refused until it is back), hidden
    when it answers again."""

    def __init__(self, session: CatalogSession, parent=None):
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setAccessibleName("Connection problem")
        self.setWordWrap(True)
        self.setMargin(8)
        self.setStyleSheet("background: #fdecea; color: #7f1d1d; border-bottom: 1px solid #e6a5a0;")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.hide()
        session.connection_lost.connect(self.connection_lost)
        session.connection_restored.connect(self.hide)

    def connection_lost(self, reason: str) -> None:
        self.setText(
            f"<b>Not connected.</b> {reason[:1].upper()}{reason[1:]}. Changes cannot be saved "
            "now; what you typed stays in the editor. Trying to reconnect every few seconds…"
        )
        self.show()
