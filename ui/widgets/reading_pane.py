"""The reading pane: an article's metadata set apart above its full text, never read as HTML."""

import re
from bisect import bisect_right

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit

from catalog.dates import parse_date
from catalog.search.matching import find_spans

PLACEHOLDER = "Select an article to read it."
NO_MATCH = "No article matches the search and the filters."
HIGHLIGHT = "#ffe066"  # search hits: dark text on yellow reads in light and dark palettes
CLAIM_HIGHLIGHT = "#cfe2ff"  # claims: dark text on pale blue, in either palette
CURRENT_CLAIM_HIGHLIGHT = "#9ec5fe"
#: Underline colours of claims by verdict: the rating at a glance.
#: Dark enough to stand out (contrast 3:1 or more) on the claim highlight in either palette.
VERDICT_COLOURS = {
    "true": "#146c43",
    "mostly true": "#2e7d32",
    "mixed": "#8a6100",
    "mostly false": "#b84a00",
    "false": "#b02a37",
    "unproven": "#6f42c1",
}
LINE_HEIGHT_PERCENT = 140
MARGIN = 24
MEASURE_CHARACTERS = 80  # about 70 characters of running text: a comfortable line
LINE_BREAK = "\u2028"  # Qt's line separator: a break inside a paragraph
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")


class ReadingPane(QTextBrowser):
    """Shows one article; every piece of text goes in through ``insertText``, so ``<b>`` stays ``<b>``.

    Claims are highlighted in the text; clicking one emits ``claim_clicked``. Actions added with
    ``add_context_action`` (Mark as Claim) join the standard context menu.
    """

    #: A click in a claim's highlight: the claim's id.
    claim_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setAccessibleName("Reading pane")
        self.setOpenLinks(False)
        self.setUndoRedoEnabled(False)
        self.document().setDocumentMargin(MARGIN)
        self._body_map = _BodyMap()
        self._claims: list[dict] = []
        self._current_claim: int | None = None
        self._search_selections: list = []
        self._claim_selections: list = []
        self._context_actions: list = []
        self.show_article(None)

    # --- claims -----------------------------------------------------------------

    def show_claims(self, claims: list[dict], current: int | None = None) -> None:
        """Highlight these claims (claim objects of the shown article); ``current`` stands out."""
        self._claims, self._current_claim = list(claims), current
        selections = []
        for claim in self._claims:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(CURRENT_CLAIM_HIGHLIGHT if claim["id"] == current else CLAIM_HIGHLIGHT))
            fmt.setForeground(QColor("#000000"))
            if claim["verdict"] in VERDICT_COLOURS:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(VERDICT_COLOURS[claim["verdict"]]))
            fmt.setToolTip(
                f"Claim: {claim['verdict']}" + (f" — {claim['claimant']}" if claim["claimant"] else "")
            )
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._body_cursor(claim["start"], claim["end"])
            selection.format = fmt
            selections.append(selection)
        self._claim_selections = selections
        self.setExtraSelections(self._claim_selections + self._search_selections)

    def selected_span(self) -> tuple[int, int] | None:
        """The selected text as body offsets, or None when the selection is not in the body."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._body_map.body_offset(cursor.selectionStart())
        end = self._body_map.body_offset(cursor.selectionEnd())
        if start is None or end is None or end <= start:
            return None
        return start, end

    def claim_at(self, position: int) -> int | None:
        """The id of the claim covering document ``position``, if any (the innermost one)."""
        offset = self._body_map.body_offset(position)
        if offset is None:
            return None
        covering = [c for c in self._claims if c["start"] <= offset < c["end"]]
        return min(covering, key=lambda c: c["end"] - c["start"])["id"] if covering else None

    def scroll_to_claim(self, claim: dict) -> None:
        cursor = self._body_cursor(claim["start"], claim["start"])
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def add_context_action(self, action) -> None:
        self._context_actions.append(action)

    def contextMenuEvent(self, event) -> None:
        menu: QMenu = self.createStandardContextMenu(event.pos())
        if self._context_actions:
            first = menu.actions()[0] if menu.actions() else None
            for action in self._context_actions:
                menu.insertAction(first, action)
            menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            claim_id = self.claim_at(self.cursorForPosition(event.position().toPoint()).position())
            if claim_id is not None:
                self.claim_clicked.emit(claim_id)

    def _body_cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._body_map.position(start))
        cursor.setPosition(self._body_map.position(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def highlight(self, words: list[str], prefixes: frozenset[str] = frozenset()) -> int:
        """Mark every occurrence of these words and phrases as the search finds them: any case,
        accents ignored (``Zoe`` marks ``Zoë``), and ``prefixes`` marking whole words that start so.
        Returns how many places were marked."""
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(HIGHLIGHT))
        fmt.setForeground(QColor("#000000"))
        plain = self.document().toPlainText()
        position = _utf16_positions(plain)
        selections = []
        for start, end in find_spans(plain, words, prefixes):
            cursor = QTextCursor(self.document())
            cursor.setPosition(position(start))
            cursor.setPosition(position(end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor, selection.format = cursor, fmt
            selections.append(selection)
        self._search_selections = selections
        self.setExtraSelections(self._claim_selections + self._search_selections)
        return len(selections)

    def show_article(self, article: dict | None, *, placeholder: str = PLACEHOLDER) -> None:
        """Show ``article`` (an article object with ``body``), or for None ``placeholder``
        (say NO_MATCH when a search left nothing to show)."""
        self.clear()
        self._body_map = _BodyMap()
        self._claims, self._claim_selections, self._search_selections = [], [], []
        cursor = QTextCursor(self.document())
        if article is None:
            cursor.insertText(placeholder, self._muted_format())
        else:
            self._write_article(cursor, article)
        self._fit_measure()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_measure()

    def _fit_measure(self) -> None:
        """Keep lines to a comfortable reading length: a wide pane centres the text in a column
        of about MEASURE_CHARACTERS characters rather than stretching it edge to edge."""
        column = self.fontMetrics().averageCharWidth() * MEASURE_CHARACTERS
        # A side margin set on the frame replaces the document's margin: MARGIN stays in it, so
        # a narrow pane's text (and the placeholder) never touches the edge.
        side = MARGIN + max(0, (self.viewport().width() - 2 * MARGIN - column) // 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if frame.leftMargin() != side:
            frame.setLeftMargin(side)
            frame.setRightMargin(side)
            root.setFrameFormat(frame)

    def text_column_width(self) -> float:
        """The width the text is set in, in pixels."""
        frame = self.document().rootFrame().frameFormat()
        return self.viewport().width() - frame.leftMargin() - frame.rightMargin()

    def _write_article(self, cursor: QTextCursor, article: dict) -> None:
        cursor.insertText(article["title"], self._title_format())
        for line in metadata_lines(article):
            cursor.insertBlock(self._block_format(top=4))
            cursor.insertText(line, self._muted_format())
        cursor.insertBlock(self._block_format(top=18, bottom=10))
        body_format = QTextCharFormat()
        body_format.setFontPointSize(self.font().pointSizeF() * 1.1)
        body = article["body"]
        for number, (start, end) in enumerate(paragraph_spans(body)):
            if number:
                cursor.insertBlock(self._block_format(top=0, bottom=10))
            self._body_map.add(start, cursor.position(), body[start:end])
            cursor.insertText(body[start:end].replace("\n", LINE_BREAK), body_format)

    def _title_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontPointSize(self.font().pointSizeF() * 1.6)
        fmt.setFontWeight(QFont.Weight.Bold)
        return fmt

    def _muted_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(
            self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        )
        return fmt

    @staticmethod
    def _block_format(top: float, bottom: float = 0) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        fmt.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return fmt


def _utf16_positions(text: str):
    """Python string index -> Qt document position (Qt counts characters beyond U+FFFF twice)."""
    if all(ord(char) <= 0xFFFF for char in text):
        return lambda index: index
    offsets, total = [], 0
    for char in text:
        offsets.append(total)
        total += 2 if ord(char) > 0xFFFF else 1
    offsets.append(total)
    return offsets.__getitem__


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph of ``body`` (split at blank lines, trimmed)."""
    spans, start = [], 0
    for gap in [*_BLANK_LINES.finditer(body), None]:
        end = gap.start() if gap else len(body)
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
        start = gap.end() if gap else len(body)
    return spans


class _BodyMap:
    """Body offsets (Python string positions) to document positions (UTF-16) and back."""

    def __init__(self):
        self._starts: list[int] = []  # body offset where each paragraph starts
        self._positions: list[int] = []  # its document position
        self._texts: list[str] = []

    def add(self, start: int, position: int, text: str) -> None:
        self._starts.append(start)
        self._positions.append(position)
        self._texts.append(text)

    def position(self, offset: int) -> int:
        """Document position of body ``offset``; one between paragraphs goes to the next one."""
        if not self._starts:
            return 0
        index = max(0, bisect_right(self._starts, offset) - 1)
        inside = min(max(0, offset - self._starts[index]), len(self._texts[index]))
        return self._positions[index] + _utf16_length(self._texts[index][:inside])

    def body_offset(self, position: int) -> int | None:
        """Body offset of document ``position``, or None when it is not in the body."""
        if not self._positions or position < self._positions[0]:
            return None
        index = bisect_right(self._positions, position) - 1
        text, units = self._texts[index], position - self._positions[index]
        if units > _utf16_length(text):
            return None
        offset = 0
        while units > 0 and offset < len(text):
            units -= 2 if ord(text[offset]) > 0xFFFF else 1
            offset += 1
        return self._starts[index] + offset


def _utf16_length(text: str) -> int:
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def metadata_lines(article: dict) -> list[str]:
    """Outlet, authors and date on one line; topics and the source file below."""
    byline = [
        article["outlet"] or "Unknown outlet",
        ", ".join(article["authors"]) or "Unknown author",
        format_date(article["date"]),
    ]
    lines = [" · ".join(byline)]
    if article["topics"]:
        lines.append("Topics: " + ", ".join(article["topics"]))
    if article.get("source"):
        lines.append("Source: " + article["source"])
    return lines


def format_date(iso: str | None) -> str:
    """``Wednesday, 29 June 2022``, ``June 2022`` or ``2022``, in the user's language."""
    if not iso:
        return "Date unknown"
    date = parse_date(iso)
    day = QDate(date.year, date.month or 1, date.day or 1)
    if date.precision == "year":
        return str(date.year)
    if date.precision == "month":
        return QLocale().toString(day, "MMMM yyyy")
    return QLocale().toString(day, QLocale.FormatType.LongFormat)
