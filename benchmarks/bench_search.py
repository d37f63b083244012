"""Browsing and search at scale: ``python benchmarks/bench_search.py [N ...]`` (default 10000 100000),
and the worst queries: ``python benchmarks/bench_search.py --worst [N]`` (default 100000).

For each N it builds a catalogue of N generated articles (~4 KB each) in a temporary folder and
measures, offscreen: opening the window with the table filled; searches returning their first
page, drawn (median and 95th percentile over rare, common and fielded queries); the median time
until every matching row is counted in (the rest is read in the background: "all rows");
scrolling the table from top to bottom a page at a time (slowest step); and the process's peak
memory. ``--backend sqlite|postgresql`` measures one backend (SQLite by default; PostgreSQL on
a throwaway server); ``--keep DIR`` keeps the article files and catalogues for the next run.
Run one backend per process: the memory figure is the process's peak.
Targets at 100,000: open < 1 s, search median < 50 ms and p95 < 150 ms, scroll step < 50 ms,
memory < 400 MB.

``--worst`` builds N articles three times, from generated words, from real text (the Lee corpus,
varied: see ``real_article``) and from hostile words (``hostile_article``), on SQLite and on a throwaway PostgreSQL server, and runs the
worst queries found (one-letter prefixes, many prefixes, long ORs, many phrases, 200 terms) as
the window and the command line run them: the first page, every id in order, the count. It
prints each query's slowest step, or the message that refused it, and the slowest query per
catalogue. Target: no query over 1 s. ``--keep DIR`` keeps the catalogues there between runs;
``--backend sqlite|postgresql`` and ``--text generated|real|hostile`` run one of each (hostile:
every word starts with w, as in the attack where ``w*`` took 48 s).
"""

import argparse
import collections
import itertools
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_import import generate
from real_text import lee_articles

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
            window.articles.search_box.setText(query)
            window.articles.filter()
            for row in range(min(40, window.articles.model.rowCount())):  # the first page is drawn
                window.articles.model.index(row, 0).data()
            app.processEvents()
            searches.append(time.perf_counter() - start)
            while not window.articles.model.complete:  # the rest of the rows, read in the background
                time.sleep(0.001)  # idle, as the event loop would be: the reading thread needs the GIL
                app.processEvents()
            counted.append(time.perf_counter() - start)
    window.articles.search_box.setText("")
    window.articles.filter()

    view = window.articles.table
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


#: The worst queries found: each expands to many index terms or reads many long posting lists.
COMMON = [
    *("the", "said", "to", "of", "in", "and", "a"),
    *("government", "officials", "report", "minister", "would", "people", "police"),
]
WORST_QUERIES = [
    "a*",
    "s*",
    "t*",
    "w*",
    "1*",
    "th*",
    "a* b* c*",
    "s* OR t* OR w*",
    "w* OR government",
    "w* -t*",
    "-t*",
    "title:a*",
    "author:d*",
    "wh* the",
    " OR ".join(COMMON * 4),
    " ".join(COMMON),
    " ".join(f'"{a} {b}"' for a, b in itertools.pairwise(COMMON)),
    '"the government said" "the minister said" "in the"',
    " ".join(f"{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}*" for i in range(200)),
    " ".join((COMMON * 15)[:200]),
    " OR ".join(f"w{chr(97 + i % 26)}*" for i in range(26)),
    "the*",
    "con*",
    "wa*",
    "wab*",
    "wabc*",
    "wa* OR wb* OR wc* OR wd*",
    "zzzznotfound*",
]
#: Two-letter prefixes that start the most English words.
BUSY_PREFIXES = ["th", "co", "re", "pr"]


def worst_queries() -> list[str]:
    """WORST_QUERIES, then the costliest searches the limits allow (16 words, 4 of them
    prefixes), made of the commonest words of real news text."""
    counts = collections.Counter(w.lower() for a in lee_articles() for w in re.findall(r"[A-Za-z]+", a))
    top = [word for word, _ in counts.most_common(16)]
    return [
        *WORST_QUERIES,
        " OR ".join(top),
        " ".join(top),
        '"' + " ".join(top) + '"',
        " ".join(f'"{" ".join(top[i : i + 4])}"' for i in range(0, 16, 4)),
        " OR ".join(f"{p}*" for p in BUSY_PREFIXES),
        " ".join(f"{p}*" for p in BUSY_PREFIXES),
        " OR ".join([*(f"{p}*" for p in BUSY_PREFIXES), *top[:12]]),
    ]


def real_article(rng: random.Random, sentences: list[str], number: int) -> str:
    """An article of ~4 KB of real sentences, drawn at random from the Lee corpus, with one word
    in 150 varied (a letter doubled or changed): real catalogues have a long tail of rare
    spellings, names and numbers, and a prefix's cost grows with the words it matches."""
    chosen, size = [], 0
    while size < 4000:
        sentence = rng.choice(sentences)
        chosen.append(sentence)
        size += len(sentence) + 1
    words = " ".join(chosen).split(" ")
    for index in range(0, len(words), 150):
        at = index + rng.randrange(150)
        if at < len(words) and len(words[at]) > 3:
            word = words[at]
            cut = rng.randrange(1, len(word))
            words[at] = word[:cut] + rng.choice("abcdefghijklmnopqrstuvwxyz") + word[cut:]
    body = " ".join(words)
    paragraphs = [body[i : i + 800] for i in range(0, len(body), 800)]
    header = f" date {2015 + number % 9}-{1 + number % 12:02d}-{1 + number % 28:02d} Authored by Writer {number % 50} via Outlet {number % 9},"
    return header + "\n\n" + f"Report {number}: " + "\n\n".join(paragraphs) + "\n"


def hostile_article(rng: random.Random, number: int) -> str:
    """An article of 400 words that all start with w (w and four letters: 457,000 words in all),
    as the attack that took 48 s: a one-letter prefix matches the whole vocabulary."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["w" + "".join(rng.choices(letters, k=4)) for _ in range(400)]
    body = "\n\n".join(" ".join(words[i : i + 80]) + "." for i in range(0, 400, 80))
    header = f" date {2015 + number % 9}-{1 + number % 12:02d}-{1 + number % 28:02d} Authored by Writer {number % 50} via Outlet {number % 9},"
    return header + "\n\n" + f"Wreport {number}\n\n" + body + "\n"


def generate_hostile(folder: Path, count: int) -> None:
    rng = random.Random(13)
    for number in range(count):
        sub = folder / f"{number // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{number:06d}.txt").write_text(hostile_article(rng, number), encoding="utf-8")


def generate_real(folder: Path, count: int) -> None:
    rng = random.Random(11)
    sentences = [s for article in lee_articles() for s in re.split(r"(?<=[.!?])\s+", article) if s]
    for number in range(count):
        sub = folder / f"{number // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{number:06d}.txt").write_text(real_article(rng, sentences, number), encoding="utf-8")


def build_catalogue(location: str, files: Path, count: int, text: str) -> None:
    """``count`` articles of ``text`` imported into ``location`` unless already there (their
    files are made in ``files`` first, if missing)."""
    from catalog.catalogue import open_catalogue
    from catalog.importing import import_paths
    from catalog.models import Article

    open_catalogue(location)
    if Article.select().count() >= count:
        return
    if not files.exists():
        files.mkdir(parents=True)
        {"generated": generate, "real": generate_real, "hostile": generate_hostile}[text](files, count)
    start = time.perf_counter()
    import_paths([files])
    print(f"  imported {count:,} articles in {time.perf_counter() - start:.0f} s", flush=True)


def time_query(query: str, repeat: int = 2) -> tuple[float, float, str]:
    """The slowest of the query's steps as the window and the CLI run them, each the fastest of
    ``repeat`` runs (the first may read from disk): seconds on the clock, and CPU seconds of this
    process and of its PostgreSQL server process (on a shared machine, what the query itself
    costs); and what happened."""
    from catalog.browsing import Filters, count_filtered, filtered_ids
    from catalog.listing import make_listing
    from catalog.search.query import QueryError

    slowest, cpu, found = 0.0, 0.0, 0
    steps = (
        lambda: len(make_listing(Filters(query=query), sort="relevance").head),
        lambda: len(filtered_ids(Filters(query=query), sort="relevance")),
        lambda: count_filtered(Filters(query=query)),
    )
    for step in steps:
        best = (float("inf"), 0.0)
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), cpu_seconds()
            try:
                found = step()
            except QueryError as exc:
                return time.perf_counter() - start, 0.0, f"refused: {exc}"
            best = min(best, (time.perf_counter() - start, cpu_seconds() - start_cpu))
        if best[0] > slowest:
            slowest, cpu = best
    return slowest, cpu, f"{found:,} found"


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and, on PostgreSQL, by its server process."""
    from catalog.backends import backend
    from catalog.db import database

    used = time.process_time()
    if not backend().one_writer:  # a server: its process does the search's work
        (pid,) = database.execute_sql("SELECT pg_backend_pid()").fetchone()
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        used += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
    return used


def run_worst(location: str, label: str) -> float:
    from catalog.catalogue import open_catalogue

    open_catalogue(location)
    worst, worst_cpu = 0.0, 0.0
    for query in worst_queries():
        seconds, cpu, outcome = time_query(query)
        worst, worst_cpu = max(worst, seconds), max(worst_cpu, cpu)
        shown = query if len(query) <= 50 else query[:47] + "..."
        print(f"  {seconds * 1000:>7.0f} ms {cpu * 1000:>6.0f} ms cpu  {shown:<50}  {outcome}", flush=True)
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(
        f"{label}: slowest query {worst * 1000:.0f} ms, {worst_cpu * 1000:.0f} ms of CPU "
        f"(load average {load})",
        flush=True,
    )
    return worst


def postgres_server(folder: Path):
    """A throwaway PostgreSQL server in ``folder`` (kept there with --keep)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.postgres_server import PostgresServer

    folder.mkdir(parents=True, exist_ok=True)
    server = PostgresServer(folder)
    if (folder / "data").exists():
        server._run(
            "pg_ctl",
            "-D",
            str(server.data),
            "-o",
            f"-p {server.port} -k {folder} -c listen_addresses=127.0.0.1",
            "-l",
            str(folder / "server.log"),
            "-w",
            "start",
        )
    else:
        server.start()
    return server


@contextmanager
def workspace(keep: str | None, backends: list[str]) -> Iterator[tuple[Path, object]]:
    """A folder for the article files and catalogues (``keep``, or a temporary one removed at
    the end) and, if PostgreSQL is among ``backends``, a throwaway server in it."""
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="bench-search-"))
    folder.mkdir(parents=True, exist_ok=True)
    if not keep:
        folder.chmod(0o755)  # as root, the server runs as the postgres user: it must get in
    server = postgres_server(folder / "postgres") if "postgresql" in backends else None
    try:
        yield folder, server
    finally:
        if server is not None:
            server.stop()
        if not keep:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)


def location_of(folder: Path, server, backend: str, name: str) -> str:
    """Where the catalogue ``name`` of ``backend`` lives: a file in ``folder``, or a database on
    ``server`` (created if missing)."""
    if backend == "sqlite":
        return str(folder / f"{name}.sqlite3")
    import psycopg

    database_name = name.replace("-", "_")
    with psycopg.connect(f"{server.url}/postgres", autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database_name,)).fetchone():
            admin.execute(f'CREATE DATABASE "{database_name}"')
    return f"{server.url}/{database_name}"


def worst(count: int, keep: str | None, backends: list[str], texts: list[str]) -> None:
    from catalog.catalogue import close_catalogue

    with workspace(keep, backends) as (folder, server):
        for text in texts:
            files = folder / f"{text}-{count}"
            for backend in backends:
                location = location_of(folder, server, backend, f"{text}-{count}")
                print(f"{count:,} articles of {text} text on {backend}:", flush=True)
                build_catalogue(location, files, count, text)
                run_worst(location, f"{text} text, {backend}")
                close_catalogue()


def window_figures(sizes: list[int], keep: str | None, backend: str) -> None:
    from catalog.catalogue import close_catalogue

    print(
        f"{backend}:\n{'articles':>10} {'open':>8} {'search median':>14} {'search p95':>11} {'all rows':>9} "
        f"{'scroll worst':>13} {'memory':>8}"
    )
    with workspace(keep, [backend]) as (folder, server):
        for count in sizes:
            location = location_of(folder, server, backend, f"generated-{count}")  # the same as --worst's
            build_catalogue(location, folder / f"generated-{count}", count, "generated")
            close_catalogue()
            figures = measure(location)
            close_catalogue()
            memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            print(
                f"{count:>10,} {figures['open'] * 1000:>6.0f}ms {figures['search_median'] * 1000:>12.0f}ms "
                f"{figures['search_p95'] * 1000:>9.0f}ms {figures['counted_median'] * 1000:>7.0f}ms "
                f"{figures['scroll_worst'] * 1000:>11.0f}ms {memory:>6} MB"
            )
            sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int)
    parser.add_argument("--worst", action="store_true", help="the worst queries on both backends")
    parser.add_argument("--keep", metavar="DIR", help="keep (and reuse) the catalogues in DIR")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), action="append")
    parser.add_argument("--text", choices=("generated", "real", "hostile"), action="append")
    args = parser.parse_args()
    if args.worst:
        backends = args.backend or ["sqlite", "postgresql"]
        for size in args.sizes or [100_000]:
            worst(size, args.keep, backends, args.text or ["generated", "real", "hostile"])
    else:
        for backend in args.backend or ["sqlite"]:
            window_figures(args.sizes or [10_000, 100_000], args.keep, backend)


if __name__ == "__main__":
    main()
