"""Cataloguing in the window: the editor, table edits, batch edits, delete, undo and redo."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QListWidget, QMessageBox, QUndoView

from catalog.articles import get_article
from catalog.editing import ArticleEdit, edit_article
from tests.helpers import article_file
from tests.ui.driving import cell, import_and_wait, table, trigger
from ui.dialogs.batch_edit import BatchEditDialog
from ui.models.article_table_model import COL_DATE, COL_OUTLET, COL_TITLE


@pytest.fixture
def three(window, qtbot, tmp_path):
    folder = tmp_path / "three"
    folder.mkdir()
    for number, (title, outlet) in enumerate(
        [("Alpha story", "Daily"), ("Beta story", "Weekly"), ("Gamma story", "Daily")]
    ):
        header = f" date 2022-0{number + 1}-0{number + 1} Authored by Writer {number} via {outlet},"
        (folder / f"{number}.txt").write_text(article_file(title, f"Body text of {title}.", header=header))
    import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()
    table(window).sortByColumn(COL_TITLE, Qt.SortOrder.AscendingOrder)
    window.articles.select_row(0)
    window.activateWindow()  # focus moves (and so saves on leaving a field) need an active window
    qtbot.waitUntil(window.isActiveWindow)
    return window


def field(win, name) -> QLineEdit:
    return win.findChild(QLineEdit, name)


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_typing_a_title_saves_it_and_undo_redo_restore(three, qtbot):
    win = three
    type_into(qtbot, field(win, "titleEdit"), "Alpha, revised")
    assert cell(win, 0, COL_TITLE) == "Alpha, revised"
    assert get_article(win.articles.current_article_id())["version"] == 2
    assert win.findChild(QUndoView, "undoHistory").model().rowCount() == 2  # "as opened" + the edit
    trigger(win, "actionUndo")
    assert cell(win, 0, COL_TITLE) == "Alpha story"
    assert field(win, "titleEdit").text() == "Alpha story"
    trigger(win, "actionRedo")
    assert cell(win, 0, COL_TITLE) == "Alpha, revised"


def test_keyboard_shortcuts_undo_and_redo(three, qtbot):
    win = three
    type_into(qtbot, field(win, "outletEdit"), "Monthly")
    assert cell(win, 0, COL_OUTLET) == "Monthly"
    table(win).setFocus()
    qtbot.keyClick(table(win), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cell(win, 0, COL_OUTLET) == "Daily"
    qtbot.keyClick(
        table(win), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert cell(win, 0, COL_OUTLET) == "Monthly"


def test_a_bad_date_shows_an_error_and_saves_nothing(three, qtbot):
    win = three
    article_id = win.articles.current_article_id()
    type_into(qtbot, field(win, "dateEdit"), "next Tuesday-ish")
    error = win.findChild(QLabel, "dateError")
    assert error.isVisible()
    assert "“next Tuesday-ish” is not a date" in error.text()
    assert get_article(article_id)["version"] == 1
    qtbot.keyClick(field(win, "dateEdit"), Qt.Key.Key_Escape)
    assert field(win, "dateEdit").text() == "2022-01-01"
    assert not error.isVisible()
    type_into(qtbot, field(win, "dateEdit"), "June 2021")
    assert cell(win, 0, COL_DATE) == "2021-06"
    assert not error.isVisible()


def test_authors_and_topics_from_the_keyboard(three, qtbot):
    win = three
    article_id = win.articles.current_article_id()
    type_into(qtbot, field(win, "authorsEdit"), "Writer 0; Zoe Martin")  # QTest types ASCII only
    assert get_article(article_id)["authors"] == ["Writer 0", "Zoe Martin"]
    authors = field(win, "authorsEdit")
    authors.setText("Zoë Martin; Writer 0")
    authors.editingFinished.emit()
    assert get_article(article_id)["authors"] == ["Zoë Martin", "Writer 0"]
    topic_input = field(win, "topicInput")
    for topic in ("Politics/Elections", "Economy"):
        topic_input.setFocus()
        qtbot.keyClicks(topic_input, topic)
        qtbot.keyClick(topic_input, Qt.Key.Key_Return)
    assert get_article(article_id)["topics"] == ["Economy", "Politics/Elections"]
    topics = win.findChild(QListWidget, "topicsList")
    assert [topics.item(i).text() for i in range(topics.count())] == ["Economy", "Politics/Elections"]
    topics.setFocus()
    topics.setCurrentRow(0)
    qtbot.keyClick(topics, Qt.Key.Key_Delete)
    assert get_article(article_id)["topics"] == ["Politics/Elections"]


def test_names_complete_from_the_catalogue(three):
    completer = field(three, "outletEdit").completer()
    assert completer.model().stringList() == ["Daily", "Weekly"]
    completer.setCompletionPrefix("week")
    assert completer.currentCompletion() == "Weekly"


def test_summary_and_notes_save_when_leaving_the_field(three, qtbot):
    win = three
    article_id = win.articles.current_article_id()
    summary = win.detail.editor.summary_edit
    summary.setFocus()
    qtbot.keyClicks(summary, "A short summary.")
    field(win, "titleEdit").setFocus()
    assert get_article(article_id)["summary"] == "A short summary."


def test_edit_in_the_table_with_f2(three, qtbot):
    win = three
    view = table(win)
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, COL_TITLE))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Beta, edited in place")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Beta, edited in place" in [cell(win, row, COL_TITLE) for row in range(3)])
    trigger(win, "actionUndo")
    assert "Beta story" in [cell(win, row, COL_TITLE) for row in range(3)]


def test_batch_edit_many_articles_in_one_undoable_step(three, qtbot):
    win = three
    table(win).selectAll()

    def fill():
        dialog = win.findChild(BatchEditDialog, "batchEditDialog")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "batchOutletEdit"), "Weekly")
        dialog.update_preview()
        assert dialog.preview.text() == "2 of 3 selected articles will change."
        qtbot.keyClicks(dialog.findChild(QLineEdit, "batchAddTopics"), "Ukraine")
        dialog.update_preview()
        assert dialog.preview.text() == "3 of 3 selected articles will change."
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    trigger(win, "actionBatchEdit")
    assert [cell(win, row, COL_OUTLET) for row in range(3)] == ["Weekly"] * 3
    assert win.session.undo_stack.count() == 1
    assert win.session.undo_stack.undoText().startswith("Batch edit: set outlet to Weekly; add topic Ukraine")
    trigger(win, "actionUndo")
    assert [cell(win, row, COL_OUTLET) for row in range(3)] == ["Daily", "Weekly", "Daily"]


def test_delete_asks_then_undo_brings_articles_back(three, qtbot, monkeypatch):
    win = three
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes
    )
    view = table(win)
    view.setFocus()
    view.selectRow(1)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert asked and asked[0].startswith("Delete “Beta story”?")
    assert view.model().rowCount() == 2
    trigger(win, "actionUndo")
    assert view.model().rowCount() == 3
    assert "Beta story" in [cell(win, row, COL_TITLE) for row in range(3)]


def test_declining_the_delete_keeps_the_articles(three, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    table(three).selectAll()
    trigger(three, "actionDelete")
    assert table(three).model().rowCount() == 3


def test_a_stale_editor_does_not_overwrite_a_newer_change(three, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from ui.dialogs.edit_conflict import EditConflictDialog

    asked = []
    monkeypatch.setattr(EditConflictDialog, "exec", lambda d: asked.append(d) or QDialog.DialogCode.Rejected)
    win = three
    article_id = win.articles.current_article_id()
    edit_article(article_id, ArticleEdit(title="Changed elsewhere"))  # another window, another person
    type_into(qtbot, field(win, "titleEdit"), "Mine")
    assert get_article(article_id)["title"] == "Changed elsewhere"
    assert asked and list(asked[0].choices) == ["title"]  # the user was asked, field by field
    assert field(win, "titleEdit").text() == "Changed elsewhere"


def test_editable_table_model_passes_the_model_tester(three, qtmodeltester):
    qtmodeltester.check(three.articles.model)
