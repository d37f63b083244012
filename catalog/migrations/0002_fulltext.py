"""Schema version 2: the full-text index over title, body, authors and outlet (SQLite FTS5)."""

from peewee import SqliteDatabase

# What the index reads: one row per article with its authors (by-line order) and outlet as text.
SEARCH_VIEW = """
CREATE VIEW article_search AS
SELECT a.id AS id,
       a.title AS title,
       a.body AS body,
       COALESCE((SELECT group_concat(name, ', ') FROM (
                    SELECT au.name AS name FROM article_author aa
                    JOIN author au ON au.id = aa.author_id
                    WHERE aa.article_id = a.id ORDER BY aa.position)), '') AS authors,
       COALESCE(o.name, '') AS outlet
FROM article a LEFT JOIN outlet o ON o.id = a.outlet_id
"""

# External content: the index stores tokens only and reads text back from the view.
# remove_diacritics 2 lets "Zoe" find "Zoë".
FTS_TABLE = """
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, body, authors, outlet,
    content='article_search', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
)
"""


def up(migrator, db):
    if not isinstance(db, SqliteDatabase):
        return  # other backends get their own full-text index in a later step
    db.execute_sql(SEARCH_VIEW)
    db.execute_sql(FTS_TABLE)
    db.execute_sql("INSERT INTO article_fts (article_fts) VALUES ('rebuild')")
