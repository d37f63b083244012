"""Where the window's file dialogs open: the folder the user last imported from, and, apart
from it, the folder the user last exported to (a report saved to Documents should not send the
next import there)."""

from pathlib import Path

from PySide6.QtCore import QSettings

LAST_FOLDER_KEY = "mainWindow/lastImportFolder"
LAST_EXPORT_FOLDER_KEY = "mainWindow/lastExportFolder"


def last_folder() -> str:
    """The folder last imported from, or "" before the first import."""
    return str(QSettings().value(LAST_FOLDER_KEY, ""))


def remember_folder(path: str) -> None:
    """Remember ``path``'s folder (``path`` itself, if it is one) for the next file dialog."""
    QSettings().setValue(LAST_FOLDER_KEY, _folder_of(path))


def last_export_folder() -> str:
    """The folder last exported to (a report, CSV, JSON, a backup), or the import folder
    before the first export, or ""."""
    return str(QSettings().value(LAST_EXPORT_FOLDER_KEY, "")) or last_folder()


def remember_export_folder(path: str) -> None:
    """Remember the folder of the file just written, for the next save dialog."""
    QSettings().setValue(LAST_EXPORT_FOLDER_KEY, _folder_of(path))


def suggested_export(name: str) -> str:
    """Where a save dialog proposes to write ``name``: the last export folder, else home."""
    return str(Path(last_export_folder() or Path.home()) / name)


def _folder_of(path: str) -> str:
    return str(Path(path) if Path(path).is_dir() else Path(path).parent)
