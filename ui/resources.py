"""Icons and the stylesheet, from inside the installed package or the source tree's resources/."""

from functools import cache
from importlib.resources import files
from pathlib import Path

from PySide6.QtGui import QIcon


@cache
def resources_folder() -> Path:
    installed = Path(str(files("ui") / "resources"))
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def icon(name: str) -> QIcon:
    """An icon from ``resources/icons/NAME.svg``."""
    return QIcon(str(resources_folder() / "icons" / f"{name}.svg"))


def stylesheet() -> str:
    path = resources_folder() / "style.qss"
    return path.read_text(encoding="utf-8") if path.is_file() else ""
