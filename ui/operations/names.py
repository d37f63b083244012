"""Operations on outlet, author and topic names: merge, rename, delete the unused."""

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QMessageBox, QWidget

from catalog.changes import names_change
from catalog.names_admin import NameChange, NameProblem, delete_unused, rename_name
from catalog.names_admin import merge_names as merge
from ui.commands import NameCommand
from ui.session import CatalogSession


def merge_names(*, session: CatalogSession, parent: QWidget, kind: str, names: list[str], into: str) -> bool:
    return _change(session, parent, f"Merge {kind}s into {into}", partial(merge, kind, list(names), into))


def rename_names(*, session: CatalogSession, parent: QWidget, kind: str, name: str, new_name: str) -> bool:
    text = f"Rename {kind} {name} to {new_name}"
    return _change(session, parent, text, partial(rename_name, kind, name, new_name))


def delete_unused_names(*, session: CatalogSession, parent: QWidget, kind: str, names: list[str]) -> bool:
    text = f"Delete {len(names)} unused {kind}{'' if len(names) == 1 else 's'}"
    return _change(session, parent, text, partial(delete_unused, kind, list(names)))


def _change(session: CatalogSession, parent: QWidget, text: str, perform: Callable[[], NameChange]) -> bool:
    if session.refuse():
        return False
    try:
        change = perform()
    except NameProblem as exc:
        QMessageBox.warning(parent, "Names", f"Not changed: {exc}.")
        return False
    session.undo_stack.push(NameCommand(text, change, perform, session.announce))
    session.announce(names_change([state.id for state in change.articles_before]))
    return True
