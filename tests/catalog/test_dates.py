"""Dates people type: full, partial, in common forms; nonsense refused in words."""

import datetime

import pytest

from catalog.dates import DateError, PartialDate, parse_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2022-06-29", PartialDate(2022, 6, 29)),
        ("29 June 2022", PartialDate(2022, 6, 29)),
        ("June 29, 2022", PartialDate(2022, 6, 29)),
        ("06/29/2022", PartialDate(2022, 6, 29)),
        ("29/06/2022", PartialDate(2022, 6, 29)),  # unambiguous either way
        ("June 2022", PartialDate(2022, 6)),
        ("2022-06", PartialDate(2022, 6)),
        ("2022", PartialDate(2022)),
        ("  29 jun 2022 ", PartialDate(2022, 6, 29)),
    ],
)
def test_common_forms(text, expected):
    assert parse_date(text) == expected


def test_day_first_locales():
    assert parse_date("05/04/2023", day_first=True) == PartialDate(2023, 4, 5)
    assert parse_date("05/04/2023", day_first=False) == PartialDate(2023, 5, 4)
    assert parse_date("2023-04-05", day_first=True) == PartialDate(2023, 4, 5)  # ISO is never day-first


@pytest.mark.parametrize("text", ["", "  ", "unknown", "Unknown", "?"])
def test_unknown_dates(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text", ["yesterday", "2022-02-30", "2022-13", "June", "29 June", "soon-ish", "'; DROP TABLE article; --"]
)
def test_nonsense_is_refused_in_words(text):
    with pytest.raises(DateError, match="is not a date"):
        parse_date(text)


def test_precision_iso_and_storage():
    month = PartialDate(2022, 6)
    assert (month.precision, month.iso(), month.first_day()) == (
        "month",
        "2022-06",
        datetime.date(2022, 6, 1),
    )
    assert PartialDate.from_stored(datetime.date(2022, 6, 1), "month") == month
    assert PartialDate.from_stored("2022-01-01", "year") == PartialDate(2022)
    assert PartialDate.from_stored(None, None) is None
