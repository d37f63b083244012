"""The dialog at the end of an import: counts, every file that failed with its reason, and the
duplicates counted, listed behind Show Duplicates (a folder imported again is thousands). It is
as big as what it shows: a line of counts is a small box, a list of failures a wider one."""

import io

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from catalog.importing import ImportReport
from catalog.importing.report_csv import problem_rows, save_problems_csv, write_problems_csv
from catalog.safe_output import OutputError
from catalog.terminal_text import one_line
from ui.models.row_table_model import RowTableModel

COL_FILE, COL_OUTCOME, COL_REASON = range(3)
LIST_WIDTH = 760  #: wide enough for a path and its reason side by side
ROWS_SHOWN = 12  #: the list's height in rows, at most (it scrolls past that)
HEADERS = ("File", "Outcome", "Reason")


class ImportProblemsModel(RowTableModel):
    """Failed and duplicate files of one import."""

    HEADERS = HEADERS

    def __init__(self, report: ImportReport, parent=None):
        super().__init__(parent)
        self.rows = problem_rows(report)

    def cell_data(self, row: tuple[str, str, str], column: int, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[column]
        return None


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, parent=None):
        super().__init__(parent)
        self.report = report
        self.setObjectName("importReport")
        self.setWindowTitle(
            "Import Stopped"
            if report.stopped
            else "Import Cancelled"
            if report.cancelled
            else "Import Finished"
        )
        layout = QVBoxLayout(self)
        seen = report.files_seen
        summary = QLabel(f"{seen:,} file{'' if seen == 1 else 's'}: {one_line(report.summary())}.", self)
        summary.setWordWrap(bool(report.stopped))  # a reason can be long; counts are one line
        summary.setObjectName("importSummary")
        layout.addWidget(summary)
        self.show_duplicates: QPushButton | None = None  #: a toggle, when there are duplicates
        counted = report.duplicates_in_words()
        if counted:
            layout.addLayout(self._make_duplicates_row(counted))
        self.table = self._make_table()
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # takes the room while the table is hidden, so the lines stay on top
        layout.addWidget(self._make_buttons())
        self._fit()

    def _make_duplicates_row(self, counted: str) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(f"{counted[:1].upper()}{counted[1:]}: not imported again.", self)
        label.setObjectName("duplicatesCount")
        label.setWordWrap(True)
        self.show_duplicates = QPushButton("Show &Duplicates", self)
        self.show_duplicates.setObjectName("showDuplicatesButton")
        self.show_duplicates.setCheckable(True)
        self.show_duplicates.toggled.connect(self._list_duplicates)
        row.addWidget(label, 1)
        row.addWidget(self.show_duplicates)
        return row

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("problemsTable")
        table.setAccessibleName("Files not imported")
        self.problems = ImportProblemsModel(self.report, table)
        self.shown = QSortFilterProxyModel(table)  #: the failed files, and duplicates when asked for
        self.shown.setSourceModel(self.problems)
        self.shown.setFilterKeyColumn(COL_OUTCOME)
        self.shown.setFilterFixedString("failed")
        table.setModel(self.shown)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a path's file name stays in sight
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_FILE, 320)
        header.setStretchLastSection(True)
        table.setVisible(self.shown.rowCount() > 0)
        return table

    def _list_duplicates(self, shown: bool) -> None:
        self.shown.setFilterFixedString("" if shown else "failed")
        self.show_duplicates.setText("Hide &Duplicates" if shown else "Show &Duplicates")
        self.table.setVisible(self.shown.rowCount() > 0)
        self._fit()

    def _fit(self) -> None:
        """As big as what is shown: the counts alone, or the list of up to ROWS_SHOWN rows."""
        if self.table.isHidden():
            self.layout().activate()
            self.resize(max(self.sizeHint().width(), 420), self.sizeHint().height())
            return
        rows = min(self.shown.rowCount(), ROWS_SHOWN)
        frame = 2 * self.table.frameWidth()
        row_height = self.table.verticalHeader().defaultSectionSize()
        chrome = self.table.horizontalHeader().sizeHint().height() + frame
        chrome += self.table.horizontalScrollBar().sizeHint().height()
        wanted = chrome + rows * row_height
        self.table.setMinimumHeight(chrome + min(rows, 2) * row_height)  # the user may shrink it
        self.layout().activate()
        rest = self.sizeHint().height() - max(self.table.sizeHint().height(), self.table.minimumHeight())
        self.resize(max(LIST_WIDTH, self.width()), rest + wanted)

    def _make_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton("&Copy List", self)
        copy.setObjectName("copyButton")
        save = QPushButton("&Save as CSV…", self)
        save.setObjectName("saveCsvButton")
        for button in (copy, save):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setVisible(bool(problem_rows(self.report)))  # nothing to list: no list to copy
        copy.clicked.connect(self.copy_to_clipboard)
        save.clicked.connect(self.save_csv)
        buttons.rejected.connect(self.reject)
        return buttons

    def copy_to_clipboard(self) -> None:
        """The problem list (failed files and duplicates, shown or not) as CSV text, ready to
        paste into a spreadsheet or an e-mail."""
        out = io.StringIO()
        write_problems_csv(self.report, out)
        QApplication.clipboard().setText(out.getvalue())

    def save_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save Import Report", "import-report.csv", "CSV files (*.csv)"
        )
        if not path:
            return
        try:
            save_problems_csv(self.report, path)
        except OutputError as exc:
            QMessageBox.warning(self, "Save Import Report", f"Could not save: {exc}")
