"""The window's editing: single and batch edits, table edits, deletes, names and saved searches,
each made an undoable step."""

from dataclasses import replace
from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from catalog.articles import get_article
from catalog.changes import Change, deletion_change, names_change, relists, shown_again, states_change
from catalog.dates import DateError, parse_date
from catalog.db_errors import DATABASE_ERRORS
from catalog.editing import (
    EDIT_FIELDS,
    UNSET,
    ArticleEdit,
    NoSuchArticle,
    VersionConflict,
    apply_batch_change,
    current_version,
    delete_articles,
    deletion_impact,
    edit_article_change,
)
from catalog.limits import OverLimit
from catalog.names_admin import NameProblem, delete_unused, merge_names, name_counts, rename_name
from catalog.saved_searches import (
    SavedSearchProblem,
    delete_search,
    rename_search,
    save_search,
    saved_searches,
)
from catalog.watching import CONNECTION_ERRORS
from ui.commands import DeleteCommand, NameCommand, StatesCommand
from ui.dialogs.batch_edit import BatchEditDialog
from ui.dialogs.edit_conflict import BOTH, MINE, EditConflictDialog
from ui.dialogs.names_manager import NamesManagerDialog
from ui.models.article_table_model import COL_DATE, COL_OUTLET, COL_TITLE
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
        if change.everything:
            return  # the reload showed the current article as it is now, keeping any typing
        current = self.current_article_id()
        if current is None or change.touches(current):
            article = get_article(current) if current is not None else None
            self.reading_pane.show_article(article)
            self.editor.show_article(article)
            self.show_article_claims(current, keep=self.claims_panel.current_claim_id())

    def edit_article(
        self, article_id: int, version: int, edit: ArticleEdit, base: dict | None = None
    ) -> bool:
        """Save one edit as an undoable step; a conflict or a bad value is explained, not saved.

        With ``base`` (the article as the editor showed it), a change of fields nobody else
        changed is saved; otherwise the user chooses, field by field, whose value to keep.
        """
        if self.refuse_while_offline():
            return False
        try:
            before, after = edit_article_change(article_id, edit, expect_version=version, base=base)
        except DATABASE_ERRORS as exc:
            self.lost_connection(exc)
            self.refuse_while_offline()
            return False
        except VersionConflict as exc:
            if not exc.fields:
                QMessageBox.warning(self, "Edit", f"Not saved: {exc}.\n\nThe article is shown as it is now.")
                self.announce(shown_again(article_id))
                return False
            return self._resolve_conflict(article_id, edit, exc)
        except OverLimit as exc:  # the typing stays in the editor, to be shortened
            QMessageBox.warning(self, "Edit", f"Not saved: {exc}.")
            return False
        except (ValueError, NoSuchArticle) as exc:
            QMessageBox.warning(self, "Edit", f"Not saved: {exc}.")
            self.announce(shown_again(article_id))
            return False
        if before:
            text = f"Edit {_edited_fields(edit)} of “{before[0].title[:40]}”"
            self.session.undo_stack.push(StatesCommand(text, before, after, self.announce))
            self.announce(states_change(before, after))
        return True

    def _resolve_conflict(self, article_id: int, edit: ArticleEdit, conflict: VersionConflict) -> bool:
        if getattr(self, "conflict_dialog", None) is not None:
            return False  # the field losing focus to the open dialog: that edit is being resolved
        theirs = get_article(article_id)
        dialog = EditConflictDialog(theirs["title"], conflict.fields, self)
        self.conflict_dialog = dialog
        try:
            answer = dialog.exec()
        finally:
            self.conflict_dialog = None
            dialog.deleteLater()
        if answer != QDialog.DialogCode.Accepted:
            self.announce(shown_again(article_id))  # nothing saved; shown as it is now
            return False
        chosen = dialog.chosen()
        mine = ArticleEdit(
            **{
                name: dialog.merged(key) if chosen[key] == BOTH else getattr(edit, name)
                for name, key in EDIT_FIELDS.items()
                if chosen.get(key) in (MINE, BOTH) and getattr(edit, name) not in (UNSET, ())
            }
        )
        if mine == ArticleEdit():
            self.announce(shown_again(article_id))
            return True
        return self.edit_article(article_id, theirs["version"], mine, base=theirs)

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
        plan = apply_batch_change(ids, dialog.batch())
        if plan.before:
            text = f"Batch edit: {dialog.batch().describe()}"
            self.session.undo_stack.push(StatesCommand(text, plan.before, plan.after, self.announce))
            self.announce(states_change(plan.before, plan.after))
        self.statusBar().showMessage(f"{plan.count:,} article{'' if plan.count == 1 else 's'} changed", 5000)

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
        if answer != QMessageBox.StandardButton.Yes:
            return
        deleted = delete_articles(ids)
        self.session.undo_stack.push(DeleteCommand(deleted, self.announce))
        self.announce(deletion_change(ids))

    def merge_names(self, kind: str, names: list[str], into: str) -> bool:
        return self._name_change(f"Merge {kind}s into {into}", partial(merge_names, kind, list(names), into))

    def rename_names(self, kind: str, name: str, new_name: str) -> bool:
        return self._name_change(
            f"Rename {kind} {name} to {new_name}", partial(rename_name, kind, name, new_name)
        )

    def delete_unused_names(self, kind: str, names: list[str]) -> bool:
        text = f"Delete {len(names)} unused {kind}{'' if len(names) == 1 else 's'}"
        return self._name_change(text, partial(delete_unused, kind, list(names)))

    def _name_change(self, text: str, perform) -> bool:
        try:
            change = perform()
        except NameProblem as exc:
            QMessageBox.warning(self, "Names", f"Not changed: {exc}.")
            return False
        self.session.undo_stack.push(NameCommand(text, change, perform, self.announce))
        self.announce(names_change([state.id for state in change.articles_before]))
        return True

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
        self.editor.set_names(
            *([c.name for c in name_counts(kind)] for kind in ("outlet", "author", "topic"))
        )


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


def _edited_fields(edit: ArticleEdit) -> str:
    names = [name for name, value in vars(edit).items() if value not in (UNSET, (), [])]
    return ", ".join(name.replace("_", " ") for name in names) or "nothing"
