"""Claims in the window: mark them in the text, edit, link, follow, suggest, browse, undo."""

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPlainTextEdit, QPushButton, QTabWidget

from catalog.claims.store import add_claim_by_text, claims_of_article, get_claim, link_claims, links_of
from catalog.models import Article, Claim, ClaimLink
from tests.helpers import article_file
from tests.ui.driving import double_click, import_and_wait, pane, trigger
from ui.dialogs.claim_suggestions import SuggestionsDialog
from ui.dialogs.link_claim import LinkClaimDialog
from ui.models.claim_models import (
    ArticleClaimsModel,
    ClaimIdRole,
    ClaimsBrowserModel,
    LinksModel,
    SuggestionsModel,
)
from ui.widgets.claims_panel import ClaimsPanel

MINISTER = "The minister said taxes will fall next year. Critics said the deficit would grow instead."
RADIO = "Farm news first. Then the radio repeated that taxes will fall next year, as the minister said."


@pytest.fixture
def news(window, qtbot, tmp_path):
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
    ids = {title: i for i, title in Article.select(Article.id, Article.title).tuples()}
    window.ids = ids
    return window


def select_text(win, text: str) -> None:
    """Select ``text`` in the reading pane, as a drag of the mouse would."""
    view = pane(win)
    found = view.document().find(text)
    assert not found.isNull(), text
    view.setTextCursor(found)


def panel(win) -> ClaimsPanel:
    return win.findChild(ClaimsPanel, "claimsPanel")


def mark(win, qtbot, article_title: str, text: str) -> int:
    win.articles.select_article(win.ids[article_title])
    select_text(win, text)
    trigger(win, "actionMarkClaim")
    claim_id = panel(win).current_claim_id()
    assert claim_id is not None and get_claim(claim_id)["text"] == text
    return claim_id


def test_select_text_mark_a_claim_see_it_highlighted_and_undo(news, qtbot):
    claim_id = mark(news, qtbot, "Budget day", "taxes will fall next year")
    assert news.findChild(QTabWidget, "detailTabs").currentWidget() is panel(news)
    assert panel(news).claims_model.rowCount() == 1
    assert panel(news).claims_model.index(0, 0).data() == "taxes will fall next year"
    highlighted = [s.cursor.selectedText() for s in pane(news).extraSelections()]
    assert highlighted == ["taxes will fall next year"]
    news.session.undo_stack.undo()
    assert get_claim(claim_id) is None and pane(news).extraSelections() == []
    assert panel(news).claims_model.rowCount() == 0
    news.session.undo_stack.redo()
    assert get_claim(claim_id)["text"] == "taxes will fall next year"
    assert [s.cursor.selectedText() for s in pane(news).extraSelections()] == ["taxes will fall next year"]


def test_marking_without_a_selection_says_what_to_do(news):
    news.articles.select_article(news.ids["Budget day"])
    trigger(news, "actionMarkClaim")
    assert Claim.select().count() == 0
    assert "Select some of the article's text" in news.statusBar().currentMessage()


def test_clicking_a_highlight_selects_its_claim(news, qtbot):
    first = mark(news, qtbot, "Budget day", "taxes will fall next year")
    second = mark(news, qtbot, "Budget day", "the deficit would grow")
    assert panel(news).current_claim_id() == second
    view = pane(news)
    cursor = view.document().find("taxes will fall")
    cursor.setPosition(cursor.selectionStart() + 3)
    point = view.cursorRect(cursor).center()
    view.setTextCursor(QTextCursor(view.document()))  # no selection: a plain click
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert panel(news).current_claim_id() == first


def test_edit_a_claims_verdict_and_undo(news, qtbot):
    claim_id = mark(news, qtbot, "Budget day", "taxes will fall next year")
    editor = panel(news).editor
    editor.verdict.setCurrentIndex(editor.verdict.findText("Mostly false"))
    editor.verdict.activated.emit(editor.verdict.currentIndex())
    assert get_claim(claim_id)["verdict"] == "mostly false"
    editor.claimant.setText("Finance Minister")
    editor.claimant.editingFinished.emit()
    assert get_claim(claim_id)["claimant"] == "Finance Minister"
    assert news.session.undo_stack.undoText() == "Edit claim claimant"
    news.session.undo_stack.undo()
    news.session.undo_stack.undo()
    assert (get_claim(claim_id)["verdict"], get_claim(claim_id)["claimant"]) == ("unrated", None)
    assert editor.verdict.currentText() == "Unrated"


def test_typing_then_cancel_in_link_claim_reads_no_listing_after_it_closed(news, qtbot, monkeypatch):
    claim_id = mark(news, qtbot, "Budget day", "taxes will fall next year")
    dialog = LinkClaimDialog(get_claim(claim_id), news)
    qtbot.addWidget(dialog)
    listings = []
    monkeypatch.setattr("ui.dialogs.link_claim.list_claims", lambda *a, **k: listings.append(a) or [])
    qtbot.keyClicks(dialog.search, "taxes")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.wait(400)  # past the pause after typing
    assert listings == []


def test_link_to_a_claim_in_another_article_follow_it_and_undo_both(news, qtbot):
    target = mark(news, qtbot, "Budget day", "taxes will fall next year")
    source = mark(news, qtbot, "Tax promises", "taxes will fall next year, as the minister said")

    def choose_in_dialog():
        dialog = news.findChild(LinkClaimDialog, "linkClaimDialog")
        assert dialog is not None and dialog.model.rowCount() == 1  # every claim but this one
        qtbot.keyClicks(dialog.search, "taxes")
        dialog._list()
        dialog.view.selectRow(0)
        dialog.relation.setCurrentIndex(dialog.relation.findData("repeats"))
        dialog.note.setText("radio quotes the minister")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose_in_dialog)
    qtbot.mouseClick(panel(news).buttons["link"], Qt.MouseButton.LeftButton)
    [view] = links_of(source)
    assert (view.phrase, view.other["id"], view.link["note"]) == (
        "repeats",
        target,
        "radio quotes the minister",
    )
    links = panel(news).links_view
    assert links.model().index(0, 0).data() == "repeats"
    assert "Budget day" in links.model().index(0, 2).data()

    double_click(qtbot, links, links.model().index(0, 1))
    assert news.articles.current_article_id() == news.ids["Budget day"]
    assert panel(news).current_claim_id() == target
    assert panel(news).links_model.index(0, 0).data() == "is repeated by"

    news.session.undo_stack.undo()  # the link
    assert ClaimLink.select().count() == 0 and panel(news).links_model.rowCount() == 0
    news.session.undo_stack.undo()  # the second claim
    assert get_claim(source) is None and get_claim(target) is not None
    news.session.undo_stack.redo()
    news.session.undo_stack.redo()
    assert len(links_of(target)) == 1


def test_suggested_link_is_one_click(news, qtbot):
    claim_id = mark(news, qtbot, "Budget day", "taxes will fall next year")
    qtbot.mouseClick(panel(news).buttons["suggest"], Qt.MouseButton.LeftButton)
    dialog = news.findChild(SuggestionsDialog, "suggestionsDialog")
    qtbot.waitExposed(dialog)
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 0).data() == "Passage"
    assert "taxes will fall next year" in dialog.model.index(0, 1).data()
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    [view] = links_of(claim_id)
    assert view.other_title == "Tax promises" and view.phrase == "repeats"
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 0).data() == "Passage (linked)"
    assert not dialog.link_button.isEnabled()  # linked once is enough
    news.session.undo_stack.undo()  # the link and the claim the passage became
    assert links_of(claim_id) == [] and claims_of_article(news.ids["Tax promises"]) == []
    dialog.close()


def test_claims_browser_filters_and_opens_the_article(news, qtbot):
    mark(news, qtbot, "Budget day", "taxes will fall next year")
    radio = mark(news, qtbot, "Tax promises", "Farm news first")
    panel(news).editor.verdict.setCurrentIndex(panel(news).editor.verdict.findText("False"))
    panel(news).editor.verdict.activated.emit(panel(news).editor.verdict.currentIndex())
    news.articles.select_article(news.ids["Budget day"])
    browser = news.claims.open_claims_browser()
    qtbot.waitExposed(browser)
    assert browser.model.rowCount() == 2
    browser.verdict.setCurrentIndex(browser.verdict.findData("false"))
    browser.verdict.activated.emit(browser.verdict.currentIndex())
    assert browser.model.rowCount() == 1 and browser.count.text() == "1 claim"
    double_click(qtbot, browser.view, browser.model.index(0, 0))
    assert (
        news.articles.current_article_id() == news.ids["Tax promises"]
        and panel(news).current_claim_id() == radio
    )
    browser.close()


def test_deleting_an_article_names_its_claims_and_links_and_undo_brings_all_back(news, qtbot, monkeypatch):
    target = mark(news, qtbot, "Budget day", "taxes will fall next year")
    source = mark(news, qtbot, "Tax promises", "Farm news first")
    link_claims(source, target, "cites")
    asked = []

    def answer(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    news.articles.select_article(news.ids["Budget day"])
    trigger(news, "actionDelete")
    assert "Their 1 claim go" in asked[0] and "1 link to claims in other articles" in asked[0]
    assert Claim.select().count() == 1 and ClaimLink.select().count() == 0
    news.session.undo_stack.undo()
    assert get_claim(target) is not None and len(links_of(source)) == 1


def test_editing_the_text_keeps_claims_on_their_words(news, qtbot):
    claim_id = mark(news, qtbot, "Budget day", "the deficit would grow")

    trigger(news, "actionEditText")
    dialog = news.claims.edit_text_dialog
    box = dialog.findChild(QPlainTextEdit, "articleTextEdit")
    box.setPlainText("BREAKING. " + box.toPlainText())
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())  # saved in the background, then closed
    claim = get_claim(claim_id)
    body = Article.get_by_id(news.ids["Budget day"]).body
    assert body.startswith("BREAKING.") and body[claim["start"] : claim["end"]] == "the deficit would grow"
    assert "BREAKING." in pane(news).toPlainText()
    assert [s.cursor.selectedText() for s in pane(news).extraSelections()] == ["the deficit would grow"]
    news.session.undo_stack.undo()
    assert Article.get_by_id(news.ids["Budget day"]).body == MINISTER
    assert get_claim(claim_id)["start"] == MINISTER.index("the deficit")


def test_claim_models_pass_the_model_tester(news, qtbot, qtmodeltester):
    from catalog.claims.store import list_claims
    from catalog.claims.suggestions import suggest_links

    first = add_claim_by_text(news.ids["Budget day"], "taxes will fall next year")
    second = add_claim_by_text(news.ids["Tax promises"], "Farm news first")
    link_claims(second, first, "supports", "a note")
    for model, rows in (
        (ArticleClaimsModel(), claims_of_article(news.ids["Budget day"])),
        (LinksModel(), links_of(first)),
        (ClaimsBrowserModel(), list_claims()),
        (SuggestionsModel(), suggest_links(first)),
    ):
        model.set_rows(rows)
        assert model.rowCount() == len(rows) and model.rowCount(model.index(0, 0)) == 0
        assert model.index(0, 0).data(ClaimIdRole) is not None or isinstance(model, SuggestionsModel)
        qtmodeltester.check(model)
    assert LinksModel().rowCount(QModelIndex()) == 0
    assert news.findChild(QPushButton, "deleteClaimButton") is not None


def test_claim_map_opens_the_article_of_the_node_clicked(news, qtbot):
    target = mark(news, qtbot, "Budget day", "taxes will fall next year")
    source = mark(news, qtbot, "Tax promises", "Farm news first")
    news.claims.make_link(source, target, "cites")
    qtbot.mouseClick(panel(news).buttons["map"], Qt.MouseButton.LeftButton)
    dialog = news.claims.claim_map_dialog
    qtbot.waitExposed(dialog)
    assert dialog.map.node_count() == 2
    point = dialog.map.node_rect(target).center().toPoint()
    qtbot.mouseClick(dialog.map.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert (
        news.articles.current_article_id() == news.ids["Budget day"]
        and panel(news).current_claim_id() == target
    )
    dialog.close()


def test_remove_link_and_delete_claim_buttons_are_undoable(news, qtbot, monkeypatch):
    target = mark(news, qtbot, "Budget day", "taxes will fall next year")
    source = mark(news, qtbot, "Tax promises", "Farm news first")
    news.claims.make_link(source, target, "supports", "why")
    qtbot.mouseClick(panel(news).unlink_button, Qt.MouseButton.LeftButton)
    assert links_of(source) == [] and panel(news).links_model.rowCount() == 0
    news.session.undo_stack.undo()
    assert len(links_of(source)) == 1 and panel(news).links_model.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel(news).buttons["delete"], Qt.MouseButton.LeftButton)
    assert get_claim(source) is None and panel(news).claims_model.rowCount() == 0
    news.session.undo_stack.undo()
    assert get_claim(source)["text"] == "Farm news first" and len(links_of(target)) == 1


def test_claimant_completes_from_known_names(news, qtbot):
    mark(news, qtbot, "Budget day", "taxes will fall next year")
    editor = panel(news).editor
    news.activateWindow()
    qtbot.waitUntil(news.isActiveWindow)
    editor.claimant.setFocus()
    qtbot.waitUntil(editor.claimant.hasFocus)
    names = editor.completer.model().stringList()
    assert {"Ann Lee", "Bo Chan", "Daily", "Weekly"} <= set(names)


def test_offsets_map_through_paragraphs_and_characters_qt_counts_twice(qtbot):
    from ui.widgets.reading_pane import ReadingPane

    body = "  Intro 😀 text.\n\n\n   Second 𝒳 paragraph\nwith a break.  "
    view = ReadingPane()
    qtbot.addWidget(view)
    view.show_article(
        {"id": 1, "title": "T", "outlet": None, "authors": [], "date": None, "topics": [], "body": body}
    )
    for wanted in ("😀 text", "Second 𝒳 paragraph", "paragraph\nwith"):
        start = body.index(wanted)
        view.show_claims(
            [{"id": 7, "start": start, "end": start + len(wanted), "verdict": "false", "claimant": None}]
        )
        [selection] = view.extraSelections()
        assert selection.cursor.selectedText().replace("\u2028", "\n") == wanted
        view.setTextCursor(selection.cursor)
        assert view.selected_span() == (start, start + len(wanted))
    cursor = view.document().find("T")
    view.setTextCursor(cursor)
    assert view.selected_span() is None  # the title is not the body
