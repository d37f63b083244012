"""Finding article files under the paths a user gives, and reading one file's text safely."""

import fnmatch
import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from catalog.importing.decoding import NotText, decode_text
from catalog.importing.formats import DEFAULT_PATTERNS

#: What folders are searched for: every type Catalog imports, as patterns apart by spaces (the
#: way file dialogs list them).
DEFAULT_PATTERN = " ".join(DEFAULT_PATTERNS)
DEFAULT_MAX_SIZE = 10 * 1024 * 1024
#: The largest ``max_size`` there is: about what one text value of SQLite or PostgreSQL holds.
MAX_SIZE_CEILING = 1024**3
_NOT_REGULAR = "not a regular file (a pipe, device or broken link)"
#: Spaces of every kind (no-break, thin, ideographic…) and the zero-width characters (spaces,
#: joiners, word joiner, byte-order mark, Mongolian vowel separator): text that shows nothing.
_INVISIBLE = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff\u180e]*")


@dataclass(frozen=True)
class Skipped:
    """A path that is not an article, and why."""

    path: str
    reason: str


def patterns(pattern: str | Iterable[str]) -> tuple[str, ...]:
    """File-name patterns, case-folded: a tuple given, or one text of patterns apart by
    spaces or semicolons (``*.txt *.html``, as file dialogs write them)."""
    given = re.split(r"[\s;]+", pattern) if isinstance(pattern, str) else list(pattern)
    return tuple(dict.fromkeys(p.casefold() for p in given if p))


def name_matcher(pattern: str | Iterable[str], narrowed: Iterable[str] = ()) -> Callable[[str], bool]:
    """Whether a file's name, in any case, matches one of ``pattern`` and, when ``narrowed``
    names any, one of those too. The patterns are compiled once into one expression each: a
    folder of 20,000 files asks this of every name, against some twenty patterns."""
    chosen = _compiled(patterns(pattern))
    narrowing = patterns(narrowed)
    also = _compiled(narrowing) if narrowing else None

    def matching(name: str) -> bool:
        folded = name.casefold()
        return chosen.match(folded) is not None and (also is None or also.match(folded) is not None)

    return matching


@functools.cache
def _compiled(folded: tuple[str, ...]) -> re.Pattern:
    """``folded`` patterns as one expression, matching as ``fnmatchcase`` does (none: nothing)."""
    return re.compile("|".join(fnmatch.translate(pattern) for pattern in folded) or "(?!)")


def find_files(
    paths: Iterable[str | Path],
    pattern: str | Iterable[str] = DEFAULT_PATTERN,
    *,
    ordered: bool = True,
    narrowed: Iterable[str] = (),
) -> Iterator[str | Skipped]:
    """Paths of files named directly, and of files matching ``pattern`` in folders, sorted.

    ``pattern`` is one pattern, several apart by spaces, or a sequence of them (``patterns``);
    ``narrowed`` (the patterns of ``--types`` beside a ``--glob``) must match too.

    Folders are walked depth first; linked folders are followed once, so loops end. Links that
    lead out of the folder the user chose (to ``~/.ssh/id_ed25519``, to ``~/.config``) are
    reported instead of followed, as ``rsync --safe-links`` does: a received folder must not
    import a key or a token into a shared catalogue. What the user names directly is read
    wherever it points. Paths are plain strings: a bulk import makes hundreds of thousands of
    them. ``ordered=False`` skips sorting, for a quick count.
    """
    seen_dirs: set[tuple[int, int]] = set()
    wanted = name_matcher(pattern, narrowed)
    for given in paths:
        path = os.fspath(given)
        if os.path.isdir(path):
            yield from _walk(path, wanted, seen_dirs, ordered, os.path.realpath(path))
        elif os.path.isfile(path):
            yield path
        elif os.path.lexists(path):
            yield Skipped(path, _NOT_REGULAR)
        else:
            yield Skipped(path, "no such file or folder")


def _walk(
    folder: str,
    wanted: Callable[[str], bool],
    seen: set[tuple[int, int]],
    ordered: bool,
    root: str,
) -> Iterator[str | Skipped]:
    try:
        info = os.stat(folder)
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as scan:
            entries = [(entry.name, _kind(entry), entry.is_symlink()) for entry in scan]
        if ordered:
            entries.sort()
    except OSError as exc:
        yield Skipped(folder, f"folder cannot be read ({exc.strerror or exc})")
        return
    for name, kind, is_link in entries:
        path = os.path.join(folder, name)
        matching = wanted(name)
        if is_link and (kind == "folder" or (kind == "file" and matching)):
            target = os.path.realpath(path)
            if not _inside(target, root):
                yield Skipped(path, f"a link to {target} outside the folder you chose: not imported")
                continue
        if kind == "folder":
            if matching:
                yield Skipped(path, "a folder, not a file")
            yield from _walk(path, wanted, seen, ordered, root)
        elif matching:
            yield path if kind == "file" else Skipped(path, _NOT_REGULAR)


def _kind(entry: os.DirEntry) -> str:
    """ "folder", "file", or "other" (pipes, devices, broken links: opening them could hang)."""
    try:
        if entry.is_dir():
            return "folder"
        return "file" if entry.is_file() else "other"
    except OSError:
        return "other"


def _inside(path: str, folder: str) -> bool:
    """Whether the resolved ``path`` is ``folder`` or lies under it (both resolved)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def read_text_file(path: str | Path, max_size: int = DEFAULT_MAX_SIZE) -> str:
    """The decoded text of an article file; raises NotText saying why it is not one."""
    return text_of(read_file(path, max_size))


def text_of(data: bytes) -> str:
    """The decoded text of an article file's bytes; raises NotText saying why it is not one."""
    if not data or data.isspace():
        raise NotText("empty file")
    text = decode_text(data)
    if is_blank(text):
        raise NotText("empty file")
    return text


def read_file(path: str | Path, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The bytes of a file, at most ``max_size``; raises NotText saying why they cannot be had."""
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > max_size:
                raise NotText(f"too large ({human_size(size)}; the limit is {human_size(max_size)})")
            # The reported size may be wrong (/proc files report 0, a file may grow meanwhile):
            # what counts is what arrives, and no more than the limit and one byte is read.
            # The reported size plus one byte first: a buffer of the limit for every file
            # would cost an allocation of 10 MB each.
            wanted = size + 1
            data = stream.read(wanted)
            if len(data) == wanted:  # more than it reported: read on, up to the limit
                data += stream.read(max_size + 1 - len(data))
    except IsADirectoryError:
        raise NotText("a folder, not a file") from None
    except OSError as exc:
        raise NotText(f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > max_size:
        raise NotText(f"too large (more than the limit of {human_size(max_size)})")
    return data


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: only spaces, line breaks and zero-width characters."""
    return _INVISIBLE.fullmatch(text) is not None


def path_text(path: str) -> str:
    """``path`` as text any database, JSON or CSV file takes: the bytes of a name that are not
    UTF-8 (which Python holds as lone surrogates) written as ``\\xNN``, so ``caf\\xe9.txt``."""
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that no file name produced
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def human_size(size: int) -> str:
    """``1 byte``, ``512 bytes``, ``4.9 KB``, ``10.0 MB``."""
    if size < 1024:
        return f"{size} byte{'' if size == 1 else 's'}"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            return f"{size:.1f} {unit}"
