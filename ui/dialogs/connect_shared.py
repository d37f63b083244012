"""File ▸ Connect to Shared Catalogue…: a newsroom's catalogue on a PostgreSQL server."""

import getpass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from catalog.db import server_url

SETTINGS_KEY = "sharedCatalogue/last"  # host, port, database and user; never the password


class ConnectSharedDialog(QDialog):
    """Where the shared catalogue is and who is asking. The password is used for this session
    only; left empty, the driver looks in PGPASSWORD and ~/.pgpass."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("connectSharedDialog")
        self.setWindowTitle("Connect to Shared Catalogue")
        last = QSettings().value(SETTINGS_KEY) or {}
        self.host = self._line("hostEdit", "Server", last.get("host", "localhost"))
        self.host.setPlaceholderText("e.g. catalog.newsroom.local")
        self.port = QSpinBox(self)
        self.port.setObjectName("portEdit")
        self.port.setAccessibleName("Port")
        self.port.setRange(1, 65535)
        self.port.setValue(int(last.get("port", 5432)))
        self.database = self._line("databaseEdit", "Database", last.get("database", "catalog"))
        self.user = self._line("userEdit", "User", last.get("user", _login()))
        self.password = self._line("passwordEdit", "Password", "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("empty: from PGPASSWORD or ~/.pgpass")
        note = QLabel(
            "The password is used for this session only and is never saved. "
            "Everyone connected sees each other's changes within seconds.",
            self,
        )
        note.setObjectName("passwordNote")
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Server:", self.host)
        form.addRow("P&ort:", self.port)
        form.addRow("&Database:", self.database)
        form.addRow("&User:", self.user)
        form.addRow("&Password:", self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.connect_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText("&Connect")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.database.textChanged.connect(self._enable)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self._enable()

    def _line(self, name: str, accessible: str, text: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        return edit

    def _enable(self) -> None:
        self.connect_button.setEnabled(bool(self.database.text().strip()))

    def location(self) -> str:
        """The catalogue's URL, without the password."""
        return server_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
        )

    def remember(self) -> None:
        QSettings().setValue(
            SETTINGS_KEY,
            {
                "host": self.host.text().strip(),
                "port": self.port.value(),
                "database": self.database.text().strip(),
                "user": self.user.text().strip(),
            },
        )


def _login() -> str:
    try:
        return getpass.getuser()
    except OSError:
        return ""
