"""Operations on articles: an edit, a batch edit, a delete."""

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
    edit_article_change,
)
from catalog.editing import (
    delete_articles as delete_from_catalogue,
)
from catalog.limits import OverLimit
from ui.commands import DeleteCommand, StatesCommand
from ui.dialogs.edit_conflict import BOTH, MINE, EditConflictDialog
from ui.session import CatalogSession


def edit_article(
    *,
    session: CatalogSession,
    parent: QWidget,
    article_id: int,
    version: int,
    edit: ArticleEdit,
    base: dict | None = None,
) -> bool:
    """Save one edit as an undoable step; a conflict or a bad value is explained, not saved.

    With ``base`` (the article as the editor showed it), a change of fields nobody else
    changed is saved; otherwise the user chooses, field by field, whose value to keep.
    """
    if session.refuse():
        return False
    try:
        before, after = edit_article_change(article_id, edit, expect_version=version, base=base)
    except DATABASE_ERRORS as exc:
        session.fail(exc, parent)
        session.refuse()
        return False
    except VersionConflict as exc:
        if not exc.fields:
            QMessageBox.warning(parent, "Edit", f"Not saved: {exc}.\n\nThe article is shown as it is now.")
            session.announce(shown_again(article_id))
            return False
        return _resolve_conflict(session, parent, article_id, edit, exc)
    except OverLimit as exc:  # the typing stays in the editor, to be shortened
        QMessageBox.warning(parent, "Edit", f"Not saved: {exc}.")
        return False
    except (ValueError, NoSuchArticle) as exc:
        QMessageBox.warning(parent, "Edit", f"Not saved: {exc}.")
        session.announce(shown_again(article_id))
        return False
    if before:
        text = f"Edit {_edited_fields(edit)} of “{before[0].title[:40]}”"
        session.undo_stack.push(StatesCommand(text, before, after, session.announce))
        session.announce(states_change(before, after))
    return True


def _resolve_conflict(
    session: CatalogSession, parent: QWidget, article_id: int, edit: ArticleEdit, conflict: VersionConflict
) -> bool:
    if session.conflict_open:
        return False  # the field losing focus to the open dialog: that edit is being resolved
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
    return edit_article(
        session=session,
        parent=parent,
        article_id=article_id,
        version=theirs["version"],
        edit=mine,
        base=theirs,
    )


def batch_edit(*, session: CatalogSession, parent: QWidget, ids: list[int], batch: BatchEdit) -> int:
    """Change many articles at once as one undoable step; how many changed."""
    if session.refuse():
        return 0
    plan = apply_batch_change(ids, batch)
    if plan.before:
        text = f"Batch edit: {batch.describe()}"
        session.undo_stack.push(StatesCommand(text, plan.before, plan.after, session.announce))
        session.announce(states_change(plan.before, plan.after))
    return plan.count


def delete_articles(*, session: CatalogSession, parent: QWidget, ids: list[int]) -> bool:
    """Delete articles (with their claims and links) as one undoable step."""
    if session.refuse():
        return False
    deleted = delete_from_catalogue(ids)
    session.undo_stack.push(DeleteCommand(deleted, session.announce))
    session.announce(deletion_change(ids))
    return True


def _edited_fields(edit: ArticleEdit) -> str:
    names = [name for name, value in vars(edit).items() if value not in (UNSET, (), [])]
    return ", ".join(name.replace("_", " ") for name in names) or "nothing"
