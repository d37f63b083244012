"""Opening only what is a catalogue: nothing is created by accident, another application's
database is refused untouched, and every location is used as written or refused in words."""

import hashlib
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from catalog import migrations
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.db import APPLICATION_ID, CatalogueError, database, default_location
from tests.helpers import SEED_FILE, run_catalog
from ui.command_line import main

FIXTURE = Path(__file__).parent.parent / "fixtures" / "catalogue-schema-1.sqlite3"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x1f\x15\xc4\x89" * 8

#: Every command that reads, exports, searches, edits, backs up, checks or copies from a
#: catalogue: none may create one (issue 15).
READING_COMMANDS = [
    ["list"],
    ["list", "--json"],
    ["show", "1"],
    ["search", "taxes"],
    ["export-json", "OUT/all.json"],
    ["export-json", "-"],
    ["export-claimreview", "OUT/reviews.jsonld"],
    ["export-csv", "OUT/all.csv"],
    ["export-pdf", "OUT/report.pdf"],
    ["edit", "1", "--title", "New"],
    ["outlets"],
    ["merge-outlets", "A", "--into", "B"],
    ["authors", "--json"],
    ["topics"],
    ["claims", "list"],
    ["claims", "add", "1", "--text", "taxes"],
    ["suggest-summaries"],
    ["check"],
    ["check", "--repair", "--json"],
    ["backup", "OUT/backup.sqlite3"],
    ["gui"],
]


def _tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a digest of its bytes: what "changed nothing" compares."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        if path.is_file()
        else "dir"
        for path in sorted(folder.rglob("*"))
    }


def _run(capsys, *args):
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def _no_catalogue(path) -> str:
    return f"catalog: no catalogue at {path} (catalog import … or catalog new {path} creates one)\n"


# --- issue 15: a catalogue that does not exist is never created by accident ---------------------


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_a_command_on_a_missing_catalogue_creates_nothing(capsys, tmp_path, command):
    out_folder = tmp_path / "out"
    out_folder.mkdir()
    before = _tree(tmp_path)
    for missing in (tmp_path / "reel.sqlite3", tmp_path / "nonexistent" / "dir" / "x.sqlite3"):
        args = [part.replace("OUT", str(out_folder)) for part in command]
        code, out, err = _run(capsys, "--db", missing, *args)
        assert (code, out, err) == (2, "", _no_catalogue(missing))
        assert _tree(tmp_path) == before


def test_copy_from_a_missing_catalogue_creates_nothing(capsys, tmp_path):
    missing, target = tmp_path / "reel.sqlite3", tmp_path / "copy.sqlite3"
    assert _run(capsys, "copy", "--from", missing, "--to", target) == (2, "", _no_catalogue(missing))
    assert list(tmp_path.iterdir()) == []


def test_the_environment_variable_naming_a_missing_catalogue_creates_nothing(capsys, tmp_path, monkeypatch):
    missing = tmp_path / "typo.sqlite3"
    monkeypatch.setenv("CATALOG_DB", str(missing))
    assert _run(capsys, "list") == (2, "", _no_catalogue(missing))
    assert not missing.exists()


def test_an_empty_file_is_no_catalogue_for_a_reading_command(capsys, tmp_path):
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert _run(capsys, "--db", empty, "backup", tmp_path / "b.sqlite3") == (2, "", _no_catalogue(empty))
    assert empty.read_bytes() == b"" and sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite3"]


def test_new_creates_an_empty_catalogue_and_refuses_what_exists(capsys, tmp_path):
    path = tmp_path / "desk" / "research.sqlite3"
    assert _run(capsys, "new", path) == (0, f"created an empty catalogue at {path}\n", "")
    assert _run(capsys, "--db", path, "list", "--json") == (0, "[]\n", "")
    code, out, err = _run(capsys, "new", path)
    assert (code, out) == (2, "")
    assert err == f"catalog: {path} already exists: open it with --db, or name a new file\n"
    other = tmp_path / "notes.txt"
    other.write_text("my notes\n")
    code, _, err = _run(capsys, "new", other)
    assert (
        code == 2 and err.startswith(f"catalog: {other} already exists") and other.read_text() == "my notes\n"
    )


def test_import_and_import_json_create_a_catalogue(capsys, tmp_path):
    imported, restored, export = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3", tmp_path / "all.json"
    assert _run(capsys, "--db", imported, "import", SEED_FILE)[0] == 0
    assert _run(capsys, "--db", imported, "export-json", export)[0] == 0
    assert _run(capsys, "--db", restored, "import-json", export)[0] == 0
    code, out, _ = _run(capsys, "--db", restored, "list", "--json")
    assert code == 0 and len(__import__("json").loads(out)) == 1


def test_a_dry_run_import_into_a_missing_catalogue_writes_nothing(capsys, tmp_path):
    missing = tmp_path / "reel.sqlite3"
    code, out, _ = _run(capsys, "--db", missing, "import", "--dry-run", SEED_FILE)
    assert code == 0 and out.startswith("1 file: 1 ")
    assert not missing.exists()


def test_the_default_catalogue_is_still_created_on_first_run(capsys):
    assert not Path(default_location()).exists()
    assert _run(capsys, "list", "--json") == (0, "[]\n", "")
    assert Path(default_location()).exists()


# --- issue 14, item 6: another application's database is refused, changing nothing ------------


def _foreign(
    path: Path, *, wal: bool = False, tables=("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)",)
):
    connection = sqlite3.connect(path)
    if wal:
        connection.execute("PRAGMA journal_mode = wal")
    for statement in tables:
        connection.execute(statement)
    connection.execute("INSERT INTO note (text) VALUES ('keep me')")
    connection.commit()
    connection.close()
    return path


FOREIGN = {
    "notes": {},
    "notes in WAL mode": {"wal": True},
    "with its own article table": {
        "tables": (
            "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)",
            "CREATE TABLE article (id INTEGER PRIMARY KEY, headline TEXT)",
        )
    },
}


@pytest.mark.parametrize("kind", FOREIGN)
@pytest.mark.parametrize(
    "command",
    [["list"], ["check"], ["import", "SEED"], ["import-json", "EXPORT"], ["backup", "OUT"], ["gui"]],
    ids=" ".join,
)
def test_another_applications_database_is_refused_untouched(capsys, tmp_path, kind, command):
    folder = tmp_path / "theirs"
    folder.mkdir()
    path = _foreign(folder / "app.db", **FOREIGN[kind])
    export = tmp_path / "export.json"
    export.write_text('{"format": "catalog-export", "format_version": 1}')
    before = _tree(folder)
    args = [
        {"SEED": str(SEED_FILE), "EXPORT": str(export), "OUT": str(folder / "b.sqlite3")}.get(a, a)
        for a in command
    ]
    code, out, err = _run(capsys, "--db", path, *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"catalog: {path} is not a catalogue: ") and err.count("\n") == 1
    assert "another application's database" in err
    assert _tree(folder) == before  # byte for byte, no -wal or -shm left, no "backup" beside it


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"these are my notes, not a database\n" * 50, "it is not a SQLite database"),
        (PNG, "it is not a SQLite database"),
    ],
    ids=["text", "png"],
)
def test_a_file_that_is_not_sqlite_is_refused_in_words(capsys, tmp_path, content, reason):
    path = tmp_path / "picture.sqlite3"
    path.write_bytes(content)
    for command in (["list"], ["import", str(SEED_FILE)], ["new", "x"]):
        args = ["new", str(path)] if command[0] == "new" else ["--db", str(path), *command]
        code, out, err = _run(capsys, *args)
        assert (code, out) == (2, ""), err
        assert reason in err or "already exists" in err
    assert path.read_bytes() == content and sorted(p.name for p in tmp_path.iterdir()) == ["picture.sqlite3"]


def test_another_application_id_is_refused(capsys, tmp_path):
    path = tmp_path / "fossil.db"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 252006673")  # Fossil's
    connection.close()
    before = path.read_bytes()
    code, _, err = _run(capsys, "--db", path, "import", SEED_FILE)
    assert code == 2 and "application id 0x0f055111" in err
    assert path.read_bytes() == before


def test_a_catalogue_carries_the_application_id_and_schema_version(tmp_path):
    path = tmp_path / "new.sqlite3"
    open_catalogue(str(path))
    close_catalogue()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        assert connection.execute("PRAGMA user_version").fetchone() == (migrations.latest_version(),)
    connection.close()


def test_an_old_catalogue_without_the_id_still_opens_upgrades_and_gets_it(tmp_path):
    copy = tmp_path / "old.sqlite3"
    copy.write_bytes(FIXTURE.read_bytes())
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA application_id").fetchone() == (0,)
    connection.close()
    opened = open_catalogue(str(copy))
    assert opened.upgraded_from == 1 and not opened.created
    assert database.execute_sql("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    close_catalogue()
    result = run_catalog("--db", str(copy), "search", "electeurs", "--json")
    assert result.returncode == 0 and '"Élections à Paris"' in result.stdout


def test_an_old_catalogue_at_the_latest_schema_gets_the_id_on_open(tmp_path):
    path = tmp_path / "recent.sqlite3"
    open_catalogue(str(path))
    database.execute_sql("PRAGMA application_id = 0")
    database.execute_sql("PRAGMA user_version = 0")
    close_catalogue()
    assert run_catalog("--db", str(path), "list").returncode == 0
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    connection.close()


def test_a_catalogue_whose_header_was_not_yet_checkpointed_opens(tmp_path):
    """A killed first open leaves the id only in the WAL: the catalogue is still recognised."""
    path = tmp_path / "fresh.sqlite3"
    open_catalogue(str(path))
    keeper = sqlite3.connect(path)  # holds the WAL open, so nothing is checkpointed into the file
    keeper.execute("PRAGMA wal_autocheckpoint = 0")
    database.execute_sql("PRAGMA application_id = 0")
    database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    close_catalogue()
    try:
        assert open_catalogue(str(path)).name == "fresh"
    finally:
        close_catalogue()
        keeper.close()


def test_in_process_the_same_refusals(tmp_path):
    path = _foreign(tmp_path / "app.db")
    before = path.read_bytes()
    with pytest.raises(CatalogueError, match="is not a catalogue"):
        open_catalogue(str(path))
    with pytest.raises(CatalogueError, match="no catalogue at"):
        open_catalogue(str(tmp_path / "missing.sqlite3"), create=False)
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["app.db"]


# --- issue 14, item 25: every location is used as written, or refused in words ----------------


@pytest.mark.parametrize("given", [["--db", ""], ["--db="], ["--db", "  "]])
def test_an_empty_db_option_is_a_usage_error(capsys, given):
    code, out, err = _run(capsys, *given, "list")
    assert (code, out) == (2, "")
    assert err == "catalog: --db is empty: name a catalogue file or URL\n"
    assert not Path(default_location()).exists()


@pytest.mark.parametrize(
    "location",
    [
        "mysql://desk:secret@db.example.org/newsroom",
        "mongodb://db.example.org/newsroom",
        "cockroachdb://db.example.org/newsroom",
        "http://example.org/catalog.sqlite3",
    ],
)
def test_an_unsupported_kind_of_database_is_one_clear_line(capsys, location):
    code, out, err = _run(capsys, "--db", location, "list")
    assert (code, out) == (2, "")
    scheme = location.split(":", 1)[0]
    assert err.startswith(f"catalog: {scheme}:// is not a kind of catalogue Catalog can use; ")
    assert "sqlite:///PATH" in err and "postgresql://USER@HOST/DATABASE" in err
    assert err.count("\n") == 1 and "secret" not in err


def test_an_unsupported_sqlite_url_parameter_is_refused(capsys, tmp_path):
    path = tmp_path / "c.sqlite3"
    open_catalogue(str(path))
    close_catalogue()
    code, out, err = _run(capsys, "--db", f"sqlite:///{path}?cache=shared", "list")
    assert (code, out) == (2, "")
    assert (
        err
        == "catalog: sqlite:// catalogue URLs take only ?mode=ro (read-only) or ?mode=rw, not cache=shared\n"
    )


def test_mode_ro_in_a_sqlite_url_is_honoured(capsys, tmp_path):
    path = tmp_path / "c.sqlite3"
    assert _run(capsys, "--db", path, "import", SEED_FILE)[0] == 0
    close_catalogue()  # checkpointed: what follows must not change a byte
    url = f"sqlite:///{path}?mode=ro"
    before = _tree(tmp_path)
    code, out, err = _run(capsys, "--db", url, "list", "--json")
    assert code == 0 and '"id": 1' in out
    assert (
        err
        == f"catalog: note: {path.stem} is open read-only (the location asks for mode=ro): it can be read, searched and exported, not changed\n"
    )
    code, out, err = _run(capsys, "--db", url, "edit", "1", "--title", "Changed")
    assert code == 1 and out == ""
    assert err.splitlines()[-1].startswith("catalog: the catalogue is read-only: ")
    assert {k: v for k, v in _tree(tmp_path).items() if not k.endswith(("-wal", "-shm"))} == {
        k: v for k, v in before.items() if not k.endswith(("-wal", "-shm"))
    }
    assert "Changed" not in run_catalog("--db", str(path), "list").stdout


def test_a_relative_and_a_home_path_are_the_same_catalogue(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert _run(capsys, "new", "~/desk.sqlite3")[0] == 0
    assert _run(capsys, "--db", "desk.sqlite3", "list")[0] == 0
    assert os.path.exists(tmp_path / "desk.sqlite3")


def test_a_server_catalogue_without_the_driver_says_how_to_install_it(monkeypatch, capsys):
    import peewee

    from ui.command_line import main

    monkeypatch.setattr(peewee, "psycopg", None)
    monkeypatch.setattr(peewee, "psycopg2", None)
    monkeypatch.setitem(sys.modules, "psycopg", None)  # not installed: it cannot be loaded either
    code = main(["--db", "postgres://desk:s3cret@db.example.org/newsroom", "list"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert err == (
        "catalog: cannot open catalogue postgres://desk:***@db.example.org/newsroom: PostgreSQL catalogues "
        "need the psycopg driver: pip install 'catalog[postgres]' (or psycopg[binary])\n"
    )
