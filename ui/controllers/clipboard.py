"""Edit ▸ Cut, Copy, Paste and Select All, acting on the focused widget: a text field or the
reading pane as they would by their own keys; in the article table, Copy copies the selected
articles' titles (one a line) and Select All selects every row."""

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
)

from ui.controllers.actions import window_action

TEXT_WIDGETS = (QLineEdit, QTextEdit, QPlainTextEdit)


class ClipboardController(QObject):
    """Makes Cut, Copy, Paste and Select All; ``table`` is the article table, whose Copy gives
    the titles of the selected rows (``title_column``)."""

    def __init__(self, window: QMainWindow, *, table: QTableView, title_column: int):
        super().__init__(window)
        self.window = window
        self.table = table
        self.title_column = title_column
        for name, verb in (
            ("actionCut", "cut"),
            ("actionCopy", "copy"),
            ("actionPaste", "paste"),
            ("actionSelectAll", "selectAll"),
        ):
            window_action(window, name, lambda _=False, verb=verb: self.act(verb))

    def act(self, verb: str) -> bool:
        """Do ``verb`` ("cut", "copy", "paste", "selectAll") on the focused widget; False when it
        has nothing to do it on."""
        focused = QApplication.focusWidget()
        if isinstance(focused, QComboBox) and focused.lineEdit() is not None:
            focused = focused.lineEdit()
        if isinstance(focused, TEXT_WIDGETS):
            getattr(focused, verb)()
            return True
        if isinstance(focused, QAbstractItemView):
            return self._on_view(focused, verb)
        return False

    def _on_view(self, view: QAbstractItemView, verb: str) -> bool:
        if verb == "selectAll":
            view.selectAll()
            return True
        if verb != "copy":
            return False  # rows are not cut or pasted: Delete and Import do that
        column = self.title_column if view is self.table else view.currentIndex().column()
        rows = sorted({index.row() for index in view.selectionModel().selectedIndexes()})
        texts = [str(view.model().index(row, max(column, 0)).data() or "") for row in rows]
        if not texts:
            return False
        QApplication.clipboard().setText("\n".join(texts))
        return True
