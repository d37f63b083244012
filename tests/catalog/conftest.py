"""Fixtures for catalog tests: a fresh SQLite catalogue per test, and article files on disk."""

import pytest

from catalog.catalogue import close_catalogue, open_catalogue


@pytest.fixture
def catalogue(db_path):
    """A new, empty catalogue, opened for the models: a SQLite file in this test's folder, or a
    database on the session's PostgreSQL server when CATALOG_TEST_BACKEND=postgresql."""
    opened = open_catalogue(db_path)
    yield opened
    close_catalogue()


@pytest.fixture
def sqlite_catalogue(tmp_path):
    """A new SQLite catalogue whatever the backend under test: for what only SQLite has (WAL,
    FTS5, file backups and checks)."""
    opened = open_catalogue(str(tmp_path / "catalogue.sqlite3"))
    yield opened
    close_catalogue()


@pytest.fixture
def write(tmp_path):
    """write(name, text_or_bytes, encoding="utf-8") -> Path of a new file under tmp_path/files."""
    root = tmp_path / "files"

    def write_file(name: str, content: str | bytes, encoding: str = "utf-8"):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path.write_bytes(data)
        return path

    write_file.root = root
    return write_file
