"""Batch edits on many articles: ``python benchmarks/bench_batch_edit.py [N]`` (default 10,000).

Imports N generated articles (~5 KB each) into a temporary catalogue, then times, on all of
them at once: setting the outlet, adding a topic, find-and-replace in titles, and undoing the
first. The target is under 2 seconds for each step on 10,000 articles.
"""

import sys
import tempfile
import time
from pathlib import Path

from bench_import import generate

from catalog.catalogue import close_catalogue, open_catalogue
from catalog.editing import BatchEdit, apply_batch, restore
from catalog.importing import import_paths
from catalog.models import Article


def timed(label: str, action):
    start = time.perf_counter()
    result = action()
    print(f"{label:<34} {time.perf_counter() - start:6.2f} s")
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "articles"
        folder.mkdir()
        generate(folder, count)
        open_catalogue(str(Path(scratch) / "catalog.sqlite3"))
        import_paths([folder])
        ids = [article_id for (article_id,) in Article.select(Article.id).tuples()]
        print(f"articles:                          {len(ids):,}")
        before = timed("set outlet on all", lambda: apply_batch(ids, BatchEdit(outlet="Bench Outlet")))
        timed("add a topic to all", lambda: apply_batch(ids, BatchEdit(add_topics=["Bench/Topic"])))
        timed(
            "replace in all titles",
            lambda: apply_batch(ids, BatchEdit(find_in_titles="Article", replace_in_titles="Item")),
        )
        timed("undo the outlet change", lambda: restore(before))
        close_catalogue()


if __name__ == "__main__":
    main()
