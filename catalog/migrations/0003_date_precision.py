"""Schema version 3: partial dates (a year, or a month) beside full days."""

from peewee import CharField


def up(migrator, db):
    # NULL means a full day for dates imported before partial dates existed.
    migrator.migrate(migrator.add_column("article", "date_precision", CharField(max_length=5, null=True)))
