"""Draws the article table's title cell: the title, and while searching the matching passage on
a second, muted line under it, so that the passage takes no width from the title."""

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.models.article_table_model import ArticleTableModel

PASSAGE_ROLE = ArticleTableModel.PassageRole


class TitleDelegate(QStyledItemDelegate):
    """A title over its passage; a cell without a passage is drawn as any other."""

    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        passage = index.data(PASSAGE_ROLE)
        if not passage:
            super().paint(painter, option, index)
            return
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        title = option.text
        option.text = ""  # the background, the selection and the focus frame, drawn by the style
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_rect = option.rect.adjusted(4, 1, -4, -1)
        line = option.fontMetrics.lineSpacing()
        top = text_rect.top() + max(0, (text_rect.height() - 2 * line) // 2)
        first = QRect(text_rect.left(), top, text_rect.width(), line)
        second = QRect(text_rect.left(), top + line, text_rect.width(), line)
        group = (
            QPalette.ColorGroup.Normal
            if option.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        text_colour = option.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        metrics = option.fontMetrics
        painter.save()
        painter.setFont(option.font)
        painter.setPen(text_colour)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(first, align, metrics.elidedText(title, Qt.TextElideMode.ElideRight, first.width()))
        colour = option.palette.color(group, muted)
        if selected:
            colour.setAlphaF(0.75)
        painter.setPen(colour)
        painter.drawText(
            second, align, metrics.elidedText(passage, Qt.TextElideMode.ElideRight, second.width())
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(PASSAGE_ROLE):
            size.setHeight(max(size.height(), two_line_height(option.fontMetrics)))
        return size


def two_line_height(metrics) -> int:
    """A row's height that fits a title and its passage."""
    return 2 * metrics.lineSpacing() + 6
