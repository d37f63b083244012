"""The article list: the search box, the bar of active filters, the table of articles (an empty
catalogue's explanation, or what matched nothing, in its place), and the count of articles
shown, filtered by the search and the sidebar."""

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
from catalog.search.saved import saved_searches
from ui.commands import NameCommand
from ui.models.article_table_model import COL_DATE, COL_TITLE, SORT_KEYS, ArticleTableModel
from ui.session import CatalogSession
from ui.widgets.empty_state import EmptyState
from ui.widgets.filter_bar import Chip, FilterBar
from ui.widgets.no_results import NoResults
from ui.widgets.sidebar import Sidebar
from ui.widgets.status_bar import StatusBar
from ui.widgets.title_delegate import TitleDelegate, two_line_height

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
#: How the filter bar names each kind of sidebar entry.
KIND_NAMES = {"outlet": "Outlet", "author": "Author", "topic": "Topic", "year": "Year", "story": "Story"}


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
        self.no_results = NoResults(self)
        self.no_results.clear_requested.connect(self.clear_filters)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("tableStack")
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.no_results)
        self.filter_bar = FilterBar(self)
        self.filter_bar.removed.connect(self.remove_filter)
        self.filter_bar.cleared.connect(self.clear_filters)
        self._saved_search: tuple[int, object] | None = None  # (id, its Filters) while applied
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.stack)
        self.search_box = self._make_search_box()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("articleCount")
        self._lost_current: int | None = None  # the article a reload's stale filters hid
        sidebar.filters_changed.connect(lambda _: self.filter())
        sidebar.filters_followed.connect(self._filters_followed)
        sidebar.where_went = self._where_name_went
        sidebar.names_shown.connect(self._show_chips)  # a chosen name renamed: its new name
        sidebar.saved_search_chosen.connect(self._saved_search_chosen)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        # Return is the Open action's (ui.controllers.article_menu); Enter on the keypad too.
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.read_current)

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
        self._one_line_rows = table.verticalHeader().defaultSectionSize()
        # While searching, the title's cell shows the matching passage under it.
        self.title_delegate = TitleDelegate(table)
        table.setItemDelegateForColumn(COL_TITLE, self.title_delegate)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The title takes whatever width is left, so no column hides behind a scroll bar
        # (ui.controllers.table_columns sets the others' widths, and remembers them).
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.sortIndicatorChanged.connect(self._sort_indicated)
        return table

    def _sort_indicated(self, column: int, _order) -> None:
        """A column that does not sort (the summary) keeps the arrow where the order is."""
        if column >= 0 and SORT_KEYS[column] is None:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            if self.model.by_relevance:
                header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            else:
                header.setSortIndicator(self.model.sort_column, self.model.sort_order)
            header.blockSignals(False)

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

    def read_current(self) -> None:
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
        # An empty catalogue shows how to fill it, a search that finds nothing says so: never
        # an empty grid.
        if total == 0:
            self.stack.setCurrentWidget(self.empty_state)
        elif self.model.filters and self.model.complete and self.model.rowCount() == 0:
            others = [
                f"{chip.kind.lower()} “{chip.name}”" for chip in self._chips() if chip.key[0] != "search"
            ]
            self.no_results.say(self.model.filters.query, others)
            self.stack.setCurrentWidget(self.no_results)
        else:
            self.stack.setCurrentWidget(self.table)
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
        self._show_passages(bool(filters.parsed.match))
        self._show_chips()
        if self.model.by_relevance:
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.show_count()
        if self.current_article_id() is None:
            self.select_row(0)
        else:
            self.current_kept.emit()
        if self.current_article_id() is None:  # nothing matches: nothing stays shown
            self.current_changed.emit(None)

    def _show_passages(self, searching: bool) -> None:
        """Rows tall enough for a title and its matching passage, only while searching."""
        height = two_line_height(self.table.fontMetrics()) if searching else self._one_line_rows
        self.table.verticalHeader().setDefaultSectionSize(height)

    def clear_filters(self) -> None:
        """Show every article: no search, no sidebar filter."""
        self.search_box.clear()
        self.sidebar.blockSignals(True)  # one listing, not one for the sidebar and one here
        self.sidebar.clear_filters()
        self.sidebar.blockSignals(False)
        self.filter()

    def remove_filter(self, key: tuple) -> None:
        """Stop filtering by one chip of the filter bar: a sidebar entry, the search text, or
        the saved search (its search and sidebar choices)."""
        if key[0] == "saved":
            self.clear_filters()
        elif key[0] == "search":
            self.search_box.clear()
            self.filter()
        else:
            self.sidebar.unchoose(*key)  # the sidebar says its filters changed: the table follows

    def _saved_search_chosen(self, search_id: int) -> None:
        saved = next((s for s in saved_searches() if s.id == search_id), None)
        self._saved_search = (search_id, saved.filters) if saved is not None else None

    def _chips(self) -> list[Chip]:
        """Every filter in force, as the filter bar shows it."""
        chips = []
        filters = replace(self.sidebar.filters(), query=self.search_box.text())
        if self._saved_search is not None:
            search_id, saved = self._saved_search
            name = self.sidebar.saved_search_name(search_id)
            if name is not None and _same(saved, filters):
                chips.append(Chip(("saved", search_id), "Saved search", name))
            else:
                self._saved_search = None  # changed since: the chips below say what is left
        for kind, entry_id, name in self.sidebar.chosen_entries():
            chips.append(Chip((kind, entry_id), KIND_NAMES.get(kind, kind.title()), name))
        if self.search_box.text().strip():
            chips.append(Chip(("search",), "Search", self.search_box.text().strip()))
        return chips

    def _show_chips(self) -> None:
        self.filter_bar.show_chips(self._chips())

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

    def select_first_of(self, article_ids) -> None:
        """Make the first listed of ``article_ids`` current (the others selected too), in view."""
        rows = sorted(self.model.rows_of(article_ids))
        if rows:
            self.select_row(rows[0])
            self._reselect([self.model.rows.id_at(row) for row in rows])
            self.table.scrollTo(self.model.index(rows[0], COL_TITLE))

    def show_top(self) -> None:
        """The first rows in view, the first current (after an import: what is newest)."""
        self.select_row(0)
        self.table.scrollToTop()

    def top_article_id(self) -> int | None:
        index = self.table.indexAt(QPoint(1, 1))
        return index.data(ArticleTableModel.ArticleIdRole) if index.isValid() else None

    def scroll_to_top_article(self, article_id: int | None) -> None:
        row = self.model.row_of(article_id) if article_id is not None else None
        if row is not None:
            self.table.scrollTo(self.model.index(row, COL_TITLE), QAbstractItemView.ScrollHint.PositionAtTop)


def _same(saved, filters) -> bool:
    """Whether ``filters`` are still what a saved search set (its query, spacing aside)."""
    return replace(saved, query=" ".join(saved.query.split())) == replace(
        filters, query=" ".join(filters.query.split())
    )
