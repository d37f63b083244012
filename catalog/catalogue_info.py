"""Facts about the open catalogue for ``catalog info``: backend, size on disk, counts, schema."""

import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from catalog import migrations
from catalog.catalogue import OpenedCatalogue
from catalog.db import database, file_of
from catalog.models import Article, Claim


def catalogue_facts(opened: OpenedCatalogue) -> dict:
    """The open catalogue's backend (``sqlite`` or ``postgresql``) and its version, its size in
    bytes, its articles and claims, and its schema version."""
    db = database.obj
    sqlite = isinstance(db, SqliteDatabase)
    return {
        "backend": "sqlite" if sqlite else "postgresql",
        "backend_version": sqlite3.sqlite_version if sqlite else _server_version(),
        "size_bytes": _file_size(file_of(db)) if sqlite else _database_size(),
        "articles": Article.select().count(),
        "claims": Claim.select().count(),
        "schema_version": migrations.schema_version(db),
    }


def _file_size(path: str) -> int:
    """The file and its write-ahead log, which holds the latest changes until a checkpoint
    copies them into the file: together, what the catalogue takes on the disk."""
    if path == ":memory:":
        return 0
    parts = (Path(path), Path(f"{path}-wal"))
    return sum(part.stat().st_size for part in parts if part.exists())


def _database_size() -> int:
    return database.execute_sql("SELECT pg_database_size(current_database())").fetchone()[0]


def _server_version() -> str:
    # "16.2 (Debian 16.2-1.pgdg120+2)": the number is what tells releases apart
    return str(database.execute_sql("SHOW server_version").fetchone()[0]).split()[0]
