"""The article table's right-click menu: Open, Edit, Batch Edit, Add Topic ▸, Mark Verdict,
Copy Title, Copy Citation, Show Source File, Delete. Items that are also in the menu bar are
the same QActions (their shortcuts shown); the others are rows of ``ui.actions`` too."""

import os

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QMainWindow, QMenu

from catalog.citation import citation
from catalog.claims.verdicts import claim_ids_of
from catalog.sources import split_source
from ui.catalogue_settings import CatalogueSettings
from ui.controllers.actions import window_action
from ui.dialogs.verdict import VerdictDialog
from ui.operations.topics import add_topic
from ui.operations.verdicts import mark_verdict
from ui.panes.article_detail import ArticleDetailPane
from ui.panes.article_list import ArticleListPane
from ui.session import CatalogSession
from ui.widgets.sidebar import Sidebar

TOPICS_OFFERED = 10  #: topics listed under Add Topic: the recent ones first, then the most used
RECENT_KEY = "recentTopics"


class ArticleMenuController(QObject):
    """Makes the context menu's own actions and shows the menu where the table is right-clicked."""

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
        self.settings = CatalogueSettings(session.catalogue.location)
        self.open_action = window_action(window, "actionOpenArticle", articles.read_current)
        articles.table.addAction(self.open_action)  # its Return works where the table has the focus
        self.edit_action = window_action(window, "actionEditArticle", self.edit)
        self.new_topic_action = window_action(window, "actionNewTopic", self.new_topic)
        self.verdict_action = window_action(window, "actionMarkVerdict", self.mark_verdict)
        self.copy_title_action = window_action(window, "actionCopyTitle", self.copy_titles)
        self.copy_citation_action = window_action(window, "actionCopyCitation", self.copy_citations)
        self.source_action = window_action(window, "actionShowSourceFile", self.show_source_file)
        #: The menu last shown (tests drive it).
        self.menu: QMenu | None = None
        table = articles.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(
            lambda at: self.make_menu().popup(table.viewport().mapToGlobal(at))
        )

    # --- the menu ---------------------------------------------------------------

    def make_menu(self) -> QMenu:
        """The menu for the articles selected now, its items on or off as they can be used."""
        self._update()
        menu = QMenu(self.articles.table)
        menu.setObjectName("articleMenu")
        menu.addAction(self.open_action)
        menu.addAction(self.edit_action)
        menu.addAction(self._shared("actionBatchEdit"))
        menu.addMenu(self._topics_menu(menu))
        menu.addAction(self.verdict_action)
        menu.addSeparator()
        menu.addAction(self._shared("actionSplitFromStory"))  # ui.controllers.stories turns them on
        menu.addAction(self._shared("actionJoinStories"))
        menu.addSeparator()
        menu.addAction(self.copy_title_action)
        menu.addAction(self.copy_citation_action)
        menu.addAction(self.source_action)
        menu.addSeparator()
        menu.addAction(self._shared("actionDelete"))
        self.menu = menu
        return menu

    def _shared(self, name: str) -> QAction:
        return self.window.findChild(QAction, name)

    def _topics_menu(self, parent: QMenu) -> QMenu:
        menu = QMenu("Add &Topic", parent)
        menu.setObjectName("addTopicMenu")
        for topic in self.offered_topics():
            action = menu.addAction(topic.replace("&", "&&"))
            action.triggered.connect(lambda _=False, topic=topic: self.add_topic(topic))
        if menu.actions():
            menu.addSeparator()
        menu.addAction(self.new_topic_action)
        menu.setEnabled(self._can_change() and bool(self.articles.selected_article_ids()))
        return menu

    def _can_change(self) -> bool:
        return not self.session.catalogue.read_only

    def _update(self) -> None:
        chosen = self.articles.selected_article_ids()
        current = self.articles.current_article_id()
        writable = self._can_change()
        self.open_action.setEnabled(current is not None)
        self.edit_action.setEnabled(writable and current is not None)
        self.new_topic_action.setEnabled(writable and bool(chosen))
        self.verdict_action.setEnabled(writable and bool(claim_ids_of(chosen[:1000])))
        self.copy_title_action.setEnabled(bool(chosen))
        self.copy_citation_action.setEnabled(bool(chosen))
        self.source_action.setEnabled(self._source_folder() is not None)

    # --- what the items do ------------------------------------------------------------

    def edit(self) -> None:
        """The current article's fields in the editor, its title ready to type over."""
        self.detail.tabs.setCurrentWidget(self.detail.editor)
        self.detail.editor.title_edit.setFocus()
        self.detail.editor.title_edit.selectAll()

    def offered_topics(self) -> list[str]:
        """Topics this window filed articles under lately, then the catalogue's most used."""
        recent = self.settings.value(RECENT_KEY) or []
        recent = [recent] if isinstance(recent, str) else list(recent)
        offered = list(dict.fromkeys([*recent, *self.sidebar.topics_by_use(TOPICS_OFFERED)]))
        return offered[:TOPICS_OFFERED]

    def add_topic(self, topic: str) -> None:
        topic = " ".join(topic.split())
        ids = self.articles.selected_article_ids()
        if not topic or not ids:
            return
        recent = [topic, *(t for t in self.offered_topics() if t != topic)]
        self.settings.set_value(RECENT_KEY, recent[:TOPICS_OFFERED])
        add_topic(session=self.session, parent=self.window, article_ids=ids, topic=topic)

    def new_topic(self) -> None:
        name, ok = QInputDialog.getText(
            self.window, "New Topic", "File the selected articles under the topic:"
        )
        if ok and name.strip():
            self.add_topic(name)

    def mark_verdict(self) -> None:
        ids = self.articles.selected_article_ids()
        claims = claim_ids_of(ids)
        if not claims:
            return
        dialog = VerdictDialog(self.window, claims=len(claims), articles=len(ids))
        self.verdict_dialog = dialog  # tests answer it
        if dialog.exec() == QDialog.DialogCode.Accepted:
            mark_verdict(session=self.session, parent=self.window, article_ids=ids, verdict=dialog.verdict())

    def _selected_rows(self):
        model = self.articles.model
        rows = sorted(index.row() for index in self.articles.table.selectionModel().selectedRows())
        return [model.article_row(row) for row in rows]

    def copy_titles(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(row.title for row in self._selected_rows()))

    def copy_citations(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(citation(row) for row in self._selected_rows()))

    def _source_folder(self) -> str | None:
        """The folder of the current article's file, while the file is there."""
        index = self.articles.table.selectionModel().currentIndex()
        row = self.articles.model.article_row(index.row()) if index.isValid() else None
        path = split_source(row.source)[0] if row is not None and row.source else ""
        if not path or not os.path.isfile(path):
            return None
        return os.path.dirname(os.path.abspath(path))

    def show_source_file(self) -> None:
        folder = self._source_folder()
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(folder))
