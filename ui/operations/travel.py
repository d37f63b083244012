"""Claims across copies: mark a claim in every copy of its article that lacks it, as one
undoable step (catalog.claims.travel)."""

from PySide6.QtWidgets import QMessageBox, QWidget

from catalog.changes import claims_change
from catalog.claims.store import get_claim, stored
from catalog.claims.travel import mark
from catalog.claims.words import ClaimError
from ui.commands import MarkInCopiesCommand
from ui.operations import Done, nothing
from ui.session import CatalogSession


def step_name(count: int) -> str:
    """The undo step's name: "Mark Claim in 3 Copies"."""
    return f"Mark Claim in {count} Cop{'y' if count == 1 else 'ies'}"


def mark_in_copies(
    *,
    session: CatalogSession,
    parent: QWidget,
    claim_id: int,
    article_ids: list[int] | None = None,
    done: Done = nothing,
) -> bool:
    """Mark the claim in each copy that lacks it (or in ``article_ids`` of them), each linked
    to it as ``repeats``; ``done(count)`` with how many copies got it (0: every copy had it
    already), or ``done(None)`` when nothing could be marked."""

    def write():
        made = mark(claim_id, article_ids)
        articles = [get_claim(claim_id)["article_id"], *made.articles]
        return len(made.claims), stored(made.claims, made.links), articles

    def marked(result) -> int:
        count, added, articles = result
        if count:
            session.undo_stack.push(MarkInCopiesCommand(step_name(count), added, articles, session.announce))
            session.announce(claims_change(articles))
        return count

    def failed(exc: BaseException) -> None:
        if isinstance(exc, ClaimError):  # the claim was deleted meanwhile, its text too long …
            QMessageBox.warning(parent, "Mark in All Copies", f"Not marked: {exc}.")
        else:
            session.write_failed(exc, parent)
        done(None)

    if session.refuse():
        return False
    session.write(write, done=lambda result: done(marked(result)), failed=failed)
    return True
