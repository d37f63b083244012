"""A bulk import killed at any moment leaves a whole catalogue; importing again finishes the job."""

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from catalog.catalogue import close_catalogue, open_catalogue
from catalog.importing import import_paths
from catalog.models import Article
from catalog.search import fulltext
from tests.helpers import article_file, make_article_files

FILES = 6000


def _count(db_path) -> int:
    try:
        with sqlite3.connect(db_path, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM article").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_kill_9_in_the_middle_then_a_complete_reimport(tmp_path):
    folder = tmp_path / "articles"
    make_article_files(folder, FILES)
    db = tmp_path / "killed.sqlite3"
    command = [sys.executable, "-m", "catalog", "--db", str(db), "import", str(folder)]
    survived = _kill_once_articles_arrive(command, lambda: _count(db))
    assert 0 < survived < FILES
    _assert_no_worker_outlives(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    open_catalogue(str(db))
    assert fulltext.problems() == []
    close_catalogue()

    again = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[0] == (
        f"{FILES:,} files: {FILES - survived:,} imported, {survived:,} duplicate{'s' if survived != 1 else ''}, 0 failed"
    )
    open_catalogue(str(db))
    assert Article.select().count() == FILES
    assert fulltext.problems() == []
    close_catalogue()


def _kill_once_articles_arrive(command: list[str], count) -> int:
    """Start the import, kill -9 it as soon as ``count()`` sees articles; how many survived."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while count() == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the import finished before it could be killed"
    return count()


def _processes():
    for entry in Path("/proc").iterdir():
        try:
            yield entry.name, (entry / "cmdline").read_bytes().decode(errors="replace")
        except OSError:  # not a process, or it just ended
            continue


def _assert_no_worker_outlives(db) -> None:
    """Worker processes of the killed import end with it rather than linger."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        lingering = [pid for pid, cmdline in _processes() if str(db) in cmdline]
        if not lingering:
            return
        time.sleep(0.2)
    raise AssertionError(f"worker processes outlived the killed import: {lingering}")


def test_full_text_index_follows_every_import(catalogue, write):
    write(
        "a.txt",
        article_file(
            "Kyiv talks",
            "Delegations met in Zoë's café.",
            header=" date 2022-01-01 Authored by Ann Lee via Daily Planet,",
        ),
    )
    write("b.txt", article_file("Other", "Nothing to see."))
    import_paths([write.root])
    import_paths([write.root])  # again: duplicates only, index unchanged
    assert fulltext.problems() == []

    def search(query):
        from catalog.browsing import Filters, filtered_ids

        return sorted(filtered_ids(Filters(query=query)))

    assert search("cafe") == [1]  # diacritics folded
    assert search("author:lee") == [1]
    assert search('outlet:"daily planet"') == [1]
    assert search("title:other") == [2]


def test_duplicates_within_one_import_and_across_batches(catalogue, write, monkeypatch):
    from catalog.importing import reading

    monkeypatch.setattr(reading, "BATCH_SIZE", 2)
    for name in ("a.txt", "b.txt", "c.txt", "d.txt", "e.txt"):
        write(name, article_file("Same", "Same text."))
    report = import_paths([write.root], workers=0)
    assert len(report.imported) == 1
    assert [d.reason for d in report.duplicates] == ["duplicate of Same (id 1)"] * 4
    assert Article.select().count() == 1


def _pg_count(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM article").fetchone()[0]
    except psycopg.Error:  # not created yet
        return 0


def test_kill_9_in_the_middle_of_an_import_on_postgresql(tmp_path, postgres_url):
    """The same on a shared catalogue: each batch commits whole or not at all."""
    files = 3000
    folder = tmp_path / "articles"
    make_article_files(folder, files)
    command = [sys.executable, "-m", "catalog", "--db", postgres_url, "import", str(folder)]
    survived = _kill_once_articles_arrive(command, lambda: _pg_count(postgres_url))
    assert 0 < survived < files
    open_catalogue(postgres_url)
    assert fulltext.problems() == []  # every article that is there is searchable
    close_catalogue()
    again = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[0].startswith(f"{files:,} files: {files - survived:,} imported")
    open_catalogue(postgres_url)
    assert Article.select().count() == files
    assert fulltext.problems() == []
    close_catalogue()
