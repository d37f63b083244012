"""Edit ▸ English Stemming: whether this catalogue's searches find a word's other English forms
(catalog.options), for everyone searching it. Not an undo step: it changes no article."""

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from catalog import options
from catalog.changes import Change
from catalog.watching import CONNECTION_ERRORS
from ui.controllers.actions import window_action
from ui.session import CatalogSession


class SearchOptionsController(QObject):
    def __init__(self, window: QMainWindow, session: CatalogSession):
        super().__init__(window)
        self.window = window
        self.session = session
        self.action_stemming = window_action(window, "actionStemming", self.set_stemming)
        self.action_stemming.setCheckable(True)
        self.action_stemming.setToolTip(
            'Find a word\'s other English forms (missiles finds missile); "missiles" in quotes finds that form only'
        )
        self.show_option()
        session.changed.connect(self._others_may_have_changed_it)

    def show_option(self) -> None:
        """Check the action as the catalogue says (another desk may have changed it)."""
        try:
            on = options.stemming()
        except CONNECTION_ERRORS:
            return  # the connection banner says so; the action keeps what it showed
        self.action_stemming.setChecked(on)

    def _others_may_have_changed_it(self, change: Change) -> None:
        if change.everything:
            self.show_option()

    def set_stemming(self, on: bool) -> None:
        if self.session.refuse():
            self.show_option()
            return

        def done(_) -> None:
            self.session.announce(Change(everything=True))  # every search may find more, or less
            self.window.statusBar().showMessage(
                "English stemming on: missiles finds missile."
                if on
                else "English stemming off: words are found as written.",
                5000,
            )

        self.session.write(
            lambda: options.set_stemming(on), done=done, failed=self._failed, parent=self.window
        )

    def _failed(self, exc: BaseException) -> None:
        self.show_option()
        self.session.write_failed(exc, self.window)
