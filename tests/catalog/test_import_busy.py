"""Desks importing into one SQLite file at once (issue 14, item 10): SQLite lets one desk write
at a time, so an import waits for another desk's write, says so, and never fails a whole
import as "database is locked"; its own transactions stay short so others wait little."""

import random
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from catalog.catalogue import close_catalogue, open_catalogue
from catalog.importing import import_paths
from catalog.models import Article
from tests.helpers import SEED_FILE, article_file

WAITING = "waiting for another desk's write…"
WORDS = [
    "minister",
    "talks",
    "border",
    "energy",
    "prices",
    "council",
    "troops",
    "election",
    "court",
    "vote",
    "economy",
    "report",
    "officials",
    "statement",
    "sanctions",
    "market",
    "crisis",
    "inflation",
    "analysts",
    "region",
    "security",
    "agreement",
]


def long_article(number: int, size: int = 300_000) -> str:
    """About ``size`` characters of prose, different for each number."""
    rng = random.Random(number)
    sentences = []
    while sum(map(len, sentences)) < size:
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
        sentences.append(f"{' '.join(words).capitalize()} {rng.randrange(10**6)}.")
    return article_file(f"Long report {number}", " ".join(sentences))


def write_long_articles(folder, numbers, size=300_000):
    folder.mkdir(parents=True, exist_ok=True)
    for number in numbers:
        (folder / f"{number:04d}.txt").write_text(long_article(number, size), encoding="utf-8")


@pytest.fixture
def db(tmp_path):
    """A SQLite catalogue that exists, with one article in it."""
    path = tmp_path / "shared.sqlite3"
    open_catalogue(str(path))
    import_paths([SEED_FILE])
    close_catalogue()
    return path


def import_command(db, folder):
    return [sys.executable, "-m", "catalog", "--db", str(db), "import", str(folder)]


def hold_write_lock(db, seconds: float) -> threading.Thread:
    """Another desk's long write: SQLite's write lock held for ``seconds`` (longer than the
    connection's 5 s busy timeout), then committed."""
    ready = threading.Event()

    def hold():
        connection = sqlite3.connect(db, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE article SET notes = 'kept by the other desk' WHERE id = 1")
        ready.set()
        time.sleep(seconds)
        connection.execute("COMMIT")
        connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait(10)
    return thread


def test_an_import_waits_for_another_desks_long_write_and_says_so(db, tmp_path):
    folder = tmp_path / "long"
    write_long_articles(folder, range(20))
    holder = hold_write_lock(db, 7.0)
    done = subprocess.run(
        import_command(db, folder), capture_output=True, text=True, timeout=180, check=False
    )
    holder.join()
    assert done.returncode == 0, done.stdout[-2000:]
    assert done.stdout == "20 files: 20 imported, 0 duplicates, 0 failed\n"
    assert f"import: 0 of 20 files · {WAITING}" in done.stderr.splitlines()
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM article").fetchone() == (21,)
        assert connection.execute("SELECT notes FROM article WHERE id = 1").fetchone() == (
            "kept by the other desk",
        )


def test_two_desks_importing_long_articles_at_once_both_finish(db, tmp_path):
    """Each desk's folder holds 40 articles of ~300 KB, 10 of them the same in both."""
    write_long_articles(tmp_path / "desk-a", range(40))
    write_long_articles(tmp_path / "desk-b", range(30, 70))
    desks = [
        subprocess.Popen(
            import_command(db, tmp_path / name), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for name in ("desk-a", "desk-b")
    ]
    outputs = [desk.communicate(timeout=300) for desk in desks]
    assert [desk.returncode for desk in desks] == [0, 0], outputs
    imported = duplicates = 0
    for out, _err in outputs:
        first = out.splitlines()[0]
        assert first.startswith("40 files: ") and first.endswith(" 0 failed"), first
        counts = first.removeprefix("40 files: ").split(", ")
        imported += int(counts[0].split()[0])
        duplicates += int(counts[1].split()[0])
    assert (imported, duplicates) == (70, 10)
    with sqlite3.connect(db) as connection:
        assert connection.execute(
            "SELECT count(*), count(DISTINCT content_hash) FROM article"
        ).fetchone() == (71, 71)
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_cancel_while_waiting_for_another_desk(db, tmp_path):
    folder = tmp_path / "long"
    write_long_articles(folder, range(3), size=5_000)
    said = []
    holder = hold_write_lock(db, 3.0)
    open_catalogue(str(db))
    try:
        report = import_paths([folder], status=said.append, cancelled=lambda: WAITING in said, workers=0)
        assert report.cancelled and report.imported == []
        assert said == [WAITING]
    finally:
        holder.join()
        assert Article.select().count() == 1
        close_catalogue()
