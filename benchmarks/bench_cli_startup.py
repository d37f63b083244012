"""How long a scripted call takes, whole process: ``python benchmarks/bench_cli_startup.py [N]``
(default 3000 articles; ``--sqlite-utils PATH`` names the sqlite-utils program to compare with,
else the one on PATH: ``pip install sqlite-utils`` in any environment).

It builds N articles of real text (the Lee corpus, varied, as ``bench_search.py --worst``
does) into a catalogue with ``catalog import``, and the same titles and texts into a
sqlite-utils database with a full-text index (``sqlite-utils insert`` and ``enable-fts``). It
then times, as a script calls them (a new process each time, median of 15): ``catalog
--version``, ``catalog --help``, ``catalog search`` of a word, ``catalog list --json`` and
``catalog show``, and ``sqlite-utils search`` of the same word on the same articles, and prints
the ratio of the two searches. Each command runs as an installed one does, from compiled bytecode
(kept in a scratch folder, whatever PYTHONDONTWRITEBYTECODE says): an installed sqlite-utils has
its bytecode, and compiling catalog's modules again at every run is not what a user pays. Targets (issue 16): ``catalog --version`` < 100 ms; ``catalog
search`` no slower than ``sqlite-utils search`` (a ratio of 1.0 or less).
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_search import generate_real

RUNS = 15
WORD = "government"


def catalog_program() -> str:
    return str(Path(sys.executable).with_name("catalog"))


#: The commands' environment: bytecode compiled once, into the scratch folder (main sets it).
ENVIRONMENT = dict(os.environ)


def timed(argv: list[str]) -> float:
    """The median wall time of running ``argv`` as a new process, output discarded (after one
    run that compiles what it loads)."""
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENVIRONMENT)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENVIRONMENT
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build(folder: Path, count: int, sqlite_utils: str) -> tuple[str, str]:
    files = folder / "articles"
    files.mkdir()
    generate_real(files, count)
    catalogue = str(folder / "catalog.sqlite3")
    subprocess.run(
        [catalog_program(), "--db", catalogue, "import", str(files)], check=True, stdout=subprocess.DEVNULL
    )
    rows = []
    for number, path in enumerate(sorted(files.rglob("*.txt")), start=1):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n\n", 1)[1]
        title = re.split(r"\n\n", body, maxsplit=1)[0]
        rows.append({"id": number, "title": title, "body": body})
    data = folder / "rows.json"
    data.write_text(json.dumps(rows), encoding="utf-8")
    other = str(folder / "sqlite-utils.db")
    subprocess.run([sqlite_utils, "insert", other, "articles", str(data), "--pk", "id"], check=True)
    subprocess.run([sqlite_utils, "enable-fts", other, "articles", "title", "body"], check=True)
    return catalogue, other


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=3000)
    parser.add_argument("--sqlite-utils", dest="sqlite_utils", default=shutil.which("sqlite-utils"))
    args = parser.parse_args()
    if not args.sqlite_utils:
        sys.exit("no sqlite-utils program: pip install sqlite-utils (anywhere), or give --sqlite-utils PATH")
    program = catalog_program()
    with tempfile.TemporaryDirectory() as scratch:
        ENVIRONMENT.pop("PYTHONDONTWRITEBYTECODE", None)
        ENVIRONMENT["PYTHONPYCACHEPREFIX"] = str(Path(scratch) / "bytecode")
        catalogue, other = build(Path(scratch), args.count, args.sqlite_utils)
        figures = {
            "catalog --version": timed([program, "--version"]),
            "catalog --help": timed([program, "--help"]),
            f"catalog search {WORD}": timed([program, "--db", catalogue, "search", WORD]),
            "catalog list --json": timed([program, "--db", catalogue, "list", "--json"]),
            "catalog show 1": timed([program, "--db", catalogue, "show", "1"]),
            f"sqlite-utils search {WORD}": timed([args.sqlite_utils, "search", other, "articles", WORD]),
            "python -c pass": timed([sys.executable, "-c", "pass"]),
        }
    print(f"{args.count:,} articles, median of {RUNS} runs, whole process:")
    for name, seconds in figures.items():
        print(f"  {name:<32} {seconds * 1000:>6.0f} ms")
    ratio = figures[f"catalog search {WORD}"] / figures[f"sqlite-utils search {WORD}"]
    print(f"  catalog search / sqlite-utils search: {ratio:.2f}")


if __name__ == "__main__":
    main()
