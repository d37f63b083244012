"""A full disk during an import (issue 14, item 12): the files not stored are reported with the
reason and the place ("the disk holding FOLDER is full"), the import stops cleanly, exit code 1,
and the catalogue stays whole. (It used to say "cannot rollback - no transaction is active".)

The disk is real: a small tmpfs each test mounts and unmounts itself (this needs root, as the
tests run here). Where mounting is impossible the tests fall back to simulating the database's
disk-full error by patching the writer, and say so in their output (``simulated_full_disk``).
"""

import os
import pwd
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from catalog.catalogue import close_catalogue, open_catalogue
from catalog.importing import import_paths, reading
from catalog.importing.article_writer import ArticleWriter
from catalog.models import Article
from catalog.search import fulltext
from tests.helpers import article_file
from ui.command_line import main

FILES = 60


@contextmanager
def small_disk(size: str, parent: Path, owner: str | None = None):
    """A tmpfs of ``size`` mounted on a new folder in ``parent`` (given to ``owner``); None when
    mounting is impossible."""
    folder = Path(tempfile.mkdtemp(prefix="small-disk-", dir=parent))
    try:
        try:
            mounted = (
                subprocess.run(
                    ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
                    capture_output=True,
                    check=False,
                ).returncode
                == 0
            )
        except OSError:  # no mount program
            mounted = False
        if not mounted:
            yield None
            return
        try:
            if owner:
                account = pwd.getpwnam(owner)
                os.chown(folder, account.pw_uid, account.pw_gid)
            yield folder
        finally:
            close_catalogue()  # an open catalogue keeps the disk busy
            subprocess.run(["umount", "--lazy", str(folder)], capture_output=True, check=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def simulated_full_disk(monkeypatch, error: Exception) -> None:
    """The fallback: the first batch is stored, the next ones fail with the database's own
    disk-full error, as on a disk that filled up."""
    print("no tmpfs could be mounted: the full disk is SIMULATED by patching ArticleWriter._insert")
    real_insert = ArticleWriter._insert
    calls = []

    def insert(self, new):
        calls.append(len(new))
        if len(calls) > 1:
            raise error
        return real_insert(self, new)

    monkeypatch.setattr(ArticleWriter, "_insert", insert)


def sqlite_full_error() -> Exception:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode, error.sqlite_errorname = 13, "SQLITE_FULL"
    return error


@pytest.fixture
def articles(tmp_path):
    """60 articles of ~80 KB each: about 4.8 MB of text, more than the small disks hold."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(FILES):
        body = " ".join(
            f"Paragraph {number}-{word} of the report on prices and talks." for word in range(1400)
        )
        (folder / f"{number:03d}.txt").write_text(article_file(f"Report {number}", body))
    return folder


@pytest.fixture
def full_sqlite_disk(monkeypatch, tmp_path):
    """A folder on a 2 MB disk, or a simulated full disk in an ordinary folder."""
    with small_disk("2m", tmp_path) as folder:
        if folder is None:
            simulated_full_disk(monkeypatch, sqlite_full_error())
            folder = tmp_path / "simulated"
            folder.mkdir()
        yield folder


def assert_whole(location: str) -> int:
    """The catalogue opens, passes the integrity and index checks; its article count."""
    if not location.startswith("postgresql:"):
        with sqlite3.connect(location) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    open_catalogue(location)
    try:
        assert fulltext.problems() == []
        return Article.select().count()
    finally:
        close_catalogue()


def test_the_import_stops_cleanly_and_says_which_disk_is_full(full_sqlite_disk, articles, monkeypatch):
    monkeypatch.setattr(reading, "BATCH_BYTES", 100_000)  # several batches: some fit, then the disk fills
    location = str(full_sqlite_disk / "catalogue.sqlite3")
    open_catalogue(location)
    try:
        report = import_paths([articles], workers=0)
    finally:
        close_catalogue()
    full = f"the disk holding {full_sqlite_disk} is full"
    assert report.stopped == full
    assert report.summary().endswith(f" failed (stopped: {full})")
    assert 0 < len(report.imported) < FILES
    assert report.failed and {item.reason for item in report.failed} == {f"not stored: {full}"}
    assert assert_whole(location) == len(report.imported)


def test_the_command_line_says_the_disk_is_full_and_exits_1(full_sqlite_disk, articles, capsys):
    location = str(full_sqlite_disk / "catalogue.sqlite3")
    assert main(["--db", location, "import", str(articles / "000.txt")]) == 0  # the catalogue exists
    capsys.readouterr()
    code = main(["--db", location, "import", str(articles)])
    out, err = capsys.readouterr()
    full = f"the disk holding {full_sqlite_disk} is full"
    assert code == 1, (out, err)
    lines = out.splitlines()
    assert lines[0].endswith(f" failed (stopped: {full})")
    assert lines[1:] and all(line.endswith(f": not stored: {full}") for line in lines[1:])
    assert "rollback" not in out + err and "unexpected" not in err
    assert assert_whole(location) >= 1


@pytest.fixture
def full_server_disk(postgres_server, monkeypatch):
    """A PostgreSQL database whose tables live on a 4 MB disk (a tablespace on a tmpfs), or a
    simulated full disk on an ordinary database; its URL."""
    import psycopg

    # Not under pytest's private folder: the server's user must reach the tablespace.
    with small_disk("4m", Path(tempfile.gettempdir()), owner="postgres") as folder:
        if folder is None:
            simulated_full_disk(
                monkeypatch, psycopg.errors.DiskFull('could not extend file "base/1/2": No space left')
            )
            yield postgres_server.create_database("simulated_full_disk")
            return
        admin = f"{postgres_server.url}/postgres"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute("DROP DATABASE IF EXISTS full_disk")
            connection.execute("DROP TABLESPACE IF EXISTS small_disk")
            connection.execute(f"CREATE TABLESPACE small_disk LOCATION '{folder}'")
            connection.execute("CREATE DATABASE full_disk TABLESPACE small_disk")
        try:
            yield f"{postgres_server.url}/full_disk"
        finally:
            close_catalogue()
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute("DROP DATABASE IF EXISTS full_disk WITH (FORCE)")
                connection.execute("DROP TABLESPACE IF EXISTS small_disk")


def test_a_full_disk_on_the_server_is_said_in_words(full_server_disk, articles, capsys, monkeypatch):
    monkeypatch.setattr(reading, "BATCH_BYTES", 100_000)
    assert main(["--db", full_server_disk, "import", str(articles / "000.txt")]) == 0
    capsys.readouterr()
    code = main(["--db", full_server_disk, "import", str(articles)])
    out, err = capsys.readouterr()
    assert code == 1, err
    lines = out.splitlines()
    assert "(stopped: the database server's disk is full (" in lines[0]
    failed = [line for line in lines[1:] if line.startswith("failed: ")]
    assert failed and all(": not stored: the database server's disk is full (" in line for line in failed)
    assert "No space left" in lines[0] or "base/1/2" in lines[0]
    assert "unexpected" not in err
    assert assert_whole(full_server_disk) >= 1
