"""Which catalogue a window shows: File ▸ New, Open, Open Recent and Connect to Shared
Catalogue move it to another catalogue (a new window replaces this one), and a window on a
read-only catalogue says so and turns off what would change it. On start the window opens the
catalogue every command would (``--db``, ``$CATALOG_DB``, the default), not the one it showed
last."""

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from catalog.catalogue import open_catalogue
from catalog.db import CatalogueError, display_name, is_url, split_password, sqlite_path
from ui.actions import CHANGING_ACTIONS
from ui.controllers.actions import window_action, window_menu
from ui.dialogs.connect_shared import ConnectSharedDialog
from ui.folders import last_folder
from ui.session import CatalogSession

RECENT_KEY = "catalogues/recent"
RECENT_LIMIT = 8
FILE_FILTER = "Catalogues (*.sqlite3 *.sqlite *.db);;All files (*)"


def recent_catalogues() -> list[str]:
    """Catalogues opened lately, the last one first (paths, or server URLs without passwords)."""
    value = QSettings().value(RECENT_KEY) or []
    # Passwords an older release stored in the list are dropped here, and from the file at the
    # next remember_catalogue.
    return [split_password(str(item))[0] for item in ([value] if isinstance(value, str) else value)]


def _normal(location: str) -> str:
    """A location as the list keeps it: a file's full path, or a server URL with no password at
    all (not even ``***``): the settings file holds no secret, and reopening one asks the
    driver (PGPASSWORD, ~/.pgpass) rather than reusing a password once given."""
    location = split_password(location)[0]
    return location if is_url(location) else str(Path(location).expanduser().resolve())


def remember_catalogue(location: str) -> None:
    if sqlite_path(location) == ":memory:":
        return
    location = _normal(location)
    others = [item for item in recent_catalogues() if item != location]
    QSettings().setValue(RECENT_KEY, [location, *others][:RECENT_LIMIT])


def forget_catalogue(location: str) -> None:
    QSettings().setValue(RECENT_KEY, [item for item in recent_catalogues() if item != location])


class CataloguesController(QObject):
    """Makes New Catalogue, Open Catalogue, Open Recent and Connect to Shared Catalogue
    (``ui.actions`` puts them at the top of the File menu). What it turns off on a read-only
    catalogue is given: ``panels`` (the editor and the claims panel: their fields become
    read-only), ``empty_state`` (its import buttons) and ``table`` (no editing in place)."""

    def __init__(
        self,
        window: QMainWindow,
        session: CatalogSession,
        *,
        panels: Sequence[QWidget],
        empty_state: QWidget,
        table: QTableView,
    ):
        super().__init__(window)
        self.window = window
        self.session = session
        self.panels = panels
        self.empty_state = empty_state
        self.table = table
        self.read_only_notice: QLabel | None = None  #: the line above the articles, when read-only
        self.action_new_catalogue = window_action(self.window, "actionNewCatalogue", self.new_catalogue)
        self.action_open_catalogue = window_action(
            self.window, "actionOpenCatalogue", self.open_catalogue_file
        )
        self.recent_menu = window_menu(self.window, "recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.action_connect_shared = window_action(self.window, "actionConnectShared", self.connect_shared)
        self.successor = None  #: the window that took over, once this one handed over
        remember_catalogue(self.session.catalogue.location)
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        mine = _normal(self.session.catalogue.location)
        entries = [item for item in recent_catalogues() if item != mine]
        for number, location in enumerate(entries, start=1):
            action = self.recent_menu.addAction(f"&{number} {display_name(location)}")
            action.setToolTip(location)
            action.setStatusTip(location)
            action.triggered.connect(lambda _=False, where=location: self.open_recent(where))
        if not entries:
            self.recent_menu.addAction("No other catalogues yet").setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("&Clear Menu", self._clear_recent)

    def _clear_recent(self) -> None:
        QSettings().setValue(RECENT_KEY, [_normal(self.session.catalogue.location)])

    def new_catalogue(self) -> None:
        """File ▸ New Catalogue…: the one place in the window that makes a catalogue."""
        suggested = str(Path(last_folder() or Path.home()) / "Newsroom.sqlite3")
        path, _ = QFileDialog.getSaveFileName(self.window, "New Catalogue", suggested, FILE_FILTER)
        if not path:
            return
        if Path(path).exists():
            QMessageBox.warning(
                self.window,
                "New Catalogue",
                f"{path} already exists: choose another name, or open it with Open Catalogue…",
            )
            return
        self.switch_catalogue(path, create=True)

    def open_catalogue_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open Catalogue", last_folder(), FILE_FILTER)
        if path:
            self.switch_catalogue(path)

    def open_recent(self, location: str) -> None:
        path = sqlite_path(location)
        if path is not None and not Path(path).is_file():
            forget_catalogue(location)
            QMessageBox.warning(
                self.window,
                "Open Recent",
                f"The catalogue {location} is no longer there; it is taken off the list.",
            )
            return
        self.switch_catalogue(location)

    def connect_shared(self) -> None:
        dialog = ConnectSharedDialog(self.window)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            location, password = dialog.location(), dialog.password.text() or None
            dialog.password.clear()
            if self.switch_catalogue(location, password):
                dialog.remember()
        finally:
            dialog.deleteLater()

    def switch_catalogue(self, location: str, password: str | None = None, *, create: bool = False):
        """Open ``location`` in a new window that replaces this one; on failure (nothing there,
        not a catalogue, a server that does not answer) say why and stay on this catalogue.
        ``create``: make a new catalogue there (File ▸ New Catalogue…). Returns the new window,
        or None."""
        from ui.main_window import MainWindow

        if _normal(location) == _normal(self.session.catalogue.location):
            return None
        self.session.stop_watching()
        mine = self.session.catalogue.location
        try:
            opened = open_catalogue(location, password=password, create=create)
        except CatalogueError as exc:
            open_catalogue(mine, password=self.session.password, create=False)
            self.session.start_watching()
            QMessageBox.warning(self.window, "Open Catalogue", f"Could not open that catalogue: {exc}.")
            return None
        window = MainWindow(opened, password=password)
        window.show()
        self.successor = window
        self.window.close()
        return window

    def show_read_only(self) -> None:
        """On a catalogue whose changes cannot be saved: say so in the title and a line above
        the articles, and turn off everything that would change it; every field stays
        readable, selectable and copyable."""
        reason = self.session.catalogue.read_only
        if not reason:
            return
        self.window.setWindowTitle(f"{self.session.catalogue.name} (read-only) — Catalog")
        for name in CHANGING_ACTIONS:
            action = self.window.findChild(QAction, name)
            if action is not None:
                action.setEnabled(False)
        for panel in self.panels:
            for widget in panel.findChildren(QWidget):
                if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                    widget.setReadOnly(True)
                    widget.setPlaceholderText("")  # "Add a topic…" invites what cannot be done
                elif isinstance(widget, QComboBox):
                    widget.setEnabled(False)  # stays off when the panel is enabled again
                elif isinstance(widget, QAbstractButton) and widget.objectName() != "mapClaimButton":
                    widget.hide()  # the claims panel turns its buttons on as claims are chosen
        for button in self.empty_state.findChildren(QAbstractButton):
            button.setEnabled(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.window.setAcceptDrops(False)  # a dropped file would be an import
        notice = QLabel(
            f"<b>Read-only.</b> {reason[:1].upper()}{reason[1:]}: this catalogue can be read, searched, "
            "exported and backed up, not changed.",
            self.window,
        )
        notice.setObjectName("readOnlyNotice")
        notice.setWordWrap(True)
        notice.setMargin(8)
        notice.setStyleSheet("background: palette(alternate-base); border-bottom: 1px solid palette(mid);")
        self.window.centralWidget().layout().insertWidget(0, notice)
        self.read_only_notice = notice
