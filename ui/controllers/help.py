"""The Help menu: Query Syntax, Keyboard Shortcuts and About, for one window."""

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox

from ui.controllers.actions import window_action
from ui.dialogs.help import HelpDialog, about_text, query_syntax_dialog, shortcuts_dialog


class HelpController(QObject):
    """Makes the Help menu's actions (``ui.actions`` puts them there); ``location`` gives the
    catalogue shown, for About."""

    def __init__(self, window: QMainWindow, location: Callable[[], str]):
        super().__init__(window)
        self.window = window
        self.location = location
        self.dialog: HelpDialog | None = None  #: the one help page open
        self.query_syntax = window_action(self.window, "actionQuerySyntax", self.show_query_syntax)
        self.shortcuts = window_action(self.window, "actionKeyboardShortcuts", self.show_shortcuts)
        self.about = window_action(self.window, "actionAbout", self.show_about)

    def show_query_syntax(self) -> HelpDialog:
        return self._show(query_syntax_dialog(self.window))

    def show_shortcuts(self) -> HelpDialog:
        return self._show(shortcuts_dialog(self.window))

    def about_text(self) -> str:
        return about_text(self.location())

    def show_about(self) -> None:
        QMessageBox.about(self.window, "About Catalog", self.about_text())

    def _show(self, dialog: HelpDialog) -> HelpDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.show()
        return dialog
