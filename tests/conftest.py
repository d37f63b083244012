"""Shared test set-up: no test touches the user's real catalogue, settings or display."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path_factory, monkeypatch):
    """Point the default catalogue and any user folders at a fresh temporary home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("CATALOG_DB", raising=False)
    return home


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory):
    """One throwaway PostgreSQL server for the session (see tests/postgres_server.py)."""
    from tests.postgres_server import PostgresServer

    # Not under pytest's own temporary folder: only its owner may enter that, and as root the
    # server runs as the postgres user.
    folder = Path(tempfile.mkdtemp(prefix="catalog-tests-postgres-"))
    server = PostgresServer(folder)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def db_path(tmp_path, request):
    """Where a test's catalogue lives: a SQLite file in its folder, or a new database on the
    session's PostgreSQL server when CATALOG_TEST_BACKEND=postgresql."""
    if os.environ.get("CATALOG_TEST_BACKEND") == "postgresql":
        return request.getfixturevalue("postgres_url")
    return str(tmp_path / "catalogue.sqlite3")


@pytest.fixture
def postgres_url(postgres_server, request):
    """A new, empty PostgreSQL database for this test: its URL."""
    from catalog.catalogue import close_catalogue

    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    yield postgres_server.create_database(name)
    close_catalogue()
    postgres_server.drop_database(name)
