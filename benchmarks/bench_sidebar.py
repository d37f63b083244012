"""Sidebar counts at scale: ``python benchmarks/bench_sidebar.py [N] [--keep DIR]
[--backend sqlite|postgresql]`` (default 100,000 articles, SQLite).

Builds N generated articles with bench_search's builder (``--keep DIR`` keeps and reuses the
catalogue there; ``--backend postgresql`` builds on a throwaway PostgreSQL server), files each
under one to three topics of a three-level tree (8 roots, 48 sections, 192 desks below them;
most articles sit under a root only through a section or a desk), the topics of each level
drawn by popularity (the k-th most popular one 1/k as often as the first, as tags are), and
times, each the best of five:

- topic counts: what the sidebar counted before (each topic's own articles, so a topic
  holding only sub-topics showed 0) against ``topic_counts`` (distinct articles, sub-topics
  included);
- the whole sidebar: ``sidebar_entries`` as it was before this change (kept below as the
  baseline) against ``sidebar_entries`` now.

It prints both times and the ratio after / before. Opening a window reads the whole sidebar.
"""

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from bench_search import build_catalogue

ROOTS = ["World", "Economy", "Politics", "Science", "Health", "Culture", "Sport", "Technology"]
REPEAT = 5


def topic_tree() -> list[str]:
    """Every path of the three-level tree, parents first."""
    paths = []
    for root in ROOTS:
        paths.append(root)
        for child in range(6):
            paths.append(f"{root}/Section {child}")
            paths += [f"{root}/Section {child}/Desk {leaf}" for leaf in range(4)]
    return paths


def file_under_topics(seed: int = 5) -> int:
    """File every article under one to three topics, mostly the deepest ones (once: a kept
    catalogue keeps them); returns how many article-topic links there are."""
    from catalog.db import database
    from catalog.models import Article, ArticleTopic, Topic
    from catalog.names import name_cache

    if ArticleTopic.select().count():
        return ArticleTopic.select().count()
    rng = random.Random(seed)
    cache = name_cache(Topic)
    with database.atomic():
        ids = {path: cache.id_for(path) for path in topic_tree()}
    by_depth = [[i for p, i in ids.items() if p.count("/") == depth] for depth in range(3)]
    popularity = [[1 / rank for rank in range(1, len(level) + 1)] for level in by_depth]
    article_ids = [a for (a,) in Article.select(Article.id).tuples()]
    rows = []
    for article_id in article_ids:
        chosen = set()
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            depth = rng.choices((0, 1, 2), weights=(1, 2, 7))[0]
            chosen.add(rng.choices(by_depth[depth], weights=popularity[depth])[0])
        rows += [(article_id, topic_id) for topic_id in chosen]
    with database.atomic():
        for start in range(0, len(rows), 5000):
            ArticleTopic.insert_many(
                rows[start : start + 5000], fields=[ArticleTopic.article, ArticleTopic.topic]
            ).execute()
    return len(rows)


def sidebar_before() -> list:
    """``catalog.browsing.sidebar_entries`` as it was before topics counted their sub-topics:
    the baseline."""
    from peewee import SQL, fn

    from catalog.browsing import SidebarEntry
    from catalog.models import Article, ArticleAuthor, ArticleTopic, Author, Outlet, Topic
    from catalog.search.fulltext import available

    entries = []
    for kind, model, table, name_column in (
        ("outlet", Outlet, Article, Article.outlet),
        ("author", Author, ArticleAuthor, ArticleAuthor.author),
    ):
        query = (
            model.select(model.id, model.name, fn.COUNT(table.id if table is Article else table.article))
            .join(table, on=(name_column == model.id))
            .group_by(model.id)
            .order_by(model.key)
        )
        entries += [SidebarEntry(kind, i, name, count) for i, name, count in query.tuples()]
    counts = dict(
        ArticleTopic.select(ArticleTopic.topic, fn.COUNT(ArticleTopic.article))
        .group_by(ArticleTopic.topic)
        .tuples()
    )
    for topic_id, name, parent_id in (
        Topic.select(Topic.id, Topic.name, Topic.parent).order_by(Topic.key).tuples()
    ):
        entries.append(
            SidebarEntry("topic", topic_id, name.rsplit("/", 1)[-1], counts.get(topic_id, 0), parent_id)
        )
    year = fn.strftime("%Y", Article.date) if available() else fn.to_char(Article.date, "YYYY")
    years = (
        Article.select(year, fn.COUNT(Article.id))
        .where(Article.date.is_null(False))
        .group_by(SQL("1"))
        .order_by(SQL("1 DESC"))
    )
    entries += [SidebarEntry("year", int(y), y, count) for y, count in years.tuples()]
    return entries


def old_topic_counts() -> dict[int, int]:
    """The counts the sidebar showed before: each topic's own articles only."""
    from peewee import fn

    from catalog.models import ArticleTopic

    query = ArticleTopic.select(ArticleTopic.topic, fn.COUNT(ArticleTopic.article)).group_by(
        ArticleTopic.topic
    )
    return dict(query.tuples())


def best(action) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def measure() -> None:
    from catalog.browsing import sidebar_entries
    from catalog.topic_counts import topic_counts

    rows = (
        ("topic counts", best(old_topic_counts), best(topic_counts)),
        ("whole sidebar", best(sidebar_before), best(sidebar_entries)),
    )
    print(f"{'':<16} {'before':>9} {'after':>9} {'after/before':>13}")
    for label, old, new in rows:
        print(f"{label:<16} {old * 1000:>7.0f}ms {new * 1000:>7.0f}ms {new / old:>12.2f}x")


def catalogue_location(folder: Path, size: int, backend: str):
    """Where to build: a SQLite file in ``folder``, or a database on a throwaway server (kept in
    ``folder`` too); returns the location and the server, if any."""
    if backend == "sqlite":
        return str(folder / f"sidebar-{size}.sqlite3"), None
    import psycopg
    from bench_search import postgres_server

    server = postgres_server(folder / "postgres")
    name = f"sidebar_{size}"
    with psycopg.connect(f"{server.url}/postgres", autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')
    return f"{server.url}/{name}", server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("size", nargs="?", type=int, default=100_000)
    parser.add_argument("--keep", metavar="DIR", help="keep (and reuse) the catalogue in DIR")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-sidebar-"))
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)  # as root, the server runs as the postgres user: it must get in
    location, server = catalogue_location(folder, args.size, args.backend)
    try:
        build_catalogue(location, folder / f"generated-{args.size}", args.size, "generated")
        links = file_under_topics()
        from catalog.models import Article, Topic

        print(
            f"{Article.select().count():,} articles, {Topic.select().count():,} topics, "
            f"{links:,} article-topic links ({args.backend})"
        )
        measure()
    finally:
        from catalog.catalogue import close_catalogue

        close_catalogue()
        if server is not None:
            server.stop()
        if not args.keep:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
