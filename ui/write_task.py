"""One write run on the window's single write pool, off the GUI thread: its result, or the
exception it raised, comes back to the GUI thread as a signal."""

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from catalog.db import database


class WriteSignals(QObject):
    finished = Signal(object)  #: what the write returned
    failed = Signal(object)  #: the exception it raised: the GUI thread says it in words


class WriteTask(QRunnable):
    """Runs ``write()`` in a pool thread on that thread's own connection. Signals belong to
    ``owner``, so they are delivered on its (the GUI) thread."""

    def __init__(self, write: Callable[[], object], *, owner: QObject):
        super().__init__()
        self.setAutoDelete(False)
        self._write = write
        self.signals = WriteSignals(owner)

    def run(self) -> None:
        result, problem = None, None
        try:
            result = self._write()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which says it in words
            problem = exc
        finally:
            database.close()  # this thread's connection; the GUI thread keeps its own
        if problem is None:
            self.signals.finished.emit(result)
        else:
            self.signals.failed.emit(problem)
