"""Containers (mailboxes, web archives) cut into pieces, so no file is ever read whole.

A mailbox of a gigabyte is thousands of articles: read at once it would fill the memory of
the worker reading it and of the importer receiving them, and keep one worker busy while the
others wait. Its reader's ``spans`` finds the byte ranges of whole records in one streaming
pass, here in the importing process; each range is a ``Piece`` batched like a file, so the
workers read a container's pieces side by side and a batch stays one short transaction.
"""

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from catalog.importing.files import Skipped, name_matcher
from catalog.importing.formats import CONTAINERS, HEAD_BYTES, TYPES, FormatError, Piece, detect, reader


@dataclass(frozen=True, slots=True)
class FileDone:
    """Follows the articles of a file (of its last piece): progress counts files."""

    path: str


_CONTAINER_NAMES = {kind: name_matcher(TYPES[kind]) for kind in CONTAINERS}


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
    name = os.path.basename(path)
    for kind, named in _CONTAINER_NAMES.items():
        if named(name):
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
    """The pieces of the container at ``path``, the last marked so; a Skipped after them
    saying why when its records cannot all be found (the pieces found are still read)."""
    previous, problem = None, None
    try:
        for start, stop, first in reader(kind).spans(path, max_size):
            if previous is not None:
                yield previous
            previous = Piece(
                path, kind, start=start, stop=stop, first_number=first, limit=max_size, last=False
            )
    except FormatError as exc:
        problem = _found_so_far(previous, str(exc))
    except OSError as exc:
        problem = _found_so_far(previous, f"cannot be read ({exc.strerror or exc})")
    except Exception as exc:  # noqa: BLE001 - a damaged container stops nothing else
        problem = f"could not be read ({type(exc).__name__}: {exc})"
    if previous is not None:
        yield previous if problem else replace(previous, last=True)
    if problem:
        yield Skipped(path, problem)
    elif previous is None:
        yield Skipped(path, "holds no records")


def _found_so_far(previous: Piece | None, reason: str) -> str:
    return reason if previous is None else f"the rest of it: {reason}"
