"""Schema version 5: saved searches ("smart collections")."""

import datetime

from peewee import DateTimeField, Model, TextField


def up(migrator, db):
    class SavedSearch(Model):
        name = TextField()
        key = TextField(unique=True)
        query = TextField(default="")
        filters = TextField(default="{}")  # JSON: outlet_ids, author_ids, topic_ids, years
        created_at = DateTimeField(default=datetime.datetime.utcnow)

        class Meta:
            database = db
            table_name = "saved_search"

    db.create_tables([SavedSearch])
