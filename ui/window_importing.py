"""The window's importing: file and folder dialogs, drops, the background task, its progress and report."""

import os
from collections.abc import Sequence

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog

from catalog.changes import EVERYTHING
from catalog.importing import ImportReport
from catalog.importing.files import DEFAULT_PATTERN
from catalog.importing.progress import ProgressMeter
from catalog.terminal_text import one_line
from ui.dialogs.import_folder import ImportFolderDialog
from ui.dialogs.import_report import ImportReportDialog
from ui.workers import ImportTask


class ImportingMixin:
    """Part of MainWindow (which declares the ``import_started``/``import_finished`` signals)."""

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import Files", self._last_folder(), "Text files (*.txt);;All files (*)"
        )
        if paths:
            self.start_import(paths)

    def import_folder(self) -> None:
        dialog = ImportFolderDialog(self._last_folder(), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.folder():
            self.start_import([dialog.folder()], pattern=dialog.pattern())

    def start_import(self, paths: Sequence[str], pattern: str = DEFAULT_PATTERN) -> bool:
        """Import ``paths`` in the background with a progress dialog; False if one is running."""
        if self._import_task is not None:
            self.statusBar().showMessage("An import is already running; wait for it or cancel it.", 5000)
            return False
        self._remember_folder(paths[0])
        task = ImportTask(paths, pattern=pattern, owner=self)
        self._import_task = task
        self.import_progress = self._make_progress_dialog(task)
        task.signals.counted.connect(self._import_counted)
        task.signals.progressed.connect(self._import_progressed)
        task.signals.waiting.connect(self._import_waiting)
        task.signals.finished.connect(self._import_done)
        task.signals.failed.connect(self._import_failed)
        self._set_importing(True)
        self.import_started.emit(task)
        self.session.write_pool.start(task)
        return True

    def _make_progress_dialog(self, task: ImportTask) -> QProgressDialog:
        dialog = QProgressDialog("Looking for files…", "Cancel", 0, 0, self)
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle("Importing")
        # Not modal: the catalogue stays readable and scrollable while files come in.
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(480)
        dialog.canceled.connect(task.cancel)
        dialog.canceled.connect(lambda: dialog.setLabelText("Cancelling…"))
        dialog.show()
        return dialog

    def _import_counted(self, total: int) -> None:
        self._import_meter = ProgressMeter(total)
        self._import_file, self._import_pause = "", ""
        self.import_progress.setMaximum(max(total, 1))
        self._show_import_progress()

    def _import_progressed(self, done: int, path: str) -> None:
        self._import_meter.update(done)
        self._import_file = one_line(os.path.basename(path))
        self.import_progress.setValue(min(done, self.import_progress.maximum()))
        self._show_import_progress()

    def _import_waiting(self, text: str) -> None:
        """Another desk is writing: said under the counts, so a pause never looks like a hang."""
        self._import_pause = text
        self._show_import_progress()

    def _show_import_progress(self) -> None:
        if self.import_progress.wasCanceled():
            return  # the label says "Cancelling…"
        lines = [self._import_meter.describe(), self._import_file, self._import_pause]
        self.import_progress.setLabelText("\n".join(line for line in lines if line))

    def _import_done(self, report: ImportReport) -> None:
        self._end_import()
        self.announce(EVERYTHING)
        if report.imported:
            self.select_article(report.imported[0].article_id)
        self.statusBar().showMessage(f"Import finished: {one_line(report.summary())}", 10_000)
        self.report_dialog = ImportReportDialog(report, self)
        self.report_dialog.open()
        self.import_finished.emit(report)

    def _import_failed(self, message: str) -> None:
        self._end_import()
        self.refresh()
        QMessageBox.warning(
            self, "Import", f"The import stopped: {message}\n\nArticles imported before this point are kept."
        )
        self.import_finished.emit(None)

    def _end_import(self) -> None:
        self._import_task.signals.deleteLater()
        # Kept until the next import: the pool thread may still be returning from run().
        self._last_import_task, self._import_task = self._import_task, None
        self.import_progress.close()
        self._set_importing(False)

    def _set_importing(self, running: bool) -> None:
        self.action_import_files.setEnabled(not running)
        self.action_import_folder.setEnabled(not running)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)


def local_paths(mime: QMimeData) -> list[str]:
    """Files and folders dragged from a file manager."""
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []
