"""Browsing and search at scale: ``python benchmarks/bench_search.py [N ...]`` (default 10000 100000).

For each N it builds a catalogue of N generated articles (~4 KB each) in a temporary folder and
measures, offscreen: opening the window with the table filled; searches returning their first
page, drawn (median and 95th percentile over rare, common and fielded queries); the median time
until every matching row is counted in (the rest is read in the background: "all rows");
scrolling the table from top to bottom a page at a time (slowest step); and the process's peak
memory.
Targets at 100,000: open < 1 s, search median < 50 ms and p95 < 150 ms, scroll step < 50 ms,
memory < 400 MB.
"""

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_import import generate

QUERIES = [
    "officials",
    "government",
    "sanctions inflation",
    '"border troops"',
    "elect*",
    "author:jan",
    "outlet:reuters crisis",
    "-energy market",
    "since:2020 vote",
    "zzzznotfound",
]


def build(folder: Path, count: int) -> str:
    from catalog.catalogue import open_catalogue
    from catalog.importing import import_paths

    files = folder / "articles"
    files.mkdir()
    generate(files, count)
    db = str(folder / "bench.sqlite3")
    open_catalogue(db)
    import_paths([files])
    return db


def measure(db: str) -> dict:
    from PySide6.QtCore import QSettings

    from ui.app import application, open_window

    app = application()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    start = time.perf_counter()
    window = open_window(db)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    opened = time.perf_counter() - start

    searches, counted = [], []
    for _ in range(3):
        for query in QUERIES:
            start = time.perf_counter()
            window.search_box.setText(query)
            window._filter()
            for row in range(min(40, window.table_model.rowCount())):  # the first page is drawn
                window.table_model.index(row, 0).data()
            app.processEvents()
            searches.append(time.perf_counter() - start)
            while not window.table_model.complete:  # the rest of the rows, read in the background
                time.sleep(0.001)  # idle, as the event loop would be: the reading thread needs the GIL
                app.processEvents()
            counted.append(time.perf_counter() - start)
    window.search_box.setText("")
    window._filter()

    view = window.table
    bar = view.verticalScrollBar()
    steps = []
    bar.setValue(0)
    while bar.value() < bar.maximum():
        start = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        view.viewport().repaint()
        steps.append(time.perf_counter() - start)
    window.close()
    return {
        "open": opened,
        "search_median": statistics.median(searches),
        "search_p95": sorted(searches)[int(len(searches) * 0.95) - 1],
        "counted_median": statistics.median(counted),
        "scroll_worst": max(steps) if steps else 0.0,
        "scroll_steps": len(steps),
    }


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000]
    print(
        f"{'articles':>10} {'open':>8} {'search median':>14} {'search p95':>11} {'all rows':>9} "
        f"{'scroll worst':>13} {'memory':>8}"
    )
    for count in sizes:
        with tempfile.TemporaryDirectory() as scratch:
            db = build(Path(scratch), count)
            figures = measure(db)
            memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            print(
                f"{count:>10,} {figures['open'] * 1000:>6.0f}ms {figures['search_median'] * 1000:>12.0f}ms "
                f"{figures['search_p95'] * 1000:>9.0f}ms {figures['counted_median'] * 1000:>7.0f}ms "
                f"{figures['scroll_worst'] * 1000:>11.0f}ms {memory:>6} MB"
            )
            sys.stdout.flush()


if __name__ == "__main__":
    main()
