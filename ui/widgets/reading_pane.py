"""The reading pane: an article's metadata set apart above its full text, never read as HTML."""

import re

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QColor, QFont, QPalette, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit

from catalog.dates import parse_date
from catalog.matching import find_spans

PLACEHOLDER = "Select an article to read it."
HIGHLIGHT = "#ffe066"  # search hits: dark text on yellow reads in light and dark palettes
LINE_HEIGHT_PERCENT = 140
LINE_BREAK = "\u2028"  # Qt's line separator: a break inside a paragraph
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")


class ReadingPane(QTextBrowser):
    """Shows one article; every piece of text goes in through ``insertText``, so ``<b>`` stays ``<b>``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setAccessibleName("Reading pane")
        self.setOpenLinks(False)
        self.setUndoRedoEnabled(False)
        self.document().setDocumentMargin(24)
        self.show_article(None)

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
        self.setExtraSelections(selections)
        return len(selections)

    def show_article(self, article: dict | None) -> None:
        """Show ``article`` (an article object with ``body``), or the placeholder for None."""
        self.clear()
        cursor = QTextCursor(self.document())
        if article is None:
            cursor.insertText(PLACEHOLDER, self._muted_format())
        else:
            self._write_article(cursor, article)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _write_article(self, cursor: QTextCursor, article: dict) -> None:
        cursor.insertText(article["title"], self._title_format())
        for line in metadata_lines(article):
            cursor.insertBlock(self._block_format(top=4))
            cursor.insertText(line, self._muted_format())
        cursor.insertBlock(self._block_format(top=18, bottom=10))
        body_format = QTextCharFormat()
        body_format.setFontPointSize(self.font().pointSizeF() * 1.1)
        for number, paragraph in enumerate(paragraphs(article["body"])):
            if number:
                cursor.insertBlock(self._block_format(top=0, bottom=10))
            cursor.insertText(paragraph, body_format)

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


def paragraphs(body: str) -> list[str]:
    """Paragraphs split at blank lines; a single newline inside one stays a line break."""
    return [block.replace("\n", LINE_BREAK) for block in _BLANK_LINES.split(body.strip()) if block]


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
