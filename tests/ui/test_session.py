"""A window's session: whether a change can be saved now, what a failed write means, and
others' changes announced as they come."""

import sqlite3
import threading

import pytest

from catalog.catalogue import close_catalogue, open_catalogue
from catalog.changes import Change
from catalog.db import database
from catalog.editing import ArticleEdit, edit_article
from catalog.importing import import_paths
from tests.helpers import article_file
from ui.session import CatalogSession


@pytest.fixture
def session(qapp, db_path, tmp_path):
    opened = open_catalogue(db_path, create=True)
    (tmp_path / "a.txt").write_text(article_file("Budget day", "The minister spoke."), encoding="utf-8")
    import_paths([tmp_path / "a.txt"])
    made = CatalogSession(opened)
    yield made
    made.close()
    close_catalogue()


def test_a_change_is_announced_only_when_something_changed(session, qtbot):
    heard = []
    session.changed.connect(heard.append)
    session.announce(Change())
    title = Change(edited=frozenset({1}), fields=frozenset({"title"}))
    session.announce(title)
    assert heard == [title]


def test_another_desks_save_is_announced_as_a_change_of_everything(session, qtbot):
    session.start_watching()
    said = []
    session.changed_by_others.connect(said.append)
    thread = threading.Thread(
        target=lambda: (edit_article(1, ArticleEdit(title="Their title")), database.obj.close())
    )
    thread.start()
    thread.join()
    with qtbot.waitSignal(session.changed, timeout=6000) as heard:
        pass
    assert heard.args[0].everything and said == ["1 article changed by another program."]


def test_a_full_disk_is_said_and_the_session_stays_online(session):
    full = sqlite3.OperationalError("database or disk is full")
    assert "nothing was changed" in session.explain_failure(full)
    assert not session.offline and session.refusal() is None


def test_a_lost_connection_takes_the_session_offline_until_it_answers(session, qtbot):
    with qtbot.waitSignal(session.connection_lost) as lost:
        session.lose_connection("the catalogue server db.example.org stopped answering")
    assert lost.args == ["the catalogue server db.example.org stopped answering"]
    assert session.offline and "cannot be reached" in session.refusal()
    session.watcher = _Answering()
    with qtbot.waitSignals([session.connection_restored, session.changed]):
        session.check_for_changes()
    assert not session.offline and session.refusal() is None


def test_a_read_only_catalogue_refuses_every_change_in_words(qapp, tmp_path):
    path = tmp_path / "c.sqlite3"
    open_catalogue(str(path), create=True)
    close_catalogue()
    opened = open_catalogue(f"sqlite:///{path}?mode=ro")
    session = CatalogSession(opened)
    try:
        assert session.refusal() == "Not saved: the catalogue is read-only (the location asks for mode=ro)."
    finally:
        session.close()
        close_catalogue()


class _Answering:
    """A watcher whose server answers again."""

    def reconnect(self) -> None:
        pass

    def close(self) -> None:
        pass
