"""CSL-JSON files (what Zotero, Mendeley and ``catalog export-csl`` write): each item an article.

A file is a list of items, or one item. Every item of any type (newspaper article, web page,
book…) is read: ``title``; authors from ``author`` (``given`` and ``family``, or ``literal``);
the date from ``issued`` (``date-parts``, a year or a month kept as one, or ``raw``/``literal``
text); the outlet from ``container-title``; ``URL``; the summary from ``abstract``; topics
from ``keyword`` (semicolons apart, or commas) and from ``tags``. CSL has no field for an
article's text, and the catalogue needs one: the body is the ``note`` when it is longer than
the abstract (an ``export-csl --with-text`` file carries the text there), else the abstract,
else the title.

The CSL schema requires ``id`` and ``type``: an item without them is reported, the others
read. JSON that is no CSL at all (a Catalog export, some other list) is refused whole, in words.
"""

import datetime
import html
import json
import re
from collections.abc import Iterator

from catalog.dates import DateError, PartialDate, parse_date
from catalog.importing.decoding import NotText, decode_text
from catalog.importing.formats import Extracted, FormatError, Piece, RecordFailed

_MARKUP = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")
#: The tags that tell an abstract or a note is HTML (Zotero's notes, Crossref's JATS abstracts),
#: so a plain text that mentions "<10 km>" stays as it is.
_HTML_HINT = re.compile(
    r"(?i)</?(?:p|br|div|span|i|b|em|strong|a|sup|sub|li|ul|ol|h[1-6]|blockquote|jats:[\w-]+)(?:\s[^<>]*)?/?>"
)
_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(?:p|div|li|h[1-6]|jats:p)>")


class PartialDay(datetime.date):
    """A date known to the year or the month only: its first day (as the catalogue stores it)
    with ``precision`` ("year" or "month"); a full date is a plain ``datetime.date``. Made by
    ``partial_day``; pickles (the import's worker processes send articles back) as itself."""

    precision: str

    def __reduce__(self):
        month = self.month if self.precision == "month" else None
        return (partial_day, (self.year, month, None))


def partial_day(year: int, month: int | None = None, day: int | None = None) -> datetime.date:
    """The date of a year, a month or a day; raises ValueError for one that does not exist."""
    checked = PartialDate(year, month, day)
    if checked.precision == "day":
        return checked.first_day()
    made = PartialDay(year, month or 1, 1)
    made.precision = checked.precision
    return made


def read(piece: Piece) -> Iterator[Extracted | RecordFailed]:
    items = _items(_parsed(piece.data or b""))
    seen: set[str] = set()
    for number, item in enumerate(items, 1):
        place = _place(item, number, seen)
        problem = _invalid(item)
        if problem:
            yield RecordFailed(place, problem)
            continue
        article = _article(item, place)
        if article is None:
            yield RecordFailed(place, "an item with no title, abstract or note: no text to import")
        else:
            yield article


def _parsed(data: bytes):
    try:
        text = decode_text(data)
    except NotText as exc:
        raise FormatError(str(exc)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"not valid JSON ({exc.msg}, line {exc.lineno} column {exc.colno})") from None


def _items(document) -> list:
    """The items of a CSL-JSON document; FormatError, in words, when it is not one."""
    if isinstance(document, dict):
        if document.get("format") == "catalog-export":
            raise FormatError("a Catalog JSON export, not CSL-JSON: use catalog import-json")
        if "type" not in document:
            raise FormatError('JSON that is not CSL-JSON: an object without "type" (not a citation item)')
        return [document]
    if not isinstance(document, list):
        raise FormatError("JSON that is not CSL-JSON: neither a list of items nor an item")
    if not document:
        raise FormatError("an empty CSL-JSON list: no items in it")
    if not any(isinstance(item, dict) and "type" in item for item in document):
        raise FormatError('JSON that is not CSL-JSON: none of its entries is an item with a "type"')
    return document


def _place(item, number: int, seen: set[str]) -> str:
    """``item=<id>``, or ``item=<number>`` when the item has no id or one used before."""
    given = item.get("id") if isinstance(item, dict) else None
    key = str(given).strip() if isinstance(given, (str, int)) and not isinstance(given, bool) else ""
    if not key or key in seen:
        return f"item={number}"
    seen.add(key)
    return f"item={key}"


def _invalid(item) -> str:
    """What the CSL schema's required fields lack in ``item``, in words; "" when valid."""
    if not isinstance(item, dict):
        return f"not a CSL item (a JSON {type(item).__name__}, not an object)"
    missing = [name for name in ("id", "type") if item.get(name) in (None, "")]
    if missing:
        return f"a CSL item without {' or '.join(repr(name) for name in missing)} (CSL-JSON requires both)"
    if not isinstance(item["type"], str):
        return 'a CSL item whose "type" is not text'
    return ""


def _article(item: dict, place: str) -> Extracted | None:
    title = " ".join(_text(item.get("title")).split())
    summary = plain_text(_text(item.get("abstract")))
    note = plain_text(_text(item.get("note")))
    body = choose_body(note, summary, title)
    if not body:
        return None
    date, date_note = _date(item.get("issued"))
    notes = [date_note] if date_note else []
    if note and body != note:
        notes.append(f"note: {note}")
    return Extracted(
        body=body,
        title=title,
        authors=tuple(filter(None, (person_name(name) for name in _list(item.get("author"))))),
        date=date,
        outlet=_text(item.get("container-title")) or None,
        url=_text(item.get("URL")) or None,
        notes="\n".join(notes),
        place=place,
        topics=_topics(item),
        summary=summary,
    )


def choose_body(full_text: str, summary: str, title: str) -> str:
    """The article's text: the full text when longer than the summary, else the summary, else
    the title (the catalogue needs a body: its fingerprint is of the body)."""
    if full_text and len(full_text) > len(summary):
        return paragraphs(full_text)
    return paragraphs(summary or title)


def paragraphs(text: str) -> str:
    """The text's lines without trailing spaces, its paragraphs as they are: apart by blank
    lines (the import makes a body of them as of a text file's; kept here, a round trip of an
    export gives back the very text, and the same fingerprint)."""
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def plain_text(text: str) -> str:
    """Text without the HTML some producers put in abstracts and notes (``<p>``, JATS)."""
    if not _HTML_HINT.search(text):
        return text.strip()
    text = html.unescape(_MARKUP.sub("", _BLOCK_END.sub("\n\n", text)))
    # In HTML a line break is a space: paragraphs are the blocks, each on one line.
    blocks = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text))
    return "\n\n".join(block for block in blocks if block)


def person_name(name) -> str:
    """A CSL name as the catalogue writes a by-line: "Given particle Family Suffix", or the literal."""
    if isinstance(name, str):
        return " ".join(name.split())
    if not isinstance(name, dict):
        return ""
    if name.get("literal"):
        return " ".join(str(name["literal"]).split())
    keys = ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")
    return " ".join(" ".join(str(name.get(key) or "").split()) for key in keys if name.get(key))


def _date(issued) -> tuple[datetime.date | None, str]:
    """(the date, "" or a note saying what was not understood) of a CSL ``issued``."""
    if not issued:
        return None, ""
    try:
        if isinstance(issued, dict) and issued.get("date-parts"):
            return _from_parts(issued["date-parts"][0]), ""
        text = issued if isinstance(issued, str) else issued.get("raw") or issued.get("literal") or ""
        found = parse_date(str(text))
        return (partial_day(found.year, found.month, found.day) if found else None), ""
    except (DateError, ValueError, TypeError, IndexError, KeyError, AttributeError):
        return None, f"date not understood: {json.dumps(issued, ensure_ascii=False)[:200]}"


def _from_parts(parts: list) -> datetime.date:
    numbers = [int(part) for part in parts[:3] if str(part).strip() not in ("", "0")]
    return partial_day(*numbers)


def _topics(item: dict) -> tuple[str, ...]:
    """Topics from ``keyword`` (a string of commas or semicolons, or a list) and ``tags``
    (strings, or Zotero's ``{"tag": …}`` objects), each once."""
    found: list[str] = []
    keyword = item.get("keyword")
    if isinstance(keyword, str):  # semicolons apart when there are any, else commas
        found += re.split(r"[;\n]" if ";" in keyword else r"[,\n]", keyword)
    else:
        found += [_text(word) for word in _list(keyword)]
    for tag in _list(item.get("tags")):
        found.append(tag.get("tag", "") if isinstance(tag, dict) else _text(tag))
    cleaned = (" ".join(str(word).split()) for word in found)
    return tuple(dict.fromkeys(word for word in cleaned if word))


def _text(value) -> str:
    """A CSL text value: a string, a number, or the first of a list (as Crossref writes titles)."""
    if isinstance(value, list):
        value = next((part for part in value if isinstance(part, (str, int, float))), "")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    return str(value).strip()


def _list(value) -> list:
    return value if isinstance(value, list) else []
