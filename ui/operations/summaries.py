"""Operations on summaries: suggested summaries saved as one undoable step."""

from catalog.changes import states_change
from catalog.summaries import SummaryRun
from ui.commands import StatesCommand
from ui.session import CatalogSession


def summaries_suggested(*, session: CatalogSession, run: SummaryRun) -> None:
    """The writer filled summaries (``run``): one undoable step, if any changed."""
    if run.after:
        # In turn: a step being made on the writer now moves the stack first.
        session.in_turn(lambda: _pushed(session, run))


def _pushed(session: CatalogSession, run: SummaryRun) -> None:
    session.undo_stack.push(StatesCommand("Suggest summaries", run.before, run.after, session.announce))
    session.announce(states_change(run.before, run.after))
