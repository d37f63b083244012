"""An import report's problem files as CSV, for spreadsheets and for fixing files in bulk."""

import csv
from pathlib import Path
from typing import TextIO

from catalog.importing.importer import ImportReport
from catalog.terminal_text import one_line

HEADER = ("file", "outcome", "reason")


def problem_rows(report: ImportReport) -> list[tuple[str, str, str]]:
    """(file, "failed" or "duplicate", reason) for each file not imported, as shown and saved:
    control characters and bytes of names that are not UTF-8 as visible escapes."""
    rows = [(item.path, "failed", item.reason) for item in report.failed]
    rows += [(item.path, "duplicate", item.reason) for item in report.duplicates]
    return [(one_line(path), outcome, one_line(reason)) for path, outcome, reason in rows]


def write_problems_csv(report: ImportReport, out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(problem_rows(report))


def save_problems_csv(report: ImportReport, path: str | Path) -> None:
    """UTF-8 with a BOM, so spreadsheet programs read accented names right."""
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        write_problems_csv(report, out)
