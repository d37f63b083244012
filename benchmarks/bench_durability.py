"""What synchronous=FULL costs: ``python benchmarks/bench_durability.py [FILES] [EDITS]``
(defaults 3,000 files and 500 edits).

Catalogues are WAL files. With ``synchronous=NORMAL`` a commit already reported as saved can be
rolled back by a power cut; with ``FULL`` the WAL is synced at every commit. In one process and
on one disk (a folder beside the current directory, never a tmpfs), this times, for each
setting:

- single edits, each its own transaction as the window and ``catalog edit`` save them
  (edits per second), and
- an import of FILES article files built from the Lee corpus of real news articles
  (files per second),

and prints both figures and the ratio FULL / NORMAL. Each measurement runs twice, alternating
the settings, and keeps the better run, so a noisy neighbour does not decide the ratio.
"""

import shutil
import sys
import tempfile
import time
from pathlib import Path

from real_text import lee_articles

from catalog import db
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.editing import ArticleEdit, edit_article
from catalog.importing import import_paths
from catalog.models import Article

SETTINGS = ("normal", "full")
OUTLETS = ["The Age", "ABC News", "Sydney Morning Herald", "AAP", "The Australian"]


def write_files(folder: Path, count: int) -> None:
    """``count`` distinct article files of real text: each Lee article followed by another,
    a pair never repeated, with a header the importer reads."""
    articles = lee_articles()
    for number in range(count):
        first = number % len(articles)
        second = (first + 1 + number // len(articles)) % len(articles)
        header = (
            f" date 2001-{number % 12 + 1:02d}-{number % 28 + 1:02d} via {OUTLETS[number % len(OUTLETS)]},"
        )
        title = articles[first].split(". ")[0][:120]
        body = "\n\n".join([articles[first], articles[second]])
        sub = folder / f"{number // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{number:05d}.txt").write_text(f"{header}\n\n{title}\n\n{body}\n", encoding="utf-8")


def opened_with(setting: str, path: Path) -> None:
    db.SQLITE_PRAGMAS["synchronous"] = setting
    open_catalogue(str(path))
    found = db.database.execute_sql("PRAGMA synchronous").fetchone()[0]
    assert found == {"normal": 1, "full": 2}[setting], found


def time_import(setting: str, folder: Path, scratch: Path) -> float:
    """Files imported per second into a new catalogue."""
    path = scratch / f"import-{setting}.sqlite3"
    opened_with(setting, path)
    start = time.perf_counter()
    report = import_paths([folder])
    elapsed = time.perf_counter() - start
    close_catalogue()
    for leftover in scratch.glob(f"import-{setting}.sqlite3*"):
        leftover.unlink()
    assert not report.failed, report.failed[:3]
    return report.files_seen / elapsed


def time_edits(setting: str, source: Path, scratch: Path, count: int) -> float:
    """Single edits saved per second, each in its own transaction."""
    path = scratch / f"edits-{setting}.sqlite3"
    shutil.copy(source, path)
    opened_with(setting, path)
    ids = [article_id for (article_id,) in Article.select(Article.id).order_by(Article.id).tuples()]
    start = time.perf_counter()
    for number in range(count):
        edit_article(ids[number % len(ids)], ArticleEdit(summary=f"Summary number {number}, checked."))
    elapsed = time.perf_counter() - start
    close_catalogue()
    return count / elapsed


def best(measure, *args) -> dict[str, float]:
    """The better of two runs per setting, the settings alternating."""
    results = {setting: 0.0 for setting in SETTINGS}
    for _ in range(2):
        for setting in SETTINGS:
            results[setting] = max(results[setting], measure(setting, *args))
    return results


def report(label: str, unit: str, results: dict[str, float]) -> None:
    normal, full = results["normal"], results["full"]
    print(
        f"{label:<8} NORMAL {normal:8,.0f} {unit}   FULL {full:8,.0f} {unit}   FULL/NORMAL {full / normal:5.2f}"
    )


def main() -> None:
    files = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    # Beside the working directory: /tmp may be a tmpfs, where fsync costs nothing.
    with tempfile.TemporaryDirectory(prefix=".bench-durability-", dir=Path.cwd()) as name:
        scratch = Path(name)
        folder = scratch / "articles"
        write_files(folder, files)
        print(
            f"{files:,} real-text files ({sum(p.stat().st_size for p in folder.rglob('*.txt')) / 1e6:.1f} MB), {edits:,} edits"
        )
        report("import", "files/s", best(time_import, folder, scratch))
        source = scratch / "source.sqlite3"
        opened_with("full", source)
        import_paths([folder])
        close_catalogue()
        report("edits", "edits/s", best(time_edits, source, scratch, edits))


if __name__ == "__main__":
    main()
