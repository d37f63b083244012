"""The window's Undo and Redo: each step is made in the catalogue first, and the undo stack
moves only once it is made.

QUndoStack moves its index even when a command's undo() raises, so a step that failed used
to leave the Edit menu offering to redo what was never undone. Here the Undo and Redo actions,
and clicks in the Undo History view, ask the command to make its step (``CatalogCommand.make``)
and only then move the stack. A step that clashes with another desk's change opens the
conflict dialog (undo anyway, or keep theirs, per field); one that cannot be made stays where
it was and says why; one whose articles are all gone is dropped, in words.
"""

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QUndoView, QWidget

from catalog.changes import EVERYTHING
from catalog.conflicts import Choices, StepClash, StepGone, StepRefused
from catalog.db_errors import DATABASE_ERRORS
from catalog.editing import NoSuchArticle
from catalog.names_admin import NameProblem
from ui.commands import CatalogCommand
from ui.dialogs.edit_conflict import MINE, EditConflictDialog

#: Refusals whose message is for people (the catalog functions' own words).
#: A step that cannot be made as it is now: said in words, and the step stays where it was.
#: (ValueError: a claim's words gone, a text another article has meanwhile, a value over a limit.)
REFUSALS = (StepRefused, ValueError, NameProblem, NoSuchArticle)


class Outcome(Enum):
    MADE = "made"
    DROPPED = "dropped"  #: nothing left to undo or redo: taken off the stack
    REFUSED = "refused"  #: not made; the stack stays where it was


class UndoSteps(QObject):
    """Undo, Redo and the Undo History view of one window, each step checked first."""

    def __init__(self, parent: QWidget, session, view: QUndoView, *, say: Callable[[str, int], None]):
        super().__init__(parent)
        self.parent_widget, self.session, self.view, self.say = parent, session, view, say
        self.stack: QUndoStack = session.undo_stack
        stack = self.stack
        self.undo_action = self._action("actionUndo", "&Undo", self.undo)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self._action("actionRedo", "&Redo", self.redo)
        redo_keys = [QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
        self.redo_action.setShortcuts(list({key.toString(): key for key in redo_keys}.values()))
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(lambda text: self.undo_action.setText(f"&Undo {text}".strip()))
        stack.redoTextChanged.connect(lambda text: self.redo_action.setText(f"&Redo {text}".strip()))
        # Clicks and keys in the history view would move the stack by themselves: steps instead.
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)

    def _action(self, name: str, text: str, slot) -> QAction:
        action = QAction(text, self.parent_widget)
        action.setObjectName(name)
        action.setEnabled(False)
        action.triggered.connect(lambda: slot())
        return action

    # --- stepping -------------------------------------------------------------------

    def undo(self) -> bool:
        """Undo the last step if it can be undone as things are now; True when it was."""
        return self.step(undo=True) is Outcome.MADE

    def redo(self) -> bool:
        return self.step(undo=False) is Outcome.MADE

    def go_to(self, index: int) -> None:
        """Undo or redo, one step at a time, until the stack is at ``index`` or a step fails."""
        while 0 <= index != self.stack.index():
            undo = self.stack.index() > index
            outcome = self.step(undo=undo)
            if outcome is Outcome.REFUSED:
                return
            if outcome is Outcome.DROPPED and not undo:
                index -= 1  # the steps above it moved down one

    def step(self, *, undo: bool) -> Outcome | None:
        stack = self.stack
        position = stack.index() - 1 if undo else stack.index()
        if not 0 <= position < stack.count():
            return None
        if self.session.refuse():
            return Outcome.REFUSED
        command: CatalogCommand = stack.command(position)
        verb = "Undo" if undo else "Redo"
        choices: Choices | None = None
        while True:
            try:
                command.make(undo=undo, choices=choices)
                break
            except DATABASE_ERRORS as exc:
                self.session.fail(exc, self.parent_widget)
                self.session.refuse()
                return Outcome.REFUSED
            except StepClash as clash:
                choices = self._choose(clash, verb, choices)
                if choices is None:
                    self._tell(verb, command, "nothing changed; the step stays in the Edit menu", warn=False)
                    self.session.announce(EVERYTHING)  # shown as it is now, whoever changed it
                    return Outcome.REFUSED
            except StepGone as exc:
                self._tell(
                    verb,
                    command,
                    f"{exc}; nothing is left to {verb.lower()}, so the step is taken off the list",
                )
                command.setObsolete(True)  # the stack drops it rather than calling it
                stack.undo() if undo else stack.redo()
                self.session.announce(EVERYTHING)
                return Outcome.DROPPED
            except REFUSALS as exc:
                self._tell(verb, command, f"{exc}; the step stays in the Edit menu")
                self.session.announce(EVERYTHING)
                return Outcome.REFUSED
        stack.undo() if undo else stack.redo()  # made already: the command only shows it
        if command.skipped:
            self.say(f"{verb}ne, except where {command.skipped}.", 10000)
        return Outcome.MADE

    def _choose(self, clash: StepClash, verb: str, earlier: Choices | None) -> Choices | None:
        """Ask, per field, whether to make the step anyway or keep theirs; None if cancelled."""
        dialog = EditConflictDialog(clash.title, clash.fields, self.parent_widget, kind=clash.kind, step=verb)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return {**(earlier or {}), **{key: choice == MINE for key, choice in dialog.chosen().items()}}
        finally:
            dialog.deleteLater()

    def _tell(self, verb: str, command: CatalogCommand, why: str, *, warn: bool = True) -> None:
        text = f"{verb} of “{command.text()}” not made: {why}."
        self.say(text, 15000)
        if warn:
            QMessageBox.warning(self.parent_widget, verb, text)

    # --- the history view -----------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        # Compared by identity only: while the window closes, the view may already be gone.
        kind = event.type()
        if watched is self._viewport and kind in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonDblClick,
        ):
            index = self.view.indexAt(event.position().toPoint())
            if index.isValid():
                self.go_to(index.row())
            return True
        if watched is self._viewport and kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove):
            return True  # a drag would select other rows, and move the stack with them
        if watched is self.view and kind == QEvent.Type.KeyPress:
            target = self._row_for_key(event.key())
            if target is not None:
                self.go_to(max(0, min(target, self.stack.count())))
                return True
        return False

    def _row_for_key(self, key) -> int | None:
        rows = {
            Qt.Key.Key_Up: self.stack.index() - 1,
            Qt.Key.Key_Down: self.stack.index() + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: self.stack.count(),
            Qt.Key.Key_PageUp: self.stack.index() - 10,
            Qt.Key.Key_PageDown: self.stack.index() + 10,
        }
        return rows.get(key)
