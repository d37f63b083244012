"""The main window: article table beside the reading pane, File menu, status bar."""

from dataclasses import replace
from itertools import pairwise

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QSettings,
    QSize,
    Qt,
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
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTabWidget,
    QToolBar,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from catalog.articles import count_articles, get_article
from catalog.catalogue import OpenedCatalogue
from catalog.name_moves import moved_to
from catalog.search import QueryError
from catalog.watching import CONNECTION_ERRORS
from ui.commands import NameCommand
from ui.controllers.catalogues import CataloguesController
from ui.controllers.help import HelpController
from ui.controllers.importing import ImportController
from ui.controllers.maintenance import MaintenanceController
from ui.controllers.reports import ReportsController
from ui.models.article_table_model import (
    COL_AUTHORS,
    COL_DATE,
    COL_OUTLET,
    COL_SNIPPET,
    COL_TITLE,
    COL_TOPICS,
    ArticleTableModel,
)
from ui.resources import icon
from ui.session import CatalogSession
from ui.undo_steps import UndoSteps
from ui.widgets.article_editor import ArticleEditor
from ui.widgets.empty_state import EmptyState
from ui.widgets.reading_pane import NO_MATCH, PLACEHOLDER, ReadingPane
from ui.widgets.sidebar import Sidebar
from ui.window_claims import ClaimsMixin
from ui.window_editing import EditingMixin
from ui.window_sharing import SharingMixin

SETTINGS_GROUP = "mainWindow"
SEARCH_DELAY_MS = 250  # results follow typing after this pause
FILTER_NOTE_MS = 15000  # how long the status bar says a filter followed a name, or went
SEARCH_HELP = """<b>Search</b><br>
words — all must appear (Zoe finds Zoë)<br>
"exact phrase" — the words in this order<br>
-word — must not appear<br>
tanks OR drones — either<br>
ukrain* — words starting so<br>
author:"Dave DeCamp", outlet:, topic:, title:, claim: — in that field<br>
since:2022-01-01, until:2022-06, year:2022 — dates<br>
Escape clears the search."""
ACTION_ICONS = {
    "actionNewCatalogue": "new-catalogue",
    "actionOpenCatalogue": "open-catalogue",
    "actionConnectShared": "connect-shared",
    "actionImportFiles": "import-files",
    "actionImportFolder": "import-folder",
    "actionBackUp": "back-up",
    "actionPrint": "print",
    "actionPrintPreview": "print-preview",
    "actionExportPdf": "export-pdf",
    "actionExportCsv": "export-csv",
    "actionUndo": "undo",
    "actionRedo": "redo",
    "actionBatchEdit": "batch-edit",
    "actionDelete": "delete",
    "actionFind": "find",
    "actionManageNames": "manage-names",
    "actionSaveSearch": "save-search",
    "actionMarkClaim": "mark-claim",
    "actionLinkClaim": "link-claim",
    "actionClaimMap": "claim-map",
    "actionClaimsBrowser": "claims-browser",
    "actionSuggestLinks": "suggest",
    "actionSuggestSummaries": "suggest",
    "actionSuggestSummary": "suggest",
    "actionEditText": "edit-text",
    "actionQuerySyntax": "help",
    "actionAbout": "about",
}
COLUMN_WIDTHS = {COL_OUTLET: 110, COL_AUTHORS: 120, COL_DATE: 96, COL_TOPICS: 100}


class MainWindow(
    EditingMixin,
    ClaimsMixin,
    SharingMixin,
    QMainWindow,
):
    #: An import is about to start: its ImportTask (the importer's ``started``, passed on).
    import_started = Signal(object)
    #: An import ended: its ImportReport, or None when it stopped on an error (``finished``).
    import_finished = Signal(object)

    def __init__(self, catalogue: OpenedCatalogue, parent=None, *, password: str | None = None):
        super().__init__(parent)
        self.catalogue = catalogue
        self.session = CatalogSession(catalogue, password=password, parent=self)
        self.session.changed.connect(self.announce)
        self.session.changed_by_others.connect(self.others_changed)
        self.session.connection_lost.connect(self.connection_lost)
        self.session.connection_restored.connect(self.back_online)
        self.session.refused.connect(self.show_refusal)
        self.setAcceptDrops(True)
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{catalogue.name} — Catalog")
        self.table_model = ArticleTableModel(self)
        self.table_model.rowsInserted.connect(lambda *_: self._show_count())
        self.table_model.edit_handler = self._table_edit
        self.table = self._make_table()
        self.reading_pane = ReadingPane(self)
        self.reading_pane.setAcceptDrops(False)  # dropped files go to the window: an import
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.editor = ArticleEditor(self)
        # The article as the editor showed it: edits of fields nobody else changed never conflict.
        self.editor.edit_requested.connect(
            lambda i, v, e: self.edit_article(i, v, e, base=self.editor.article)
        )
        # Reading pane above, editor below: what an article says beside what it is filed as.
        self.side_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.side_splitter.setObjectName("sideSplitter")
        self.side_splitter.addWidget(self.reading_pane)
        self.claims_panel = self._make_claims()
        # What the article is filed as, and the claims it makes, share the space below the text.
        self.detail_tabs = QTabWidget(self)
        self.detail_tabs.setObjectName("detailTabs")
        self.detail_tabs.addTab(self.editor, "&Details")
        self.detail_tabs.addTab(self.claims_panel, "C&laims")
        self.side_splitter.addWidget(self.detail_tabs)
        self.side_splitter.setStretchFactor(0, 3)
        self.side_splitter.setStretchFactor(1, 2)
        self.sidebar = Sidebar(self)
        self.sidebar.filters_changed.connect(lambda _: self._filter())
        self.sidebar.filters_followed.connect(self._filters_followed)
        self.sidebar.where_went = self._where_name_went
        self._lost_current: int | None = None  # the article a reload's stale filters hid
        self._filter_note: str | None = None  # what the sidebar just did to a filter, for say()
        self.sidebar.saved_search_chosen.connect(self.apply_saved_search)
        self.sidebar.rename_saved_requested.connect(self.rename_saved_search)
        self.sidebar.delete_saved_requested.connect(self.delete_saved_search)
        self.search_box = self._make_search_box()
        self.splitter.addWidget(self.sidebar)
        self.empty_state = EmptyState(self)
        self.table_stack = QStackedWidget(self)
        self.table_stack.setObjectName("tableStack")
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty_state)
        self.splitter.addWidget(self.table_stack)
        self.splitter.addWidget(self.side_splitter)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self.banner = self._make_banner()
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.table.setColumnHidden(COL_SNIPPET, True)
        self.undo_view = self._make_undo_history()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("articleCount")
        self.statusBar().addPermanentWidget(self.count_label)
        self._make_menus()
        self.importer.started.connect(self.import_started)
        self.importer.finished.connect(self.import_finished)
        self.empty_state.import_files_requested.connect(self.importer.import_files)
        self.empty_state.import_folder_requested.connect(self.importer.import_folder)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.resize(1200, 760)
        self.splitter.setSizes([170, 600, 430])
        self.side_splitter.setSizes([440, 320])
        self._set_keyboard_order()
        self._restore_settings()
        self.refresh()
        self._refresh_names()
        self.select_row(0)
        self.maintenance.start_quick_check()
        self.session.start_watching()
        self.catalogues.show_read_only()

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
        self.importer = ImportController(
            self,
            self.session,
            show_article=self.select_article,
            refresh=self.refresh,
            say=self.say,
            file_menu=file_menu,
        )
        self.action_quit = self._action("actionQuit", "&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)

        edit_menu = self.menuBar().addMenu("&Edit")
        # Undo and Redo make each step in the catalogue first, and move the stack only then.
        self.undo_steps = UndoSteps(self, self.session, self.undo_view, say=self.say)
        self.action_undo = self.undo_steps.undo_action
        self.action_redo = self.undo_steps.redo_action
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
        self.reports = ReportsController(
            self,
            self.session,
            listing=self.table_model,
            selected_ids=self.selected_article_ids,
            current_id=self.current_article_id,
            say=self.say,
            file_menu=file_menu,
            before=self.action_quit,
            edit_menu=edit_menu,
        )
        self.editor.suggest_requested.connect(self.reports.suggest_summary_for)
        self.maintenance = MaintenanceController(
            self, self.session, say=self.say, file_menu=file_menu, before=self.action_quit
        )
        self.catalogues = CataloguesController(
            self,
            self.session,
            file_menu=file_menu,
            panels=(self.editor, self.claims_panel),
            empty_state=self.empty_state,
            table=self.table,
        )
        self._make_claim_menu()
        self.help = HelpController(self, lambda: self.catalogue.location)
        self._make_main_toolbar()
        self.apply_icons()

    def _set_keyboard_order(self) -> None:
        """Tab goes search, sidebar, table, text, then the editor's fields top to bottom; Enter
        in the table moves on to reading the article."""
        chain = [self.search_box, self.sidebar, self.table, self.reading_pane, self.detail_tabs]
        chain += self.editor.tab_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.read_current)

    def read_current(self) -> None:
        """Enter on an article: read it, from the top, in the reading pane."""
        if self.current_article_id() is not None:
            self.reading_pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _make_main_toolbar(self) -> None:
        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        groups = (
            (self.importer.action_import_folder, self.importer.action_import_files),
            (self.action_undo, self.action_redo),
            (self.action_mark_claim, self.action_link_claim, self.action_claim_map),
            (self.reports.action_print_preview, self.reports.action_export_pdf),
        )
        for number, group in enumerate(groups):
            if number:
                toolbar.addSeparator()
            for action in group:
                toolbar.addAction(action)
        self.insertToolBar(self.findChild(QToolBar, "searchToolbar"), toolbar)

    def apply_icons(self) -> None:
        """Icons in the palette's colours: again whenever the palette changes (light, dark)."""
        for name, icon_name in ACTION_ICONS.items():
            action = self.findChild(QAction, name)
            if action is not None:
                action.setIcon(icon(icon_name))
        self.empty_state.import_files_button.setIcon(icon("import-files"))
        self.empty_state.import_folder_button.setIcon(icon("import-folder"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "empty_state"):
            self.apply_icons()
        super().changeEvent(event)

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
        # Shown in the box while its search cannot be run; the status bar says why.
        self.search_problem = box.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        self.search_problem.setObjectName("searchProblem")
        self.search_problem.setVisible(False)
        self.search_problem.triggered.connect(
            lambda: self._show_search_problem(self.search_problem.toolTip())
        )
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
        view = QUndoView(self.session.undo_stack, self.undo_dock)
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
        """Reload the table from the catalogue, keeping the selection, the current article and
        the scroll position (the current article stays in view if it was)."""
        current = self.current_article_id()
        selected = self.selected_article_ids()
        top = self.top_article_id()
        current_in_view = current is not None and self._in_view(current)
        self._lost_current = None
        self.table_model.reload()
        total = self._show_count()
        row = self.table_model.row_of(current) if current is not None else None
        if row is not None:
            self.select_row(row)
        self._reselect(selected)
        self.scroll_to_top_article(top)
        if row is not None and current_in_view:
            self.table.scrollTo(self.table_model.index(row, COL_TITLE))
        if self.current_article_id() is None:
            self._lost_current = current  # perhaps only until the sidebar follows a name
            self.show_no_article()
        self.session.remember_articles_shown(total)

    def _in_view(self, article_id: int) -> bool:
        row = self.table_model.rows.row_of(article_id)
        if row is None:
            return False
        rect = self.table.visualRect(self.table_model.index(row, COL_TITLE))
        return rect.isValid() and self.table.viewport().rect().intersects(rect)

    def _show_count(self) -> int:
        """Count the articles in the status bar; returns how many there are."""
        total = count_articles()
        # An empty catalogue shows how to fill it rather than an empty grid.
        self.table_stack.setCurrentWidget(self.empty_state if total == 0 else self.table)
        text = f"{total:,} article{'' if total == 1 else 's'}"
        if self.table_model.filters:
            # Until the rest of a long listing has been read, only its first page is known.
            shown = f"{self.table_model.rowCount():,}" if self.table_model.complete else "Counting…"
            text = f"{shown} of {text}"
        self.count_label.setText(text)
        return total

    def _filter(self) -> None:
        """Show the articles the sidebar and the search box choose. A search that cannot be run
        (a prefix that matches too many words) is explained, and the table keeps what it showed."""
        self._search_timer.stop()
        filters = replace(self.sidebar.filters(), query=self.search_box.text())
        try:
            self.table_model.set_filters(filters)
        except QueryError as exc:
            self._show_search_problem(str(exc))
            return
        self._show_search_problem(None)
        searching = bool(filters.parsed.match)
        self.table.setColumnHidden(COL_SNIPPET, not searching)
        if self.table_model.by_relevance:
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._show_count()
        if self.current_article_id() is None:
            self.select_row(0)
        else:
            self.reading_pane.highlight(filters.parsed.words, filters.parsed.prefixes)
        if self.current_article_id() is None:  # nothing matches: nothing stays shown
            self.show_no_article()

    def _filters_followed(self, message: str) -> None:
        """The sidebar followed a chosen name to where its articles went, or dropped it: the
        table shows what the sidebar shows now (the article being read stays, if it is among
        them), and the status bar says what changed."""
        keep = self.current_article_id() or self._lost_current
        self._filter()
        if keep is not None and self.current_article_id() != keep:
            self.select_article(keep)
        self.statusBar().showMessage(message, FILTER_NOTE_MS)
        # What the step that caused it says next (``say``) keeps this note beside it.
        self._filter_note = message
        QTimer.singleShot(0, lambda: setattr(self, "_filter_note", None))

    def say(self, text: str, timeout_ms: int) -> None:
        """``text`` in the status bar, after what a step just did to the sidebar's filters."""
        if self._filter_note:
            self.statusBar().showMessage(f"{text.rstrip('.')}. {self._filter_note}", FILTER_NOTE_MS)
        else:
            self.statusBar().showMessage(text, timeout_ms)

    def _where_name_went(self, kind: str, name_id: int) -> list[int]:
        """Where the articles of a name no longer listed went, if this window's own merge (or
        its undo or redo) moved them; else nothing (the sidebar drops the filter)."""
        stack = self.session.undo_stack
        for position in reversed(range(stack.count())):
            command = stack.command(position)
            if isinstance(command, NameCommand):
                found = moved_to(command.name_change, kind, name_id)
                if found:
                    return found
        return []

    def _show_search_problem(self, problem: str | None) -> None:
        """Why the search in the box cannot be run, in the status bar and the box; None clears it."""
        had_problem = self.search_problem.isVisible()
        self.search_problem.setVisible(problem is not None)
        if problem is None:
            if had_problem:
                self.statusBar().clearMessage()
            return
        text = f"Not searched: {problem}."
        self.search_problem.setToolTip(text)
        self.statusBar().showMessage(text)

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
        try:
            article = get_article(article_id) if article_id is not None else None
        except CONNECTION_ERRORS as exc:
            self.lost_connection(exc)
            return
        if article is None:
            self.show_no_article()
            return
        self.reading_pane.show_article(article)
        parsed = self.table_model.filters.parsed
        self.reading_pane.highlight(parsed.words, parsed.prefixes)
        self.editor.update_article(article)
        self.show_article_claims(article_id)

    def show_no_article(self) -> None:
        """No article is current: the reading pane says why, and the editor and the claims
        panel are emptied and disabled, so nothing is edited that is not a result."""
        nothing_matches = self.table_model.rowCount() == 0 and bool(self.table_model.filters)
        self.reading_pane.show_article(None, placeholder=NO_MATCH if nothing_matches else PLACEHOLDER)
        self.editor.show_article(None)
        self.show_article_claims(None)

    def selected_article_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ArticleTableModel.ArticleIdRole) for index in rows]

    # --- settings ---------------------------------------------------------------

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

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.importer.accept_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.importer.accept_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.importer.drop(event)  # files and folders from a file manager: an import

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.importer.cancel()  # whole batches are kept; the session waits for the current one
        self.session.close()
        super().closeEvent(event)
