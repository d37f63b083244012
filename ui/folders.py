"""Where the window's file dialogs open: the folder the user last imported from."""

from pathlib import Path

from PySide6.QtCore import QSettings

LAST_FOLDER_KEY = "mainWindow/lastImportFolder"


def last_folder() -> str:
    """The folder last imported from, or "" before the first import."""
    return str(QSettings().value(LAST_FOLDER_KEY, ""))


def remember_folder(path: str) -> None:
    """Remember ``path``'s folder (``path`` itself, if it is one) for the next file dialog."""
    folder = Path(path) if Path(path).is_dir() else Path(path).parent
    QSettings().setValue(LAST_FOLDER_KEY, str(folder))
