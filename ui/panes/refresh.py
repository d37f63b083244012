"""Shows each change of the catalogue in the panes it touches, and only there."""

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from catalog.changes import Change, relists
from catalog.watching import CONNECTION_ERRORS
from ui.panes.article_detail import ArticleDetailPane
from ui.panes.article_list import ArticleListPane
from ui.session import CatalogSession
from ui.widgets.sidebar import Sidebar


class PaneRefresher(QObject):
    """Hears ``session.changed`` (an edit, undo or redo here, or another desk's save) and asks
    each pane, in order, to show what the change touches: the list first (the detail shows the
    article that is current after it), the sidebar, the editor's name lists, an open claims
    browser (``claims_browser`` gives it, or None), then the article being read. A connection
    that breaks on the way stops it there, said once."""

    def __init__(
        self,
        session: CatalogSession,
        *,
        articles: ArticleListPane,
        sidebar: Sidebar,
        detail: ArticleDetailPane,
        claims_browser: Callable[[], QWidget | None],
        parent: QWidget,
    ):
        super().__init__(parent)
        self.session = session
        self.articles = articles
        self.sidebar = sidebar
        self.detail = detail
        self.claims_browser = claims_browser
        session.changed.connect(self.show)

    def show(self, change: Change) -> None:
        """An edited title is one row read again; the listing is read again only when the
        change can move or filter its rows, the sidebar's counts only when it can move them,
        the name lists only when names may have come or gone."""
        try:
            self._show(change)
        except CONNECTION_ERRORS as exc:  # the catalogue stopped answering while reading
            self.session.fail(exc, self.parent())

    def _show(self, change: Change) -> None:
        model = self.articles.model
        if change.everything or relists(change, model.filters, model.sort_name):
            self.articles.refresh()
            if change.added and not change.everything:  # an undone delete: the article back in view
                self.articles.select_first_of(change.added)
        else:
            # Stories split or joined: which rows' copies moved is not known, so every row read.
            model.show_again(None if change.stories else change.edited)
        if change.counts:
            self.sidebar.reload()
        if change.name_lists:
            self.detail.show_names()
        browser = self.claims_browser()
        if (change.claims or change.everything) and browser is not None and browser.isVisible():
            browser.refresh()
        if change.everything:
            return  # the reload showed the current article as it is now, keeping any typing
        self.detail.show_change(change, self.articles.current_article_id())
