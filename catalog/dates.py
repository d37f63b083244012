"""Article dates as newspapers give them: unknown, a year, a month, or a day."""

import datetime
import re
from dataclasses import dataclass

PRECISIONS = ("year", "month", "day")
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_UNKNOWN = {"", "unknown", "none", "n/a", "-", "—", "?"}


def as_date(value: datetime.date | str | None) -> datetime.date | None:
    """A date column's value as a date: SQLite hands back ISO text, PostgreSQL a date."""
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


class DateError(ValueError):
    """Text that is not a date; the message says so in words."""


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self):
        # Validates: raises ValueError for 2022-02-30 or month 13.
        datetime.date(self.year, self.month or 1, self.day or 1)
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> datetime.date:
        """The date stored and sorted by: the first day of the year or month."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def iso(self) -> str:
        """``2022``, ``2022-06`` or ``2022-06-29``."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @classmethod
    def from_stored(cls, day: datetime.date | str | None, precision: str | None) -> "PartialDate | None":
        if day is None:
            return None
        if isinstance(day, str):
            day = datetime.date.fromisoformat(day)
        precision = precision or "day"
        return cls(
            day.year,
            day.month if precision in ("month", "day") else None,
            day.day if precision == "day" else None,
        )

    @classmethod
    def from_date(cls, day: datetime.date) -> "PartialDate":
        return cls(day.year, day.month, day.day)


def parse_date(text: str, *, day_first: bool = False) -> PartialDate | None:
    """A date typed by a person: ``2022-06-29``, ``29 June 2022``, ``June 2022``, ``2022``,
    ``06/29/2022`` (``29/06/2022`` with ``day_first``); None for an empty or "unknown" date.

    Raises DateError when the text is not a date.
    """
    cleaned = " ".join(text.split()).strip(" ,.")
    if cleaned.casefold() in _UNKNOWN:
        return None
    try:
        return _parse_iso(cleaned) or _parse_free(cleaned, day_first)
    except (ValueError, OverflowError) as exc:
        raise DateError(
            f"“{text.strip()}” is not a date (try 2022-06-29, 29 June 2022, June 2022 or 2022)"
        ) from exc


def _parse_iso(text: str) -> PartialDate | None:
    match = _ISO.match(text)
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    return PartialDate(year, month, day)


def _parse_free(text: str, day_first: bool) -> PartialDate:
    if not re.search(r"\d{4}", text):
        raise ValueError("no four-digit year")
    from dateutil import parser as date_parser  # only for dates not written the ISO way: it is slow to load

    # Parse twice with different defaults: a part that changes came from the default, not the text.
    first = date_parser.parse(text, dayfirst=day_first, default=datetime.datetime(2000, 1, 1))
    second = date_parser.parse(text, dayfirst=day_first, default=datetime.datetime(2004, 2, 2))
    if first.year != second.year:
        raise ValueError("no year")
    month = first.month if first.month == second.month else None
    day = first.day if first.day == second.day and month else None
    return PartialDate(first.year, month, day)
