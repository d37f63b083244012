"""Schema version 16: stories, the copies and republications of an article (catalog.stories).

Four tables: ``story_sketch`` (the few hashed word runs of each article's opening that find its
copies through an index), ``story_pair`` (two articles compared and how much of the shorter one
is in the longer), ``story_member`` (each article in a story of two or more, and the story's
number: its smallest article id) and ``story_choice`` (a person's splits and joins, kept
across re-detection). An existing catalogue's stories are found here, once, with a line of
progress on a terminal for a big one.
"""

import sys

from peewee import PostgresqlDatabase

PROGRESS_FROM = 5_000  # articles: below this the step takes a second or two, unannounced
TABLES = ("story_sketch", "story_pair", "story_member", "story_choice")


def up(migrator, db):
    postgres = isinstance(db, PostgresqlDatabase)
    sketch_options = "" if postgres else " WITHOUT ROWID"
    hash_type = "BIGINT" if postgres else "INTEGER"
    db.execute_sql(
        f'CREATE TABLE "story_sketch" ("hash" {hash_type} NOT NULL, '
        '"article" INTEGER NOT NULL REFERENCES "article" ("id") ON DELETE CASCADE, '
        f'PRIMARY KEY ("hash", "article")){sketch_options}'
    )
    db.execute_sql('CREATE INDEX "story_sketch_article" ON "story_sketch" ("article")')
    db.execute_sql(
        'CREATE TABLE "story_pair" ('
        '"first" INTEGER NOT NULL REFERENCES "article" ("id") ON DELETE CASCADE, '
        '"second" INTEGER NOT NULL REFERENCES "article" ("id") ON DELETE CASCADE, '
        '"score" REAL NOT NULL, PRIMARY KEY ("first", "second"))'
    )
    db.execute_sql('CREATE INDEX "story_pair_second" ON "story_pair" ("second")')
    db.execute_sql(
        'CREATE TABLE "story_member" ('
        '"article" INTEGER NOT NULL PRIMARY KEY REFERENCES "article" ("id") ON DELETE CASCADE, '
        '"story" INTEGER NOT NULL)'
    )
    db.execute_sql('CREATE INDEX "story_member_story" ON "story_member" ("story")')
    db.execute_sql(
        'CREATE TABLE "story_choice" ('
        '"first" INTEGER NOT NULL REFERENCES "article" ("id") ON DELETE CASCADE, '
        '"second" INTEGER NOT NULL REFERENCES "article" ("id") ON DELETE CASCADE, '
        '"together" BOOLEAN NOT NULL, PRIMARY KEY ("first", "second"))'
    )
    db.execute_sql('CREATE INDEX "story_choice_second" ON "story_choice" ("second")')
    if postgres:
        for table in TABLES[1:]:
            db.execute_sql(
                f"CREATE TRIGGER {table}_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION catalog_notice()'
            )
    (articles,) = db.execute_sql("SELECT count(*) FROM article").fetchone()
    if not articles:
        return
    from catalog.stories.rebuilding import rebuild_in

    announce = articles >= PROGRESS_FROM and sys.stderr.isatty()
    if announce:
        print(f"catalog: upgrading: looking for copies among {articles:,} articles", file=sys.stderr)
    rebuild_in(db)
