"""The PDF reader: paragraphs rebuilt from a text layer, metadata, and every kind of bad PDF."""

import datetime
import logging
import subprocess
import sys
import time

import pytest

from catalog.importing.formats import FormatError, Piece, pdf
from tests.document_files import paragraphs, pdf_file, qt_pdf_file, sentences, wrap


def read_pdf(data: bytes):
    [article] = pdf.read(Piece("article.pdf", "pdf", data=data))
    return article


def test_wrapped_lines_are_joined_into_the_paragraphs_they_were():
    written = paragraphs(0, 3)
    article = read_pdf(pdf_file([written]))
    assert article.body.split("\n\n") == written
    assert all(len(wrap(paragraph)) > 1 for paragraph in written)  # they were wrapped


def test_paragraphs_go_on_across_pages_in_reading_order():
    first, second = paragraphs(1, 2), paragraphs(8, 3)
    article = read_pdf(pdf_file([first, second]))
    assert article.body.split("\n\n") == first + second


def test_running_heads_and_page_numbers_printed_on_every_page_are_dropped():
    pages = [paragraphs(3, 2), paragraphs(4, 2), paragraphs(5, 2)]
    article = read_pdf(
        pdf_file(pages, running_head="The Canberra Times, Wednesday 2 January 2002", page_numbers=True)
    )
    assert "Canberra Times" not in article.body
    assert article.body.split("\n\n") == [p for page in pages for p in page]


def test_a_word_hyphenated_at_the_end_of_a_line_is_made_whole():
    written = paragraphs(1, 3)
    data = pdf_file([written], hyphenate=True)
    assert any(line.endswith("-") for p in written for line in wrap(p, hyphenate=True))
    assert read_pdf(data).body.split("\n\n") == written


def test_a_hyphen_the_document_spells_elsewhere_or_in_a_name_is_kept():
    def joined(text, line, words=frozenset()):
        end, gap = pdf.line_end(text, line, words)
        return end + gap + line

    assert (
        joined("Fire crews moved south-", "west of Sydney.", {"south-west"})
        == "Fire crews moved south-west of Sydney."
    )
    assert joined("the infor-", "mation") == "the information"
    assert joined("accused Pakistan-", "based groups") == "accused Pakistan-based groups"
    assert joined("a soft\xad", "ware") == "a software"
    assert joined("the year 2001-", "2002") == "the year 2001- 2002"


def test_a_paragraph_of_many_lines_is_joined_in_time_linear_in_its_length():
    lines = [pdf.Line("word " * 15 + "and", 72, 100_000 - 14 * n, 11, 0) for n in range(50_000)]
    started = time.perf_counter()
    [paragraph] = pdf.paragraphs_of(lines)
    assert time.perf_counter() - started < 5
    assert len(paragraph) == 50_000 * len(lines[0].text) + 49_999


def test_title_author_and_date_come_from_the_metadata():
    created = datetime.datetime(2001, 12, 24, 10, 30)
    article = read_pdf(
        pdf_file(
            [paragraphs(0, 2)],
            title="Bushfire forces evacuations",
            author="Jane Citizen; John Smith",
            created=created,
        )
    )
    assert article.title == "Bushfire forces evacuations"
    assert article.authors == ("Jane Citizen", "John Smith")
    assert article.date == datetime.date(2001, 12, 24)


def test_without_metadata_the_headline_is_the_title_and_a_date_in_the_first_lines_the_date():
    body = ["Wednesday 2 January 2002", *paragraphs(0, 2)]
    article = read_pdf(pdf_file([body], heading="Hundreds flee bushfire at Hill Top"))
    assert article.title == "Hundreds flee bushfire at Hill Top"
    assert not article.body.startswith("Hundreds flee")  # not repeated in the body
    assert article.date == datetime.date(2002, 1, 2)


def test_a_producer_file_name_title_gives_way_to_the_headline():
    article = read_pdf(
        pdf_file([paragraphs(8, 2)], heading="Road toll falls", title="Microsoft Word - draft3.docx")
    )
    assert article.title == "Road toll falls"


def test_a_pdf_of_pictures_only_is_reported_as_scanned():
    with pytest.raises(FormatError, match="^scanned, no text"):
        read_pdf(pdf_file([], scanned_pages=3))


def test_a_pdf_encrypted_with_an_empty_password_opens_as_readers_open_it():
    written = paragraphs(5, 2)
    assert read_pdf(pdf_file([written], password="")).body.split("\n\n") == written


def test_a_pdf_that_needs_a_password_is_reported():
    with pytest.raises(FormatError, match="encrypted PDF.*password"):
        read_pdf(pdf_file([paragraphs(5, 2)], password="s3cret"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data[: len(data) // 2] + b"\n%%EOF\n",
        lambda data: b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n",
        lambda data: data[:9] + data[len(data) // 3 :],
        lambda data: b"",
    ],
    ids=["cut-in-half", "cut-with-end-marker", "garbage", "head-lost", "empty"],
)
def test_a_damaged_pdf_is_reported_in_plain_words(damage):
    data = damage(pdf_file([paragraphs(6, 3)], title="A title"))
    with pytest.raises(FormatError) as caught:
        read_pdf(data)
    assert "Traceback" not in str(caught.value) and str(caught.value)


def test_a_pdf_whose_trailer_points_nowhere_is_repaired_as_readers_repair_it():
    written = paragraphs(6, 3)
    data = pdf_file([written]).replace(b"/Root 1 0 R", b"/Root 9 0 R")
    assert read_pdf(data).body.split("\n\n") == written


def test_pypdf_complaints_about_a_damaged_file_are_not_printed(tmp_path):
    """pypdf logs what it repairs; no handler must mean nothing on the terminal."""
    data = pdf_file([paragraphs(6, 2)])
    damaged = data.replace(b"startxref\n", b"startxref\n1")  # points past the cross-reference table
    path = tmp_path / "damaged.pdf"
    path.write_bytes(damaged)
    script = (
        "import sys; from catalog.importing.formats import Piece, FormatError, pdf\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "try:\n    print(len(list(pdf.read(Piece('x.pdf', 'pdf', data=data)))))\n"
        "except FormatError as exc:\n    print('reported:', exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert logging.getLogger("pypdf").handlers  # the NullHandler that keeps it quiet


def test_a_date_is_found_in_the_ways_newspapers_write_it():
    assert pdf.date_in_lines(["Page 1", "Published April 5, 2023 at 9am"]) == datetime.date(2023, 4, 5)
    assert pdf.date_in_lines(["5th April 2023"]) == datetime.date(2023, 4, 5)
    assert pdf.date_in_lines(["2023-04-05 update"]) == datetime.date(2023, 4, 5)
    assert pdf.date_in_lines([sentences(0)[0]]) is None
    assert pdf.pdf_date("D:20230405093000+10'00'") == datetime.date(2023, 4, 5)
    assert pdf.pdf_date("D:2023") == datetime.date(2023, 1, 1)
    assert pdf.pdf_date("D:20231345") is None


def test_a_pdf_printed_by_qt_reads_back_as_its_paragraphs(tmp_path):
    written = [*paragraphs(0, 2, per_paragraph=4), *paragraphs(6, 3, per_paragraph=6)]
    data = qt_pdf_file(tmp_path / "printed.pdf", "Hundreds flee bushfire at Hill Top", written)
    article = read_pdf(data)
    assert article.title == "Hundreds flee bushfire at Hill Top"
    assert article.body.split("\n\n") == written


def test_a_headline_the_running_head_repeats_is_still_the_title():
    pages = [paragraphs(3, 2), paragraphs(4, 2), paragraphs(5, 2)]
    article = read_pdf(
        pdf_file(pages, heading="Road toll falls", running_head="Road toll falls", page_numbers=True)
    )
    assert article.title == "Road toll falls"
    assert article.body.split("\n\n") == [p for page in pages for p in page]


def test_a_page_pypdf_fails_on_is_named_in_the_notes_and_the_others_read(monkeypatch):
    first, second = paragraphs(6, 2), paragraphs(8, 2)
    page_lines = pdf.page_lines

    def failing_on_page_two(page, number):
        if number == 1:
            raise KeyError("/Font")
        return page_lines(page, number)

    monkeypatch.setattr(pdf, "page_lines", failing_on_page_two)
    article = read_pdf(pdf_file([first, second]))
    assert article.body.split("\n\n") == first
    assert article.notes == "Pages that could not be read: page 2 ('/Font')"
    monkeypatch.setattr(pdf, "page_lines", lambda page, number: failing_on_page_two(page, 1))
    with pytest.raises(FormatError, match=r"^a damaged PDF: no page could be read \(page 1"):
        read_pdf(pdf_file([first, second]))


def test_a_paragraph_goes_on_from_the_foot_of_one_column_to_the_top_of_the_next():
    said = paragraphs(6, 2, per_paragraph=3)
    first_lines, second_lines = wrap(said[0], 40), wrap(said[1], 40)
    column_one = first_lines[: len(first_lines) // 2]
    column_two = first_lines[len(first_lines) // 2 :] + second_lines
    lines = [pdf.Line(text, 72, 700 - 14 * n, 11, 0) for n, text in enumerate(column_one)]
    lines += [pdf.Line(text, 320, 700 - 14 * n, 11, 0) for n, text in enumerate(column_two)]
    for line in lines[len(first_lines) :]:
        line.y -= 10  # the space before the second paragraph
    assert pdf.paragraphs_of(lines) == said
