"""E-mail messages (``.eml``): one article a message, from its text and its headers.

The subject is the title, the sender's name the author, ``Date:`` the date and
``Organization:`` (else the sender's domain) the outlet. The plain-text part is preferred;
an HTML-only message goes through the web-page extractor. Attachments are listed in the
notes, not imported. ``mbox`` reads every message of a mailbox with ``article_of``.
"""

import email
import email.utils
import re
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage

from catalog.importing.formats import Extracted, FormatError, Piece, RecordFailed

_BLANK_LINES = re.compile(r"\n\s*\n")
#: A plain part shorter than this may be a stub of the HTML part.
_STUB_CHARS = 300
#: A hard-wrapped paragraph's lines are at least this long, bar its last.
_WRAPPED_LINE = 50


#: What the lenient e-mail parser still trips over on a damaged message.
UNREADABLE = (ValueError, TypeError, LookupError, IndexError, AttributeError)


class NotAnArticle(Exception):
    """A message with no text to import; the message says why, for people."""


def read(piece: Piece) -> Iterator[Extracted | RecordFailed]:
    data = piece.data or b""
    if not data.strip():
        raise FormatError("an empty file")
    try:
        article = article_of(parse(data))
    except NotAnArticle as exc:
        raise FormatError(str(exc)) from None
    except UNREADABLE as exc:
        raise FormatError(f"a message that cannot be read ({reason_of(exc)})") from None
    yield article


def parse(data: bytes) -> EmailMessage:
    """The message in ``data`` (any line endings), its headers decoded as the standard says."""
    return email.message_from_bytes(data, policy=policy.default)


def article_of(message: EmailMessage, place: str = "") -> Extracted:
    """The article a message holds; raises NotAnArticle for one with no text."""
    if message.get_content_type() == "multipart/encrypted":
        raise NotAnArticle("an encrypted message: its text cannot be read without the key")
    body = _body(message)
    attachments = _attachments(message)
    if not body:
        listed = f" (only attachments: {', '.join(attachments)})" if attachments else ""
        raise NotAnArticle(f"a message with no text in it{listed}")
    name, address = _sender(message)
    return Extracted(
        body=body,
        title=_header(message, "subject"),
        authors=(name,) if name else (),
        date=_date(message),
        outlet=_header(message, "organization") or _domain(address) or None,
        url=_header(message, "archived-at").strip("<>") or None,  # RFC 5064: the message on the web
        notes=f"Attachments: {', '.join(attachments)}" if attachments else "",
        place=place,
    )


def reason_of(exc: Exception) -> str:
    """An exception's message on one short line, for people."""
    return " ".join(str(exc).split())[:160] or type(exc).__name__


def _header(message: EmailMessage, name: str) -> str:
    """A header's decoded text on one line ("" when missing or beyond repair)."""
    try:
        value = message.get(name)
    except (ValueError, TypeError, IndexError, AttributeError):
        # A header the parser cannot make sense of: its raw text is better than nothing.
        value = next((raw for key, raw in message.raw_items() if key.lower() == name), "")
    return " ".join(str(value or "").split())


def _sender(message: EmailMessage) -> tuple[str, str]:
    """The sender's name (else the local part of the address) and address."""
    name, address = email.utils.parseaddr(_header(message, "from"))
    name = name.strip().strip("\"'").strip()
    if not name and "@" in address:
        name = address.split("@", 1)[0]
    return name, address


def _domain(address: str) -> str:
    return address.rpartition("@")[2].strip().strip(">").lower() if "@" in address else ""


def _date(message: EmailMessage):
    text = _header(message, "date")
    if not text:
        return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _body(message: EmailMessage) -> str:
    """The message's text: the plain part when it says something, else the HTML part's article.
    A newsletter's plain part is sometimes only "view this e-mail in your browser": a short
    one gives way to an HTML part with far more text."""
    plain_part = message.get_body(preferencelist=("plain",))
    html_part = message.get_body(preferencelist=("html",))
    plain = _paragraphs(_text_of(plain_part)) if plain_part is not None else ""
    if html_part is None or (plain and not _stub(plain, html_part)):
        return plain
    return _html_text(_text_of(html_part)) or plain


def _stub(plain: str, html_part) -> bool:
    if len(plain) >= _STUB_CHARS:
        return False
    from catalog.importing.formats.feed import html_paragraphs

    return sum(map(len, html_paragraphs(_text_of(html_part)))) > 3 * len(plain)


def _text_of(part) -> str:
    """A part's text, decoded from its transfer encoding and charset (a wrong or unknown
    charset is detected from the bytes instead)."""
    try:
        return part.get_content()
    except (LookupError, UnicodeError, AssertionError, ValueError):
        payload = part.get_payload(decode=True) or b""
    from catalog.importing.decoding import NotText, decode_text

    try:
        return decode_text(payload)
    except NotText:
        return payload.decode("utf-8", "replace")


def _paragraphs(text: str) -> str:
    """Plain text as paragraphs apart by blank lines: the lines of a hard-wrapped paragraph
    are joined (mail is wrapped at 72 or so characters), other line breaks kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = []
    for block in _BLANK_LINES.split(text):
        lines = [line.strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        wrapped = len(lines) > 1 and all(len(line) >= _WRAPPED_LINE for line in lines[:-1])
        paragraphs.append(" ".join(lines) if wrapped else "\n".join(lines))
    return "\n\n".join(paragraphs)


def _html_text(html: str) -> str:
    """The article in an HTML part (the web-page extractor), else all of its text in paragraphs."""
    if not html.strip():
        return ""
    from catalog.importing.formats.feed import html_paragraphs
    from catalog.importing.formats.html import extract_page

    page = extract_page(html)
    if page is not None and page.body.strip():
        return page.body
    return "\n\n".join(html_paragraphs(html))


def _attachments(message: EmailMessage) -> list[str]:
    """Each attached file's name and size ("report.pdf (12 KB)")."""
    found = []
    for part in message.walk():
        if part.is_multipart() or not part.is_attachment():
            continue
        try:
            name = part.get_filename() or f"unnamed {part.get_content_type()}"
        except (ValueError, TypeError, IndexError):
            name = "unnamed attachment"
        payload = part.get_payload(decode=True) or b""
        found.append(f"{' '.join(name.split())} ({_size(len(payload))})")
    return found


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{round(count / 1024):,} KB"
    return f"{count / (1024 * 1024):.1f} MB"
