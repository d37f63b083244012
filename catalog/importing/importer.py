"""Bulk import: article files in, one report out; one bad file never stops the rest.

Files are read and parsed a batch at a time; each batch is then written in one transaction
(duplicate check, articles, authors, full-text index), so a crash or kill at any moment leaves
whole batches or nothing, and importing again finishes the job.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from catalog.db import CatalogueError
from catalog.db_errors import (
    describe,
    disk_full_reason,
    is_about_one_file,
    is_busy,
    is_disk_full,
)
from catalog.importing.article_writer import BUSY_WAIT, ArticleWriter, ImportCancelled
from catalog.importing.files import DEFAULT_MAX_SIZE, DEFAULT_PATTERN, find_files
from catalog.importing.pieces import FileDone
from catalog.importing.reading import Failed, PreparedArticle, prepared_batches

__all__ = ["Duplicate", "Failed", "ImportReport", "Imported", "count_files", "import_paths"]

#: progress(files_done, last_path) after each batch (a mailbox is one file, however many articles)
ProgressHook = Callable[[int, str], None]
#: status(text) when the import waits ("waiting for another desk's write…"), status("") when it goes on
StatusHook = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Imported:
    path: str
    article_id: int | None  #: None in a dry run
    #: Only for dry runs: a real import may list 200,000 articles, whose titles are in the catalogue.
    title: str = ""


@dataclass(frozen=True, slots=True)
class Duplicate:
    path: str
    article_id: int | None  #: the article already there; None if it is new in this dry run
    title: str

    @property
    def reason(self) -> str:
        where = f"id {self.article_id}" if self.article_id is not None else "earlier in this import"
        return f"duplicate of {self.title} ({where})"


@dataclass
class ImportReport:
    imported: list[Imported] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    cancelled: bool = False
    dry_run: bool = False
    #: Why the import stopped before the end, when it could not go on ("the disk holding … is full").
    stopped: str | None = None
    #: Files gone through: fewer than ``files_seen`` when a mailbox, feed or archive held many articles.
    files: int = 0

    @property
    def files_seen(self) -> int:
        return len(self.imported) + len(self.duplicates) + len(self.failed)

    def summary(self) -> str:
        verb = "would be imported" if self.dry_run else "imported"
        duplicates = len(self.duplicates)
        text = (
            f"{len(self.imported):,} {verb}, {duplicates:,} duplicate{'' if duplicates == 1 else 's'}, "
            f"{len(self.failed):,} failed"
        )
        if self.stopped:
            return f"{text} (stopped: {self.stopped})"
        return text + (" (cancelled)" if self.cancelled else "")

    def duplicates_in_words(self) -> str:
        """The duplicates counted by kind, for a report that does not list each one:
        ``2,998 already in the catalogue, 1 with the same text as a file earlier in this
        import``; "" when there are none."""
        new = {item.article_id for item in self.imported}
        repeats = sum(1 for item in self.duplicates if item.article_id is None or item.article_id in new)
        already = len(self.duplicates) - repeats
        parts = [f"{already:,} already in the catalogue"] if already else []
        if repeats:
            parts.append(f"{repeats:,} with the same text as a file earlier in this import")
        return ", ".join(parts)


def count_files(
    paths: Iterable[str | Path], pattern: str | Iterable[str] = DEFAULT_PATTERN, narrowed: Iterable[str] = ()
) -> int:
    """How many files (and unusable paths) an import of ``paths`` will go through."""
    return sum(1 for _ in find_files(paths, pattern, ordered=False, narrowed=narrowed))


def import_paths(
    paths: Iterable[str | Path],
    *,
    pattern: str | Iterable[str] = DEFAULT_PATTERN,
    max_size: int = DEFAULT_MAX_SIZE,
    dry_run: bool = False,
    progress: ProgressHook | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
    status: StatusHook | None = None,
    narrowed: Iterable[str] = (),
) -> ImportReport:
    """Import the files and folders in ``paths``; see the module docstring for the guarantees.

    ``progress(files_done, last_file)`` is called after each batch is written; ``cancelled`` is
    asked before each file is read (in this thread) and before each batch is written: a batch
    cut short by it is not written, so what is stored is whole batches. ``workers`` processes
    read files (default: one per core, up to 4). ``pattern`` chooses the files taken from
    folders (every type Catalog reads, by default); ``narrowed`` narrows them further.
    ``status(text)`` hears when the import waits for another desk's write. A full disk stops
    the import (``report.stopped`` says so).
    """
    report = ImportReport(dry_run=dry_run)
    writer = ArticleWriter(dry_run=dry_run, status=status, cancelled=cancelled)
    found = find_files(paths, pattern, narrowed=narrowed)
    for batch in prepared_batches(found, max_size, workers=workers, cancelled=cancelled):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        prepared = [item for item in batch if isinstance(item, PreparedArticle)]
        report.failed.extend(item for item in batch if isinstance(item, Failed))
        try:
            report.stopped = _write(writer, prepared, report)
        except ImportCancelled:
            report.cancelled = True
            break
        report.files += sum(1 for item in batch if isinstance(item, FileDone))
        if progress is not None and batch:
            progress(report.files, batch[-1].path)
        if report.stopped:
            break
    return report


def _write(writer: ArticleWriter, prepared: list[PreparedArticle], report: ImportReport) -> str | None:
    """Write one batch and report each file; returns why the import must stop, if it must."""
    if not prepared:
        return None
    try:
        outcomes = writer.write_batch(prepared)
    except (ImportCancelled, CatalogueError):  # cancelled, or a read-only catalogue: nothing can be
        raise  # stored, so the import stops and says so once
    except Exception as exc:  # noqa: BLE001 - said per file; one bad batch never stops the import
        return _not_stored(writer, prepared, report, exc)
    for item, (article_id, duplicate_of) in zip(prepared, outcomes):
        if duplicate_of is None:
            report.imported.append(Imported(item.path, article_id, item.text.title if writer.dry_run else ""))
        else:
            report.duplicates.append(Duplicate(item.path, article_id, duplicate_of))
    return None


def _not_stored(writer, prepared: list[PreparedArticle], report: ImportReport, exc: Exception) -> str | None:
    if is_disk_full(exc):
        reason = disk_full_reason(exc)
        report.failed.extend(Failed(item.path, f"not stored: {reason}") for item in prepared)
        return reason
    if is_about_one_file(exc) and len(prepared) > 1:
        # One file's value (too big for an index, say) failed the transaction: write the halves
        # apart, down to that file, so the others are stored.
        half = len(prepared) // 2
        stop = _write(writer, prepared[:half], report)
        if stop:
            report.failed.extend(Failed(item.path, f"not stored: {stop}") for item in prepared[half:])
            return stop
        return _write(writer, prepared[half:], report)
    if is_busy(exc):
        why = f"another desk's write held the catalogue for over {BUSY_WAIT:.0f} s; import again to finish"
    else:
        why = f"could not be stored ({describe(exc)})"
    report.failed.extend(Failed(item.path, why) for item in prepared)
    return None
