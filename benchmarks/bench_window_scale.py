"""The window over a big catalogue: ``python benchmarks/bench_window_scale.py [N] [--catalogue PATH]``
(default 1,000,000 articles; the catalogue is kept in PATH, default
``/tmp/catalog-window-scale-N.sqlite3``, and reused by the next run: building a million
articles takes a while).

Building: 100,000 articles of real text are imported from files (bench_search's builder: the
Lee corpus, varied), then copied in SQL, each copy with its own report number (so its own
text and fingerprint), date, outlet and authors, until there are N; every article is filed
under one to three topics of bench_sidebar's tree (8 roots, 48 sections, 192 desks, drawn by
popularity), and the copies are added to the full-text index as an import adds them.

Measured, offscreen at 1280×800, as a person sees it:

- **open**: from asking for the window until it is drawn with the table filled and the
  sidebar's names listed (its counts may still be on their way: see **counts**);
- **counts**: from asking for the window until the sidebar shows every count;
- **first scroll step past page one**: the table scrolled a page at a time from the top, until
  it draws rows past the first page of the listing (256), the slowest of those steps;
- **scroll step** (worst of the next 20 page steps) and **jump to the end** (the last row drawn);
- **memory**: the process's resident set (RSS) with the window open and scrolled, and its peak.

Targets at 1,000,000 (issue 16): open < 1.5 s, first scroll step past page one < 100 ms,
memory < 500 MB. ``--profile`` prints the window opening's cProfile (top 25 by cumulative time).
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))

from bench_search import build_catalogue
from bench_sidebar import file_under_topics

BASE = 100_000  #: articles imported from files; the rest are copies of them made in SQL
TIMEOUT_S = 60.0
COPY_CHUNK = 5_000
OUTLETS, AUTHORS = 40, 2_000  #: a newsroom's many bylines over 25 years


def build(location: str, count: int) -> None:
    """``count`` real-looking articles in ``location`` (kept; nothing is done if already there)."""
    from catalog.catalogue import open_catalogue
    from catalog.models import Article

    open_catalogue(location)
    have = Article.select().count()
    if have < count:
        if have == 0:
            files = Path(tempfile.mkdtemp(prefix="window-scale-files-"))
            build_catalogue(location, files / "real", min(count, BASE), "real")
            import shutil

            shutil.rmtree(files, ignore_errors=True)
        copy_articles(count)
    start = time.perf_counter()
    links = file_under_topics()
    print(f"  {links:,} article-topic links ({time.perf_counter() - start:.0f} s)", flush=True)


def copy_articles(count: int) -> None:
    """Copy the imported articles in SQL until there are ``count``: each copy gets a report
    number of its own (in its title and text, so a fingerprint of its own), a date, an outlet
    and authors drawn as real_article draws them; the copies are indexed as an import does."""
    from catalog.db import database
    from catalog.fingerprints import fingerprint
    from catalog.models import Article
    from catalog.search import fulltext

    have = Article.select().count()
    base = min(have, BASE)
    columns = "title, date, date_precision, outlet_id, summary, notes, source_path, imported_at, updated_at, version, body"
    rng = random.Random(7)
    outlets, authors = _names("outlet", OUTLETS), _names("author", AUTHORS)
    start = time.perf_counter()
    number = have
    while number < count:
        chunk = min(COPY_CHUNK, count - number)
        rows = database.execute_sql(
            f"SELECT id, {columns} FROM article WHERE id <= ? ORDER BY random() LIMIT ?", (base, chunk)
        ).fetchall()
        new_rows, author_rows = [], []
        for row in rows:
            (
                _source_id,
                title,
                _date,
                precision,
                _outlet,
                summary,
                notes,
                path,
                imported,
                updated,
                version,
                body,
            ) = row
            old_label = title.split(":", 1)[0]  # "Report 123"
            label = f"Report {number}"
            body = body.replace(old_label + ":", label + ":", 1)
            date = f"{2000 + rng.randrange(26)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
            new_rows.append(
                (
                    title.replace(old_label, label, 1),
                    date,
                    precision,
                    rng.choice(outlets),
                    summary,
                    notes,
                    path,
                    fingerprint(body),
                    imported,
                    updated,
                    version,
                    body,
                )
            )
            author_rows.append(rng.sample(authors, rng.choice((1, 1, 2, 3))))
            number += 1
        with database.atomic():
            cursor = database.cursor()
            first = database.execute_sql("SELECT coalesce(max(id), 0) + 1 FROM article").fetchone()[0]
            cursor.executemany(
                "INSERT INTO article (title, date, date_precision, outlet_id, summary, notes, source_path, "
                "content_hash, imported_at, updated_at, version, body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                new_rows,
            )
            last = first + len(new_rows) - 1
            cursor.executemany(
                "INSERT INTO article_author (article_id, author_id, position) VALUES (?,?,?)",
                [
                    (first + offset, author, position)
                    for offset, authors in enumerate(author_rows)
                    for position, author in enumerate(authors)
                ],
            )
            fulltext.index_id_range(first, last)
        if number % 100_000 < COPY_CHUNK:
            print(f"  {number:,} articles ({time.perf_counter() - start:.0f} s)", flush=True)


def _names(kind: str, count: int) -> list[int]:
    """Ids of ``count`` names of ``kind`` ("Outlet 0", "Writer 0" … as real_article names them)."""
    from catalog.db import database
    from catalog.models import Author, Outlet
    from catalog.names import name_cache

    model, word = (Outlet, "Outlet") if kind == "outlet" else (Author, "Writer")
    cache = name_cache(model)
    with database.atomic():
        return [cache.id_for(f"{word} {number}") for number in range(count)]


def memory_mb() -> tuple[float, float]:
    """This process's resident set now, and its peak, in MB."""
    fields = dict(
        line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line
    )
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def wait_until(app, done) -> float:
    start = time.perf_counter()
    while not done():
        if time.perf_counter() - start > TIMEOUT_S:
            raise TimeoutError("not done within a minute")
        app.processEvents()
        time.sleep(0.0005)
    return time.perf_counter() - start


def measure(location: str, *, profile: bool = False) -> dict:
    import cProfile
    import pstats

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QAbstractSlider, QTableView

    from catalog.listing import FIRST_PAGE
    from ui.app import application, open_window
    from ui.widgets.sidebar import Sidebar

    app = application()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    window = open_window(location)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    if profiler:
        profiler.disable()
    figures = {"open": time.perf_counter() - start}
    sidebar = window.findChild(Sidebar, "sidebar")
    if not getattr(sidebar, "counting", False):  # counted before the window showed
        figures["counts"] = figures["open"]
    else:
        sidebar.counts_ready.connect(lambda: figures.setdefault("counts", time.perf_counter() - start))
    table = window.findChild(QTableView, "articleTable")
    model, bar = table.model(), table.verticalScrollBar()

    def step(action) -> float:
        began = time.perf_counter()
        action()
        app.processEvents()  # scrolled and drawn: every visible row read
        return time.perf_counter() - began

    def page_down() -> None:
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)

    # A person scrolling at once, a page at a time, down past the first page of the listing.
    first_page_steps = []
    while table.rowAt(table.viewport().height() - 1) < FIRST_PAGE and len(first_page_steps) < 100:
        first_page_steps.append(step(page_down))
    figures["first_past_page_one"] = first_page_steps[-1]
    figures["worst_to_page_two"] = max(first_page_steps)
    figures["scroll_step"] = max(step(page_down) for _ in range(20))
    wait_until(app, lambda: "counts" in figures)
    figures["to_the_end"] = step(lambda: bar.setValue(bar.maximum()))
    figures["rows"] = model.rowCount()
    figures["rss"], figures["peak"] = memory_mb()
    window.close()
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return figures


def report(size: int, figures: dict) -> None:
    print(f"{size:,} articles ({figures['rows']:,} rows in the table at the end)")
    lines = (
        ("open (table filled, sidebar's names)", figures["open"] * 1000, "ms", "< 1,500 ms at 1M"),
        ("sidebar's counts shown", figures["counts"] * 1000, "ms", ""),
        ("first scroll step past page one", figures["first_past_page_one"] * 1000, "ms", "< 100 ms at 1M"),
        ("worst step down to it", figures["worst_to_page_two"] * 1000, "ms", ""),
        ("scroll step after it (worst of 20)", figures["scroll_step"] * 1000, "ms", ""),
        ("jump to the last row", figures["to_the_end"] * 1000, "ms", ""),
        ("memory (RSS, window open)", figures["rss"], "MB", "< 500 MB at 1M"),
        ("memory (peak RSS)", figures["peak"], "MB", ""),
    )
    for label, value, unit, target in lines:
        print(f"  {label:<38} {value:>8,.0f} {unit:<3} {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("size", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--catalogue", metavar="PATH", help="where to keep (and reuse) the catalogue")
    parser.add_argument("--build-only", action="store_true", help="build the catalogue, measure nothing")
    parser.add_argument("--profile", action="store_true", help="print the window opening's profile")
    args = parser.parse_args()
    location = args.catalogue or f"/tmp/catalog-window-scale-{args.size}.sqlite3"
    build(location, args.size)
    if args.build_only:
        return
    from catalog.catalogue import close_catalogue

    close_catalogue()
    report(args.size, measure(location, profile=args.profile))


if __name__ == "__main__":
    main()
