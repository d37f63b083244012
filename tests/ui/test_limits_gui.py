"""The window keeps to catalog.limits: its line edits stop at them, and a save of something
longer, or of another article's text, is refused in words, keeping what was typed."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit

from catalog import limits
from catalog.claims.store import add_claim_by_text, get_claim
from catalog.models import Article
from tests.helpers import article_file
from tests.ui.driving import import_and_wait, table, trigger
from ui.dialogs.batch_edit import BatchEditDialog
from ui.dialogs.link_claim import LinkClaimDialog
from ui.widgets.claims_panel import ClaimsPanel

BUDGET = "The minister said taxes will fall next year. Critics said the deficit would grow instead."
RADIO = "Farm news first. Then the radio repeated that taxes will fall next year, as the minister said."


@pytest.fixture
def news(window, qtbot, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "1.txt").write_text(article_file("Budget day", BUDGET, header=" date 2022-03-01 via Daily,"))
    (folder / "2.txt").write_text(article_file("Tax promises", RADIO, header=" date 2022-03-05 via Weekly,"))
    import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()
    window.ids = {title: i for i, title in Article.select(Article.id, Article.title).tuples()}
    window.articles.select_article(window.ids["Budget day"])
    return window


def line(win, name: str) -> QLineEdit:
    return win.findChild(QLineEdit, name)


@pytest.mark.parametrize(
    "name, limit",
    [
        ("titleEdit", limits.TITLE),
        ("outletEdit", limits.OUTLET),
        ("topicInput", limits.TOPIC),
        ("claimantEdit", limits.CLAIMANT),
    ],
)
def test_the_editors_lines_stop_at_the_limits(news, qtbot, name, limit):
    edit = line(news, name)
    assert edit.maxLength() == limit.characters
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "x" * 10)
    edit.insert("Pasted " * 100_000)  # a paste of 700,000 characters
    assert len(edit.text()) == limit.characters


def test_a_title_typed_to_the_limit_is_saved_whole(news, qtbot):
    edit = line(news, "titleEdit")
    edit.setFocus()
    edit.selectAll()
    edit.insert("Budget " * 100)
    qtbot.keyClick(edit, "\r")
    title = Article.get_by_id(news.ids["Budget day"]).title
    assert len(title) <= limits.TITLE.characters and title.startswith("Budget Budget")


def test_a_summary_over_the_limit_is_refused_in_words_and_the_typing_kept(news, message_boxes):
    editor = news.detail.editor
    typed = "Long summary. " * 8_000  # 112,000 characters
    editor.summary_edit.setPlainText(typed)
    editor.save_typing()
    assert message_boxes[-1].text() == (
        "Not saved: the summary is 112,000 characters long; at most 100,000 are allowed."
    )
    assert Article.get_by_id(news.ids["Budget day"]).summary == ""
    assert editor.summary_edit.toPlainText() == typed  # to be shortened, not typed again


def test_a_claims_explanation_over_the_limit_is_refused_in_words(news, qtbot, message_boxes):
    claim_id = add_claim_by_text(news.ids["Budget day"], "taxes will fall")
    news.detail.show_article_claims(news.ids["Budget day"])
    editor = news.findChild(ClaimsPanel, "claimsPanel").editor
    news.findChild(ClaimsPanel, "claimsPanel").select_claim(claim_id)
    news.activateWindow()  # leaving a field saves it: focus moves need an active window
    qtbot.waitUntil(news.isActiveWindow)
    editor.explanation.setFocus()
    editor.explanation.setPlainText("Because. " * 12_000)
    editor.claimant.setFocus()  # leaving the explanation saves it
    qtbot.waitUntil(lambda: bool(message_boxes))
    assert message_boxes[-1].text() == (
        "Not saved: the verdict explanation is 108,000 characters long; at most 100,000 are allowed."
    )
    assert get_claim(claim_id)["explanation"] == ""


def test_edit_text_refuses_another_articles_text_naming_it(news, qtbot):
    news.articles.select_article(news.ids["Tax promises"])
    trigger(news, "actionEditText")
    dialog = news.claims.edit_text_dialog
    dialog.findChild(QPlainTextEdit, "articleTextEdit").setPlainText(BUDGET + "\n")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(dialog.problem.isVisible)
    budget = news.ids["Budget day"]
    assert dialog.problem.text() == (
        f"Not saved: article {budget} (“Budget day”) already has this text. Your text is kept here."
    )
    assert dialog.isVisible() and dialog.box.toPlainText() == BUDGET + "\n"
    assert Article.get_by_id(news.ids["Tax promises"]).body == RADIO
    assert news.session.undo_stack.count() == 0
    dialog.reject()


def test_batch_edit_says_a_name_is_too_long_and_will_not_apply(news, qtbot):
    table(news).selectAll()
    seen = {}

    def fill():
        dialog = news.findChild(BatchEditDialog, "batchEditDialog")
        try:  # whatever happens, the dialog closes: a failure must not leave it waiting
            seen["lengths"] = [dialog.outlet_edit.maxLength(), dialog.find_edit.maxLength()]
            qtbot.keyClicks(dialog.add_authors, "Ann Lee; ")
            dialog.add_authors.insert("Dave " * 50)
            dialog.update_preview()
            ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
            seen["preview"], seen["ok"] = dialog.preview.text(), ok.isEnabled()
            ok.click()  # refused: the dialog stays open
            seen["open"] = dialog.isVisible()
        finally:
            dialog.reject()

    QTimer.singleShot(0, fill)
    trigger(news, "actionBatchEdit")
    assert seen == {
        "lengths": [limits.OUTLET.characters, limits.TITLE.characters],
        "preview": "The author name is 249 characters long; at most 200 are allowed.",
        "ok": False,
        "open": True,
    }
    assert news.session.undo_stack.count() == 0


def test_the_link_note_stops_at_its_limit(news, qtbot):
    claim_id = add_claim_by_text(news.ids["Budget day"], "taxes will fall")
    dialog = LinkClaimDialog(get_claim(claim_id), news)
    qtbot.addWidget(dialog)
    assert dialog.note.maxLength() == limits.LINK_NOTE.characters
