"""Keeping a catalogue safe: consistent backups, and a check that says in words what is wrong
and how to recover."""

import io
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from catalog import migrations
from catalog.backends import backend
from catalog.catalogue_file import read_only_uri
from catalog.db import CatalogueError, database, redacted
from catalog.models import Article, Claim
from catalog.search import fulltext

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


def can_back_up() -> bool:
    """Whether Back Up copies the open catalogue here (a file; a server's are the server's)."""
    return backend().file(database.obj) is not None


def backup_catalogue(target: str | Path) -> Path:
    """A consistent copy of the open catalogue at ``target``, taken while it stays in use
    (whole or not at all). Refuses a folder, and a target that is the catalogue itself or one
    of its journal files, under any name; a server's catalogue is backed up by the server."""
    target = Path(target).expanduser()
    if target.is_dir() and can_back_up():
        raise CatalogueError(f"{target} is a folder; name the backup file")
    backend().backup(target)
    return target


def check_catalogue(*, quick: bool = False) -> CheckReport:
    """Check the file (SQLite's integrity or quick check), the links between rows, the search
    indexes and the claims' places; ``quick`` skips what reads every page twice."""
    report = CheckReport()
    damaged = backend().file_problems(quick=quick)
    if damaged:
        report.problems += damaged
        report.advice.append(RESTORE_ADVICE)
        return report  # the rest reads through the damage: its answers would mislead
    index = fulltext.problems(quick=quick)
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
        # mode=ro, or immutable in a read-only folder: "unable to open" is not damage.
        with sqlite3.connect(read_only_uri(path), uri=True, timeout=30) as connection:
            found = [row[0] for row in connection.execute(f"PRAGMA quick_check({MAX_LISTED})").fetchall()]
        connection.close()
    except sqlite3.DatabaseError as exc:
        return [f"the catalogue file is damaged ({exc})"]
    return [] if found == ["ok"] else ["the catalogue file is damaged: " + "; ".join(found)]


def copy_catalogue(source: str, target: str) -> tuple[int, int, int]:
    """Copy every article, name, claim and link, ids and all, and the catalogue's options
    (catalog.options), from the catalogue ``source`` into
    the empty catalogue ``target`` (made if need be); returns the counts copied, checked against
    the source's.

    The copy goes through the export format, held in memory rather than in a temporary file
    (a killed copy left a whole export behind each time), and is written in one transaction:
    killed at any moment, it leaves the target as it was, empty, and copying again finishes.
    """
    from catalog import options, stories
    from catalog.catalogue import close_catalogue, open_catalogue
    from catalog.exporting.json_export import write_json
    from catalog.exporting.json_import import ImportJsonError, import_document

    open_catalogue(source, create=False)
    try:
        expected = _counts()
        stemming = options.stemming()
        story_choices = stories.all_choices()
        exported = io.StringIO()
        write_json(exported, earlier=True)
    finally:
        close_catalogue()
    text = exported.getvalue()
    del exported
    document = json.loads(text)
    open_catalogue(target, create=True)
    try:
        if Article.select().exists() or Claim.select().exists():
            raise CatalogueError(
                f"{redacted(target)} is not empty: copy into a new catalogue "
                "(a file that does not exist yet, or an empty database)"
            )
        try:
            import_document(document, text, redacted(source), trusted=True)
        except ImportJsonError as exc:
            raise CatalogueError(
                f"{redacted(source)} cannot be copied as it is: {_copy_fault(exc)}"
            ) from None
        options.set_stemming(stemming)  # the catalogue's options go with it
        stories.restore_choices(story_choices)  # and a person's splits and joins of stories
        stories.regroup({article_id for one, other, _ in story_choices for article_id in (one, other)})
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
