"""Qt table model of the catalogue's articles: title, outlet, authors, date, topics, claims,
import day, source file, summary and copies (the size of its story); while searching, the
matching passage of each."""

from PySide6.QtCore import QModelIndex, Qt, QTimer

from catalog.articles import ArticleRow
from catalog.browsing import Filters, snippets
from catalog.listing import FIRST_PAGE, RowPager, make_listing
from catalog.search.query import QueryError
from catalog.sources import describe_source
from ui.models.row_table_model import AnyIndex, RowTableModel

(
    COL_TITLE,
    COL_OUTLET,
    COL_AUTHORS,
    COL_DATE,
    COL_TOPICS,
    COL_CLAIMS,
    COL_IMPORTED,
    COL_SOURCE,
    COL_SUMMARY,
    COL_COPIES,
) = range(10)
HEADERS = (
    "Title",
    "Outlet",
    "Authors",
    "Date",
    "Topics",
    "Claims",
    "Imported",
    "Source",
    "Summary",
    "Copies",
)
#: catalog.browsing sort names by column; None: the column does not sort (a summary's order
#: says nothing).
SORT_KEYS = ("title", "outlet", "authors", "date", "topics", "claims", "imported", "source", None, "copies")
REST_POLL_MS = 15  # how often to look whether the rest of a listing has been read
#: Pages counted in one at a time while the whole listing is read: a person paging down gets no
#: further before it arrives (a second at a million articles); a jump to the end waits for it
#: rather than read page after page.
PAGES_BEFORE_WAITING = 8
SNIPPET_WINDOW = 40  # rows whose snippets are fetched together, as they come into view (a screenful)


class ArticleTableModel(RowTableModel):
    """One row per article, sorted and filtered in SQL. The model holds the ordered ids; rows are
    fetched a page at a time as they scroll into view (RowPager), never a query per cell."""

    #: The article's id.
    ArticleIdRole = Qt.ItemDataRole.UserRole + 1
    #: The passage matching the search (title column; "" when not searching).
    PassageRole = Qt.ItemDataRole.UserRole + 2

    #: Columns that can be edited in the table (F2 or double-click).
    EDITABLE = (COL_TITLE, COL_OUTLET, COL_DATE)
    HEADERS = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows = RowPager([])
        self.filters = Filters()
        self.sort_column, self.sort_order = COL_DATE, Qt.SortOrder.DescendingOrder
        #: Rank by relevance (best first) while a search has words, until a header is clicked.
        self.by_relevance = False
        self._snippets: dict[int, str] = {}
        self._loaded = False  # sorting before the first load only records the order
        #: Called as edit_handler(article_id, column, text) -> saved; the window makes it undoable.
        self.edit_handler = None
        self._fetching = False
        self._changing = False  # between the begin and the end of a reset or a layout change
        # The rest of a listing is read in the background; look for it now and then.
        self._rest_timer = QTimer(self)
        self._rest_timer.setInterval(REST_POLL_MS)
        self._rest_timer.timeout.connect(self._count_in_rest)

    def beginResetModel(self) -> None:
        self._changing = True
        super().beginResetModel()

    def endResetModel(self) -> None:
        super().endResetModel()
        self._changing = False

    def reload(self) -> None:
        """Read the rows again from the catalogue."""
        rows = self._listed()
        self.beginResetModel()
        self._install(rows)
        self._loaded = True
        self.endResetModel()

    def show_again(self, article_ids=None) -> None:
        """These articles changed where they are (nothing that moves or filters them): their
        rows are read again and redrawn, and the others are left alone. None: every row (the
        stories changed: which rows' copies moved is not known)."""
        for row in self.rows.forget(article_ids):
            self._snippets.pop(self.rows.id_at(row), None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    @property
    def sort_name(self) -> str:
        """The listing's order as catalog.browsing names it."""
        return "relevance" if self.by_relevance else SORT_KEYS[self.sort_column]

    def _listed(self) -> RowPager:
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        return RowPager(make_listing(self.filters, sort=self.sort_name, descending=descending))

    def _install(self, rows: RowPager) -> None:
        self.rows.close()
        self.rows = rows
        self._snippets = {}
        if self.rows.complete:
            self._rest_timer.stop()
        else:
            self._rest_timer.start()

    @property
    def complete(self) -> bool:
        """Whether every row is counted in; until then rowCount is the first page's."""
        return self.rows.complete

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self.rows.complete

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:
        """The view scrolled to the last row: count in the rest of the listing if it has been
        read, else the next page (read at once), never waiting for the whole listing."""
        # The model tester (and a view) may ask for more while a reset or new order is announced.
        if parent.isValid() or self.rows.complete or self._fetching or self._changing:
            return
        if self.rows.rest_ready() or len(self.rows) >= PAGES_BEFORE_WAITING * FIRST_PAGE:
            self.count_in_rest()
            return
        self._fetching = True  # the model tester calls fetchMore while rows are being inserted
        try:
            ids = self.rows.read_next_page()
            before = len(self.rows)
            if ids:
                self.beginInsertRows(QModelIndex(), before, before + len(ids) - 1)
            self.rows.show_next_page(ids)
            if ids:
                self.endInsertRows()
        finally:
            self._fetching = False

    def count_in_rest(self) -> None:
        """Count in every row of the listing, waiting for it if it is still being read."""
        if self.rows.complete or self._fetching or self._changing:
            return
        self._fetching = True
        try:
            self._rest_timer.stop()
            before = len(self.rows)
            total, same_head = self.rows.read_rest()
            if not same_head:  # the catalogue changed in between: start again from what it holds
                self.beginResetModel()
                self.rows.reveal_rest()
                self._snippets = {}
                self.endResetModel()
            elif total > before:
                self.beginInsertRows(QModelIndex(), before, total - 1)
                self.rows.reveal_rest()
                self.endInsertRows()
            else:
                self.rows.reveal_rest()
        finally:
            self._fetching = False

    def all_ids(self) -> list[int]:
        """Every article the table lists, in its order (counting the rest in first)."""
        self.count_in_rest()
        return self.rows.ids_between(0, len(self.rows))

    def _count_in_rest(self) -> None:
        if self.rows.complete:
            self._rest_timer.stop()
        elif self.rows.rest_ready():
            self.count_in_rest()

    def row_of(self, article_id: int) -> int | None:
        """The row showing ``article_id``, counting in the rest of the listing if need be."""
        row = self.rows.row_of(article_id)
        if row is None and not self.rows.complete:
            self.count_in_rest()
            row = self.rows.row_of(article_id)
        return row

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; the view calls this when a header is clicked."""
        if 0 <= column < len(SORT_KEYS) and SORT_KEYS[column] is not None:
            self.sort_column, self.sort_order = column, order
            self.by_relevance = False
            if self._loaded:
                self._resort()

    def _resort(self) -> None:
        old_rows, rows = self.rows, self._listed()
        if len(rows) != len(old_rows):
            rows.reveal_rest()  # the same articles in another order: as many rows as before
        if len(rows) != len(old_rows):  # the catalogue changed meanwhile
            self.beginResetModel()
            self._install(rows)
            self.endResetModel()
            return
        self._changing = True
        self.layoutAboutToBeChanged.emit()
        self._install(rows)
        # Keep persistent indexes (the selection) on the same articles.
        for index in self.persistentIndexList():
            old = old_rows.id_at(index.row()) if 0 <= index.row() < len(old_rows) else None
            new_row = self.rows.row_of(old) if old is not None else None
            target = self.index(new_row, index.column()) if new_row is not None else QModelIndex()
            self.changePersistentIndex(index, target)
        self.layoutChanged.emit()
        self._changing = False

    def set_filters(self, filters: Filters) -> None:
        """Show what ``filters`` choose; on ``QueryError`` (a search that cannot be run) the
        model keeps its filters and rows."""
        before = self.filters, self.by_relevance
        had_words = bool(self.filters.parsed.match)
        self.filters = filters
        try:
            if filters.parsed.match and not had_words:
                self.by_relevance = True  # a new search: best matches first
            elif not filters.parsed.match:
                self.by_relevance = False
            self.reload()
        except QueryError:
            self.filters, self.by_relevance = before
            raise

    def snippet(self, row: int) -> str:
        """The passage matching the search, fetched with its neighbours' as rows come into view."""
        article_id = self.rows.id_at(row)
        if article_id not in self._snippets and self.filters.query:
            window = self.rows.ids_between(row, row + SNIPPET_WINDOW)
            self._snippets.update(dict.fromkeys(window, ""))
            self._snippets.update(snippets(window, self.filters.query))
        return self._snippets.get(article_id, "")

    def rows_of(self, article_ids) -> list[int]:
        return [row for row in map(self.row_of, article_ids) if row is not None]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in self.EDITABLE and self.edit_handler is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.edit_handler is None:
            return False
        if index.column() not in self.EDITABLE or str(value) == _display(
            self.rows[index.row()], index.column()
        ):
            return False
        return bool(self.edit_handler(self.rows[index.row()].id, index.column(), str(value)))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ANSWERED_ROLES:  # a view asks ten roles per cell it paints: most answers are None
            return None
        if role == self.PassageRole:
            valid = index.isValid() and index.column() == COL_TITLE and 0 <= index.row() < len(self.rows)
            return self.snippet(index.row()) if valid else None  # by position: no row fetched for it
        value = super().data(index, role)
        if role == Qt.ItemDataRole.ToolTipRole and value is not None and self.filters.query:
            passage = self.snippet(index.row())
            return f"{value}\n\n…{passage}…" if passage and value else (passage or value)
        return value

    def cell_data(self, article: ArticleRow, column: int, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.EditRole):
            return _display(article, column)
        if role == self.ArticleIdRole:
            return article.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_CLAIMS, COL_COPIES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def article_row(self, row: int) -> ArticleRow | None:
        """What the table shows of the article at ``row`` (its page read if need be)."""
        return self.rows[row] if 0 <= row < len(self.rows) else None


_ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ArticleTableModel.ArticleIdRole,
        ArticleTableModel.PassageRole,
    }
)


def _display(article: ArticleRow, column: int) -> str:
    if column == COL_TITLE:
        return article.title
    if column == COL_OUTLET:
        return article.outlet or ""
    if column == COL_AUTHORS:
        return ", ".join(article.authors)
    if column == COL_DATE:
        return article.date or ""
    if column == COL_TOPICS:
        return ", ".join(article.topics)
    if column == COL_CLAIMS:
        return f"{article.claims:,}" if article.claims else ""
    if column == COL_IMPORTED:
        return article.imported or ""
    if column == COL_SOURCE:
        return describe_source(article.source) if article.source else ""
    if column == COL_SUMMARY:
        return article.summary
    if column == COL_COPIES:
        return f"{article.copies:,}" if article.copies else ""
    return ""
