"""The article table's columns: which are shown, their order and widths, chosen from the
header's right-click menu or View ▸ Columns, and remembered per catalogue."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from ui.catalogue_settings import CatalogueSettings
from ui.controllers.actions import window_menu
from ui.models.article_table_model import (
    COL_AUTHORS,
    COL_CLAIMS,
    COL_DATE,
    COL_IMPORTED,
    COL_OUTLET,
    COL_SOURCE,
    COL_SUMMARY,
    COL_TITLE,
    COL_TOPICS,
)

#: The columns a person may show or hide (the title is always shown), with their menu text.
CHOOSABLE = {
    COL_OUTLET: "&Outlet",
    COL_AUTHORS: "&Authors",
    COL_DATE: "&Date",
    COL_TOPICS: "&Topics",
    COL_CLAIMS: "&Claims",
    COL_IMPORTED: "&Imported",
    COL_SOURCE: "&Source",
    COL_SUMMARY: "Su&mmary",
}
HIDDEN_AT_FIRST = frozenset({COL_CLAIMS, COL_IMPORTED, COL_SOURCE, COL_SUMMARY})
WIDTHS = {
    COL_OUTLET: 110,
    COL_AUTHORS: 120,
    COL_DATE: 90,
    COL_TOPICS: 100,
    COL_CLAIMS: 56,
    COL_IMPORTED: 90,
    COL_SOURCE: 180,
    COL_SUMMARY: 220,
}
STATE_KEY = "articleTable/header"
COUNT_KEY = "articleTable/columns"  # a state saved for another set of columns is not restored


def show_default_columns(table: QTableView) -> None:
    """The columns as a new catalogue shows them: in their own order, the title stretching over
    what the others leave, the rest at widths that fit their usual content."""
    header = table.horizontalHeader()
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        if logical != visual:
            header.moveSection(header.visualIndex(visual), visual)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
    for column, width in WIDTHS.items():
        header.resizeSection(column, width)
        table.setColumnHidden(column, column in HIDDEN_AT_FIRST)
    table.setColumnHidden(COL_TITLE, False)


class TableColumns(QObject):
    """``menu`` (the window's View ▸ Columns, and the header's right-click menu) shows and hides
    ``table``'s columns; ``save`` remembers them for the catalogue at ``location``."""

    def __init__(self, window: QWidget, table: QTableView, location: str):
        super().__init__(window)
        self.table = table
        self.settings = CatalogueSettings(location)
        self.menu = window_menu(window, "columnsMenu")
        self.shown_actions: dict[int, QAction] = {}
        for column, text in CHOOSABLE.items():
            action = self.menu.addAction(text)
            action.setObjectName(f"column{text.replace('&', '')}")
            action.setCheckable(True)
            action.toggled.connect(lambda shown, column=column: self.show_column(column, shown))
            self.shown_actions[column] = action
        self.menu.addSeparator()
        reset = self.menu.addAction("&Reset Columns")
        reset.setObjectName("columnsReset")
        reset.triggered.connect(self.reset)
        self.menu.aboutToShow.connect(self._check_shown)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(lambda at: self.menu.popup(header.mapToGlobal(at)))
        self.restore()

    def _check_shown(self) -> None:
        for column, action in self.shown_actions.items():
            action.blockSignals(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.blockSignals(False)

    def show_column(self, column: int, shown: bool) -> None:
        self.table.setColumnHidden(column, not shown)
        if shown and self.table.columnWidth(column) < 20:  # hidden before it ever had a width
            self.table.setColumnWidth(column, WIDTHS.get(column, 100))
        self.save()

    def reset(self) -> None:
        show_default_columns(self.table)
        self.settings.remove(STATE_KEY)
        self.settings.remove(COUNT_KEY)

    def restore(self) -> None:
        """The columns as this catalogue's window last left them, else the defaults."""
        show_default_columns(self.table)
        state = self.settings.value(STATE_KEY)
        count = self.table.model().columnCount()
        if state is not None and str(self.settings.value(COUNT_KEY)) == str(count):
            self.table.horizontalHeader().restoreState(state)
            self.table.setColumnHidden(COL_TITLE, False)

    def save(self) -> None:
        self.settings.set_value(STATE_KEY, self.table.horizontalHeader().saveState())
        self.settings.set_value(COUNT_KEY, self.table.model().columnCount())
