"""The find bar under the reading pane: find in the article being read, as a browser finds in
a page, with how many places were found and which one is shown."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStyle, QToolButton, QWidget

from ui.widgets.reading_pane import ReadingPane

NO_MATCHES = "No matches"


class FindBar(QWidget):
    """Finds what is typed in ``pane``'s article as it is typed (``parent``: the widget holding
    the pane and the bar): Enter (F3) goes to the next
    place, Shift+Enter (Shift+F3) to the one before, Escape closes the bar. The places stay
    marked while the bar is open, in this article and in the next one read."""

    def __init__(self, pane: ReadingPane, parent=None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.pane = pane
        self._found: list[tuple[int, int]] = []
        self._current: int | None = None
        self.input = QLineEdit(self)
        self.input.setObjectName("findInput")
        self.input.setAccessibleName("Find in the article")
        self.input.setPlaceholderText("Find in the article")
        self.input.setClearButtonEnabled(True)
        self.input.installEventFilter(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.previous_button = self._button(
            "findPreviousButton", QStyle.StandardPixmap.SP_ArrowUp, "Previous"
        )
        self.next_button = self._button("findNextButton", QStyle.StandardPixmap.SP_ArrowDown, "Next")
        self.close_button = self._button(
            "findCloseButton", QStyle.StandardPixmap.SP_TitleBarCloseButton, "Close (Escape)"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.input, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.input.textChanged.connect(lambda _: self._find(go=True))
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        pane.article_shown.connect(lambda: self.isVisible() and self._find(go=False))
        # Escape closes the bar from the bar or from the text it searches, as in a browser.
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), parent or pane)
        self._escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._escape.setEnabled(False)
        self._escape.activated.connect(self.close_bar)
        self.hide()

    def _button(self, name: str, pixmap: QStyle.StandardPixmap, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setIcon(self.style().standardIcon(pixmap))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    # --- opening and closing ------------------------------------------------------------

    def open(self) -> None:
        """Show the bar with its text selected for typing over; what it holds is found again."""
        was_open = self.isVisible()
        self.show()
        self._escape.setEnabled(True)
        self.input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.input.selectAll()
        if not was_open:
            self._find(go=True)

    def close_bar(self) -> None:
        """Hide the bar and its marks; the place last found stays selected, the text keeps the
        focus."""
        self._escape.setEnabled(False)
        self.hide()
        self.pane.show_found([], None)
        self.pane.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- finding ------------------------------------------------------------------------

    def find_next(self) -> None:
        self._step(+1)

    def find_previous(self) -> None:
        self._step(-1)

    def count_text(self) -> str:
        """What the bar says about the places found: "3 of 12", "12 matches", "No matches"."""
        return self.count_label.text()

    def _step(self, direction: int) -> None:
        if not self.isVisible() or not self.input.text():
            self.open()
            return
        if self._found:
            if self._current is None:
                self._current = 0 if direction > 0 else len(self._found) - 1
            else:
                self._current = (self._current + direction) % len(self._found)
        self._show()

    def _find(self, *, go: bool) -> None:
        """Find the bar's text again; ``go``: show the first place at or after the caret (as
        typing does), else only mark them (another article: it is read from the top)."""
        self._found = self.pane.find_text(self.input.text())
        self._current = None
        if go and self._found:
            caret = self.pane.textCursor().selectionStart()
            self._current = next((i for i, (start, _) in enumerate(self._found) if start >= caret), 0)
        self._show()

    def _show(self) -> None:
        self.pane.show_found(self._found, self._current)
        if not self.input.text():
            text = ""
        elif not self._found:
            text = NO_MATCHES
        elif self._current is None:
            text = f"{len(self._found):,} match{'' if len(self._found) == 1 else 'es'}"
        else:
            text = f"{self._current + 1:,} of {len(self._found):,}"
        self.count_label.setText(text)
        nothing = bool(self.input.text()) and not self._found
        # Red that reads on the field's ground, light or dark.
        dark = self.input.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self.input.setStyleSheet(
            f"QLineEdit {{ color: {'#ff8a80' if dark else '#c0392b'}; }}" if nothing else ""
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.input or event.type() not in (
            QEvent.Type.KeyPress,
            QEvent.Type.ShortcutOverride,
        ):
            return super().eventFilter(watched, event)
        if event.matches(QKeySequence.StandardKey.Find):  # Ctrl+F again: type a new text, as in a browser
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.input.selectAll()
            return True
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            backwards = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.find_previous() if backwards else self.find_next()
            return True
        return super().eventFilter(watched, event)
