"""Part of MainWindow: File ▸ Back Up…, and the quick check of the catalogue file on open."""

from pathlib import Path

from PySide6.QtCore import QDate, QThreadPool
from PySide6.QtWidgets import QFileDialog, QMessageBox

from catalog.db import CatalogueError, sqlite_path
from catalog.maintenance import RESTORE_ADVICE, backup_catalogue, is_sqlite
from ui.workers import QuickCheckTask


class MaintenanceMixin:
    def _make_backup_action(self, file_menu) -> None:
        self.action_backup = self._action("actionBackUp", "&Back Up…", "", self.back_up)
        file_menu.insertAction(file_menu.actions()[-1], self.action_backup)  # before Quit
        file_menu.insertSeparator(file_menu.actions()[-1])
        self._check_task: QuickCheckTask | None = None
        self.check_problems: list[str] | None = None  #: the quick check's answer, once it came

    def back_up(self) -> bool:
        """Write a consistent copy of the catalogue where the user says."""
        if not is_sqlite():
            QMessageBox.information(
                self, "Back Up", "A shared catalogue is backed up on its server (pg_dump)."
            )
            return False
        stamp = QDate.currentDate().toString("yyyy-MM-dd")
        suggested = str(Path(self._last_folder() or Path.home()) / f"{self.catalogue.name} {stamp}.sqlite3")
        path, _ = QFileDialog.getSaveFileName(self, "Back Up", suggested, "Catalogues (*.sqlite3)")
        if not path:
            return False
        try:
            target = backup_catalogue(path)
        except (CatalogueError, OSError) as exc:
            QMessageBox.warning(self, "Back Up", f"Not backed up: {exc}.")
            return False
        self.statusBar().showMessage(f"Backed up to {target}", 10000)
        return True

    def start_quick_check(self) -> None:
        """Check the catalogue file in the background; warn only if something is wrong."""
        path = sqlite_path(self.catalogue.location)
        if not is_sqlite() or path in (None, ":memory:"):
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
                self,
                "Catalogue Damaged",
                "The quick check of this catalogue found a problem:\n\n"
                + "\n".join(problems)
                + f"\n\nTo recover: {RESTORE_ADVICE}\nUntil then, avoid editing it.",
            )
        else:
            self.statusBar().showMessage("Catalogue checked: no problems found.", 5000)
