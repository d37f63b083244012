"""Undoable commands: each undo and redo calls one catalog function, which checks first.

An operation makes a change first, on the session's writer (so it can show any error in
words), then pushes the command that undoes it once the change comes back to the GUI thread;
the command's first redo() is the change already made, and writes nothing. Undo and redo are
checked like saves: a step puts back only what it changed, and only where nobody changed it
since, else the catalog function raises (``catalog.conflicts``) and nothing is changed.
QUndoStack moves its index even when a command's undo() raises, so the window makes the
step first (``make``, on the writer) and moves the stack only once it is made (see
``ui.undo_steps``).
"""

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from catalog.body_editing import BodyChange, revert_body
from catalog.changes import (
    ARTICLE_FIELDS,
    Change,
    body_change,
    claims_stepped,
    deletion_change,
    names_change,
    states_change,
)
from catalog.claims.store import RemovedClaims, remove_claims, restore_claims, revert_claim
from catalog.claims.verdicts import VerdictChange, revert_verdicts
from catalog.conflicts import Choices
from catalog.editing import ArticleState, DeletedArticles, delete_articles, revert_states, undelete_articles
from catalog.names_admin import NameChange, undo_name_change

#: Called after every undo and redo with what it changed.
Announce = Callable[[Change], None]


class CatalogCommand(QUndoCommand):
    """A change already made; ``make(undo=…)`` undoes or redoes it in the catalogue, raising
    (StepClash, StepRefused …) when it cannot, and the stack's undo()/redo() then only show it."""

    def __init__(self, text: str, article_ids, announce: Announce):
        super().__init__(text)
        self.article_ids = list(article_ids)
        self._announce = announce
        self._made = "redo"  # pushed after the change was made
        self._pushed = False
        #: What the last step left out (articles deleted by someone else), in words.
        self.skipped = ""

    def make(self, *, undo: bool, choices: Choices | None = None) -> None:
        """Undo (or redo) the change in the catalogue; the stack is moved afterwards."""
        if undo:
            self.undo_change(choices)
        else:
            self.redo_change(choices)
        self._made = "undo" if undo else "redo"

    def undo(self) -> None:
        if self._made != "undo":  # the stack moved directly (a script): make it now
            self.make(undo=True)
        self._announce(self.change(undone=True))

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        if self._made != "redo":
            self.make(undo=False)
        self._announce(self.change(undone=False))

    def undo_change(self, choices: Choices | None) -> None:
        raise NotImplementedError

    def redo_change(self, choices: Choices | None) -> None:
        raise NotImplementedError

    def change(self, *, undone: bool) -> Change:
        """What the last step changed, for the panes to show (``undone``: it was an undo)."""
        return Change(edited=frozenset(self.article_ids), fields=frozenset(ARTICLE_FIELDS))


class StatesCommand(CatalogCommand):
    """A change to articles' metadata (an edit, a batch edit, suggested summaries): undo puts
    back the fields it changed, redo sets them again, field by field."""

    def __init__(self, text: str, before: list[ArticleState], after: list[ArticleState], announce: Announce):
        super().__init__(text, [state.id for state in before], announce)
        self.before, self.after = before, after

    def undo_change(self, choices: Choices | None) -> None:
        self._note_skipped(revert_states(self.after, self.before, choices=choices))

    def redo_change(self, choices: Choices | None) -> None:
        self._note_skipped(revert_states(self.before, self.after, choices=choices))

    def change(self, *, undone: bool) -> Change:
        return states_change(self.before, self.after)

    def _note_skipped(self, gone: list[int]) -> None:
        count = len(gone)
        self.skipped = (
            f"{count:,} of its article{'' if count == 1 else 's'} {'was' if count == 1 else 'were'} "
            "deleted by someone else meanwhile"
            if count
            else ""
        )


class DeleteCommand(CatalogCommand):
    """Deleting articles: undo brings back exactly what was deleted, or nothing; redo deletes
    them again unless someone else changed them since."""

    def __init__(self, deleted: DeletedArticles, announce: Announce):
        count = deleted.count
        super().__init__(f"Delete {count} article{'' if count == 1 else 's'}", deleted.ids, announce)
        self.deleted = deleted

    def undo_change(self, choices: Choices | None) -> None:
        undelete_articles(self.deleted)

    def redo_change(self, choices: Choices | None) -> None:
        self.deleted = delete_articles(self.deleted.ids, expect=self.deleted, choices=choices)

    def change(self, *, undone: bool) -> Change:
        return deletion_change(self.deleted.ids, undone=undone)


class NameCommand(CatalogCommand):
    """A merge, rename or delete of names: undo puts names and articles back, redo performs it again."""

    def __init__(self, text: str, change: NameChange, perform: Callable[[], NameChange], announce: Announce):
        super().__init__(text, [state.id for state in change.articles_before], announce)
        self.name_change = change
        self._perform = perform  # e.g. functools.partial(merge_names, kind, names, into)

    def undo_change(self, choices: Choices | None) -> None:
        undo_name_change(self.name_change, choices=choices)

    def redo_change(self, choices: Choices | None) -> None:
        self.name_change = self._perform()
        self.article_ids = [state.id for state in self.name_change.articles_before]

    def change(self, *, undone: bool) -> Change:
        return names_change(self.article_ids)


class ClaimEditCommand(CatalogCommand):
    """An edit of a claim's fields: undo and redo set back the fields it changed."""

    def __init__(self, text: str, before: dict, after: dict, announce: Announce):
        super().__init__(text, [after["article_id"]], announce)
        self.before, self.after = before, after

    def undo_change(self, choices: Choices | None) -> None:
        revert_claim(self.after, self.before, choices=choices)

    def redo_change(self, choices: Choices | None) -> None:
        revert_claim(self.before, self.after, choices=choices)

    def change(self, *, undone: bool) -> Change:
        return claims_stepped(self.article_ids)


class VerdictsCommand(CatalogCommand):
    """One verdict given to the claims of some articles: undo gives each claim back its own."""

    def __init__(self, text: str, changes: list[VerdictChange], announce: Announce):
        super().__init__(text, sorted({after["article_id"] for _, after in changes}), announce)
        self.changes = changes

    def undo_change(self, choices: Choices | None) -> None:
        revert_verdicts(self.changes, undo=True, choices=choices)

    def redo_change(self, choices: Choices | None) -> None:
        revert_verdicts(self.changes, undo=False, choices=choices)

    def change(self, *, undone: bool) -> Change:
        return claims_stepped(self.article_ids)


class ClaimsAddedCommand(CatalogCommand):
    """Claims or links the step added (marked, linked, a suggestion accepted): undo takes them
    out if nobody changed them since, redo puts them back."""

    def __init__(self, text: str, added: RemovedClaims, article_ids, announce: Announce):
        super().__init__(text, article_ids, announce)
        self.rows = added  #: as the catalogue has them after the last step

    def undo_change(self, choices: Choices | None) -> None:
        self.rows = remove_claims(self.rows, choices=choices)

    def redo_change(self, choices: Choices | None) -> None:
        self.rows = restore_claims(self.rows)

    def change(self, *, undone: bool) -> Change:
        return claims_stepped(self.article_ids)


class ClaimsRemovedCommand(ClaimsAddedCommand):
    """Claims or links the step removed (a claim deleted, a link removed): the other way round."""

    def undo_change(self, choices: Choices | None) -> None:
        self.rows = restore_claims(self.rows)

    def redo_change(self, choices: Choices | None) -> None:
        self.rows = remove_claims(self.rows, choices=choices)


class MarkClaimCommand(ClaimsAddedCommand):
    pass


class LinkClaimsCommand(ClaimsAddedCommand):
    pass


class AcceptSuggestionCommand(ClaimsAddedCommand):
    """A suggested link accepted: the link, and the claim a passage became."""


class MarkInCopiesCommand(ClaimsAddedCommand):
    """A claim marked in the copies of its article, each linked to it as ``repeats``."""


class DeleteClaimCommand(ClaimsRemovedCommand):
    pass


class UnlinkClaimsCommand(ClaimsRemovedCommand):
    pass


class BodyCommand(CatalogCommand):
    """An edit of an article's text with its claims' places: undo and redo put the other text
    back if nobody changed the text since."""

    def __init__(self, before: BodyChange, after: BodyChange, announce: Announce):
        super().__init__("Edit article text", [before.article_id], announce)
        self.before, self.after = before, after

    def undo_change(self, choices: Choices | None) -> None:
        revert_body(self.after, self.before, choices=choices)

    def redo_change(self, choices: Choices | None) -> None:
        revert_body(self.before, self.after, choices=choices)

    def change(self, *, undone: bool) -> Change:
        return body_change(self.before.article_id)
