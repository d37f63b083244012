"""An article a format's reader took out of a file, as the import keeps it: tidied, titled."""

import re

from catalog.importing.article_text import ArticleText, normalise_newlines, shorten, title_from_body
from catalog.importing.decoding import NotText
from catalog.importing.files import is_blank
from catalog.importing.formats import Extracted
from catalog.importing.header import parse_header

_TRAILING_SPACES = re.compile(r"[^\S\n]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")
#: Characters no text holds: C0 and C1 controls but tab, line and page breaks, and U+FFFD
#: (what a reader's lossy decoding leaves of bytes that were not text).
_JUNK = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\ufffd]")
#: A body with more junk than one character in this many is binary data read as text (a
#: random file named .eml), not an article with a stray control character.
JUNK_ONE_IN = 200


def article_of(item: Extracted, *, fallback_title: str) -> ArticleText:
    """``item`` as an article: its body with spaces tidied, its title (or the body's first
    sentence, or ``fallback_title``), and the collection's header line where the file has one
    (a Word file or PDF of an article from the collection): it fills what the format left out."""
    body = _tidy(item.body)
    if is_blank(body):
        raise NotText("no text found in it")
    junk = len(_JUNK.findall(body))
    if junk > max(2, len(body) // JUNK_ONE_IN):
        raise NotText("not text: looks like binary data")
    body = _JUNK.sub("", body) if junk else body
    date, authors, outlet = item.date, item.authors, item.outlet
    first, _, rest = body.partition("\n")
    header = parse_header(first)
    if header is not None and rest.strip():
        body = rest.strip()
        date = date or header.date
        authors = authors or header.authors
        outlet = outlet or header.outlet
    title = " ".join(_JUNK.sub("", item.title).split())
    return ArticleText(
        title=shorten(title, 500) if title else (title_from_body(body) or fallback_title),
        body=body,
        date=date,
        authors=tuple(" ".join(_JUNK.sub("", name).split()) for name in authors if name.strip()),
        outlet=" ".join(_JUNK.sub("", outlet).split()) if outlet and outlet.strip() else None,
        url=item.url.strip() if item.url and item.url.strip() else None,
        notes=item.notes.strip(),
        summary=item.summary.strip(),
        topics=tuple(topic.strip() for topic in item.topics if topic.strip()),
    )


def _tidy(text: str) -> str:
    text = normalise_newlines(text).replace("\x00", "")
    text = _TRAILING_SPACES.sub("\n", text)
    return _BLANK_LINES.sub("\n\n", text).strip()
