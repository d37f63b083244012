"""A crafted file against the import: ``catalog import`` of real articles with and without one.

    python benchmarks/bench_import_crafted.py [N]      (default 1,000 files)

Issue 14, item 9: a first paragraph of ``Mr. `` repeated (1.2 MB) turned a 0.4 s import of
1,000 files into 16.9 s, its cost growing 4x per doubling. This builds N files of real news
text (the Lee corpus, benchmarks/real_text.py), then times, as a user runs it:

1. ``catalog import`` of the N files, and of the same N files plus one crafted 1.2 MB file;
2. the crafted file alone at 0.6, 1.2 and 2.4 MB, in this process (a process's start-up would
   drown it): reading and parsing it (title, header, hash), then a whole import of it into a
   fresh catalogue (full-text index included). Linear growth doubles the time per doubling of
   the size; quadratic growth quadruples it.

Each import goes into a fresh catalogue; the best of three runs is kept (of seven for the
reading and parsing alone), and each size's time is also given per MB. To compare with
another version of the code, run this with ``PYTHONPATH`` pointing at that version's tree.
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from real_text import lee_articles

from catalog.catalogue import close_catalogue, open_catalogue
from catalog.importing import import_paths
from catalog.importing.reading import prepare

CRAFTED_SIZES = (600_000, 1_200_000, 2_400_000)
RUNS = 3
PARSE_RUNS = 7  # times of milliseconds on a shared machine: the best of more runs
PARSE_RUNS = 7  # small times on a shared machine: the best of more runs


def write_real_articles(folder: Path, count: int) -> None:
    """``count`` distinct files of real text: the corpus's articles in turn, each numbered."""
    articles = lee_articles()
    folder.mkdir(parents=True)
    for number in range(count):
        text = articles[number % len(articles)]
        header = f" date 2002-{number % 12 + 1:02d}-{number % 28 + 1:02d} via Lee Corpus,"
        (folder / f"{number:05d}.txt").write_text(f"{header}\n\n{text}\n\nFile {number}.\n", encoding="utf-8")


def write_crafted(path: Path, size: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("Mr. " * (size // 4) + "\n", encoding="utf-8")


def time_import(*paths: Path, scratch: Path) -> float:
    """Best of RUNS wall-clock seconds for ``python -m catalog import PATHS`` into a new catalogue."""
    best = float("inf")
    for run in range(RUNS):
        db = scratch / f"catalogue-{time.monotonic_ns()}-{run}.sqlite3"
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "catalog", "--db", str(db), "import", *map(str, paths)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(f"catalog import failed: {done.stderr[-500:]}")
        best = min(best, seconds)
    return best


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        real = scratch / "real"
        write_real_articles(real, count)
        crafted = scratch / "crafted" / "mr-1.2MB.txt"
        write_crafted(crafted, 1_200_000)
        plain = time_import(real, scratch=scratch)
        with_crafted = time_import(real, crafted, scratch=scratch)
        print(f"{count:,} real-text files:                {plain:6.2f} s")
        print(
            f"{count:,} real-text files + 1.2 MB crafted: {with_crafted:6.2f} s  ({with_crafted / plain:.2f}x)"
        )

        print("\ncrafted paragraph alone:  read and parse (per MB)     whole import (per MB)")
        previous = None
        for size in CRAFTED_SIZES:
            path = scratch / "sizes" / f"mr-{size}.txt"
            write_crafted(path, size)
            parse = best_of(lambda: prepare(str(path)), PARSE_RUNS)  # noqa: B023 - called at once
            whole = best_of(lambda: import_alone(path, scratch))  # noqa: B023
            megabytes = size / 1e6
            growth = (
                f"  ({parse / previous[0]:.1f}x, {whole / previous[1]:.1f}x the half size's)"
                if previous
                else ""
            )
            print(
                f"  {megabytes:.1f} MB: {parse:10.3f} s ({parse / megabytes:.3f} s)"
                f" {whole:12.3f} s ({whole / megabytes:.3f} s){growth}"
            )
            previous = (parse, whole)


def best_of(work, runs: int = RUNS) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def import_alone(path: Path, scratch: Path) -> None:
    open_catalogue(str(scratch / f"alone-{time.monotonic_ns()}.sqlite3"))
    try:
        report = import_paths([path], workers=0)
        assert len(report.imported) == 1, report.summary()
    finally:
        close_catalogue()


if __name__ == "__main__":
    main()
