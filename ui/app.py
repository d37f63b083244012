"""Starting the window: the display check, the QApplication, and ``open_window`` for tests."""

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

from catalog import __version__
from catalog.catalogue import open_catalogue
from ui.main_window import MainWindow
from ui.resources import icon, stylesheet

ORGANIZATION = "Catalog"
APPLICATION = "Catalog"


HEADLESS_HINT = (
    "the headless commands work without one, e.g. 'catalog import FOLDER', "
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
    return None


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
        app.setWindowIcon(icon("catalog"))
        app.setStyleSheet(stylesheet())
        app.setProperty("catalogConfigured", True)
    return app


def open_window(db: str) -> QMainWindow:
    """The main window on catalogue ``db`` (a path or URL), created but not shown."""
    application()
    opened = open_catalogue(db)
    return MainWindow(opened)


def run(db: str) -> int:
    """Show the window on ``db`` and run until it closes; returns the exit code."""
    app = application()
    window = open_window(db)
    window.show()
    return app.exec()
