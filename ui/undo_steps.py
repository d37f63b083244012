"""The window's Undo and Redo: each step is made in the catalogue first, on the session's
writer, and the undo stack moves only once it is made (back on the GUI thread).

QUndoStack moves its index even when a command's undo() raises, so a step that failed used
to leave the Edit menu offering to redo what was never undone. Here the Undo and Redo actions,
and clicks in the Undo History view, ask the command to make its step (``CatalogCommand.make``)
and only then move the stack. A step that clashes with another desk's change opens the
conflict dialog (undo anyway, or keep theirs, per field); one that cannot be made stays where
it was and says why; one whose articles are all gone is dropped, in words.
"""

from collections.abc import Callable
from enum import Enum
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QUndoView, QWidget

from catalog.changes import EVERYTHING
from catalog.conflicts import Choices, StepClash, StepGone, StepRefused
from catalog.db_errors import DATABASE_ERRORS
from catalog.editing import NoSuchArticle, current_version
from catalog.names_admin import NameProblem
from ui.commands import CatalogCommand, StatesCommand
from ui.dialogs.edit_conflict import MINE, EditConflictDialog
from ui.own_articles import OwnWrite, read_own_write

#: Refusals whose message is for people (the catalog functions' own words).
#: A step that cannot be made as it is now: said in words, and the step stays where it was.
#: (ValueError: a claim's words gone, a text another article has meanwhile, a value over a limit.)
REFUSALS = (StepRefused, ValueError, NameProblem, NoSuchArticle)


#: Characters of a step's name in the Edit menu: past that it ends in "…" (a title can be long).
STEP_TEXT_LENGTH = 48


def step_text(verb: str, name: str) -> str:
    """The Undo or Redo menu entry for the step ``name``: "&Undo Edit title of “Talks…”",
    elided with "…", its ampersands shown as ampersands rather than taken as mnemonics."""
    name = " ".join(name.split())
    if len(name) > STEP_TEXT_LENGTH:
        name = name[: STEP_TEXT_LENGTH - 1].rstrip() + "…"
        if name.count("“") > name.count("”"):
            name += "”"
    return f"{verb} {name.replace('&', '&&')}".strip()


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
        stack.undoTextChanged.connect(lambda text: self.undo_action.setText(step_text("&Undo", text)))
        stack.redoTextChanged.connect(lambda text: self.redo_action.setText(step_text("&Redo", text)))
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

    def undo(self) -> None:
        """Undo the last step if it can be undone as things are now. Each press waits for the
        writes and steps asked for before it, so Ctrl+Z held down undoes one step after
        another, and an undo pressed as an edit is saved undoes that edit."""
        self.session.in_turn(lambda: self.step(undo=True))

    def redo(self) -> None:
        self.session.in_turn(lambda: self.step(undo=False))

    def go_to(self, index: int) -> None:
        """Undo or redo, one step at a time, until the stack is at ``index`` or a step fails."""
        self.session.in_turn(lambda: self._toward(index))

    def _toward(self, index: int) -> None:
        if not 0 <= index != self.stack.index():
            return
        undo = self.stack.index() > index

        def stepped(outcome: Outcome | None) -> None:
            if outcome is Outcome.MADE:
                self._toward(index)
            elif outcome is Outcome.DROPPED:
                self._toward(index if undo else index - 1)  # the steps above it moved down one

        self.step(undo=undo, then=stepped)

    def step(self, *, undo: bool, then: Callable[[Outcome | None], None] = lambda outcome: None) -> None:
        """Make the step on the writer; the stack moves when it is made, and ``then`` hears
        the outcome, on the GUI thread."""
        stack = self.stack
        position = stack.index() - 1 if undo else stack.index()
        if not 0 <= position < stack.count():
            then(None)
            return
        if self.session.refuse():
            then(Outcome.REFUSED)
            return
        self._make(stack.command(position), undo, None, then)

    def _make(self, command: CatalogCommand, undo: bool, choices: Choices | None, then) -> None:
        self.session.write(
            partial(_make_on_writer, command, undo, choices),
            done=lambda written: then(self._made(command, undo, written)),
            failed=lambda exc: self._not_made(command, undo, choices, exc, then),
        )

    def _made(self, command: CatalogCommand, undo: bool, written) -> Outcome:
        self.session.own_articles.remember(written)
        self.stack.undo() if undo else self.stack.redo()  # made already: the command only shows it
        if command.skipped:
            verb = "Undo" if undo else "Redo"
            self.say(f"{verb}ne, except where {command.skipped}.", 10000)
        return Outcome.MADE

    def _not_made(self, command: CatalogCommand, undo: bool, choices: Choices | None, exc, then) -> None:
        verb = "Undo" if undo else "Redo"
        if isinstance(exc, DATABASE_ERRORS):
            self.session.fail(exc, self.parent_widget)
            self.session.refuse()
            then(Outcome.REFUSED)
        elif isinstance(exc, StepClash):
            choices = self._choose(exc, verb, choices)
            if choices is None:
                self._tell(verb, command, "nothing changed; the step stays in the Edit menu", warn=False)
                self.session.announce(EVERYTHING)  # shown as it is now, whoever changed it
                then(Outcome.REFUSED)
            else:
                self._make(command, undo, choices, then)  # written next, before later presses
        elif isinstance(exc, StepGone):
            self._tell(
                verb, command, f"{exc}; nothing is left to {verb.lower()}, so the step is taken off the list"
            )
            command.setObsolete(True)  # the stack drops it rather than calling it
            self.stack.undo() if undo else self.stack.redo()
            self.session.announce(EVERYTHING)
            then(Outcome.DROPPED)
        elif isinstance(exc, REFUSALS):
            self._tell(verb, command, f"{exc}; the step stays in the Edit menu")
            self.session.announce(EVERYTHING)
            then(Outcome.REFUSED)
        else:
            raise exc

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


def _make_on_writer(command: CatalogCommand, undo: bool, choices: Choices | None) -> OwnWrite | None:
    """On the writer: the step made in the catalogue; for a step of one article's fields,
    the write as this window's own (see ``ui.own_articles``)."""
    one = (
        command.article_ids[0]
        if isinstance(command, StatesCommand) and len(command.article_ids) == 1
        else None
    )
    from_version = current_version(one) if one is not None else None
    command.make(undo=undo, choices=choices)
    return read_own_write(one, from_version) if one is not None else None
