"""A SQLite catalogue another desk keeps locked: a save waits a few seconds, then says so in
words (never "unexpected error"), and nothing is half written."""

import sqlite3

from tests.helpers import SEED_FOLDER
from ui.command_line import main


def test_an_edit_while_another_desk_holds_the_catalogue_says_it_is_busy(tmp_path, capsys):
    db = str(tmp_path / "busy.sqlite3")
    assert main(["--db", db, "import", str(SEED_FOLDER)]) == 0
    capsys.readouterr()
    other_desk = sqlite3.connect(db, isolation_level=None)
    other_desk.execute("BEGIN IMMEDIATE")  # a long write of theirs, holding the write lock
    try:
        code = main(["--db", db, "edit", "1", "--title", "Ours"])
        out, err = capsys.readouterr()
    finally:
        other_desk.execute("ROLLBACK")
        other_desk.close()
    assert (code, out) == (1, "")
    assert err.startswith("catalog: the catalogue is busy: another desk or program kept it locked")
    assert "unexpected" not in err
    assert main(["--db", db, "edit", "1", "--title", "Ours"]) == 0  # once they are done, it saves
