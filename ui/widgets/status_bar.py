"""The window's status bar, with what a step says (``say``) kept beside a note of what the
step just did to the sidebar's filters."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStatusBar

FILTER_NOTE_MS = 15000  # how long the status bar says a filter followed a name, or went


class StatusBar(QStatusBar):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._filter_note: str | None = None  # what the sidebar just did to a filter, for say()

    def say(self, text: str, timeout_ms: int) -> None:
        """``text`` in the status bar, after what a step just did to the sidebar's filters."""
        if self._filter_note:
            self.showMessage(f"{text.rstrip('.')}. {self._filter_note}", FILTER_NOTE_MS)
        else:
            self.showMessage(text, timeout_ms)

    def note_filter(self, message: str) -> None:
        """Say what the sidebar did to a filter; what the step that caused it says next
        (``say``) keeps this note beside it."""
        self.showMessage(message, FILTER_NOTE_MS)
        self._filter_note = message
        QTimer.singleShot(0, self._forget_filter_note)

    def _forget_filter_note(self) -> None:
        self._filter_note = None
