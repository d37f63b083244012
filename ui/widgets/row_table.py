"""The read-only, one-row-at-a-time table the claims views share."""

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def row_table(parent, name: str, accessible: str, model, *, stretch: int = 0, widths=()) -> QTableView:
    """A table of ``model`` choosing whole rows, one at a time, one line each; column ``stretch``
    takes the width left over, ``widths`` are ``(column, pixels)`` for the others."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column, width in widths:
        header.resizeSection(column, width)
    return view
