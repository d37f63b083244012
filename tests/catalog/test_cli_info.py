"""``catalog info``: which catalogue a command uses and why, its backend, size, counts and
schema, whether it is read-only, and where the settings and the data folder live."""

import json
import os
from pathlib import Path

import platformdirs
import pytest

from catalog.db import default_location, sqlite_path
from catalog.migrations import latest_version
from tests.catalog.test_secrets import SECRET, with_password
from tests.helpers import SEED_FOLDER, cli_outcome, run_catalog
from ui.command_line import main

INFO_KEYS = {
    "location",
    "name",
    "chosen_by",
    "backend",
    "backend_version",
    "size_bytes",
    "articles",
    "claims",
    "schema_version",
    "stemming",
    "read_only",
    "read_only_reason",
    "default_location",
    "settings",
    "data_folder",
}


@pytest.fixture
def filled(db_path, capsys):
    """The catalogue under test with the seed article and a claim on it."""
    assert main(["--db", db_path, "import", str(SEED_FOLDER)]) == 0
    assert main(["--db", db_path, "claims", "add", "1", "--text", "retake all"]) == 0
    return db_path


def test_info_as_json_on_the_backend_under_test(capsys, filled, private_user_dirs):
    code, out, err = cli_outcome(capsys, "info", "--json", "--db", filled)
    assert (code, err) == (0, "")
    info = json.loads(out)
    assert set(info) == INFO_KEYS
    server = sqlite_path(filled) is None
    assert info["backend"] == ("postgresql" if server else "sqlite")
    assert info["backend_version"].split(".")[0].isdigit()
    assert (info["articles"], info["claims"]) == (1, 1)
    assert info["schema_version"] == latest_version()
    assert (info["read_only"], info["read_only_reason"]) == (False, None)
    assert (info["location"], info["chosen_by"]) == (filled, "--db")
    assert info["default_location"] == default_location()
    assert info["data_folder"] == platformdirs.user_data_dir("Catalog", appauthor=False)
    assert info["data_folder"].startswith(str(private_user_dirs))
    assert info["settings"] == str(private_user_dirs / "config" / "Catalog" / "Catalog.conf")
    if server:
        assert info["size_bytes"] > 1_000_000  # pg_database_size: a whole database, catalogs and all
    else:
        on_disk = [Path(filled), Path(filled + "-wal")]
        assert info["size_bytes"] == sum(p.stat().st_size for p in on_disk if p.exists())


def test_info_as_text(capsys, filled, monkeypatch):
    monkeypatch.setenv("CATALOG_DB", filled)
    code, out, _ = cli_outcome(capsys, "info")
    assert code == 0
    fields = dict(line.split(":", 1) for line in out.splitlines())
    fields = {key: value.strip() for key, value in fields.items()}
    assert fields["Catalogue"] == f"{filled} (named by $CATALOG_DB)"
    assert fields["Articles"] == "1" and fields["Claims"] == "1"
    assert fields["Schema"] == f"version {latest_version()}"
    assert fields["Read-only"] == "no"
    assert fields["English stemming"] == "on"  # a new catalogue stems
    assert fields["Backend"].split()[0] in ("SQLite", "PostgreSQL")
    assert fields["Size"].endswith(" bytes)")
    assert set(fields) == {
        "Catalogue", "Backend", "Size", "Articles", "Claims", "Schema", "English stemming", "Read-only",
        "Default catalogue", "Settings", "Data folder",
    }  # fmt: skip


def test_info_never_shows_a_password(capsys, postgres_url):
    url = with_password(postgres_url)
    assert main(["new", url]) == 0
    code, out, err = cli_outcome(capsys, "--db", url, "info", "--json")
    assert code == 0 and SECRET not in out + err
    assert json.loads(out)["location"] == postgres_url
    code, out, err = cli_outcome(capsys, "--db", f"{postgres_url}?password={SECRET}", "info")
    assert code == 0 and SECRET not in out + err


def test_info_on_a_missing_catalogue_exits_2_and_creates_nothing(capsys, tmp_path):
    missing = tmp_path / "no" / "such" / "reel.sqlite3"
    code, out, err = cli_outcome(capsys, "--db", str(missing), "info")
    assert (code, out) == (2, "")
    assert (
        err == f"catalog: no catalogue at {missing} (catalog import … or catalog new {missing} creates one)\n"
    )
    assert not (tmp_path / "no").exists()


def test_info_does_not_make_the_default_catalogue(capsys):
    code, _out, err = cli_outcome(capsys, "info", "--json")
    assert code == 2 and f"no catalogue at {default_location()}" in err
    assert not Path(default_location()).exists() and not Path(default_location()).parent.exists()


def test_info_on_a_catalogue_without_articles_in_a_new_process(tmp_path):
    location = tmp_path / "empty.sqlite3"
    assert run_catalog("new", str(location)).returncode == 0
    done = run_catalog("--db", str(location), "info", "--json")
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    assert (info["articles"], info["claims"], info["chosen_by"]) == (0, 0, "--db")


def test_info_on_a_read_only_catalogue(capsys, sqlite_catalogue):
    location = sqlite_catalogue.location
    assert main(["--db", location, "import", str(SEED_FOLDER)]) == 0
    code, out, _ = cli_outcome(capsys, "--db", f"sqlite:///{location}?mode=ro", "info", "--json")
    info = json.loads(out)
    assert code == 0
    assert (info["read_only"], info["read_only_reason"]) == (True, "the location asks for mode=ro")
    assert info["articles"] == 1
    os.chmod(location, 0o444)  # read-only by its mode bits, even for root
    code, out, _ = cli_outcome(capsys, "--db", location, "info")
    assert code == 0
    fields = {key: value.strip() for key, value in (line.split(":", 1) for line in out.splitlines())}
    assert fields["Read-only"] == "yes (its file is not writable)"
