"""Bulk import: article files in, one report out; one bad file never stops the rest."""

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from peewee import PeeweeException

from catalog.db import database
from catalog.importing.article_text import ArticleText, normalise_newlines, parse_article
from catalog.importing.decoding import NotText
from catalog.importing.files import DEFAULT_MAX_SIZE, DEFAULT_PATTERN, Skipped, find_files, read_text_file
from catalog.models import Article, ArticleAuthor, Author, Outlet
from catalog.names import NameCache

BATCH_SIZE = 200

#: progress(files_done, current_path) after each file
ProgressHook = Callable[[int, str], None]


@dataclass(frozen=True)
class Imported:
    path: str
    article_id: int
    title: str


@dataclass(frozen=True)
class Duplicate:
    path: str
    article_id: int  #: the article already in the catalogue
    title: str

    @property
    def reason(self) -> str:
        return f"duplicate of {self.title} (id {self.article_id})"


@dataclass(frozen=True)
class Failed:
    path: str
    reason: str


@dataclass
class ImportReport:
    imported: list[Imported] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    cancelled: bool = False

    @property
    def files_seen(self) -> int:
        return len(self.imported) + len(self.duplicates) + len(self.failed)

    def summary(self) -> str:
        text = (
            f"{len(self.imported)} imported, {len(self.duplicates)} "
            f"duplicate{'' if len(self.duplicates) == 1 else 's'}, {len(self.failed)} failed"
        )
        return text + (" (cancelled)" if self.cancelled else "")


def content_hash(text: str) -> str:
    """Equal for texts that differ only in newline style or whitespace at the ends."""
    return hashlib.sha256(normalise_newlines(text).strip().encode("utf-8")).hexdigest()


def import_paths(
    paths: Iterable[str | Path],
    *,
    pattern: str = DEFAULT_PATTERN,
    max_size: int = DEFAULT_MAX_SIZE,
    progress: ProgressHook | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import the files and folders in ``paths``; each batch of files is one transaction."""
    report = ImportReport()
    writer = _ArticleWriter()
    candidates = iter(find_files(paths, pattern))
    while not report.cancelled:
        batch = [c for _, c in zip(range(BATCH_SIZE), candidates)]
        if not batch:
            break
        with database.atomic():
            for candidate in batch:
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    break
                _import_one(candidate, max_size, writer, report)
                if progress is not None:
                    progress(report.files_seen, str(getattr(candidate, "path", candidate)))
    return report


def _import_one(candidate: Path | Skipped, max_size: int, writer: "_ArticleWriter", report: ImportReport) -> None:
    if isinstance(candidate, Skipped):
        report.failed.append(Failed(candidate.path, candidate.reason))
        return
    path = str(candidate)
    try:
        text = read_text_file(candidate, max_size)
    except NotText as exc:
        report.failed.append(Failed(path, str(exc)))
        return
    digest = content_hash(text)
    existing = Article.select(Article.id, Article.title).where(Article.content_hash == digest).first()
    if existing is not None:
        report.duplicates.append(Duplicate(path, existing.id, existing.title))
        return
    parsed = parse_article(text, fallback_title=candidate.stem)
    try:
        article_id = writer.write(parsed, source=os.path.abspath(path), digest=digest)
    except PeeweeException as exc:
        report.failed.append(Failed(path, f"could not be stored ({exc})"))
        return
    report.imported.append(Imported(path, article_id, parsed.title))


class _ArticleWriter:
    """Inserts parsed articles, finding or creating their outlet and authors by name."""

    def __init__(self):
        self.outlets = NameCache(Outlet)
        self.authors = NameCache(Author)

    def write(self, parsed: ArticleText, *, source: str, digest: str) -> int:
        try:
            with database.atomic():  # a savepoint: one bad row never spoils its batch
                return self._insert(parsed, source, digest)
        except PeeweeException:
            self.outlets.forget()
            self.authors.forget()
            raise

    def _insert(self, parsed: ArticleText, source: str, digest: str) -> int:
        article_id = Article.insert(
            title=parsed.title,
            body=parsed.body,
            date=parsed.date,
            outlet=self.outlets.id_for(parsed.outlet) if parsed.outlet else None,
            source_path=source,
            content_hash=digest,
        ).execute()
        author_ids = dict.fromkeys(filter(None, map(self.authors.id_for, parsed.authors)))
        rows = [(article_id, author_id, position) for position, author_id in enumerate(author_ids)]
        if rows:
            ArticleAuthor.insert_many(rows, fields=[ArticleAuthor.article, ArticleAuthor.author, ArticleAuthor.position]).execute()
        return article_id
