"""Draws a sidebar entry as its name and, at the right, its count: a long name loses its
middle ("Deutsche…edition)"), never its count or its end; the tooltip has it in full."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.widgets.sidebar_roles import CountRole, KindRole, NameRole

GAP = 8  # between the name and its count


class SidebarDelegate(QStyledItemDelegate):
    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        if index.data(KindRole) is None:  # a group's heading
            super().paint(painter, option, index)
            return
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect = option.rect.adjusted(3, 0, -4, 0)
        name, counted = shown_text(index, option.fontMetrics, rect.width())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        align = Qt.AlignmentFlag.AlignVCenter
        painter.save()
        painter.setPen(option.palette.color(role))
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignLeft, name)
        if counted:
            painter.setPen(option.palette.color(role if selected else QPalette.ColorRole.PlaceholderText))
            painter.drawText(rect, align | Qt.AlignmentFlag.AlignRight, counted)
        painter.restore()


def shown_text(index, metrics, width: int) -> tuple[str, str]:
    """What an entry shows in ``width`` pixels: its name (a topic's last part), cut in the
    middle if need be, and its count ("" until counted, "?" for a search that cannot run)."""
    name = index.data(NameRole) or ""
    if index.data(KindRole) == "topic":
        name = name.rsplit("/", 1)[-1]
    count = index.data(CountRole)
    if isinstance(count, int):
        counted = f"{count:,}"
    else:
        counted = "?" if str(index.data()).endswith("(?)") else ""
    room = width - (metrics.horizontalAdvance(counted) + GAP if counted else 0)
    return metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, max(room, 0)), counted
