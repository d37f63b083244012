"""Schema version 9: full-text search on PostgreSQL (SQLite has had FTS5 since version 2).

A tsvector per indexed field and one for the whole article, each with a GIN index; the rows
are filled from the articles already there by step 14, which made the table again.
"""

from peewee import PostgresqlDatabase

FIELDS = ("title", "body", "authors", "outlet", "topics", "summary", "claims", "document")


def up(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    columns = ", ".join(f"{name} tsvector NOT NULL" for name in FIELDS)
    db.execute_sql(
        "CREATE TABLE article_search_index ("
        "article_id INTEGER PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE, "
        f"{columns})"
    )
    for name in FIELDS:
        if name != "body":  # the body is searched through the document
            db.execute_sql(f"CREATE INDEX article_search_{name} ON article_search_index USING GIN ({name})")
    # Step 14 makes the table again and fills it, as the current code indexes.
