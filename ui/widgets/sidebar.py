"""The sidebar: saved searches, then outlets, authors, topics (as a tree) and years with article
counts; selecting entries filters the table (any entry within a group, every group at once)."""

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView

from catalog.browsing import Filters, SidebarEntry, sidebar_entries
from catalog.saved_searches import count, saved_searches

GROUPS = (
    ("saved", "Saved Searches"),
    ("outlet", "Outlets"),
    ("author", "Authors"),
    ("topic", "Topics"),
    ("year", "Years"),
)
KindRole = Qt.ItemDataRole.UserRole + 1  #: "outlet", "author", "topic" or "year"
IdRole = Qt.ItemDataRole.UserRole + 2  #: the name's id, or the year


class SidebarModel(QStandardItemModel):
    def reload(self) -> None:
        self.clear()
        groups = {}
        for kind, label in GROUPS:
            group = QStandardItem(label)
            group.setEditable(False)
            group.setSelectable(False)
            self.appendRow(group)
            groups[kind] = group
        for saved in saved_searches():
            item = _item(SidebarEntry("saved", saved.id, saved.name, count(saved)))
            item.setSelectable(False)  # choosing one applies its search; it is not a filter itself
            groups["saved"].appendRow(item)
        topics: dict[int, QStandardItem] = {}
        for entry in sidebar_entries():
            item = _item(entry)
            if entry.kind == "topic":
                topics[entry.id] = item
                parent = topics.get(entry.parent_id, groups["topic"])
            else:
                parent = groups[entry.kind]
            parent.appendRow(item)


def _item(entry: SidebarEntry) -> QStandardItem:
    if entry.count is None:  # a saved search whose query cannot be run now
        item = QStandardItem(f"{entry.name}  (?)")
        item.setToolTip("This search cannot be run as it is: choose it to see why")
    else:
        item = QStandardItem(f"{entry.name}  ({entry.count:,})")
        item.setToolTip(f"{entry.count:,} article{'' if entry.count == 1 else 's'}")
    item.setEditable(False)
    item.setData(entry.kind, KindRole)
    item.setData(entry.id, IdRole)
    return item


class Sidebar(QTreeView):
    filters_changed = Signal(object)  #: the new Filters
    saved_search_chosen = Signal(int)  #: the saved search's id
    rename_saved_requested = Signal(int)
    delete_saved_requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName("Filter by outlet, author, topic or year")
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setModel(SidebarModel(self))
        self.selectionModel().selectionChanged.connect(lambda *_: self.filters_changed.emit(self.filters()))
        self.clicked.connect(self._clicked)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)

    def _clicked(self, index) -> None:
        if index.data(KindRole) == "saved":
            self.saved_search_chosen.emit(index.data(IdRole))

    def _context_menu(self, position) -> None:
        index = self.indexAt(position)
        if index.data(KindRole) != "saved":
            return
        menu = QMenu(self)
        menu.addAction("&Rename…", lambda: self.rename_saved_requested.emit(index.data(IdRole)))
        menu.addAction("&Delete", lambda: self.delete_saved_requested.emit(index.data(IdRole)))
        menu.exec(self.viewport().mapToGlobal(position))

    def select_filters(self, filters: Filters) -> None:
        """Make the sidebar's selection say ``filters`` (the query aside)."""
        chosen = {("outlet", i) for i in filters.outlet_ids} | {("author", i) for i in filters.author_ids}
        chosen |= {("topic", i) for i in filters.topic_ids} | {("year", i) for i in filters.years}
        self.selectionModel().blockSignals(True)
        self.clearSelection()
        self._select(chosen)
        self.selectionModel().blockSignals(False)
        self.viewport().update()

    def reload(self) -> None:
        """Read counts again, keeping what was selected and which groups were open."""
        chosen = self._chosen()
        expanded = {
            self.model().index(row, 0).data()
            for row in range(self.model().rowCount())
            if self.isExpanded(self.model().index(row, 0))
        }
        self.selectionModel().blockSignals(True)
        self.model().reload()
        for row in range(self.model().rowCount()):
            index = self.model().index(row, 0)
            self.setExpanded(index, index.data() in expanded or not expanded)
        self._select(chosen)
        self.selectionModel().blockSignals(False)

    def filters(self) -> Filters:
        chosen: dict[str, set[int]] = {"outlet": set(), "author": set(), "topic": set(), "year": set()}
        for kind, value in self._chosen():
            if kind in chosen:
                chosen[kind].add(value)
        return Filters(
            outlet_ids=frozenset(chosen["outlet"]),
            author_ids=frozenset(chosen["author"]),
            topic_ids=frozenset(chosen["topic"]),
            years=frozenset(chosen["year"]),
        )

    def clear_filters(self) -> None:
        self.clearSelection()

    def _chosen(self) -> set[tuple[str, int]]:
        return {
            (index.data(KindRole), index.data(IdRole)) for index in self.selectionModel().selectedIndexes()
        }

    def _select(self, chosen: set[tuple[str, int]]) -> None:
        for index in self._all_indexes():
            if (index.data(KindRole), index.data(IdRole)) in chosen:
                self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select)

    def _all_indexes(self):
        pending = [self.model().index(row, 0) for row in range(self.model().rowCount())]
        while pending:
            index = pending.pop()
            yield index
            pending += [self.model().index(row, 0, index) for row in range(self.model().rowCount(index))]
