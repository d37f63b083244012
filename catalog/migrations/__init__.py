"""Schema versions: numbered migration scripts in this folder, applied in order on open.

Each script is a playhouse.migrations step (``up(migrator, db)``) with frozen copies of the
tables it touches, so an old catalogue upgrades step by step whatever models.py says today.
"""

from pathlib import Path

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
    pending(db)
    return _runner(db).up()
