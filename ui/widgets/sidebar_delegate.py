"""Draws a sidebar entry as its name and, at the right, its count: a long name loses its
middle ("Deutsche…edition)"), never its count or its end; the tooltip has it in full."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.widgets.sidebar_roles import CountRole, KindRole, NameRole

GAP = 8  # between the name and its count


class SidebarDelegate(QStyledItemDelegate):
    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        kind = index.data(KindRole)
        if kind is None:  # a group's heading
            super().paint(painter, option, index)
            return
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        name = index.data(NameRole) or ""
        if kind == "topic":
            name = name.rsplit("/", 1)[-1]
        count = index.data(CountRole)
        counted = "?" if count is None and kind == "saved" and option.text.endswith("(?)") else None
        counted = f"{count:,}" if isinstance(count, int) else counted
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect = option.rect.adjusted(3, 0, -4, 0)
        metrics = option.fontMetrics
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        count_width = metrics.horizontalAdvance(counted) + GAP if counted else 0
        painter.setPen(option.palette.color(role))
        align = Qt.AlignmentFlag.AlignVCenter
        name_rect = rect.adjusted(0, 0, -count_width, 0)
        painter.drawText(
            name_rect,
            align | Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, name_rect.width()),
        )
        if counted:
            muted = option.palette.color(role if selected else QPalette.ColorRole.PlaceholderText)
            painter.setPen(muted)
            painter.drawText(rect, align | Qt.AlignmentFlag.AlignRight, counted)
        painter.restore()
