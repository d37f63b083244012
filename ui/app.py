"""Starting the window: the display check, the QApplication, and ``open_window`` for tests."""

import ctypes.util
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

from catalog import __version__
from catalog.catalogue import open_catalogue
from catalog.db import split_password
from catalog.places import APPLICATION, ORGANIZATION  # which place the settings, as `catalog info` says
from ui.main_window import MainWindow
from ui.resources import icon, stylesheet

# Libraries Qt 6's xcb platform plugin needs beyond libxcb itself (Qt's "X11 requirements"),
# by the Debian package that ships each. Without them Qt aborts the process.
X11_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-randr": "libxcb-randr0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}
HEADLESS_HINT = (
    "the headless commands need no window, e.g. 'catalog import FOLDER', "
    "'catalog list' or 'catalog export-json FILE' (see 'catalog --help')"
)


def display_problem() -> str | None:
    """One sentence saying why no window can open here, or None when one can.

    Without it, Qt aborts the process with a core dump and a page of plugin advice.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("WAYLAND_DISPLAY"):
        return None
    display = os.environ.get("DISPLAY", "")
    if not display:
        return f"cannot open the window because there is no display (DISPLAY is not set); {HEADLESS_HINT}"
    if display.startswith(":") and not _local_x_socket(display).exists():
        return f"cannot open the window because no X server answers on display {display}; {HEADLESS_HINT}"
    missing = missing_x11_packages()
    if missing:
        packages = " ".join(missing)
        return (
            f"cannot open the window because system libraries Qt needs for X11 are missing "
            f"(on Debian or Ubuntu: sudo apt install {packages}); {HEADLESS_HINT}"
        )
    return None


def missing_x11_packages() -> list[str]:
    """Debian packages of the X11 libraries Qt's xcb plugin loads, for those not installed."""
    return [
        package for library, package in X11_LIBRARIES.items() if ctypes.util.find_library(library) is None
    ]


def _local_x_socket(display: str) -> Path:
    number = display[1:].split(".", 1)[0]
    return Path("/tmp/.X11-unix") / f"X{number}"


def application() -> QApplication:
    """The process's QApplication, named (for QSettings) and styled once."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if app.property("catalogConfigured") is None:
        app.setOrganizationName(ORGANIZATION)
        app.setApplicationName(APPLICATION)
        app.setApplicationVersion(__version__)
        app.setDesktopFileName("catalog")  # the desktop entry `catalog install-desktop` writes
        app.setWindowIcon(icon("catalog"))
        app.setStyleSheet(stylesheet())
        app.setProperty("catalogConfigured", True)
    return app


def open_window(db: str, *, password: str | None = None, create: bool = True) -> QMainWindow:
    """The main window on catalogue ``db`` (a path or URL), created but not shown. A server's
    ``password`` (given apart, or inside ``db``) is for this session only: the window keeps it
    in memory to reconnect, and never writes it anywhere."""
    application()
    password = password or split_password(db)[1]
    opened = open_catalogue(db, password=password, create=create)
    return MainWindow(opened, password=password)


def run(db: str, *, password: str | None = None) -> int:
    """Show the window on ``db`` and run until it closes; returns the exit code."""
    app = application()
    window = open_window(db, password=password, create=False)
    window.show()
    return app.exec()
