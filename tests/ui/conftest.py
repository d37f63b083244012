"""Fixtures for window tests: private settings, the session's writes run at once, and a
window on a fresh catalogue."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from catalog.catalogue import close_catalogue
from tests.ui.driving import shown_window
from ui.app import application
from ui.session import CatalogSession


@pytest.fixture(autouse=True)
def private_settings(tmp_path, qapp):
    """Each test reads and writes its own QSettings, never the user's."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    application()
    yield
    QSettings().clear()


class SynchronousPool:
    """Runs each of a session's writes at once, on the calling (GUI) thread and its connection:
    a write's end is handled before the call that asked for it returns (Picard's
    FakeThreadPool), so window tests stay deterministic. Long work (imports, suggested
    summaries, a saved text) still runs on the session's real writer."""

    def start_write(self, task) -> None:
        task.run()


@pytest.fixture(autouse=True)
def synchronous_writes(request, monkeypatch):
    """Every window's session writes through a SynchronousPool, unless the test asks for the
    ``real_writer`` fixture (then its edits and steps run on the writer thread)."""
    if "real_writer" not in request.fixturenames:
        monkeypatch.setattr(CatalogSession, "_pool_for_writes", lambda session: SynchronousPool())


@pytest.fixture
def real_writer():
    """Asked for by tests of the writer thread itself: the session's writes run on it."""


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch):
    """Message boxes the window showed, answered with OK at once instead of waiting for a click."""
    shown: list[QMessageBox] = []

    def answer(box):
        shown.append(box)
        return QMessageBox.StandardButton.Ok

    def static(icon):
        def show(parent, title, text, *args, **kwargs):
            box = QMessageBox(icon, title, text, parent=parent)
            shown.append(box)
            return QMessageBox.StandardButton.Ok

        return show

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QMessageBox, "warning", static(QMessageBox.Icon.Warning))
    monkeypatch.setattr(QMessageBox, "critical", static(QMessageBox.Icon.Critical))
    monkeypatch.setattr(QMessageBox, "information", static(QMessageBox.Icon.Information))
    return shown


@pytest.fixture
def sqlite_window(qtbot, tmp_path):
    """The main window on an empty SQLite catalogue, whatever the backend under test: for what
    only a SQLite file has (backups, the file check)."""
    yield shown_window(qtbot, str(tmp_path / "window.sqlite3"))
    close_catalogue()


@pytest.fixture
def window(qtbot, db_path):
    """The main window on an empty catalogue, shown offscreen."""
    yield shown_window(qtbot, db_path)
    close_catalogue()


@pytest.fixture
def write_folder(tmp_path):
    """A folder with two good articles and one binary file."""
    from tests.helpers import article_file

    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "alpha.txt").write_text(
        article_file("Zebra crossings return", "Zebras crossed.", header=" date 2021-03-04 via Daily,")
    )
    (folder / "beta.txt").write_text(
        article_file("aardvarks escape", "Aardvarks escaped.", header=" date 2022-05-06 via Weekly,")
    )
    (folder / "broken.txt").write_bytes(b"\x00\xff\x00 junk")
    return folder


@pytest.fixture
def catalogue_with_articles(tmp_path):
    from catalog.catalogue import open_catalogue
    from catalog.importing import import_paths
    from tests.helpers import article_file

    open_catalogue(str(tmp_path / "models.sqlite3"))
    for number, header in enumerate([" date 2022-01-01 Authored by A via X,", "", " date 2020-05-05 via Y,"]):
        path = tmp_path / f"m{number}.txt"
        path.write_text(article_file(f"Article {number}", f"Body {number}.", header=header))
        import_paths([path])
    yield
    close_catalogue()
