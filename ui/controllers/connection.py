"""What the session says of others' saves ("3 articles added by another program"), of changes
it refused, and of a shared catalogue's server coming back, said in the window."""

from collections.abc import Callable

from PySide6.QtCore import QObject

from ui.session import CatalogSession
from ui.widgets.article_editor import ArticleEditor


class ConnectionController(QObject):
    """Says in the status bar (``say``: text, milliseconds) what others changed and why a change
    was refused; when the server is back, saves what ``editor`` kept of refused typing."""

    def __init__(
        self,
        parent: QObject,
        session: CatalogSession,
        *,
        editor: ArticleEditor,
        say: Callable[[str, int], None],
    ):
        super().__init__(parent)
        self.session = session
        self.editor = editor
        self.say = say
        session.changed_by_others.connect(self.others_changed)
        session.connection_restored.connect(self.back_online)
        session.refused.connect(self.show_refusal)

    def others_changed(self, told: str) -> None:
        """Someone else saved (another window, program or desk): the session announced it as
        a change of everything (shown by now) and says here what changed, if it can tell."""
        if told:
            self.say(told, 8000)

    def back_online(self) -> None:
        self.say(f"Connected again. {self.session.news}".strip(), 8000)
        if self.editor.has_unsaved_typing():
            self.editor.save_typing()  # what was refused, checked against what others saved

    def show_refusal(self, text: str) -> None:
        self.say(text, 10000)
