"""Saved web pages (``.html``, ``.htm``, ``.html.gz``): the article's main text and its metadata.

trafilatura finds the main text (without navigation, adverts, cookie banners, related links
and comments) and the page's metadata: title, authors, site name and canonical URL from
OpenGraph, JSON-LD and ``<meta>`` tags, the date through htmldate. ``extract_page`` is also
what the other formats use for HTML (an e-mail's HTML part, a web archive's responses).

Decisions, each measured on the 109 real pages of the project's web-page corpus:

- The date is the page's own: its metadata (``article:published_time``, JSON-LD,
  ``<time>``, date-classed elements) or its URL. htmldate's "extensive" search, which reads
  dates out of free text, is off: on 13 of the 109 pages it found only a copyright year
  (given as 1 January), a date in an image's path or a link's title, never the article's.
  A page with no date gets none (and a note), never today's or the file's.
- The outlet is the site name (``og:site_name``, JSON-LD publisher, ``application-name``),
  and failing that the host name of the page's canonical URL (``example.com``): the
  address names the outlet better than nothing does.
- The page is decoded by its own declaration (``<meta charset>``) when it is not UTF-8,
  as browsers do; trafilatura alone guesses, and guesses cp1252 pages wrong.
"""

import datetime
import re
from collections.abc import Iterator

from catalog.importing.formats import Extracted, FormatError, Piece, RecordFailed, gunzip_limited

#: Where a page declares its encoding: ``<meta charset="…">`` or ``content="text/html; charset=…"``.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})""", re.IGNORECASE
)
#: Bytes a text file never holds: NUL and the C0 controls other than tab, newlines, form feed.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
#: How much of a page's start tells whether it is text at all.
_SNIFF = 4096
#: Pages larger than this (characters) are read without trafilatura's fallback extractors,
#: which copy the whole tree: a 50 MB page then takes 550 MB and 20 s, not 1.4 GB. Fallbacks
#: rescue small, oddly built pages; a page this big has its text in plain sight.
_LARGE_PAGE = 4_000_000
#: A line of at most this many words may be a link's text (a menu, an index's entry).
_LINK_WORDS = 8


def read(piece: Piece) -> Iterator[Extracted | RecordFailed]:
    """The one article of a saved web page (gzip'd or not); FormatError when it holds none."""
    data = piece.data or b""
    if data.startswith(b"\x1f\x8b"):
        data = gunzip_limited(data, piece.limit)
    if not data.strip():
        raise FormatError("an empty file")
    if _looks_binary(data[:_SNIFF]):
        raise FormatError("not a web page: binary data")
    page = extract_page(data)
    if page is None:
        raise FormatError("a web page with no article text")
    yield page


def extract_page(html: bytes | str, url: str | None = None) -> Extracted | None:
    """The article in a web page, or None when the page holds no main text. ``url`` is where
    the page was fetched from (a web archive's record), used when the page names no canonical
    address of its own."""
    import trafilatura

    text = decode_page(html) if isinstance(html, bytes) else html
    document = trafilatura.bare_extraction(
        text,
        url=url,
        with_metadata=True,
        include_comments=False,
        fast=len(text) > _LARGE_PAGE,
        date_extraction_params=_date_params(),
    )
    if document is None or not (document.text or "").strip():
        return None
    title = _one_line(document.title)
    body = _paragraphs(document.text, title)
    if not body or _only_links(body, text):
        return None
    date = _page_date(document.date)
    return Extracted(
        body=body,
        title=title,
        authors=_authors(document.author, _one_line(document.sitename)),
        date=date,
        outlet=_one_line(document.sitename) or None,
        url=document.url or url,
        notes="" if date else "no date in the page",
    )


def decode_page(data: bytes, charset: str | None = None) -> str:
    """A page's text: by its byte-order mark, as UTF-8 when it is valid UTF-8 (pages often
    declare latin-1 and are UTF-8), by ``charset`` (an HTTP header's), by the charset the page
    declares, else by detection."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    codec = _known_codec(charset) or _declared_codec(data[:_SNIFF]) or _detected_codec(data)
    return data.decode(codec, errors="replace")


def _declared_codec(head: bytes) -> str | None:
    """The codec a page's ``<meta>`` declares, if Python knows it."""
    match = _DECLARED_CHARSET.search(head)
    return _known_codec(match.group(1).decode("ascii")) if match else None


def _known_codec(label: str | None) -> str | None:
    """Python's codec for a charset label, None for an unknown one or a UTF label (the text
    is not valid UTF-8: the label is false). Latin-1 and ASCII are read as cp1252, their
    superset, as browsers do (pages so labelled hold curly quotes)."""
    import codecs

    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return None if name.startswith("utf") else name  # a false UTF-8 label: detect instead


def _detected_codec(data: bytes) -> str:
    """The likeliest single-byte codec of text that is not UTF-8 (charset-normalizer, held to
    the usual codecs of European newsrooms, which it tells apart best)."""
    from charset_normalizer import from_bytes

    sample = data if len(data) <= 20_000 else data[:10_000] + data[-10_000:]
    best = from_bytes(
        sample, cp_isolation=["cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "koi8_r", "iso8859_15"]
    ).best()
    return best.encoding if best else "cp1252"


def _looks_binary(head: bytes) -> bool:
    """Bytes no web page starts with: more than one in a hundred a NUL or another control
    character (an image, an archive; a stray NUL in a real page is let through). UTF-16 pages
    (NULs in every other byte) carry a byte-order mark and are let through."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return len(_CONTROL_BYTES.findall(head)) > len(head) // 100


def _date_params() -> dict:
    """htmldate's settings: the date the page was first published, from its metadata and
    marked-up dates only (see the module's docstring), and none later than today."""
    return {
        "original_date": True,
        "extensive_search": False,
        "max_date": datetime.date.today().isoformat(),
    }


def _page_date(text: str | None) -> datetime.date | None:
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _authors(text: str | None, outlet: str) -> tuple[str, ...]:
    """trafilatura joins a page's authors with ``; ``: split them, each name once, without the
    outlet itself (JSON-LD often names the site among the authors: "CNN")."""
    names = (_one_line(name) for name in (text or "").split(";"))
    return tuple(dict.fromkeys(name for name in names if name and name.casefold() != outlet.casefold()))


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _only_links(body: str, html: str) -> bool:
    """Whether the text found is the page's links and nothing else: a page of links (an
    index, a menu) that trafilatura's last-resort extractor returns whole. Only short lines
    are looked at: a paragraph of more than a few words is text."""
    paragraphs = body.split("\n\n")
    if any(len(paragraph.split()) > _LINK_WORDS for paragraph in paragraphs):
        return False
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return False
    links = {" ".join(link.text_content().split()) for link in tree.iter("a")}
    return sum(paragraph in links for paragraph in paragraphs) >= 0.8 * len(paragraphs)


def _paragraphs(text: str, title: str) -> str:
    """trafilatura's text (one block a line) as paragraphs apart by blank lines, without the
    headline when the page repeats it as the text's first line (the title holds it)."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0].casefold() == title.casefold():
        lines = lines[1:]
    return "\n\n".join(lines)
