"""Mark Verdict: one verdict for every claim of the chosen articles, as one undoable step."""

from PySide6.QtWidgets import QMessageBox, QWidget

from catalog.changes import claims_change
from catalog.claims.verdicts import mark_verdicts
from catalog.claims.words import ClaimError
from ui.commands import VerdictsCommand
from ui.operations import Done, nothing
from ui.session import CatalogSession


def mark_verdict(
    *, session: CatalogSession, parent: QWidget, article_ids: list[int], verdict: str, done: Done = nothing
) -> bool:
    """Give ``verdict`` to the claims of ``article_ids``; ``done(count)``: how many changed."""
    if session.refuse():
        return False

    def saved(changes) -> None:
        if changes:
            count = len(changes)
            text = f"Mark {count} claim{'' if count == 1 else 's'} “{verdict}”"
            command = VerdictsCommand(text, changes, session.announce)
            session.undo_stack.push(command)
            session.announce(claims_change(command.article_ids))
        done(len(changes))

    def failed(exc: BaseException) -> None:
        if isinstance(exc, ClaimError):
            QMessageBox.warning(parent, "Mark Verdict", f"Not marked: {exc}.")
        else:
            session.write_failed(exc, parent)
        done(None)

    session.write(lambda: mark_verdicts(article_ids, verdict), done=saved, failed=failed)
    return True
