"""File ▸ Connect to Shared Catalogue…: the window moves to a catalogue on a PostgreSQL server;
the password is never saved, and a wrong address keeps the user where they were."""

from urllib.parse import urlparse

from PySide6.QtCore import QSettings, Qt, QTimer

from catalog.catalogue import close_catalogue
from tests.helpers import article_file, run_catalog
from tests.ui.driving import import_and_wait, trigger
from ui.dialogs.connect_shared import ConnectSharedDialog


def fill_and_connect(qtbot, window, url: str, *, database: str | None = None, password: str = ""):
    where = urlparse(url)

    def fill():
        [dialog] = [d for d in window.findChildren(ConnectSharedDialog) if d.isVisible()]
        assert dialog.password.echoMode() == dialog.password.EchoMode.Password
        for edit, text in (
            (dialog.host, where.hostname),
            (dialog.database, database or where.path.lstrip("/")),
            (dialog.user, where.username),
            (dialog.password, password),
        ):
            edit.clear()
            qtbot.keyClicks(edit, text)
        dialog.port.setValue(where.port)
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    trigger(window, "actionConnectShared")


def test_connecting_opens_the_shared_catalogue_and_forgets_the_password(
    sqlite_window, qtbot, tmp_path, postgres_url
):
    assert run_catalog("new", postgres_url).returncode == 0
    folder = tmp_path / "local"
    folder.mkdir()
    (folder / "a.txt").write_text(article_file("Only on my laptop", "Text."))
    import_and_wait(qtbot, sqlite_window, [str(folder)])

    fill_and_connect(qtbot, sqlite_window, postgres_url, password="s3cret-pass")

    shared = sqlite_window.catalogues.successor
    assert shared is not None and shared.isVisible() and not sqlite_window.isVisible()
    qtbot.addWidget(shared)
    name = urlparse(postgres_url).path.lstrip("/")
    assert shared.windowTitle() == f"{name} on 127.0.0.1 — Catalog"
    assert shared.articles.model.rowCount() == 0  # the server's catalogue, not the laptop's
    assert "s3cret" not in shared.catalogue.location
    settings = QSettings()
    saved = " ".join(f"{key}={settings.value(key)}" for key in settings.allKeys())
    assert name in saved and "s3cret" not in saved
    shared.close()
    close_catalogue()


def test_a_catalogue_that_cannot_be_reached_keeps_the_window_where_it_was(
    sqlite_window, qtbot, postgres_url, message_boxes
):
    fill_and_connect(qtbot, sqlite_window, postgres_url, database="no_such_catalogue")
    assert sqlite_window.catalogues.successor is None and sqlite_window.isVisible()
    [box] = message_boxes
    assert "no_such_catalogue" in box.text()
    assert sqlite_window.articles.model.rowCount() == 0
    sqlite_window.articles.refresh()  # still working on its own catalogue
    assert sqlite_window.articles.count_label.text() == "0 articles"
