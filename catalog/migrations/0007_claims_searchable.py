"""Schema version 7: the text of an article's claims (and who made them) joins the full-text index."""

from peewee import SqliteDatabase

SEARCH_VIEW = """
CREATE VIEW article_search AS
SELECT a.id AS id,
       a.title AS title,
       a.body AS body,
       COALESCE((SELECT group_concat(name, ', ') FROM (
                    SELECT au.name AS name FROM article_author aa
                    JOIN author au ON au.id = aa.author_id
                    WHERE aa.article_id = a.id ORDER BY aa.position)), '') AS authors,
       COALESCE(o.name, '') AS outlet,
       COALESCE((SELECT group_concat(name, ', ') FROM (
                    SELECT tp.name AS name FROM article_topic at
                    JOIN topic tp ON tp.id = at.topic_id
                    WHERE at.article_id = a.id ORDER BY tp.key)), '') AS topics,
       a.summary AS summary,
       COALESCE((SELECT group_concat(said, ' / ') FROM (
                    SELECT c.text || COALESCE(' (' || c.claimant || ')', '') AS said FROM claim c
                    WHERE c.article_id = a.id ORDER BY c.start, c.id)), '') AS claims
FROM article a LEFT JOIN outlet o ON o.id = a.outlet_id
"""

FTS_TABLE = """
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, body, authors, outlet, topics, summary, claims,
    content='article_search', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
)
"""


def up(migrator, db):
    if not isinstance(db, SqliteDatabase):
        return
    db.execute_sql("DROP TABLE IF EXISTS article_fts")
    db.execute_sql("DROP VIEW IF EXISTS article_search")
    db.execute_sql(SEARCH_VIEW)
    db.execute_sql(FTS_TABLE)
    db.execute_sql("INSERT INTO article_fts (article_fts) VALUES ('rebuild')")
