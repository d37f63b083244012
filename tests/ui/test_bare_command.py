"""The window and the command line mean the same catalogue when none is named: ``--db``, else
``$CATALOG_DB``, else the default file, whatever catalogue the window showed last."""

import json
import os
import subprocess
import sys

import pytest

import ui.app
from catalog.catalogue import close_catalogue
from catalog.db import default_location
from catalog.places import settings_location
from tests.helpers import article_file, run_catalog
from ui.command_line import main
from ui.controllers.catalogues import recent_catalogues


@pytest.fixture
def opened(monkeypatch):
    """The locations plain ``catalog`` (or ``catalog gui``) opened the window on."""
    locations = []
    monkeypatch.setattr(ui.app, "run", lambda location, **_: locations.append(location) or 0)
    return locations


@pytest.fixture
def other(db_path, tmp_path):
    """Another catalogue (a shared one on the server when the backend is PostgreSQL) holding an
    article the default catalogue does not."""
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "zeppelin.txt").write_text(
        article_file("Zeppelin returns", "A zeppelin flew over the harbour.")
    )
    assert main(["--db", db_path, "import", str(folder)]) == 0
    return db_path


def search(capsys, *args) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["search", "zeppelin", "--json", *args])
    return code, [article["title"] for article in json.loads(capsys.readouterr().out)]


def info(capsys, *args) -> dict:
    capsys.readouterr()
    assert main(["info", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def window_shows_other_last(qtbot, other):
    """The window opens on the default catalogue (made with the seed article on a first run),
    then File ▸ Open Recent / Connect to Shared Catalogue moves it to ``other``."""
    window = ui.app.open_window(default_location())
    qtbot.addWidget(window)
    successor = window.catalogues.switch_catalogue(other)
    qtbot.addWidget(successor)
    assert successor.catalogue.location == other
    successor.close()
    close_catalogue()
    assert recent_catalogues()[0] in (other, str(other))


def test_after_the_window_showed_another_catalogue_both_mean_the_default(qtbot, capsys, opened, other):
    assert main([]) == 0  # first run: the default catalogue, made with the seed article
    assert opened == [default_location()]
    window_shows_other_last(qtbot, other)

    assert search(capsys) == (0, [])  # a bare command: the default catalogue
    assert info(capsys)["location"] == default_location()
    assert info(capsys)["chosen_by"] == "default"
    assert main([]) == 0 and main(["gui"]) == 0
    assert opened == [default_location()] * 3  # the window too: not the one it showed last
    assert search(capsys, "--db", other) == (0, ["Zeppelin returns"])  # named, it is there


def test_catalog_db_names_the_catalogue_for_both(qtbot, capsys, opened, other, monkeypatch):
    monkeypatch.setenv("CATALOG_DB", other)
    assert search(capsys) == (0, ["Zeppelin returns"])
    assert info(capsys)["chosen_by"] == "CATALOG_DB"
    assert main([]) == 0
    assert opened == [other]

    monkeypatch.delenv("CATALOG_DB")
    assert main(["--db", other]) == 0 and main(["gui", "--db", other]) == 0
    assert opened == [other] * 3
    assert info(capsys, "--db", other)["location"] == other


def test_info_names_the_settings_file_the_window_writes(other):
    """In a process of its own: this suite points QSettings at each test's folder."""
    program = "import ui.app; from PySide6.QtCore import QSettings; ui.app.application(); print(QSettings().fileName())"
    window_side = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=60
    ).stdout.strip()
    done = run_catalog("--db", other, "info", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["settings"] == window_side == settings_location()
    assert window_side.startswith(os.environ["XDG_CONFIG_HOME"])
