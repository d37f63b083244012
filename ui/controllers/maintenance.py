"""File ▸ Back Up…, and the quick check of the catalogue file when the window opens, for one
window."""

from collections.abc import Callable

from PySide6.QtCore import QDate, QObject, QThreadPool
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from catalog.db import CatalogueError, sqlite_path
from catalog.maintenance import RESTORE_ADVICE, backup_catalogue, can_back_up
from ui.controllers.actions import window_action
from ui.folders import remember_export_folder, suggested_export
from ui.session import CatalogSession
from ui.workers import QuickCheckTask


class MaintenanceController(QObject):
    """Makes Back Up… (``ui.actions`` puts it in the File menu). What it needs of the window is
    given: ``say``, a line in the status bar (text, milliseconds)."""

    def __init__(
        self,
        window: QMainWindow,
        session: CatalogSession,
        *,
        say: Callable[[str, int], None],
    ):
        super().__init__(window)
        self.window = window
        self.session = session
        self.say = say
        self._check_task: QuickCheckTask | None = None
        self.check_problems: list[str] | None = None  #: the quick check's answer, once it came
        self.action_backup = window_action(self.window, "actionBackUp", self.back_up)

    def back_up(self) -> bool:
        """Write a consistent copy of the catalogue where the user says."""
        if not can_back_up():
            QMessageBox.information(
                self.window, "Back Up", "A shared catalogue is backed up on its server (pg_dump)."
            )
            return False
        stamp = QDate.currentDate().toString("yyyy-MM-dd")
        name = self.session.catalogue.name
        suggested = suggested_export(f"{name} {stamp}.sqlite3")
        path, _ = QFileDialog.getSaveFileName(self.window, "Back Up", suggested, "Catalogues (*.sqlite3)")
        if not path:
            return False
        remember_export_folder(path)
        try:
            target = backup_catalogue(path)
        except (CatalogueError, OSError) as exc:
            QMessageBox.warning(self.window, "Back Up", f"Not backed up: {exc}.")
            return False
        self.say(f"Backed up to {target}", 10000)
        return True

    def start_quick_check(self) -> None:
        """Check the catalogue file in the background; warn only if something is wrong."""
        path = sqlite_path(self.session.catalogue.location)
        if not can_back_up() or path in (None, ":memory:"):
            return
        task = QuickCheckTask(path, owner=self)
        task.signals.finished.connect(self._quick_check_done)
        self._check_task = task
        QThreadPool.globalInstance().start(task)

    def _quick_check_done(self, problems: list[str]) -> None:
        self.check_problems = problems
        self._check_task = None
        if problems:
            QMessageBox.warning(
                self.window,
                "Catalogue Damaged",
                "The quick check of this catalogue found a problem:\n\n"
                + "\n".join(problems)
                + f"\n\nTo recover: {RESTORE_ADVICE}\nUntil then, avoid editing it.",
            )
        else:
            self.say("Catalogue checked: no problems found.", 5000)
