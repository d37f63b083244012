"""``catalog install-desktop``: the Exec line is read by a desktop as the Desktop Entry
specification says (string escapes, then quoting, then field codes), so any path starts the
program it names, and a path a desktop entry cannot hold is refused in words."""

import os
import re
import stat
import sys

import pytest

from catalog.safe_output import new_file_mode
from ui.command_line import main

#: Every character the specification reserves, a percent sign and a backslash, in folder names.
AWKWARD_FOLDERS = ["My Apps", "50%off %f %U", "$HOME `id` \"q\" 'single'", "back\\slash", "~;&|<>*?#()"]


def unescape_string(value: str) -> str:
    """A desktop entry's string value as read: \\s, \\n, \\t, \\r and \\\\ undone."""
    escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), value)


def split_exec(command: str) -> list[str]:
    """The Exec key's arguments, unquoted as the specification says: arguments separated by
    spaces; in double quotes, a backslash makes the next \", `, $ or \\ literal."""
    args, current, quoted, i = [], None, False, 0
    while i < len(command):
        char = command[i]
        if quoted:
            if char == "\\" and i + 1 < len(command) and command[i + 1] in '"`$\\':
                current += command[i + 1]
                i += 1
            elif char == '"':
                quoted = False
            else:
                assert char not in '"`$\\', f"unescaped {char!r} in a quoted argument"
                current += char
        elif char == " ":
            if current is not None:
                args.append(current)
            current = None
        elif char == '"':
            assert current is None, "a quote may only open an argument"
            current, quoted = "", True
        else:
            assert char not in "\t\n\"'\\><~|&;$*?#()`", f"reserved {char!r} outside quotes"
            current = (current or "") + char
        i += 1
    assert not quoted, "an unclosed quote"
    return args + ([current] if current is not None else [])


def expand_field_codes(arg: str) -> str:
    """%% is a literal %; the entry uses no other field code."""
    assert re.fullmatch(r"([^%]|%%)*", arg), f"a field code in {arg!r}"
    return arg.replace("%%", "%")


def exec_argv(entry_text: str) -> list[str]:
    """The command a desktop runs for this entry, as a list of arguments."""
    lines = entry_text.splitlines()
    execs = [line.removeprefix("Exec=") for line in lines if line.startswith("Exec=")]
    assert len(execs) == 1, execs
    return [expand_field_codes(arg) for arg in split_exec(unescape_string(execs[0]))]


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    return tmp_path / "share"


def python_in(folder, monkeypatch, *, script: bool, window: bool = False):
    """A Python (and, if ``script``, a ``catalog`` script beside it; if ``window``, a
    ``catalog-window`` script too) in ``folder``, as ``sys.executable``."""
    bin_folder = folder / "bin"
    bin_folder.mkdir(parents=True)
    python = bin_folder / "python"
    python.write_text("#!/bin/sh\n")
    if script:
        (bin_folder / "catalog").write_text("#!/bin/sh\n")
    if window:
        (bin_folder / "catalog-window").write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "executable", str(python))
    return python


@pytest.mark.parametrize("folder", AWKWARD_FOLDERS)
@pytest.mark.parametrize("script", [True, False], ids=["script", "python -m"])
def test_a_desktop_runs_exactly_the_installed_program(
    data_home, tmp_path, monkeypatch, capsys, folder, script
):
    python = python_in(tmp_path / folder / "venv", monkeypatch, script=script)
    assert main(["install-desktop"]) == 0, capsys.readouterr().err
    entry = data_home / "applications" / "catalog.desktop"
    expected = [str(python.with_name("catalog")), "gui"] if script else [str(python), "-m", "catalog", "gui"]
    assert exec_argv(entry.read_text(encoding="utf-8")) == expected


def test_a_desktop_starts_the_window_script_where_there_is_one(data_home, tmp_path, monkeypatch, capsys):
    python = python_in(tmp_path / "venv", monkeypatch, script=True, window=True)
    assert main(["install-desktop"]) == 0, capsys.readouterr().err
    entry = data_home / "applications" / "catalog.desktop"
    assert exec_argv(entry.read_text(encoding="utf-8")) == [str(python.with_name("catalog-window"))]


def test_a_plain_path_is_written_plainly(data_home, tmp_path, monkeypatch):
    python = python_in(tmp_path / "venv", monkeypatch, script=True)
    assert main(["install-desktop"]) == 0
    text = (data_home / "applications" / "catalog.desktop").read_text(encoding="utf-8")
    assert f"\nExec={python.with_name('catalog')} gui\n" in text


@pytest.mark.parametrize(
    ("folder", "shown"),
    [
        ("evil\nExec=rm -rf ~", "evil\\nExec=rm -rf ~"),
        ("tab\there", "tab\\there"),
        ("bell\x07", "bell\\x07"),
        ("esc\x1b[2J", "esc\\e[2J"),
    ],
    ids=["newline", "tab", "bell", "escape"],
)
def test_a_path_with_a_control_character_is_refused_in_words(
    data_home, tmp_path, monkeypatch, capsys, folder, shown
):
    python_in(tmp_path / folder, monkeypatch, script=True)
    assert main(["install-desktop"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("catalog: cannot install the desktop entry: the path of Catalog's program, ")
    assert shown in err and err.count("\n") == 1
    assert "a newline, tab or other control character" in err
    assert not (data_home / "applications").exists() or not list((data_home / "applications").iterdir())


def test_the_entry_and_icon_never_write_through_a_planted_link(data_home, tmp_path, monkeypatch, capsys):
    python_in(tmp_path / "venv", monkeypatch, script=True)
    precious = tmp_path / "bashrc"
    precious.write_text("precious")
    entry = data_home / "applications" / "catalog.desktop"
    icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / "catalog.svg"
    for path in (entry, icon):
        path.parent.mkdir(parents=True)
        path.symlink_to(precious)
    assert main(["install-desktop"]) == 0
    assert precious.read_text() == "precious"
    for path in (entry, icon):
        assert not path.is_symlink() and stat.S_IMODE(path.stat().st_mode) == new_file_mode()
    assert entry.read_text(encoding="utf-8").startswith("[Desktop Entry]\n")
    assert icon.read_text(encoding="utf-8").startswith("<svg")
    assert os.listdir(entry.parent) == ["catalog.desktop"]
