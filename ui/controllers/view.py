"""The View menu and finding in the article, for one window: the reading pane's zoom, which
panes are shown, full screen, and the find bar; what a person chose is kept for the next start."""

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from ui.controllers.actions import window_action
from ui.panes.article_detail import ArticleDetailPane
from ui.widgets.reading_pane import ACTUAL_SIZE

ZOOM_KEY = "reading/zoom"
SHOWN_KEYS = {"sidebar": "view/showSidebar", "details": "view/showDetails"}


class ViewController(QObject):
    """Makes the View menu's actions and the Edit menu's find actions (``ui.actions`` puts them
    there). ``splitter`` holds ``sidebar`` and ``detail`` (the Details and Claims tabs), which
    the menu shows and hides; the zoom is ``detail``'s reading pane's."""

    def __init__(
        self, window: QMainWindow, *, splitter: QSplitter, sidebar: QWidget, detail: ArticleDetailPane
    ):
        super().__init__(window)
        self.window = window
        self.splitter = splitter
        self.pane = detail.reading_pane
        self.find_bar = detail.find_bar
        self.panes = {"sidebar": sidebar, "details": detail}
        zoom_in = window_action(window, "actionZoomIn", self.pane.zoom_in)
        # Ctrl+= too: the key a US keyboard has "+" on, without Shift, as browsers take it.
        zoom_in.setShortcuts([zoom_in.shortcut(), QKeySequence("Ctrl+=")])
        window_action(window, "actionZoomOut", self.pane.zoom_out)
        window_action(window, "actionActualSize", self.pane.reset_zoom)
        self.shown_actions = {
            "sidebar": window_action(window, "actionShowSidebar", lambda on: self.show_pane("sidebar", on)),
            "details": window_action(window, "actionShowEditor", lambda on: self.show_pane("details", on)),
        }
        for action in self.shown_actions.values():
            action.setCheckable(True)
            action.setChecked(True)
        self.full_screen = window_action(window, "actionFullScreen", self.set_full_screen)
        self.full_screen.setCheckable(True)
        window_action(window, "actionFindInArticle", self.find_bar.open)
        window_action(window, "actionFindNext", self.find_bar.find_next)
        window_action(window, "actionFindPrevious", self.find_bar.find_previous)
        self.pane.zoom_changed.connect(lambda percent: QSettings().setValue(ZOOM_KEY, percent))
        # A claim marked or clicked in the text is shown in the Claims tab, hidden or not.
        detail.claim_shown.connect(lambda: self.shown_actions["details"].isChecked() or self.show_details())

    def show_details(self) -> None:
        self.shown_actions["details"].setChecked(True)
        self.show_pane("details", True)

    def restore(self) -> None:
        """The zoom and the panes shown as they were last (after the splitter's sizes are)."""
        settings = QSettings()
        try:
            self.pane.set_zoom(int(settings.value(ZOOM_KEY, ACTUAL_SIZE)))
        except (TypeError, ValueError):  # a settings file edited by hand: the actual size
            self.pane.set_zoom(ACTUAL_SIZE)
        for key, setting in SHOWN_KEYS.items():
            shown = settings.value(setting, True, type=bool)
            self.shown_actions[key].setChecked(shown)
            self.show_pane(key, shown)

    def show_pane(self, key: str, shown: bool) -> None:
        """Show or hide the sidebar (``key`` "sidebar") or the Details and Claims tabs
        ("details"); a pane shown again has room, even if it was hidden when the sizes were
        saved."""
        pane = self.panes[key]
        pane.setVisible(shown)
        index = self.splitter.indexOf(pane)
        sizes = self.splitter.sizes()
        if shown and sizes[index] == 0:
            wanted = max(pane.sizeHint().width(), pane.minimumSizeHint().width())
            widest = max(range(len(sizes)), key=sizes.__getitem__)
            sizes[index], sizes[widest] = wanted, max(0, sizes[widest] - wanted)
            self.splitter.setSizes(sizes)
        QSettings().setValue(SHOWN_KEYS[key], shown)

    def set_full_screen(self, on: bool) -> None:
        """Full screen, or back to the window as it was (maximised stays maximised)."""
        state = self.window.windowState() & ~Qt.WindowState.WindowFullScreen
        self.window.setWindowState(state | Qt.WindowState.WindowFullScreen if on else state)

    def window_state_changed(self) -> None:
        """The window left full screen some other way (the window manager): the menu says so."""
        self.full_screen.setChecked(self.window.isFullScreen())
