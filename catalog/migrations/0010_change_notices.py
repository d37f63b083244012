"""Schema version 10: on PostgreSQL, every committed change to the catalogue sends a notice.

Open windows LISTEN on ``catalog_changes`` and reload within seconds of someone else's save.
The triggers fire once per statement, and PostgreSQL folds equal notices of one transaction
into one, so a bulk import sends a handful, not one per article. The payload is the writing
session's process id, so a window can skip its own changes. SQLite needs nothing stored:
``PRAGMA data_version`` already says when another connection committed.
"""

from peewee import PostgresqlDatabase

CHANNEL = "catalog_changes"
TABLES = (
    "article",
    "article_author",
    "article_topic",
    "outlet",
    "author",
    "topic",
    "claim",
    "claim_link",
    "saved_search",
)


def up(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    db.execute_sql(
        "CREATE OR REPLACE FUNCTION catalog_notice() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANNEL}', pg_backend_pid()::text); RETURN NULL; END $$"
    )
    for table in TABLES:
        db.execute_sql(
            f"CREATE TRIGGER {table}_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION catalog_notice()'
        )
