"""The collection's header line: `` date 2022-06-29 Authored by Dave DeCamp via AntiWar.com,``.

Grammar: ``[spaces]date YYYY-MM-DD[ Authored by NAMES][ via OUTLET],`` with keywords in any
case and any run of spaces or tabs between words. NAMES split on `` and `` and ``, ``.
"""

import datetime
import re
from dataclasses import dataclass

_GAP = r"[^\S\n]+"  # one or more spaces/tabs, never a newline
# Matched against the line with its trailing spaces and one comma already cut off, so no two
# runs of spaces meet at the end (a first line of "date 2022-01-01" and a megabyte of spaces
# cost the regex n² steps when the pattern ended in ``\s*,?\s*$``).
_HEADER = re.compile(
    rf"""[^\S\n]*date{_GAP}(?P<date>\d{{4}}-\d{{2}}-\d{{2}})
        (?:{_GAP}authored{_GAP}by{_GAP}(?P<authors>\S.*?))?
        (?:{_GAP}via{_GAP}(?P<outlet>\S.*?))?""",
    re.IGNORECASE | re.VERBOSE,
)
#: A longer first line is text, not a header (the collection's longest is under 200 characters).
HEADER_MAX = 1000
_NAME_SEPARATORS = re.compile(r"\s+and\s+|\s*,\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Header:
    date: datetime.date | None  #: None when the header's date is not a real day (2022-02-30)
    authors: tuple[str, ...]
    outlet: str | None


def parse_header(line: str) -> Header | None:
    """The header in ``line``, or None when the line is not a header."""
    if len(line) > HEADER_MAX:
        return None
    line = line.rstrip()
    # "… via X," ends in a comma the grammar allows; "… via ," has the comma as its outlet.
    match = _HEADER.fullmatch(line.removesuffix(",").rstrip()) or _HEADER.fullmatch(line)
    if match is None:
        return None
    return Header(
        date=_parse_date(match["date"]),
        authors=split_names(match["authors"] or ""),
        outlet=(match["outlet"] or "").strip(" ,") or None,
    )


def split_names(names: str) -> tuple[str, ...]:
    """``"A, B and C"`` as ``("A", "B", "C")``, blanks dropped."""
    return tuple(part.strip() for part in _NAME_SEPARATORS.split(names) if part.strip())


def _parse_date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None
