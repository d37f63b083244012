"""What a page of the article table costs with its Claims, Imported, Source and Summary
columns: ``python benchmarks/bench_table_page.py [--catalogue PATH]`` (default: the window
benchmark's 1,000,000-article catalogue, ``/tmp/catalog-window-scale-1000000.sqlite3``).

Prints, for pages of 64 rows (RowPager.PAGE_SIZE) at random places of the newest-first
listing, the median time of ``catalog.articles.table_rows`` beside the page query the table
ran before these columns (title, date, outlet, authors and topics only), read alternately in
the same process on pages read once before (so both find them in the cache; cold pages cost
the disk's time, the same for both), and their ratio; then the first page of the listing
sorted by each column that sorts.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

PAGES = 200


def page_before(ids: list[int]) -> None:
    """The page query as it was: five columns, authors and topics."""
    from catalog.articles import _authors_and_topics
    from catalog.db import database, placeholders

    rows = database.execute_sql(
        'SELECT a."id", a."title", a."date", a."date_precision", o."name" FROM "article" a '
        f'LEFT JOIN "outlet" o ON o."id" = a."outlet_id" WHERE a."id" IN ({placeholders(len(ids))})',
        ids,
    )
    list(rows)
    _authors_and_topics(ids)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--catalogue", default="/tmp/catalog-window-scale-1000000.sqlite3")
    args = parser.parse_args()
    from catalog.articles import table_rows
    from catalog.browsing import filtered_ids
    from catalog.catalogue import open_catalogue
    from catalog.listing import FIRST_PAGE, RowPager

    open_catalogue(args.catalogue)
    ids = filtered_ids(sort="date")
    print(f"{len(ids):,} articles")
    rng = random.Random(17)
    size = RowPager.PAGE_SIZE
    before, after = [], []
    for number in range(PAGES):
        start = rng.randrange(0, len(ids) - size)
        page = ids[start : start + size]
        table_rows(page)  # the page's rows in the cache first: the two read the same pages
        reads = [(before, page_before), (after, table_rows)]
        for runs, read in reads if number % 2 else reads[::-1]:  # each goes first half the time
            began = time.perf_counter()
            read(page)
            runs.append(time.perf_counter() - began)
    old, new = statistics.median(before) * 1000, statistics.median(after) * 1000
    print(f"  page of {size} rows, before the new columns   {old:7.2f} ms (median of {PAGES})")
    print(f"  page of {size} rows, with them                {new:7.2f} ms  ({new / old:.2f}×)")
    for sort in ("date", "title", "outlet", "claims", "imported", "source", "copies"):
        began = time.perf_counter()
        filtered_ids(sort=sort, descending=True, limit=FIRST_PAGE)
        print(f"  first page sorted by {sort:<9}             {(time.perf_counter() - began) * 1000:9,.0f} ms")


if __name__ == "__main__":
    main()
