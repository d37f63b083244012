"""A Linux desktop entry for Catalog: ``catalog install-desktop`` puts Catalog in the
applications menu (freedesktop.org: a .desktop file and a scalable icon under the user's data
folder). Needs no display and imports no Qt.

The ``Exec`` line is written for the Desktop Entry specification, not for a shell: an argument
with a reserved character goes in double quotes with ``"``, `` ` ``, ``$`` and a backslash escaped by
another, a ``%`` is written ``%%`` (else it is a field code), and then backslashes are doubled
once more, as every string value of the file needs. A path with a newline or another control
character cannot be written there at all (a newline would start a second ``Exec=`` line), so it
is refused in words.
"""

import os
import re
import sys
from importlib.resources import files
from pathlib import Path

from catalog.safe_output import output_file
from catalog.terminal_text import one_line

ENTRY_NAME = "catalog.desktop"
ICON_NAME = "catalog"


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def entry_path() -> Path:
    return data_home() / "applications" / ENTRY_NAME


def icon_target() -> Path:
    return data_home() / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"


#: Characters the specification reserves: an argument holding one is quoted.
_RESERVED = re.compile(r"[ \t\n\"'\\><~|&;$*?#()`]")
_ESCAPED_IN_QUOTES = re.compile(r'(["`$\\])')
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # (lone surrogates: bytes not UTF-8)


class DesktopEntryError(ValueError):
    """A desktop entry that cannot be written; the message says why, for people."""


def launcher_arguments() -> list[str]:
    """The command that starts the window from this installation, as arguments: its window
    script (no console), else its ``catalog gui``."""
    window = Path(sys.executable).with_name("catalog-window")
    if window.is_file():
        return [str(window)]
    script = Path(sys.executable).with_name("catalog")
    if script.is_file():
        return [str(script), "gui"]
    return [sys.executable, "-m", "catalog", "gui"]


def exec_value(arguments: list[str]) -> str:
    """``arguments`` as the value of an ``Exec`` key (see the module's docstring)."""
    for argument in arguments:
        if _CONTROL.search(argument):
            raise DesktopEntryError(
                f"the path of Catalog's program, {one_line(argument)}, holds a newline, tab or other "
                "control character (or bytes that are not UTF-8), which a desktop entry cannot hold; "
                "install Catalog in a folder whose path has none"
            )
    return " ".join(_quoted(argument) for argument in arguments).replace("\\", "\\\\")


def _quoted(argument: str) -> str:
    argument = argument.replace("%", "%%")
    if not argument or _RESERVED.search(argument):
        return '"' + _ESCAPED_IN_QUOTES.sub(r"\\\1", argument) + '"'
    return argument


def entry_text() -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.5\n"
        "Name=Catalog\n"
        "GenericName=News Article Catalogue\n"
        "Comment=Import, catalogue, search and fact-check news articles\n"
        f"Exec={exec_value(launcher_arguments())}\n"
        f"Icon={ICON_NAME}\n"
        "Terminal=false\n"
        "Categories=Office;Database;\n"
        "Keywords=news;articles;claims;fact-checking;newsroom;\n"
        "StartupWMClass=catalog\n"
    )


def _icon_source() -> Path:
    installed = Path(str(files("ui") / "resources" / "icons" / f"{ICON_NAME}.svg"))
    if installed.is_file():
        return installed
    return Path(__file__).resolve().parent.parent / "resources" / "icons" / f"{ICON_NAME}.svg"


def install() -> list[Path]:
    """Write the entry and the icon; returns the files written. Raises ``DesktopEntryError``
    (nothing written) or ``catalog.safe_output.OutputError``. Each file is written whole beside
    its place and moved there, so a link planted at either name is replaced, not followed."""
    entry, icon = entry_path(), icon_target()
    text = entry_text()  # first: a path it cannot hold writes nothing
    for path, data in ((icon, _icon_source().read_bytes()), (entry, text.encode("utf-8"))):
        path.parent.mkdir(parents=True, exist_ok=True)
        with output_file(path, "wb") as out:
            out.write(data)
    return [entry, icon]


def uninstall() -> list[Path]:
    removed = []
    for path in (entry_path(), icon_target()):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed
