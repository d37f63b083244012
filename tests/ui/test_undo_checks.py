"""Undo and Redo never overwrite another desk's change: each is checked field by field, as saves
are; a clash asks; a step that cannot be made stays where it was and says why."""

import json
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from catalog.articles import get_article
from catalog.db import database
from catalog.editing import ArticleEdit, delete_articles, edit_article
from catalog.models import Article
from catalog.names_admin import merge_names
from tests.helpers import article_file, run_catalog
from tests.ui.driving import cell, import_and_wait, table, trigger
from ui.dialogs.edit_conflict import EditConflictDialog
from ui.models.article_table_model import COL_OUTLET, COL_TITLE

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def other_desk(work, *args, **kwargs):
    """Do ``work`` as another desk would: on a connection of its own (a thread), committed."""
    outcome = {}

    def run():
        try:
            outcome["value"] = work(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - raised again in the test's thread
            outcome["error"] = exc
        finally:
            database.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def catalog_cli(db_path, *args):
    """Another desk at the command line."""
    result = run_catalog("--db", db_path, *args)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def desk(window, qtbot, tmp_path):
    """The window on three articles, sorted by title, the first one chosen."""
    folder = tmp_path / "three"
    folder.mkdir()
    for number, (title, outlet) in enumerate(
        [("Alpha story", "Daily"), ("Beta story", "Weekly"), ("Gamma story", "Daily")]
    ):
        header = f" date 2022-0{number + 1}-0{number + 1} Authored by Writer {number} via {outlet},"
        body = f"{title} opens here. The minister said taxes will fall next year, officials said."
        (folder / f"{number}.txt").write_text(article_file(title, body, header=header), encoding="utf-8")
    import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()
    table(window).sortByColumn(COL_TITLE, Qt.SortOrder.AscendingOrder)
    window.articles.select_row(0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.ids = {title: i for i, title in Article.select(Article.id, Article.title).tuples()}
    return window


def type_title(qtbot, win, text: str) -> None:
    edit = win.detail.editor.title_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def press(qtbot, win, modifiers) -> None:
    win.activateWindow()  # a dialog that just closed may have taken the focus with it
    qtbot.waitUntil(win.isActiveWindow)
    table(win).setFocus()
    qtbot.keyClick(table(win), Qt.Key.Key_Z, modifiers)


def press_undo(qtbot, win) -> None:
    press(qtbot, win, CTRL)


def press_redo(qtbot, win) -> None:
    press(qtbot, win, CTRL | SHIFT)


def answer_conflict(win, qtbot, button: str, seen: dict) -> None:
    """Once the conflict dialog opens, note its rows and click ``button`` (an attribute name)."""
    timer = QTimer(win)

    def answer():
        dialogs = [d for d in win.findChildren(EditConflictDialog) if d.isVisible()]
        if not dialogs:
            return  # not open yet
        timer.stop()
        dialog = dialogs[0]
        seen["fields"] = list(dialog.choices)
        seen["title"] = dialog.windowTitle()
        if button == "cancel":
            dialog.reject()
        else:
            qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)

    timer.timeout.connect(answer)
    timer.start(20)


def test_undo_keeps_the_summary_another_desk_saved_meanwhile(desk, qtbot, db_path, message_boxes):
    """The issue's attack: the window edits a title, another desk (catalog edit --summary)
    saves the summary, Ctrl+Z: the title goes back and their summary stays, no dialog."""
    article_id = desk.articles.current_article_id()
    type_title(qtbot, desk, "Alpha, revised")
    catalog_cli(db_path, "edit", str(article_id), "--summary", "Their summary.")
    press_undo(qtbot, desk)
    article = get_article(article_id)
    assert (article["title"], article["summary"]) == ("Alpha story", "Their summary.")
    assert desk.session.undo_stack.index() == 0 and message_boxes == []
    assert desk.detail.editor.summary_edit.toPlainText() == "Their summary."
    press_redo(qtbot, desk)
    article = get_article(article_id)
    assert (article["title"], article["summary"]) == ("Alpha, revised", "Their summary.")


def test_undo_of_a_field_someone_changed_since_asks_and_keeps_theirs_or_undoes_anyway(
    desk, qtbot, db_path, message_boxes
):
    article_id = desk.articles.current_article_id()
    type_title(qtbot, desk, "Mine")
    catalog_cli(db_path, "edit", str(article_id), "--title", "Theirs")
    seen = {}
    answer_conflict(desk, qtbot, "cancel", seen)
    press_undo(qtbot, desk)
    assert seen["fields"] == [f"{article_id}:title"] and "Undo" in seen["title"]
    assert get_article(article_id)["title"] == "Theirs"  # nothing changed
    assert desk.session.undo_stack.index() == 1  # the step stays, Undo still offers it
    assert desk.undo_steps.undo_action.isEnabled() and not desk.undo_steps.redo_action.isEnabled()
    assert "stays in the Edit menu" in desk.statusBar().currentMessage()

    answer_conflict(desk, qtbot, "take_theirs", seen)
    press_undo(qtbot, desk)
    assert get_article(article_id)["title"] == "Theirs"
    assert desk.session.undo_stack.index() == 0

    answer_conflict(desk, qtbot, "keep_mine", seen)  # Redo: "Redo All Anyway"
    press_redo(qtbot, desk)
    assert get_article(article_id)["title"] == "Mine"
    catalog_cli(db_path, "edit", str(article_id), "--title", "Theirs again", "--notes", "Checked.")
    answer_conflict(desk, qtbot, "keep_mine", seen)  # "Undo All Anyway"
    press_undo(qtbot, desk)
    article = get_article(article_id)
    assert (article["title"], article["notes"]) == ("Alpha story", "Checked.")
    assert message_boxes == []


def test_a_batch_undo_puts_back_only_what_nobody_changed_since(desk, qtbot, db_path):
    ids = desk.ids
    plan_ids = sorted(ids.values())
    from catalog.editing import BatchEdit, apply_batch_change
    from ui.commands import StatesCommand

    plan = apply_batch_change(plan_ids, BatchEdit(outlet="Monthly", add_topics=["Tax"]))
    desk.session.undo_stack.push(StatesCommand("Batch edit", plan.before, plan.after, desk.session.announce))
    catalog_cli(db_path, "edit", str(ids["Beta story"]), "--outlet", "Quarterly")
    catalog_cli(db_path, "edit", str(ids["Gamma story"]), "--summary", "Kept.")
    seen = {}
    answer_conflict(desk, qtbot, "take_theirs", seen)
    trigger(desk, "actionUndo")
    assert seen["fields"] == [f"{ids['Beta story']}:outlet"]  # one field of one article asked
    outlets = {title: get_article(i)["outlet"] for title, i in ids.items()}
    assert outlets == {"Alpha story": "Daily", "Beta story": "Quarterly", "Gamma story": "Daily"}
    assert all(get_article(i)["topics"] == [] for i in ids.values())
    assert get_article(ids["Gamma story"])["summary"] == "Kept."
    assert [cell(desk, row, COL_OUTLET) for row in range(3)] == ["Daily", "Quarterly", "Daily"]


def test_redo_after_another_desk_changed_the_field_asks_too(desk, qtbot, db_path):
    article_id = desk.articles.current_article_id()
    type_title(qtbot, desk, "Mine")
    press_undo(qtbot, desk)
    catalog_cli(db_path, "edit", str(article_id), "--title", "Theirs")
    seen = {}
    answer_conflict(desk, qtbot, "take_theirs", seen)
    press_redo(qtbot, desk)
    assert seen["fields"] == [f"{article_id}:title"] and "Redo" in seen["title"]
    assert get_article(article_id)["title"] == "Theirs"


def test_undo_of_an_article_deleted_meanwhile_is_taken_off_the_list_in_words(desk, qtbot, message_boxes):
    article_id = desk.articles.current_article_id()
    type_title(qtbot, desk, "Mine")
    other_desk(delete_articles, [article_id])
    press_undo(qtbot, desk)
    assert desk.session.undo_stack.count() == 0 and not desk.undo_steps.redo_action.isEnabled()
    [box] = message_boxes
    assert "deleted by someone else" in box.text() and "taken off the list" in box.text()


def test_the_attack_delete_the_newest_then_another_desk_imports(desk, qtbot, db_path, tmp_path, monkeypatch):
    """Delete the newest article; another desk imports a file. Undo brings ours back under its
    own id, and Redo deletes ours, never theirs."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    newest = max(desk.ids.values())
    desk.articles.select_article(newest)
    trigger(desk, "actionDelete")
    assert get_article(newest) is None
    other = tmp_path / "other.txt"
    other.write_text(article_file("Harbour reopens", "Ships returned on Monday."), encoding="utf-8")
    [theirs] = json.loads(catalog_cli(db_path, "import", str(other), "--json").stdout)["imported"]
    assert theirs["id"] != newest
    press_undo(qtbot, desk)
    assert get_article(newest)["title"] == "Gamma story"
    assert desk.undo_steps.redo_action.text() == "&Redo Delete 1 article"
    press_redo(qtbot, desk)
    assert get_article(newest) is None
    assert get_article(theirs["id"])["title"] == "Harbour reopens"


def test_an_undelete_that_cannot_be_made_stays_on_the_stack_and_says_why(
    desk, qtbot, db_path, tmp_path, monkeypatch, message_boxes
):
    """The same text imported again meanwhile: Undo refuses in words, restores nothing, and
    Redo is not offered (it would delete what is not ours)."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    article_id = desk.ids["Gamma story"]
    desk.articles.select_article(article_id)
    trigger(desk, "actionDelete")
    catalog_cli(db_path, "import", str(tmp_path / "three" / "2.txt"))  # the same file, again
    press_undo(qtbot, desk)
    assert get_article(article_id) is None
    assert (
        desk.session.undo_stack.index() == 1
        and desk.undo_steps.undo_action.isEnabled()
        and not desk.undo_steps.redo_action.isEnabled()
    )
    [box] = message_boxes
    assert "is in the catalogue again" in box.text() and "Gamma story" in box.text()
    assert "is in the catalogue again" in desk.statusBar().currentMessage()
    assert Article.select().count() == 3


def test_undo_of_a_delete_whose_outlet_was_merged_away_refuses_naming_it(
    desk, qtbot, monkeypatch, message_boxes
):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    desk.articles.select_article(desk.ids["Beta story"])
    trigger(desk, "actionDelete")
    other_desk(merge_names, "outlet", ["Weekly"], "Daily")
    press_undo(qtbot, desk)
    assert get_article(desk.ids["Beta story"]) is None and desk.session.undo_stack.index() == 1
    assert "the outlet “Weekly” they had was merged or deleted" in message_boxes[0].text()


def test_undo_of_a_name_merge_keeps_what_another_desk_changed(desk, qtbot, db_path):
    alpha, gamma = desk.ids["Alpha story"], desk.ids["Gamma story"]
    assert desk.editing.merge_names("outlet", ["Daily"], "The Daily")
    catalog_cli(db_path, "edit", str(gamma), "--outlet", "Evening Post", "--title", "Gamma, retitled")
    seen = {}
    answer_conflict(desk, qtbot, "take_theirs", seen)
    press_undo(qtbot, desk)
    assert seen["fields"] == [f"{gamma}:outlet"]
    assert get_article(alpha)["outlet"] == "Daily"
    assert (get_article(gamma)["outlet"], get_article(gamma)["title"]) == ("Evening Post", "Gamma, retitled")


def test_undo_of_a_merge_refuses_when_someone_took_the_old_name(desk, qtbot, message_boxes):
    assert desk.editing.merge_names("outlet", ["Weekly"], "Daily")
    other_desk(edit_article, desk.ids["Alpha story"], ArticleEdit(outlet="weekly"))  # a new "weekly"
    press_undo(qtbot, desk)
    assert desk.session.undo_stack.index() == 1
    assert "someone else made a outlet named “weekly”" in message_boxes[0].text().replace(
        "an outlet", "a outlet"
    )


def test_the_undo_history_view_steps_one_at_a_time_and_stops_at_a_clash(desk, qtbot, db_path):
    article_id = desk.articles.current_article_id()
    type_title(qtbot, desk, "First")
    type_title(qtbot, desk, "Second")
    desk.undo_dock.toggleViewAction().trigger()
    view = desk.undo_view
    qtbot.waitExposed(view)
    catalog_cli(db_path, "edit", str(article_id), "--title", "Theirs")
    seen = {}
    answer_conflict(desk, qtbot, "cancel", seen)
    first_row = view.model().index(0, 0)  # "Catalogue as opened"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(first_row).center())
    assert seen["fields"] == [f"{article_id}:title"]
    assert desk.session.undo_stack.index() == 2 and get_article(article_id)["title"] == "Theirs"
    answer_conflict(desk, qtbot, "keep_mine", seen)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(first_row).center())
    assert desk.session.undo_stack.index() == 0 and get_article(article_id)["title"] == "Alpha story"
    last_row = view.model().index(2, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(last_row).center())
    assert desk.session.undo_stack.index() == 2 and get_article(article_id)["title"] == "Second"


def test_suggested_summary_undo_leaves_another_desks_title(desk, qtbot, db_path):
    article_id = desk.articles.current_article_id()
    qtbot.mouseClick(desk.detail.editor.suggest_button, Qt.MouseButton.LeftButton)
    assert get_article(article_id)["summary"]
    catalog_cli(db_path, "edit", str(article_id), "--title", "Their title")
    press_undo(qtbot, desk)
    article = get_article(article_id)
    assert (article["title"], article["summary"]) == ("Their title", "")
