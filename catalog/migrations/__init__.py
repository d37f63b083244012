"""Schema versions: numbered migration scripts in this folder, applied in order on open.

Each script is a playhouse.migrations step (``up(migrator, db)``) with frozen copies of the
tables it touches, so an old catalogue upgrades step by step whatever models.py says today.
"""

from pathlib import Path

from peewee import SqliteDatabase
from playhouse.migrations import Migration, Runner

from catalog.db import CatalogueError

MIGRATIONS_DIR = str(Path(__file__).parent)
HISTORY_TABLE = "schema_migration"


def _runner(db) -> Runner:
    return Runner(db, directory=MIGRATIONS_DIR, table_name=HISTORY_TABLE)


def latest_version() -> int:
    """The schema version this release writes."""
    return max(m.idx for m in Migration.load_directory(MIGRATIONS_DIR))


def schema_version(db) -> int:
    """The catalogue's stored schema version; 0 for an empty database."""
    applied = [m for m in _runner(db).status() if m.applied]
    return max((m.idx for m in applied), default=0)


def pending(db) -> list[str]:
    """Names of the steps this catalogue still needs; refuses one from a newer release."""
    status = _runner(db).status()
    unknown = [m.name for m in status if m.path is None]
    if unknown:
        raise CatalogueError(
            "this catalogue was written by a newer release of Catalog "
            f"(schema step {unknown[-1]}); upgrade Catalog to open it"
        )
    return [m.name for m in status if not m.applied]


def migrate(db) -> list[str]:
    """Apply every pending step, each in its own transaction; returns the steps applied."""
    applied = []
    for step in pending(db):
        if not isinstance(db, SqliteDatabase):
            applied += _runner(db).up(target=step)
            continue
        # Views (and triggers) are set aside around each step, including those an earlier
        # step of this same upgrade created, in the step's own transaction: a kill between
        # them would leave a catalogue without its views. Foreign keys are switched off
        # first, as peewee's SQLite migrator does, since SQLite ignores the switch inside a
        # transaction and a step that rebuilds a table must not cascade deletes.
        keys_on = bool(db.pragma("foreign_keys"))
        if keys_on:
            db.pragma("foreign_keys", 0)
        try:
            with db.atomic():
                saved = _views_and_triggers(db)
                for kind, name, _ in saved:
                    if kind == "view":
                        db.execute_sql(f'DROP VIEW IF EXISTS "{name}"')
                applied += _runner(db).up(target=step)
                _recreate_missing(db, saved)
        finally:
            if keys_on:
                db.pragma("foreign_keys", 1)
    return applied


def _views_and_triggers(db) -> list[tuple[str, str, str]]:
    """Views and triggers of a SQLite catalogue, which a step that rebuilds a table would break.

    peewee's SqliteMigrator rebuilds a table for many changes (add_not_null, ...): views that
    name it stop compiling mid-way and its triggers vanish. They are set aside and put back.
    """
    if not isinstance(db, SqliteDatabase):
        return []
    query = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger') AND sql IS NOT NULL"
    return [tuple(row) for row in db.execute_sql(query).fetchall()]


def _recreate_missing(db, saved: list[tuple[str, str, str]]) -> None:
    for kind, name, sql in saved:
        exists = db.execute_sql(
            "SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?", (kind, name)
        ).fetchone()
        if not exists:
            db.execute_sql(sql)
