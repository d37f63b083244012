"""The main window: the sidebar, the article list over the article's text, and the article's
Details and Claims tabs side by side, the menus and toolbars built from ``ui.actions``, and the
controllers that do what they ask."""

from itertools import pairwise

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QToolBar, QUndoView, QVBoxLayout, QWidget

from catalog.catalogue import OpenedCatalogue
from ui.actions import BY_NAME, apply_icons, build_menus, build_toolbar
from ui.controllers.actions import window_action
from ui.controllers.article_menu import ArticleMenuController
from ui.controllers.catalogues import CataloguesController
from ui.controllers.claims import ClaimsController
from ui.controllers.clipboard import ClipboardController
from ui.controllers.comparing import ComparingController
from ui.controllers.connection import ConnectionController
from ui.controllers.editing import EditingController
from ui.controllers.exchange import ExchangeController
from ui.controllers.help import HelpController
from ui.controllers.importing import ImportController
from ui.controllers.maintenance import MaintenanceController
from ui.controllers.reports import ReportsController
from ui.controllers.search_options import SearchOptionsController
from ui.controllers.stories import StoriesController
from ui.controllers.table_columns import TableColumns
from ui.controllers.view import ViewController
from ui.models.article_table_model import COL_TITLE
from ui.panes.article_detail import ArticleDetailPane
from ui.panes.article_list import ArticleListPane
from ui.panes.refresh import PaneRefresher
from ui.resources import icon
from ui.session import CatalogSession
from ui.undo_steps import UndoSteps
from ui.widgets.connection_banner import ConnectionBanner
from ui.widgets.drop_highlight import DropHighlight
from ui.widgets.sidebar import Sidebar
from ui.widgets.status_bar import StatusBar

SETTINGS_GROUP = "mainWindow"


class MainWindow(QMainWindow):
    """Lays out the panes (``sidebar``, ``articles``, ``detail``) and wires them to the
    session and the controllers (``importer``, ``editing``, ``claims``, ``reports``,
    ``maintenance``, ``catalogues``, ``help``, ``connection``)."""

    #: An import is about to start: its ImportTask (the importer's ``started``, passed on).
    import_started = Signal(object)
    #: An import ended: its ImportReport, or None when it stopped on an error (``finished``).
    import_finished = Signal(object)

    def __init__(self, catalogue: OpenedCatalogue, parent=None, *, password: str | None = None):
        super().__init__(parent)
        self.catalogue = catalogue
        self.session = CatalogSession(catalogue, password=password, parent=self)
        self.setAcceptDrops(True)
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{catalogue.name} — Catalog")
        self.setStatusBar(StatusBar(self))
        self.sidebar = Sidebar(self)
        self.articles = ArticleListPane(self.session, self.sidebar, self.statusBar(), self)
        self.detail = ArticleDetailPane(self.session, self.articles.model, self)
        self.articles.current_changed.connect(self.detail.show_article_id)
        self.articles.current_kept.connect(self.detail.highlight)
        self.articles.reading_requested.connect(self.detail.read)
        # Placed before the other widgets are made, so the search box has the focus on open.
        search = self.addToolBar("Search")
        search.setObjectName("searchToolbar")
        search.setMovable(False)
        search.addWidget(self.articles.search_box)
        # The list over the text, as a mail reader has them: the text gets the width and half
        # the height of the window, and the Details and Claims tabs beside both the full height.
        self.centre = QSplitter(Qt.Orientation.Vertical, self)
        self.centre.setObjectName("centreSplitter")
        self._add_panes(self.centre, ((self.articles, 2), (self.detail.reading, 3)))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self._add_panes(self.splitter, ((self.sidebar, 1), (self.centre, 4), (self.detail, 3)))
        self.banner = ConnectionBanner(self.session, self)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.drop_highlight = DropHighlight(central)
        self.undo_view = self._make_undo_history()
        self.statusBar().addPermanentWidget(self.articles.count_label)
        self._make_controllers()
        self.refresher = PaneRefresher(
            self.session,
            articles=self.articles,
            sidebar=self.sidebar,
            detail=self.detail,
            claims_browser=lambda: self.claims.claims_browser,
            parent=self,
        )
        self._make_menus_and_toolbars()
        self.resize(1200, 760)
        self.splitter.setSizes([170, 600, 430])
        self.centre.setSizes([260, 390])
        self._set_keyboard_order()
        self._restore_settings()
        self.view.restore()
        self.articles.refresh()
        self.sidebar.reload()
        self.detail.show_names()
        self.articles.select_row(0)
        self.maintenance.start_quick_check()
        self.session.start_watching()
        self.catalogues.show_read_only()

    # --- building ---------------------------------------------------------------

    @staticmethod
    def _add_panes(splitter: QSplitter, panes) -> None:
        """``panes``: (widget, stretch), in order; none collapses to nothing by a drag (the
        View menu hides and shows them)."""
        for pane, stretch in panes:
            splitter.addWidget(pane)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
            splitter.setCollapsible(splitter.count() - 1, False)

    def _make_controllers(self) -> None:
        say = self.statusBar().say
        articles, detail = self.articles, self.detail
        self.importer = ImportController(
            self, self.session, show_top=articles.show_top, refresh=articles.refresh, say=say
        )
        self.exchange = ExchangeController(self, self.session, say=say, listed_ids=articles.model.all_ids)
        self.importer.started.connect(self.import_started)
        self.importer.finished.connect(self.import_finished)
        articles.empty_state.import_files_requested.connect(self.importer.import_files)
        articles.empty_state.import_folder_requested.connect(self.importer.import_folder)
        # Undo and Redo make each step in the catalogue first, and move the stack only then.
        self.undo_steps = UndoSteps(self, self.session, self.undo_view, say=say)
        self.clipboard = ClipboardController(self, table=articles.table, title_column=COL_TITLE)
        self.editing = EditingController(
            self, self.session, articles=articles, sidebar=self.sidebar, editor=detail.editor, say=say
        )
        self.reports = ReportsController(
            self,
            self.session,
            listing=articles.model,
            selected_ids=articles.selected_article_ids,
            current_id=articles.current_article_id,
            say=say,
        )
        detail.editor.suggest_requested.connect(self.reports.suggest_summary_for)
        self.maintenance = MaintenanceController(self, self.session, say=say)
        self.search_options = SearchOptionsController(self, self.session)
        self.catalogues = CataloguesController(
            self,
            self.session,
            panels=(detail.editor, detail.claims_panel),
            empty_state=articles.empty_state,
            table=articles.table,
        )
        self.claims = ClaimsController(self, self.session, articles=articles, detail=detail)
        self.columns = TableColumns(self, articles.table, self.catalogue.location)
        self.article_menu = ArticleMenuController(
            self, self.session, articles=articles, detail=detail, sidebar=self.sidebar
        )
        self.stories = StoriesController(
            self, self.session, articles=articles, detail=detail, sidebar=self.sidebar
        )
        self.help = HelpController(self, lambda: self.catalogue.location)
        self.connection = ConnectionController(self, self.session, editor=detail.editor, say=say)
        self.view = ViewController(self, splitter=self.splitter, sidebar=self.sidebar, detail=detail)
        self.comparing = ComparingController(self)
        detail.story.compare_requested.connect(self.comparing.compare)
        detail.stay_requested.connect(articles.select_article)
        window_action(self, "actionFind", articles.focus_search)
        window_action(self, "actionQuit", self.close)

    def _make_undo_history(self) -> QUndoView:
        self.undo_dock = QDockWidget("Undo History", self)
        self.undo_dock.setObjectName("undoHistoryDock")
        view = QUndoView(self.session.undo_stack, self.undo_dock)
        view.setObjectName("undoHistory")
        view.setEmptyLabel("Catalogue as opened")
        self.undo_dock.setWidget(view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.undo_dock)
        self.undo_dock.hide()
        toggle = self.undo_dock.toggleViewAction()
        toggle.setObjectName("actionUndoHistory")
        toggle.setText(BY_NAME["actionUndoHistory"].text)
        return view

    def _make_menus_and_toolbars(self) -> None:
        build_menus(self)
        self.insertToolBar(self.findChild(QToolBar, "searchToolbar"), build_toolbar(self))
        self.apply_icons()

    def _set_keyboard_order(self) -> None:
        """Tab goes search, sidebar, table, text, then the editor's fields top to bottom; Enter
        in the table moves on to reading the article."""
        chain = [self.articles.search_box, self.sidebar, self.articles.table]
        chain += [self.detail.reading_pane, self.detail.find_bar.input, self.detail.tabs]
        chain += self.detail.editor.tab_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def apply_icons(self) -> None:
        """Icons in the palette's colours: again whenever the palette changes (light, dark)."""
        apply_icons(self)
        self.articles.empty_state.import_files_button.setIcon(icon("import-files"))
        self.articles.empty_state.import_folder_button.setIcon(icon("import-folder"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "claims"):
            self.apply_icons()
        if event.type() == QEvent.Type.WindowStateChange and hasattr(self, "view"):
            self.view.window_state_changed()
        super().changeEvent(event)

    # --- settings ---------------------------------------------------------------

    def _restore_settings(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        for key, restore in (
            ("geometry", self.restoreGeometry),
            ("state", self.restoreState),
            ("splitter", self.splitter.restoreState),
            ("centreSplitter", self.centre.restoreState),
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
        settings.setValue("centreSplitter", self.centre.saveState())
        self.columns.save()  # per catalogue
        settings.endGroup()
        settings.sync()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.importer.accept_drag(event)
        if event.isAccepted():
            self.drop_highlight.show_over()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.importer.accept_drag(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drop_highlight.hide()

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_highlight.hide()
        self.importer.drop(event)  # files and folders from a file manager: an import

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.importer.cancel()  # whole batches are kept; the session waits for the current one
        self.session.close()
        super().closeEvent(event)
