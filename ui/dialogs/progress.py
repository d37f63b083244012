"""Progress dialogs sized to their words: the window title and the longest line are never cut
("Sugg… maries" was a dialog narrower than its own title)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

#: Room a title bar takes beside its title: the icon and the close, minimise, maximise buttons.
TITLE_BAR_BUTTONS = 140
MIN_WIDTH = 380


def progress_dialog(
    parent: QWidget, *, name: str, title: str, label: str, maximum: int = 0, cancel: str | None = "Cancel"
) -> QProgressDialog:
    """A non-modal progress dialog (the catalogue stays readable meanwhile), shown at once,
    wide enough for ``title`` and ``label``; ``maximum`` 0 is a busy bar; no ``cancel``: no
    Cancel button (for work that cannot stop half-way)."""
    dialog = QProgressDialog(label, cancel or "", 0, maximum, parent)
    if cancel is None:
        dialog.setCancelButton(None)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    fit_to_text(dialog, label)
    dialog.show()
    return dialog


def fit_to_text(dialog: QProgressDialog, label: str) -> None:
    """Widen ``dialog`` (never narrow it) so its title and every line of ``label`` fit."""
    title_width = QFontMetrics(QApplication.font("QMdiSubWindowTitleBar")).horizontalAdvance(
        dialog.windowTitle()
    )
    metrics = dialog.fontMetrics()
    text_width = max((metrics.horizontalAdvance(line) for line in label.splitlines()), default=0)
    wanted = max(MIN_WIDTH, title_width + TITLE_BAR_BUTTONS, text_width + 48)
    if dialog.minimumWidth() < wanted:
        dialog.setMinimumWidth(wanted)
