"""Import speed: ``catalog import`` as a whole process against a raw sqlite3 floor.

    python benchmarks/bench_import.py [N]            (default 20,000 files of ~5 KB)
    python benchmarks/bench_import.py [N] --stories  and what finding copies costs

Generates N article files with headers in a temporary folder, then in the same run times
(a) ``python -m catalog import`` on them, as a user would run it, and (b) a floor: Python's
sqlite3 reading the same files and ``executemany`` into one table plus an FTS5 index, with no
parsing. Prints files/s for both, their ratio, and the import process's peak memory.

With ``--stories``, it also times the same import with the search for copies switched off
(``CATALOG_STORIES=off``, catalog.stories), alternating with and without three times each so
that a busy machine weighs on both alike, and prints what looking for copies adds (the issue's
target: at most 15 %).
"""

import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = [
    "government",
    "officials",
    "report",
    "ministry",
    "said",
    "according",
    "sources",
    "week",
    "attack",
    "forces",
    "talks",
    "election",
    "court",
    "vote",
    "economy",
    "prices",
    "energy",
    "border",
    "troops",
    "agreement",
    "statement",
    "public",
    "president",
    "minister",
    "security",
    "council",
    "sanctions",
    "market",
    "crisis",
    "inflation",
    "analysts",
    "region",
]
OUTLETS = ["AntiWar.com", "Reuters", "The Guardian", "Le Monde", "Der Spiegel", "Al Jazeera"]
AUTHORS = ["Dave DeCamp", "Zoë Martin", "Jan Nowak", "Ana López", "Kim Lee", "Sam O'Neil"]


def make_article(rng: random.Random, number: int) -> str:
    header = (
        f" date {2015 + number % 9}-{1 + number % 12:02d}-{1 + number % 28:02d} "
        f"Authored by {rng.choice(AUTHORS)} via {rng.choice(OUTLETS)},"
    )
    paragraphs = []
    while sum(map(len, paragraphs)) < 5000:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 22)))
        paragraphs.append(f"Article {number}: {sentence.capitalize()}. " + sentence + ".")
    return header + "\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(folder: Path, count: int) -> None:
    rng = random.Random(7)
    for number in range(count):
        sub = folder / f"{number // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{number:06d}.txt").write_text(make_article(rng, number), encoding="utf-8")


def time_catalog_import(folder: Path, db: Path, env: dict | None = None) -> tuple[float, int]:
    """Seconds for the whole ``catalog import`` process, and its peak memory in MB."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "catalog", "--db", str(db), "import", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"catalog import failed: {result.stderr[-500:]}")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return seconds, peak_mb


def time_floor(folder: Path, db: Path) -> float:
    """Seconds to read the files and insert them raw, plus an FTS5 index, with sqlite3."""
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=wal")
    conn.execute("CREATE TABLE doc (id INTEGER PRIMARY KEY, path TEXT, body TEXT)")
    conn.execute("CREATE VIRTUAL TABLE doc_fts USING fts5(body, content='doc', content_rowid='id')")
    rows = ((str(p), p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.txt")))
    with conn:
        conn.executemany("INSERT INTO doc (path, body) VALUES (?, ?)", rows)
        conn.execute("INSERT INTO doc_fts (doc_fts) VALUES ('rebuild')")
    conn.close()
    return time.perf_counter() - start


def stories_cost(folder: Path, scratch: Path, rounds: int = 3) -> tuple[float, float]:
    """Median seconds of the import without and with the search for copies."""
    times: dict[str, list[float]] = {"off": [], "on": []}
    for number in range(rounds):
        for switch in ("off", "on"):
            db = scratch / f"stories-{switch}-{number}.sqlite3"
            os.sync()
            times[switch].append(time_catalog_import(folder, db, {"CATALOG_STORIES": switch})[0])
    return statistics.median(times["off"]), statistics.median(times["on"])


def main() -> None:
    arguments = [arg for arg in sys.argv[1:] if arg != "--stories"]
    count = int(arguments[0]) if arguments else 20_000
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "articles"
        folder.mkdir()
        generate(folder, count)
        # Flush dirty pages before each timed run, so neither pays for the other's writes.
        os.sync()
        floor_seconds = time_floor(folder, Path(scratch) / "floor.sqlite3")
        os.sync()
        seconds, peak_mb = time_catalog_import(folder, Path(scratch) / "catalog.sqlite3")
        without, with_stories = stories_cost(folder, Path(scratch)) if "--stories" in sys.argv else (0, 0)
    print(f"files:              {count:,}")
    print(f"catalog import:     {count / seconds:,.0f} files/s ({seconds:.1f} s)")
    print(f"floor (sqlite3):    {count / floor_seconds:,.0f} files/s ({floor_seconds:.1f} s)")
    print(f"ratio:              {seconds / floor_seconds:.2f}x the floor's time")
    print(f"peak memory:        {peak_mb} MB (catalog import process)")
    if without:
        print(
            f"copies looked for:  {with_stories:.1f} s against {without:.1f} s without "
            f"(median of 3 each): {with_stories / without - 1:+.0%}   target at most +15 %"
        )


if __name__ == "__main__":
    main()
