"""Icons and the stylesheet, from inside the installed package or the source tree's resources/."""

from functools import cache
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_SIZES = (16, 20, 24, 32, 48)


@cache
def resources_folder() -> Path:
    installed = Path(str(files("ui") / "resources"))
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def icon_path(name: str) -> Path:
    return resources_folder() / "icons" / f"{name}.svg"


def icon(name: str) -> QIcon:
    """An icon from ``resources/icons/NAME.svg``. Line icons (drawn in ``currentColor``) are
    painted in the palette's text colour, so they read on light and dark themes alike; a
    disabled look comes from the palette's disabled text colour."""
    palette = QGuiApplication.palette()
    colours = tuple(
        palette.color(group, QPalette.ColorRole.WindowText).name()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Disabled)
    )
    return _painted(name, colours)


@cache
def _painted(name: str, colours: tuple[str, str]) -> QIcon:
    # Rendered once per icon and palette: every window, and an icon on several actions, share it.
    path = icon_path(name)
    svg = path.read_text(encoding="utf-8") if path.is_file() else ""
    if "currentColor" not in svg:
        return QIcon(str(path))
    result = QIcon()
    for mode, colour in zip((QIcon.Mode.Normal, QIcon.Mode.Disabled), colours, strict=True):
        renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour).encode()))
        for size in ICON_SIZES:
            result.addPixmap(_rendered(renderer, size), mode)
    return result


def _rendered(renderer: QSvgRenderer, size: int) -> QPixmap:
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def stylesheet() -> str:
    path = resources_folder() / "style.qss"
    return path.read_text(encoding="utf-8") if path.is_file() else ""
