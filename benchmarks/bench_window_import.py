"""A folder imported from the window against ``catalog import``:
``python benchmarks/bench_window_import.py [N] [--keep DIR]`` (default 3,000 files).

Makes N article files of real text (the Lee corpus, varied: bench_search's ``real_article``)
in a folder under /tmp (``--keep DIR`` keeps and reuses them), then imports the folder into a
new catalogue three ways, each in a process of its own:

- **CLI**: ``catalog --db NEW import FOLDER``, the whole process timed;
- **window**: the window open offscreen, File ▸ Import Folder's import started
  (``ImportController.start_import``) and timed until its report;
- **window, reading in its thread**: the same with no worker process (as the window imported
  before its workers came from a fork server): the baseline.

It prints files/s for each and the window's against the CLI's (target: 1.0, the CLI's speed).
"""

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))


def make_files(folder: Path, count: int) -> None:
    from bench_search import real_article
    from real_text import lee_articles

    if folder.exists() and sum(1 for _ in folder.rglob("*.txt")) >= count:
        return
    rng = random.Random(11)
    sentences = [s for article in lee_articles() for s in re.split(r"(?<=[.!?])\s+", article) if s]
    for number in range(count):
        sub = folder / f"{number // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{number:06d}.txt").write_text(real_article(rng, sentences, number), encoding="utf-8")


def cli_import(folder: Path, catalogue: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "catalog", "--db", str(catalogue), "import", str(folder)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def window_import(folder: Path, catalogue: Path, *, in_thread: bool) -> float:
    """Seconds the window's import took, measured in a process of its own."""
    args = [sys.executable, __file__, "--window-run", str(folder), str(catalogue)]
    output = subprocess.run(
        args + (["--in-thread"] if in_thread else []), check=True, capture_output=True, text=True
    )
    return float(output.stdout.strip().splitlines()[-1])


def run_window(folder: str, catalogue: str, in_thread: bool) -> None:
    """In the measuring process: open the window, import the folder, print the seconds."""
    from PySide6.QtCore import QEventLoop, QSettings

    from catalog.importing import reading
    from ui.app import application, open_window

    if in_thread:
        reading.reading_workers = lambda: 0
    app = application()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    window = open_window(catalogue)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    loop = QEventLoop()
    reports = []
    window.import_finished.connect(lambda report: (reports.append(report), loop.quit()))
    start = time.perf_counter()
    window.importer.start_import([folder])
    loop.exec()
    seconds = time.perf_counter() - start
    assert reports and reports[0] is not None, "the import failed"
    print(reports[0].summary(), file=sys.stderr)
    window.importer.report_dialog.close()
    window.close()
    print(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("size", nargs="?", type=int, default=3_000)
    parser.add_argument("--keep", metavar="DIR", help="keep (and reuse) the article files in DIR")
    parser.add_argument("--window-run", nargs=2, metavar=("FOLDER", "CATALOGUE"), help=argparse.SUPPRESS)
    parser.add_argument("--in-thread", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.window_run:
        run_window(*args.window_run, args.in_thread)
        return
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-window-import-"))
    folder = base / f"real-{args.size}"
    make_files(folder, args.size)
    with tempfile.TemporaryDirectory(prefix="bench-window-import-db-") as scratch:
        runs = {
            "CLI": cli_import(folder, Path(scratch) / "cli.sqlite3"),
            "window": window_import(folder, Path(scratch) / "window.sqlite3", in_thread=False),
            "window, reading in its thread (before)": window_import(
                folder, Path(scratch) / "thread.sqlite3", in_thread=True
            ),
        }
    print(f"{args.size:,} files of real text ({os.cpu_count()} cores)")
    cli_rate = args.size / runs["CLI"]
    for label, seconds in runs.items():
        rate = args.size / seconds
        print(f"  {label:<40} {seconds:>6.2f} s {rate:>8,.0f} files/s   {rate / cli_rate:>5.2f}× the CLI")
    if not args.keep:
        import shutil

        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
