"""The session's writes in the order they were asked for: each runs on the writer thread and
its end is handled on the GUI thread before the next one starts.

One at a time, end included, because an end may decide what comes next: an edit that met
another desk's change opens the conflict dialog and writes the merged edit, which must land
before an edit typed after it; an undo pressed twice undoes the step the first press left on
top. So a write asked for while an end is handled (the merged edit, the next step of the
Undo History) goes first, before writes asked for earlier by others.
"""

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject

from ui.write_task import WriteSignals, WriteTask


@dataclass
class _Write:
    task: WriteTask
    done: Callable[[object], None]
    failed: Callable[[BaseException], None]


@dataclass
class _Turn:
    call: Callable[[], None]  #: GUI-thread work that waits for the writes asked for before it


class WriteQueue(QObject):
    """Writes and turns, one at a time; ``pool`` runs the writes (the writer's, or a test's
    pool that runs them at once)."""

    def __init__(self, pool, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = pool
        self._waiting: deque[_Write | _Turn] = deque()
        self._current: _Write | None = None
        self._asked_while_handling: list[list[_Write | _Turn]] = []
        self._advancing = False
        # One pair of signals for every write: one write is on the writer at a time.
        self._signals = WriteSignals(self)
        self._signals.finished.connect(lambda result: self._ended(lambda item: item.done, result))
        self._signals.failed.connect(lambda exc: self._ended(lambda item: item.failed, exc))

    @property
    def idle(self) -> bool:
        """Nothing on the writer, waiting, or being handled."""
        return self._current is None and not self._waiting and not self._asked_while_handling

    def write(self, work: Callable[[], object], *, done, failed) -> None:
        self._ask(_Write(WriteTask(work, owner=self, signals=self._signals), done, failed))

    def in_turn(self, call: Callable[[], None]) -> None:
        """Run ``call`` on the GUI thread once the writes asked for before it have ended."""
        self._ask(_Turn(call))

    def _ask(self, item) -> None:
        if self._asked_while_handling:
            self._asked_while_handling[-1].append(item)  # a follow-up: it goes first
            return
        self._waiting.append(item)
        self._advance()

    def _advance(self) -> None:
        if self._advancing:
            return  # the loop below goes on once the current end is handled
        self._advancing = True
        try:
            while self._current is None and self._waiting:
                item = self._waiting.popleft()
                if isinstance(item, _Turn):
                    self._handle(item.call)
                else:
                    self._current = item
                    self.pool.start_write(item.task)  # a test's pool ends it before returning
        finally:
            self._advancing = False

    def _ended(self, handler_of, value) -> None:
        item, self._current = self._current, None
        try:
            self._handle(partial(handler_of(item), value))
        finally:
            self._advance()

    def _handle(self, call: Callable[[], None]) -> None:
        self._asked_while_handling.append([])
        try:
            call()
        finally:
            asked = self._asked_while_handling.pop()
            self._waiting.extendleft(reversed(asked))
