"""Schema version 14: PostgreSQL's search index holds the words SQLite's holds.

PostgreSQL's own parser read ``Economy/Energy/Oil`` as one file path, ``U.S.`` as a host name
and ``pro-Russian`` as three words, so ``topic:Oil`` found nothing there that SQLite found. The
words are now cut and folded in Python exactly as FTS5 cuts them (catalog.fts5_words); in the
whole-article vector each field's places carry the label of its bm25 weight, and each row
keeps the article's number of words, so that PostgreSQL ranks as SQLite does
(catalog.pg_ranking). The table is made again and filled from the articles, with a line of
progress on a terminal for a big catalogue; its GIN indexes are built after it is full, which
is several times faster than keeping them up to date row by row. SQLite catalogues are unchanged.
"""

import sys

from peewee import PostgresqlDatabase

FIELDS = ("title", "body", "authors", "outlet", "topics", "summary", "claims", "document")
PROGRESS_FROM = 20_000  # articles: below this the step takes a few seconds, unannounced


def up(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    db.execute_sql("DROP TABLE IF EXISTS article_search_index")
    columns = ", ".join(f"{name} tsvector NOT NULL" for name in FIELDS)
    db.execute_sql(
        "CREATE TABLE article_search_index ("
        "article_id INTEGER PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE, "
        f"{columns}, words INTEGER NOT NULL)"
    )
    from catalog import pg_search  # the current code indexes, as every later change will

    # The table of the index's words that the current code keeps (migration 0015 explains it).
    db.execute_sql(
        f'CREATE TABLE IF NOT EXISTS {pg_search.WORDS_TABLE} (word TEXT COLLATE "C" NOT NULL PRIMARY KEY)'
    )

    pg_search.rebuild(progress=_progress)
    for name in FIELDS:
        if name != "body":  # the body is searched through the document
            db.execute_sql(f"CREATE INDEX article_search_{name} ON article_search_index USING GIN ({name})")
    db.execute_sql("ANALYZE article_search_index")


def _progress(done: int, total: int) -> None:
    """On a terminal, a line counting the articles of a big catalogue indexed so far."""
    if total >= PROGRESS_FROM and sys.stderr.isatty():
        end = "\n" if done == total else ""
        print(
            f"\rcatalog: upgrading: indexed {done:,} of {total:,} articles for search",
            end=end,
            file=sys.stderr,
        )
