"""Operations on outlet, author and topic names: merge, rename, delete the unused."""

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QMessageBox, QWidget

from catalog.changes import names_change
from catalog.names_admin import NameChange, NameProblem, delete_unused, rename_name
from catalog.names_admin import merge_names as merge
from ui.commands import NameCommand
from ui.operations import Done, nothing
from ui.session import CatalogSession


def merge_names(
    *, session: CatalogSession, parent: QWidget, kind: str, names: list[str], into: str, done: Done = nothing
) -> bool:
    perform = partial(merge, kind, list(names), into)
    return _change(session, parent, f"Merge {kind}s into {into}", perform, done)


def rename_names(
    *, session: CatalogSession, parent: QWidget, kind: str, name: str, new_name: str, done: Done = nothing
) -> bool:
    text = f"Rename {kind} {name} to {new_name}"
    return _change(session, parent, text, partial(rename_name, kind, name, new_name), done)


def delete_unused_names(
    *, session: CatalogSession, parent: QWidget, kind: str, names: list[str], done: Done = nothing
) -> bool:
    text = f"Delete {len(names)} unused {kind}{'' if len(names) == 1 else 's'}"
    return _change(session, parent, text, partial(delete_unused, kind, list(names)), done)


def _change(
    session: CatalogSession, parent: QWidget, text: str, perform: Callable[[], NameChange], done: Done
) -> bool:
    """Asks for the change on the writer; ``done(changed)`` once it ends."""
    if session.refuse():
        return False

    def changed(change: NameChange) -> None:
        session.undo_stack.push(NameCommand(text, change, perform, session.announce))
        session.announce(names_change([state.id for state in change.articles_before]))
        done(True)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, NameProblem):
            QMessageBox.warning(parent, "Names", f"Not changed: {exc}.")
        else:
            session.write_failed(exc, parent)
        done(False)

    session.write(perform, done=changed, failed=failed)
    return True
