"""When the search and the sidebar together match nothing, no article is shown: the reading
pane says so, and the editor and the claims panel are empty and disabled until one is shown."""

import threading

from PySide6.QtCore import Qt

from catalog.articles import get_article
from catalog.claims.store import add_claim_by_text
from catalog.db import database
from catalog.editing import delete_articles
from tests.ui.driving import click, import_and_wait, pane
from ui.widgets.reading_pane import NO_MATCH, PLACEHOLDER


def search(qtbot, window, text: str) -> None:
    window.articles.search_box.setFocus()
    window.articles.search_box.selectAll()
    qtbot.keyClicks(window.articles.search_box, text)
    qtbot.keyClick(window.articles.search_box, Qt.Key.Key_Return)


def nothing_is_shown(window) -> bool:
    editor, claims = window.detail.editor, window.detail.claims_panel
    return (
        window.articles.current_article_id() is None
        and pane(window).toPlainText() == NO_MATCH
        and not editor.isEnabled()
        and editor.article is None
        and editor.title_edit.text() == ""
        and editor.outlet_edit.text() == ""
        and not claims.isEnabled()
        and claims.article_id is None
        and claims.claims_model.rowCount() == 0
        and not claims.editor.isEnabled()
    )


def shown_with_a_claim(qtbot, window, write_folder) -> int:
    import_and_wait(qtbot, window, [str(write_folder)])
    window.importer.report_dialog.close()
    window.articles.select_row(0)
    article_id = window.articles.current_article_id()
    add_claim_by_text(article_id, get_article(article_id)["body"].split()[0])
    window.detail.show_article_claims(article_id)
    assert window.detail.claims_panel.claims_model.rowCount() == 1
    assert window.detail.editor.isEnabled() and window.detail.claims_panel.isEnabled()
    return article_id


def test_a_search_that_finds_nothing_shows_no_article_and_nothing_can_be_edited(window, qtbot, write_folder):
    article_id = shown_with_a_claim(qtbot, window, write_folder)
    title = get_article(article_id)["title"]

    search(qtbot, window, "nowhereword")

    assert window.articles.model.rowCount() == 0
    assert nothing_is_shown(window)
    qtbot.keyClicks(window.detail.editor.title_edit, "Typed into nothing")  # disabled: nothing typed
    qtbot.keyClick(window.detail.editor.title_edit, Qt.Key.Key_Return)
    assert get_article(article_id)["title"] == title
    assert window.session.undo_stack.count() == 0

    qtbot.keyClick(window.articles.search_box, Qt.Key.Key_Escape)  # the articles again: one is shown
    assert window.articles.current_article_id() is not None
    assert window.detail.editor.isEnabled() and window.detail.claims_panel.isEnabled()
    assert pane(window).toPlainText() != NO_MATCH


def test_sidebar_and_search_together_matching_nothing_show_no_article(window, qtbot, write_folder):
    shown_with_a_claim(qtbot, window, write_folder)
    click(qtbot, window, "Daily")  # the zebra article
    assert window.articles.current_article_id() is not None
    search(qtbot, window, "aardvarks")  # only in the Weekly article
    assert nothing_is_shown(window)


def test_the_last_match_deleted_by_another_desk_is_shown_no_more(window, qtbot, write_folder):
    article_id = shown_with_a_claim(qtbot, window, write_folder)
    search(qtbot, window, get_article(article_id)["title"].split()[0])
    assert window.articles.current_article_id() == article_id

    thread = threading.Thread(target=lambda: (delete_articles([article_id]), database.obj.close()))
    thread.start()
    thread.join()
    qtbot.waitUntil(
        lambda: (window.session.check_for_changes(), window.articles.model.rowCount() == 0)[1], timeout=6000
    )

    assert nothing_is_shown(window)


def test_an_empty_catalogue_asks_to_select_not_to_search(window):
    assert pane(window).toPlainText() == PLACEHOLDER
    assert not window.detail.editor.isEnabled() and not window.detail.claims_panel.isEnabled()


def test_an_edit_that_takes_the_article_out_of_the_results_shows_no_article(window, qtbot, write_folder):
    shown_with_a_claim(qtbot, window, write_folder)
    search(
        qtbot, window, '"crossings"'
    )  # only in the title "Zebra crossings return" (the body has "crossed")
    assert window.articles.model.rowCount() == 1
    editor = window.detail.editor
    editor.title_edit.setFocus()
    editor.title_edit.selectAll()
    qtbot.keyClicks(editor.title_edit, "Road works return")
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)

    assert window.session.undo_stack.count() == 1  # saved, and no longer a result
    assert nothing_is_shown(window)
