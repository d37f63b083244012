"""File ▸ Import Files and Import Folder, and files dropped on the window, for one window: the
import runs on the session's writer with a progress dialog (Cancel keeps whole batches), and
ends with its report. Both dialogs offer every type of file Catalog reads and remember the
types last chosen."""

import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QMimeData, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMessageBox, QProgressDialog

from catalog.changes import EVERYTHING
from catalog.importing import ImportReport
from catalog.importing.files import DEFAULT_PATTERN
from catalog.importing.progress import ProgressMeter
from catalog.terminal_text import one_line
from ui.controllers.actions import window_action
from ui.dialogs.import_folder import ImportFolderDialog, name_filters
from ui.dialogs.import_report import ImportReportDialog
from ui.dialogs.progress import progress_dialog
from ui.folders import last_folder, remember_folder
from ui.session import CatalogSession
from ui.workers import ImportTask

#: The filter last chosen in Import Files, and the patterns last chosen in Import Folder.
FILES_FILTER_KEY = "importing/filesFilter"
FOLDER_PATTERN_KEY = "importing/folderPattern"


class ImportController(QObject):
    """Makes Import Files and Import Folder (``ui.actions`` puts them in the File menu). What
    it needs of the window is given: ``show_top`` (the table's first rows, the first current),
    ``refresh`` (read the listing again) and ``say`` (a line in the status bar: text,
    milliseconds)."""

    #: An import is about to start: its ImportTask.
    started = Signal(object)
    #: An import ended: its ImportReport, or None when it stopped on an error.
    finished = Signal(object)

    def __init__(
        self,
        window: QMainWindow,
        session: CatalogSession,
        *,
        show_top: Callable[[], None],
        refresh: Callable[[], None],
        say: Callable[[str, int], None],
    ):
        super().__init__(window)
        self.window = window
        self.session = session
        self.show_top = show_top
        self.refresh = refresh
        self.say = say
        self.task: ImportTask | None = None  #: the import running, if one is
        self._last_task: ImportTask | None = None
        self.progress: QProgressDialog | None = None  #: the running (or last) import's progress
        self.report_dialog: ImportReportDialog | None = None  #: the last import's report
        self.action_import_files = window_action(self.window, "actionImportFiles", self.import_files)
        self.action_import_folder = window_action(self.window, "actionImportFolder", self.import_folder)

    def import_files(self) -> None:
        filters = name_filters()
        last = str(QSettings().value(FILES_FILTER_KEY, ""))
        paths, chosen = QFileDialog.getOpenFileNames(
            self.window,
            "Import Files",
            last_folder(),
            ";;".join(filters),
            last if last in filters else filters[0],  # a type Catalog no longer lists: all
        )
        if paths:
            QSettings().setValue(FILES_FILTER_KEY, chosen)
            self.start_import(paths)

    def import_folder(self) -> None:
        pattern = str(QSettings().value(FOLDER_PATTERN_KEY, "")) or DEFAULT_PATTERN
        dialog = ImportFolderDialog(last_folder(), pattern, parent=self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        folder, pattern = dialog.folder(), dialog.pattern()
        dialog.deleteLater()  # each Import Folder makes its own
        if accepted and folder:
            # Every type is remembered as "", so that types added later are taken too.
            QSettings().setValue(FOLDER_PATTERN_KEY, "" if pattern == DEFAULT_PATTERN else pattern)
            self.start_import([folder], pattern=pattern)

    def start_import(self, paths: Sequence[str], pattern: str = DEFAULT_PATTERN) -> bool:
        """Import ``paths`` in the background with a progress dialog; False if one is running."""
        if self.task is not None:
            self.say("An import is already running; wait for it or cancel it.", 5000)
            return False
        remember_folder(paths[0])
        task = ImportTask(paths, pattern=pattern, owner=self)
        self.task = task
        self.progress = self._make_progress_dialog(task)
        task.signals.counted.connect(self._counted)
        task.signals.progressed.connect(self._progressed)
        task.signals.waiting.connect(self._waiting)
        task.signals.finished.connect(self._done)
        task.signals.failed.connect(self._failed)
        self._set_importing(True)
        self.started.emit(task)
        self.session.write_pool.start(task)
        return True

    def cancel(self) -> None:
        """Stop the running import, if any: whole batches are kept; the current one finishes."""
        if self.task is not None:
            self.task.cancel()

    def _make_progress_dialog(self, task: ImportTask) -> QProgressDialog:
        # Not modal: the catalogue stays readable and scrollable while files come in.
        dialog = progress_dialog(
            self.window, name="importProgress", title="Importing", label="Looking for files…"
        )
        dialog.setMinimumWidth(max(dialog.minimumWidth(), 480))
        dialog.canceled.connect(task.cancel)
        dialog.canceled.connect(lambda: dialog.setLabelText("Cancelling…"))
        return dialog

    def _counted(self, total: int) -> None:
        self._meter = ProgressMeter(total)
        self._file, self._pause = "", ""
        self.progress.setMaximum(max(total, 1))
        self._show_progress()

    def _progressed(self, done: int, path: str) -> None:
        self._meter.update(done)
        # Elided in the middle: a long name never widens the dialog past the screen.
        name = one_line(os.path.basename(path))
        self._file = self.progress.fontMetrics().elidedText(
            name, Qt.TextElideMode.ElideMiddle, self.progress.minimumWidth() - 48
        )
        self.progress.setValue(min(done, self.progress.maximum()))
        self._show_progress()

    def _waiting(self, text: str) -> None:
        """Another desk is writing: said under the counts, so a pause never looks like a hang."""
        self._pause = text
        self._show_progress()

    def _show_progress(self) -> None:
        if self.progress.wasCanceled():
            return  # the label says "Cancelling…"
        lines = [self._meter.describe(), self._file, self._pause]
        self.progress.setLabelText("\n".join(line for line in lines if line))

    def _done(self, report: ImportReport) -> None:
        self._end()
        self.session.announce(EVERYTHING)
        if report.imported:
            self.show_top()  # the table's top, not wherever the first file's article sorts
        self.say(f"Import finished: {one_line(report.summary())}", 10_000)
        self.report_dialog = ImportReportDialog(report, self.window)
        self.report_dialog.open()
        self.finished.emit(report)

    def _failed(self, message: str) -> None:
        self._end()
        self.refresh()
        QMessageBox.warning(
            self.window,
            "Import",
            f"The import stopped: {message}\n\nArticles imported before this point are kept.",
        )
        self.finished.emit(None)

    def _end(self) -> None:
        self.task.signals.deleteLater()
        # Kept until the next import: the pool thread may still be returning from run().
        self._last_task, self.task = self.task, None
        self.progress.close()
        self._set_importing(False)

    def _set_importing(self, running: bool) -> None:
        self.action_import_files.setEnabled(not running)
        self.action_import_folder.setEnabled(not running)

    # --- files dropped on the window (its drag and drop events come here) -----------------

    def accept_drag(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)


def local_paths(mime: QMimeData) -> list[str]:
    """Files and folders dragged from a file manager, whatever their names: the import reads
    each file by what it holds (a page saved as .txt is read as a web page) and reports one it
    cannot read with the reason, as for files chosen in Import Files; folders are searched for
    every type."""
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []
