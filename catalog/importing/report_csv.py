"""An import report's problem files as CSV, for spreadsheets and for fixing files in bulk."""

import csv
from pathlib import Path
from typing import TextIO

from catalog.exporting.spreadsheet_cells import text_cell
from catalog.importing.importer import ImportReport
from catalog.safe_output import output_file
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
    # File names and reasons come from the files: none may run as a formula in a spreadsheet.
    writer.writerows(
        (text_cell(path), outcome, text_cell(reason)) for path, outcome, reason in problem_rows(report)
    )


def save_problems_csv(report: ImportReport, path: str | Path) -> None:
    """UTF-8 with a BOM, so spreadsheet programs read accented names right; written whole or
    not at all, never through a link (``catalog.safe_output``: raises ``OutputError``)."""
    with output_file(path, "w", encoding="utf-8-sig", newline="") as out:
        write_problems_csv(report, out)
