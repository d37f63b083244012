"""What English stemming costs a search: ``python benchmarks/bench_stemming.py [N]`` (default 100000).

Builds a catalogue of N articles of real text (the Lee corpus, varied: bench_search's
``real_article``) and runs each query below as the window and the command line run it (the first
page ranked, every id ranked, the count: the slowest step, each the best of two runs), with
stemming off and then on, in this process. It prints, per query, the articles found and the time
with each, and the median and worst ratio on / off. ``--backend postgresql`` measures a throwaway
PostgreSQL server instead of SQLite, and then what keeping the index's words (``search_word``)
adds to indexing every article; ``--keep DIR`` keeps the article files and catalogue.
"""

import argparse
import statistics
import sys
from pathlib import Path

from bench_search import build_catalogue, location_of, time_query, workspace

QUERIES = [
    "officials",
    "governments",
    "elections",
    "attacked",
    "reported",
    "prices",
    "talks",
    "says",
    "forces",
    "killing",
    "officials said",
    "government -elections",
    "title:reports",
    "police OR soldiers",
    "united nations",
    "minister announced",
]


def run(location: str) -> None:
    from catalog import options
    from catalog.browsing import Filters, count_filtered

    ratios = []
    print(f"  {'query':<24}{'found off':>11}{'found on':>11}{'off ms':>9}{'on ms':>9}{'ratio':>7}")
    for query in QUERIES:
        figures = {}
        for on in (False, True):
            options.set_stemming(on)
            seconds, _, _ = time_query(query)
            figures[on] = (count_filtered(Filters(query=query)), seconds * 1000)
        ratio = figures[True][1] / figures[False][1]
        ratios.append(ratio)
        print(
            f"  {query:<24}{figures[False][0]:>11,}{figures[True][0]:>11,}"
            f"{figures[False][1]:>9.1f}{figures[True][1]:>9.1f}{ratio:>7.2f}",
            flush=True,
        )
    print(f"  stemming on / off: median {statistics.median(ratios):.2f}, worst {max(ratios):.2f}")


def index_cost() -> None:
    """On PostgreSQL, what listing the index's words in ``search_word`` adds to indexing: the
    whole index rebuilt, and the share of that time spent listing the words (timed inside the
    same rebuild, so that a busy machine slows both alike)."""
    import time

    from catalog import pg_search
    from catalog.db import database

    kept = pg_search._keep_words
    listing = [0.0]

    def timed(seen) -> None:
        start = time.perf_counter()
        kept(seen)
        listing[0] += time.perf_counter() - start

    pg_search._keep_words = timed
    try:
        start = time.perf_counter()
        with database.atomic():
            pg_search.rebuild()
        total = time.perf_counter() - start
    finally:
        pg_search._keep_words = kept
    print(
        f"  indexing every article: {total:.1f} s, of which listing its words {listing[0]:.1f} s "
        f"(+{listing[0] / (total - listing[0]) * 100:.0f} % over indexing without it)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=100_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--keep", metavar="DIR")
    args = parser.parse_args()
    with workspace(args.keep, [args.backend]) as (folder, server):
        location = location_of(folder, server, args.backend, f"stemming-{args.count}")
        print(f"{args.count:,} articles of real text on {args.backend}", flush=True)
        build_catalogue(location, folder / f"real-{args.count}", args.count, "real")
        run(location)
        if args.backend == "postgresql":
            index_cost()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
