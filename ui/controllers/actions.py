"""The window's actions as controllers make them, from the one table in ``ui.actions``."""

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ui.actions import BY_NAME


def window_action(window: QWidget, name: str, slot: Callable) -> QAction:
    """The action ``name`` of the table, owned by the window, so that its shortcut works
    anywhere in it and tests find it by ``name`` (its object name); ``slot`` is what it does."""
    row = BY_NAME[name]
    action = QAction(row.text, window)
    action.setObjectName(name)
    action.setShortcut(row.keys)
    action.setShortcutContext(row.context)
    action.setMenuRole(row.role)
    action.triggered.connect(slot)
    return action


def window_menu(window: QWidget, name: str) -> QMenu:
    """The submenu ``name`` of the table (its title from there), owned by the window."""
    menu = QMenu(BY_NAME[name].text, window)
    menu.setObjectName(name)
    return menu
