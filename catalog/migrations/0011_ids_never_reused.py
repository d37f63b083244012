"""Schema version 11: an id is never handed out twice, even after the row that had it is deleted.

SQLite gives a new row MAX(id) + 1, so deleting the newest article freed its id for the next
import; a window that could still undo the delete then failed, and its Redo deleted the other
desk's article. AUTOINCREMENT keeps the highest id ever used in ``sqlite_sequence`` instead.
SQLite cannot add it to a table in place: each table is rebuilt (the documented twelve-step
procedure: new table, copy, drop, rename), keeping its rows, ids, indexes and triggers. The
full-text indexes keep working: they point at rows by id and at tables by name, and both stay.
Views are set aside around the step by ``migrations.migrate``; foreign keys are off meanwhile
(SqliteMigrator), so dropping the old tables cascades nothing.

PostgreSQL's sequences already never go back; the step only makes sure each is past every id
in its table (rows written with ids of their own by older releases).
"""

import re

from peewee import PostgresqlDatabase, SqliteDatabase

TABLES = ("outlet", "author", "topic", "article", "claim", "claim_link", "saved_search")
_ID_COLUMN = re.compile(r'"id" INTEGER NOT NULL PRIMARY KEY(?= *[,)])', re.IGNORECASE)


def up(migrator, db):
    if isinstance(db, SqliteDatabase):
        for table in TABLES:
            _rebuild_with_autoincrement(db, table)
        problems = db.execute_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"rows point at rows that are gone: {problems[:5]}")
    elif isinstance(db, PostgresqlDatabase):
        for table in TABLES:
            _sequence_past_every_id(db, table)


def _rebuild_with_autoincrement(db, table: str) -> None:
    (create,) = db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    if "AUTOINCREMENT" in create.upper():
        return
    new_create, found = _ID_COLUMN.subn('"id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT', create, count=1)
    if not found:
        raise RuntimeError(f"unexpected definition of table {table}: {create}")
    scratch = f"{table}__rebuilt"
    new_create = re.sub(rf'^CREATE TABLE "?{table}"?', f'CREATE TABLE "{scratch}"', new_create, count=1)
    # Indexes and triggers go with the old table: they are made again, as they were.
    attached = db.execute_sql(
        "SELECT type, sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
        "AND sql IS NOT NULL ORDER BY type",
        (table,),
    ).fetchall()
    columns = ", ".join(f'"{row[1]}"' for row in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall())
    db.execute_sql(new_create)
    db.execute_sql(f'INSERT INTO "{scratch}" ({columns}) SELECT {columns} FROM "{table}"')
    db.execute_sql(f'DROP TABLE "{table}"')
    db.execute_sql(f'ALTER TABLE "{scratch}" RENAME TO "{table}"')
    for _, sql in attached:  # indexes first ('index' < 'trigger')
        db.execute_sql(sql)


def _sequence_past_every_id(db, table: str) -> None:
    (sequence,) = db.execute_sql(f"SELECT pg_get_serial_sequence('\"{table}\"', 'id')").fetchone()
    if sequence is None:
        return
    (highest,) = db.execute_sql(f'SELECT MAX("id") FROM "{table}"').fetchone()
    last, called = db.execute_sql(f"SELECT last_value, is_called FROM {sequence}").fetchone()
    if highest is not None and highest > (last if called else 0):
        db.execute_sql("SELECT setval(%s, %s, true)", (sequence, highest))
