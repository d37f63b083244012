"""Containers (mailboxes, web archives) cut into pieces, so no file is ever read whole.

A mailbox of a gigabyte is thousands of articles: read at once it would fill the memory of
the worker reading it and of the importer receiving them, and keep one worker busy while the
others wait. Its reader's ``spans`` finds the byte ranges of whole records in one streaming
pass, here in the importing process; each range is a ``Piece`` batched like a file, so the
workers read a container's pieces side by side and a batch stays one short transaction.
"""

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from catalog.importing.files import Skipped, matches, patterns
from catalog.importing.formats import CONTAINERS, HEAD_BYTES, TYPES, FormatError, Piece, detect, reader


@dataclass(frozen=True, slots=True)
class FileDone:
    """Follows the articles of a file (of its last piece): progress counts files."""

    path: str


_CONTAINER_NAMES = {kind: patterns(TYPES[kind]) for kind in CONTAINERS}


def in_pieces(candidates: Iterable[str | Skipped], max_size: int) -> Iterator[str | Skipped | Piece]:
    """``candidates`` with each container named as one (or too large to be read whole and
    found one by its first bytes) replaced by its pieces."""
    for candidate in candidates:
        kind = _container_kind(candidate, max_size) if isinstance(candidate, str) else None
        if kind is None:
            yield candidate
        else:
            yield from _pieces(candidate, kind, max_size)


def _container_kind(path: str, max_size: int) -> str | None:
    for kind, names in _CONTAINER_NAMES.items():
        if matches(os.path.basename(path), names):
            return kind
    try:
        if os.stat(path).st_size <= max_size:
            return None  # read whole by a worker, whatever it holds
        with open(path, "rb") as stream:
            kind = detect(path, stream.read(HEAD_BYTES))
    except OSError:
        return None  # the worker says why it cannot be read
    return kind if kind in CONTAINERS else None


def _pieces(path: str, kind: str, max_size: int) -> Iterator[Piece | Skipped]:
    previous = None
    try:
        for start, stop, first in reader(kind).spans(path, max_size):
            if previous is not None:
                yield previous
            previous = Piece(
                path, kind, start=start, stop=stop, first_number=first, limit=max_size, last=False
            )
    except (FormatError, OSError) as exc:
        reason = str(exc) if isinstance(exc, FormatError) else f"cannot be read ({exc.strerror or exc})"
        if previous is not None:
            yield previous
        yield Skipped(path, reason if previous is None else f"the rest of it: {reason}")
        return
    except Exception as exc:  # noqa: BLE001 - a damaged container stops nothing else
        if previous is not None:
            yield previous
        yield Skipped(path, f"could not be read ({type(exc).__name__}: {exc})")
        return
    if previous is None:
        yield Skipped(path, "holds no records")
    else:
        yield Piece(
            path,
            kind,
            start=previous.start,
            stop=previous.stop,
            first_number=previous.first_number,
            limit=max_size,
        )
