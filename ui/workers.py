"""Long work off the UI thread: the background import, suggested summaries, the sidebar's
counts, and their signals."""

import contextlib
import threading
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QRunnable, Signal

from catalog.browsing import sidebar_counts as name_counts
from catalog.db import database
from catalog.importing import import_paths
from catalog.importing.importer import count_files
from catalog.maintenance import quick_file_check
from catalog.search.saved import count, saved_searches
from catalog.stories import stories_with_copies
from catalog.summaries import suggest_summaries

SUMMARY_CHUNK = 50  # articles per transaction and per progress step
PROGRESS_INTERVAL = 0.1  # seconds between progress signals, so the UI thread is never flooded


class ImportSignals(QObject):
    counted = Signal(int)  #: total files found
    progressed = Signal(int, str)  #: files done, current file
    waiting = Signal(str)  #: why the import pauses ("waiting for another desk's write…"), "" when it goes on
    finished = Signal(object)  #: the ImportReport
    failed = Signal(str)  #: why the import could not run at all


class ImportTask(QRunnable):
    """Imports ``paths`` in a pool thread; never touches a widget.

    The signals object belongs to ``owner`` (a main-thread QObject), so it is never destroyed in
    the pool thread while the main thread still has its signals queued; the owner deletes it
    with ``deleteLater`` once the import's end has been handled.
    """

    def __init__(self, paths: Sequence[str], *, pattern: str, owner: QObject):
        super().__init__()
        self.setAutoDelete(False)  # Python owns the task, not the pool
        self.paths = list(paths)
        self.pattern = pattern
        self.signals = ImportSignals(owner)
        self._cancel = threading.Event()
        self._last_signal = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        report, problem = None, None
        try:
            self.signals.counted.emit(count_files(self.paths, self.pattern))
            report = import_paths(
                self.paths,
                pattern=self.pattern,
                progress=self._progress,
                cancelled=self._cancel.is_set,
                status=self.signals.waiting.emit,
            )
        except Exception as exc:  # noqa: BLE001 - told to the user in words; the catalogue is whole
            problem = f"{type(exc).__name__}: {exc}"
        finally:
            database.close()  # this thread's own connection, before the window hears of the end
        if problem is None:
            self.signals.finished.emit(report)
        else:
            self.signals.failed.emit(problem)

    def _progress(self, done: int, path: str) -> None:
        now = time.monotonic()
        if now - self._last_signal >= PROGRESS_INTERVAL:
            self._last_signal = now
            self.signals.progressed.emit(done, path)


class SummarySignals(QObject):
    progressed = Signal(int, int)  #: articles done, of how many
    finished = Signal(object)  #: the SummaryRun
    failed = Signal(str)


class SummaryTask(QRunnable):
    """Suggests summaries for ``ids`` in a pool thread, a transaction per chunk; Cancel keeps the
    chunks written. Signals belong to ``owner``, as with ImportTask."""

    def __init__(self, ids: Sequence[int], *, overwrite: bool, owner: QObject):
        super().__init__()
        self.setAutoDelete(False)
        self.ids = list(ids)
        self.overwrite = overwrite
        self.signals = SummarySignals(owner)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        run, problem = None, None
        try:
            run = suggest_summaries(
                self.ids,
                overwrite=self.overwrite,
                progress=self.signals.progressed.emit,
                cancelled=self._cancel.is_set,
                chunk=SUMMARY_CHUNK,
            )
        except Exception as exc:  # noqa: BLE001 - told in words; written chunks are whole
            problem = f"{type(exc).__name__}: {exc}"
        finally:
            database.close()
        if problem is None:
            self.signals.finished.emit(run)
        else:
            self.signals.failed.emit(problem)


class CheckSignals(QObject):
    finished = Signal(list)  #: the problems found, in words; empty when none


class QuickCheckTask(QRunnable):
    """SQLite's quick check of the catalogue file, on a connection of its own, off the UI thread."""

    def __init__(self, path: str, *, owner: QObject):
        super().__init__()
        self.setAutoDelete(False)
        self.path = path
        self.signals = CheckSignals(owner)

    def run(self) -> None:
        problems = quick_file_check(self.path)
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile: nobody to tell
            self.signals.finished.emit(problems)


#: Where the counts carry the stories with copies (``StoryHeading`` list): listing them reads
#: every copy's date to find each story's first appearance (0.6 s at 20,000 copies), so they
#: come with the counts rather than with the names.
STORY_HEADINGS = ("stories", 0)


def sidebar_counts() -> dict[tuple[str, int], object]:
    """Every count the sidebar shows, by (kind, id): names, topics, years and saved searches
    (None for a saved search whose query cannot be run); and at ``STORY_HEADINGS`` the stories."""
    counts: dict[tuple[str, int], object] = dict(name_counts())
    counts.update((("saved", saved.id), count(saved)) for saved in saved_searches())
    counts[STORY_HEADINGS] = stories_with_copies()
    return counts


class CountSignals(QObject):
    counted = Signal(int, object)  #: the reload they belong to, and the counts by (kind, id)


class SidebarCountsTask(QRunnable):
    """The sidebar's counts, read on a pool thread's own connection and sent by ``signals``
    (the sidebar's, living on the GUI thread); skipped when ``wanted()`` says a newer reload
    has come meanwhile. ``done`` once run: until then the sidebar holds it."""

    def __init__(self, *, wanted: Callable[[], bool], reload: int, signals: CountSignals):
        super().__init__()
        self.setAutoDelete(False)  # Python owns the task, not the pool
        self.wanted = wanted
        self.reload = reload
        self.signals = signals
        self.done = False

    def run(self) -> None:
        try:
            if self.wanted():
                self._count()
        finally:
            self.done = True

    def _count(self) -> None:
        try:
            counts = sidebar_counts()
        except Exception:  # noqa: BLE001 - the names stay without counts until the next reload
            return
        finally:
            database.close()  # this thread's own connection: the next count may be another catalogue's
        with contextlib.suppress(RuntimeError):  # the sidebar is gone: nobody to tell
            self.signals.counted.emit(self.reload, counts)
