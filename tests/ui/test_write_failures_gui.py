"""A save the catalogue cannot take (a full disk, another desk holding it) is said in words in
the window, the typing stays, and the window never claims the catalogue went away."""

import sqlite3

from catalog import db as catalog_db
from catalog.articles import get_article
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.db import database
from catalog.importing import import_paths
from tests.helpers import SEED_FOLDER
from tests.ui.driving import shown_window

NOTES = "Field notes from the press conference, verbatim. " * 1800  # ~88 KB


def test_a_save_on_a_full_disk_says_so_and_keeps_the_typing(qtbot, tmp_path, monkeypatch, message_boxes):
    path = str(tmp_path / "full.sqlite3")
    open_catalogue(path)
    import_paths([SEED_FOLDER])
    (pages,) = database.execute_sql("PRAGMA page_count").fetchone()
    close_catalogue()
    monkeypatch.setattr(
        catalog_db, "SQLITE_PRAGMAS", {**catalog_db.SQLITE_PRAGMAS, "max_page_count": pages + 4}
    )
    win = shown_window(qtbot, path)
    win.detail.editor.notes_edit.setPlainText(NOTES)
    win.detail.editor.save_typing()
    assert message_boxes[-1].text() == (
        f"Not saved: the disk holding {tmp_path} is full: nothing was changed; free some space and try again."
    )
    assert not win.banner.isVisible() and not win.session.offline
    assert win.detail.editor.notes_edit.toPlainText() == NOTES  # to save once there is room
    assert get_article(1)["notes"] == ""
    close_catalogue()


def test_a_save_while_another_desk_holds_the_catalogue_says_it_is_busy(qtbot, tmp_path, message_boxes):
    path = str(tmp_path / "busy.sqlite3")
    open_catalogue(path)
    import_paths([SEED_FOLDER])
    close_catalogue()
    win = shown_window(qtbot, path)
    other_desk = sqlite3.connect(path, isolation_level=None)
    other_desk.execute("BEGIN IMMEDIATE")
    try:
        win.detail.editor.summary_edit.setPlainText("Our summary.")
        win.detail.editor.save_typing()
    finally:
        other_desk.execute("ROLLBACK")
        other_desk.close()
    assert message_boxes[-1].text().startswith("Not saved: the catalogue is busy: another desk or program")
    assert not win.banner.isVisible() and not win.session.offline
    assert win.detail.editor.summary_edit.toPlainText() == "Our summary."
    win.detail.editor.save_typing()  # once they are done, it saves
    assert get_article(1)["summary"] == "Our summary."
    close_catalogue()
