"""The report's charts and what is said once: runs of empty years collapse into marked gaps,
every bar carries its count, long names wrap instead of being cut, a report of one article has
no charts, and "No summary." is said once on the cover, not under every article."""

import pytest
from PySide6.QtGui import QColor, QPageSize

from catalog.catalogue import close_catalogue, open_catalogue
from catalog.editing import ArticleEdit, edit_article
from catalog.importing import import_paths
from catalog.reporting import build_report
from tests.helpers import article_file
from tests.ui.test_reports import TODAY, pdf_pages, squash
from ui.report import charts
from ui.report.fonts import report_font
from ui.report.output import export_pdf


@pytest.fixture
def catalogue(tmp_path):
    yield open_catalogue(str(tmp_path / "charts.sqlite3"))
    close_catalogue()


def dated(folder, dates_and_outlets) -> list[int]:
    folder.mkdir()
    for number, (date, outlet) in enumerate(dates_and_outlets):
        (folder / f"{number:03d}.txt").write_text(
            article_file(
                f"Story {number}", f"Text of story {number}, its own.", header=f" date {date} via {outlet},"
            )
        )
    return [item.article_id for item in import_paths([folder]).imported]


def test_runs_of_empty_periods_collapse_into_one_gap():
    rows = [("1998", 2), ("1999", 0), ("2000", 0), ("2001", 0), ("2002", 1), ("2003", 0), ("2004", 4)]
    slots = charts.collapse_gaps(rows)
    assert [(slot.label, slot.count, slot.gap) for slot in slots] == [
        ("1998", 2, None),
        ("", 0, ("1999", "2001")),
        ("2002", 1, None),
        ("2003", 0, None),  # one empty year stays a year, at zero
        ("2004", 4, None),
    ]
    assert charts.gaps_in_words(rows) == "1999–2001"
    assert charts.gaps_in_words([("2020-01", 1), ("2020-02", 0), ("2020-03", 0), ("2020-04", 1)]) == (
        "2020-02 to 2020-03"
    )


def ink(image, left, top, right, bottom) -> int:
    """How many pixels in the layout rectangle are not white."""
    scale = charts.SCALE
    white = QColor("white").rgb()
    return sum(
        image.pixel(x, y) != white
        for x in range(int(left * scale), int(right * scale))
        for y in range(int(top * scale), int(bottom * scale))
    )


def bar_top(image, x: float) -> int:
    """The pixel row where the bar at layout ``x`` starts, scanning up from the bottom."""
    column = int(x * charts.SCALE)
    rows = [y for y in range(image.height()) if image.pixel(column, y) == charts.BAR.rgb()]
    return min(rows)


@pytest.mark.parametrize("count", [7, 100, 12_345])
def test_every_bar_carries_its_count_even_with_three_years_of_months(qapp, count):
    font = report_font(8)
    rows = [(f"{2020 + n // 12}-{n % 12 + 1:02d}", count + n) for n in range(36)]
    image = charts.column_bars(rows, width=450, height=150, font=font)
    unit = 450 / 36
    for number in range(36):
        top = bar_top(image, number * unit + unit / 2) / charts.SCALE
        left = number * unit + unit * 0.15
        assert top > 3, f"bar {number} leaves no room for its count"
        assert ink(image, left, 0, left + unit * 0.7, top - 0.5) > 0, f"no count over bar {number}"


def test_a_long_name_wraps_onto_a_second_line_instead_of_being_cut(qapp):
    font = report_font(8)
    short = charts.horizontal_bars([("BBC", 3), ("ТАСС", 2)], width=450, font=font)
    long_name = "The Very Long Name of an Outlet That Goes On and On Beyond Any Reasonable Width"
    wrapped = charts.horizontal_bars([("BBC", 3), (long_name, 2)], width=450, font=font)
    assert wrapped.height() > short.height() * 1.3  # a second line for the long name


def test_a_report_has_marked_gaps_counts_and_one_word_on_summaries(catalogue, tmp_path):
    ids = dated(
        tmp_path / "years",
        [("1998-03-01", "Daily"), ("1998-04-01", "Daily"), ("2003-05-05", "Weekly")]
        + [(f"{year}-06-01", "Deutsche Welle (English edition)") for year in range(2015, 2023)],
    )
    edit_article(ids[0], ArticleEdit(summary="Written by a person."))
    report = build_report(ids, catalogue="Desk", selection="everything", today=TODAY)
    target = tmp_path / "years.pdf"
    export_pdf(report, target, QPageSize(QPageSize.PageSizeId.A4))
    text = "".join(pdf_pages(target))
    assert squash("Articles per year (none in 1999–2002, 2004–2014)") in text
    assert squash("Summaries: 10 of these articles have none") in text
    assert "Nosummary" not in text
    assert squash("Written by a person.") in text


def test_a_report_of_one_article_has_no_charts(catalogue, tmp_path):
    ids = dated(tmp_path / "one", [("2022-06-01", "Daily")])
    report = build_report(ids, catalogue="Desk", selection="one article", today=TODAY)
    target = tmp_path / "one.pdf"
    export_pdf(report, target, QPageSize(QPageSize.PageSizeId.A4))
    text = "".join(pdf_pages(target))
    assert "Overview" not in text and "Articlesper" not in text
    assert squash("Summaries: this article has none") in text and "Story0" in text
