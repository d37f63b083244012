"""The reading pane: an article's metadata set apart above its full text, never read as HTML,
in a column of comfortable width, zoomed as a whole, with the places a find in the article found,
and the web address it came from as a link that opens only when clicked."""

import re
from bisect import bisect_right

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit

from catalog.dates import parse_date
from catalog.search.matching import find_spans, fold
from catalog.sources import describe_source
from catalog.terminal_text import one_line

PLACEHOLDER = "Select an article to read it."
NO_MATCH = "No article matches the search and the filters."
HIGHLIGHT = "#ffe066"  # search hits: dark text on yellow reads in light and dark palettes
CLAIM_HIGHLIGHT = "#cfe2ff"  # claims: dark text on pale blue, in either palette
CURRENT_CLAIM_HIGHLIGHT = "#9ec5fe"
FOUND_HIGHLIGHT = "#ffc58a"  # find in the article: dark text on orange, apart from search hits
CURRENT_FOUND_HIGHLIGHT = "#ff9632"
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
#: Zoom steps in percent, as browsers offer them; 100 is the actual size.
ZOOM_LEVELS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
ACTUAL_SIZE = 100
TITLE_SIZE, BODY_SIZE, META_SIZE = 1.6, 1.1, 1.0  # of the pane's font at the actual size
#: Properties the pane gives what it writes, so that a zoom can scale each piece as written.
_SIZE = QTextFormat.Property.UserProperty  # a piece of text: its size, a share of the font
_SPACE_ABOVE = QTextFormat.Property.UserProperty + 1  # a paragraph: its spacing at actual size
_SPACE_BELOW = QTextFormat.Property.UserProperty + 2
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")
#: The schemes of web addresses the pane opens in the browser. An address a page gave
#: (``javascript:``, ``file:``, ``data:``, a custom handler) is nobody's check: any other is
#: shown as text and never opened.
OPENABLE_SCHEMES = frozenset({"http", "https", "ftp"})
LINK_CHARACTERS = 72  # a longer address is elided in the middle; its tooltip has it whole


#: Where a container's record sits in an article's source (``inbox.mbox#message=3``).
class ReadingPane(QTextBrowser):
    """Shows one article; every piece of text goes in through ``insertText``, so ``<b>`` stays ``<b>``.

    Claims are highlighted in the text; clicking one emits ``claim_clicked``. Actions added with
    ``add_context_action`` (Mark as Claim) join the standard context menu. The keyboard moves a
    caret through the text and Shift with the arrows selects (caret browsing), so a claim can
    be marked without the mouse. Title, metadata and text zoom together (``set_zoom``, Ctrl with
    the wheel), and the zoom stays from one article to the next.
    """

    #: A click in a claim's highlight: the claim's id.
    claim_clicked = Signal(int)
    #: The zoom changed: the new one, in percent.
    zoom_changed = Signal(int)
    #: Ctrl+F while the pane has the focus, as in a browser: find in the article.
    find_requested = Signal()
    #: Another article (or none) is shown: what was found in the last one is gone.
    article_shown = Signal()
    #: The article's web address was clicked and handed to the system's browser.
    link_opened = Signal(QUrl)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setAccessibleName("Reading pane")
        self.setOpenLinks(False)  # a click on the address is handled below, never followed here
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setDocumentMargin(MARGIN)
        self._font_size = self.font().pointSizeF()  # the actual size; zooming never changes the font
        self._zoom = ACTUAL_SIZE
        self._wheel_steps = 0  # a high-resolution wheel's part steps, until they make a whole one
        self._body_map = _BodyMap()
        self._claims: list[dict] = []
        self._current_claim: int | None = None
        self._search_selections: list = []
        self._claim_selections: list = []
        self._found_selections: list = []
        self._context_actions: list = []
        self.anchorClicked.connect(self._open_link)
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
        self._show_selections()

    def _show_selections(self) -> None:
        self.setExtraSelections(self._claim_selections + self._search_selections + self._found_selections)

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

    def select_span(self, start: int, end: int) -> None:
        """Select ``start``..``end`` of the body and show it (a passage to mark, say)."""
        self.setTextCursor(self._body_cursor(start, end))
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
        self._show_selections()
        return len(selections)

    def show_article(self, article: dict | None, *, placeholder: str = PLACEHOLDER) -> None:
        """Show ``article`` (an article object with ``body``), or for None ``placeholder``
        (say NO_MATCH when a search left nothing to show)."""
        self.clear()
        self._body_map = _BodyMap()
        self._claims, self._claim_selections, self._search_selections = [], [], []
        self._found_selections = []
        self.document().setDefaultFont(self._zoomed_font(META_SIZE))
        cursor = QTextCursor(self.document())
        if article is None:
            cursor.insertText(placeholder, self._muted_format())
        else:
            self._write_article(cursor, article)
        self._fit_measure()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.article_shown.emit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_measure()

    def _fit_measure(self) -> None:
        """Keep lines to a comfortable reading length: a wide pane centres the text in a column
        of about MEASURE_CHARACTERS characters (of the zoomed text) rather than stretching it
        edge to edge."""
        column = QFontMetricsF(self._zoomed_font(BODY_SIZE)).averageCharWidth() * MEASURE_CHARACTERS
        # A side margin set on the frame replaces the document's margin: MARGIN stays in it, so
        # a narrow pane's text (and the placeholder) never touches the edge, at any zoom.
        side = MARGIN + max(0, int(self.viewport().width() - 2 * MARGIN - column) // 2)
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
        # Where it was published, then where its file is.
        if article.get("url"):
            cursor.insertBlock(self._block_format(top=4))
            self._write_address(cursor, article["url"])
        if article.get("source"):
            cursor.insertBlock(self._block_format(top=4))
            cursor.insertText("Source: " + describe_source(article["source"]), self._muted_format())
        cursor.insertBlock(self._block_format(top=18, bottom=10))
        body_format = self._sized_format(BODY_SIZE)
        body = article["body"]
        for number, (start, end) in enumerate(paragraph_spans(body)):
            if number:
                cursor.insertBlock(self._block_format(top=0, bottom=10))
            self._body_map.add(start, cursor.position(), body[start:end])
            cursor.insertText(body[start:end].replace("\n", LINE_BREAK), body_format)

    def _write_address(self, cursor: QTextCursor, address: str) -> None:
        """``From`` and the address, a link when it is one the browser may open; elided in the
        middle when long (its host and its end say most)."""
        cursor.insertText("From ", self._muted_format())
        shown = elide_middle(one_line(address.strip()), LINK_CHARACTERS)
        url = openable_url(address)
        if url is None:
            fmt = self._muted_format()
            fmt.setToolTip(f"{one_line(address)}\nNot a web address: not opened")
        else:
            fmt = self._sized_format(META_SIZE)
            fmt.setAnchor(True)
            fmt.setAnchorHref(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
            fmt.setForeground(self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Link))
            fmt.setFontUnderline(True)
            fmt.setToolTip(f"{url.toDisplayString()}\nClick to open in your web browser")
        cursor.insertText(shown, fmt)

    def _open_link(self, url: QUrl) -> None:
        """Only a click (or Enter on the focused link) opens the address, and only an http,
        https or ftp one: the pane itself loads nothing."""
        safe = openable_url(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        if safe is not None:
            QDesktopServices.openUrl(safe)
            self.link_opened.emit(safe)

    def _title_format(self) -> QTextCharFormat:
        fmt = self._sized_format(TITLE_SIZE)
        fmt.setFontWeight(QFont.Weight.Bold)
        return fmt

    def _muted_format(self) -> QTextCharFormat:
        fmt = self._sized_format(META_SIZE)
        fmt.setForeground(
            self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        )
        return fmt

    def _sized_format(self, size: float) -> QTextCharFormat:
        """Text ``size`` times the pane's font, at the zoom: every piece of text has one, so a
        zoom scales title, metadata and text alike."""
        fmt = QTextCharFormat()
        fmt.setProperty(_SIZE, size)
        fmt.setFontPointSize(self._point_size(size))
        return fmt

    def _block_format(self, top: float, bottom: float = 0) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setProperty(_SPACE_ABOVE, top)
        fmt.setProperty(_SPACE_BELOW, bottom)
        fmt.setTopMargin(top * self._zoom / 100)
        fmt.setBottomMargin(bottom * self._zoom / 100)
        fmt.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return fmt

    # --- zoom -----------------------------------------------------------------------

    @property
    def zoom(self) -> int:
        """The zoom in percent (ACTUAL_SIZE: 100)."""
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        """Show the text at ``percent`` of its actual size (kept within ZOOM_LEVELS' range),
        where the reader is: the same place stays at the top of the pane."""
        percent = min(max(int(percent), ZOOM_LEVELS[0]), ZOOM_LEVELS[-1])
        if percent == self._zoom:
            return
        top = self.cursorForPosition(self.viewport().rect().topLeft()).position()
        self._zoom = percent
        self.document().setDefaultFont(self._zoomed_font(META_SIZE))
        self._rescale()
        self._fit_measure()
        if top:
            self._scroll_to_position(top)
        self.zoom_changed.emit(percent)

    def zoom_in(self) -> None:
        self.set_zoom(next((level for level in ZOOM_LEVELS if level > self._zoom), ZOOM_LEVELS[-1]))

    def zoom_out(self) -> None:
        lower = [level for level in ZOOM_LEVELS if level < self._zoom]
        self.set_zoom(lower[-1] if lower else ZOOM_LEVELS[0])

    def reset_zoom(self) -> None:
        self.set_zoom(ACTUAL_SIZE)

    def _point_size(self, size: float) -> float:
        return self._font_size * size * self._zoom / 100

    def _zoomed_font(self, size: float) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(self._point_size(size))
        return font

    def _rescale(self) -> None:
        """Each piece of text and each paragraph's spacing, as written, at the zoom now: the
        text, its claims, highlights and selection stay where they are."""
        pieces, paragraphs = [], []
        block = self.document().begin()
        while block.isValid():
            if block.blockFormat().hasProperty(_SPACE_ABOVE):
                paragraphs.append(block.position())
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.charFormat().hasProperty(_SIZE):
                    size = fragment.charFormat().property(_SIZE)
                    pieces.append((fragment.position(), fragment.position() + fragment.length(), size))
                fragments += 1
            block = block.next()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for start, end, size in pieces:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setFontPointSize(self._point_size(size))
            cursor.mergeCharFormat(fmt)
        for position in paragraphs:
            cursor.setPosition(position)
            spacing = cursor.blockFormat()
            spacing.setTopMargin(spacing.property(_SPACE_ABOVE) * self._zoom / 100)
            spacing.setBottomMargin(spacing.property(_SPACE_BELOW) * self._zoom / 100)
            cursor.setBlockFormat(spacing)
        cursor.endEditBlock()

    def _scroll_to_position(self, position: int) -> None:
        block = self.document().findBlock(position)
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position()) if layout else None
        rect = self.document().documentLayout().blockBoundingRect(block)
        y = rect.top() + (line.y() if line is not None and line.isValid() else 0)
        self.verticalScrollBar().setValue(int(y))

    def wheelEvent(self, event) -> None:
        """Ctrl with the wheel zooms the whole article (Qt's own would grow the unsized text only)."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        self._wheel_steps += event.angleDelta().y()
        while abs(self._wheel_steps) >= 120:
            step = 120 if self._wheel_steps > 0 else -120
            self._wheel_steps -= step
            self.zoom_in() if step > 0 else self.zoom_out()
        event.accept()

    # --- keys ---------------------------------------------------------------------

    def event(self, event) -> bool:
        # Ctrl+F here finds in the article, as in a browser; elsewhere it is the search box's.
        if event.type() == QEvent.Type.ShortcutOverride and event.matches(QKeySequence.StandardKey.Find):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Find):
            self.find_requested.emit()
            return
        super().keyPressEvent(event)

    # --- find in the article ------------------------------------------------------------

    def find_text(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` occurs in what is shown (title, metadata and article text), as
        document positions ``(start, end)``: any case, accents ignored, as a browser finds."""
        wanted = fold(text)
        if not wanted.strip():
            return []
        shown = fold(self.document().toPlainText())
        position = _utf16_positions(self.document().toPlainText())
        found, start = [], shown.find(wanted)
        while start >= 0:
            found.append((position(start), position(start + len(wanted))))
            start = shown.find(wanted, start + len(wanted))
        return found

    def show_found(self, found: list[tuple[int, int]], current: int | None) -> None:
        """Mark the places ``found`` (from ``find_text``); the one at index ``current`` stands
        out, is selected (Mark as Claim takes it) and scrolled into view."""
        selections = []
        for index, (start, end) in enumerate(found):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(self.document())
            selection.cursor.setPosition(start)
            selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.format = QTextCharFormat()
            colour = CURRENT_FOUND_HIGHLIGHT if index == current else FOUND_HIGHLIGHT
            selection.format.setBackground(QColor(colour))
            selection.format.setForeground(QColor("#000000"))
            selections.append(selection)
        self._found_selections = selections
        self._show_selections()
        if current is not None and 0 <= current < len(selections):
            self.setTextCursor(selections[current].cursor)
            self.ensureCursorVisible()


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
    """Outlet, authors and date on one line; topics below."""
    byline = [
        article["outlet"] or "Unknown outlet",
        ", ".join(article["authors"]) or "Unknown author",
        format_date(article["date"]),
    ]
    lines = [" · ".join(byline)]
    if article["topics"]:
        lines.append("Topics: " + ", ".join(article["topics"]))
    return lines


def openable_url(address: str | None) -> QUrl | None:
    """``address`` as a URL the system browser may be given: a valid http, https or ftp
    address with a host; None for anything else (``javascript:``, ``file:``, ``data:``)."""
    if not address:
        return None
    url = QUrl(address.strip(), QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().casefold() not in OPENABLE_SCHEMES or not url.host():
        return None
    return url


def elide_middle(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters by an ellipsis in the middle, its start and end kept."""
    if len(text) <= limit:
        return text
    head = (limit - 1) * 3 // 5
    return text[:head] + "…" + text[len(text) - (limit - 1 - head) :]


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
