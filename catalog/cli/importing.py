"""``catalog import``: progress on the terminal, then the report as lines or JSON."""

import argparse
import math
import os
import sys
import time
from typing import TYPE_CHECKING, TextIO

from catalog.importing.files import MAX_SIZE_CEILING, path_text
from catalog.importing.progress import ProgressMeter
from catalog.terminal_text import one_line

if TYPE_CHECKING:
    from catalog.importing import ImportReport

BAR_WIDTH = 28
TERMINAL_INTERVAL = 0.1  # seconds between redraws of the bar
PLAIN_INTERVAL = 5.0  # seconds between progress lines when not on a terminal


_UNITS = {"K": 1024, "M": 1024**2, "G": 1024**3}


def max_size_option(text: str) -> int:
    """``--max-size``: bytes, or with a suffix K, M or G (``5M``, ``2.5K``); from 1 byte to 1 GB."""
    given = text
    text = text.strip().upper().removesuffix("B")
    unit = _UNITS.get(text[-1:], 1)
    number = text[:-1] if unit > 1 else text
    try:
        value = float(number) * unit if "." in number or "E" in number else int(number) * unit
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {given!r} (try 5000000 or 5M)") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"not a size: {given!r} (try 5000000 or 5M)")
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive size, not {given!r} (try 5000000 or 5M)")
    if value > MAX_SIZE_CEILING:
        raise argparse.ArgumentTypeError(
            f"at most 1 GB ({MAX_SIZE_CEILING:,} bytes), the most one article can hold, not {given!r}"
        )
    return int(value)


def glob_option(text: str) -> str:
    """``--glob``: a pattern of file names (``*.txt``, ``2022-*.md``); the folders are walked
    whatever their names, so a pattern with a folder in it would match nothing, silently."""
    if not text.strip():
        raise argparse.ArgumentTypeError("--glob is empty: give a pattern of file names such as *.txt")
    if "/" in text or (os.sep != "/" and os.sep in text):
        raise argparse.ArgumentTypeError(
            f"--glob matches file names, not paths: {text!r} holds a folder (name the folder as "
            "the PATH to import, and the files' pattern alone: --glob '*.txt')"
        )
    return text


def types_option(text: str) -> tuple[str, ...]:
    """``--types``: formats apart by commas or spaces (``pdf,html``, ``.docx``, ``email``)."""
    from catalog.importing.formats import type_names

    try:
        return type_names(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def import_patterns(
    globs: list[str] | None, types: list[tuple[str, ...]] | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The file-name patterns an import takes from folders, and those that narrow them: the
    ``--glob`` patterns narrowed by the ``--types``' names; either alone; or every type."""
    from catalog.importing.formats import patterns_of

    chosen = patterns_of([kind for given in types or () for kind in given]) if types else ()
    if globs:
        return tuple(globs), chosen
    return chosen or patterns_of(), ()


def jobs_option(text: str) -> int:
    """``--jobs``: a whole number from 1 (the import caps it to what helps: see reading.py)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value:,}")
    return value


class TerminalProgress:
    """A progress bar redrawn in place on a terminal, or a plain line now and then elsewhere."""

    def __init__(self, total: int, stream: TextIO | None = None):
        self.meter = ProgressMeter(total)
        # Looked up now, not when the module was loaded: whatever stands for standard error then.
        self.stream = stream or sys.stderr
        self.on_terminal = self.stream.isatty()
        # Off a terminal, a quick import prints nothing; a long one a line every few seconds.
        self._last_shown = 0.0 if self.on_terminal else self.meter.started
        self._drawn = False
        self._status = ""

    def __call__(self, done: int, path: str) -> None:
        self.meter.update(done)
        now = time.monotonic()
        interval = TERMINAL_INTERVAL if self.on_terminal else PLAIN_INTERVAL
        finished = done == self.meter.total and (self.on_terminal or self._last_shown > self.meter.started)
        if now - self._last_shown >= interval or finished:
            self._last_shown = now
            self._show()

    def status(self, text: str) -> None:
        """Say why the import pauses ("waiting for another desk's write…"); ``""`` when it goes on.
        Shown at once, on a terminal and off it: a silent pause looks like a hang."""
        self._status = text
        if text or self.on_terminal:
            self._show()

    def _show(self) -> None:
        described = self.meter.describe() + (f" · {self._status}" if self._status else "")
        if self.on_terminal:
            filled = int(BAR_WIDTH * self.meter.done / max(self.meter.total, 1))
            bar = "█" * filled + "░" * (BAR_WIDTH - filled)
            self.stream.write(f"\r{bar} {described}\033[K")
            self._drawn = True
        else:
            self.stream.write(f"import: {described}\n")
        self.stream.flush()

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()


def report_lines(report: "ImportReport", *, verbose: bool = False) -> list[str]:
    """The summary, one line per failed file, then the duplicates counted in one line (a
    folder imported again is thousands of them); verbose lists each duplicate and each
    article imported instead.

    Names and titles come from files nobody checked: each goes through ``one_line``, so a
    newline in a name cannot forge a line and no escape sequence reaches the terminal.
    """
    lines = [f"{_counted(report)}: {one_line(report.summary())}"]
    lines += [_line("failed", item.path, item.reason) for item in report.failed]
    if not verbose:
        counted = report.duplicates_in_words()
        return lines + ([f"{counted} (-v lists them)"] if counted else [])
    lines += [_line("duplicate", item.path, item.reason) for item in report.duplicates]
    verb = "would import" if report.dry_run else "imported"
    titles = _titles(report)
    return lines + [
        _line(verb, item.path, (f"#{item.article_id} " if item.article_id else "") + titles[item])
        for item in report.imported
    ]


def _counted(report: "ImportReport") -> str:
    """``3 files``, or ``2 files, 501 articles`` when a mailbox, feed or archive held many."""
    seen = report.files_seen
    text = f"{seen:,} file{'' if seen == 1 else 's'}"
    if report.files and report.files != seen:
        text = f"{report.files:,} file{'' if report.files == 1 else 's'}, {seen:,} article{'' if seen == 1 else 's'}"
    return text


def _line(outcome: str, path: str, detail: str) -> str:
    return f"{outcome}: {one_line(path)}: {one_line(detail)}"


def _titles(report: "ImportReport") -> dict:
    """Each imported item's title: from the report in a dry run, else from the catalogue."""
    if report.dry_run:
        return {item: item.title for item in report.imported}
    from catalog.articles import article_titles

    by_id = article_titles(item.article_id for item in report.imported)
    return {item: by_id.get(item.article_id, "") for item in report.imported}


def report_object(report: "ImportReport") -> dict:
    """The report as JSON for scripts; names that are not UTF-8 as ``path_text`` writes them."""
    titles = _titles(report)
    return {
        "imported": [
            {"path": path_text(i.path), "id": i.article_id, "title": titles[i]} for i in report.imported
        ],
        "duplicates": [
            {"path": path_text(d.path), "id": d.article_id, "title": d.title, "reason": path_text(d.reason)}
            for d in report.duplicates
        ],
        "failed": [{"path": path_text(f.path), "reason": path_text(f.reason)} for f in report.failed],
        "cancelled": report.cancelled,
        "dry_run": report.dry_run,
    } | ({"stopped": report.stopped} if report.stopped else {})
