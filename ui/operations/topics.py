"""Add Topic: one topic filed on the chosen articles, as one undoable step."""

from PySide6.QtWidgets import QMessageBox, QWidget

from catalog.changes import states_change
from catalog.editing import BatchEdit, apply_batch_change
from catalog.limits import OverLimit
from ui.commands import StatesCommand
from ui.operations import Done, nothing
from ui.session import CatalogSession


def add_topic(
    *, session: CatalogSession, parent: QWidget, article_ids: list[int], topic: str, done: Done = nothing
) -> bool:
    """File ``article_ids`` under ``topic`` (made if new); ``done(count)``: how many changed
    (an article filed there already is left as it is)."""
    if session.refuse():
        return False

    def saved(plan) -> None:
        if plan.before:
            session.undo_stack.push(
                StatesCommand(f"Add topic “{topic}”", plan.before, plan.after, session.announce)
            )
            session.announce(states_change(plan.before, plan.after))
        done(plan.count)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, (OverLimit, ValueError)):  # a name too long, or none at all
            QMessageBox.warning(parent, "Add Topic", f"Not added: {exc}.")
        else:
            session.write_failed(exc, parent)
        done(None)

    session.write(
        lambda: apply_batch_change(article_ids, BatchEdit(add_topics=[topic])), done=saved, failed=failed
    )
    return True
