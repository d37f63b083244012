"""Opening and closing a catalogue: refuse what is not one, connect (read-only where changes
cannot be saved), back up if an upgrade is due, migrate, and mark the file as a catalogue."""

import re
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError, ImproperlyConfigured, OperationalError

from catalog.backends import backend_for
from catalog.catalogue_file import FIRST_STEP, HISTORY_TABLE, Found, inspect, read_only_reason, read_only_uri
from catalog.db import (
    CatalogueError,
    LocationError,
    NoCatalogue,
    asks_read_only,
    check_location,
    database,
    display_name,
    make_database,
    redacted,
    split_password,
    sqlite_path,
)


@dataclass(frozen=True)
class OpenedCatalogue:
    location: str  #: as given, less any password
    name: str
    created: bool  #: True when this open made a new, empty catalogue
    upgraded_from: int | None  #: the old schema version when this open migrated it
    backup_path: str | None  #: the copy taken before migrating, if any
    read_only: str | None = None  #: why changes cannot be saved, in words; None when they can


def open_catalogue(location: str, *, password: str | None = None, create: bool = True) -> OpenedCatalogue:
    """Point the models at ``location`` (a path or URL), upgrading its schema if need be.

    ``create``: make a new catalogue (and its folder) where there is none yet; with False, a
    location holding no catalogue is refused (LocationError, "no catalogue at …") and nothing is
    created. Another application's database is refused untouched, whatever ``create`` says. A
    file whose changes could not be saved (read-only file, folder or disk, or ``?mode=ro``)
    opens read-only. ``password``: a server's, kept apart from the location (see
    ``make_database``); one inside the URL is taken out of it the same way.
    """
    close_catalogue()
    check_location(location)
    shown = redacted(location)  #: in messages: a password given shows as ***
    location, embedded = split_password(location)
    password = password or embedded
    try:
        if sqlite_path(location) is None:
            return _open_server(location, password, create, shown)
        return _open_file(location, create)
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
        close_catalogue()
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]  # libpq adds hints below
        reason = reason.replace(password, "***") if password else reason
        raise CatalogueError(f"cannot open catalogue {shown}: {reason}") from None
    except ImproperlyConfigured:  # peewee found no PostgreSQL driver
        close_catalogue()
        raise CatalogueError(
            f"cannot open catalogue {shown}: PostgreSQL catalogues need the psycopg driver: "
            "pip install 'catalog[postgres]' (or psycopg[binary])"
        ) from None
    except CatalogueError:
        close_catalogue()
        raise


def close_catalogue() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()


def no_catalogue(location: str) -> NoCatalogue:
    return NoCatalogue(f"no catalogue at {location} (catalog import … or catalog new {location} creates one)")


def _open_file(location: str, create: bool) -> OpenedCatalogue:
    path_text = sqlite_path(location)
    path = Path(path_text).expanduser()
    found = Found.EMPTY if path_text == ":memory:" else inspect(path, location)
    read_only = None
    if found is not Found.CATALOGUE:
        if not create:
            raise no_catalogue(location)
        refusal = "the location asks for mode=ro" if asks_read_only(location) else None
        if found is Found.EMPTY and path_text != ":memory:":
            refusal = refusal or read_only_reason(path)
        if refusal:
            raise CatalogueError(f"cannot make a catalogue at {location}: {refusal}")
        if found is Found.NOTHING:
            _make_folder(path.parent, location)
    else:
        read_only = "the location asks for mode=ro" if asks_read_only(location) else read_only_reason(path)
    db = make_database(location, read_only_uri=read_only_uri(path) if read_only else None)
    if read_only:
        db.reason = read_only
    database.initialize(db)
    db.connect()
    return _prepare(db, location, read_only, found is Found.CATALOGUE)


def _make_folder(folder: Path, location: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CatalogueError(f"cannot make a catalogue at {location}: {exc.strerror or exc}") from None


def _open_server(location: str, password: str | None, create: bool, shown: str) -> OpenedCatalogue:
    db = make_database(location, password)
    database.initialize(db)
    db.connect()
    found = _server_contents(db, shown)
    if found is not Found.CATALOGUE and not create:
        raise no_catalogue(shown)
    return _prepare(db, location, None, found is Found.CATALOGUE)


def _server_contents(db, shown: str) -> Found:
    """An empty database, a catalogue, or (refused) another application's tables."""
    tables = [
        name
        for (name,) in db.execute_sql(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
            "ORDER BY table_name"
        ).fetchall()
    ]
    if not tables:
        return Found.EMPTY
    if HISTORY_TABLE in tables:
        steps = {name for (name,) in db.execute_sql(f'SELECT name FROM "{HISTORY_TABLE}"').fetchall()}
        if FIRST_STEP in steps or tables == [HISTORY_TABLE]:
            return Found.CATALOGUE if steps else Found.EMPTY
    named = ", ".join(tables[:5]) + (f" and {len(tables) - 5:,} more" if len(tables) > 5 else "")
    raise LocationError(
        f"{shown} is not a catalogue: it is another application's database (it holds the "
        f"table{'s' if len(tables) > 1 else ''} {named})"
    )


def _prepare(db, location: str, read_only: str | None, catalogue: bool) -> OpenedCatalogue:
    """Upgrade the catalogue (``catalogue``: it is one already, else it is new) if need be."""
    version = _up_to_date(db) if catalogue else None
    steps = []
    if version is None:
        from catalog import migrations

        version, steps = migrations.schema_version(db), migrations.pending(db)
    if read_only and steps:
        raise CatalogueError(
            f"{location} is read-only ({read_only}) and was written by an older release (schema "
            f"{version}); copy the file somewhere writable and open the copy, which is upgraded"
        )
    chosen = backend_for(db)  # once, as the catalogue opens: what differs between databases
    backup = None
    if steps and version > 0:
        backup = chosen.backup_before_upgrade(db, location, version)
    latest = version
    if steps:
        migrations.migrate(db)
        latest = migrations.schema_version(db)
    if not read_only:
        chosen.prepare(db, latest)
    return OpenedCatalogue(
        location=location,
        name=display_name(location),
        created=version == 0,
        upgraded_from=version if steps and version > 0 else None,
        backup_path=backup,
        read_only=read_only,
    )


def _up_to_date(db) -> int | None:
    """The catalogue's schema version when it has every step of this release and no other;
    None when the migrations must look (``catalog.migrations.pending``). Found without loading
    them: a command that opens a catalogue to read it would spend a fifth of its time there."""
    # Their own setting when they are loaded (a test may point it elsewhere), else their folder.
    loaded = sys.modules.get("catalog.migrations")
    folder = Path(loaded.MIGRATIONS_DIR if loaded else Path(__file__).with_name("migrations"))
    steps = {path.stem for path in folder.glob("[0-9]*.py")}
    applied = {name for (name,) in db.execute_sql(f'SELECT name FROM "{HISTORY_TABLE}"')}
    if not steps or applied != steps:
        return None
    return max(int(re.match(r"\d+", name).group()) for name in steps)
