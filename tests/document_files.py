"""Builders of the files newsrooms collect (PDF, Word, e-mail, mailboxes, feeds), from real text.

The PDFs are written by hand (a Helvetica text layer, one text object per line) so a test says
exactly where lines, paragraphs, hyphens, running heads and page numbers are; pypdf adds the
metadata and the encryption, as a real producer would.
"""

import datetime
import io
import os
import re
from functools import cache
from pathlib import Path
from unittest import mock

from benchmarks import real_text
from tests.helpers import SEED_FILE

#: The corpus cache of the real home: tests point HOME at a temporary folder.
_CORPUS_CACHE = real_text.cache_folder()


@cache
def lee_articles() -> tuple[str, ...]:
    """The 300 real news articles of the Lee corpus (fetched once into the user's cache)."""
    with mock.patch.dict(os.environ, {"CATALOG_BENCH_CACHE": str(_CORPUS_CACHE)}):
        return tuple(real_text.lee_articles())


def sentences(article: int, count: int | None = None) -> list[str]:
    """The sentences of the ``article``-th Lee article (the first ``count`` of them)."""
    found = [part.strip() for part in re.split(r"(?<=[.!?]) (?=[A-Z\"])", lee_articles()[article])]
    return [part for part in found if part][:count]


def paragraphs(article: int, count: int = 3, per_paragraph: int = 2) -> list[str]:
    """``count`` paragraphs of ``per_paragraph`` real sentences each, from one Lee article."""
    said = sentences(article)
    assert len(said) >= count * per_paragraph, f"Lee article {article} has {len(said)} sentences"
    return [" ".join(said[i * per_paragraph : (i + 1) * per_paragraph]) for i in range(count)]


def seed_paragraphs() -> list[str]:
    """The paragraphs of the seed article (curly quotes and all), without its header line."""
    text = SEED_FILE.read_text(encoding="utf-8")
    return [part.strip() for part in text.split("\n\n") if part.strip()][1:]


# --- PDF --------------------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = 612, 792
LINE_CHARS = 78


def _pdf_text(text: str) -> str:
    raw = text.encode("cp1252", "replace").decode("latin-1")
    return "(" + raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def wrap(paragraph: str, width: int = LINE_CHARS, hyphenate: bool = False) -> list[str]:
    """``paragraph`` in lines of at most ``width`` characters; with ``hyphenate``, a long word
    that does not fit is split with a hyphen, as typesetters do."""
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            room = width - len(line) - 2
            if hyphenate and word.isalpha() and len(word) >= 8 and room >= 4:
                cut = min(room, len(word) - 3)
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines


def _page_stream(lines_of_paragraphs, heading, header, footer) -> bytes:
    ops = []
    if header:
        ops.append(f"BT /F1 9 Tf 72 760 Td {_pdf_text(header)} Tj ET")
    if footer:
        ops.append(f"BT /F1 9 Tf 300 40 Td {_pdf_text(footer)} Tj ET")
    ops.append("BT /F1 11 Tf 14 TL 72 720 Td")
    if heading:
        ops.append(f"/F1 16 Tf {_pdf_text(heading)} Tj 0 -28 Td /F1 11 Tf")
    for number, lines in enumerate(lines_of_paragraphs):
        if number:
            ops.append("0 -10 Td")  # the space between paragraphs
        for line in lines:
            ops.append(f"{_pdf_text(line)} Tj T*")
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def _image_stream() -> bytes:
    """A page drawn as a picture (a scan): a grey inline image, no text."""
    return b"q 400 0 0 500 100 150 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x80\x40\x40\x80 EI Q"


def _assemble(streams: list[bytes]) -> bytes:
    """A PDF of one page per content stream, with Helvetica as /F1."""
    count = len(streams)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, stream in enumerate(streams):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def pdf_file(
    pages: list[list[str]],
    *,
    heading: str = "",
    title: str | None = None,
    author: str | None = None,
    created: datetime.datetime | None = None,
    running_head: str = "",
    page_numbers: bool = False,
    hyphenate: bool = False,
    scanned_pages: int = 0,
    password: str | None = None,
) -> bytes:
    """A PDF whose pages hold these paragraphs (``heading`` in large type atop the first page),
    with optional metadata, a running head and a page number on every page, ``scanned_pages``
    pages of pictures only, encrypted with ``password`` (may be "")."""
    streams = []
    for number, page in enumerate(pages, start=1):
        lines = [wrap(paragraph, hyphenate=hyphenate) for paragraph in page]
        streams.append(
            _page_stream(
                lines, heading if number == 1 else "", running_head, str(number) if page_numbers else ""
            )
        )
    streams += [_image_stream() for _ in range(scanned_pages)]
    data = _assemble(streams)
    if title is None and author is None and created is None and password is None:
        return data
    return _rewritten(data, title, author, created, password)


def _rewritten(data, title, author, created, password) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    info = {}
    if title is not None:
        info["/Title"] = title
    if author is not None:
        info["/Author"] = author
    if created is not None:
        info["/CreationDate"] = created.strftime("D:%Y%m%d%H%M%S+00'00'")
    if info:
        writer.add_metadata(info)
    if password is not None:
        writer.encrypt(user_password=password, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- Word -------------------------------------------------------------------------------------


def docx_file(
    body: list[str],
    *,
    heading: str = "",
    heading_style: str = "Title",
    title: str = "",
    author: str = "",
    created: datetime.datetime | None = None,
    blank_between: bool = False,
) -> bytes:
    """A Word document: ``heading`` (styled ``heading_style``, or "Normal") and the paragraphs,
    with these core properties."""
    import docx

    document = docx.Document()
    if heading:
        document.add_paragraph(heading, style=heading_style)
    for paragraph in body:
        document.add_paragraph(paragraph)
        if blank_between:
            document.add_paragraph("")
    properties = document.core_properties
    properties.title = title
    properties.author = author
    if created is not None:
        properties.created = created
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- E-mail -----------------------------------------------------------------------------------


def message(
    subject: str,
    body: str | None,
    *,
    sender: str = '"Jane Citizen" <jane.citizen@example.org>',
    date: str = "Wed, 05 Apr 2023 09:30:00 +1000",
    html: str | None = None,
    attachments: tuple[tuple[str, bytes], ...] = (),
    organization: str | None = None,
    charset: str = "utf-8",
    cte: str | None = None,
):
    """An e-mail message (``email.message.EmailMessage``): a text part, an HTML part, or both
    (alternatives), and attachments."""
    from email.message import EmailMessage
    from email.policy import default

    mail = EmailMessage(policy=default)
    mail["From"] = sender
    mail["To"] = "newsdesk@example.com"
    mail["Subject"] = subject
    mail["Date"] = date
    mail["Message-ID"] = f"<{abs(hash(subject))}@example.org>"
    if organization:
        mail["Organization"] = organization
    if body is not None:
        mail.set_content(body, charset=charset, cte=cte)
    if html is not None:
        if body is None:
            mail.set_content(html, subtype="html")
        else:
            mail.add_alternative(html, subtype="html")
    for name, data in attachments:
        maintype, subtype = ("application", "pdf") if name.endswith(".pdf") else ("image", "jpeg")
        mail.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return mail


def mbox_file(path: Path, messages) -> Path:
    """A mailbox at ``path`` holding ``messages`` (written by the stdlib's ``mailbox``)."""
    import mailbox

    box = mailbox.mbox(str(path), create=True)
    try:
        box.lock()
        for mail in messages:
            box.add(mail)
        box.flush()
        box.unlock()
    finally:
        box.close()
    return path


# --- Feeds ------------------------------------------------------------------------------------


def rss_feed(items: list[dict], *, channel: str = "The Canberra Times", extra_ns: bool = True) -> str:
    """An RSS 2.0 feed; each item a dict of title, link, author, date (RFC 822), summary,
    content (content:encoded), any of them left out."""
    parts = []
    for item in items:
        fields = [f"<title>{_xml(item['title'])}</title>"] if "title" in item else []
        if "link" in item:
            fields.append(f"<link>{_xml(item['link'])}</link>")
        if "author" in item:
            fields.append(f"<dc:creator>{_xml(item['author'])}</dc:creator>")
        if "date" in item:
            fields.append(f"<pubDate>{item['date']}</pubDate>")
        if "summary" in item:
            fields.append(f"<description>{_xml(item['summary'])}</description>")
        if "content" in item:
            fields.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f"<channel><title>{_xml(channel)}</title><link>https://www.canberratimes.com.au/</link>"
        "<description>News</description>\n" + "\n".join(parts) + "\n</channel></rss>\n"
    )


def atom_feed(entries: list[dict], *, feed_title: str = "ABC News") -> str:
    """An Atom feed; each entry a dict of title, link, author, published, updated, summary,
    content (HTML)."""
    parts = []
    for entry in entries:
        fields = [f"<title>{_xml(entry.get('title', ''))}</title>", f"<id>urn:uuid:{len(parts)}</id>"]
        if "link" in entry:
            fields.append(f'<link rel="alternate" href="{_xml(entry["link"])}"/>')
        if "author" in entry:
            fields.append(f"<author><name>{_xml(entry['author'])}</name></author>")
        for key in ("published", "updated"):
            if key in entry:
                fields.append(f"<{key}>{entry[key]}</{key}>")
        if "summary" in entry:
            fields.append(f"<summary>{_xml(entry['summary'])}</summary>")
        if "content" in entry:
            fields.append(f'<content type="html">{_xml(entry["content"])}</content>')
        parts.append("<entry>" + "".join(fields) + "</entry>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{_xml(feed_title)}</title><id>urn:feed</id><updated>2023-04-05T00:00:00Z</updated>\n"
        + "\n".join(parts)
        + "\n</feed>\n"
    )


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


_QT_PDF = """
import json, sys
from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument
app = QGuiApplication(sys.argv[:1])
heading, paragraphs, title = json.loads(sys.stdin.read())
document = QTextDocument()
document.setHtml("<h1>" + heading + "</h1>" + "".join("<p>" + p + "</p>" for p in paragraphs))
writer = QPdfWriter(sys.argv[1])
writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
writer.setTitle(title)
document.print_(writer)
"""


def qt_pdf_file(path: Path, heading: str, body: list[str], title: str = "") -> bytes:
    """A PDF as Qt prints one (embedded font subsets, a flipped page matrix, spaces as tabs):
    made in a child process, so no test process holds a Qt application it did not ask for."""
    import html
    import json
    import subprocess
    import sys

    quoted = [html.escape(heading), [html.escape(paragraph) for paragraph in body], title]
    subprocess.run(
        [sys.executable, "-c", _QT_PDF, str(path)],
        input=json.dumps(quoted),
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return path.read_bytes()
