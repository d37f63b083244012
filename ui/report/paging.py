"""Pages of the summary report on any paged device: a QPdfWriter, or the QPrinter of Print and
Print Preview. One layout serves all three.

The document is laid out in 96-dpi pixels and the painter scaled to the device. Before
painting, an article that would straddle a page break, yet fits on one page, starts on the
next page instead; then the contents list gets its page numbers.
"""

from PySide6.QtCore import QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextTable,
)

from catalog.reporting import Report
from ui.report.document import PAGE_PLACEHOLDER, build_document
from ui.report.fonts import report_font
from ui.report.glyphs import printable

LAYOUT_DPI = 96
HEADER = 28  # 96-dpi pixels above the text: the running header
FOOTER = 24  # below it: the page number
MARGINS_MM = QMarginsF(18, 16, 18, 16)


def paper_for_locale(locale: QLocale | None = None) -> QPageSize:
    """Letter where people use it (the US, Canada, Mexico, …), else A4."""
    country = (locale or QLocale()).territory()
    letter = {
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.Chile,
        QLocale.Country.Colombia,
        QLocale.Country.Philippines,
    }
    return QPageSize(QPageSize.PageSizeId.Letter if country in letter else QPageSize.PageSizeId.A4)


def page_layout(paper: QPageSize) -> QPageLayout:
    return QPageLayout(paper, QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter)


def paint_report(report: Report, device: QPagedPaintDevice) -> int:
    """Paint the report on ``device`` (its page layout already set); returns the page count."""
    paint_rect = device.pageLayout().paintRect(QPageLayout.Unit.Point)
    width = paint_rect.width() * LAYOUT_DPI / 72
    body_height = paint_rect.height() * LAYOUT_DPI / 72 - HEADER - FOOTER
    doc = build_document(report, width=width)
    paginate(doc, body_height)
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot write the report there")
    try:
        scale = device.logicalDpiX() / LAYOUT_DPI
        painter.scale(scale, scale)
        for page in range(pages):
            if page:
                device.newPage()
            _page_frame(painter, report, page, pages, width, body_height)
            _page_text(painter, doc, page, width, body_height)
    finally:
        painter.end()
    return pages


def paginate(doc: QTextDocument, body_height: float) -> None:
    """Pages of ``body_height``; keep each article on one page where it fits; number the contents."""
    doc.setPageSize(QSizeF(doc.textWidth(), body_height))
    starts = _article_starts(doc)
    layout = doc.documentLayout()
    tops = [layout.blockBoundingRect(block).top() for block in starts]
    ends = (tops[1:] + [doc.size().height()]) if tops else []
    shift, breaks = 0.0, []
    for block, top, end in zip(starts, tops, ends, strict=True):
        top += shift
        height = end - (top - shift)
        page_end = (int(top // body_height) + 1) * body_height
        if top + height > page_end and height <= body_height and top % body_height > 1:
            breaks.append(block)
            shift += page_end - top
    editing = QTextCursor(doc)
    editing.beginEditBlock()  # one relayout for every break
    for block in breaks:
        editing.setPosition(block.position())
        fmt = editing.blockFormat()
        fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        editing.setBlockFormat(fmt)
    editing.endEditBlock()
    _number_contents(doc, [layout.blockBoundingRect(block).top() for block in starts], body_height)


def _article_starts(doc: QTextDocument) -> list:
    """The first block of every article: its title, the one level-2 heading with an anchor."""
    starts, block = [], doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2 and any(
            name.startswith("article-") for name in _anchors(block)
        ):
            starts.append(block)
        block = block.next()
    return starts


def _anchors(block) -> list[str]:
    names = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            names += fragment.charFormat().anchorNames()
        iterator += 1
    return names


def _number_contents(doc: QTextDocument, tops: list[float], body_height: float) -> None:
    """Write each article's page into the contents table, in place of its placeholder.

    Figure spaces pad the number to the placeholder's width, so no line of the contents moves.
    """
    table = next(
        (
            frame
            for frame in doc.rootFrame().childFrames()
            if isinstance(frame, QTextTable) and frame.columns() == 2
        ),
        None,
    )
    if table is None:
        return
    editing = QTextCursor(doc)
    editing.beginEditBlock()  # one relayout at the end, not one per number
    for row, top in enumerate(tops[: table.rows()]):
        cell = table.cellAt(row, 1)
        editing.setPosition(cell.firstCursorPosition().position())
        editing.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        if editing.selectedText() == PAGE_PLACEHOLDER:
            editing.insertText(str(int(top // body_height) + 1).rjust(len(PAGE_PLACEHOLDER), "\u2007"))
    editing.endEditBlock()


def _page_frame(
    painter: QPainter, report: Report, page: int, pages: int, width: float, body_height: float
) -> None:
    painter.save()
    font = report_font(8)
    font.setPixelSize(round(8 * LAYOUT_DPI / 72))  # points would follow the device's dpi, then scale again
    painter.setFont(font)
    painter.setPen(QColor("#555555"))
    header = QRectF(0, 0, width, HEADER - 10)
    painter.drawText(
        header,
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
        printable(f"{report.catalogue} — summary report"),
    )
    painter.drawText(
        header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, f"{report.printed_on.isoformat()}"
    )
    painter.setPen(QColor("#bbbbbb"))
    painter.drawLine(0, HEADER - 6, int(width), HEADER - 6)
    painter.setPen(QColor("#555555"))
    footer = QRectF(0, HEADER + body_height + 4, width, FOOTER - 4)
    painter.drawText(
        footer, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, f"Page {page + 1} of {pages}"
    )
    painter.restore()


def _page_text(painter: QPainter, doc: QTextDocument, page: int, width: float, body_height: float) -> None:
    painter.save()
    painter.translate(0, HEADER - page * body_height)
    clip = QRectF(0, page * body_height, width, body_height)
    painter.setClipRect(clip)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip
    doc.documentLayout().draw(painter, context)
    painter.restore()
