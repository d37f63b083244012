"""Schema version 15: English stemming, an option of each catalogue.

A new table of the catalogue's options (``catalogue_option``, a key and a value) holds whether
searches stem English words (catalog.search.stemming). A new catalogue stems; one that already
holds articles keeps searching as before until stemming is turned on (``catalog stemming on``,
or Edit ▸ English Stemming in the window), so that its saved searches keep their meaning.

Stemming needs no second index: a search word asks for the index's words with its stem. SQLite
lists them through ``fts5vocab``; on PostgreSQL the index's words go into ``search_word``, filled
here from the index (one statement over every article's words, announced on a terminal for a
big catalogue) and kept by every later indexing.
"""

import sys

from peewee import PostgresqlDatabase

PROGRESS_FROM = 20_000  # articles: below this the step takes a second or two, unannounced


def up(migrator, db):
    db.execute_sql(
        "CREATE TABLE catalogue_option (key VARCHAR(64) NOT NULL PRIMARY KEY, value TEXT NOT NULL)"
    )
    (articles,) = db.execute_sql("SELECT count(*) FROM article").fetchone()
    stemming = "off" if articles else "on"
    db.execute_sql(f"INSERT INTO catalogue_option (key, value) VALUES ('stemming', '{stemming}')")
    if not isinstance(db, PostgresqlDatabase):
        return
    db.execute_sql(
        "CREATE TRIGGER catalogue_option_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
        "ON catalogue_option FOR EACH STATEMENT EXECUTE FUNCTION catalog_notice()"
    )
    # Made by migration 0014 already when it indexed with the code of this release.
    db.execute_sql('CREATE TABLE IF NOT EXISTS search_word (word TEXT COLLATE "C" NOT NULL PRIMARY KEY)')
    if articles >= PROGRESS_FROM and sys.stderr.isatty():
        print(
            f"catalog: upgrading: listing the words of {articles:,} articles for English stemming",
            file=sys.stderr,
        )
    db.execute_sql(
        "INSERT INTO search_word (word) SELECT word FROM ts_stat('SELECT document FROM article_search_index') "
        "ORDER BY word ON CONFLICT DO NOTHING"
    )
