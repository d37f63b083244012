"""An upgrade step that dies leaves the catalogue as it was: its views and triggers too."""

import sqlite3

import pytest

from catalog import migrations
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.db import database


def _views_and_triggers(path) -> set[tuple[str, str]]:
    with sqlite3.connect(path) as raw:
        rows = raw.execute("SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger')")
        return set(rows.fetchall())


class _DyingRunner:
    """A step that fails half-way, as a kill or a full disk would stop it."""

    def up(self, target=None):
        database.obj.execute_sql('CREATE TABLE "half_done" ("x" INTEGER)')
        raise RuntimeError("killed in the middle of the step")


def test_a_step_that_dies_takes_nothing_with_it(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    open_catalogue(str(path), create=True)
    close_catalogue()
    before = _views_and_triggers(path)
    assert ("view", "article_search") in before
    open_catalogue(str(path), create=False)
    try:
        monkeypatch.setattr(migrations, "pending", lambda db: ["0099_next"])
        monkeypatch.setattr(migrations, "_runner", lambda db: _DyingRunner())
        with pytest.raises(RuntimeError):
            migrations.migrate(database.obj)
        assert database.obj.pragma("foreign_keys") == 1  # switched back on
    finally:
        close_catalogue()
    assert _views_and_triggers(path) == before
    with sqlite3.connect(path) as raw:
        tables = {name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half_done" not in tables
