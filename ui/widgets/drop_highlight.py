"""While files are dragged over the window: a highlight over it saying what a drop does, so a
person sees the drop will be taken before letting go."""

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

TEXT = "Drop files or folders to import them"


class DropHighlight(QWidget):
    """Covers ``parent`` (kept to its size), lets every mouse and drag event through to what is
    under it, and paints a tinted, dashed frame with ``TEXT``; hidden until ``show_over``."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("dropHighlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(TEXT)
        self.hide()
        parent.installEventFilter(self)

    def show_over(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tint = QColor(accent)
        tint.setAlpha(40)
        painter.fillRect(self.rect(), tint)
        pen = QPen(accent, 3, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(6, 6, -6, -6), 10, 10)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        painter.setFont(font)
        box = QFontMetrics(font).boundingRect(TEXT)
        plate = QRectF(0, 0, min(box.width() + 48, self.width() - 24), box.height() + 28)
        plate.moveCenter(QRectF(self.rect()).center())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().color(QPalette.ColorRole.Window))
        painter.drawRoundedRect(plate, 8, 8)
        painter.setPen(accent)
        painter.drawText(plate, Qt.AlignmentFlag.AlignCenter, TEXT)
