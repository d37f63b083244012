"""A window's watcher notices others' commits, not its own, and a server that went away."""

import threading
import time

import pytest

from catalog.articles import get_article
from catalog.catalogue import open_catalogue
from catalog.db import database
from catalog.editing import ArticleEdit, edit_article
from catalog.importing.importer import import_paths
from catalog.watching import ServerGone, watcher_for
from tests.helpers import article_file


def _one_article(write) -> int:
    import_paths([write("a.txt", article_file("First title", "Body text."))])
    return database.obj.execute_sql("SELECT id FROM article").fetchone()[0]


def _in_other_connection(work) -> None:
    """Peewee gives each thread its own connection: a thread stands in for another user."""
    thread = threading.Thread(target=lambda: (work(), database.obj.close()))
    thread.start()
    thread.join()


def _noticed(watcher, seconds: float = 5.0) -> bool:
    """Whether the watcher notices a change within ``seconds``: a server's notice travels on a
    socket of its own and may arrive a moment after the commit on a busy machine."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if watcher.changed():
            return True
        time.sleep(0.05)
    return False


def test_a_commit_by_another_connection_is_noticed_once(catalogue, write):
    article_id = _one_article(write)
    watcher = watcher_for(database.obj)
    assert watcher.changed() is False

    _in_other_connection(lambda: edit_article(article_id, ArticleEdit(title="Their title")))

    assert _noticed(watcher)
    assert watcher.changed() is False  # once per change, not at every look
    assert get_article(article_id)["title"] == "Their title"
    watcher.close()


def test_the_watchers_own_connection_is_not_news(catalogue, write):
    article_id = _one_article(write)
    watcher = watcher_for(database.obj)
    edit_article(article_id, ArticleEdit(title="My own title"))
    assert watcher.changed() is False
    watcher.close()


def test_a_server_that_goes_away_is_reported_and_reconnected(postgres_server, postgres_url, write):
    open_catalogue(postgres_url)
    article_id = _one_article(write)
    watcher = watcher_for(database.obj)
    name = postgres_url.rsplit("/", 1)[1]

    postgres_server.cut_off(name)
    with pytest.raises(ServerGone, match="stopped answering"):
        watcher.changed()
    with pytest.raises(ServerGone, match="does not answer"):
        watcher.reconnect()

    postgres_server.restore(name)
    watcher.reconnect()
    assert watcher.changed() is False
    assert get_article(article_id)["title"] == "First title"  # the catalogue connection is back too
    watcher.close()
