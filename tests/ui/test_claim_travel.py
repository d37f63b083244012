"""A claim across copies in the window: the claims panel offers to mark it in the copies that
lack it ("Also in 3 copies (…)", Mark in All Copies), one click marks them all, linked as
repeats, as one undo step; the Claims menu has it too."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from catalog.claims.store import ClaimEdit, edit_claim, get_claim, links_of
from catalog.claims.travel import passages_in_copies
from catalog.editing import delete_articles
from catalog.models import Claim, ClaimLink
from tests import travel_texts as texts
from tests.ui.driving import import_and_wait, pane, trigger
from tests.ui.test_undo_checks import answer_conflict, other_desk, press_redo, press_undo
from ui.widgets.claims_panel import ClaimsPanel, offer_text


def import_story(window, qtbot, folder):
    """Import the seed article's copies (tests/travel_texts.py) in the window: ``window.ids``
    by name."""
    paths = texts.write_texts(folder)
    report = import_and_wait(qtbot, window, [str(path) for path in paths.values()])
    by_path = {item.path: item.article_id for item in report.imported}
    window.ids = {name: by_path[str(path)] for name, path in paths.items()}
    window.importer.report_dialog.close()  # Ctrl+Z goes to the window again
    return window


@pytest.fixture
def story(window, qtbot, tmp_path):
    """The window on the seed article's copies."""
    return import_story(window, qtbot, tmp_path / "copies")


def panel(win) -> ClaimsPanel:
    return win.findChild(ClaimsPanel, "claimsPanel")


def mark_in_text(win, article: str, text: str) -> int:
    """Select ``text`` in the article's reading pane and Mark as Claim, as a user would."""
    win.articles.select_article(win.ids[article])
    view = pane(win)
    found = view.document().find(text)
    assert not found.isNull(), text
    view.setTextCursor(found)
    trigger(win, "actionMarkClaim")
    claim_id = panel(win).current_claim_id()
    assert claim_id is not None
    return claim_id


def offer(win):
    return panel(win).copies_offer


def test_the_panel_offers_the_copies_that_lack_the_claim(story):
    mark_in_text(story, "original", texts.CONFIDENCE)
    shown = offer(story)
    assert shown.isVisible()
    assert shown.label.text() == "Also in 3 copies (Reuters, Daily Bugle, …)"
    assert shown.mark_button.text() == "Mark in All Copies" and shown.mark_button.isEnabled()
    assert shown.toolTip().split("<br>") == [
        "Reuters, 2022-06-30",
        "Daily Bugle, 2022-07-01",
        "The Courier, 2022-07-02",
    ]


def test_one_click_marks_them_all_as_one_step_undone_and_redone(story, qtbot):
    claim = mark_in_text(story, "original", texts.GOAL)
    assert offer(story).label.text() == "Also in 2 copies (Reuters, The Courier)"
    stack = story.session.undo_stack
    qtbot.mouseClick(offer(story).mark_button, Qt.MouseButton.LeftButton)
    assert stack.undoText() == "Mark Claim in 2 Copies"
    passages = passages_in_copies(claim)
    assert [passage.claim_id is not None for passage in passages] == [True, True]
    assert {view.phrase for view in links_of(claim)} == {"is repeated by"}
    assert not offer(story).isVisible()  # nothing left to offer
    assert story.statusBar().currentMessage() == "Marked the claim in 2 copies, each linked as repeating it."
    # Reuters' copy shows its new claim, highlighted on its own (rewrapped) words.
    story.articles.select_article(story.ids["rewrapped"])
    assert panel(story).claims_model.rowCount() == 1
    highlighted = [selection.cursor.selectedText() for selection in pane(story).extraSelections()]
    assert highlighted == [passages[0].text.replace("\n", "\u2028")]  # lines as the pane breaks them
    press_undo(qtbot, story)
    assert [row.id for row in Claim.select()] == [claim] and ClaimLink.select().count() == 0
    assert panel(story).claims_model.rowCount() == 0
    press_redo(qtbot, story)
    assert Claim.select().count() == 3 and ClaimLink.select().count() == 2
    assert stack.undoText() == "Mark Claim in 2 Copies"


def test_the_claims_menu_marks_in_all_copies_too(story):
    mark_in_text(story, "original", texts.CONFIDENCE)
    action = story.findChild(QAction, "actionMarkInCopies")
    assert action.text() == "Mark in All &Copies"
    trigger(story, "actionMarkInCopies")
    assert story.session.undo_stack.undoText() == "Mark Claim in 3 Copies"
    assert Claim.select().count() == 4


def test_no_offer_where_there_is_nothing_to_mark(story):
    alone = mark_in_text(story, "other", "tolls would stay at 2 dollars")
    assert not offer(story).isVisible()  # an article without copies
    count = story.session.undo_stack.count()
    trigger(story, "actionMarkInCopies")
    assert story.session.undo_stack.count() == count
    assert story.statusBar().currentMessage().startswith("No copy to mark")
    assert get_claim(alone) is not None and Claim.select().count() == 1
    # The casualties paragraph: the Courier rewrote it and the excerpt stops before it.
    mark_in_text(story, "original", texts.CASUALTIES)
    assert offer(story).label.text() == "Also in 1 copy (Reuters)"


def test_a_deleted_copy_is_no_longer_offered(story):
    claim = mark_in_text(story, "original", texts.CONFIDENCE)
    delete_articles([story.ids["excerpt"]])  # another desk
    story.articles.select_article(story.ids["other"])
    story.articles.select_article(story.ids["original"])
    panel(story).select_claim(claim)
    assert offer(story).isVisible()
    assert offer(story).label.text() == "Also in 2 copies (Reuters, The Courier)"


def test_undo_asks_first_when_someone_changed_a_claim_it_made(story, qtbot):
    claim = mark_in_text(story, "original", texts.CONFIDENCE)
    qtbot.mouseClick(offer(story).mark_button, Qt.MouseButton.LeftButton)
    made = [passage.claim_id for passage in passages_in_copies(claim)]
    other_desk(edit_claim, made[0], ClaimEdit(verdict="false"))
    seen = {}
    answer_conflict(story, qtbot, "cancel", seen)
    press_undo(qtbot, story)
    assert seen["fields"] == [f"{made[0]}:claim"]
    assert Claim.select().count() == 4 and story.session.undo_stack.undoText() == "Mark Claim in 3 Copies"


def test_the_offer_names_each_outlet_once_and_says_so_without_outlets():
    from catalog.claims.travel import Passage

    passages = [
        Passage(n, 0, 5, True, None, outlet, None, "words") for n, outlet in enumerate(["A", "A", "B"])
    ]
    assert offer_text(passages) == "Also in 3 copies (A, B)"
    assert offer_text([Passage(1, 0, 5, False, None)]) == "Also in 1 copy"
    assert offer_text(passages + [Passage(9, 0, 5, True, None, "C")]) == "Also in 4 copies (A, B, …)"
