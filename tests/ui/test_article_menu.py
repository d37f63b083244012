"""The table's right-click menu: the same actions as the menus (their shortcuts shown), Add
Topic and Mark Verdict as one undoable step each, copying titles and citations, showing the
source file's folder; changes are off in a read-only window."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog

from catalog.articles import get_article
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.claims.store import add_claim_by_text, claims_of_article
from catalog.importing import import_paths
from tests.helpers import SEED_FILE
from tests.ui.driving import table, trigger
from tests.ui.table_news import import_news
from ui.app import open_window
from ui.dialogs.verdict import VerdictDialog
from ui.models.article_table_model import COL_TITLE

MENU = [
    "Open", "Edit", "Batch Edit…", "Add Topic", "Mark Verdict…", "-",
    "Split from Story", "Join Stories", "-", "Copy Title", "Copy Citation", "Show Source File", "-", "Delete Articles…",
]  # fmt: skip


@pytest.fixture
def news(window, qtbot, tmp_path):
    return import_news(qtbot, window, tmp_path / "news", count=6)


def right_click_row(qtbot, win, row: int):
    """Right-click a row with the mouse: it becomes the selection, and the menu opens."""
    view = table(win)
    rect = view.visualRect(view.model().index(row, COL_TITLE))
    win.article_menu.menu = None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=rect.center())
    # What the platform sends after a right-click (QTest sends none).
    at = rect.center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, view.viewport().mapToGlobal(at))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: win.article_menu.menu is not None)
    menu = win.article_menu.menu
    qtbot.waitUntil(menu.isVisible)
    return menu


def item(menu, text: str) -> QAction:
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def layout(menu):
    return ["-" if a.isSeparator() else a.text().replace("&", "") for a in menu.actions()]


def test_the_menu_has_the_items_and_the_menus_own_actions(news, qtbot):
    menu = right_click_row(qtbot, news, 1)
    assert layout(menu) == MENU
    # The same QActions as the Edit menu, so the same shortcuts are shown.
    assert item(menu, "Batch Edit…") is news.findChild(QAction, "actionBatchEdit")
    assert item(menu, "Delete Articles…") is news.findChild(QAction, "actionDelete")
    assert item(menu, "Open").shortcut().toString() == "Return"
    assert not item(menu, "Mark Verdict…").isEnabled()  # no claims in this article
    assert item(menu, "Show Source File").isEnabled()
    menu.close()


def test_copy_title_and_citation(news, qtbot):
    menu = right_click_row(qtbot, news, 0)
    article = get_article(news.articles.current_article_id())
    item(menu, "Copy Title").trigger()
    assert QGuiApplication.clipboard().text() == article["title"]
    item(menu, "Copy Citation").trigger()
    text = QGuiApplication.clipboard().text()
    assert text == f"{article['authors'][0]}. “{article['title']}.” {article['outlet']}, {article['date']}."


def test_open_reads_the_article_and_edit_goes_to_its_title(news, qtbot):
    menu = right_click_row(qtbot, news, 2)
    with qtbot.waitSignal(news.articles.reading_requested):
        item(menu, "Open").trigger()
    menu = right_click_row(qtbot, news, 2)
    item(menu, "Edit").trigger()
    assert news.detail.editor.title_edit.hasFocus() or news.detail.editor.title_edit.selectedText()


def test_add_topic_is_one_undoable_step_and_becomes_recent(news, qtbot, monkeypatch):
    ids = news.articles.model.rows.ids_between(0, 2)
    news.articles.select_row(0)
    view = table(news)
    second = view.visualRect(view.model().index(1, COL_TITLE)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, second)
    assert sorted(news.articles.selected_article_ids()) == sorted(ids)
    menu = news.article_menu.make_menu()
    topics = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert [a.text() for a in topics.actions()] == ["&New Topic…"]  # no topic yet
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Ukraine/War", True))
    steps = news.session.undo_stack.count()
    topics.actions()[-1].trigger()
    qtbot.waitUntil(lambda: all("Ukraine/War" in get_article(i)["topics"] for i in ids))
    assert news.session.undo_stack.count() == steps + 1
    assert news.session.undo_stack.undoText() == "Add topic “Ukraine/War”"

    topics = next(a.menu() for a in news.article_menu.make_menu().actions() if a.menu() is not None)
    assert topics.actions()[0].text() == "Ukraine/War"  # recent, offered first
    trigger(news, "actionUndo")
    qtbot.waitUntil(lambda: not any(get_article(i)["topics"] for i in ids))


def test_mark_verdict_marks_every_claim_in_one_step(news, qtbot, monkeypatch):
    article_id = news.articles.model.rows.id_at(0)
    add_claim_by_text(article_id, "Story number")
    first_words = " ".join(get_article(article_id)["body"].split()[:3])
    add_claim_by_text(article_id, first_words)
    news.articles.select_article(article_id)

    def answer(dialog: VerdictDialog):
        assert [b.text() for b in dialog.choices.buttons()][:3] == ["Unrated", "True", "Mostly true"]
        dialog.findChild(type(dialog.choices.button(0)), "verdict_mostly_false").setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(VerdictDialog, "exec", answer)
    menu = right_click_row(qtbot, news, news.articles.model.row_of(article_id))
    assert item(menu, "Mark Verdict…").isEnabled()
    item(menu, "Mark Verdict…").trigger()
    qtbot.waitUntil(lambda: {c["verdict"] for c in claims_of_article(article_id)} == {"mostly false"})
    assert news.session.undo_stack.undoText() == "Mark 2 claims “mostly false”"
    trigger(news, "actionUndo")
    qtbot.waitUntil(lambda: {c["verdict"] for c in claims_of_article(article_id)} == {"unrated"})


def test_show_source_file_opens_its_folder_and_is_off_when_the_file_is_gone(
    news, qtbot, monkeypatch, tmp_path
):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    menu = right_click_row(qtbot, news, 0)
    source = get_article(news.articles.current_article_id())["source"]
    item(menu, "Show Source File").trigger()
    assert opened == [str((tmp_path / "news").resolve())]
    menu.close()
    import os

    os.remove(source)
    menu = right_click_row(qtbot, news, 0)
    assert not item(menu, "Show Source File").isEnabled()


def test_a_read_only_window_offers_no_change(qtbot, tmp_path):
    import stat

    catalogue = tmp_path / "archive.sqlite3"
    open_catalogue(str(catalogue))
    [imported] = import_paths([SEED_FILE]).imported
    add_claim_by_text(imported.article_id, "Zelensky")
    close_catalogue()
    catalogue.chmod(0o444)
    try:
        window = open_window(str(catalogue), create=False)
        qtbot.addWidget(window)
        window.show()
        menu = right_click_row(qtbot, window, 0)
        assert [a.text().replace("&", "") for a in menu.actions() if a.isEnabled() and not a.isSeparator()] == [
            "Open", "Copy Title", "Copy Citation", "Show Source File",
        ]  # fmt: skip
        menu.close()
        window.close()
    finally:
        close_catalogue()
        catalogue.chmod(catalogue.stat().st_mode | stat.S_IWUSR)


def test_right_click_on_an_unselected_row_chooses_it(news, qtbot):
    news.articles.select_row(0)
    right_click_row(qtbot, news, 3).close()
    assert news.articles.selected_article_ids() == [news.articles.model.rows.id_at(3)]
