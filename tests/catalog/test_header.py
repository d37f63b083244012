"""The header line grammar: [spaces]date YYYY-MM-DD[ Authored by NAMES][ via OUTLET],"""

import datetime

import pytest

from catalog.importing.header import parse_header, split_names

JUNE_29 = datetime.date(2022, 6, 29)


def test_the_seed_header():
    header = parse_header(" date 2022-06-29 Authored by Dave DeCamp via AntiWar.com,")
    assert header.date == JUNE_29
    assert header.authors == ("Dave DeCamp",)
    assert header.outlet == "AntiWar.com"


@pytest.mark.parametrize(
    "line, authors, outlet",
    [
        (" date 2022-06-29 via AntiWar.com,", (), "AntiWar.com"),
        (" date 2022-06-29 Authored by Dave DeCamp,", ("Dave DeCamp",), None),
        (" date 2022-06-29,", (), None),
        ("date 2022-06-29 Authored by Dave DeCamp via AntiWar.com,", ("Dave DeCamp",), "AntiWar.com"),
        (
            "\t DATE\t2022-06-29   AUTHORED   BY Dave DeCamp   VIA   AntiWar.com  ,  ",
            ("Dave DeCamp",),
            "AntiWar.com",
        ),
        (" Date 2022-06-29 authored by Dave DeCamp Via AntiWar.com,", ("Dave DeCamp",), "AntiWar.com"),
        (
            " date 2022-06-29 Authored by Ann Lee, Bo Chan and Cy Diaz via The Outlet,",
            ("Ann Lee", "Bo Chan", "Cy Diaz"),
            "The Outlet",
        ),
        (" date 2022-06-29 Authored by Ann Lee and Bo Chan,", ("Ann Lee", "Bo Chan"), None),
        (" date 2022-06-29 via Reuters, Inc.,", (), "Reuters, Inc."),
        (
            " date 2022-06-29 Authored by Zoë Łukasik via Le Monde diplomatique,",
            ("Zoë Łukasik",),
            "Le Monde diplomatique",
        ),
        # The closing comma is the grammar's, but a header that lost it is still a header.
        (" date 2022-06-29 Authored by Dave DeCamp via AntiWar.com", ("Dave DeCamp",), "AntiWar.com"),
    ],
)
def test_header_variants(line, authors, outlet):
    header = parse_header(line)
    assert header is not None, line
    assert (header.date, header.authors, header.outlet) == (JUNE_29, authors, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "According to a report from CNN, officials said so.",
        "Date 2022-06-29 was the day the report came out.",
        "date: 2022-06-29,",
        "date 29-06-2022,",
        "date 2022/06/29,",
        "dated 2022-06-29 Authored by X,",
        "update 2022-06-29,",
        "date 2022-06-29 by Dave DeCamp,",
    ],
)
def test_lines_that_are_not_headers(line):
    assert parse_header(line) is None


def test_a_header_with_an_impossible_date_keeps_its_names_but_no_date():
    header = parse_header(" date 2022-02-30 Authored by Dave DeCamp via AntiWar.com,")
    assert header.date is None
    assert header.authors == ("Dave DeCamp",)


def test_names_split_on_and_and_commas():
    assert split_names("A, B and C,D") == ("A", "B", "C", "D")
    assert split_names("Anderson Cooper and Sandra Andrews") == ("Anderson Cooper", "Sandra Andrews")
    assert split_names("  ") == ()
