"""Finding and driving the main window's widgets the way a user would."""

import time

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QTableView, QTextBrowser

from ui.app import open_window
from ui.widgets.sidebar import Sidebar


def shown_window(qtbot, location: str):
    """The main window on the catalogue at ``location``, shown offscreen (closed with the test)."""
    win = open_window(location)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


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
        assert win.importer.start_import(paths)
    return finished.args[0]


def trigger(win, name: str) -> None:
    action = win.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    action.trigger()


def sidebar(win) -> Sidebar:
    return win.findChild(Sidebar, "sidebar")


def counted(win) -> Sidebar:
    """The sidebar once the counts of its last reload are shown (they are read in the
    background)."""
    view = sidebar(win)
    deadline = time.monotonic() + 10
    while view.counting and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.001)
    assert not view.counting, "the sidebar's counts did not arrive within 10 s"
    return view


def entry(win, text):
    model = counted(win).model()
    found = model.match(
        model.index(0, 0),
        Qt.ItemDataRole.DisplayRole,
        text,
        1,
        Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchStartsWith,
    )
    assert found, text
    return found[0]


def click(qtbot, win, text, modifier=Qt.KeyboardModifier.NoModifier):
    view = sidebar(win)
    index = entry(win, text)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, view.visualRect(index).center())


def double_click(qtbot, view, index) -> None:
    """Double-click ``index`` of an item view as a mouse does: a click, then the double click.

    QTest's mouseDClick alone sends no press first, and item views only count a double click
    on the item the press was on.
    """
    view.scrollTo(index)
    point = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def open_one_article(qtbot, win, tmp_path) -> int:
    """Import one article ("Budget day", dated 2022-03-01, from Daily) and select it; its id."""
    from tests.helpers import article_file

    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "a.txt").write_text(
        article_file("Budget day", "Text.", " date 2022-03-01 via Daily,"), encoding="utf-8"
    )
    import_and_wait(qtbot, win, [str(folder)])
    win.articles.select_row(0)
    return win.articles.current_article_id()


def drop(window, paths) -> None:
    """Drag ``paths`` over the window and drop them, as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    dropped = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, dropped)
