"""Edits, batch edits and undo run on the session's writer thread, in the order asked, while the
window stays responsive; what comes back is shown, or said in words. These tests use the real
writer (the ``real_writer`` fixture), not the synchronous pool the other window tests use."""

import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer

from catalog.articles import get_article
from catalog.catalogue import close_catalogue
from catalog.editing import ArticleEdit, BatchEdit, edit_article
from catalog.models import Article
from tests.helpers import make_article_files
from tests.ui.driving import cell, import_and_wait, open_one_article, pane, table
from tests.ui.test_undo_checks import answer_conflict, other_desk, press_undo, type_title
from ui.app import open_window
from ui.dialogs.edit_conflict import EditConflictDialog
from ui.models.article_table_model import COL_DATE, COL_TITLE
from ui.operations import articles as article_operations


@pytest.fixture
def desk(real_writer, window, qtbot, tmp_path):
    """The window on three articles sorted by title, the first chosen; writes on the writer."""
    folder = tmp_path / "three"
    make_article_files(folder, 3, paragraphs=1)
    import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()
    table(window).sortByColumn(COL_TITLE, Qt.SortOrder.AscendingOrder)
    window.articles.select_row(0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def shown_title(win) -> str:
    return cell(win, 0, COL_TITLE)


def no_conflict_dialog(win, qtbot) -> dict:
    """Cancels every conflict dialog that opens (so a failing test cannot hang), counting them."""
    seen = {"dialogs": 0}

    def cancel():
        for dialog in win.findChildren(EditConflictDialog):
            if dialog.isVisible():
                seen["dialogs"] += 1
                dialog.reject()

    timer = QTimer(win, interval=20)
    timer.timeout.connect(cancel)
    timer.start()
    return seen


def writer_threads(monkeypatch, name: str) -> list[int]:
    """The threads ``ui.operations.articles.<name>`` runs on, from now on."""
    threads: list[int] = []
    real = getattr(article_operations, name)

    def recorded(*args, **kwargs):
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(article_operations, name, recorded)
    return threads


def test_an_edit_is_saved_on_the_writer_and_shown(desk, qtbot, monkeypatch):
    threads = writer_threads(monkeypatch, "edit_article_change")
    article_id = desk.articles.current_article_id()
    type_title(qtbot, desk, "A title typed and saved")

    qtbot.waitUntil(lambda: shown_title(desk) == "A title typed and saved")
    qtbot.waitUntil(lambda: "A title typed and saved" in pane(desk).toPlainText())
    assert get_article(article_id)["title"] == "A title typed and saved"
    assert threads and threading.get_ident() not in threads  # written off the GUI thread
    assert desk.session.undo_stack.count() == 1


def test_quick_edits_then_quick_undos_land_in_order_without_a_conflict_with_oneself(desk, qtbot):
    article_id = desk.articles.current_article_id()
    original = get_article(article_id)["title"]
    seen = no_conflict_dialog(desk, qtbot)
    stack = desk.session.undo_stack
    titles_as_undone = []

    def note_title(index: int) -> None:
        titles_as_undone.append(get_article(article_id)["title"])

    stack.indexChanged.connect(note_title)

    for title in ("A first title", "A second title", "A third title"):
        type_title(qtbot, desk, title)  # each Enter before the last write came back
    qtbot.waitUntil(lambda: stack.count() == 3 and desk.session.writes.idle)
    assert get_article(article_id)["title"] == "A third title"
    assert shown_title(desk) == "A third title"

    titles_as_undone.clear()
    for _ in range(3):
        press_undo(qtbot, desk)
    qtbot.waitUntil(lambda: stack.index() == 0 and desk.session.writes.idle)

    stack.indexChanged.disconnect(note_title)
    assert titles_as_undone == ["A second title", "A first title", original]
    assert shown_title(desk) == original and seen["dialogs"] == 0


def test_an_undo_then_an_edit_at_once_are_written_in_that_order(desk, qtbot):
    article_id = desk.articles.current_article_id()
    original = get_article(article_id)["title"]
    seen = no_conflict_dialog(desk, qtbot)
    stack = desk.session.undo_stack
    type_title(qtbot, desk, "A title to undo")
    qtbot.waitUntil(lambda: stack.count() == 1 and desk.session.writes.idle)

    press_undo(qtbot, desk)
    type_title(qtbot, desk, "A title typed after the undo")  # before the undo came back
    qtbot.waitUntil(lambda: desk.session.writes.idle and stack.index() == stack.count() == 1)

    assert get_article(article_id)["title"] == "A title typed after the undo"
    assert stack.text(0).startswith("Edit title") and seen["dialogs"] == 0
    press_undo(qtbot, desk)
    qtbot.waitUntil(lambda: stack.index() == 0 and desk.session.writes.idle)
    assert get_article(article_id)["title"] == original


def test_another_desks_change_found_on_the_writer_opens_the_conflict_dialog(desk, qtbot):
    article_id = desk.articles.current_article_id()
    other_desk(edit_article, article_id, ArticleEdit(title="Their title"))
    seen: dict = {}
    answer_conflict(desk, qtbot, "keep_mine", seen)

    type_title(qtbot, desk, "My title")

    qtbot.waitUntil(lambda: get_article(article_id)["title"] == "My title")
    qtbot.waitUntil(lambda: shown_title(desk) == "My title")
    assert seen["fields"] == ["title"]
    assert desk.session.undo_stack.count() == 1


def test_the_window_stays_responsive_while_a_slow_batch_edit_is_written(desk, qtbot, monkeypatch):
    real = article_operations.apply_batch_change
    ticks, ticks_while_writing, said = [], [], []

    def slow(ids, batch):
        before = len(ticks)
        time.sleep(0.6)  # a batch edit of many thousand articles
        ticks_while_writing.append(len(ticks) - before)
        return real(ids, batch)

    monkeypatch.setattr(article_operations, "apply_batch_change", slow)
    ids = [article.id for article in Article.select(Article.id)]
    timer = QTimer(desk, interval=20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()

    assert article_operations.batch_edit(
        session=desk.session, parent=desk, ids=ids, batch=BatchEdit(outlet="Evening Post"), done=said.append
    )
    qtbot.waitUntil(lambda: said == [3], timeout=10_000)
    timer.stop()

    assert ticks_while_writing[0] >= 3  # the event loop went on while the writer worked
    assert {a.outlet.name for a in Article.select()} == {"Evening Post"}
    assert desk.session.undo_stack.undoText() == "Batch edit: set outlet to Evening Post"


def look_a_few_times(window, qtbot) -> None:
    """The watcher's look, as its timer makes it, until what it asked the writer came back."""
    for _ in range(5):
        window.session.check_for_changes()
        qtbot.wait(50)
    qtbot.waitUntil(lambda: window.session.writes.idle)


def test_the_watcher_takes_the_windows_own_write_for_its_own(desk, qtbot, monkeypatch):
    table(desk).sortByColumn(COL_DATE, Qt.SortOrder.AscendingOrder)  # a new title moves no row
    desk.articles.select_row(0)
    article_id = desk.articles.current_article_id()
    said, reloads = [], []
    desk.statusBar().messageChanged.connect(said.append)
    real_reload = desk.articles.model.reload
    monkeypatch.setattr(
        desk.articles.model, "reload", lambda *a, **k: (reloads.append(1), real_reload(*a, **k))
    )
    look_a_few_times(desk, qtbot)
    reloads.clear()

    type_title(qtbot, desk, "Our own title")
    qtbot.waitUntil(lambda: shown_title(desk) == "Our own title" and desk.session.writes.idle)
    look_a_few_times(desk, qtbot)

    assert reloads == []  # shown precisely, never read again as another desk's change
    assert [text for text in said if "another program" in text] == []

    other = next(a.id for a in Article.select(Article.id) if a.id != article_id)
    other_desk(edit_article, other, ArticleEdit(title="Zeta, by another desk"))
    qtbot.waitUntil(lambda: (desk.session.check_for_changes(), bool(reloads))[1], timeout=6000)
    qtbot.waitUntil(lambda: "Zeta, by another desk" in [cell(desk, row, COL_TITLE) for row in range(3)])
    assert any("by another program" in text for text in said)


def test_a_server_lost_during_a_write_is_said_and_nothing_is_pushed(
    real_writer, qtbot, tmp_path, postgres_server, postgres_url
):
    window = open_window(postgres_url)
    qtbot.addWidget(window)
    window.show()
    article_id = open_one_article(qtbot, window, tmp_path)
    window.importer.report_dialog.close()
    name = postgres_url.rsplit("/", 1)[1]
    try:
        postgres_server.cut_off(name)  # the writer's connection ends with the rest
        editor = window.detail.editor
        editor.title_edit.setFocus()
        editor.title_edit.selectAll()
        qtbot.keyClicks(editor.title_edit, "Budget night")
        qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)

        qtbot.waitUntil(lambda: window.banner.isVisible() and window.session.writes.idle, timeout=10_000)
        assert "Not saved" in window.statusBar().currentMessage()
        assert "Not connected" in window.banner.text()
        assert window.session.undo_stack.count() == 0
        assert editor.title_edit.text() == "Budget night"  # refused, not lost
    finally:
        postgres_server.restore(name)
    window.session.check_for_changes()
    qtbot.waitUntil(lambda: window.session.writes.idle and window.banner.isHidden(), timeout=10_000)
    qtbot.waitUntil(lambda: get_article(article_id)["title"] == "Budget night", timeout=10_000)
    assert window.session.undo_stack.count() == 1
    window.close()
    close_catalogue()
