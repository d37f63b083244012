"""Opening and closing a catalogue: connect, back up if an upgrade is due, migrate."""

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError, OperationalError, SqliteDatabase

from catalog import migrations
from catalog.db import CatalogueError, database, display_name, make_database, sqlite_path
from catalog.safe_output import OutputError, output_path


@dataclass(frozen=True)
class OpenedCatalogue:
    location: str
    name: str
    created: bool  #: True when this open made a new, empty catalogue
    upgraded_from: int | None  #: the old schema version when this open migrated it
    backup_path: str | None  #: the copy taken before migrating, if any


def open_catalogue(location: str, *, password: str | None = None) -> OpenedCatalogue:
    """Point the models at ``location`` (a path or URL), creating or upgrading its schema.
    ``password``: a server's, kept apart from the location (see ``make_database``)."""
    close_catalogue()
    db = make_database(location, password)
    database.initialize(db)
    try:
        db.connect()
        return _prepare(db, location)
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
        close_catalogue()
        raise CatalogueError(f"cannot open catalogue {location}: {exc}") from exc
    except CatalogueError:
        close_catalogue()
        raise


def close_catalogue() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()


def _prepare(db, location: str) -> OpenedCatalogue:
    version = migrations.schema_version(db)
    steps = migrations.pending(db)
    backup = None
    if steps and version > 0:
        backup = backup_before_upgrade(db, location, version)
    if steps:
        migrations.migrate(db)
    return OpenedCatalogue(
        location=location,
        name=display_name(location),
        created=version == 0,
        upgraded_from=version if steps and version > 0 else None,
        backup_path=backup,
    )


def backup_before_upgrade(db, location: str, version: int) -> str | None:
    """Copy a SQLite catalogue beside itself before its schema changes."""
    path = sqlite_path(location)
    if not isinstance(db, SqliteDatabase) or path in (None, ":memory:"):
        return None
    target = Path(path).with_name(f"{Path(path).stem}.schema-v{version}.backup.sqlite3")
    backup_sqlite(db, str(target))
    return str(target)


def backup_sqlite(db, target: str | Path) -> None:
    """A consistent copy of a live SQLite catalogue at ``target``, via SQLite's online backup.

    The pages go into a partial file made exclusively beside ``target`` and moved into place
    only when whole (``safe_output.output_path``): a failure never leaves half a backup nor
    touches an older one, the copy gets the mode the umask gives, and the partial of a backup
    that was killed is removed by the next backup to the same target.
    """
    try:
        with output_path(target) as partial:
            copy = sqlite3.connect(partial)
            try:
                # The partial is thrown away on failure: it needs no rollback journal beside it,
                # which a killed backup would leave behind under a name no one cleans up.
                copy.execute("PRAGMA journal_mode = OFF")
                db.connection().backup(copy)
            finally:
                copy.close()
    except OutputError as exc:
        raise CatalogueError(str(exc)) from None
