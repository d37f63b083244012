"""A full disk is named as such, and the catalogue stays whole.

SQLite answers SQLITE_FULL ("database or disk is full") when a file cannot grow: on a full
disk, or when it reaches ``PRAGMA max_page_count``. The tests use the second, which takes the
same road through SQLite, peewee and Catalog on any machine.
"""

import psycopg
import pytest
from peewee import OperationalError

from catalog import db as catalog_db
from catalog import db_errors
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.db import database
from catalog.maintenance import check_catalogue
from catalog.models import Article
from tests.helpers import SEED_FOLDER
from ui.command_line import main

NOTES = "Field notes from the press conference, verbatim. " * 1800  # ~88 KB: more pages than allowed


@pytest.fixture
def nearly_full(tmp_path, monkeypatch, capsys):
    """A catalogue with the seed article, on a "disk" with room for only a few more pages."""
    path = str(tmp_path / "full.sqlite3")
    assert main(["--db", path, "import", str(SEED_FOLDER)]) == 0
    open_catalogue(path)
    (pages,) = database.execute_sql("PRAGMA page_count").fetchone()
    close_catalogue()
    capsys.readouterr()
    monkeypatch.setattr(
        catalog_db, "SQLITE_PRAGMAS", {**catalog_db.SQLITE_PRAGMAS, "max_page_count": pages + 4}
    )
    return path


def test_an_edit_on_a_full_disk_says_the_disk_is_full_and_changes_nothing(nearly_full, tmp_path, capsys):
    code = main(["--db", nearly_full, "edit", "1", "--notes", NOTES])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err == (
        f"catalog: the disk holding {tmp_path} is full: nothing was changed; free some space and try again\n"
    )
    assert "rollback" not in err and "unexpected" not in err
    open_catalogue(nearly_full)
    try:
        assert Article.get_by_id(1).notes == "" and Article.get_by_id(1).version == 1
        assert check_catalogue().ok
    finally:
        close_catalogue()


def test_an_indexed_edit_on_a_full_disk_says_so_too(nearly_full, capsys):
    code = main(["--db", nearly_full, "edit", "1", "--summary", NOTES])  # the search index grows too
    _, err = capsys.readouterr()
    assert code == 1 and "is full: nothing was changed" in err
    assert main(["--db", nearly_full, "check"]) == 0


def test_the_words_for_a_full_server_disk_name_the_server_without_its_password():
    full = psycopg.errors.DiskFull('could not extend file "base/16384/16400": No space left on device')
    wrapped = OperationalError(full)
    location = "postgresql://desk:s3cret@db.example.org/newsroom"
    words = db_errors.explain(wrapped, location)
    assert words.startswith("the disk of the server of postgresql://desk:***@db.example.org/newsroom is full")
    assert "s3cret" not in words


def test_a_rollback_failure_never_hides_the_full_disk():
    full = OperationalError("database or disk is full")
    try:
        try:
            raise full
        except OperationalError:
            raise OperationalError("cannot rollback - no transaction is active")
    except OperationalError as masked:
        assert db_errors.is_disk_full(masked)
    assert db_errors.explain(ValueError("a bug"), "x.sqlite3") is None
