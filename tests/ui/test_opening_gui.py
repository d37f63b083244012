"""File ▸ Open Catalogue… opens only catalogues: a missing file or another application's
database is named, changed in nothing, and the window stays where it was; only File ▸ New
Catalogue… makes one."""

import hashlib
import sqlite3

import pytest
from PySide6.QtWidgets import QFileDialog

from catalog.catalogue import close_catalogue
from tests.helpers import SEED_FILE
from tests.ui.driving import import_and_wait, trigger

FILTER = "Catalogues (*.sqlite3 *.sqlite *.db)"


def _digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _foreign_wal_database(path):
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = wal")
    connection.execute("CREATE TABLE article (id INTEGER PRIMARY KEY, headline TEXT)")
    connection.execute("INSERT INTO article (headline) VALUES ('theirs')")
    connection.commit()
    connection.close()


@pytest.mark.parametrize("what", ["another application's database", "a picture", "a missing file"])
def test_open_catalogue_refuses_what_is_not_one_and_stays(
    sqlite_window, qtbot, monkeypatch, message_boxes, tmp_path, what
):
    window = sqlite_window
    import_and_wait(qtbot, window, [str(SEED_FILE)])
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    target = folder / "chosen.db"
    if what == "another application's database":
        _foreign_wal_database(target)
    elif what == "a picture":
        target.write_bytes(bytes.fromhex("89504e470d0a1a0a0000000d49484452") * 20)
    before = _digests(folder)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), FILTER))
    trigger(window, "actionOpenCatalogue")
    assert window.catalogues.successor is None and window.isVisible()
    [box] = message_boxes
    expected = {
        "another application's database": f"{target} is not a catalogue: it is another application's database",
        "a picture": f"{target} is not a catalogue: it is not a SQLite database",
        "a missing file": f"no catalogue at {target} (",
    }[what]
    assert box.windowTitle() == "Open Catalogue" and expected in box.text()
    assert _digests(folder) == before  # byte for byte; no -wal, -shm or backup beside it
    window.articles.refresh()  # still on its own catalogue, and working
    assert window.articles.model.rowCount() == 1 and window.articles.count_label.text() == "1 article"


def test_new_catalogue_makes_one_and_moves_the_window_there(sqlite_window, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "desk" / "Newsroom.sqlite3"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), FILTER))
    trigger(sqlite_window, "actionNewCatalogue")
    new = sqlite_window.catalogues.successor
    assert new is not None and target.exists()
    qtbot.addWidget(new)
    assert new.windowTitle() == "Newsroom — Catalog" and new.articles.model.rowCount() == 0
    new.close()
    close_catalogue()
