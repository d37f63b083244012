"""News feeds (RSS 2.0, Atom, RDF; ``.rss``, ``.atom``, ``.xml``): every item an article.

An item's full content (``content:encoded``, Atom ``content``) is its body, else its summary;
its HTML becomes paragraphs. The item's author, date (published, else updated) and link, and
the channel's title as the outlet. ``html_paragraphs`` also serves e-mail's HTML parts.
"""

import datetime
import email.utils
import io
import re
from collections.abc import Iterator

from catalog.importing.formats import Extracted, FormatError, Piece, RecordFailed

#: Elements that start a new paragraph (or line, for ``br``) in simple HTML.
_BLOCKS = frozenset(
    ("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure")
    + ("footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p")
    + ("pre", "section", "table", "td", "th", "tr", "ul")
)
_NOT_TEXT = ("script", "style", "noscript", "template", "head")
_WHITESPACE = re.compile(r"\s+")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_TAG = re.compile(r"<[^<>]*>")  # not [^>]: a run of "<" would be scanned again from each one
_WHOLE_PAGE = re.compile(r"(?i)<(?:html|body)[\s>]")


def read(piece: Piece) -> Iterator[Extracted | RecordFailed]:
    import feedparser

    data = piece.data or b""
    if not data.strip():
        raise FormatError("an empty file")
    # A stream, never a string: feedparser fetches a string that looks like an address.
    feed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if not feed.entries:
        if feed.bozo:
            raise FormatError(
                f"a malformed feed, no item could be read ({_reason(feed.get('bozo_exception'))})"
            )
        if not feed.version:
            raise FormatError("not an RSS, Atom or RDF feed")
        raise FormatError("a feed with no items")
    outlet = _plain(feed.feed.get("title", "")) or None
    for number, entry in enumerate(feed.entries, start=1):
        yield _article(entry, number, outlet)


def _article(entry, number: int, outlet: str | None) -> Extracted | RecordFailed:
    link = (entry.get("link") or "").strip()
    place = f"item={link or number}"
    title = _plain(entry.get("title", ""))
    content = _full_content(entry)
    summary = _text(entry.get("summary_detail") or {}) if "summary" in entry else ""
    body = content or summary
    if not body:
        what = ("only a title and a link" if link else "only a title") if title else "no title or text"
        return RecordFailed(place, f"an item with no text: {what} (the feed carries no content)")
    return Extracted(
        body=body,
        title=title,
        authors=_authors(entry),
        date=_date(entry),
        outlet=outlet,
        url=link or None,
        place=place,
        summary=summary if content and summary and summary != content else "",
    )


def _full_content(entry) -> str:
    """The longest of the item's content elements, as text (feeds may carry a text and an HTML one)."""
    texts = [_text(detail) for detail in entry.get("content") or []]
    return max(texts, key=len, default="")


def _text(detail) -> str:
    """A feed text construct's value as paragraphs: HTML converted, plain text kept."""
    value = detail.get("value") or ""
    kind = (detail.get("type") or "text/html").lower()
    if "html" not in kind and "<" not in value:
        return "\n\n".join(_plain(part) for part in _PARAGRAPH_BREAK.split(value) if part.strip())
    if _WHOLE_PAGE.search(value):
        from catalog.importing.formats.html import extract_page

        page = extract_page(value)
        if page is not None:
            return page.body
    return "\n\n".join(html_paragraphs(value))


def _plain(text: str) -> str:
    """A title or name on one line, without the markup some feeds leave in it."""
    if "<" in text:
        text = " ".join(html_paragraphs(text))
    return " ".join(text.split())


def _authors(entry) -> tuple[str, ...]:
    names = [_plain(author.get("name") or "") for author in entry.get("authors") or []]
    names = [name for name in names if name]
    if not names and entry.get("author"):
        names = [_plain(entry["author"])]
    return tuple(dict.fromkeys(names))


def _date(entry) -> datetime.date | None:
    """The day the item was published (else updated), as the feed wrote it: feedparser's own
    reading is in UTC, a day early for a morning story east of Greenwich."""
    for key in ("published", "updated", "created"):
        day = _written_day(entry.get(key) or "") or _parsed_day(entry.get(f"{key}_parsed"))
        if day:
            return day
    return None


def _written_day(text: str) -> datetime.date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return email.utils.parsedate_to_datetime(text).date()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return datetime.datetime.fromisoformat(text).date()  # Atom: RFC 3339
    except ValueError:
        return None


def _parsed_day(parsed) -> datetime.date | None:
    try:
        return datetime.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
    except (ValueError, AttributeError):
        return None


def _reason(exc) -> str:
    text = " ".join(str(exc or "").split())
    return text[:160] or "not XML"


def html_paragraphs(html: str) -> list[str]:
    """The text of an HTML fragment in paragraphs: one per block element (``p``, ``li``,
    headings, …), ``br`` kept as a line break, scripts and styles dropped."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return [" ".join(html.split())] if html.strip() else []
    # Comments too: the walk below does not visit them, and would lose the text after one.
    for hidden in root.xpath("|".join([*(f".//{tag}" for tag in _NOT_TEXT), ".//comment()"])):
        hidden.drop_tree()  # keeps the text that follows it
    parts: list[str] = []
    # Walked, not recursed: crafted nesting must not reach Python's recursion limit.
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCKS:
                parts.append("\n\n")
            elif tag == "br":
                parts.append("\n")
            if tag and element.text:
                parts.append(_WHITESPACE.sub(" ", element.text))
            continue
        if tag in _BLOCKS:
            parts.append("\n\n")
        if element is not root and element.tail:
            parts.append(_WHITESPACE.sub(" ", element.tail))
    return _split_paragraphs("".join(parts)) or _without_tags(html)


def _without_tags(html: str) -> list[str]:
    """The text of HTML the parser gave up on (nested past its depth limit), on one line."""
    text = " ".join(_TAG.sub(" ", html).split())
    return [text] if text else []


def _split_paragraphs(text: str) -> list[str]:
    paragraphs = []
    for block in _PARAGRAPH_BREAK.split(text):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return paragraphs
