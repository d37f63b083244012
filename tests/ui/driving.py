"""Finding and driving the main window's widgets the way a user would."""

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableView, QTextBrowser


def table(win) -> QTableView:
    return win.findChild(QTableView, "articleTable")


def pane(win) -> QTextBrowser:
    return win.findChild(QTextBrowser, "readingPane")


def cell(win, row, column) -> str:
    model = table(win).model()
    return model.index(row, column).data()


def import_and_wait(qtbot, win, paths):
    """Start a background import and wait for its report."""
    with qtbot.waitSignal(win.import_finished, timeout=20_000) as finished:
        assert win.start_import(paths)
    return finished.args[0]


def trigger(win, name: str) -> None:
    action = win.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    action.trigger()
