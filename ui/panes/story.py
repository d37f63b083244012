"""The Story tab: the copies of the article being read (catalog.stories), in date order, the
first appearance first, each with its outlet, date, title and how much of the first's text it
keeps; from here a copy is opened, compared with the first, or split out of the story."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from catalog.articles import iso_date
from catalog.stories import Copy, Story, story_of
from ui.models.row_table_model import RowTableModel
from ui.widgets.row_table import row_table

NO_COPIES = "No copies of this article in the catalogue."
NO_COPIES_HINT = (
    "Copies are found as articles are imported. Two articles that are copies of each other "
    "can be put in one story by hand: select both in the list and choose Stories ▸ Join Stories."
)
FIRST_APPEARANCE = "First appearance"
COL_OUTLET, COL_DATE, COL_TITLE, COL_KEEPS = range(4)


class StoryModel(RowTableModel):
    """The copies of one story (``Copy`` rows, the first appearance first); ``current`` is the
    article the tab is shown for, drawn in bold."""

    HEADERS = ("Outlet", "Date", "Title", "Keeps")
    ArticleIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.current: int | None = None

    def show_story(self, story: Story | None, current: int | None) -> None:
        self.beginResetModel()
        self.rows = list(story.copies) if story is not None else []
        self.current = current
        self.endResetModel()

    def row_of(self, article_id: int) -> int | None:
        return next((row for row, copy in enumerate(self.rows) if copy.article_id == article_id), None)

    def cell_data(self, copy: Copy, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(copy, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(copy, column, copy.article_id == self.current)
        if role == self.ArticleIdRole:
            return copy.article_id
        if role == Qt.ItemDataRole.FontRole and copy.article_id == self.current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_KEEPS and not copy.first:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _display(copy: Copy, column: int) -> str:
    if column == COL_OUTLET:
        return copy.outlet or ""
    if column == COL_DATE:
        return iso_date(copy.date, copy.date_precision) or "undated"
    if column == COL_TITLE:
        return copy.title
    if copy.first:
        return FIRST_APPEARANCE
    return "—" if copy.share is None else percentage(copy.share)


def _tooltip(copy: Copy, column: int, current: bool) -> str:
    where = (
        f"{copy.title}\n{copy.outlet or 'No outlet'}, {iso_date(copy.date, copy.date_precision) or 'undated'}"
    )
    if copy.first:
        what = "The first appearance: the earliest dated copy."
    elif copy.share is None:
        what = "A republication."
    else:
        what = f"A republication: keeps {percentage(copy.share)} of the first appearance's text."
    shown = "\nThe article shown." if current else "\nClick to open it."
    return f"{where}\n{what}{shown}"


def percentage(share: float) -> str:
    """A share as people read it: 98%, and never 100% for what is not all of it."""
    whole = round(share * 100)
    if whole == 100 and share < 1:
        whole = 99
    return f"{whole}%"


class StoryPane(QWidget):
    """The Story tab of the article detail; ``show_article(id)`` reads its story afresh."""

    #: A copy was clicked or activated: its article id, to be opened in the list.
    open_requested = Signal(int)
    #: "Compare with First": the first appearance's id and the chosen copy's.
    compare_requested = Signal(int, int)
    #: "Split from Story": the article the tab is shown for.
    split_requested = Signal(int)
    #: The story was shown again: how many copies it has (0: none), for the tab's title.
    count_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("storyPane")
        self.article_id: int | None = None
        self.story: Story | None = None
        self.model = StoryModel(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("storyHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.place = QLabel(self)
        self.place.setObjectName("storyPlace")
        self.place.setWordWrap(True)
        self.view = row_table(self, "storyCopies", "Copies of this article", self.model, stretch=COL_TITLE)
        header = self.view.horizontalHeader()
        header.resizeSection(COL_OUTLET, 100)
        for column in (COL_DATE, COL_KEEPS):  # a date and "First appearance" in full: the title gets the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.clicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.empty_label = QLabel(NO_COPIES, self)
        self.empty_label.setObjectName("noCopiesLabel")
        self.empty_label.setWordWrap(True)
        self.empty_hint = QLabel(NO_COPIES_HINT, self)
        self.empty_hint.setObjectName("noCopiesHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: palette(placeholder-text);")
        self.compare_button = QPushButton("Compare with F&irst", self)
        self.compare_button.setObjectName("compareWithFirstButton")
        self.compare_button.setToolTip("What changed between the chosen copy and the first appearance")
        self.compare_button.clicked.connect(self._compare)
        self.split_button = QPushButton("S&plit from Story", self)
        self.split_button.setObjectName("splitFromStoryButton")
        self.split_button.setToolTip(
            "This article is not a copy of the others: take it out of the story (undoable)"
        )
        self.split_button.clicked.connect(lambda: self.split_requested.emit(self.article_id))
        #: Whether splitting can be asked for at all (the catalogue can be changed).
        self.can_split = True
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addStretch(1)
        buttons.addWidget(self.split_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.place)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._empty_stretch = QWidget(self)  # keeps the empty state's words at the top
        layout.addWidget(self._empty_stretch, 1)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.show_article(None)

    def show_article(self, article_id: int | None) -> None:
        """The story of ``article_id`` as the catalogue has it now (None: no article). What
        each copy keeps (every copy's text compared with the first's) is measured only while
        the tab is shown: the tab's title needs only the count."""
        self.article_id = article_id
        shares = self.isVisible()
        self.story = story_of(article_id, shares=shares) if article_id is not None else None
        self.model.show_story(self.story, article_id)
        has_story = self.story is not None
        for widget in (self.heading, self.place, self.view):
            widget.setVisible(has_story)
        self.empty_label.setVisible(article_id is not None and not has_story)
        self.empty_hint.setVisible(article_id is not None and not has_story)
        self._empty_stretch.setVisible(not has_story)
        self.compare_button.setVisible(has_story)
        self.split_button.setVisible(has_story)
        if has_story:
            self._describe()
            row = self.model.row_of(article_id)
            if row is not None:
                self.view.setCurrentIndex(self.model.index(row, COL_TITLE))
        self._enable()
        self.count_changed.emit(len(self.story.copies) if has_story else 0)

    def refresh(self) -> None:
        self.show_article(self.article_id)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.story is not None and self.story.copies[0].share is None:  # read while hidden
            self.refresh()

    def chosen_article_id(self) -> int | None:
        """The copy chosen in the table (the article shown, until another row is chosen)."""
        index = self.view.selectionModel().currentIndex()
        return index.data(StoryModel.ArticleIdRole) if index.isValid() else self.article_id

    def _describe(self) -> None:
        first = self.story.copies[0]
        count = len(self.story.copies)
        date = iso_date(first.date, first.date_precision)
        outlet = _escaped(first.outlet or "an unnamed outlet")
        when = f" on {date}" if date else ""
        self.heading.setText(f"{count} copies · first appeared in <b>{outlet}</b>{when}")
        mine = self.story.copies[self.model.row_of(self.article_id)]
        if mine.first:
            self.place.setText("This article (in bold) is the first appearance; the others republish it.")
        elif mine.share is None:
            self.place.setText("This article (in bold) is a republication.")
        else:
            self.place.setText(
                f"This article (in bold) is a republication: it keeps {percentage(mine.share)} of the "
                "first appearance's text."
            )

    def _enable(self) -> None:
        chosen = self.chosen_article_id()
        self.compare_button.setEnabled(self.story is not None and chosen not in (None, self.story.first))
        self.split_button.setEnabled(self.story is not None and self.can_split)

    def _open(self, index) -> None:
        article_id = index.data(StoryModel.ArticleIdRole)
        if article_id is not None and article_id != self.article_id:
            self.open_requested.emit(article_id)

    def _compare(self) -> None:
        chosen = self.chosen_article_id()
        if self.story is not None and chosen is not None and chosen != self.story.first:
            self.compare_requested.emit(self.story.first, chosen)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
