"""Undoable commands: each undo() and redo() calls one catalog function and announces the change.

The window performs a change first (so it can show any error in words), then pushes the
command that undoes it; that command's first redo() is the change already done.
"""

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from catalog.editing import ArticleState, DeletedArticles, delete_articles, restore, undelete_articles
from catalog.names_admin import NameChange, undo_name_change

#: Called after every undo and redo with the ids of the articles that changed.
Announce = Callable[[list[int]], None]


class _DoneCommand(QUndoCommand):
    def __init__(self, text: str, announce: Announce):
        super().__init__(text)
        self._announce = announce
        self._done = True  # pushed after the change was made

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.do_again()

    def do_again(self) -> None:
        raise NotImplementedError


class StatesCommand(_DoneCommand):
    """A change to articles' metadata: undo writes the states before it, redo the states after."""

    def __init__(self, text: str, before: list[ArticleState], after: list[ArticleState], announce: Announce):
        super().__init__(text, announce)
        self.before, self.after = before, after
        self.ids = [state.id for state in before]

    def do_again(self) -> None:
        restore(self.after)
        self._announce(self.ids)

    def undo(self) -> None:
        restore(self.before)
        self._announce(self.ids)


class DeleteCommand(_DoneCommand):
    def __init__(self, deleted: DeletedArticles, announce: Announce):
        count = deleted.count
        super().__init__(f"Delete {count} article{'' if count == 1 else 's'}", announce)
        self.deleted = deleted
        self.ids = [row["id"] for row in deleted.articles]

    def do_again(self) -> None:
        self.deleted = delete_articles(self.ids)
        self._announce(self.ids)

    def undo(self) -> None:
        undelete_articles(self.deleted)
        self._announce(self.ids)


class NameCommand(_DoneCommand):
    """A merge or rename of names: undo puts names and articles back, redo performs it again."""

    def __init__(self, text: str, change: NameChange, perform: Callable[[], NameChange], announce: Announce):
        super().__init__(text, announce)
        self.change = change
        self._perform = perform

    def do_again(self) -> None:
        self.change = self._perform()
        self._announce([state.id for state in self.change.articles_before])

    def undo(self) -> None:
        undo_name_change(self.change)
        self._announce([state.id for state in self.change.articles_before])


class ChangeCommand(_DoneCommand):
    """A change (to claims, links or an article's text) whose undo and redo are given as functions,
    each calling catalog functions; ``announce`` is told the articles it touched."""

    def __init__(
        self, text: str, undo: Callable[[], None], redo: Callable[[], None], ids, announce: Announce
    ):
        super().__init__(text, announce)
        self._undo, self._redo = undo, redo
        self.ids = list(ids)

    def do_again(self) -> None:
        self._redo()
        self._announce(self.ids)

    def undo(self) -> None:
        self._undo()
        self._announce(self.ids)
