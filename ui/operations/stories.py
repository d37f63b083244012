"""Split from Story and Join Stories: a person's correction of the copies found, each one
undoable step. The catalogue keeps the choice (catalog.stories), so copies looked for again
never undo it; undo and redo are refused, in words, where someone else split or joined these
stories since (``StoryConflict``)."""

from PySide6.QtWidgets import QMessageBox, QWidget

from catalog.changes import Change, stories_change
from catalog.conflicts import Choices, StepRefused
from catalog.stories import StoryDecision, join_stories, redo_decision, split_article, undo_decision
from ui.commands import Announce, CatalogCommand
from ui.operations import Done, nothing
from ui.session import CatalogSession


class StoryCommand(CatalogCommand):
    """A split or a join as made: undo puts the stories back as they were, redo makes it again."""

    def __init__(self, text: str, decision: StoryDecision, announce: Announce):
        super().__init__(text, sorted(decision.articles), announce)
        self.decision = decision

    def undo_change(self, choices: Choices | None) -> None:
        undo_decision(self.decision)

    def redo_change(self, choices: Choices | None) -> None:
        redo_decision(self.decision)

    def change(self, *, undone: bool) -> Change:
        return stories_change(self.article_ids)


def split_from_story(
    *, session: CatalogSession, parent: QWidget, article_id: int, title: str = "", done: Done = nothing
) -> bool:
    """Take ``article_id`` out of its story (it is not a copy of the others); ``done(decision)``,
    or ``done(None)`` when it was not split."""
    text = f"Split “{_short(title)}” from Story" if title else "Split from Story"
    return _decide(session, parent, lambda: split_article(article_id), text, "Split from Story", done)


def join_two_stories(
    *, session: CatalogSession, parent: QWidget, article_ids: tuple[int, int], done: Done = nothing
) -> bool:
    """Put the stories of two articles (or the articles themselves) into one story."""
    one, other = article_ids
    return _decide(session, parent, lambda: join_stories(one, other), "Join Stories", "Join Stories", done)


def _decide(session: CatalogSession, parent: QWidget, work, text: str, title: str, done: Done) -> bool:
    if session.refuse():
        return False

    def saved(decision: StoryDecision) -> None:
        session.undo_stack.push(StoryCommand(text, decision, session.announce))
        session.announce(stories_change(decision.articles))
        done(decision)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, StepRefused):  # in one story already, in none, or changed meanwhile
            QMessageBox.warning(parent, title, f"Not changed: {exc}.")
        else:
            session.write_failed(exc, parent)
        done(None)

    session.write(work, done=saved, failed=failed)
    return True


def _short(title: str, limit: int = 40) -> str:
    title = " ".join(title.split())
    return title if len(title) <= limit else f"{title[: limit - 1]}…"
