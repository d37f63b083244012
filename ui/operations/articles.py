"""Operations on articles: an edit, a batch edit, a delete.

Each checks on the GUI thread that the catalogue can be written, writes on the session's
writer, and ends on the GUI thread: the step pushed and the change announced, or a conflict,
a refusal or a lost server said in words. They return whether the write was asked for;
``done`` hears how it ended.
"""

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from catalog.articles import get_article
from catalog.changes import deletion_change, shown_again, states_change
from catalog.db_errors import DATABASE_ERRORS
from catalog.editing import (
    EDIT_FIELDS,
    UNSET,
    ArticleEdit,
    BatchEdit,
    NoSuchArticle,
    VersionConflict,
    apply_batch_change,
    current_version,
    edit_article_change,
)
from catalog.editing import (
    delete_articles as delete_from_catalogue,
)
from catalog.limits import OverLimit
from ui.commands import DeleteCommand, StatesCommand
from ui.dialogs.edit_conflict import BOTH, MINE, EditConflictDialog
from ui.operations import Done, nothing
from ui.own_articles import read_own_write
from ui.session import CatalogSession


def edit_article(
    *,
    session: CatalogSession,
    parent: QWidget,
    article_id: int,
    version: int,
    edit: ArticleEdit,
    base: dict | None = None,
    done: Done = nothing,
) -> bool:
    """Save one edit as an undoable step; a conflict or a bad value is explained, not saved.

    With ``base`` (the article as the editor showed it), a change of fields nobody else
    changed is saved; otherwise the user chooses, field by field, whose value to keep.
    ``done(saved)`` once it is saved (True) or not (False).
    """
    if session.conflict_open:
        return False  # the field losing focus to the open conflict dialog: that edit is being resolved
    if session.refuse():
        return False
    # At its turn, after the writes before it: an editor showing the article as it was before
    # this window's own writes still in flight then is brought up to them, so quick edits in
    # a row never clash with each other.
    session.in_turn(lambda: _write_edit(session, parent, article_id, version, edit, base, done))
    return True


def _write_edit(session, parent, article_id, version, edit, base, done) -> None:
    version, base = session.own_articles.rebase(article_id, version, base)

    def write():
        before_version = current_version(article_id)
        states = edit_article_change(article_id, edit, expect_version=version, base=base)
        return states, read_own_write(article_id, before_version) if states[0] else None

    def failed(exc: BaseException) -> None:
        saved = _edit_failed(session, parent, article_id, edit, exc, done)
        if saved is not None:
            done(saved)

    session.write(write, done=lambda result: _edit_saved(session, edit, *result, done), failed=failed)


def _edit_saved(session: CatalogSession, edit: ArticleEdit, states, written, done: Done) -> None:
    before, after = states
    session.own_articles.remember(written)
    if before:
        text = f"Edit {_edited_fields(edit)} of “{before[0].title[:40]}”"
        session.undo_stack.push(StatesCommand(text, before, after, session.announce))
        session.announce(states_change(before, after))
    done(True)


def _edit_failed(
    session: CatalogSession,
    parent: QWidget,
    article_id: int,
    edit: ArticleEdit,
    exc: BaseException,
    done: Done,
) -> bool | None:
    """Said in words; None when a merged edit was asked for instead (its end tells ``done``)."""
    try:
        raise exc
    except DATABASE_ERRORS:
        session.fail(exc, parent)
        session.refuse()
    except VersionConflict as conflict:
        if conflict.fields:
            return _resolve_conflict(session, parent, article_id, edit, conflict, done)
        QMessageBox.warning(parent, "Edit", f"Not saved: {conflict}.\n\nThe article is shown as it is now.")
        session.announce(shown_again(article_id))
    except OverLimit:  # the typing stays in the editor, to be shortened
        QMessageBox.warning(parent, "Edit", f"Not saved: {exc}.")
    except (ValueError, NoSuchArticle):
        QMessageBox.warning(parent, "Edit", f"Not saved: {exc}.")
        session.announce(shown_again(article_id))
    return False


def _resolve_conflict(
    session: CatalogSession,
    parent: QWidget,
    article_id: int,
    edit: ArticleEdit,
    conflict: VersionConflict,
    done: Done,
) -> bool | None:
    theirs = get_article(article_id)
    dialog = EditConflictDialog(theirs["title"], conflict.fields, parent)
    session.conflict_open = True
    try:
        answer = dialog.exec()
    finally:
        session.conflict_open = False
        dialog.deleteLater()
    if answer != QDialog.DialogCode.Accepted:
        session.announce(shown_again(article_id))  # nothing saved; shown as it is now
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
        session.announce(shown_again(article_id))
        return True
    # Asked while this end is handled: written next, before any edit typed since.
    _write_edit(session, parent, article_id, theirs["version"], mine, theirs, done)
    return None


def batch_edit(
    *, session: CatalogSession, parent: QWidget, ids: list[int], batch: BatchEdit, done: Done = nothing
) -> bool:
    """Change many articles at once as one undoable step; ``done(count)``: how many changed."""
    if session.refuse():
        return False

    def saved(plan) -> None:
        if plan.before:
            text = f"Batch edit: {batch.describe()}"
            session.undo_stack.push(StatesCommand(text, plan.before, plan.after, session.announce))
            session.announce(states_change(plan.before, plan.after))
        done(plan.count)

    session.write(lambda: apply_batch_change(ids, batch), done=saved, parent=parent)
    return True


def delete_articles(
    *, session: CatalogSession, parent: QWidget, ids: list[int], done: Done = nothing
) -> bool:
    """Delete articles (with their claims and links) as one undoable step."""
    if session.refuse():
        return False

    def deleted(gone) -> None:
        session.undo_stack.push(DeleteCommand(gone, session.announce))
        session.announce(deletion_change(ids))
        done(True)

    session.write(lambda: delete_from_catalogue(ids), done=deleted, parent=parent)
    return True


def _edited_fields(edit: ArticleEdit) -> str:
    names = [name for name, value in vars(edit).items() if value not in (UNSET, (), [])]
    return ", ".join(name.replace("_", " ") for name in names) or "nothing"
