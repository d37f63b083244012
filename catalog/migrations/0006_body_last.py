"""Schema version 6: the article's body moves to the end of its row.

SQLite reads a row's columns in order, so with the body third every read of the date, outlet,
summary or version walked through the body's overflow pages: a page of 256 table rows took
100 ms at 100,000 articles. With the body last, lists and counts never touch it.
"""

import datetime

from peewee import CharField, DateField, DateTimeField, IntegerField, Model, SqliteDatabase, TextField

COLUMNS = (
    "id",
    "title",
    "date",
    "date_precision",
    "outlet_id",
    "summary",
    "notes",
    "source_path",
    "content_hash",
    "imported_at",
    "updated_at",
    "version",
    "body",
)


def up(migrator, db):
    if not isinstance(db, SqliteDatabase):
        return  # PostgreSQL reads only the columns asked for; nothing to gain
    now = datetime.datetime.utcnow

    def frozen(table_name):
        class Article(Model):
            title = TextField(index=True)
            date = DateField(null=True, index=True)
            date_precision = CharField(max_length=5, null=True)
            outlet_id = IntegerField(null=True, index=True)
            summary = TextField(default="")
            notes = TextField(default="")
            source_path = TextField(null=True)
            content_hash = CharField(max_length=64, unique=True)
            imported_at = DateTimeField(default=now, index=True)
            updated_at = DateTimeField(default=now, index=True)
            version = IntegerField(default=1)
            body = TextField(default="")

            class Meta:
                database = db
                legacy_table_names = False

        Article._meta.table_name = table_name
        return Article

    # Foreign keys are off during migrations (SqliteMigrator), so dropping the old table
    # cascades nothing; links, claims and the full-text index keep their article ids.
    columns = ", ".join(f'"{c}"' for c in COLUMNS)
    db.execute_sql(_create_table_sql(db, frozen("article_new")))
    db.execute_sql(f'INSERT INTO "article_new" ({columns}) SELECT {columns} FROM "article"')
    db.execute_sql('DROP TABLE "article"')
    db.execute_sql('ALTER TABLE "article_new" RENAME TO "article"')
    frozen("article")._schema.create_indexes(safe=True)


def _create_table_sql(db, model) -> str:
    sql, _ = db.get_sql_context().sql(model._schema._create_table(safe=False)).query()
    # The outlet reference as the original table had it.
    return (
        sql[: sql.rindex(")")] + ', FOREIGN KEY ("outlet_id") REFERENCES "outlet" ("id") ON DELETE SET NULL)'
    )
