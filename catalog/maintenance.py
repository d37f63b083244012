"""Keeping a catalogue safe: consistent backups, and a check that says in words what is wrong
and how to recover."""

import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from peewee import DatabaseError, SqliteDatabase

from catalog import fulltext, migrations
from catalog.catalogue import backup_sqlite
from catalog.db import CatalogueError, database, redacted
from catalog.models import Article, Claim

MAX_LISTED = 5  # problems of one kind named one by one; the rest counted

RESTORE_ADVICE = (
    "Restore the newest backup (File ▸ Back Up… and `catalog backup` write one; every upgrade leaves "
    "NAME.schema-vN.backup.sqlite3 beside the catalogue), or save what can still be read with "
    "`catalog export-json` and `catalog import-json` it into a new catalogue."
)
INDEX_ADVICE = (
    "Run `catalog check --repair` to rebuild the search indexes from the articles; nothing else changes."
)
CLAIM_ADVICE = (
    "Open those articles' claims and mark them again (Claims ▸ Mark as Claim), then delete the old ones."
)


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)
    index_only: bool = False  #: every problem is one ``--repair`` fixes

    @property
    def ok(self) -> bool:
        return not self.problems

    def object(self) -> dict:
        return {
            "ok": self.ok,
            "problems": self.problems,
            "advice": self.advice,
            "index_only": self.index_only,
        }


def is_sqlite() -> bool:
    return isinstance(database.obj, SqliteDatabase)


def backup_catalogue(target: str | Path) -> Path:
    """A consistent copy of the open catalogue at ``target``, taken while it stays in use
    (``catalogue.backup_sqlite``: whole or not at all)."""
    if not is_sqlite():
        raise CatalogueError("backups of a server catalogue are the server's: use pg_dump, or `catalog copy`")
    target = Path(target).expanduser()
    if target.is_dir():
        raise CatalogueError(f"{target} is a folder; name the backup file")
    backup_sqlite(database.obj, str(target))
    return target


def check_catalogue(*, quick: bool = False) -> CheckReport:
    """Check the file (SQLite's integrity or quick check), the links between rows, the search
    indexes and the claims' places; ``quick`` skips what reads every page twice."""
    report = CheckReport()
    damaged = _file_problems(quick) if is_sqlite() else []
    if damaged:
        report.problems += damaged
        report.advice.append(RESTORE_ADVICE)
        return report  # the rest reads through the damage: its answers would mislead
    index = fulltext.problems()
    report.problems += index
    claims = [] if quick else _claim_problems()
    report.problems += claims
    if index:
        report.advice.append(INDEX_ADVICE)
    if claims:
        report.advice.append(CLAIM_ADVICE)
    report.index_only = bool(index) and not claims
    version, latest = migrations.schema_version(database.obj), migrations.latest_version()
    if version != latest:
        report.problems.append(f"the schema is version {version}, this release writes {latest}")
    return report


def repair_indexes() -> None:
    """Build the search indexes again from the articles and claims, in one transaction."""
    with database.atomic():
        fulltext.rebuild()


def _file_problems(quick: bool) -> list[str]:
    pragma = "quick_check" if quick else "integrity_check"
    try:
        found = [row[0] for row in database.execute_sql(f"PRAGMA {pragma}({MAX_LISTED * 4})").fetchall()]
        broken_links = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        return [f"the catalogue file is damaged ({exc})"]
    problems = []
    if found != ["ok"]:
        problems.append("the catalogue file is damaged: " + "; ".join(found[:MAX_LISTED]))
    if broken_links:
        tables = sorted({row[0] for row in broken_links})
        problems.append(
            f"{len(broken_links):,} row{'' if len(broken_links) == 1 else 's'} in {', '.join(tables)} "
            "point at rows that are gone"
        )
    return problems


def _claim_problems() -> list[str]:
    moved = []
    query = Claim.select(Claim.id, Claim.article, Claim.start, Claim.end, Claim.text, Article.body).join(
        Article
    )
    for claim_id, article_id, start, end, text, body in query.tuples().iterator():
        if body[start:end] != text:
            moved.append(f"claim {claim_id} (article {article_id})")
    if not moved:
        return []
    named = ", ".join(moved[:MAX_LISTED]) + (
        f" and {len(moved) - MAX_LISTED:,} more" if len(moved) > MAX_LISTED else ""
    )
    verb = "claim no longer sits on its" if len(moved) == 1 else "claims no longer sit on their"
    return [f"{len(moved):,} {verb} text: {named}"]


def quick_file_check(path: str) -> list[str]:
    """SQLite's quick check of the catalogue file at ``path``, on a read-only connection of its
    own: what the window runs in the background on open (it reads every page: seconds on a
    gigabyte). Empty when the file is sound."""
    try:
        with sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True, timeout=30) as connection:
            found = [row[0] for row in connection.execute(f"PRAGMA quick_check({MAX_LISTED})").fetchall()]
        connection.close()
    except sqlite3.DatabaseError as exc:
        return [f"the catalogue file is damaged ({exc})"]
    return [] if found == ["ok"] else ["the catalogue file is damaged: " + "; ".join(found)]


def copy_catalogue(source: str, target: str) -> tuple[int, int, int]:
    """Copy every article, name, claim and link, ids and all, from ``source`` into the empty
    catalogue ``target`` (created if need be), through the export format; returns the counts
    copied, checked against the source's."""
    from catalog.catalogue import close_catalogue, open_catalogue
    from catalog.exporting.json_export import write_json
    from catalog.exporting.json_import import ImportJsonError, import_json

    with tempfile.TemporaryDirectory() as scratch:
        exported = Path(scratch) / "catalogue.json"
        open_catalogue(source)
        try:
            expected = _counts()
            with exported.open("w", encoding="utf-8") as out:
                write_json(out, earlier=True)
        finally:
            close_catalogue()
        open_catalogue(target)
        try:
            if Article.select().exists() or Claim.select().exists():
                raise CatalogueError(f"{target} is not empty: copy into a new catalogue")
            try:
                import_json(exported, trusted=True)
            except ImportJsonError as exc:
                raise CatalogueError(
                    f"{redacted(source)} cannot be copied as it is: {_copy_fault(exc)}"
                ) from None
            copied = _counts()
        finally:
            close_catalogue()
    if copied != expected:
        raise CatalogueError(f"the copy holds {copied} (articles, claims, links), the source {expected}")
    return copied


def _copy_fault(exc) -> str:
    """What ``import-json`` found wrong with the copy's export, said of the catalogue: the
    article at fault by its id (``article 13 (title): title is …``), else the place."""
    fault = str(exc).split(": ", 1)[1]  # without the temporary file's name
    if exc.article_id is None:
        return fault
    place, _, reason = fault.partition(": ")
    field = place.partition(".")[2]
    return f"article {exc.article_id}{f' ({field})' if field else ''}: {reason}"


def _counts() -> tuple[int, int, int]:
    from catalog.models import ClaimLink

    return Article.select().count(), Claim.select().count(), ClaimLink.select().count()
