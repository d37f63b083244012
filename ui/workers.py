"""Long work off the UI thread: the background import and its signals."""

import threading
import time
from collections.abc import Sequence

from PySide6.QtCore import QObject, QRunnable, Signal

from catalog.db import database
from catalog.importing import import_paths
from catalog.importing.importer import count_files

PROGRESS_INTERVAL = 0.1  # seconds between progress signals, so the UI thread is never flooded


class ImportSignals(QObject):
    counted = Signal(int)  #: total files found
    progressed = Signal(int, str)  #: files done, current file
    finished = Signal(object)  #: the ImportReport
    failed = Signal(str)  #: why the import could not run at all


class ImportTask(QRunnable):
    """Imports ``paths`` in a pool thread; never touches a widget."""

    def __init__(self, paths: Sequence[str], *, pattern: str):
        super().__init__()
        self.paths = list(paths)
        self.pattern = pattern
        self.signals = ImportSignals()
        self._cancel = threading.Event()
        self._last_signal = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            self.signals.counted.emit(count_files(self.paths, self.pattern))
            report = import_paths(
                self.paths, pattern=self.pattern, progress=self._progress, cancelled=self._cancel.is_set
            )
        except Exception as exc:  # reported to the user in words; the catalogue is whole (batches)
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(report)
        finally:
            database.close()  # this thread's own connection

    def _progress(self, done: int, path: str) -> None:
        now = time.monotonic()
        if now - self._last_signal >= PROGRESS_INTERVAL:
            self._last_signal = now
            self.signals.progressed.emit(done, path)
