"""Part of MainWindow: moving the window to another catalogue (a shared one on a server)."""

from PySide6.QtWidgets import QDialog, QMessageBox

from catalog.catalogue import open_catalogue
from catalog.db import CatalogueError, database
from ui.dialogs.connect_shared import ConnectSharedDialog


class CataloguesMixin:
    def _make_catalogue_actions(self, file_menu) -> None:
        self.action_connect_shared = self._action(
            "actionConnectShared", "Connect to S&hared Catalogue…", "", self.connect_shared
        )
        file_menu.insertAction(file_menu.actions()[0], self.action_connect_shared)
        file_menu.insertSeparator(file_menu.actions()[1])
        self.successor = None  #: the window that took over, once this one handed over

    def connect_shared(self) -> None:
        dialog = ConnectSharedDialog(self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            location, password = dialog.location(), dialog.password.text() or None
            dialog.password.clear()
            if self.switch_catalogue(location, password):
                dialog.remember()
        finally:
            dialog.deleteLater()

    def switch_catalogue(self, location: str, password: str | None = None):
        """Open ``location`` in a new window that replaces this one; on failure say why and
        stay on this catalogue. Returns the new window, or None."""
        from ui.main_window import MainWindow

        self.stop_watching()
        mine = self.catalogue.location
        try:
            opened = open_catalogue(location, password=password)
        except CatalogueError as exc:
            open_catalogue(mine, password=self._password)
            self.start_watching()
            QMessageBox.warning(self, "Connect", f"Could not open that catalogue: {exc}.")
            return None
        window = MainWindow(opened, password=password)
        window.show()
        self.successor = window
        self.close()
        return window

    def owns_database(self) -> bool:
        return database.obj is self._database
