"""The article detail: the article's text in the reading pane (with its find bar), and what the
article is filed as (the Details tab, its editor), the claims it makes (the Claims tab) and its
copies (the Story tab)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox, QTabWidget, QVBoxLayout, QWidget

from catalog.articles import get_article
from catalog.changes import Change
from catalog.claims.store import claims_of_article
from catalog.names_admin import names as name_list
from catalog.search.query import QueryError
from catalog.watching import CONNECTION_ERRORS
from ui.models.article_table_model import ArticleTableModel
from ui.panes.story import StoryPane
from ui.session import CatalogSession
from ui.widgets.article_editor import ArticleEditor
from ui.widgets.claims_panel import ClaimsPanel
from ui.widgets.find_bar import FindBar
from ui.widgets.reading_pane import NO_MATCH, PLACEHOLDER, ReadingPane

STORY_TAB = "Sto&ry"


class ArticleDetailPane(QWidget):
    """Shows one article of ``listing`` (the article list's model: its search is highlighted
    in the text), or none: the Details and Claims tabs in the pane itself, and the text in
    ``reading`` (the reading pane over its find bar), which the window places under the list,
    so that the tabs have the window's full height beside the list and the text."""

    #: Moving to another article was called off (a date typed there must be fixed first): the
    #: article's id, to be made current again in the list.
    stay_requested = Signal(int)
    #: A claim is to be shown in the Claims tab (marked, or clicked in the text): the tabs are
    #: wanted on screen.
    claim_shown = Signal()

    def __init__(self, session: CatalogSession, listing: ArticleTableModel, parent=None):
        super().__init__(parent)
        self.setObjectName("articleDetail")
        self.session = session
        self.listing = listing
        self.reading = QWidget(self)
        self.reading.setObjectName("readingColumn")
        self.reading_pane = ReadingPane(self.reading)
        self.reading_pane.setAcceptDrops(False)  # dropped files go to the window: an import
        self.find_bar = FindBar(self.reading_pane, self.reading)
        reading_layout = QVBoxLayout(self.reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.setSpacing(0)
        reading_layout.addWidget(self.reading_pane, 1)
        reading_layout.addWidget(self.find_bar)
        self.editor = ArticleEditor(self)
        self.claims_panel = ClaimsPanel(self)
        # What the article is filed as, and the claims it makes: beside the text, full height.
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("detailTabs")
        self.tabs.addTab(self.editor, "&Details")
        self.tabs.addTab(self.claims_panel, "C&laims")
        self.story = StoryPane(self)
        self.tabs.addTab(self.story, STORY_TAB)
        self.story.count_changed.connect(self._story_counted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.claims_panel.claim_selected.connect(self._claim_selected)
        self.reading_pane.claim_clicked.connect(self.show_claim)
        self.reading_pane.find_requested.connect(self.find_bar.open)

    def show_article_id(self, article_id: int | None) -> None:
        """Show the article ``article_id`` (None: no article is current); unless a date typed
        in the editor cannot be understood and the user chooses to fix it first."""
        if self._fixing_date_first(article_id):
            return
        try:
            article = get_article(article_id) if article_id is not None else None
        except CONNECTION_ERRORS as exc:
            self.session.fail(exc, self.window())
            return
        if article is None:
            self.show_no_article()
            return
        self.reading_pane.show_article(article)
        self.highlight()
        self.editor.update_article(article)
        self.show_article_claims(article_id)
        self.story.show_article(article_id)

    def _fixing_date_first(self, article_id: int | None) -> bool:
        """Leaving an article whose date field holds a date that cannot be saved: ask whether
        to fix it (the article stays, the date field has the focus) or to discard the typing."""
        shown = self.editor.article
        problem = self.editor.date_problem()
        if shown is None or article_id == shown["id"] or problem is None:
            return False
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Date not understood",
            f"The date typed for “{shown['title']}” cannot be saved: {problem}.",
            parent=self.window(),
        )
        box.setInformativeText("Fix the date, or discard what you typed and go on.")
        fix = box.addButton("&Fix Date", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Discard)
        box.setDefaultButton(fix)
        box.setEscapeButton(fix)
        box.exec()
        if box.clickedButton() is not box.button(QMessageBox.StandardButton.Discard):
            self.stay_requested.emit(shown["id"])
            self.editor.focus_date()
            return True
        return False

    def highlight(self) -> None:
        """Mark the words the listing searches for in the text (with their other forms, where
        the catalogue stems English words)."""
        filters = self.listing.filters
        try:
            parsed = filters.afresh().searched
        except (QueryError, *CONNECTION_ERRORS):
            parsed = filters.parsed  # what was typed: said where the search is
        self.reading_pane.highlight(parsed.words, parsed.prefixes)

    def show_no_article(self) -> None:
        """No article is current: the reading pane says why, and the editor and the claims
        panel are emptied and disabled, so nothing is edited that is not a result."""
        nothing_matches = self.listing.rowCount() == 0 and bool(self.listing.filters)
        self.reading_pane.show_article(None, placeholder=NO_MATCH if nothing_matches else PLACEHOLDER)
        self.editor.show_article(None)
        self.show_article_claims(None)
        self.story.show_article(None)

    def show_change(self, change: Change, current: int | None) -> None:
        """Show what ``change`` did to the article ``current`` (the list's current one, after
        the list showed the change)."""
        kept = self.claims_panel.current_claim_id()
        if current is None:
            self.show_no_article()  # the change took it out of the results
        elif current in change.edited | change.added | change.removed:
            article = get_article(current)
            self.reading_pane.show_article(article)
            self.editor.show_article(article)
            self.show_article_claims(current, keep=kept)
        elif current in change.claims:  # its claims only: the text stays where it was read
            self.show_article_claims(current, keep=kept)
        if current is not None and (change.stories or current in change.edited | change.added):
            self.story.show_article(current)  # a split or join anywhere may reach its story

    def _story_counted(self, count: int) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.story), f"{STORY_TAB} ({count})" if count else STORY_TAB)

    def show_names(self) -> None:
        """The editor's completers offer the names the catalogue has now."""
        self.editor.set_names(*(name_list(kind) for kind in ("outlet", "author", "topic")))

    def read(self) -> None:
        """Read the article, from the top, in the reading pane."""
        self.reading_pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- claims ---------------------------------------------------------------------

    def show_article_claims(self, article_id: int | None, *, keep: int | None = None) -> None:
        """The claims of the article being read: in the panel and highlighted in the text.
        The claim chosen stays chosen while the same article is shown again."""
        if keep is None and article_id is not None and article_id == self.claims_panel.article_id:
            keep = self.claims_panel.current_claim_id()
        self.claims_panel.show_article(article_id, keep=keep)
        current = self.claims_panel.current_claim_id()
        self.reading_pane.show_claims(claims_of_article(article_id) if article_id else [], current)

    def show_claim(self, claim_id: int) -> bool:
        """The Claims tab, with ``claim_id`` chosen; False if the article has no such claim."""
        self.claim_shown.emit()
        self.tabs.setCurrentWidget(self.claims_panel)
        return self.claims_panel.select_claim(claim_id)

    def _claim_selected(self, claim_id: int | None) -> None:
        self.reading_pane.show_claims(self.claims_panel.claims_model.rows, claim_id)
