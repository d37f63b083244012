"""The Word reader: paragraphs, the title by style or property, and files that are not Word."""

import datetime
import io
import zipfile

import pytest

from catalog.importing.formats import FormatError, Piece, docx
from tests.document_files import docx_file, paragraphs, seed_paragraphs


def read_docx(data: bytes):
    [article] = docx.read(Piece("draft.docx", "docx", data=data))
    return article


def zipped(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, text in files.items():
            package.writestr(name, text)
    return out.getvalue()


def test_paragraphs_title_author_and_date():
    written = paragraphs(6, 3)
    created = datetime.datetime(2002, 1, 2, 8, 15, tzinfo=datetime.UTC)
    data = docx_file(written, heading="Seles and Gambill win", author="Jane Citizen", created=created)
    article = read_docx(data)
    assert article.title == "Seles and Gambill win"
    assert article.body.split("\n\n") == written  # the styled title is not repeated
    assert article.authors == ("Jane Citizen",)
    assert article.date == datetime.date(2002, 1, 2)


def test_empty_paragraphs_are_skipped_and_real_text_kept_as_it_is():
    written = seed_paragraphs()[:5]
    article = read_docx(docx_file(written, blank_between=True, title="US debates Ukraine victory"))
    assert article.body.split("\n\n") == written
    assert "’" in article.body or '"' in article.body


@pytest.mark.parametrize("style", ["Title", "Heading 1"])
def test_a_heading_styled_first_paragraph_is_the_title_over_the_property(style):
    article = read_docx(
        docx_file(paragraphs(5, 2), heading="Asylum claims on hold", heading_style=style, title="Old title")
    )
    assert article.title == "Asylum claims on hold"
    assert "Asylum claims on hold" not in article.body


def test_the_title_property_titles_a_document_without_a_heading():
    written = paragraphs(5, 2)
    article = read_docx(docx_file(written, title="Asylum claims on hold"))
    assert article.title == "Asylum claims on hold"
    assert article.body.split("\n\n") == written


def test_without_a_title_property_a_headline_like_first_paragraph_is_the_title():
    written = paragraphs(5, 2)
    article = read_docx(docx_file(written, heading="Asylum claims on hold", heading_style="Normal"))
    assert article.title == "Asylum claims on hold"
    assert article.body.split("\n\n") == written


def test_a_first_paragraph_that_is_a_sentence_is_left_for_the_import_to_title():
    written = paragraphs(5, 2)
    article = read_docx(docx_file(written))
    assert article.title == ""
    assert article.body.split("\n\n") == written


def test_a_template_s_author_names_nobody():
    assert read_docx(docx_file(paragraphs(5, 2), author="python-docx")).authors == ()


def test_a_table_s_rows_are_paragraphs():
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph(paragraphs(7, 1)[0])
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("Team", "Score"), ("United States", "2-0")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    assert read_docx(out.getvalue()).body.split("\n\n")[1:] == ["Team | Score", "United States | 2-0"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (zipped({"notes.txt": "hello"}), "not a Word document: a zip file with no word/document.xml"),
        (zipped({"xl/workbook.xml": "<workbook/>"}), "not a Word document: an Excel workbook"),
        (zipped({"mimetype": "application/vnd.oasis", "content.xml": "<x/>"}), "OpenDocument"),
        (
            zipped({"word/document.xml": "<w:document", "[Content_Types].xml": "<Types/>"}),
            "a damaged Word document",
        ),
        (b"PK\x03\x04" + b"\x00" * 200, "a damaged Word document"),
        (b"", "an empty file"),
    ],
    ids=["zip", "xlsx", "odt", "broken-xml", "broken-zip", "empty"],
)
def test_a_file_that_is_not_a_readable_word_document_is_reported(data, reason):
    with pytest.raises(FormatError, match=reason):
        read_docx(data)


def test_a_word_document_cut_short_is_reported():
    data = docx_file(paragraphs(6, 3), heading="Seles and Gambill win")
    with pytest.raises(FormatError, match="damaged Word document"):
        read_docx(data[: len(data) * 2 // 3])


def test_a_document_with_no_text_is_reported():
    with pytest.raises(FormatError, match="no text"):
        read_docx(docx_file([], blank_between=True))


def test_a_document_that_unpacks_far_past_the_limit_is_refused():
    data = docx_file(paragraphs(6, 3))
    with pytest.raises(FormatError, match="unpacks to"):
        list(docx.read(Piece("bomb.docx", "docx", data=data, limit=1000)))
