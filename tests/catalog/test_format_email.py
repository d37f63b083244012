"""The e-mail reader (.eml): headers to metadata, text or HTML to a body, attachments to notes."""

import datetime
import textwrap

import pytest

from catalog.importing.formats import FormatError, Piece, email_message
from tests.document_files import message, paragraphs, seed_paragraphs


def read_eml(data: bytes):
    [article] = email_message.read(Piece("story.eml", "eml", data=data))
    return article


def wrapped(written: list[str]) -> str:
    return "\n\n".join(textwrap.fill(paragraph, 72) for paragraph in written) + "\n"


def test_subject_sender_date_and_domain_become_title_author_date_and_outlet():
    written = paragraphs(6, 3)
    article = read_eml(message("Seles and Gambill win in Perth", wrapped(written)).as_bytes())
    assert article.title == "Seles and Gambill win in Perth"
    assert article.authors == ("Jane Citizen",)
    assert article.date == datetime.date(2023, 4, 5)  # the day as the sender wrote it
    assert article.outlet == "example.org"
    assert article.body.split("\n\n") == written  # hard-wrapped lines joined again
    assert article.place == "" and article.notes == ""


def test_the_organization_header_is_the_outlet_and_an_address_without_a_name_its_local_part():
    mail = message(
        "Briefing",
        wrapped(paragraphs(5, 2)),
        sender="briefing@news.example.com",
        organization="The Daily Example",
    )
    article = read_eml(mail.as_bytes())
    assert article.outlet == "The Daily Example"
    assert article.authors == ("briefing",)


def test_encoded_headers_and_a_quoted_printable_legacy_charset_are_decoded():
    text = "Ça coûte très cher à Genève, dit-il.\n"
    mail = message("placeholder", text, charset="iso-8859-1", cte="quoted-printable")
    del mail["Subject"]
    mail["Subject"] = "=?utf-8?q?Caf=C3=A9_society_=E2=80=93_Gen=C3=A8ve?="
    del mail["From"]
    mail["From"] = "=?iso-8859-1?q?Ren=E9e_Dupr=E9?= <renee@example.ch>"
    raw = mail.as_bytes()
    assert b"=E7a" in raw or b"=C7a" in raw  # really quoted-printable latin-1
    article = read_eml(raw)
    assert article.title == "Café society – Genève"
    assert article.authors == ("Renée Dupré",)
    assert article.body == text.strip()


def test_a_base64_body_is_decoded():
    written = seed_paragraphs()[:3]
    article = read_eml(message("US debates", "\n\n".join(written), cte="base64").as_bytes())
    assert article.body.split("\n\n") == written


def test_a_mislabelled_charset_is_detected_from_the_bytes():
    raw = message("Genève", "placeholder\n").as_bytes()
    raw = raw.replace(b"placeholder", "Ça coûte très cher à Genève.".encode("cp1252"))
    raw = raw.replace(b'charset="utf-8"', b'charset="x-unknown-charset"')
    assert read_eml(raw).body == "Ça coûte très cher à Genève."


def test_the_text_part_is_preferred_over_the_html_one():
    written = paragraphs(5, 2)
    html = "<html><body><p>The HTML version says something else entirely here.</p></body></html>"
    article = read_eml(message("Asylum", wrapped(written), html=html).as_bytes())
    assert article.body.split("\n\n") == written


def test_an_html_only_message_goes_through_the_web_page_extractor():
    written = paragraphs(6, 3)
    html = (
        "<html><head><title>Newsletter</title></head><body><nav><a href='/'>Home</a> | <a href='/sport'>Sport</a></nav>"
        "<article>" + "".join(f"<p>{p}</p>" for p in written) + "</article></body></html>"
    )
    article = read_eml(message("Tennis newsletter", None, html=html).as_bytes())
    assert article.title == "Tennis newsletter"
    assert article.body.split("\n\n") == written


def test_a_short_html_message_the_extractor_finds_nothing_in_keeps_its_text():
    article = read_eml(message("Note", None, html="<p>Back on Monday.</p><p>Jane</p>").as_bytes())
    assert article.body == "Back on Monday.\n\nJane"


def test_attachments_are_listed_in_the_notes_and_not_imported():
    mail = message(
        "Report attached",
        wrapped(paragraphs(5, 2)),
        attachments=(("report.pdf", b"%PDF" * 3000), ("photo.jpg", b"\xff" * 500)),
    )
    article = read_eml(mail.as_bytes())
    assert article.notes == "Attachments: report.pdf (12 KB), photo.jpg (500 bytes)"
    assert "%PDF" not in article.body


def test_a_message_with_only_attachments_is_reported_with_them():
    mail = message("Scan", None, attachments=(("page1.jpg", b"\xff" * 4096),))
    with pytest.raises(FormatError, match=r"no text in it \(only attachments: page1.jpg \(4 KB\)\)"):
        read_eml(mail.as_bytes())


def test_an_encrypted_message_is_reported():
    raw = (
        b"From: a@example.org\nTo: b@example.org\nSubject: Secret\nDate: Wed, 05 Apr 2023 09:30:00 +1000\n"
        b'Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="b"\n\n'
        b"--b\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n--b\nContent-Type: application/octet-stream\n\n"
        b"-----BEGIN PGP MESSAGE-----\nhQEMA\n-----END PGP MESSAGE-----\n--b--\n"
    )
    with pytest.raises(FormatError, match="encrypted message"):
        read_eml(raw)


@pytest.mark.parametrize(
    "raw",
    [
        b'Subject: =?utf-8?q?broken\nFrom: "unclosed <x@\nDate: not a date\n\nText survives.\n',
        b"From: =?bogus-charset?q?x?= <x@example.org>\nSubject: =?bogus?b?!!!?=\n\nText survives.\n",
    ],
    ids=["broken-headers", "unknown-charsets"],
)
def test_damaged_headers_leave_the_text_and_what_can_be_read(raw):
    article = read_eml(raw)
    assert article.body == "Text survives."
    assert article.date is None


def test_an_empty_file_is_reported():
    with pytest.raises(FormatError, match="empty"):
        read_eml(b"\n\n")


def test_a_plain_part_that_only_points_to_the_html_one_gives_way_to_it():
    written = paragraphs(6, 3)
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in written) + "</article></body></html>"
    stub = "View this e-mail in your browser: https://example.org/newsletter/42\n"
    article = read_eml(message("Tennis newsletter", stub, html=html).as_bytes())
    assert article.body.split("\n\n") == written


def test_a_message_archived_on_the_web_has_that_address_as_its_url():
    mail = message("Briefing", wrapped(paragraphs(5, 2)))
    mail["Archived-At"] = "<https://lists.example.org/briefing/2023-04-05>"
    assert read_eml(mail.as_bytes()).url == "https://lists.example.org/briefing/2023-04-05"
    assert read_eml(message("Briefing", "Text.").as_bytes()).url is None
