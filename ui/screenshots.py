"""Renders the README's screenshots offscreen: ``python -m ui.screenshots [FOLDER]``.

The window opens on a temporary catalogue holding the seed articles, with private settings,
so the pictures show what a newcomer sees and never depend on the machine they are made on.
"""

import os
import sys
import tempfile
from pathlib import Path

SIZE = (1200, 760)
DEFAULT_FOLDER = Path(__file__).resolve().parent.parent / "resources" / "screenshots"


def render(folder: Path) -> list[Path]:
    """Write the screenshots into ``folder``; returns their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from catalog.catalogue import close_catalogue
    from catalog.seeds import import_seeds
    from ui.app import application, open_window

    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        app = application()
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, scratch)
        window = open_window(str(Path(scratch) / "Newsroom.sqlite3"))
        import_seeds()
        window.announce([])
        window.select_row(0)
        window.resize(*SIZE)
        window.show()
        app.processEvents()
        target = folder / "main-window.png"
        window.grab().save(str(target))
        window.close()
        close_catalogue()
    return [target]


if __name__ == "__main__":
    for path in render(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FOLDER):
        print(path)
