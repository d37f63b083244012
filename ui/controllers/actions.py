"""The window's actions as controllers make them."""

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


def window_action(window: QWidget, name: str, text: str, keys, slot: Callable) -> QAction:
    """An action owned by the window, so that its shortcut works anywhere in it and tests find
    it by ``name`` (its object name)."""
    action = QAction(text, window)
    action.setObjectName(name)
    action.setShortcut(keys)
    action.triggered.connect(slot)
    return action
