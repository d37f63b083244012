"""Operations on claims and their links: mark, edit, delete, link, unlink, accept a suggested
link; and an article's text saved with its claims' places."""

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from catalog.body_editing import BodyChange
from catalog.changes import body_change, claims_change
from catalog.claims.store import (
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
from catalog.claims.store import (
    edit_claim as edit_claim_fields,
)
from catalog.claims.store import (
    link_claims as link_in_catalogue,
)
from catalog.claims.suggestions import accept
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
from ui.operations import Done, nothing
from ui.session import CatalogSession


def _write(
    session: CatalogSession,
    parent: QWidget,
    work: Callable[[], object],
    saved,
    refused: tuple[str, str],
    done: Done,
) -> bool:
    """Ask for ``work`` on the writer; ``saved(result)`` pushes and announces on the GUI thread
    and gives what ``done`` hears; a ClaimError is said under ``refused`` (title, verb)."""
    if session.refuse():
        return False

    def failed(exc: BaseException) -> None:
        if isinstance(exc, ClaimError):
            QMessageBox.warning(parent, refused[0], f"{refused[1]}: {exc}.")
        else:
            session.write_failed(exc, parent)
        done(None)

    session.write(work, done=lambda result: done(saved(result)), failed=failed)
    return True


def mark_claim(
    *, session: CatalogSession, parent: QWidget, article_id: int, start: int, end: int, done: Done = nothing
) -> bool:
    """Make characters ``start`` to ``end`` of the article's text a claim; ``done(claim_id)``,
    or ``done(None)`` when it was not marked."""

    def mark():
        claim_id = add_claim(article_id, start, end)
        return claim_id, get_claim(claim_id)["text"], stored([claim_id])

    def marked(result) -> int:
        claim_id, words, added = result
        text = f"Mark claim “{one_line(words, 40)}”"
        session.undo_stack.push(MarkClaimCommand(text, added, [article_id], session.announce))
        session.announce(claims_change([article_id]))
        return claim_id

    return _write(session, parent, mark, marked, ("Mark as Claim", "Not marked"), done)


def edit_claim(
    *,
    session: CatalogSession,
    parent: QWidget,
    claim_id: int,
    edit: ClaimEdit,
    base: dict | None = None,
    done: Done = nothing,
) -> bool:
    """Save a claim edit as an undoable step. With ``base`` (the claim as the editor showed
    it), fields someone else changed meanwhile are offered to keep or take, never overwritten.
    ``done(saved)`` once it ends."""
    if session.refuse():
        return False

    def write():
        before = edit_claim_fields(claim_id, edit, base=base)
        return before, get_claim(claim_id) if before is not None else None

    def saved(result) -> None:
        before, after = result
        if before is not None:
            changed = [name.replace("_", " ") for name in EDITABLE if before[name] != after[name]]
            text = f"Edit claim {', '.join(changed) or 'fields'}"
            session.undo_stack.push(ClaimEditCommand(text, before, after, session.announce))
            session.announce(claims_change([after["article_id"]]))
        done(True)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, ClaimConflict):
            _resolve_conflict(session, parent, claim_id, edit, exc, done)
            return
        if isinstance(exc, ClaimError):
            QMessageBox.warning(parent, "Claim", f"Not saved: {exc}.")
        else:
            session.write_failed(exc, parent)
        done(False)

    session.write(write, done=saved, failed=failed)
    return True


def _resolve_conflict(
    session: CatalogSession,
    parent: QWidget,
    claim_id: int,
    edit: ClaimEdit,
    conflict: ClaimConflict,
    done: Done,
) -> None:
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
        done(answer == QDialog.DialogCode.Accepted)
        return
    # Asked while this end is handled: written next, before anything asked since.
    edit_claim(session=session, parent=parent, claim_id=claim_id, edit=mine, base=theirs, done=done)


def delete_claim(*, session: CatalogSession, parent: QWidget, claim: dict, done: Done = nothing) -> bool:
    """Delete a claim and its links as one undoable step."""

    def deleted(removed) -> bool:
        text = f"Delete claim “{one_line(claim['text'], 40)}”"
        session.undo_stack.push(DeleteClaimCommand(text, removed, [claim["article_id"]], session.announce))
        session.announce(claims_change([claim["article_id"]]))
        return True

    return _write(
        session, parent, lambda: delete_claims([claim["id"]]), deleted, ("Delete Claim", "Not deleted"), done
    )


def _articles_of(*claim_ids: int) -> list[int]:
    return [get_claim(claim_id)["article_id"] for claim_id in claim_ids]


def link_claims(
    *,
    session: CatalogSession,
    parent: QWidget,
    source_id: int,
    target_id: int,
    relation: str,
    note: str = "",
    done: Done = nothing,
) -> bool:
    def link():
        link_id = link_in_catalogue(source_id, target_id, relation, note)
        return stored(link_ids=[link_id]), _articles_of(source_id, target_id)

    def linked(result) -> bool:
        added, articles = result
        text = f"Link claims: {PHRASES[relation][0]}"
        session.undo_stack.push(LinkClaimsCommand(text, added, articles, session.announce))
        session.announce(claims_change(articles))
        return True

    return _write(session, parent, link, linked, ("Link Claim", "Not linked"), done)


def unlink_claims(*, session: CatalogSession, parent: QWidget, link_id: int, done: Done = nothing) -> bool:
    def remove():
        row = unlink(link_id)
        return row, _articles_of(row["source"], row["target"])

    def removed(result) -> bool:
        row, articles = result
        session.undo_stack.push(
            UnlinkClaimsCommand("Remove link", RemovedClaims([], [row]), articles, session.announce)
        )
        session.announce(claims_change(articles))
        return True

    return _write(session, parent, remove, removed, ("Remove Link", "Not removed"), done)


def accept_suggestion(
    *,
    session: CatalogSession,
    parent: QWidget,
    claim_id: int,
    suggestion,
    relation: str,
    done: Done = nothing,
) -> bool:
    """Link the claim to a suggested claim or passage (which becomes a claim); ``done(True)``
    once linked, ``done(None)`` when not."""

    def link():
        link_id, new_claim = accept(claim_id, suggestion, relation)
        added = stored([new_claim] if new_claim is not None else [], [link_id])
        return added, [*_articles_of(claim_id), suggestion.article_id]

    def linked(result) -> bool:
        added, articles = result
        text = f"Link claims: {PHRASES[relation][0]}"
        session.undo_stack.push(AcceptSuggestionCommand(text, added, articles, session.announce))
        session.announce(claims_change(articles))
        return True

    return _write(session, parent, link, linked, ("Suggested Links", "Not linked"), done)


def text_saved(
    *, session: CatalogSession, article_id: int, changed: tuple[BodyChange, BodyChange] | None
) -> None:
    """An article's text was saved on the writer (``changed``: its state before and after, or
    None if it was the same): one undoable step."""
    if changed is not None:
        # In turn: a step being made on the writer now moves the stack first.
        session.in_turn(lambda: _text_pushed(session, article_id, changed))


def _text_pushed(session: CatalogSession, article_id: int, changed: tuple[BodyChange, BodyChange]) -> None:
    session.undo_stack.push(BodyCommand(*changed, session.announce))
    session.announce(body_change(article_id))
