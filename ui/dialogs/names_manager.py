"""Managing outlets, authors and topics: article counts, rename, merge, delete unused; a filter
box narrows every tab's list to the names containing what is typed."""

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from catalog.names_admin import NameCount, name_counts
from ui.models.row_table_model import RowTableModel

TABS = (("outlet", "Outlets"), ("author", "Authors"), ("topic", "Topics"))


class NameCountsModel(RowTableModel):
    """Names of one kind with their article counts."""

    HEADERS = ("Name", "Articles")

    def __init__(self, kind: str, parent=None):
        super().__init__(parent)
        self.kind = kind

    def reload(self) -> None:
        self.beginResetModel()
        self.rows: list[NameCount] = name_counts(self.kind)
        self.endResetModel()

    def cell_data(self, row: NameCount, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name if column == 0 else f"{row.count:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class NameFilterProxy(QSortFilterProxyModel):
    """The names of one kind that contain the filter's text (any case), in the source's order."""

    def __init__(self, source: NameCountsModel, parent=None):
        super().__init__(parent)
        self.setSourceModel(source)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    @property
    def rows(self) -> list[NameCount]:
        """The names shown, row by row, as the view shows them."""
        source = self.sourceModel()
        return [source.rows[self.mapToSource(self.index(row, 0)).row()] for row in range(self.rowCount())]


class NamesManagerDialog(QDialog):
    """Each change goes through ``names`` (the window's editing controller: ``rename_names``,
    ``merge_names``, ``delete_unused_names``), so it is one undoable step like any other edit."""

    def __init__(self, names, parent=None):
        super().__init__(parent)
        self.names = names
        self.setObjectName("namesManager")
        self.setWindowTitle("Manage Names")
        self.resize(560, 480)
        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("namesFilter")
        self.filter_box.setPlaceholderText("Filter names…")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName("Filter names")
        self.tabs = QTabWidget(self)
        self.views: dict[str, QTableView] = {}
        self.models: dict[str, NameCountsModel] = {}  #: every name of a kind, filtered or not
        for kind, label in TABS:
            self.tabs.addTab(self._make_tab(kind), label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.reload()

    def _make_tab(self, kind: str) -> QWidget:
        page = QWidget(self)
        view = QTableView(page)
        view.setObjectName(f"{kind}Names")
        self.models[kind] = NameCountsModel(kind, view)
        shown = NameFilterProxy(self.models[kind], view)
        self.filter_box.textChanged.connect(shown.setFilterFixedString)
        view.setModel(shown)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.views[kind] = view
        row = QHBoxLayout()
        for name, text, slot in (
            ("renameButton", "&Rename…", self.rename),
            ("mergeButton", "&Merge…", self.merge),
            ("deleteUnusedButton", "&Delete Unused", self.delete_unused),
        ):
            button = QPushButton(text, page)
            button.setObjectName(f"{kind}_{name}")
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(view)
        layout.addLayout(row)
        return page

    def reload(self) -> None:
        for model in self.models.values():
            model.reload()

    def current_kind(self) -> str:
        return TABS[self.tabs.currentIndex()][0]

    def selected(self) -> list[NameCount]:
        view = self.views[self.current_kind()]
        shown = view.model().rows
        return [shown[index.row()] for index in view.selectionModel().selectedRows()]

    def shown(self) -> list[NameCount]:
        """The current tab's names that pass the filter."""
        return self.views[self.current_kind()].model().rows

    def rename(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        new_name, ok = QInputDialog.getText(
            self, "Rename", f"New name for “{chosen[0].name}”:", text=chosen[0].name
        )
        if ok and new_name.strip() and new_name.strip() != chosen[0].name:
            self.names.rename_names(
                self.current_kind(), chosen[0].name, new_name.strip(), done=lambda _: self.reload()
            )

    def merge(self) -> None:
        chosen = self.selected()
        if len(chosen) < 2:
            return
        by_use = sorted(chosen, key=lambda c: -c.count)
        into, ok = QInputDialog.getItem(
            self, "Merge", f"Merge {len(chosen)} names into:", [c.name for c in by_use], 0, True
        )
        if ok and into.strip():
            self.names.merge_names(
                self.current_kind(), [c.name for c in chosen], into.strip(), done=lambda _: self.reload()
            )

    def delete_unused(self) -> None:
        unused = [c.name for c in self.selected() or self.shown() if c.count == 0]
        if unused:
            self.names.delete_unused_names(self.current_kind(), unused, done=lambda _: self.reload())
