"""Stories in the window: Split from Story and Join Stories (the Stories menu, the table's
right-click menu, the Story tab's button), and opening a copy chosen in the Story tab."""

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from catalog.browsing import Filters
from catalog.stories import StoryHeading, story_number, story_of
from catalog.watching import CONNECTION_ERRORS
from ui.controllers.actions import window_action
from ui.operations.stories import join_two_stories, split_from_story
from ui.panes.article_detail import ArticleDetailPane
from ui.panes.article_list import ArticleListPane
from ui.session import CatalogSession
from ui.widgets.sidebar import Sidebar


class StoriesController(QObject):
    """Makes the stories' actions, keeps them on only where they can be used, and does them."""

    def __init__(
        self,
        window: QMainWindow,
        session: CatalogSession,
        *,
        articles: ArticleListPane,
        detail: ArticleDetailPane,
        sidebar: Sidebar,
    ):
        super().__init__(window)
        self.window, self.session = window, session
        self.articles, self.detail, self.sidebar = articles, detail, sidebar
        self.split_action = window_action(window, "actionSplitFromStory", self.split_current)
        self.join_action = window_action(window, "actionJoinStories", self.join_selected)
        story = detail.story
        story.can_split = self._writable()
        story.open_requested.connect(self.open_article)
        story.split_requested.connect(self.split)
        articles.table.selectionModel().selectionChanged.connect(lambda *_: self.update())
        articles.current_changed.connect(lambda _: self.update())
        session.changed.connect(lambda _: self.update())  # after the panes showed it
        self.update()

    def _writable(self) -> bool:
        return not self.session.catalogue.read_only

    def update(self) -> None:
        """Split needs the current article in a story; Join two selected articles that are not
        in one story already."""
        writable = self._writable()
        try:
            current = self.articles.current_article_id()
            in_story = current is not None and story_number(current) is not None
            chosen = self.articles.selected_article_ids()
            apart = len(chosen) == 2 and _apart(*chosen)
        except CONNECTION_ERRORS:  # the server went: the banner says so; nothing can be done
            in_story = apart = False
        self.split_action.setEnabled(writable and in_story)
        self.join_action.setEnabled(writable and apart)

    # --- what the actions do ------------------------------------------------------------

    def split_current(self) -> None:
        current = self.articles.current_article_id()
        if current is not None:
            self.split(current)

    def split(self, article_id: int | None) -> None:
        """Take ``article_id`` out of its story."""
        if article_id is None or not self._writable():
            return
        row = self.articles.model.row_of(article_id)
        shown = self.articles.model.article_row(row) if row is not None else None
        split_from_story(
            session=self.session,
            parent=self.window,
            article_id=article_id,
            title=shown.title if shown is not None else "",
        )

    def join_selected(self) -> None:
        chosen = self.articles.selected_article_ids()
        if len(chosen) == 2:
            join_two_stories(session=self.session, parent=self.window, article_ids=(chosen[0], chosen[1]))

    def open_article(self, article_id: int) -> None:
        """Make ``article_id`` current in the list; when the list's filters hide it, the list
        shows its story instead (a chip says so, and removing it shows everything again)."""
        if self.articles.model.row_of(article_id) is None:
            story = story_of(article_id, shares=False)
            self.articles.search_box.clear()
            if story is None:  # split off meanwhile: every article, this one among them
                self.sidebar.select_filters(Filters())
            else:
                first = story.copies[0]
                self.sidebar.choose_story(
                    StoryHeading(story.number, first.article_id, first.title, len(story.copies))
                )
            self.articles.filter()
        self.articles.select_article(article_id)


def _apart(one: int, other: int) -> bool:
    """Whether two articles are not in one story (either may be in none)."""
    first, second = story_number(one), story_number(other)
    return first is None or first != second
