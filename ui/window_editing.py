"""The window's editing: single and batch edits, table edits, deletes, names and saved searches,
each made an undoable step."""

from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from catalog.articles import get_article
from catalog.changes import Change, relists
from catalog.dates import DateError, parse_date
from catalog.editing import (
    ArticleEdit,
    current_version,
    deletion_impact,
)
from catalog.names_admin import names as name_list
from catalog.saved_searches import (
    SavedSearchProblem,
    delete_search,
    rename_search,
    save_search,
    saved_searches,
)
from catalog.watching import CONNECTION_ERRORS
from ui.dialogs.batch_edit import BatchEditDialog
from ui.dialogs.names_manager import NamesManagerDialog
from ui.models.article_table_model import COL_DATE, COL_OUTLET, COL_TITLE
from ui.operations import articles, names
from ui.widgets.article_editor import day_first_locale


class EditingMixin:
    """Part of MainWindow: every change goes through here and onto the window's undo stack."""

    def announce(self, change: Change) -> None:
        """Something changed (an edit, undo or redo here, or another desk's save): each part
        of the window shows what the change touches, and only that. An edited title is one
        row read again; the listing is read again only when the change can move or filter
        its rows, the sidebar's counts only when it can move them, the name lists only when
        names may have come or gone."""
        try:
            self._show_change(change)
        except CONNECTION_ERRORS as exc:  # the catalogue stopped answering while reading
            self.lost_connection(exc)

    def _show_change(self, change: Change) -> None:
        model = self.table_model
        if change.everything or relists(change, model.filters, model.sort_name):
            self.refresh()
        else:
            model.show_again(change.edited)
        if change.counts:
            self.sidebar.reload()
        if change.name_lists:
            self._refresh_name_lists()
        browser = self.claims_browser
        if (change.claims or change.everything) and browser is not None and browser.isVisible():
            browser.refresh()
        if change.everything:
            return  # the reload showed the current article as it is now, keeping any typing
        current = self.current_article_id()
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

    def edit_article(
        self, article_id: int, version: int, edit: ArticleEdit, base: dict | None = None
    ) -> bool:
        return articles.edit_article(
            session=self.session, parent=self, article_id=article_id, version=version, edit=edit, base=base
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
                QMessageBox.warning(self, "Edit", f"Not saved: {exc}.")
                return False
        else:
            return False
        # Save once the table's editor has closed: saving reloads the table under it.
        QTimer.singleShot(0, lambda: self.edit_article(article_id, version, edit))
        return True

    def batch_edit(self) -> None:
        ids = self.selected_article_ids()
        if not ids or self.refuse_while_offline():
            return
        dialog = BatchEditDialog(ids, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        articles.batch_edit(
            session=self.session,
            parent=self,
            ids=ids,
            batch=dialog.batch(),
            done=lambda count: self.say(f"{count:,} article{'' if count == 1 else 's'} changed", 5000),
        )

    def delete_selected(self) -> None:
        ids = self.selected_article_ids()
        if not ids or self.refuse_while_offline():
            return
        answer = QMessageBox.question(
            self,
            "Delete Articles",
            f"Delete {len(ids):,} article{'' if len(ids) == 1 else 's'}?\n\n{_what_goes_with(ids)}"
            "Edit ▸ Undo brings it all back.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            articles.delete_articles(session=self.session, parent=self, ids=ids)

    def merge_names(self, kind: str, names_: list[str], into: str, done=names.nothing) -> bool:
        return names.merge_names(
            session=self.session, parent=self, kind=kind, names=names_, into=into, done=done
        )

    def rename_names(self, kind: str, name: str, new_name: str, done=names.nothing) -> bool:
        return names.rename_names(
            session=self.session, parent=self, kind=kind, name=name, new_name=new_name, done=done
        )

    def delete_unused_names(self, kind: str, names_: list[str], done=names.nothing) -> bool:
        return names.delete_unused_names(
            session=self.session, parent=self, kind=kind, names=names_, done=done
        )

    # --- saved searches -----------------------------------------------------------

    def save_search(self) -> bool:
        """Keep the current search and sidebar filters under a name, in the sidebar."""
        filters = replace(self.sidebar.filters(), query=self.search_box.text())
        if not filters:
            self.statusBar().showMessage("Type a search or choose filters in the sidebar first.", 5000)
            return False
        name, ok = QInputDialog.getText(self, "Save Search", "Name:", text=self.search_box.text()[:60])
        if not ok:
            return False
        try:
            save_search(name, filters)
        except SavedSearchProblem as exc:
            QMessageBox.warning(self, "Save Search", f"Not saved: {exc}.")
            return False
        self.sidebar.reload()
        return True

    def apply_saved_search(self, search_id: int) -> None:
        saved = next((s for s in saved_searches() if s.id == search_id), None)
        if saved is None:
            return
        self.search_box.blockSignals(True)
        self.search_box.setText(saved.filters.query)
        self.search_box.blockSignals(False)
        self.sidebar.select_filters(saved.filters)
        self._filter()

    def rename_saved_search(self, search_id: int) -> None:
        current = next((s.name for s in saved_searches() if s.id == search_id), "")
        name, ok = QInputDialog.getText(self, "Rename Saved Search", "Name:", text=current)
        if ok:
            try:
                rename_search(search_id, name)
            except SavedSearchProblem as exc:
                QMessageBox.warning(self, "Rename Saved Search", f"Not renamed: {exc}.")
            self.sidebar.reload()

    def delete_saved_search(self, search_id: int) -> None:
        delete_search(search_id)
        self.sidebar.reload()

    def manage_names(self) -> None:
        NamesManagerDialog(self).exec()

    def _refresh_names(self) -> None:
        self.sidebar.reload()
        self._refresh_name_lists()

    def _refresh_name_lists(self) -> None:
        self.editor.set_names(*(name_list(kind) for kind in ("outlet", "author", "topic")))


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
