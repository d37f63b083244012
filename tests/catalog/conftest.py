"""Fixtures for catalog tests: a fresh SQLite catalogue per test, and article files on disk."""

import pytest

from catalog.catalogue import close_catalogue, open_catalogue


@pytest.fixture
def catalogue(tmp_path):
    """A new, empty catalogue in this test's folder, opened for the models."""
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
