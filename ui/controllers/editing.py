"""Edit ▸ Batch Edit, Delete Articles, Manage Names and Save Search, the article editor's and
the table's edits, and the sidebar's saved searches, for one window: each change an undoable
step (``ui.operations``)."""

import html
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QMainWindow, QMessageBox

from catalog.articles import get_article
from catalog.dates import DateError, parse_date
from catalog.editing import (
    ArticleEdit,
    current_version,
    deletion_impact,
)
from catalog.search.saved import (
    SavedSearchProblem,
    delete_search,
    rename_search,
    save_search,
    saved_searches,
)
from ui.controllers.actions import window_action
from ui.dialogs.batch_edit import BatchEditDialog
from ui.dialogs.names_manager import NamesManagerDialog
from ui.models.article_table_model import COL_DATE, COL_OUTLET, COL_TITLE
from ui.models.claim_models import one_line
from ui.operations import articles, names, nothing
from ui.panes.article_list import ArticleListPane
from ui.session import CatalogSession
from ui.widgets.article_editor import ArticleEditor, day_first_locale
from ui.widgets.sidebar import Sidebar


class EditingController(QObject):
    """Makes Batch Edit, Delete Articles, Manage Names and Save Search (``ui.actions`` puts
    them in the Edit menu), and saves what ``editor`` and the table of ``articles`` edit.
    ``say`` is a line in the status bar (text, milliseconds)."""

    def __init__(
        self,
        window: QMainWindow,
        session: CatalogSession,
        *,
        articles: ArticleListPane,
        sidebar: Sidebar,
        editor: ArticleEditor,
        say: Callable[[str, int], None],
    ):
        super().__init__(window)
        self.window = window
        self.session = session
        self.articles = articles
        self.sidebar = sidebar
        self.say = say
        self.action_batch_edit = window_action(window, "actionBatchEdit", self.batch_edit)
        self.action_delete = window_action(window, "actionDelete", self.delete_selected)
        articles.table.addAction(self.action_delete)  # its keys work in the table only
        self.action_manage_names = window_action(window, "actionManageNames", self.manage_names)
        self.action_save_search = window_action(window, "actionSaveSearch", self.save_search)
        # The article as the editor showed it: edits of fields nobody else changed never conflict.
        editor.edit_requested.connect(lambda i, v, e: self.edit_article(i, v, e, base=editor.article))
        articles.model.edit_handler = self._table_edit
        sidebar.saved_search_chosen.connect(self.apply_saved_search)
        sidebar.rename_saved_requested.connect(self.rename_saved_search)
        sidebar.delete_saved_requested.connect(self.delete_saved_search)

    def edit_article(
        self, article_id: int, version: int, edit: ArticleEdit, base: dict | None = None
    ) -> bool:
        return articles.edit_article(
            session=self.session,
            parent=self.window,
            article_id=article_id,
            version=version,
            edit=edit,
            base=base,
        )

    def _table_edit(self, article_id: int, column: int, value: str) -> bool:
        version = current_version(article_id)
        if column == COL_TITLE:
            edit = ArticleEdit(title=value)
        elif column == COL_OUTLET:
            edit = ArticleEdit(outlet=value.strip() or None)
        elif column == COL_DATE:
            try:
                edit = ArticleEdit(date=parse_date(value, day_first=day_first_locale()))
            except DateError as exc:
                QMessageBox.warning(self.window, "Edit", f"Not saved: {exc}.")
                return False
        else:
            return False
        # Save once the table's editor has closed: saving reloads the table under it.
        QTimer.singleShot(0, lambda: self.edit_article(article_id, version, edit))
        return True

    def batch_edit(self) -> None:
        ids = self.articles.selected_article_ids()
        if not ids or self.session.refuse():
            return
        dialog = BatchEditDialog(ids, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        articles.batch_edit(
            session=self.session,
            parent=self.window,
            ids=ids,
            batch=dialog.batch(),
            done=lambda count: self.say(f"{count:,} article{'' if count == 1 else 's'} changed", 5000),
        )

    def delete_selected(self) -> None:
        ids = self.articles.selected_article_ids()
        if not ids or self.session.refuse():
            return
        answer = QMessageBox.question(self.window, "Delete Articles", deletion_question(ids))
        if answer == QMessageBox.StandardButton.Yes:
            articles.delete_articles(session=self.session, parent=self.window, ids=ids)

    # --- names ------------------------------------------------------------------------

    def manage_names(self) -> None:
        NamesManagerDialog(self, self.window).exec()

    def merge_names(self, kind: str, names_: list[str], into: str, done=nothing) -> bool:
        return names.merge_names(
            session=self.session, parent=self.window, kind=kind, names=names_, into=into, done=done
        )

    def rename_names(self, kind: str, name: str, new_name: str, done=nothing) -> bool:
        return names.rename_names(
            session=self.session, parent=self.window, kind=kind, name=name, new_name=new_name, done=done
        )

    def delete_unused_names(self, kind: str, names_: list[str], done=nothing) -> bool:
        return names.delete_unused_names(
            session=self.session, parent=self.window, kind=kind, names=names_, done=done
        )

    # --- saved searches -----------------------------------------------------------

    def save_search(self) -> bool:
        """Keep the current search and sidebar filters under a name, in the sidebar."""
        search_box = self.articles.search_box
        filters = replace(self.sidebar.filters(), query=search_box.text())
        if not filters:
            self.window.statusBar().showMessage("Type a search or choose filters in the sidebar first.", 5000)
            return False
        name, ok = QInputDialog.getText(self.window, "Save Search", "Name:", text=search_box.text()[:60])
        if not ok:
            return False
        try:
            save_search(name, filters)
        except SavedSearchProblem as exc:
            QMessageBox.warning(self.window, "Save Search", f"Not saved: {exc}.")
            return False
        self.sidebar.reload()
        return True

    def apply_saved_search(self, search_id: int) -> None:
        saved = next((s for s in saved_searches() if s.id == search_id), None)
        if saved is None:
            return
        search_box = self.articles.search_box
        search_box.blockSignals(True)
        search_box.setText(saved.filters.query)
        search_box.blockSignals(False)
        self.sidebar.select_filters(saved.filters)
        self.articles.filter()

    def rename_saved_search(self, search_id: int) -> None:
        current = next((s.name for s in saved_searches() if s.id == search_id), "")
        name, ok = QInputDialog.getText(self.window, "Rename Saved Search", "Name:", text=current)
        if ok:
            try:
                rename_search(search_id, name)
            except SavedSearchProblem as exc:
                QMessageBox.warning(self.window, "Rename Saved Search", f"Not renamed: {exc}.")
            self.sidebar.reload()

    def delete_saved_search(self, search_id: int) -> None:
        delete_search(search_id)
        self.sidebar.reload()


#: Titles named in the question before "and N more".
TITLES_NAMED = 3


def deletion_question(article_ids: list[int]) -> str:
    """ "Delete “Title”?", or the count and the first titles: a person sees what goes."""
    titles = [_title(article_id) for article_id in article_ids[:TITLES_NAMED]]
    if len(article_ids) == 1:
        head = f"Delete {titles[0]}?"
    else:
        more = len(article_ids) - len(titles)
        head = f"Delete {len(article_ids):,} articles?\n\n" + "\n".join(titles)
        head += f"\nand {more:,} more." if more else ""
    return _literal(f"{head}\n\n{_what_goes_with(article_ids)}Edit ▸ Undo brings it all back.")


def _literal(text: str) -> str:
    """``text`` as a message box shows it literally: a title like "<b>Budget</b>" on the first
    line would make the box read the whole text as markup, so such a text goes as escaped HTML."""
    if not Qt.mightBeRichText(text):
        return text
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


def _title(article_id: int) -> str:
    article = get_article(article_id)
    title = (article or {}).get("title", "").strip()
    return f"“{one_line(title, 80)}”" if title else "(untitled)"


def _what_goes_with(article_ids: list[int]) -> str:
    """The claims and links that go with these articles, in words: nothing disappears unannounced."""
    claims, outside = deletion_impact(article_ids)
    if not claims:
        return ""
    text = f"Their {claims:,} claim{'' if claims == 1 else 's'} go too"
    if outside:
        text += (
            f", and {outside:,} link{'' if outside == 1 else 's'} to claims in other articles"
            " (those claims stay, without the link)"
        )
    return text + ".\n\n"
