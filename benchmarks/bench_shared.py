"""Several people on one shared PostgreSQL catalogue at once:
``python benchmarks/bench_shared.py [--db URL] [--workers 4] [--files 1000] [--edits 200]``.

Each worker is its own process, as each desk runs its own Catalog: it imports its own 1,000
articles (~5 KB each) in batches of 100 and, between batches, edits a small set of articles
everybody edits (title, summary or notes, each save checked against the version it read, as
the window does). A save that clashes with someone else's change to the same field is counted
as a conflict and retried on the article as it is now; a save beside someone else's change to
another field goes through (counted as merged).

It prints throughput for one worker alone (the baseline, same machine, same run) and for all
of them together, the conflicts detected, and checks that no save was lost: every hot
article's version must equal 1 + the saves the workers recorded for it, and every import and
search index must be whole.

Without ``--db`` it starts a throwaway PostgreSQL server (tests/postgres_server.py) in a
temporary folder, which needs PostgreSQL's server programs (``apt install postgresql``).
"""

import argparse
import multiprocessing
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.postgres_server

from bench_import import generate

from catalog.articles import get_article
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.editing import ArticleEdit, VersionConflict, edit_article
from catalog.importing import import_paths

HOT_ARTICLES = 12
BATCH = 100
FIELDS = ("title", "summary", "notes")


def work(url: str, number: int, folder: str, edits: int, hot: list[int], results) -> None:
    """One desk: import ``folder`` batch by batch, editing hot articles in between."""
    open_catalogue(url)
    rng = random.Random(number)
    files = sorted(Path(folder).rglob("*.txt"))
    batches = [files[i : i + BATCH] for i in range(0, len(files), BATCH)]
    per_batch = max(1, edits // max(1, len(batches)))
    saved: list[tuple[int, int]] = []  # (article id, version it saved)
    stats = Counter()
    start = time.perf_counter()
    for batch in batches:
        report = import_paths(batch, workers=1)
        stats["imported"] += len(report.imported)
        stats["failed"] += len(report.failed)
        if report.failed and "why" not in stats:
            stats["why"] = f"{report.failed[0].path}: {report.failed[0].reason}"
        for _ in range(per_batch):
            _edit_once(rng, number, hot, saved, stats)
    stats["seconds"] = time.perf_counter() - start
    close_catalogue()
    results.put((number, dict(stats), saved))


def _edit_once(rng, number, hot, saved, stats) -> None:
    article_id = rng.choice(hot)
    field = rng.choice(FIELDS)
    value = f"{field} by desk {number}, save {stats['edits'] + stats['conflicts']}"
    for _attempt in range(5):
        shown = get_article(article_id)
        try:
            before = edit_article(
                article_id, ArticleEdit(**{field: value}), expect_version=shown["version"], base=shown
            )
        except VersionConflict:
            stats["conflicts"] += 1
            continue  # take theirs into view, then save mine on top: the user's "keep mine"
        if before:
            version = get_article(article_id)["version"]
            saved.append((article_id, version))
            stats["edits"] += 1
            if version != shown["version"] + 1:
                stats["merged"] += 1  # someone saved another field meanwhile; both kept
        return


def run(url: str, folders: list[str], edits: int, hot: list[int]) -> tuple[float, list]:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    processes = [
        context.Process(target=work, args=(url, number, folder, edits, hot, results))
        for number, folder in enumerate(folders)
    ]
    start = time.perf_counter()
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=1800) for _ in processes]
    for process in processes:
        process.join()
    return time.perf_counter() - start, outcomes


def prepare(url: str, hot_folder: Path) -> list[int]:
    open_catalogue(url)
    report = import_paths([hot_folder], workers=1)
    close_catalogue()
    return [item.article_id for item in report.imported]


def check(url: str, hot: list[int], outcomes: list, expected_articles: int) -> list[str]:
    """Every recorded save is there, nothing was overwritten unseen, the indexes are whole."""
    from catalog.models import Article
    from catalog.search import fulltext

    open_catalogue(url)
    problems = []
    saves = Counter(article_id for _, _, saved in outcomes for article_id, _ in saved)
    pairs = [pair for _, _, saved in outcomes for pair in saved]
    if len(pairs) != len(set(pairs)):
        problems.append("two saves made the same version of an article: one overwrote the other")
    for article_id in hot:
        version = get_article(article_id)["version"]
        if version != 1 + saves[article_id]:
            problems.append(f"article {article_id}: version {version}, but {saves[article_id]} saves made")
    count = Article.select().count()
    if count != expected_articles:
        problems.append(f"{count} articles, expected {expected_articles}")
    problems += fulltext.problems()
    close_catalogue()
    return problems


def report(label: str, seconds: float, outcomes: list) -> float:
    total = Counter()
    for _, stats, _ in outcomes:
        if "why" in stats:
            print(f"  failed: {stats.pop('why')}")
        total.update(stats)
    rate = total["imported"] / seconds
    print(
        f"{label:<18} {seconds:7.1f} s  {total['imported']:>6,} imported  {rate:7.0f} articles/s  "
        f"{total['edits']:>5,} saves  {total['edits'] / seconds:6.1f} saves/s  "
        f"{total['conflicts']:>4} conflicts  {total['merged']:>4} merged  {total['failed']} failed"
    )
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="a PostgreSQL server URL without the database name")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--files", type=int, default=1000, help="articles each worker imports")
    parser.add_argument("--edits", type=int, default=200, help="saves each worker makes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        server = None
        if args.db:
            base = args.db.rstrip("/")
        else:
            from tests.postgres_server import PostgresServer

            server_folder = Path(tempfile.mkdtemp(prefix="catalog-bench-postgres-"))
            server = PostgresServer(server_folder)
            server.start()
            base = server.url
        try:
            _bench(args, scratch, base, server)
        finally:
            if server is not None:
                server.stop()


def _bench(args, scratch: Path, base: str, server) -> None:
    articles = scratch / "articles"
    articles.mkdir()
    generate(articles, args.workers * args.files + HOT_ARTICLES)
    files = sorted(articles.rglob("*.txt"))
    hot_folder = scratch / "hot"
    hot_folder.mkdir()
    for path in files[:HOT_ARTICLES]:
        path.rename(hot_folder / path.name)
    files = files[HOT_ARTICLES:]
    folders = []
    for number in range(args.workers):
        folder = scratch / f"desk{number}"
        folder.mkdir()
        for path in files[number * args.files : (number + 1) * args.files]:
            path.rename(folder / path.name)
        folders.append(str(folder))

    def database(name: str) -> str:
        if server is not None:
            return server.create_database(name)
        import psycopg

        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"{base}/{name}"

    print(
        f"{args.workers} workers, {args.files:,} articles and {args.edits} saves each, {HOT_ARTICLES} hot articles"
    )
    alone_url = database("bench_shared_alone")
    hot = prepare(alone_url, hot_folder)
    alone_seconds, alone = run(alone_url, folders[:1], args.edits, hot)
    alone_rate = report("1 worker alone", alone_seconds, alone)
    # The baseline imported desk 0's files; the shared run needs them again, in a fresh catalogue.
    shared_url = database("bench_shared")
    hot = prepare(shared_url, hot_folder)
    seconds, outcomes = run(shared_url, folders, args.edits, hot)
    rate = report(f"{args.workers} workers at once", seconds, outcomes)
    print(f"throughput ratio (together / alone): {rate / alone_rate:.2f}")
    problems = check(shared_url, hot, outcomes, HOT_ARTICLES + args.workers * args.files)
    problems += check(alone_url, hot, alone, HOT_ARTICLES + args.files)
    print("lost saves: none; catalogue whole" if not problems else "PROBLEMS:\n  " + "\n  ".join(problems))
    if problems:
        sys.exit(1)


if __name__ == "__main__":
    main()
