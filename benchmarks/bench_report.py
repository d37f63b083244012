"""Summary report speed: ``python benchmarks/bench_report.py [N ...]`` (default 1000 5000).

For each N it builds a catalogue of N generated articles (each with a summary; one in five
with two claims, linked to the claims of the article before), then times what
``catalog export-pdf`` does: reading the report from the catalogue, and laying out and
writing the PDF. Prints seconds, pages and the process's peak memory.
Target at 1,000 articles: under 3 s from the catalogue to the finished file, under 300 MB.
"""

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_search


def build(folder: Path, count: int) -> str:
    from catalog.claims.store import add_claim, link_claims
    from catalog.db import database
    from catalog.models import Article
    from catalog.search import fulltext

    db = str(folder / f"report-{count}.sqlite3")
    bench_search.build_catalogue(db, folder / f"files-{count}", count, "real")
    previous = None
    with database.atomic():
        for number, (article_id, body) in enumerate(Article.select(Article.id, Article.body).tuples()):
            first = body.split(". ")
            with fulltext.reindexing([article_id]):  # the summary is indexed: out of step, FTS5 breaks
                Article.update(summary=". ".join(first[:2]) + ".").where(Article.id == article_id).execute()
            if number % 5 == 0:
                claims = [
                    add_claim(article_id, 0, min(60, len(body)), claimant="A spokesperson", verdict="mixed")
                ]
                claims.append(add_claim(article_id, 100, min(180, len(body)), verdict="false"))
                if previous:
                    link_claims(claims[0], previous, "repeats", "same figures")
                previous = claims[0]
    return db


def measure(db: str, out: Path) -> tuple[float, float, int]:
    from PySide6.QtGui import QGuiApplication

    from catalog.browsing import Filters, filtered_ids
    from catalog.catalogue import open_catalogue
    from catalog.reporting import build_report, describe_selection
    from ui.report.output import export_pdf

    QGuiApplication.instance() or QGuiApplication([])
    open_catalogue(db)
    start = time.perf_counter()
    ids = filtered_ids(Filters())
    report = build_report(ids, catalogue="bench", selection=describe_selection(Filters()))
    read = time.perf_counter() - start
    pages = export_pdf(report, out)
    return read, time.perf_counter() - start, pages


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 5000]
    print(f"{'articles':>9} {'read':>7} {'total':>7} {'pages':>6} {'memory':>8}")
    for count in sizes:
        with tempfile.TemporaryDirectory() as scratch:
            db = build(Path(scratch), count)
            read, total, pages = measure(db, Path(scratch) / "report.pdf")
            memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            print(f"{count:>9,} {read:>6.2f}s {total:>6.2f}s {pages:>6,} {memory:>5} MB")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
