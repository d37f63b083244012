"""The main window: article table beside the reading pane, File menu, status bar."""

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTableView,
    QUndoView,
)

from catalog.articles import count_articles, get_article
from catalog.catalogue import OpenedCatalogue, close_catalogue
from catalog.dates import DateError, parse_date
from catalog.editing import (
    UNSET,
    ArticleEdit,
    NoSuchArticle,
    VersionConflict,
    apply_batch,
    capture,
    current_version,
    delete_articles,
    edit_article,
)
from catalog.importing import ImportReport
from catalog.importing.files import DEFAULT_PATTERN
from catalog.importing.progress import ProgressMeter
from catalog.names_admin import NameProblem, delete_unused, merge_names, name_counts, rename_name
from catalog.saved_searches import (
    SavedSearchProblem,
    delete_search,
    rename_search,
    save_search,
    saved_searches,
)
from ui.commands import DeleteCommand, NameCommand, StatesCommand
from ui.dialogs.batch_edit import BatchEditDialog
from ui.dialogs.import_folder import ImportFolderDialog
from ui.dialogs.import_report import ImportReportDialog
from ui.dialogs.names_manager import NamesManagerDialog
from ui.models.article_table_model import (
    COL_AUTHORS,
    COL_DATE,
    COL_OUTLET,
    COL_SNIPPET,
    COL_TITLE,
    COL_TOPICS,
    ArticleTableModel,
)
from ui.widgets.article_editor import ArticleEditor, day_first_locale
from ui.widgets.reading_pane import ReadingPane
from ui.widgets.sidebar import Sidebar
from ui.workers import ImportTask

SETTINGS_GROUP = "mainWindow"
SEARCH_DELAY_MS = 250  # results follow typing after this pause
SEARCH_HELP = """<b>Search</b><br>
words — all must appear (Zoe finds Zoë)<br>
"exact phrase" — the words in this order<br>
-word — must not appear<br>
tanks OR drones — either<br>
ukrain* — words starting so<br>
author:"Dave DeCamp", outlet:, topic:, title: — in that field<br>
since:2022-01-01, until:2022-06, year:2022 — dates<br>
Escape clears the search."""
COLUMN_WIDTHS = {COL_OUTLET: 110, COL_AUTHORS: 120, COL_DATE: 96, COL_TOPICS: 100}


class MainWindow(QMainWindow):
    #: An import is about to start: its ImportTask.
    import_started = Signal(object)
    #: An import ended: its ImportReport, or None when it stopped on an error.
    import_finished = Signal(object)

    def __init__(self, catalogue: OpenedCatalogue, parent=None):
        super().__init__(parent)
        self.catalogue = catalogue
        # One thread for every write, so writes never race each other.
        self.write_pool = QThreadPool(self)
        self.write_pool.setMaxThreadCount(1)
        self._import_task: ImportTask | None = None
        self._last_import_task: ImportTask | None = None
        self.import_progress: QProgressDialog | None = None
        self.report_dialog: ImportReportDialog | None = None
        self.setAcceptDrops(True)
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{catalogue.name} — Catalog")
        self.table_model = ArticleTableModel(self)
        self.table_model.edit_handler = self._table_edit
        self.table = self._make_table()
        self.reading_pane = ReadingPane(self)
        self.reading_pane.setAcceptDrops(False)  # dropped files go to the window: an import
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.editor = ArticleEditor(self)
        self.editor.edit_requested.connect(self.edit_article)
        # Reading pane above, editor below: what an article says beside what it is filed as.
        self.side_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.side_splitter.setObjectName("sideSplitter")
        self.side_splitter.addWidget(self.reading_pane)
        self.side_splitter.addWidget(self.editor)
        self.side_splitter.setStretchFactor(0, 3)
        self.side_splitter.setStretchFactor(1, 2)
        self.sidebar = Sidebar(self)
        self.sidebar.filters_changed.connect(lambda _: self._filter())
        self.sidebar.saved_search_chosen.connect(self.apply_saved_search)
        self.sidebar.rename_saved_requested.connect(self.rename_saved_search)
        self.sidebar.delete_saved_requested.connect(self.delete_saved_search)
        self.search_box = self._make_search_box()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.side_splitter)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self.setCentralWidget(self.splitter)
        self.undo_stack = QUndoStack(self)
        self.table.setColumnHidden(COL_SNIPPET, True)
        self.undo_view = self._make_undo_history()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("articleCount")
        self.statusBar().addPermanentWidget(self.count_label)
        self._make_menus()
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.resize(1200, 760)
        self.splitter.setSizes([170, 600, 430])
        self.side_splitter.setSizes([440, 320])
        self._restore_settings()
        self.refresh()
        self._refresh_names()
        self.select_row(0)

    # --- building ---------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("articleTable")
        table.setAccessibleName("Articles")
        table.setModel(self.table_model)
        table.setSortingEnabled(True)
        table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
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
        self.action_find = self._action(
            "actionFind", "&Find", QKeySequence.StandardKey.Find, self._focus_search
        )
        self.addAction(self.action_find)
        file_menu = self.menuBar().addMenu("&File")
        self.action_import_files = self._action(
            "actionImportFiles", "Import &Files…", QKeySequence.StandardKey.Open, self.import_files
        )
        self.action_import_folder = self._action(
            "actionImportFolder", "Import F&older…", QKeySequence("Ctrl+Shift+O"), self.import_folder
        )
        self.action_quit = self._action("actionQuit", "&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(self.action_import_files)
        file_menu.addAction(self.action_import_folder)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.action_undo = self.undo_stack.createUndoAction(self, "&Undo")
        self.action_undo.setObjectName("actionUndo")
        self.action_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.action_redo = self.undo_stack.createRedoAction(self, "&Redo")
        self.action_redo.setObjectName("actionRedo")
        redo_keys = [QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
        self.action_redo.setShortcuts(list({key.toString(): key for key in redo_keys}.values()))
        self.action_batch_edit = self._action(
            "actionBatchEdit", "&Batch Edit…", QKeySequence("Ctrl+E"), self.batch_edit
        )
        self.action_delete = self._action(
            "actionDelete", "&Delete Articles…", QKeySequence.StandardKey.Delete, self.delete_selected
        )
        self.action_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.action_delete)
        self.action_undo_history = self.undo_dock.toggleViewAction()
        self.action_undo_history.setObjectName("actionUndoHistory")
        self.action_undo_history.setText("Undo &History")
        for action in (self.action_undo, self.action_redo):
            edit_menu.addAction(action)
            self.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.action_batch_edit)
        edit_menu.addAction(self.action_delete)
        self.action_manage_names = self._action(
            "actionManageNames", "Manage &Names…", QKeySequence("Ctrl+Shift+N"), self.manage_names
        )
        edit_menu.addAction(self.action_manage_names)
        self.action_save_search = self._action(
            "actionSaveSearch", "&Save Search…", QKeySequence("Ctrl+Shift+S"), self.save_search
        )
        edit_menu.addAction(self.action_save_search)
        edit_menu.addSeparator()
        edit_menu.addAction(self.action_undo_history)

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _make_search_box(self) -> QLineEdit:
        box = QLineEdit(self)
        box.setObjectName("searchBox")
        box.setAccessibleName("Search")
        box.setClearButtonEnabled(True)
        box.setPlaceholderText("Search  (Ctrl+F)")
        box.setToolTip(SEARCH_HELP)
        box.setMinimumWidth(360)
        box.installEventFilter(self)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._filter)
        box.textChanged.connect(lambda _: self._search_timer.start())
        toolbar = self.addToolBar("Search")
        toolbar.setObjectName("searchToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(box)
        return box

    def eventFilter(self, watched, event) -> bool:
        if watched is getattr(self, "search_box", None) and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.search_box.clear()
                self._filter()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._filter()  # now, without waiting for the pause
                return True
        return super().eventFilter(watched, event)

    def _make_undo_history(self) -> QUndoView:
        self.undo_dock = QDockWidget("Undo History", self)
        self.undo_dock.setObjectName("undoHistoryDock")
        view = QUndoView(self.undo_stack, self.undo_dock)
        view.setObjectName("undoHistory")
        view.setEmptyLabel("Catalogue as opened")
        self.undo_dock.setWidget(view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.undo_dock)
        self.undo_dock.hide()
        return view

    def _action(self, name: str, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    # --- showing ----------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the table from the catalogue, keeping the selection and the current article."""
        current = self.current_article_id()
        selected = self.selected_article_ids()
        self.table_model.reload()
        self._show_count()
        if current is not None:
            self.select_article(current)
        self._reselect(selected)
        if self.current_article_id() is None:
            self.reading_pane.show_article(None)
            self.editor.show_article(None)

    def _show_count(self) -> None:
        total = count_articles()
        shown = self.table_model.rowCount()
        text = f"{total:,} article{'' if total == 1 else 's'}"
        self.count_label.setText(f"{shown:,} of {text}" if self.table_model.filters else text)

    def _filter(self) -> None:
        """Show the articles the sidebar and the search box choose."""
        self._search_timer.stop()
        filters = replace(self.sidebar.filters(), query=self.search_box.text())
        self.table_model.set_filters(filters)
        searching = bool(filters.parsed.match)
        self.table.setColumnHidden(COL_SNIPPET, not searching)
        if self.table_model.by_relevance:
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._show_count()
        if self.current_article_id() is None:
            self.select_row(0)
        else:
            self.reading_pane.highlight(filters.parsed.words)

    def _reselect(self, article_ids: list[int]) -> None:
        if len(article_ids) < 2:
            return
        selection = QItemSelection()
        for row in self.table_model.rows_of(article_ids):
            index = self.table_model.index(row, COL_TITLE)
            selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)

    def current_article_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        return index.data(ArticleTableModel.ArticleIdRole) if index.isValid() else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self.table_model.rowCount():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(self.table_model.index(row, COL_TITLE), flags)

    def select_article(self, article_id: int) -> None:
        row = self.table_model.row_of(article_id)
        if row is not None:
            self.select_row(row)
            self.table.scrollTo(self.table_model.index(row, COL_TITLE))

    def _show_current(self, current, _previous) -> None:
        article_id = current.data(ArticleTableModel.ArticleIdRole) if current.isValid() else None
        article = get_article(article_id) if article_id is not None else None
        self.reading_pane.show_article(article)
        self.reading_pane.highlight(self.table_model.filters.parsed.words)
        self.editor.show_article(article)

    def selected_article_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ArticleTableModel.ArticleIdRole) for index in rows]

    # --- editing ------------------------------------------------------------------

    def announce(self, article_ids: list[int]) -> None:
        """Articles changed (an edit, undo or redo): show the catalogue as it is now."""
        self.refresh()
        self._refresh_names()
        current = self.current_article_id()
        if current is None or current in article_ids:
            article = get_article(current) if current is not None else None
            self.reading_pane.show_article(article)
            self.editor.show_article(article)

    def edit_article(self, article_id: int, version: int, edit: ArticleEdit) -> bool:
        """Save one edit as an undoable step; a conflict or a bad value is explained, not saved."""
        try:
            before = edit_article(article_id, edit, expect_version=version)
        except VersionConflict as exc:
            QMessageBox.warning(self, "Edit", f"Not saved: {exc}.\n\nThe article is shown as it is now.")
            self.announce([article_id])
            return False
        except (ValueError, NoSuchArticle) as exc:
            QMessageBox.warning(self, "Edit", f"Not saved: {exc}.")
            self.announce([article_id])
            return False
        if before:
            text = f"Edit {_edited_fields(edit)} of “{before[0].title[:40]}”"
            self.undo_stack.push(StatesCommand(text, before, capture([article_id]), self.announce))
            self.announce([article_id])
        return True

    def _table_edit(self, article_id: int, column: int, value: str) -> bool:
        version = current_version(article_id)
        if column == COL_TITLE:
            edit = ArticleEdit(title=value)
        elif column == COL_OUTLET:
            edit = ArticleEdit(outlet=value.strip() or None)
        elif column == COL_DATE:
            try:
                edit = ArticleEdit(date=parse_date(value, day_first=day_first_locale()))
            except DateError as exc:
                QMessageBox.warning(self, "Edit", f"Not saved: {exc}.")
                return False
        else:
            return False
        # Save once the table's editor has closed: saving reloads the table under it.
        QTimer.singleShot(0, lambda: self.edit_article(article_id, version, edit))
        return True

    def batch_edit(self) -> None:
        ids = self.selected_article_ids()
        if not ids:
            return
        dialog = BatchEditDialog(ids, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        before = apply_batch(ids, dialog.batch())
        if before:
            after = capture(state.id for state in before)
            self.undo_stack.push(
                StatesCommand(f"Batch edit: {dialog.batch().describe()}", before, after, self.announce)
            )
            self.announce([state.id for state in before])
        self.statusBar().showMessage(
            f"{len(before):,} article{'' if len(before) == 1 else 's'} changed", 5000
        )

    def delete_selected(self) -> None:
        ids = self.selected_article_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            "Delete Articles",
            f"Delete {len(ids):,} article{'' if len(ids) == 1 else 's'}, with their claims and links?\n\n"
            "Edit ▸ Undo brings them back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        deleted = delete_articles(ids)
        self.undo_stack.push(DeleteCommand(deleted, self.announce))
        self.announce(ids)

    def merge_names(self, kind: str, names: list[str], into: str) -> bool:
        return self._name_change(f"Merge {kind}s into {into}", lambda: merge_names(kind, names, into))

    def rename_names(self, kind: str, name: str, new_name: str) -> bool:
        return self._name_change(
            f"Rename {kind} {name} to {new_name}", lambda: rename_name(kind, name, new_name)
        )

    def delete_unused_names(self, kind: str, names: list[str]) -> bool:
        text = f"Delete {len(names)} unused {kind}{'' if len(names) == 1 else 's'}"
        return self._name_change(text, lambda: delete_unused(kind, names))

    def _name_change(self, text: str, perform) -> bool:
        try:
            change = perform()
        except NameProblem as exc:
            QMessageBox.warning(self, "Names", f"Not changed: {exc}.")
            return False
        self.undo_stack.push(NameCommand(text, change, perform, self.announce))
        self.announce([state.id for state in change.articles_before])
        return True

    # --- saved searches -----------------------------------------------------------

    def save_search(self) -> bool:
        """Keep the current search and sidebar filters under a name, in the sidebar."""
        filters = replace(self.sidebar.filters(), query=self.search_box.text())
        if not filters:
            self.statusBar().showMessage("Type a search or choose filters in the sidebar first.", 5000)
            return False
        name, ok = QInputDialog.getText(self, "Save Search", "Name:", text=self.search_box.text()[:60])
        if not ok:
            return False
        try:
            save_search(name, filters)
        except SavedSearchProblem as exc:
            QMessageBox.warning(self, "Save Search", f"Not saved: {exc}.")
            return False
        self.sidebar.reload()
        return True

    def apply_saved_search(self, search_id: int) -> None:
        saved = next((s for s in saved_searches() if s.id == search_id), None)
        if saved is None:
            return
        self.search_box.blockSignals(True)
        self.search_box.setText(saved.filters.query)
        self.search_box.blockSignals(False)
        self.sidebar.select_filters(saved.filters)
        self._filter()

    def rename_saved_search(self, search_id: int) -> None:
        current = next((s.name for s in saved_searches() if s.id == search_id), "")
        name, ok = QInputDialog.getText(self, "Rename Saved Search", "Name:", text=current)
        if ok:
            try:
                rename_search(search_id, name)
            except SavedSearchProblem as exc:
                QMessageBox.warning(self, "Rename Saved Search", f"Not renamed: {exc}.")
            self.sidebar.reload()

    def delete_saved_search(self, search_id: int) -> None:
        delete_search(search_id)
        self.sidebar.reload()

    def manage_names(self) -> None:
        NamesManagerDialog(self).exec()

    def _refresh_names(self) -> None:
        self.sidebar.reload()
        self.editor.set_names(
            *([c.name for c in name_counts(kind)] for kind in ("outlet", "author", "topic"))
        )

    # --- importing --------------------------------------------------------------

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import Files", self._last_folder(), "Text files (*.txt);;All files (*)"
        )
        if paths:
            self.start_import(paths)

    def import_folder(self) -> None:
        dialog = ImportFolderDialog(self._last_folder(), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.folder():
            self.start_import([dialog.folder()], pattern=dialog.pattern())

    def start_import(self, paths: Sequence[str], pattern: str = DEFAULT_PATTERN) -> bool:
        """Import ``paths`` in the background with a progress dialog; False if one is running."""
        if self._import_task is not None:
            self.statusBar().showMessage("An import is already running; wait for it or cancel it.", 5000)
            return False
        self._remember_folder(paths[0])
        task = ImportTask(paths, pattern=pattern, owner=self)
        self._import_task = task
        self.import_progress = self._make_progress_dialog(task)
        task.signals.counted.connect(self._import_counted)
        task.signals.progressed.connect(self._import_progressed)
        task.signals.finished.connect(self._import_done)
        task.signals.failed.connect(self._import_failed)
        self._set_importing(True)
        self.import_started.emit(task)
        self.write_pool.start(task)
        return True

    def _make_progress_dialog(self, task: ImportTask) -> QProgressDialog:
        dialog = QProgressDialog("Looking for files…", "Cancel", 0, 0, self)
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle("Importing")
        # Not modal: the catalogue stays readable and scrollable while files come in.
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(480)
        dialog.canceled.connect(task.cancel)
        dialog.canceled.connect(lambda: dialog.setLabelText("Cancelling — finishing the current batch…"))
        dialog.show()
        return dialog

    def _import_counted(self, total: int) -> None:
        self._import_meter = ProgressMeter(total)
        self.import_progress.setMaximum(max(total, 1))
        self.import_progress.setLabelText(self._import_meter.describe())

    def _import_progressed(self, done: int, path: str) -> None:
        if self.import_progress.wasCanceled():
            return
        self._import_meter.update(done)
        self.import_progress.setValue(min(done, self.import_progress.maximum()))
        self.import_progress.setLabelText(f"{self._import_meter.describe()}\n{Path(path).name}")

    def _import_done(self, report: ImportReport) -> None:
        self._end_import()
        self.refresh()
        self._refresh_names()
        if report.imported:
            self.select_article(report.imported[0].article_id)
        self.statusBar().showMessage(f"Import finished: {report.summary()}", 10_000)
        self.report_dialog = ImportReportDialog(report, self)
        self.report_dialog.open()
        self.import_finished.emit(report)

    def _import_failed(self, message: str) -> None:
        self._end_import()
        self.refresh()
        QMessageBox.warning(
            self, "Import", f"The import stopped: {message}\n\nArticles imported before this point are kept."
        )
        self.import_finished.emit(None)

    def _end_import(self) -> None:
        self._import_task.signals.deleteLater()
        # Kept until the next import: the pool thread may still be returning from run().
        self._last_import_task, self._import_task = self._import_task, None
        self.import_progress.close()
        self._set_importing(False)

    def _set_importing(self, running: bool) -> None:
        self.action_import_files.setEnabled(not running)
        self.action_import_folder.setEnabled(not running)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

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
            ("sideSplitter", self.side_splitter.restoreState),
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
        settings.setValue("sideSplitter", self.side_splitter.saveState())
        settings.setValue("tableHeader", self.table.horizontalHeader().saveState())
        settings.endGroup()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        if self._import_task is not None:
            self._import_task.cancel()  # whole batches are kept; wait for the current one
        self.write_pool.waitForDone()
        close_catalogue()
        super().closeEvent(event)


def local_paths(mime: QMimeData) -> list[str]:
    """Files and folders dragged from a file manager."""
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


def _edited_fields(edit: ArticleEdit) -> str:
    names = [name for name, value in vars(edit).items() if value not in (UNSET, (), [])]
    return ", ".join(name.replace("_", " ") for name in names) or "nothing"
