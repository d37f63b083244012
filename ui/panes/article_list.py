"""The article list: the search box, the table of articles (an empty catalogue's explanation in
its place), and the count of articles shown, filtered by the search and the sidebar."""

from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from catalog.articles import count_articles
from catalog.name_moves import moved_to
from catalog.search.query import QueryError
from ui.commands import NameCommand
from ui.models.article_table_model import (
    COL_AUTHORS,
    COL_DATE,
    COL_OUTLET,
    COL_SNIPPET,
    COL_TITLE,
    COL_TOPICS,
    ArticleTableModel,
)
from ui.session import CatalogSession
from ui.widgets.empty_state import EmptyState
from ui.widgets.sidebar import Sidebar
from ui.widgets.status_bar import StatusBar

SEARCH_DELAY_MS = 250  # results follow typing after this pause
SEARCH_HELP = """<b>Search</b><br>
words — all must appear (Zoe finds Zoë)<br>
"exact phrase" — the words in this order<br>
-word — must not appear<br>
tanks OR drones — either<br>
ukrain* — words starting so<br>
author:"Dave DeCamp", outlet:, topic:, title:, claim: — in that field<br>
since:2022-01-01, until:2022-06, year:2022 — dates<br>
Escape clears the search."""
COLUMN_WIDTHS = {COL_OUTLET: 110, COL_AUTHORS: 120, COL_DATE: 96, COL_TOPICS: 100}


class ArticleListPane(QWidget):
    """The articles ``sidebar`` and the search box choose, in a table. The window places
    ``search_box`` in its search toolbar and ``count_label`` in ``status_bar``, which also
    says why a search cannot be run and what the sidebar did to a filter."""

    #: The current article changed: its id, or None when no article is current.
    current_changed = Signal(object)
    #: The search changed and the current article is still among the results.
    current_kept = Signal()
    #: Enter on an article in the table: read it.
    reading_requested = Signal()

    def __init__(self, session: CatalogSession, sidebar: Sidebar, status_bar: StatusBar, parent=None):
        super().__init__(parent)
        self.setObjectName("articleList")
        self.session = session
        self.sidebar = sidebar
        self.status_bar = status_bar
        self.model = ArticleTableModel(self)
        # Rows counted in while scrolling change what is shown, not how many articles there are.
        self.model.rowsInserted.connect(lambda *_: self._say_count(self._total))
        self._total = 0  #: the catalogue's articles, as last counted
        self.table = self._make_table()
        self.empty_state = EmptyState(self)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("tableStack")
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.table.setColumnHidden(COL_SNIPPET, True)
        self.search_box = self._make_search_box()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("articleCount")
        self._lost_current: int | None = None  # the article a reload's stale filters hid
        sidebar.filters_changed.connect(lambda _: self.filter())
        sidebar.filters_followed.connect(self._filters_followed)
        sidebar.where_went = self._where_name_went
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._read_current)

    # --- building ---------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("articleTable")
        table.setAccessibleName("Articles")
        table.setModel(self.model)
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
        self._search_timer.timeout.connect(self.filter)
        box.textChanged.connect(lambda _: self._search_timer.start())
        return box

    def eventFilter(self, watched, event) -> bool:
        if watched is getattr(self, "search_box", None) and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.search_box.clear()
                self.filter()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.filter()  # now, without waiting for the pause
                return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _read_current(self) -> None:
        if self.current_article_id() is not None:
            self.reading_requested.emit()

    # --- showing ----------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the table from the catalogue, keeping the selection, the current article and
        the scroll position (the current article stays in view if it was)."""
        current = self.current_article_id()
        selected = self.selected_article_ids()
        top = self.top_article_id()
        current_in_view = current is not None and self._in_view(current)
        self._lost_current = None
        self.model.reload()
        total = self.show_count()
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            self.select_row(row)
        self._reselect(selected)
        self.scroll_to_top_article(top)
        if row is not None and current_in_view:
            self.table.scrollTo(self.model.index(row, COL_TITLE))
        if self.current_article_id() is None:
            self._lost_current = current  # perhaps only until the sidebar follows a name
            self.current_changed.emit(None)
        self.session.remember_articles_shown(total)

    def _in_view(self, article_id: int) -> bool:
        row = self.model.rows.row_of(article_id)
        if row is None:
            return False
        rect = self.table.visualRect(self.model.index(row, COL_TITLE))
        return rect.isValid() and self.table.viewport().rect().intersects(rect)

    def show_count(self) -> int:
        """Count the articles in the status bar; returns how many there are."""
        self._total = count_articles()
        self._say_count(self._total)
        return self._total

    def _say_count(self, total: int) -> None:
        # An empty catalogue shows how to fill it rather than an empty grid.
        self.stack.setCurrentWidget(self.empty_state if total == 0 else self.table)
        text = f"{total:,} article{'' if total == 1 else 's'}"
        if self.model.filters:
            # Until the rest of a long listing has been read, only its first page is known.
            shown = f"{self.model.rowCount():,}" if self.model.complete else "Counting…"
            text = f"{shown} of {text}"
        self.count_label.setText(text)

    def filter(self) -> None:
        """Show the articles the sidebar and the search box choose. A search that cannot be run
        (a prefix that matches too many words) is explained, and the table keeps what it showed."""
        self._search_timer.stop()
        filters = replace(self.sidebar.filters(), query=self.search_box.text())
        try:
            self.model.set_filters(filters)
        except QueryError as exc:
            self._show_search_problem(str(exc))
            return
        self._show_search_problem(None)
        searching = bool(filters.parsed.match)
        self.table.setColumnHidden(COL_SNIPPET, not searching)
        if self.model.by_relevance:
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.show_count()
        if self.current_article_id() is None:
            self.select_row(0)
        else:
            self.current_kept.emit()
        if self.current_article_id() is None:  # nothing matches: nothing stays shown
            self.current_changed.emit(None)

    def clear_filters(self) -> None:
        """Show every article: no search, no sidebar filter."""
        self.search_box.clear()
        self.sidebar.clear_filters()
        self.filter()

    def _filters_followed(self, message: str) -> None:
        """The sidebar followed a chosen name to where its articles went, or dropped it: the
        table shows what the sidebar shows now (the article being read stays, if it is among
        them), and the status bar says what changed."""
        keep = self.current_article_id() or self._lost_current
        self.filter()
        if keep is not None and self.current_article_id() != keep:
            self.select_article(keep)
        self.status_bar.note_filter(message)

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
                self.status_bar.clearMessage()
            return
        text = f"Not searched: {problem}."
        self.search_problem.setToolTip(text)
        self.status_bar.showMessage(text)

    # --- the current article, the selection and the scroll place ----------------------

    def _reselect(self, article_ids: list[int]) -> None:
        if len(article_ids) < 2:
            return
        selection = QItemSelection()
        for row in self.model.rows_of(article_ids):
            index = self.model.index(row, COL_TITLE)
            selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)

    def _current_row_changed(self, current, _previous) -> None:
        self.current_changed.emit(
            current.data(ArticleTableModel.ArticleIdRole) if current.isValid() else None
        )

    def current_article_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        return index.data(ArticleTableModel.ArticleIdRole) if index.isValid() else None

    def selected_article_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ArticleTableModel.ArticleIdRole) for index in rows]

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(self.model.index(row, COL_TITLE), flags)

    def select_article(self, article_id: int) -> None:
        row = self.model.row_of(article_id)
        if row is not None:
            self.select_row(row)
            self.table.scrollTo(self.model.index(row, COL_TITLE))

    def top_article_id(self) -> int | None:
        index = self.table.indexAt(QPoint(1, 1))
        return index.data(ArticleTableModel.ArticleIdRole) if index.isValid() else None

    def scroll_to_top_article(self, article_id: int | None) -> None:
        row = self.model.row_of(article_id) if article_id is not None else None
        if row is not None:
            self.table.scrollTo(self.model.index(row, COL_TITLE), QAbstractItemView.ScrollHint.PositionAtTop)
