"""Schema version 12: prefix indexes for two- and three-letter prefixes, and the index's vocabulary.

Without them, ``w*`` merged the posting list of every word starting with w (48 s on 58,000
articles whose every word did); with ``prefix='2 3'`` FTS5 keeps those lists merged already, so
a short prefix costs what one common word does. One-letter prefixes are refused instead
(``catalog.fulltext.check``), and longer ones are counted in ``article_fts_vocab`` first.

The index is declared again with whatever columns and options it has now plus the prefixes,
so this step keeps what any other step changed in it. It is filled from the text view of schema
7, made for the rebuild alone: the migration runner sets the catalogue's views aside during a
step and puts them back after it, whatever they are by then.
"""

import importlib
import re

from peewee import SqliteDatabase

PREFIXES = "prefix='2 3'"
VOCABULARY = "CREATE VIRTUAL TABLE article_fts_vocab USING fts5vocab(article_fts, row)"


def up(migrator, db):
    if not isinstance(db, SqliteDatabase):
        return  # PostgreSQL's GIN indexes find a prefix's words in their own term tree
    (declared,) = db.execute_sql("SELECT sql FROM sqlite_master WHERE name = 'article_fts'").fetchone()
    options = re.sub(r",?\s*prefix\s*=\s*'[^']*'", "", declared)
    with_prefixes = re.sub(r"(?i)(USING\s+fts5\s*\()", rf"\g<1>{PREFIXES}, ", options, count=1)
    db.execute_sql("DROP TABLE article_fts")
    db.execute_sql(with_prefixes)
    db.execute_sql("DROP VIEW IF EXISTS article_search")
    db.execute_sql(importlib.import_module("catalog.migrations.0007_claims_searchable").SEARCH_VIEW)
    db.execute_sql("INSERT INTO article_fts (article_fts) VALUES ('rebuild')")
    db.execute_sql("DROP VIEW article_search")  # the runner puts the catalogue's own back
    db.execute_sql(VOCABULARY)
