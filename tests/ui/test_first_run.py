"""``catalog gui`` on a new machine: the default catalogue is created with the seed articles."""

import json

import pytest

import ui.app
from catalog.catalogue import close_catalogue
from catalog.db import default_location
from ui.command_line import main


@pytest.fixture
def windows_opened(monkeypatch):
    """Catalogues the gui command opened a window on (the window itself is not shown)."""
    opened = []
    monkeypatch.setattr(ui.app, "run", lambda location, **_: opened.append(location) or 0)
    yield opened
    close_catalogue()


def test_first_run_imports_the_seeds_into_the_default_catalogue(windows_opened, capsys):
    assert main([]) == 0
    assert windows_opened == [default_location()]
    main(["list", "--json"])
    [article] = json.loads(capsys.readouterr().out)
    assert (article["date"], article["authors"], article["outlet"]) == (
        "2022-06-29",
        ["Dave DeCamp"],
        "AntiWar.com",
    )


def test_seeds_are_imported_only_once(windows_opened, capsys):
    main(["gui"])
    main(["gui"])
    main(["list", "--json"])
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_a_catalogue_named_by_the_user_must_exist_and_starts_empty(windows_opened, tmp_path, capsys):
    location = str(tmp_path / "mine.sqlite3")
    assert main(["--db", location, "gui"]) == 2  # issue 15: only `new` (or an import) makes one
    assert capsys.readouterr().err.startswith(f"catalog: no catalogue at {location} (")
    assert windows_opened == [] and not (tmp_path / "mine.sqlite3").exists()
    assert main(["new", location]) == 0
    capsys.readouterr()
    assert main(["--db", location, "gui"]) == 0
    assert windows_opened == [location]
    main(["--db", location, "list", "--json"])
    assert json.loads(capsys.readouterr().out) == []


def test_missing_x11_libraries_are_named_with_the_command_to_install_them(monkeypatch, tmp_path):
    socket_dir = tmp_path / "x11"
    socket_dir.mkdir()
    (socket_dir / "X5").touch()
    monkeypatch.setattr(ui.app, "_local_x_socket", lambda display: socket_dir / f"X{display[1:]}")
    monkeypatch.setattr(
        ui.app.ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else f"lib{name}.so"
    )
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":5")
    problem = ui.app.display_problem()
    assert "(on Debian or Ubuntu: sudo apt install libxcb-cursor0);" in problem
    assert "catalog list" in problem


def test_a_display_with_no_x_server_is_named(monkeypatch, tmp_path):
    monkeypatch.setattr(ui.app, "_local_x_socket", lambda display: tmp_path / "absent")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":9")
    assert ui.app.display_problem().startswith(
        "cannot open the window because no X server answers on display :9"
    )
