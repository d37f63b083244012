"""Edit Article Text keeps what was typed whatever happens meanwhile, saves off the GUI thread,
and its Undo never overwrites another desk's change to the text."""

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit

import ui.controllers.claims
from catalog import body_editing
from catalog.articles import get_article
from catalog.body_editing import edit_body
from catalog.claims.store import add_claim_by_text, claims_of_article, get_claim
from tests.ui.driving import pane, trigger
from tests.ui.test_undo_checks import answer_conflict, catalog_cli, other_desk, press_undo
from tests.ui.test_undo_claims import MINISTER, mark, open_news


@pytest.fixture
def news(window, qtbot, tmp_path):
    return open_news(window, qtbot, tmp_path)


def open_text_editor(win, qtbot):
    trigger(win, "actionEditText")
    dialog = win.claims.edit_text_dialog
    qtbot.waitExposed(dialog)
    return dialog, dialog.findChild(QPlainTextEdit, "articleTextEdit")


def save(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def body_of(win, title: str) -> str:
    return get_article(win.ids[title])["body"]


def test_undo_of_a_text_edit_after_someone_changed_the_text_asks(news, qtbot):
    dialog, box = open_text_editor(news, qtbot)
    box.setPlainText(MINISTER.replace("Tuesday", "Monday"))
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    theirs = body_of(news, "Budget day").replace("Canberra", "Sydney")
    other_desk(edit_body, news.ids["Budget day"], theirs)
    seen = {}
    answer_conflict(news, qtbot, "take_theirs", seen)
    press_undo(qtbot, news)
    assert seen["fields"] == ["text"]
    assert body_of(news, "Budget day") == theirs


def test_undo_of_a_text_edit_carries_claims_marked_since_onto_their_words(news, qtbot):
    dialog, box = open_text_editor(news, qtbot)
    box.setPlainText("BREAKING. " + MINISTER)
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    theirs = other_desk(add_claim_by_text, news.ids["Budget day"], "Officials in Canberra declined")
    press_undo(qtbot, news)
    assert body_of(news, "Budget day") == MINISTER
    claim = get_claim(theirs)
    assert MINISTER[claim["start"] : claim["end"]] == "Officials in Canberra declined"


# --- Edit Article Text keeps the typing ----------------------------------------------------


def test_a_summary_saved_meanwhile_does_not_stop_the_text_from_saving(news, qtbot, db_path):
    dialog, box = open_text_editor(news, qtbot)
    box.setPlainText(MINISTER.replace("next year", "in 2023"))
    catalog_cli(db_path, "edit", str(news.ids["Budget day"]), "--summary", "Their summary.")
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    article = get_article(news.ids["Budget day"])
    assert "in 2023" in article["body"] and article["summary"] == "Their summary."
    assert "in 2023" in pane(news).toPlainText()


def test_text_someone_changed_meanwhile_keeps_the_dialog_open_with_mine_and_theirs(news, qtbot):
    dialog, box = open_text_editor(news, qtbot)
    mine = MINISTER.replace("Tuesday", "Monday")
    box.setPlainText(mine)
    theirs = MINISTER.replace("Canberra", "Sydney")
    other_desk(edit_body, news.ids["Budget day"], theirs)
    save(dialog)
    conflict = dialog.findChild(type(dialog.conflict), "textConflict")
    qtbot.waitUntil(conflict.isVisible)
    assert dialog.isVisible() and box.toPlainText() == mine  # nothing lost
    assert dialog.theirs.toPlainText() == theirs
    assert "Someone else changed the text" in dialog.conflict_message.text()
    assert body_of(news, "Budget day") == theirs  # nothing overwritten

    qtbot.mouseClick(dialog.take_theirs, Qt.MouseButton.LeftButton)
    assert box.toPlainText() == theirs and not conflict.isVisible()
    box.setPlainText(theirs.replace("Tuesday", "Monday"))  # both corrections
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert body_of(news, "Budget day") == MINISTER.replace("Canberra", "Sydney").replace("Tuesday", "Monday")


def test_overwrite_saves_mine_over_theirs_and_keep_editing_then_saves_mine(news, qtbot):
    dialog, box = open_text_editor(news, qtbot)
    box.setPlainText("Mine. " + MINISTER)
    other_desk(edit_body, news.ids["Budget day"], "Theirs. " + MINISTER)
    save(dialog)
    qtbot.waitUntil(dialog.conflict.isVisible)
    qtbot.mouseClick(dialog.overwrite, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert body_of(news, "Budget day") == "Mine. " + MINISTER

    dialog, box = open_text_editor(news, qtbot)
    other_desk(edit_body, news.ids["Budget day"], "Theirs again. " + MINISTER)
    box.setPlainText("Mine again. " + MINISTER)
    save(dialog)
    qtbot.waitUntil(dialog.conflict.isVisible)
    qtbot.mouseClick(dialog.keep_editing, Qt.MouseButton.LeftButton)
    assert not dialog.conflict.isVisible() and box.toPlainText() == "Mine again. " + MINISTER
    box.setPlainText(box.toPlainText() + " More.")
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert body_of(news, "Budget day") == "Mine again. " + MINISTER + " More."


def test_a_refused_text_keeps_the_dialog_open_and_says_why(news, qtbot):
    claim_id = mark(news, "the deficit would grow")
    dialog, box = open_text_editor(news, qtbot)
    typed = "The minister said taxes will fall next year."
    box.setPlainText(typed)
    save(dialog)
    qtbot.waitUntil(dialog.problem.isVisible)
    assert "removes all the words of claim" in dialog.problem.text() and "kept here" in dialog.problem.text()
    assert dialog.isVisible() and box.toPlainText() == typed and not box.isReadOnly()
    assert get_claim(claim_id) is not None and body_of(news, "Budget day") == MINISTER
    dialog.reject()


def test_the_window_answers_while_a_long_text_saves(news, qtbot, monkeypatch):
    """The save runs on the write pool: the dialog shows it is busy and the window is never
    blocked (the GUI thread runs its timers meanwhile)."""
    started, release = [], threading.Event()
    real = body_editing.replace_body

    def slow(*args, **kwargs):
        started.append(True)
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(ui.controllers.claims, "replace_body", slow)
    dialog, box = open_text_editor(news, qtbot)
    box.setPlainText("BREAKING. " + MINISTER)
    save(dialog)
    qtbot.waitUntil(lambda: bool(started))
    assert dialog.busy.isVisible() and box.isReadOnly()
    ticks = []
    timer = QTimer(news)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 3)  # the GUI thread is free
    release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    timer.stop()
    assert body_of(news, "Budget day").startswith("BREAKING.")
    assert claims_of_article(news.ids["Budget day"]) == []


def test_undo_of_a_text_edit_whose_old_text_another_article_took_meanwhile_stays_and_says_why(news, qtbot):
    dialog, box = open_text_editor(news, qtbot)
    box.setPlainText("BREAKING. " + MINISTER)
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    other_desk(edit_body, news.ids["Tax promises"], MINISTER)  # the old text is free: they took it
    press_undo(qtbot, news)
    assert body_of(news, "Budget day") == "BREAKING. " + MINISTER
    assert news.session.undo_stack.index() == 1  # the step stays where it was
    tax = news.ids["Tax promises"]
    assert f"article {tax} (“Tax promises”) already has this text" in news.statusBar().currentMessage()
