"""Small bar charts for the report's overview, drawn with QPainter into images the document holds.

Every bar carries its count and every label fits: a long name wraps onto a second line rather
than being cut, and a time axis thins its labels to those that fit. Two or more periods in a row
without articles collapse into one narrow gap, marked on the axis (``collapse_gaps``), so a
catalogue with a few articles from 1998 does not draw fifteen empty years."""

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from ui.report.glyphs import printable

BAR = QColor("#3b6ea8")
TEXT = QColor("#222222")
MUTED = QColor("#777777")
SCALE = 3  # pixels per layout pixel: sharp in print, and in a PDF zoomed in
LABEL_SHARE = 0.45  #: at most this share of a horizontal chart's width goes to its labels
GAP_SHARE = 0.5  #: a collapsed gap is this share of a bar's slot
MIN_COUNT_POINTS = 6.0  #: counts shrink to fit a narrow bar, down to this size…
ROTATED_COUNT_POINTS = 6.5  #: …and past that stand on end above it, at this size


@dataclass(frozen=True)
class Slot:
    """One place on a time axis: a period and its count, or a run of empty periods."""

    label: str
    count: int = 0
    gap: tuple[str, str] | None = None  #: (first, last) empty period of a collapsed run


def collapse_gaps(rows: list[tuple[str, int]]) -> list[Slot]:
    """The periods in order, each run of two or more without articles made one gap slot."""
    slots: list[Slot] = []
    run: list[str] = []
    for label, count in [*rows, ("", -1)]:
        if count == 0:
            run.append(label)
            continue
        if len(run) == 1:
            slots.append(Slot(run[0], 0))
        elif run:
            slots.append(Slot("", 0, (run[0], run[-1])))
        run = []
        if count > 0:
            slots.append(Slot(label, count))
    return slots


def gaps_in_words(rows: list[tuple[str, int]]) -> str:
    """ "1999–2002, 2004–2014": the collapsed gaps, for the chart's caption; "" if none."""
    # Months ("2020-04") read badly joined by a dash: "2020-04 to 2020-07".
    joined = [(first, last, " to " if "-" in first else "–") for first, last in _gaps(rows)]
    return ", ".join(f"{first}{join}{last}" for first, last, join in joined)


def _gaps(rows: list[tuple[str, int]]) -> list[tuple[str, str]]:
    return [slot.gap for slot in collapse_gaps(rows) if slot.gap]


def horizontal_bars(rows: list[tuple[str, int]], *, width: int, font: QFont) -> QImage:
    """One bar per (label, count), longest first as given, labels left (wrapped, never cut)
    and counts right."""
    rows = [(printable(label), count) for label, count in rows]
    metrics = QFontMetricsF(font)
    count_width = metrics.horizontalAdvance(f"{max((c for _, c in rows), default=0):,}") + 8
    label_width = min(
        width * LABEL_SHARE, max((metrics.horizontalAdvance(label) for label, _ in rows), default=0) + 8
    )
    flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight | Qt.TextFlag.TextWordWrap
    heights = [
        max(
            metrics.height(), metrics.boundingRect(QRectF(0, 0, label_width - 8, 1000), flags, label).height()
        )
        + 6
        for label, _ in rows
    ]
    image, painter = _canvas(width, sum(heights) + 4, font)
    top = max((count for _, count in rows), default=0) or 1
    y = 2.0
    for (label, count), line in zip(rows, heights, strict=True):
        painter.setPen(TEXT)
        painter.drawText(QRectF(0, y, label_width - 8, line), flags, label)
        span = (width - label_width - count_width) * count / top
        bar_height = min(line - 6, metrics.height() + 2)
        middle = y + line / 2
        painter.fillRect(QRectF(label_width, middle - bar_height / 2, max(span, 1.5), bar_height), BAR)
        painter.drawText(
            QRectF(label_width + span + 4, y, count_width, line), Qt.AlignmentFlag.AlignVCenter, f"{count:,}"
        )
        y += line
    painter.end()
    return image


def column_bars(rows: list[tuple[str, int]], *, width: int, height: int, font: QFont) -> QImage:
    """One column per (label, count), in order (months, oldest first), its count above it;
    runs of empty periods collapsed into gaps; labels thinned to those that fit."""
    metrics = QFontMetricsF(font)
    image, painter = _canvas(width, height, font)
    slots = collapse_gaps(rows)
    if not slots:
        painter.end()
        return image
    top = max(slot.count for slot in slots) or 1
    unit = width / sum(GAP_SHARE if slot.gap else 1 for slot in slots)
    count_font = _fitting_font(font, f"{top:,}", unit * 0.9)
    upright = count_font is not None  # else the counts stand on end, in a small font
    if not upright:
        count_font = QFont(font)
        count_font.setPointSizeF(ROTATED_COUNT_POINTS)
    count_metrics = QFontMetricsF(count_font)
    headroom = count_metrics.height() if upright else count_metrics.horizontalAdvance(f"{top:,}") + 3
    label_height = metrics.height() + 4
    plot = QRectF(0, headroom + 2, width, height - label_height - headroom - 2)
    x, last_label_end = plot.left(), float("-inf")
    for slot in slots:
        slot_width = unit * (GAP_SHARE if slot.gap else 1)
        if slot.gap:
            # On the axis, above it: the labels below may reach under the gap.
            size = metrics.height() * 0.5
            _gap_mark(painter, QPointF(x + slot_width / 2, plot.bottom() - size * 0.6), size)
        else:
            bar_height = plot.height() * slot.count / top
            bar_top = plot.bottom() - bar_height
            painter.fillRect(QRectF(x + unit * 0.15, bar_top, max(unit * 0.7, 1), bar_height), BAR)
            if slot.count:
                _count(
                    painter, count_font, f"{slot.count:,}", QPointF(x + unit / 2, bar_top), upright=upright
                )
                painter.setFont(font)
            last_label_end = _axis_label(
                painter, metrics, slot.label, x + unit / 2, plot, width, last_label_end
            )
        x += slot_width
    painter.setPen(MUTED)
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.end()
    return image


def _count(painter: QPainter, font: QFont, text: str, bar_top: QPointF, *, upright: bool) -> None:
    """A bar's count just above it: level, or standing on end when the bar is too narrow."""
    painter.setFont(font)
    painter.setPen(MUTED)
    metrics = QFontMetricsF(font)
    painter.save()
    painter.translate(bar_top)
    if upright:
        advance = metrics.horizontalAdvance(text)
        box = QRectF(-advance, -metrics.height(), 2 * advance, metrics.height())
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
    else:
        painter.rotate(-90)  # reads bottom to top, from the bar up
        box = QRectF(1, -metrics.height() / 2, metrics.horizontalAdvance(text) + 2, metrics.height())
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(box, flags, text)
    painter.restore()


def _axis_label(painter, metrics, label: str, centre: float, plot: QRectF, width: int, after: float) -> float:
    """Draw ``label`` centred under its bar if it clears the one before and the edges; returns
    where the last drawn label ends."""
    text_width = metrics.horizontalAdvance(label)
    left = min(max(centre - text_width / 2, 0), width - text_width)
    if left < after + metrics.horizontalAdvance("  "):
        return after
    painter.setPen(TEXT)
    painter.drawText(
        QRectF(left, plot.bottom() + 2, text_width + 1, metrics.height() + 2),
        Qt.AlignmentFlag.AlignLeft,
        label,
    )
    return left + text_width


def _gap_mark(painter: QPainter, at: QPointF, size: float) -> None:
    """Two slanted strokes across the axis: the usual sign for a broken axis."""
    painter.setPen(QPen(MUTED, 1.0))
    for shift in (-size * 0.35, size * 0.35):
        painter.drawLine(
            QPointF(at.x() + shift - size * 0.3, at.y() + size * 0.6),
            QPointF(at.x() + shift + size * 0.3, at.y() - size * 0.6),
        )


def _fitting_font(font: QFont, text: str, room: float) -> QFont | None:
    """``font``, smaller if need be, so that ``text`` fits ``room``; None below a readable size."""
    fitted = QFont(font)
    size = font.pointSizeF()
    while size >= MIN_COUNT_POINTS:
        fitted.setPointSizeF(size)
        if QFontMetricsF(fitted).horizontalAdvance(text) <= room:
            return fitted
        size -= 0.5
    return None


def _canvas(width: float, height: float, font: QFont) -> tuple[QImage, QPainter]:
    image = QImage(int(width * SCALE), int(height * SCALE), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(SCALE, SCALE)
    painter.setFont(font)
    return image, painter
