"""Mailboxes (``.mbox``): every message an article, read in pieces of the file, never whole.

A message starts at a "From " line with a time of day in it (the envelope line: sender and
date) at the top of the file or after a blank line: a "From " that begins a sentence of a
message's text, which some programs write unescaped, is not taken for one.
``spans`` finds them in one streaming pass and cuts the mailbox into byte ranges of whole
messages; ``read`` parses one range, a message at a time. ``message=N`` counts from 1 across
the whole mailbox.
"""

import io
import re
from collections.abc import Iterable, Iterator

from catalog.importing.formats import Extracted, FormatError, Piece, RecordFailed
from catalog.importing.formats.email_message import (
    UNREADABLE,
    NotAnArticle,
    article_of,
    parse,
    reason_of,
)

#: A piece holds whole messages up to about this many bytes…
PIECE_BYTES = 8 * 1024 * 1024
#: …or this many messages, whichever comes first.
PIECE_MESSAGES = 500
_BLANK = (b"\n", b"\r\n")
#: Lines are read at most this long, so a file of one endless line is not held whole.
_LINE_BYTES = 64 * 1024
#: The envelope line: "From sender@example.org Wed Apr  5 09:30:00 2023", "From - Sat Jan 01 …".
#: Only its time of day is looked for: a pattern any richer could backtrack over a long line.
_TIME_OF_DAY = re.compile(rb"\d:\d\d")
#: mboxrd and mboxo write a "From " at the start of a line of text as ">From ".
_QUOTED_FROM = re.compile(rb"(?m)^>(>*From )")


def spans(path: str, limit: int) -> Iterator[tuple[int, int | None, int]]:
    """(start, stop, first message number) of pieces of whole messages, each about PIECE_BYTES
    or PIECE_MESSAGES at most (one larger message is a piece of its own); ``stop`` is None for
    the last piece, which runs to the end of the file."""
    start, first_number, count, position, after_blank = 0, 1, 0, 0, True
    with open(path, "rb") as mailbox:
        for line in _bounded_lines(mailbox):
            if after_blank and _is_envelope(line):
                if count and (position - start >= PIECE_BYTES or count >= PIECE_MESSAGES):
                    yield start, position, first_number
                    start, first_number, count = position, first_number + count, 0
                count += 1
            elif count == 0 and line.strip():
                count = 1  # text before the first "From " line: a message without one
            after_blank = line in _BLANK
            position += len(line)
    if count or start == 0:  # a mailbox with no message is one piece, which read() reports
        yield start, None, first_number


def read(piece: Piece) -> Iterator[Extracted | RecordFailed]:
    found = False
    for number, message in enumerate(_messages(_lines(piece), piece.limit), start=piece.first_number):
        found = True
        yield _article(message, number, piece.limit)
    if not found and piece.start == 0:
        raise FormatError("a mailbox with no messages in it")


def _lines(piece: Piece) -> Iterable[bytes]:
    """The lines of the piece: from its bytes, or from the file between its start and stop."""
    if piece.data is not None:
        yield from io.BytesIO(piece.data)
        return
    with open(piece.path, "rb") as mailbox:
        mailbox.seek(piece.start)
        position = piece.start
        for line in _bounded_lines(mailbox):
            if piece.stop is not None and position >= piece.stop:
                return
            yield line
            position += len(line)


def _is_envelope(line: bytes) -> bool:
    return line.startswith(b"From ") and _TIME_OF_DAY.search(line) is not None


def _bounded_lines(stream) -> Iterator[bytes]:
    """The stream's lines, a longer one in parts (a part after the first never ends a blank
    line, so it is never taken for a "From " line)."""
    return iter(lambda: stream.readline(_LINE_BYTES), b"")


def _messages(lines: Iterable[bytes], limit: int) -> Iterator[bytes | int]:
    """Each message's bytes (without its "From " line), or, for one larger than ``limit``, its
    size: a message too large is counted, never held in memory."""
    kept: list[bytes] | None = None  # None: no message begun yet
    size, after_blank = 0, True
    for line in lines:
        if after_blank and _is_envelope(line):
            if kept is not None:
                yield b"".join(kept) if size <= limit else size
            kept, size, after_blank = [], 0, False
            continue
        if kept is None:
            if not line.strip():
                continue
            kept = []
        size += len(line)
        if size <= limit:
            kept.append(line)
        elif kept:
            kept = []  # past the limit: only its size is counted from here on
        after_blank = line in _BLANK
    if kept is not None:
        yield b"".join(kept) if size <= limit else size


def _article(message: bytes | int, number: int, limit: int) -> Extracted | RecordFailed:
    place = f"message={number}"
    if isinstance(message, int):
        return RecordFailed(place, f"a message of {message:,} bytes, larger than the limit of {limit:,}")
    if not message.strip():
        return RecordFailed(place, "an empty message")
    if b">From " in message:
        message = _QUOTED_FROM.sub(rb"\1", message)
    try:
        return article_of(parse(message), place)
    except NotAnArticle as exc:
        return RecordFailed(place, str(exc))
    except UNREADABLE as exc:
        return RecordFailed(place, f"a message that cannot be read ({reason_of(exc)})")
