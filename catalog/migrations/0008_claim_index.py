"""Schema version 8: a full-text index of claims (text and claimant), kept by triggers.

It ranks the claims most like a given one (link suggestions). Triggers keep it in step with
every insert, update and delete of a claim, including those cascading from a deleted article.
"""

from peewee import SqliteDatabase

STATEMENTS = (
    """CREATE VIRTUAL TABLE claim_fts USING fts5(
        text, claimant, content='claim', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN
        INSERT INTO claim_fts (rowid, text, claimant) VALUES (new.id, new.text, new.claimant);
    END""",
    """CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN
        INSERT INTO claim_fts (claim_fts, rowid, text, claimant) VALUES ('delete', old.id, old.text, old.claimant);
    END""",
    """CREATE TRIGGER claim_fts_update AFTER UPDATE OF text, claimant ON claim BEGIN
        INSERT INTO claim_fts (claim_fts, rowid, text, claimant) VALUES ('delete', old.id, old.text, old.claimant);
        INSERT INTO claim_fts (rowid, text, claimant) VALUES (new.id, new.text, new.claimant);
    END""",
    "INSERT INTO claim_fts (claim_fts) VALUES ('rebuild')",
)


def up(migrator, db):
    if not isinstance(db, SqliteDatabase):
        return
    for statement in STATEMENTS:
        db.execute_sql(statement)
