"""The article table's columns: which are shown, their order and widths, chosen from the
header's right-click menu or View ▸ Columns, and remembered per catalogue."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from ui.catalogue_settings import CatalogueSettings
from ui.controllers.actions import window_menu
from ui.models.article_table_model import (
    COL_AUTHORS,
    COL_CLAIMS,
    COL_COPIES,
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
    COL_COPIES: "Co&pies",
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
    COL_COPIES: 56,
}
STATE_KEY = "articleTable/header"
COUNT_KEY = "articleTable/columns"  # a state saved for another set of columns is not restored
WIDTHS_KEY = "articleTable/widths"  # the widths chosen, before fitting them to a narrow table
#: The share of the table's width the title keeps at least: in a narrow table the other columns
#: give up width (down to MINIMUM) rather than squeeze the title.
TITLE_SHARE = 0.5
MINIMUM = 56


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
        #: The widths a person chose (or the defaults): what the columns get where there is room.
        self.preferred = dict(WIDTHS)
        self._fitting = False
        header = table.horizontalHeader()
        header.sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)
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
        self.fit()
        self.save()

    def reset(self) -> None:
        show_default_columns(self.table)
        self.preferred = dict(WIDTHS)
        self.fit()
        for key in (STATE_KEY, COUNT_KEY, WIDTHS_KEY):
            self.settings.remove(key)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)

    def _resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column != COL_TITLE and new > 0:
            self.preferred[column] = new  # dragged by hand: wanted wherever there is room

    def fit(self) -> None:
        """Give the shown columns their preferred widths, or less in proportion where the table
        is too narrow for them and a readable title (never below what a date needs)."""
        room = self.table.viewport().width() * (1 - TITLE_SHARE)
        shown = [c for c in CHOOSABLE if not self.table.isColumnHidden(c)]
        if room <= 0 or not shown:
            return
        metrics = self.table.fontMetrics()
        least = {COL_DATE: metrics.horizontalAdvance("0000-00-00") + 28}  # with the cell's margins
        widths = _shares(room, {c: self.preferred[c] for c in shown}, lambda c: least.get(c, MINIMUM))
        self._fitting = True
        try:
            for column, width in widths.items():
                self.table.horizontalHeader().resizeSection(column, width)
        finally:
            self._fitting = False

    def restore(self) -> None:
        """The columns as this catalogue's window last left them, else the defaults."""
        show_default_columns(self.table)
        state = self.settings.value(STATE_KEY)
        count = self.table.model().columnCount()
        if state is not None and str(self.settings.value(COUNT_KEY)) == str(count):
            self.table.horizontalHeader().restoreState(state)
            self.table.setColumnHidden(COL_TITLE, False)
            widths = self.settings.value(WIDTHS_KEY) or []
            widths = [widths] if isinstance(widths, str) else widths
            for column, width in zip(CHOOSABLE, widths):
                if int(width) > 0:
                    self.preferred[column] = int(width)
        self.fit()

    def save(self) -> None:
        self.settings.set_value(STATE_KEY, self.table.horizontalHeader().saveState())
        self.settings.set_value(COUNT_KEY, self.table.model().columnCount())
        self.settings.set_value(WIDTHS_KEY, [self.preferred[c] for c in CHOOSABLE])


def _shares(room: float, preferred: dict[int, int], least) -> dict[int, int]:
    """Widths for columns that want ``preferred`` in ``room``: in proportion, where a column
    held at its ``least(column)`` leaves the others what remains (rather than the title)."""
    widths: dict[int, int] = {}
    flexible = dict(preferred)
    while flexible:
        left = room - sum(widths.values())
        factor = min(1.0, max(left, 0) / sum(flexible.values()))
        held = {c for c, wanted in flexible.items() if wanted * factor < least(c)}
        if not held:
            widths.update({c: int(wanted * factor) for c, wanted in flexible.items()})
            break
        for column in held:
            widths[column] = least(column)
            del flexible[column]
    return {column: widths[column] for column in preferred}
