"""Small bar charts for the report's overview, drawn with QPainter into images the document holds."""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from ui.report.glyphs import printable

BAR = QColor("#3b6ea8")
TEXT = QColor("#222222")
MUTED = QColor("#777777")
SCALE = 3  # pixels per layout pixel: sharp in print, and in a PDF zoomed in


def horizontal_bars(rows: list[tuple[str, int]], *, width: int, font: QFont) -> QImage:
    """One bar per (label, count), longest first as given, labels left and counts right."""
    rows = [(printable(label), count) for label, count in rows]
    metrics = QFontMetricsF(font)
    line = metrics.height() + 6
    label_width = min(
        width * 0.42, max((metrics.horizontalAdvance(label) for label, _ in rows), default=0) + 8
    )
    count_width = metrics.horizontalAdvance("0000000") + 4
    height = max(1, len(rows)) * line + 4
    image, painter = _canvas(width, height, font)
    top = max((count for _, count in rows), default=0) or 1
    for number, (label, count) in enumerate(rows):
        y = 2 + number * line
        text_rect = QRectF(0, y, label_width - 8, line)
        painter.setPen(TEXT)
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            _elide(metrics, label, label_width - 8),
        )
        span = (width - label_width - count_width) * count / top
        painter.fillRect(QRectF(label_width, y + 3, max(span, 1.5), line - 6), BAR)
        painter.drawText(
            QRectF(label_width + span + 4, y, count_width, line), Qt.AlignmentFlag.AlignVCenter, f"{count:,}"
        )
    painter.end()
    return image


def column_bars(rows: list[tuple[str, int]], *, width: int, height: int, font: QFont) -> QImage:
    """One column per (label, count), in order (months, oldest first); labels thinned to fit."""
    metrics = QFontMetricsF(font)
    image, painter = _canvas(width, height, font)
    if not rows:
        painter.end()
        return image
    label_height = metrics.height() + 4
    plot = QRectF(0, metrics.height() + 2, width, height - label_height - metrics.height() - 2)
    top = max(count for _, count in rows) or 1
    slot = plot.width() / len(rows)
    every = max(1, int(metrics.horizontalAdvance("2022-06  ") // slot) + 1)
    for number, (label, count) in enumerate(rows):
        bar_height = plot.height() * count / top
        x = plot.left() + number * slot
        painter.fillRect(
            QRectF(x + slot * 0.15, plot.bottom() - bar_height, max(slot * 0.7, 1), bar_height), BAR
        )
        if len(rows) <= 24:
            painter.setPen(MUTED)
            painter.drawText(
                QRectF(x, plot.bottom() - bar_height - metrics.height(), slot, metrics.height()),
                Qt.AlignmentFlag.AlignCenter,
                f"{count:,}",
            )
        if number % every == 0:
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(x - slot * every / 2, plot.bottom() + 2, slot * every * 2, label_height),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )
    painter.setPen(MUTED)
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.end()
    return image


def _canvas(width: float, height: float, font: QFont) -> tuple[QImage, QPainter]:
    image = QImage(int(width * SCALE), int(height * SCALE), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(SCALE, SCALE)
    painter.setFont(font)
    return image, painter


def _elide(metrics: QFontMetricsF, text: str, width: float) -> str:
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
