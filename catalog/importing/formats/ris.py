"""RIS files (Zotero, EndNote, Mendeley, ``catalog export-ris``): each record an article.

A record runs from ``TY  - `` to ``ER  - ``; every type is read (an article is an article).
Tags, as Zotero's RIS translator reads them: ``TI``/``T1`` (else ``CT``, ``BT``, ``ST``) the
title; ``AU``/``A1`` the authors ("Family, Given" or a name whole); ``DA``, ``PY``, ``Y1`` the
date (``2022/06/29/``, ``2022/06//``, ``2022``; the most precise wins); ``T2`` (else ``JF``,
``JO``, ``JA``, ``J2``) the outlet; ``UR`` the URL; ``AB``/``N2`` the summary; ``KW`` the
topics (one a line, or split at semicolons; a single one at commas); ``N1`` notes, which are
the article's text when longer than the summary (``export-ris --with-text`` writes it there),
else the body is the summary, else the title. A line that is no tag continues the value before
it. Zotero's HTML notes are read as text.

Text outside any record, a record the file ends in without ``ER`` and a record with no text are
reported (the rest is read); a file with no record at all is refused. UTF-8 with or without a
byte-order mark, UTF-16, and legacy encodings (detected) are read.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from catalog.dates import DateError, parse_date
from catalog.importing.decoding import NotText, decode_text
from catalog.importing.formats import Extracted, FormatError, Piece, RecordFailed
from catalog.importing.formats.csl import choose_body, paragraphs, partial_day, plain_text

#: A tag line, as Zotero's translator matches it: two capitals (or a capital and a digit), one
#: or two spaces, a dash, then the value after a space (or nothing).
TAG_LINE = re.compile(r"([A-Z][A-Z0-9]) {1,2}-(?: (.*))?")
_RIS_DATE = re.compile(r"(\d{4})(?:[/-](\d{0,2})(?:[/-](\d{0,2}))?)?(?:[/-].*)?")
TITLE_TAGS = ("TI", "T1", "CT", "BT", "ST")
OUTLET_TAGS = ("T2", "JF", "JO", "JA", "J2")
DATE_TAGS = ("DA", "PY", "Y1")
_STRAY_SHOWN = 60  # characters of a stray line quoted in the report


@dataclass
class Record:
    """One record's fields in file order (tag, value), where it began, and what was wrong."""

    line: int
    fields: list[list[str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def values(self, *tags: str) -> list[str]:
        """The non-empty values of ``tags``, in the order of ``tags``, then of the file."""
        return [value.strip() for tag in tags for name, value in self.fields if name == tag and value.strip()]

    def first(self, *tags: str) -> str:
        return next(iter(self.values(*tags)), "")


def read(piece: Piece) -> Iterator[Extracted | RecordFailed]:
    try:
        text = decode_text(piece.data or b"")
    except NotText as exc:
        raise FormatError(str(exc)) from None
    places: set[str] = set()
    number = 0
    before_first: list[RecordFailed] = []  # said only if the file has records at all
    for found in records(text):
        if isinstance(found, RecordFailed):
            if number:
                yield found
            else:
                before_first.append(found)
            continue
        yield from before_first
        before_first.clear()
        number += 1
        place = _place(found, number, places)
        yield _article(found, place) or RecordFailed(
            place,
            f"a record (line {found.line}) with no title, abstract or notes (TI, AB, N1): no text to import",
        )
    if not number:
        raise FormatError('no RIS records in it (a record begins with a line "TY  - ")')


def records(text: str) -> Iterator[Record | RecordFailed]:
    """The records of a RIS text, and a RecordFailed for each stretch of text outside them."""
    record: Record | None = None
    stray: tuple[int, str] | None = None  # the first line of text outside records, not yet said
    for number, line in enumerate(text.splitlines(), 1):
        tag = TAG_LINE.fullmatch(line.rstrip())
        if record is None:
            if tag and tag[1] == "TY":
                if stray:
                    yield _stray(*stray)
                    stray = None
                record = Record(number, [["TY", tag[2] or ""]])
            elif line.strip().isprintable() and line.strip() and stray is None:  # not a DOS end mark
                stray = (number, line.strip())
            continue
        if tag and tag[1] == "TY":
            record.problems.append(f"no ER line before the next record (line {number})")
            yield record
            record = Record(number, [["TY", tag[2] or ""]])
        elif tag and tag[1] == "ER":
            yield record
            record = None
        elif tag:
            record.fields.append([tag[1], tag[2] or ""])
        else:  # the value before goes on (an abstract's or a note's next line or paragraph)
            record.fields[-1][1] += "\n" + _unescaped(line.rstrip())
    if record is not None:
        record.problems.append("the file ends inside this record (no ER line): it may be cut short")
        yield record
    if stray:
        yield _stray(*stray)


def _unescaped(line: str) -> str:
    """A line of a value as written: without the space ``export-ris`` puts before a line that
    looks like a tag."""
    return line[1:] if line.startswith(" ") and TAG_LINE.fullmatch(line[1:]) else line


def _stray(line: int, text: str) -> RecordFailed:
    shown = text if len(text) <= _STRAY_SHOWN else text[:_STRAY_SHOWN] + "…"
    return RecordFailed(
        f"line={line}", f"text outside any record (no TY line before it) was skipped: {shown!r}"
    )


def _place(record: Record, number: int, seen: set[str]) -> str:
    """``item=<ID or AN>`` (the record's own id), or ``item=<number>`` without one or for a repeat."""
    key = " ".join(record.first("ID", "AN").split())
    if not key or key in seen:
        return f"item={number}"
    seen.add(key)
    return f"item={key}"


def _article(record: Record, place: str) -> Extracted | None:
    title = " ".join(record.first(*TITLE_TAGS).split())
    summary = paragraphs(plain_text("\n\n".join(record.values("AB", "N2"))))
    notes_text = paragraphs(plain_text("\n\n".join(record.values("N1"))))
    body = choose_body(notes_text, summary, title)
    if not body:
        return None
    date, date_note = record_date(record)
    notes = [*record.problems, *([date_note] if date_note else [])]
    if notes_text and body != notes_text:
        notes.append(f"notes: {notes_text}")
    return Extracted(
        body=body,
        title=title,
        authors=tuple(filter(None, (person_name(name) for name in record.values("AU", "A1")))),
        date=date,
        outlet=" ".join(record.first(*OUTLET_TAGS).split()) or None,
        url=(record.first("UR").split() or [None])[0],
        notes="\n".join(notes),
        place=place,
        topics=record_topics(record),
        summary=summary,
    )


def person_name(value: str) -> str:
    """A RIS author as the catalogue writes a by-line: "Family, Given, Suffix" → "Given Family
    Suffix"; a name without a comma as it is."""
    parts = [" ".join(part.split()) for part in value.split(",")]
    if len(parts) == 1 or not parts[1]:
        return parts[0]
    return " ".join(part for part in (parts[1], parts[0], *parts[2:]) if part)


def record_date(record: Record):
    """(the most precise date of DA, PY and Y1, or None; a note for dates not understood)."""
    found, unread = [], []
    for text in record.values(*DATE_TAGS):
        try:
            found.append(ris_date(text))
        except (DateError, ValueError):
            unread.append(text)
    found = [day for day in found if day is not None]
    if not found:
        return None, f"date not understood: {unread[0]!r}" if unread else ""
    rank = {"year": 0, "month": 1, "day": 2}
    return max(found, key=lambda day: rank[getattr(day, "precision", "day")]), ""


def ris_date(text: str):
    """A RIS date: ``2022/06/29/``, ``2022/06//``, ``2022///``, ``2022``, ``2022-06-29``, or
    words (``June 29, 2022``); None when empty. Raises ValueError (DateError) when it is none."""
    match = _RIS_DATE.fullmatch(text.strip())
    if match:
        parts = []
        for part in match.groups():  # an unknown part (empty, or 0) ends the date, as in Zotero
            if not part or not int(part):
                break
            parts.append(int(part))
        return partial_day(*parts)
    found = parse_date(text)
    return partial_day(found.year, found.month, found.day) if found else None


def record_topics(record: Record) -> tuple[str, ...]:
    """``KW`` lines: each a topic, split at line breaks and semicolons; one alone also at commas
    (as Zotero reads them)."""
    words = [word for value in record.values("KW") for word in re.split(r"[;\n]", value)]
    words = [" ".join(word.split()) for word in words if word.strip()]
    if len(words) == 1 and "," in words[0]:
        words = [" ".join(word.split()) for word in words[0].split(",") if word.strip()]
    return tuple(dict.fromkeys(words))
