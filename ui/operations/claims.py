"""Operations on claims and their links: mark, edit, delete, link, unlink, accept a suggested
link; and an article's text saved with its claims' places."""

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from catalog.body_editing import BodyChange
from catalog.changes import body_change, claims_change
from catalog.claim_suggestions import accept
from catalog.claims import (
    EDITABLE,
    PHRASES,
    ClaimConflict,
    ClaimEdit,
    ClaimError,
    RemovedClaims,
    add_claim,
    delete_claims,
    get_claim,
    stored,
    unlink,
)
from catalog.claims import (
    edit_claim as edit_claim_fields,
)
from catalog.claims import (
    link_claims as link_in_catalogue,
)
from catalog.db_errors import DATABASE_ERRORS
from ui.commands import (
    AcceptSuggestionCommand,
    BodyCommand,
    ClaimEditCommand,
    DeleteClaimCommand,
    LinkClaimsCommand,
    MarkClaimCommand,
    UnlinkClaimsCommand,
)
from ui.dialogs.edit_conflict import MINE, EditConflictDialog
from ui.models.claim_models import one_line
from ui.session import CatalogSession


def mark_claim(
    *, session: CatalogSession, parent: QWidget, article_id: int, start: int, end: int
) -> int | None:
    """Make characters ``start`` to ``end`` of the article's text a claim; its id, or None."""
    if session.refuse():
        return None
    try:
        claim_id = add_claim(article_id, start, end)
    except ClaimError as exc:
        QMessageBox.warning(parent, "Mark as Claim", f"Not marked: {exc}.")
        return None
    text = f"Mark claim “{one_line(get_claim(claim_id)['text'], 40)}”"
    session.undo_stack.push(MarkClaimCommand(text, stored([claim_id]), [article_id], session.announce))
    session.announce(claims_change([article_id]))
    return claim_id


def edit_claim(
    *, session: CatalogSession, parent: QWidget, claim_id: int, edit: ClaimEdit, base: dict | None = None
) -> bool:
    """Save a claim edit as an undoable step. With ``base`` (the claim as the editor showed
    it), fields someone else changed meanwhile are offered to keep or take, never overwritten."""
    if session.refuse():
        return False
    try:
        before = edit_claim_fields(claim_id, edit, base=base)
    except DATABASE_ERRORS as exc:
        session.fail(exc, parent)
        session.refuse()
        return False
    except ClaimConflict as exc:
        return _resolve_conflict(session, parent, claim_id, edit, exc)
    except ClaimError as exc:
        QMessageBox.warning(parent, "Claim", f"Not saved: {exc}.")
        return False
    if before is None:
        return True
    after = get_claim(claim_id)
    changed = [name.replace("_", " ") for name in EDITABLE if before[name] != after[name]]
    text = f"Edit claim {', '.join(changed) or 'fields'}"
    session.undo_stack.push(ClaimEditCommand(text, before, after, session.announce))
    session.announce(claims_change([after["article_id"]]))
    return True


def _resolve_conflict(
    session: CatalogSession, parent: QWidget, claim_id: int, edit: ClaimEdit, conflict: ClaimConflict
) -> bool:
    theirs = get_claim(claim_id)
    dialog = EditConflictDialog(theirs["text"], conflict.fields, parent, kind="claim")
    try:
        answer = dialog.exec()
    finally:
        dialog.deleteLater()
    kept = {name for name, choice in dialog.chosen().items() if choice == MINE}
    mine = ClaimEdit(**{name: getattr(edit, name) for name in kept})
    if answer != QDialog.DialogCode.Accepted or mine == ClaimEdit():
        session.announce(claims_change([theirs["article_id"]]))  # shown as it is now
        return answer == QDialog.DialogCode.Accepted
    return edit_claim(session=session, parent=parent, claim_id=claim_id, edit=mine, base=theirs)


def delete_claim(*, session: CatalogSession, parent: QWidget, claim: dict) -> bool:
    """Delete a claim and its links as one undoable step."""
    if session.refuse():
        return False
    removed = delete_claims([claim["id"]])
    text = f"Delete claim “{one_line(claim['text'], 40)}”"
    session.undo_stack.push(DeleteClaimCommand(text, removed, [claim["article_id"]], session.announce))
    session.announce(claims_change([claim["article_id"]]))
    return True


def link_claims(
    *, session: CatalogSession, parent: QWidget, source_id: int, target_id: int, relation: str, note: str = ""
) -> bool:
    if session.refuse():
        return False
    try:
        link_id = link_in_catalogue(source_id, target_id, relation, note)
    except ClaimError as exc:
        QMessageBox.warning(parent, "Link Claim", f"Not linked: {exc}.")
        return False
    articles = [get_claim(source_id)["article_id"], get_claim(target_id)["article_id"]]
    text = f"Link claims: {PHRASES[relation][0]}"
    session.undo_stack.push(LinkClaimsCommand(text, stored(link_ids=[link_id]), articles, session.announce))
    session.announce(claims_change(articles))
    return True


def unlink_claims(*, session: CatalogSession, parent: QWidget, link_id: int) -> bool:
    if session.refuse():
        return False
    try:
        row = unlink(link_id)
    except ClaimError as exc:
        QMessageBox.warning(parent, "Remove Link", f"Not removed: {exc}.")
        return False
    articles = [get_claim(row["source"])["article_id"], get_claim(row["target"])["article_id"]]
    removed = RemovedClaims([], [row])
    session.undo_stack.push(UnlinkClaimsCommand("Remove link", removed, articles, session.announce))
    session.announce(claims_change(articles))
    return True


def accept_suggestion(
    *, session: CatalogSession, parent: QWidget, claim_id: int, suggestion, relation: str
) -> bool:
    """Link the claim to a suggested claim or passage (which becomes a claim)."""
    if session.refuse():
        return False
    try:
        link_id, new_claim = accept(claim_id, suggestion, relation)
    except ClaimError as exc:
        QMessageBox.warning(parent, "Suggested Links", f"Not linked: {exc}.")
        return False
    articles = [get_claim(claim_id)["article_id"], suggestion.article_id]
    added = stored([new_claim] if new_claim is not None else [], [link_id])
    text = f"Link claims: {PHRASES[relation][0]}"
    session.undo_stack.push(AcceptSuggestionCommand(text, added, articles, session.announce))
    session.announce(claims_change(articles))
    return True


def text_saved(
    *, session: CatalogSession, article_id: int, changed: tuple[BodyChange, BodyChange] | None
) -> None:
    """An article's text was saved on the writer (``changed``: its state before and after, or
    None if it was the same): one undoable step."""
    if changed is not None:
        session.undo_stack.push(BodyCommand(*changed, session.announce))
        session.announce(body_change(article_id))
