"""Import speed: ``catalog import`` as a whole process against a raw sqlite3 floor.

    python benchmarks/bench_import.py [N]            (default 20,000 files of ~5 KB)
    python benchmarks/bench_import.py [N] --stories  and what finding copies costs
    python benchmarks/bench_import.py [N] --peer     against sqlite-utils [--text real]
    python benchmarks/bench_import.py [N] --formats  web pages (default 1,000) against trafilatura

Generates N article files with headers in a temporary folder, then in the same run times
(a) ``catalog import`` on them (the installed program), as a user would run it, and (b) a floor: Python's
sqlite3 reading the same files and ``executemany`` into one table plus an FTS5 index, with no
parsing. Prints files/s for both, their ratio, and the import process's peak memory.

With ``--stories``, it also times the same import with the search for copies switched off
(``CATALOG_STORIES=off``, catalog.stories), alternating with and without three times each so
that a busy machine weighs on both alike, and prints what looking for copies adds (the issue's
target: at most 15 %).

With ``--peer``, a peer in place of the floor: the same N files (those made above; ``--text
real`` for articles of real sentences, the Lee corpus's, as ``bench_search.py`` makes them)
through ``sqlite-utils insert-files --text`` and ``sqlite-utils enable-fts`` (which parse
nothing and detect nothing) against ``catalog import`` into a fresh catalogue, each a whole
process as a user runs it, alternating, three times each; prints the medians and their ratio
(the issue's target: 0.8). Real sentences drawn from one pool of 300 articles make every
article share sentences with hundreds of others: the worst case for finding copies, which
then costs most of the import (``CATALOG_STORIES=off`` in the environment leaves it out).

With ``--formats``, web pages: N copies (default 1,000) of the 109 real pages in
``CATALOG_WEB_PAGES`` (default /work/shared/corpora/web-pages, gzip'd), each copy with a
sentence of its own where the import's reader keeps the article's text, so copies are not
duplicates (a page with no such place has its copies reported as duplicates, read and
extracted all the same), imported by ``catalog import --jobs 1`` and ``--jobs 2`` (whole
process), against trafilatura alone (``bare_extraction`` over the same pages in one process,
start-up not counted); prints pages/s of each.
"""

import argparse
import gzip
import json
import os
import random
import resource
import shutil
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


#: The environment of the programs timed (``compiled_once`` sets it).
CHILD_ENVIRONMENT = dict(os.environ)


def compiled_once(scratch: Path) -> None:
    """The programs timed run from compiled bytecode, as installed programs do, kept in
    ``scratch`` (compiling every module at every run is not what a user pays), whatever
    PYTHONDONTWRITEBYTECODE says here."""
    CHILD_ENVIRONMENT.pop("PYTHONDONTWRITEBYTECODE", None)
    CHILD_ENVIRONMENT["PYTHONPYCACHEPREFIX"] = str(scratch / "bytecode")


def catalog_program() -> list[str]:
    """The ``catalog`` program as a user runs it: the installed one beside this Python, else
    ``python -m catalog``."""
    installed = Path(sys.executable).with_name("catalog")
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "catalog"]


def time_catalog_import(
    folder: Path, db: Path, env: dict | None = None, options: tuple[str, ...] = ()
) -> tuple[float, int]:
    """Seconds for the whole ``catalog import`` process, and its peak memory in MB."""
    seconds, _ = run_catalog_import(folder, db, env, options)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return seconds, peak_mb


def run_catalog_import(
    folder: Path, db: Path, env: dict | None = None, options: tuple[str, ...] = ()
) -> tuple[float, str]:
    """Seconds for the whole ``catalog import`` process, and what it printed."""
    start = time.perf_counter()
    result = subprocess.run(
        [*catalog_program(), "--db", str(db), "import", *options, str(folder)],
        capture_output=True,
        text=True,
        check=False,
        env={**CHILD_ENVIRONMENT, **(env or {})},
    )
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 1):  # 1: some files failed, said in the report
        sys.exit(f"catalog import failed: {result.stderr[-500:]}")
    return seconds, result.stdout


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


def time_peer(folder: Path, db: Path, program: str) -> float:
    """Seconds for ``sqlite-utils insert-files --text`` and ``enable-fts`` on the same files,
    each a whole process. ``--text`` stores the text in ``content_text`` (``content`` is the
    column of bytes it leaves out): the index is of that, checked to find a word afterwards."""
    steps = (
        ["insert-files", str(db), "docs", str(folder), "--text", "--silent"],
        ["enable-fts", str(db), "docs", "content_text"],
    )
    start = time.perf_counter()
    for step in steps:
        subprocess.run([program, *step], stdout=subprocess.DEVNULL, check=True, env=CHILD_ENVIRONMENT)
    seconds = time.perf_counter() - start
    with sqlite3.connect(db) as conn:
        (found,) = conn.execute("SELECT count(*) FROM docs_fts WHERE docs_fts MATCH 'the'").fetchone()
    if not found:
        sys.exit(f"sqlite-utils' index finds nothing in {db}: not a fair peer")
    return seconds


def peer_comparison(folder: Path, scratch: Path, program: str, rounds: int = 3) -> tuple[float, float]:
    """Median seconds of ``catalog import`` and of sqlite-utils, run in turns, each on a new file."""
    times: dict[str, list[float]] = {"catalog": [], "peer": []}
    for number in range(rounds):
        os.sync()
        times["catalog"].append(time_catalog_import(folder, scratch / f"peer-catalog-{number}.sqlite3")[0])
        os.sync()
        times["peer"].append(time_peer(folder, scratch / f"peer-{number}.db", program))
    for name, values in times.items():
        print(f"  {name}: " + ", ".join(f"{value:.2f} s" for value in values), flush=True)
    return statistics.median(times["catalog"]), statistics.median(times["peer"])


def web_pages_folder() -> Path:
    """The 109 real pages (``CATALOG_WEB_PAGES``, or the shared corpus), else the twelve of
    them the tests keep."""
    given = os.environ.get("CATALOG_WEB_PAGES")
    if given:
        return Path(given)
    shared = Path("/work/shared/corpora/web-pages")
    return shared if shared.is_dir() else Path(__file__).resolve().parent.parent / "tests/fixtures/web-pages"


def varied_page(page: bytes, copy: int, at: int | None) -> bytes:
    """``page`` with a sentence naming ``copy`` put at byte ``at`` (in its article's text: see
    ``place_for_copies``), so each copy's article text is its own."""
    if at is None:
        return page
    return page[:at] + f"This is copy {copy} of the page. ".encode() + page[at:]


def place_for_copies(page: bytes, tries: int = 12) -> int | None:
    """Where in ``page`` a sentence put shows in its article's text (as the import's web-page
    reader finds it): before some twenty characters of that text written as they are in the
    page's body, tried until one shows; None if none does."""
    from catalog.importing.formats.html import extract_page

    def text_of(html: bytes) -> str:
        article = extract_page(html)
        return article.body if article is not None else ""

    body = max(page.find(b"<body"), 0)
    tried = 0
    for line in text_of(page).split("\n"):
        for start in range(0, max(len(line) - 20, 0), 10):
            at = page.find(line[start : start + 20].encode(), body)
            if at < 0:
                continue
            if "This is copy 1 of the page." in text_of(varied_page(page, 1, at)):
                return at
            tried += 1
            if tried == tries:
                return None
            break  # the next line
    return None


def generate_pages(folder: Path, count: int) -> list[Path]:
    """``count`` web pages, copies of the corpus's pages, each varied (``varied_page``)."""
    originals = [gzip.decompress(path.read_bytes()) for path in sorted(web_pages_folder().glob("*.html.gz"))]
    if not originals:
        sys.exit(f"no web pages (*.html.gz) in {web_pages_folder()}: set CATALOG_WEB_PAGES")
    places = [place_for_copies(page) for page in originals[:count]]
    paths = []
    for number in range(count):
        which = number % len(originals)
        path = folder / f"{number // 1000:03d}" / f"page-{number:06d}.html"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(varied_page(originals[which], number // len(originals), places[which]))
        paths.append(path)
    return paths


def time_trafilatura(paths: list[Path]) -> tuple[float, int]:
    """Seconds for trafilatura's ``bare_extraction`` over the pages in this one process (loaded
    beforehand), and how many gave text."""
    import trafilatura

    pages = [path.read_bytes() for path in paths]
    found = 0
    start = time.perf_counter()
    for page in pages:
        document = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
        found += bool(document is not None and (document.text or "").strip())
    return time.perf_counter() - start, found


def formats_comparison(count: int, scratch: Path) -> None:
    folder = scratch / "pages"
    folder.mkdir()
    paths = generate_pages(folder, count)
    originals = len(list(web_pages_folder().glob("*.html.gz")))
    print(f"web pages:          {count:,} (copies of {originals} real pages)", flush=True)
    rates = {}
    for jobs in ("1", "2"):
        os.sync()
        seconds, printed = run_catalog_import(
            folder, scratch / f"pages-{jobs}.sqlite3", options=("--json", "--jobs", jobs)
        )
        report = json.loads(printed or "{}")
        counts = ", ".join(
            f"{len(report.get(key, [])):,} {key}" for key in ("imported", "duplicates", "failed")
        )
        rates[jobs] = count / seconds
        print(
            f"catalog import --jobs {jobs}: {rates[jobs]:,.1f} pages/s ({seconds:.1f} s; {counts})",
            flush=True,
        )
    seconds, found = time_trafilatura(paths)
    print(
        f"trafilatura alone:  {count / seconds:,.1f} pages/s ({seconds:.1f} s, one process; {found:,} with text)"
    )
    print(f"--jobs 2 / --jobs 1: {rates['2'] / rates['1']:.2f}x   load average {os.getloadavg()[0]:.1f}")


def make_files(folder: Path, count: int, text: str) -> None:
    if text == "real":
        from bench_search import generate_real  # it imports this module: loaded when asked for

        generate_real(folder, count)
    else:
        generate(folder, count)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", nargs="?", type=int, help="files (default 20,000; web pages: 1,000)")
    parser.add_argument("--stories", action="store_true", help="also what looking for copies costs")
    parser.add_argument("--peer", action="store_true", help="against sqlite-utils instead of the floor")
    parser.add_argument("--formats", action="store_true", help="web pages: pages/s against trafilatura")
    parser.add_argument("--text", choices=("generated", "real"), help="the files' text (default: generated)")
    parser.add_argument("--sqlite-utils", dest="sqlite_utils", default=None, help="the sqlite-utils program")
    return parser.parse_args()


def peer_main(args: argparse.Namespace, count: int) -> None:
    program = args.sqlite_utils or shutil.which("sqlite-utils", path=str(Path(sys.executable).parent))
    program = program or shutil.which("sqlite-utils")
    if not program:
        sys.exit("no sqlite-utils program: pip install -e '.[bench]', or give --sqlite-utils PATH")
    text = args.text or "generated"
    with tempfile.TemporaryDirectory() as scratch:
        compiled_once(Path(scratch))
        folder = Path(scratch) / "articles"
        folder.mkdir()
        make_files(folder, count, text)
        # Once untimed: both compile their bytecode, and the files are in the page cache.
        time_catalog_import(folder, Path(scratch) / "warm.sqlite3")
        time_peer(folder, Path(scratch) / "warm.db", program)
        seconds, peer_seconds = peer_comparison(folder, Path(scratch), program)
    print(f"files:              {count:,} ({text} text)")
    print(f"catalog import:     {count / seconds:,.0f} files/s ({seconds:.2f} s, median of 3)")
    print(f"sqlite-utils:       {count / peer_seconds:,.0f} files/s ({peer_seconds:.2f} s, median of 3)")
    print(f"ratio:              {seconds / peer_seconds:.2f}x sqlite-utils' time   target 0.8")
    print(
        f"load average:       {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (others' work weighs on both)"
    )


def main() -> None:
    args = arguments()
    if args.formats:
        with tempfile.TemporaryDirectory() as scratch:
            compiled_once(Path(scratch))
            formats_comparison(args.count or 1000, Path(scratch))
        return
    count = args.count or 20_000
    if args.peer:
        peer_main(args, count)
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "articles"
        folder.mkdir()
        make_files(folder, count, args.text or "generated")
        # Flush dirty pages before each timed run, so neither pays for the other's writes.
        os.sync()
        floor_seconds = time_floor(folder, Path(scratch) / "floor.sqlite3")
        os.sync()
        seconds, peak_mb = time_catalog_import(folder, Path(scratch) / "catalog.sqlite3")
        without, with_stories = stories_cost(folder, Path(scratch)) if args.stories else (0, 0)
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
