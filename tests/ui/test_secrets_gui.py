"""The window never writes a server password anywhere, never shows it, and ``catalog`` never
reconnects with a password it was once given (issue 14, item 15)."""

import os

import pytest
from PySide6.QtCore import QSettings

import ui.app
from catalog.catalogue import close_catalogue
from catalog.safe_output import new_file_mode
from tests.catalog.test_secrets import SECRET, files_holding, with_password
from ui.command_line import main
from ui.controllers.catalogues import RECENT_KEY, recent_catalogues


@pytest.fixture
def windows(monkeypatch, qtbot):
    """The windows ``catalog gui`` opened: (location, password, window), not left running."""
    opened = []

    def run(location, *, password=None):
        window = ui.app.open_window(location, password=password, create=False)
        qtbot.addWidget(window)
        opened.append((location, password, window))
        window.close()
        close_catalogue()
        return 0

    monkeypatch.setattr(ui.app, "run", run)
    return opened


def test_a_password_given_to_catalog_gui_is_used_and_never_kept(
    windows, postgres_url, tmp_path, private_user_dirs, capsys
):
    url = with_password(postgres_url)
    assert main(["new", url]) == 0
    assert main(["--db", url, "gui"]) == 0
    [(location, password, window)] = windows
    assert (location, password) == (postgres_url, SECRET)  # for this session, in memory only
    assert SECRET not in window.windowTitle() and SECRET not in window.help.about_text()
    assert recent_catalogues()[0] == postgres_url
    QSettings().sync()
    for folder in (tmp_path, private_user_dirs):
        assert files_holding(folder, SECRET) == []
    settings_file = QSettings().fileName()
    assert os.stat(settings_file).st_mode & 0o777 == new_file_mode()  # the umask's mode

    windows.clear()
    assert main(["--db", recent_catalogues()[0]]) == 0  # reopened as remembered: without any password
    [(location, password, _)] = windows
    assert (location, password) == (postgres_url, None)
    assert SECRET not in "".join(capsys.readouterr())


def test_a_password_an_older_release_stored_is_dropped(windows, postgres_url, tmp_path):
    assert main(["new", postgres_url]) == 0
    QSettings().setValue(RECENT_KEY, [with_password(postgres_url), "/gone/elsewhere.sqlite3"])
    QSettings().sync()
    assert main(["--db", recent_catalogues()[0], "gui"]) == 0
    [(location, password, _)] = windows
    assert (location, password) == (postgres_url, None)
    QSettings().sync()
    assert files_holding(tmp_path, SECRET) == []
    assert recent_catalogues() == [postgres_url, "/gone/elsewhere.sqlite3"]
