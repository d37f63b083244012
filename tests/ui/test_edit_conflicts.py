"""Two people, one article: different fields both save; the same field asks whose to keep."""

from PySide6.QtCore import Qt, QTimer

from catalog.articles import get_article
from catalog.editing import ArticleEdit, edit_article
from tests.ui.driving import open_one_article
from ui.dialogs.edit_conflict import EditConflictDialog


def open_article(window, qtbot, tmp_path) -> int:
    return open_one_article(qtbot, window, tmp_path)


def test_someone_elses_change_to_another_field_is_kept_with_mine(window, qtbot, tmp_path, message_boxes):
    article_id = open_article(window, qtbot, tmp_path)
    edit_article(article_id, ArticleEdit(title="Their title"))  # another desk, meanwhile
    window.detail.editor.summary_edit.setPlainText("My summary")
    window.detail.editor._request(ArticleEdit(summary="My summary"))
    saved = get_article(article_id)
    assert (saved["title"], saved["summary"]) == ("Their title", "My summary")
    assert window.findChild(EditConflictDialog) is None and message_boxes == []


def test_a_clash_asks_and_keeps_what_the_user_chooses(window, qtbot, tmp_path):
    article_id = open_article(window, qtbot, tmp_path)
    edit_article(article_id, ArticleEdit(title="Their title"))
    seen = {}

    def choose_mine():
        [dialog] = [d for d in window.findChildren(EditConflictDialog) if d.isVisible()]
        seen["fields"] = list(dialog.choices)
        qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose_mine)
    window.detail.editor.title_edit.setText("My title")
    window.detail.editor.title_edit.editingFinished.emit()
    assert seen["fields"] == ["title"]
    assert get_article(article_id)["title"] == "My title"
    window.session.undo_stack.undo()
    assert get_article(article_id)["title"] == "Their title"

    def take_theirs():
        [dialog] = [d for d in window.findChildren(EditConflictDialog) if d.isVisible()]
        qtbot.mouseClick(dialog.take_theirs, Qt.MouseButton.LeftButton)

    edit_article(article_id, ArticleEdit(title="Third title"))
    QTimer.singleShot(0, take_theirs)
    window.detail.editor.title_edit.setText("Mine again")
    window.detail.editor.title_edit.editingFinished.emit()
    assert get_article(article_id)["title"] == "Third title"
    assert window.detail.editor.title_edit.text() == "Third title"  # shown as it is now


def test_authors_both_sides_added_can_be_merged(window, qtbot, tmp_path):
    article_id = open_article(window, qtbot, tmp_path)
    edit_article(article_id, ArticleEdit(authors=["Ann Lee"]))  # another desk, meanwhile

    def keep_both():
        [dialog] = [d for d in window.findChildren(EditConflictDialog) if d.isVisible()]
        combo = dialog.choices["authors"]
        assert [combo.itemText(i) for i in range(combo.count())] == ["Mine", "Theirs", "Both"]
        combo.setCurrentIndex(2)
        qtbot.mouseClick(dialog.apply, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, keep_both)
    window.detail.editor.authors_edit.setText("Bo Chan; Ann Lee")
    window.detail.editor.authors_edit.editingFinished.emit()
    assert get_article(article_id)["authors"] == ["Ann Lee", "Bo Chan"]
    assert window.detail.editor.authors_edit.text() == "Ann Lee; Bo Chan"
