"""Two articles side by side, what changed between them marked: words added (green), removed
(red, struck through), changed (amber), the lines a republisher adds (boilerplate: grey
italic, labelled with their kind). The two texts scroll together; Next and Previous Change
step through the changes."""

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QPalette, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from catalog.stories.compare import ADDED, CHANGED, REMOVED, ArticleComparison, Comparison, Run, Side

SIDES = ("left", "right")
#: Backgrounds (light palette, dark palette): mid-tones the palette's text reads on.
COLOURS = {
    ADDED: ("#c9f0cf", "#1e5a2c"),
    REMOVED: ("#f8cccc", "#6b2424"),
    CHANGED: ("#ffe2a8", "#6b5212"),
}
BOILERPLATE_TEXT = ("#7a7a7a", "#a0a0a0")
LABEL_BACKGROUND = ("#e4e4e4", "#3c3c3c")
NEXT_KEYS = (QKeySequence("F8"), QKeySequence("Alt+Down"))
PREVIOUS_KEYS = (QKeySequence("Shift+F8"), QKeySequence("Alt+Up"))


class CompareDialog(QDialog):
    """The comparison of ``compared`` (catalog.stories.compare); ``article_opened`` asks the
    window to show one of the two articles."""

    #: An article id: the user asked to open it in the window.
    article_opened = Signal(int)

    def __init__(self, compared: ArticleComparison, parent=None):
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(f"Compare Articles {compared.left.article_id} and {compared.right.article_id}")
        self.compared = compared
        self.comparison: Comparison = compared.comparison
        self.changes: list[Run] = self.comparison.changes
        self.change = -1  #: the change shown last (Next/Previous), -1 before the first
        self._syncing = False
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self._shade = 1 if dark else 0
        #: Per side: (position in the text, characters inserted there) of each boilerplate label.
        self._labels: dict[str, list[tuple[int, int]]] = {side: [] for side in SIDES}
        self._offsets = {}  #: per side: a text index to its position in the view's document

        self.counts = QLabel(self._counts_text(), self)
        self.counts.setObjectName("compareCounts")
        self.counts.setWordWrap(True)
        self.views = {side: self._make_view(side) for side in SIDES}
        self.headings = {side: self._heading(side, getattr(compared, side)) for side in SIDES}
        for side in SIDES:
            self._show_text(side)
            self.views[side].verticalScrollBar().valueChanged.connect(
                lambda _value, side=side: self._scrolled(side)
            )

        self.previous_button = QPushButton("&Previous Change", self)
        self.previous_button.setObjectName("previousChangeButton")
        self.previous_button.setToolTip("Shift+F8 or Alt+Up")
        self.previous_button.clicked.connect(self.previous_change)
        self.next_button = QPushButton("&Next Change", self)
        self.next_button.setObjectName("nextChangeButton")
        self.next_button.setToolTip("F8 or Alt+Down")
        self.next_button.clicked.connect(self.next_change)
        self.position = QLabel(self)
        self.position.setObjectName("changePosition")
        for keys, slot in ((NEXT_KEYS, self.next_change), (PREVIOUS_KEYS, self.previous_change)):
            for key in keys:
                QShortcut(key, self, activated=slot)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        columns = QGridLayout()
        for column, side in enumerate(SIDES):
            columns.addWidget(self.headings[side], 0, column)
            columns.addWidget(self.views[side], 1, column)
        columns.setRowStretch(1, 1)
        steps = QHBoxLayout()
        steps.addWidget(self.previous_button)
        steps.addWidget(self.next_button)
        steps.addWidget(self.position, 1)
        steps.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self._legend())
        layout.addLayout(columns, 1)
        layout.addLayout(steps)
        self._show_position()
        self.resize(1100, 720)

    # --- building -------------------------------------------------------------------

    def _make_view(self, side: str) -> QTextEdit:
        view = QTextEdit(self)
        view.setObjectName(f"{side}Text")
        view.setAccessibleName("Left article's text" if side == "left" else "Right article's text")
        view.setReadOnly(True)
        view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        view.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        return view

    def _heading(self, side: str, article: Side) -> QLabel:
        where = " · ".join(
            [html.escape(article.outlet or "Unknown outlet"), html.escape(article.date or "date unknown")]
        )
        label = QLabel(
            f"<b>{html.escape(article.title)}</b><br>{where} · "
            f"<a href='article:{article.article_id}'>article {article.article_id}</a>",
            self,
        )
        label.setObjectName(f"{side}Heading")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.linkActivated.connect(lambda _link, i=article.article_id: self.article_opened.emit(i))
        return label

    def _legend(self) -> QWidget:
        legend = QWidget(self)
        legend.setObjectName("compareLegend")
        row = QHBoxLayout(legend)
        row.setContentsMargins(0, 0, 0, 0)
        for text, kind in (("added", ADDED), ("removed", REMOVED), ("changed", CHANGED)):
            swatch = QLabel(text, legend)
            strike = "text-decoration: line-through;" if kind == REMOVED else ""
            swatch.setStyleSheet(f"background: {COLOURS[kind][self._shade]}; padding: 1px 6px; {strike}")
            row.addWidget(swatch)
        boilerplate = QLabel("boilerplate (bylines, lead-ins, footers: not compared)", legend)
        boilerplate.setStyleSheet(
            f"color: {BOILERPLATE_TEXT[self._shade]}; font-style: italic; padding: 1px 6px;"
        )
        row.addWidget(boilerplate)
        row.addStretch(1)
        return legend

    def _counts_text(self) -> str:
        c = self.comparison
        if not c.differences:
            words = "The texts are the same" + (
                " but for boilerplate" if c.boilerplate_left or c.boilerplate_right else ""
            )
        else:
            words = f"{_n(c.changed, 'word')} changed, {c.added:,} added, {c.removed:,} removed"
        return (
            f"{words} · boilerplate: {_n(c.boilerplate_left, 'line')} left, {c.boilerplate_right:,} right · "
            f"the right keeps {c.kept:.1%} of the left's text"
        )

    def _show_text(self, side: str) -> None:
        """The side's text, its runs formatted, and a label before each boilerplate line."""
        view = self.views[side]
        text = getattr(self.comparison, side)
        view.setPlainText(text)
        offsets = self._offsets[side] = _utf16_offsets(text)
        document = view.document()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        labels = []
        for run in self.comparison.runs:
            start, end = getattr(run, side)
            if start == end:
                continue
            if run.boilerplate:
                labels.append((start, run.boilerplate))
            fmt = self._format(run)
            if fmt is None:
                continue
            cursor.setPosition(offsets(start))
            cursor.setPosition(offsets(end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        # Labels last, from the end, so the positions before them hold while they go in.
        label_format = QTextCharFormat()
        label_format.setBackground(QColor(LABEL_BACKGROUND[self._shade]))
        label_format.setForeground(QColor(BOILERPLATE_TEXT[self._shade]))
        label_format.setFontPointSize(max(view.font().pointSizeF() - 1, 6))
        for start, kind in reversed(labels):
            words = f" boilerplate: {kind} "
            cursor.setPosition(offsets(start))
            cursor.insertText(words, label_format)
            cursor.insertText(" ", QTextCharFormat())
            self._labels[side].append((start, len(words) + 1))
        self._labels[side].reverse()
        cursor.endEditBlock()

    def _format(self, run: Run) -> QTextCharFormat | None:
        fmt = QTextCharFormat()
        if run.boilerplate:
            fmt.setForeground(QColor(BOILERPLATE_TEXT[self._shade]))
            fmt.setFontItalic(True)
            return fmt
        if run.kind not in COLOURS:
            return None
        fmt.setBackground(QColor(COLOURS[run.kind][self._shade]))
        if run.kind == REMOVED:
            fmt.setFontStrikeOut(True)
        if run.kind == CHANGED:
            fmt.setFontWeight(QFont.Weight.DemiBold)
        return fmt

    # --- positions ------------------------------------------------------------------

    def document_position(self, side: str, index: int) -> int:
        """Where character ``index`` of the side's text is in its view's document (the
        boilerplate labels and characters outside the BMP move it)."""
        shift = sum(length for at, length in self._labels[side] if at <= index)
        return self._offsets[side](index) + shift

    def text_index(self, side: str, position: int) -> int:
        """The character of the side's text at document ``position`` (a label: the line it marks)."""
        shift = 0
        for at, length in self._labels[side]:
            label_start = self._offsets[side](at) + shift
            if position < label_start:
                break
            if position < label_start + length:
                return at
            shift += length
        position -= shift
        low, high = 0, len(getattr(self.comparison, side))
        while low < high:  # the last index at or before ``position``
            middle = (low + high + 1) // 2
            if self._offsets[side](middle) <= position:
                low = middle
            else:
                high = middle - 1
        return low

    # --- stepping through the changes -----------------------------------------------

    def next_change(self) -> None:
        if self.changes:
            self.show_change(min(self.change + 1, len(self.changes) - 1))

    def previous_change(self) -> None:
        if self.changes:
            self.show_change(max(self.change - 1, 0))

    def show_change(self, number: int) -> None:
        """Select change ``number`` in both texts and bring it into view on both."""
        self.change = number
        run = self.changes[number]
        self._syncing = True
        try:
            for side in SIDES:
                view = self.views[side]
                start, end = getattr(run, side)
                cursor = view.textCursor()
                cursor.setPosition(self.document_position(side, start))
                cursor.setPosition(self.document_position(side, end), QTextCursor.MoveMode.KeepAnchor)
                view.setTextCursor(cursor)
                _scroll_to(view, cursor)
        finally:
            self._syncing = False
        self._show_position()

    def _show_position(self) -> None:
        total = len(self.changes)
        if not total:
            self.position.setText("No changes")
        elif self.change < 0:
            self.position.setText(f"{total:,} change{'' if total == 1 else 's'}")
        else:
            self.position.setText(f"Change {self.change + 1:,} of {total:,}")
        self.previous_button.setEnabled(self.change > 0)
        self.next_button.setEnabled(self.change < total - 1)

    # --- scrolling together ------------------------------------------------------------

    def _scrolled(self, side: str) -> None:
        """The other text follows: what stands beside the first line shown here comes to its top."""
        if self._syncing:
            return
        view = self.views[side]
        other = "right" if side == "left" else "left"
        bar = view.verticalScrollBar()
        self._syncing = True
        try:
            if bar.value() >= bar.maximum() > 0:  # at the end: the other at its end too
                target = self.views[other].verticalScrollBar()
                target.setValue(target.maximum())
                return
            top = view.cursorForPosition(view.viewport().rect().topLeft()).position()
            index = self.comparison.counterpart(side, self.text_index(side, top))
            cursor = QTextCursor(self.views[other].document())
            cursor.setPosition(self.document_position(other, index))
            _scroll_to(self.views[other], cursor, top=True)
        finally:
            self._syncing = False


def _scroll_to(view: QTextEdit, cursor: QTextCursor, *, top: bool = False) -> None:
    """Scroll ``view`` so the cursor's line is in view (a third of the way down), or at the top."""
    bar = view.verticalScrollBar()
    rect = view.cursorRect(cursor)
    offset = 0 if top else view.viewport().height() // 3
    bar.setValue(bar.value() + rect.top() - offset)


def _utf16_offsets(text: str):
    """A function from an index of ``text`` to its position in a QTextDocument, which counts
    UTF-16 units: a character past U+FFFF (an emoji) is two."""
    wide = [index for index, char in enumerate(text) if ord(char) > 0xFFFF]
    if not wide:
        return lambda index: index

    from bisect import bisect_left

    return lambda index: index + bisect_left(wide, index)


def _n(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"
