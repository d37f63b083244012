"""The main window: article table beside the reading pane, File menu, status bar."""

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSettings, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
)

from catalog.articles import count_articles, get_article
from catalog.catalogue import OpenedCatalogue, close_catalogue
from catalog.importing import ImportReport, import_paths
from ui.models.article_table_model import (
    COL_AUTHORS,
    COL_DATE,
    COL_OUTLET,
    COL_TITLE,
    COL_TOPICS,
    ArticleTableModel,
)
from ui.widgets.reading_pane import ReadingPane

SETTINGS_GROUP = "mainWindow"
COLUMN_WIDTHS = {COL_OUTLET: 120, COL_AUTHORS: 130, COL_DATE: 90, COL_TOPICS: 120}
MAX_FAILURES_SHOWN = 20


class MainWindow(QMainWindow):
    def __init__(self, catalogue: OpenedCatalogue, parent=None):
        super().__init__(parent)
        self.catalogue = catalogue
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{catalogue.name} — Catalog")
        self.table_model = ArticleTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.table_model)
        self.proxy.setSortRole(ArticleTableModel.SortRole)
        self.table = self._make_table()
        self.reading_pane = ReadingPane(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.reading_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("articleCount")
        self.statusBar().addPermanentWidget(self.count_label)
        self._make_menus()
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.resize(1200, 760)
        self.splitter.setSizes([720, 480])
        self._restore_settings()
        self.refresh()
        self.select_row(0)

    # --- building ---------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("articleTable")
        table.setAccessibleName("Articles")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The title takes whatever width is left, so no column hides behind a scroll bar.
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        return table

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.action_import_files = self._action("actionImportFiles", "Import &Files…", QKeySequence.StandardKey.Open, self.import_files)
        self.action_import_folder = self._action("actionImportFolder", "Import F&older…", QKeySequence("Ctrl+Shift+O"), self.import_folder)
        self.action_quit = self._action("actionQuit", "&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(self.action_import_files)
        file_menu.addAction(self.action_import_folder)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)

    def _action(self, name: str, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    # --- showing ----------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the table from the catalogue, keeping the current article selected."""
        current = self.current_article_id()
        self.table_model.reload()
        count = count_articles()
        self.count_label.setText(f"{count:,} article{'' if count == 1 else 's'}")
        if current is not None:
            self.select_article(current)
        if self.current_article_id() is None:
            self.reading_pane.show_article(None)

    def current_article_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        return index.data(ArticleTableModel.ArticleIdRole) if index.isValid() else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self.proxy.rowCount():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(self.proxy.index(row, COL_TITLE), flags)

    def select_article(self, article_id: int) -> None:
        source_row = self.table_model.row_of(article_id)
        if source_row is not None:
            proxy_index = self.proxy.mapFromSource(self.table_model.index(source_row, COL_TITLE))
            self.select_row(proxy_index.row())
            self.table.scrollTo(proxy_index)

    def _show_current(self, current, _previous) -> None:
        article_id = current.data(ArticleTableModel.ArticleIdRole) if current.isValid() else None
        self.reading_pane.show_article(get_article(article_id) if article_id is not None else None)

    # --- importing --------------------------------------------------------------

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import Files", self._last_folder(), "Text files (*.txt);;All files (*)"
        )
        if paths:
            self.import_paths(paths)

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import Folder", self._last_folder())
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: Sequence[str]) -> ImportReport:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = import_paths(paths)
        finally:
            QApplication.restoreOverrideCursor()
        self._remember_folder(paths[0])
        self.refresh()
        if report.imported:
            self.select_article(report.imported[0].article_id)
        self.statusBar().showMessage(f"Import finished: {report.summary()}", 10_000)
        if report.failed:
            self._show_failures(report)
        return report

    def _show_failures(self, report: ImportReport) -> None:
        lines = [f"{item.path}: {item.reason}" for item in report.failed[:MAX_FAILURES_SHOWN]]
        if len(report.failed) > MAX_FAILURES_SHOWN:
            lines.append(f"… and {len(report.failed) - MAX_FAILURES_SHOWN} more")
        box = QMessageBox(QMessageBox.Icon.Warning, "Import", f"Import finished: {report.summary()}.", parent=self)
        box.setObjectName("importFailures")
        box.setInformativeText("Some files were not imported:")
        box.setDetailedText("\n".join(lines))
        box.exec()

    # --- settings ---------------------------------------------------------------

    def _last_folder(self) -> str:
        return str(QSettings().value(f"{SETTINGS_GROUP}/lastImportFolder", ""))

    def _remember_folder(self, path: str) -> None:
        folder = Path(path) if Path(path).is_dir() else Path(path).parent
        QSettings().setValue(f"{SETTINGS_GROUP}/lastImportFolder", str(folder))

    def _restore_settings(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        for key, restore in (
            ("geometry", self.restoreGeometry),
            ("state", self.restoreState),
            ("splitter", self.splitter.restoreState),
            ("tableHeader", self.table.horizontalHeader().restoreState),
        ):
            value = settings.value(key)
            if value is not None:
                restore(value)
        settings.endGroup()

    def save_settings(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("state", self.saveState())
        settings.setValue("splitter", self.splitter.saveState())
        settings.setValue("tableHeader", self.table.horizontalHeader().saveState())
        settings.endGroup()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        close_catalogue()
        super().closeEvent(event)
