"""A Linux desktop entry for Catalog: ``catalog install-desktop`` puts Catalog in the
applications menu (freedesktop.org: a .desktop file and a scalable icon under the user's data
folder). Needs no display and imports no Qt."""

import os
import shlex
import shutil
import sys
from importlib.resources import files
from pathlib import Path

ENTRY_NAME = "catalog.desktop"
ICON_NAME = "catalog"


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def entry_path() -> Path:
    return data_home() / "applications" / ENTRY_NAME


def icon_target() -> Path:
    return data_home() / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"


def launcher() -> str:
    """The command that starts the window from this installation."""
    script = Path(sys.executable).with_name("catalog")
    if script.is_file():
        return shlex.quote(str(script)) + " gui"
    return f"{shlex.quote(sys.executable)} -m catalog gui"


def entry_text() -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.5\n"
        "Name=Catalog\n"
        "GenericName=News Article Catalogue\n"
        "Comment=Import, catalogue, search and fact-check news articles\n"
        f"Exec={launcher()}\n"
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
    """Write the entry and the icon; returns the files written."""
    entry, icon = entry_path(), icon_target()
    entry.parent.mkdir(parents=True, exist_ok=True)
    icon.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(entry_text(), encoding="utf-8")
    shutil.copyfile(_icon_source(), icon)
    return [entry, icon]


def uninstall() -> list[Path]:
    removed = []
    for path in (entry_path(), icon_target()):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed
