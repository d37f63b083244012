"""Backups never touch the catalogue they copy, honour the umask, and leave no partial file."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from catalog.catalogue import close_catalogue, open_catalogue
from catalog.importing import import_paths
from catalog.models import Article
from catalog.safe_output import partial_files
from tests.helpers import SEED_FILE, article_file, make_article_files, run_catalog
from ui.command_line import main

ARTICLES = 3000


@pytest.fixture
def two_articles(tmp_path):
    """A closed SQLite catalogue holding two articles: its path."""
    location = tmp_path / "desk.sqlite3"
    open_catalogue(str(location))
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "a.txt").write_text(article_file("Budget day", "The minister said taxes will fall."))
    (folder / "b.txt").write_text(article_file("Radio", "The radio said taxes will rise."))
    import_paths([folder])
    close_catalogue()
    return location


def _article_count(location: Path) -> int:
    with sqlite3.connect(location) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        count = connection.execute("SELECT count(*) FROM article").fetchone()[0]
    connection.close()
    return count


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_a_backup_onto_the_catalogue_or_its_journal_is_refused(two_articles, capsys, suffix):
    # Issue 14, item 1: the copy replaced the file while the WAL still belonged to the old one.
    target = f"{two_articles}{suffix}"
    assert main(["--db", str(two_articles), "backup", target]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("catalog: cannot back up onto the catalogue") and "name another file" in err
    assert err.count("\n") == 1
    assert _article_count(two_articles) == 2
    assert not partial_files(target)


def test_the_catalogue_under_another_name_is_refused_too(two_articles, tmp_path, capsys, monkeypatch):
    link = tmp_path / "link.sqlite3"
    link.symlink_to(two_articles)
    hard = tmp_path / "hard.sqlite3"
    os.link(two_articles, hard)
    elsewhere = tmp_path / "sub"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    for target in (
        str(link),
        str(hard),
        "../desk.sqlite3",
        str(tmp_path / "sub" / ".." / "desk.sqlite3-wal"),
    ):
        assert main(["--db", str(two_articles), "backup", target]) == 1, target
        assert "cannot back up onto the catalogue" in capsys.readouterr().err
    assert _article_count(two_articles) == 2


def test_a_backup_onto_the_catalogue_during_an_import_is_refused_and_loses_nothing(tmp_path):
    folder = tmp_path / "articles"
    make_article_files(folder, ARTICLES)
    catalogue = tmp_path / "busy.sqlite3"
    assert run_catalog("--db", str(catalogue), "import", str(SEED_FILE)).returncode == 0
    importing = subprocess.Popen(
        [sys.executable, "-m", "catalog", "--db", str(catalogue), "import", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while _article_count_quietly(catalogue) < 2 and importing.poll() is None:
            time.sleep(0.01)
        backups = [run_catalog("--db", str(catalogue), "backup", str(catalogue)) for _ in range(3)]
    finally:
        _, import_errors = importing.communicate(timeout=300)
    assert importing.returncode == 0, import_errors
    for backup in backups:
        assert backup.returncode == 1, backup.stdout
        assert backup.stderr.startswith("catalog: cannot back up onto the catalogue itself")
    assert _article_count(catalogue) == ARTICLES + 1
    check = run_catalog("--db", str(catalogue), "check")
    assert (check.returncode, check.stdout) == (0, "no problems found\n")


def _article_count_quietly(location: Path) -> int:
    try:
        with sqlite3.connect(location, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM article").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_a_backup_into_a_missing_folder_names_the_folder(two_articles, tmp_path, capsys):
    # Issue 15: it named an internal ".partial" temporary file.
    target = tmp_path / "nightly" / "2026" / "desk.sqlite3"
    assert main(["--db", str(two_articles), "backup", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == f"catalog: cannot write {target}: the folder {tmp_path / 'nightly'} does not exist\n"
    assert not (tmp_path / "nightly").exists()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_backup_gets_the_mode_the_umask_gives(two_articles, tmp_path, umask, mode):
    # Issue 15: backups were written 0600, so colleagues on a shared drive could not open them.
    target = tmp_path / f"backup-{umask:o}.sqlite3"
    done = subprocess.run(
        [sys.executable, "-m", "catalog", "--db", str(two_articles), "backup", str(target)],
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.umask(umask),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"backed up desk to {target}\n"
    assert target.stat().st_mode & 0o777 == mode
    assert _article_count(target) == 2


def test_a_killed_backup_leaves_a_partial_that_the_next_backup_removes(tmp_path):
    # Issue 14, item 26: each killed backup left a ~100 MB partial file beside the target.
    catalogue = tmp_path / "big.sqlite3"
    open_catalogue(str(catalogue))
    close_catalogue()
    with sqlite3.connect(catalogue) as connection:
        connection.execute("DROP TRIGGER IF EXISTS article_ai")  # raw rows: the index is not the point
        connection.executemany(
            "INSERT INTO article (title, body, summary, notes, content_hash, imported_at, updated_at, version)"
            " VALUES (?, ?, '', '', ?, '2024-01-01', '2024-01-01', 1)",
            ((f"t{n}", os.urandom(60_000).hex(), f"{n:064d}") for n in range(2000)),
        )
    connection.close()
    target = tmp_path / "nightly.sqlite3"
    backing_up = subprocess.Popen(
        [sys.executable, "-m", "catalog", "--db", str(catalogue), "backup", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not any(p.stat().st_size for p in partial_files(target)) and time.monotonic() < deadline:
        assert backing_up.poll() is None, "the backup finished before it could be killed"
        time.sleep(0.002)
    backing_up.send_signal(signal.SIGKILL)
    backing_up.wait(timeout=30)
    [left] = partial_files(target)
    assert not target.exists()
    again = run_catalog("--db", str(catalogue), "backup", str(target))
    assert again.returncode == 0, again.stderr
    assert not left.exists() and partial_files(target) == []
    assert sorted(p.name for p in tmp_path.iterdir() if "nightly" in p.name) == ["nightly.sqlite3"]
    open_catalogue(str(target))
    assert Article.select().count() == 2000
    close_catalogue()
