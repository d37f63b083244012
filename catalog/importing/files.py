"""Finding article files under the paths a user gives, and reading one file's text safely."""

import fnmatch
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from catalog.importing.decoding import NotText, decode_text

DEFAULT_PATTERN = "*.txt"
DEFAULT_MAX_SIZE = 10 * 1024 * 1024


@dataclass(frozen=True)
class Skipped:
    """A path that is not an article, and why."""

    path: str
    reason: str


def find_files(paths: Iterable[str | Path], pattern: str = DEFAULT_PATTERN) -> Iterator[Path | Skipped]:
    """Files named directly, and files matching ``pattern`` in folders, in sorted path order.

    Folders are walked depth first; symlinked folders are followed once, so loops end.
    """
    seen_dirs: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, pattern.casefold(), seen_dirs)
        elif path.exists():
            yield path
        else:
            yield Skipped(str(path), "no such file or folder")


def _walk(folder: Path, pattern: str, seen: set[tuple[int, int]]) -> Iterator[Path | Skipped]:
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield Skipped(str(folder), f"folder cannot be read ({exc.strerror or exc})")
        return
    for entry in entries:
        path = Path(entry.path)
        matches = fnmatch.fnmatchcase(entry.name.casefold(), pattern)
        if _is_dir(entry):
            if matches:
                yield Skipped(str(path), "a folder, not a file")
            yield from _walk(path, pattern, seen)
        elif matches:
            yield path


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def read_text_file(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> str:
    """The decoded text of an article file; raises NotText saying why it is not one."""
    try:
        size = path.stat().st_size
        if size > max_size:
            raise NotText(f"too large ({_megabytes(size)}; the limit is {_megabytes(max_size)})")
        data = path.read_bytes()
    except IsADirectoryError:
        raise NotText("a folder, not a file") from None
    except OSError as exc:
        raise NotText(f"cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise NotText("empty file")
    text = decode_text(data)
    if not text.strip(" \t\r\n\ufeff"):
        raise NotText("empty file")
    return text


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
