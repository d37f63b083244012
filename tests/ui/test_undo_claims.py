"""Undo and Redo of claims and links never overwrite another desk's change."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from catalog.articles import get_article
from catalog.body_editing import edit_body
from catalog.claims.store import (
    ClaimEdit,
    edit_claim,
    get_claim,
    links_of,
    unlink,
)
from catalog.models import Article
from tests.helpers import article_file
from tests.ui.driving import import_and_wait, pane, trigger
from tests.ui.test_undo_checks import answer_conflict, other_desk, press_redo, press_undo
from ui.widgets.claims_panel import ClaimsPanel

MINISTER = (
    "The minister said taxes will fall next year. Critics said the deficit would grow instead. "
    "Officials in Canberra declined to comment on Tuesday."
)
RADIO = "Farm news first. Then the radio repeated that taxes will fall next year, as the minister said."


@pytest.fixture
def news(window, qtbot, tmp_path):
    return open_news(window, qtbot, tmp_path)


def open_news(window, qtbot, tmp_path):
    """The window on two articles with claims to mark, the first one chosen."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "1.txt").write_text(
        article_file("Budget day", MINISTER, header=" date 2022-03-01 Authored by Ann Lee via Daily,"),
        encoding="utf-8",
    )
    (folder / "2.txt").write_text(
        article_file("Tax promises", RADIO, header=" date 2022-03-05 Authored by Bo Chan via Weekly,"),
        encoding="utf-8",
    )
    import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()
    window.ids = {title: i for i, title in Article.select(Article.id, Article.title).tuples()}
    window.articles.select_article(window.ids["Budget day"])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def panel(win) -> ClaimsPanel:
    return win.findChild(ClaimsPanel, "claimsPanel")


def mark(win, text: str) -> int:
    view = pane(win)
    view.setTextCursor(view.document().find(text))
    trigger(win, "actionMarkClaim")
    return panel(win).current_claim_id()


def set_verdict(win, verdict: str) -> None:
    editor = panel(win).editor
    editor.verdict.setCurrentIndex(editor.verdict.findText(verdict))
    editor.verdict.activated.emit(editor.verdict.currentIndex())


def body_of(win, title: str) -> str:
    return get_article(win.ids[title])["body"]


# --- undo and redo of claims -----------------------------------------------------------------


def test_undo_of_a_claim_edit_keeps_another_desks_change_to_another_field(news, qtbot, message_boxes):
    claim_id = mark(news, "taxes will fall next year")
    set_verdict(news, "Mostly false")
    other_desk(edit_claim, claim_id, ClaimEdit(explanation="Taxes rose in 2023."))
    press_undo(qtbot, news)
    claim = get_claim(claim_id)
    assert (claim["verdict"], claim["explanation"]) == ("unrated", "Taxes rose in 2023.")
    assert message_boxes == [] and news.session.undo_stack.index() == 1  # the mark is still there to undo


def test_undo_of_a_claim_field_someone_changed_since_asks(news, qtbot):
    claim_id = mark(news, "taxes will fall next year")
    set_verdict(news, "Mostly false")
    other_desk(edit_claim, claim_id, ClaimEdit(verdict="false"))
    seen = {}
    answer_conflict(news, qtbot, "take_theirs", seen)
    press_undo(qtbot, news)
    assert seen["fields"] == ["verdict"]
    assert get_claim(claim_id)["verdict"] == "false"
    answer_conflict(news, qtbot, "keep_mine", seen)
    press_redo(qtbot, news)  # Redo anyway: mine again
    assert get_claim(claim_id)["verdict"] == "mostly false"


def test_undoing_a_mark_after_someone_gave_the_claim_a_verdict_asks_first(news, qtbot):
    claim_id = mark(news, "taxes will fall next year")
    other_desk(edit_claim, claim_id, ClaimEdit(verdict="false"))
    seen = {}
    answer_conflict(news, qtbot, "cancel", seen)
    press_undo(qtbot, news)
    assert seen["fields"] == [f"{claim_id}:claim"]
    assert get_claim(claim_id)["verdict"] == "false" and news.session.undo_stack.index() == 1
    answer_conflict(news, qtbot, "keep_mine", seen)
    press_undo(qtbot, news)
    assert get_claim(claim_id) is None and pane(news).extraSelections() == []
    press_redo(qtbot, news)  # back as it was removed: with their verdict
    assert get_claim(claim_id)["verdict"] == "false"


def test_undo_of_a_link_someone_removed_meanwhile_is_dropped_in_words(news, qtbot, message_boxes):
    target = mark(news, "taxes will fall next year")
    news.articles.select_article(news.ids["Tax promises"])
    source = mark(news, "Farm news first")
    assert news.claims.make_link(source, target, "cites")
    [link] = [view.link for view in links_of(source)]
    other_desk(unlink, link["id"])
    count = news.session.undo_stack.count()
    press_undo(qtbot, news)
    assert news.session.undo_stack.count() == count - 1
    assert "removed by someone else" in message_boxes[0].text()
    press_undo(qtbot, news)  # the steps before it still undo
    assert get_claim(source) is None


def test_undo_of_a_claim_delete_after_the_text_moved_puts_it_back_on_its_words(news, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    claim_id = mark(news, "the deficit would grow")
    qtbot.mouseClick(panel(news).buttons["delete"], Qt.MouseButton.LeftButton)
    assert get_claim(claim_id) is None
    other_desk(edit_body, news.ids["Budget day"], "UPDATED on Wednesday. " + MINISTER)
    press_undo(qtbot, news)
    claim = get_claim(claim_id)
    assert body_of(news, "Budget day")[claim["start"] : claim["end"]] == "the deficit would grow"
    assert [s.cursor.selectedText() for s in pane(news).extraSelections()] == ["the deficit would grow"]


def test_undo_of_a_claim_delete_whose_words_are_gone_refuses_and_stays(
    news, qtbot, monkeypatch, message_boxes
):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    claim_id = mark(news, "the deficit would grow")
    qtbot.mouseClick(panel(news).buttons["delete"], Qt.MouseButton.LeftButton)
    other_desk(
        edit_body,
        news.ids["Budget day"],
        MINISTER.replace("Critics said the deficit would grow instead. ", ""),
    )
    index = news.session.undo_stack.index()
    press_undo(qtbot, news)
    assert get_claim(claim_id) is None and news.session.undo_stack.index() == index
    assert "no longer in its article's text" in message_boxes[0].text()
