"""Files dragged over the window light it up with what a drop does; anything else dragged (text)
does not, and the highlight goes when the drag leaves or the files are dropped."""

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.helpers import article_file
from ui.widgets.drop_highlight import DropHighlight


def files(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def enter(window, mime: QMimeData) -> None:
    event = QDragEnterEvent(
        QPoint(400, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)


def test_files_dragged_over_the_window_light_it_up_until_they_leave(window, tmp_path):
    highlight = window.findChild(DropHighlight, "dropHighlight")
    assert highlight.isHidden()
    mime = files(tmp_path)
    enter(window, mime)
    assert highlight.isVisible()
    assert highlight.geometry() == highlight.parentWidget().rect()
    window.grab().save(str(tmp_path / "drop.png"))
    QApplication.sendEvent(window, QDragLeaveEvent())
    assert highlight.isHidden()


def test_text_dragged_over_the_window_does_not(window):
    mime = QMimeData()
    mime.setText("just words")
    enter(window, mime)
    assert window.findChild(DropHighlight, "dropHighlight").isHidden()


def test_dropping_hides_it_and_imports(window, qtbot, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(article_file("Port reopens", "Ships returned to the port."))
    mime = files(path)
    enter(window, mime)
    drop = QDropEvent(
        QPointF(400, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.import_finished, timeout=20_000):
        QApplication.sendEvent(window, drop)
    assert window.findChild(DropHighlight, "dropHighlight").isHidden()
    assert window.articles.model.rowCount() == 1
