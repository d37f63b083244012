"""The window backs the catalogue up and checks it on open, warning only when something is wrong."""

import shutil
import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from catalog.catalogue import close_catalogue
from tests.ui.driving import trigger
from ui.app import open_window


def test_back_up_from_the_file_menu(sqlite_window, qtbot, monkeypatch, tmp_path):
    window = sqlite_window
    target = tmp_path / "copy.sqlite3"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Catalogues (*.sqlite3)")
    )
    trigger(window, "actionBackUp")
    with sqlite3.connect(target) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert window.statusBar().currentMessage() == f"Backed up to {target}"


def test_a_sound_catalogue_is_checked_quietly_on_open(sqlite_window, qtbot, message_boxes):
    window = sqlite_window
    qtbot.waitUntil(lambda: window.maintenance.check_problems is not None, timeout=10_000)
    assert window.maintenance.check_problems == [] and message_boxes == []


def test_a_damaged_catalogue_is_named_on_open(qtbot, tmp_path, message_boxes):
    db_path = str(tmp_path / "sound.sqlite3")
    first = open_window(db_path)
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: first.maintenance.check_problems is not None, timeout=10_000)
    first.close()
    close_catalogue()
    damaged = tmp_path / "damaged.sqlite3"
    shutil.copy(db_path, damaged)
    with sqlite3.connect(damaged) as connection:
        # The root page of an index the window does not read on open: the check must notice it.
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'article_title'"
        ).fetchone()
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    data = bytearray(damaged.read_bytes())
    data[(root - 1) * page_size : (root - 1) * page_size + 64] = b"\x5a" * 64
    damaged.write_bytes(bytes(data))
    window = open_window(str(damaged))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.maintenance.check_problems is not None, timeout=10_000)
    assert window.maintenance.check_problems and "damaged" in window.maintenance.check_problems[0]
    [box] = [b for b in message_boxes if b.windowTitle() == "Catalogue Damaged"]
    assert "Restore the newest backup" in box.text()
    window.close()
    close_catalogue()
    assert Path(damaged).exists()


def _damage_an_index(path: Path) -> None:
    """Scribble over the root page of an index the window does not read on open."""
    with sqlite3.connect(path) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'article_title'"
        ).fetchone()
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : (root - 1) * page_size + 64] = b"\x5a" * 64
    path.write_bytes(bytes(data))


def _checked_window(qtbot, path: Path):
    window = open_window(str(path))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.maintenance.check_problems is not None, timeout=10_000)
    return window


def test_the_check_on_open_reads_names_with_hash_and_percent(qtbot, tmp_path, message_boxes):
    # Issue 14, item 21: '#' and '?' cut a hand-built file: URI short (and SQLite created an
    # empty file "news"), '%25' was decoded into another name.
    sound = _checked_window(qtbot, tmp_path / "50%25off.sqlite3")
    assert sound.maintenance.check_problems == [] and message_boxes == []
    sound.close()
    close_catalogue()
    damaged = tmp_path / "news#2022.sqlite3"
    shutil.copy(tmp_path / "50%25off.sqlite3", damaged)
    _damage_an_index(damaged)
    window = _checked_window(qtbot, damaged)
    assert window.maintenance.check_problems and "damaged" in window.maintenance.check_problems[0]
    assert [b.windowTitle() for b in message_boxes] == ["Catalogue Damaged"]
    window.close()
    close_catalogue()
    names = {p.name.removesuffix("-wal").removesuffix("-shm") for p in tmp_path.iterdir()}
    assert names - {"settings"} == {"50%25off.sqlite3", "news#2022.sqlite3"}


def test_back_up_onto_the_catalogue_itself_is_refused(sqlite_window, qtbot, monkeypatch, message_boxes):
    # Issue 14, item 1, in File > Back Up...: the same refusal as the command line.
    from tests.helpers import SEED_FILE
    from tests.ui.driving import import_and_wait

    window = sqlite_window
    import_and_wait(qtbot, window, [str(SEED_FILE)])
    location = window.catalogue.location
    for target in (location, f"{location}-wal"):
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (t, "Catalogues (*.sqlite3)")
        )
        message_boxes.clear()
        trigger(window, "actionBackUp")
        [box] = message_boxes
        assert box.windowTitle() == "Back Up"
        assert box.text().startswith("Not backed up: cannot back up onto the catalogue")
    assert window.articles.model.rowCount() == 1
    with sqlite3.connect(location) as connection:
        assert connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM article").fetchone() == (1,)
    connection.close()
