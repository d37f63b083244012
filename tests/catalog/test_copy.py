"""catalog copy: a whole catalogue into an empty one, with no temporary export left anywhere,
and a copy killed at any moment leaves the target empty (or refused as not empty), never half."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import make_article_files, run_catalog

ARTICLES = 2500


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """A SQLite catalogue of a few thousand articles, with a claim: its path."""
    folder = tmp_path_factory.mktemp("copy-source")
    make_article_files(folder / "files", ARTICLES, paragraphs=12)
    location = folder / "source.sqlite3"
    assert run_catalog("--db", str(location), "import", str(folder / "files")).returncode == 0
    added = run_catalog("--db", str(location), "claims", "add", "1", "--text", "officials said")
    assert added.returncode == 0, added.stderr
    return location


def _target(kind: str, tmp_path: Path, request) -> str:
    return (
        request.getfixturevalue("postgres_url") if kind == "postgresql" else str(tmp_path / "target.sqlite3")
    )


def _count(target: str) -> int | None:
    listed = run_catalog("--db", target, "list", "--json")
    return len(json.loads(listed.stdout)) if listed.returncode == 0 else None


def _started_writing(target: str) -> bool:
    if target.startswith("postgresql://"):
        import psycopg

        try:
            with psycopg.connect(target, connect_timeout=2) as connection:
                return bool(
                    connection.execute(
                        "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() "
                        "AND state = 'active' AND query ILIKE 'INSERT%'"
                    ).fetchone()
                )
        except psycopg.Error:
            return False
    # The copy's transaction holds the write lock from its first insert to its commit.
    try:
        connection = sqlite3.connect(f"file:{target}?mode=rw", uri=True, timeout=0)
    except sqlite3.OperationalError:
        return False  # not made yet
    try:
        if connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'claim_link'").fetchone() != (
            1,
        ):
            return False
        connection.execute("BEGIN IMMEDIATE")
        connection.rollback()
        return False
    except sqlite3.OperationalError:  # locked: a writer is at work
        return True
    finally:
        connection.close()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_copy_killed_while_writing_leaves_no_export_and_no_half_copy(source, tmp_path, request, kind):
    # Issue 14, item 26: each killed copy left a whole JSON export in the temporary folder.
    target = _target(kind, tmp_path, request)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    copying = subprocess.Popen(
        [sys.executable, "-m", "catalog", "copy", "--from", str(source), "--to", target],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    deadline = time.monotonic() + 120
    while not _started_writing(target) and time.monotonic() < deadline:
        assert copying.poll() is None, "the copy finished before it could be killed"
        time.sleep(0.005)
    copying.send_signal(signal.SIGKILL)
    copying.wait(timeout=30)
    assert copying.returncode == -signal.SIGKILL
    # No export left behind. (SQLite's own scratch files, etilqs_*, are unlinked the moment
    # they are made; a kill in that instant may leave one, empty, that is not ours.)
    left = [path for path in scratch.iterdir() if not path.name.startswith("etilqs_")]
    assert left == []
    assert all(path.stat().st_size == 0 for path in scratch.iterdir())
    assert _count(target) in (0, None)  # nothing committed: no half copy that looks whole

    again = run_catalog("copy", "--from", str(source), "--to", target)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"copied {ARTICLES:,} articles, 1 claims and 0 links from ")
    assert _count(target) == ARTICLES
    if kind == "sqlite":
        with sqlite3.connect(target) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        connection.close()
    refused = run_catalog("copy", "--from", str(source), "--to", target)
    assert refused.returncode == 1
    assert refused.stderr.endswith(
        "is not empty: copy into a new catalogue (a file that does not exist yet, or an empty database)\n"
    )


def test_a_copy_writes_no_temporary_file(source, tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    target = tmp_path / "copy.sqlite3"
    done = run_catalog("copy", "--from", str(source), "--to", str(target), env={"TMPDIR": str(scratch)})
    assert done.returncode == 0, done.stderr
    assert list(scratch.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite3", "tmp"]
