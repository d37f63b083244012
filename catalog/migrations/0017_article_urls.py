"""Schema version 17: the web address an article came from (its page's canonical URL, a feed
item's link, a web archive record's URL), in a table of its own.

A column of ``article`` would come after the body (SQLite adds columns at the end), and the
article table keeps the body last so that reading any other column never walks through its
overflow pages (schema 6). Few articles have an address, and it is read with one article or an
export, so a side table costs nothing where it is not used.
"""


def up(migrator, db):
    db.execute_sql(
        'CREATE TABLE "article_url" ('
        '"article" INTEGER NOT NULL PRIMARY KEY REFERENCES "article" ("id") ON DELETE CASCADE, '
        '"url" TEXT NOT NULL)'
    )
