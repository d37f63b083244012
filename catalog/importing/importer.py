"""Bulk import: article files in, one report out; one bad file never stops the rest.

Files are read and parsed a batch at a time; each batch is then written in one transaction
(duplicate check, articles, authors, full-text index), so a crash or kill at any moment leaves
whole batches or nothing, and importing again finishes the job.
"""

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from peewee import PeeweeException

from catalog.importing.article_writer import ArticleWriter
from catalog.importing.files import DEFAULT_MAX_SIZE, DEFAULT_PATTERN, find_files
from catalog.importing.reading import Failed, PreparedArticle, prepared_batches

__all__ = ["Duplicate", "Failed", "ImportReport", "Imported", "count_files", "import_paths"]

#: progress(files_done, last_path) after each batch
ProgressHook = Callable[[int, str], None]


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
        return text + (" (cancelled)" if self.cancelled else "")


def count_files(paths: Iterable[str | Path], pattern: str = DEFAULT_PATTERN) -> int:
    """How many files (and unusable paths) an import of ``paths`` will go through."""
    return sum(1 for _ in find_files(paths, pattern, ordered=False))


def import_paths(
    paths: Iterable[str | Path],
    *,
    pattern: str = DEFAULT_PATTERN,
    max_size: int = DEFAULT_MAX_SIZE,
    dry_run: bool = False,
    progress: ProgressHook | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import the files and folders in ``paths``; see the module docstring for the guarantees.

    ``progress(files_done, last_file)`` is called after each batch is written; ``cancelled`` is
    asked before each file is read (in this thread) and before each batch is written: a batch
    cut short by it is not written, so what is stored is whole batches. ``workers`` processes
    parse files (default: one per core, up to 4).
    """
    report = ImportReport(dry_run=dry_run)
    writer = ArticleWriter(dry_run=dry_run)
    for batch in prepared_batches(find_files(paths, pattern), max_size, workers=workers, cancelled=cancelled):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        prepared = [item for item in batch if isinstance(item, PreparedArticle)]
        report.failed.extend(item for item in batch if isinstance(item, Failed))
        _write(writer, prepared, report)
        if progress is not None:
            progress(report.files_seen, batch[-1].path)
    return report


def _write(writer: ArticleWriter, prepared: list[PreparedArticle], report: ImportReport) -> None:
    if not prepared:
        return
    try:
        outcomes = writer.write_batch(prepared)
    except (PeeweeException, sqlite3.Error) as exc:
        report.failed.extend(Failed(item.path, f"could not be stored ({exc})") for item in prepared)
        return
    for item, (article_id, duplicate_of) in zip(prepared, outcomes):
        if duplicate_of is None:
            report.imported.append(Imported(item.path, article_id, item.text.title if writer.dry_run else ""))
        else:
            report.duplicates.append(Duplicate(item.path, article_id, duplicate_of))
