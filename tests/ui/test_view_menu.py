"""The View menu, driven from the menu bar: zoom, the sidebar and the Details and Claims tabs
shown or hidden (and so again after a restart), the undo history and full screen."""

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

from catalog.catalogue import close_catalogue
from tests.ui.driving import shown_window


def view_menu(win) -> QMenu:
    found = [a.menu() for a in win.menuBar().actions() if a.text() == "&View"]
    assert len(found) == 1
    return found[0]


def choose(win, name: str) -> QAction:
    """Choose the item ``name`` of the View menu, as a click on it would."""
    action = win.findChild(QAction, name)
    assert action in view_menu(win).actions(), name
    assert action.isEnabled(), name
    action.trigger()
    return action


def test_the_view_menu_has_zoom_panes_undo_history_and_full_screen(window):
    names = [a.objectName() for a in view_menu(window).actions() if not a.isSeparator()]
    for name in (
        "actionZoomIn",
        "actionZoomOut",
        "actionActualSize",
        "actionShowSidebar",
        "actionShowEditor",
        "actionUndoHistory",
        "actionFullScreen",
    ):
        assert name in names
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert window.findChild(QAction, "actionUndoHistory") not in edit.actions()
    assert "&Columns" in [a.text() for a in view_menu(window).actions()]  # the column chooser
    keys = {name: window.findChild(QAction, name).shortcut().toString() for name in names if name}
    assert keys["actionZoomIn"] == "Ctrl++" and keys["actionZoomOut"] == "Ctrl+-"
    assert keys["actionActualSize"] == "Ctrl+0" and keys["actionFullScreen"] == "F11"
    # Every item can be reached by its own letter.
    letters = [a.text().split("&")[1][0].lower() for a in view_menu(window).actions() if not a.isSeparator()]
    assert len(letters) == len(set(letters))


def test_zoom_from_the_menu(window):
    pane = window.detail.reading_pane
    choose(window, "actionZoomIn")
    assert pane.zoom == 110
    choose(window, "actionZoomOut")
    choose(window, "actionZoomOut")
    assert pane.zoom == 90
    choose(window, "actionActualSize")
    assert pane.zoom == 100


def test_the_sidebar_hides_shows_and_stays_as_left_after_a_restart(window, qtbot, db_path):
    sidebar = window.sidebar
    assert sidebar.isVisible()
    text_width = window.detail.reading_pane.width()
    action = choose(window, "actionShowSidebar")
    assert not action.isChecked() and not sidebar.isVisible()
    qtbot.waitUntil(lambda: window.detail.reading_pane.width() > text_width)  # the room goes to the rest
    window.close()
    again = shown_window(qtbot, db_path)
    assert not again.sidebar.isVisible()
    assert not again.findChild(QAction, "actionShowSidebar").isChecked()
    choose(again, "actionShowSidebar")
    assert again.sidebar.isVisible() and again.findChild(QAction, "actionShowSidebar").isChecked()
    qtbot.waitUntil(lambda: again.sidebar.width() > 100)  # shown with room, not squeezed to nothing
    assert QSettings().value("view/showSidebar", type=bool) is True


def test_details_and_claims_hide_and_show_and_stay_as_left_after_a_restart(window, qtbot, db_path):
    tabs = window.detail.tabs
    reading = window.detail.reading_pane
    text_width = reading.width()
    action = choose(window, "actionShowEditor")
    assert not action.isChecked() and not tabs.isVisible() and not window.detail.editor.isVisible()
    assert reading.isVisible()  # the text stays, with more room
    qtbot.waitUntil(lambda: reading.width() > text_width)
    window.close()
    again = shown_window(qtbot, db_path)
    assert not again.detail.tabs.isVisible() and again.detail.reading_pane.isVisible()
    choose(again, "actionShowEditor")
    assert again.detail.tabs.isVisible() and again.detail.editor.isVisible()
    qtbot.waitUntil(lambda: again.detail.tabs.width() > 200)


def test_undo_history_from_the_view_menu(window):
    dock = window.findChild(QDockWidget, "undoHistoryDock")
    assert not dock.isVisible()
    choose(window, "actionUndoHistory")
    assert dock.isVisible()
    choose(window, "actionUndoHistory")
    assert not dock.isVisible()


def test_full_screen_and_back(window, qtbot):
    action = choose(window, "actionFullScreen")
    assert action.isChecked()
    qtbot.waitUntil(window.isFullScreen)
    choose(window, "actionFullScreen")
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not action.isChecked()


def test_a_zoom_setting_that_is_not_a_number_opens_at_the_actual_size(qtbot, db_path):
    QSettings().setValue("reading/zoom", "large")
    try:
        win = shown_window(qtbot, db_path)
        assert win.detail.reading_pane.zoom == 100
        win.close()
        QSettings().setValue("reading/zoom", 10_000)
        again = shown_window(qtbot, db_path)
        assert again.detail.reading_pane.zoom == 300  # as far as the zoom goes
    finally:
        close_catalogue()
