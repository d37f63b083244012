"""The kinds of file articles arrive in, told apart by content, and what each reader gives.

Every format module here (``html``, ``pdf``, ``docx``, ``email``, ``mbox``, ``feed``,
``warc``, ``csl``, ``ris``) has one function::

    read(piece: Piece) -> Iterator[Extracted | RecordFailed]

A whole-file format reads ``piece.data`` (the file's bytes, at most the import's size limit);
a container (a mailbox, a web archive) too large to hold at once is cut into pieces by its
module's ``spans(path, limit)`` (byte ranges of whole records, found in one streaming pass)
and each piece is read from the file by its range, in the import's worker processes. A
reader raises ``FormatError`` when the whole file is unusable (an encrypted PDF, a zip
renamed ``.docx``) and yields ``RecordFailed`` for one record of a container that is (a
message whose text cannot be decoded): the others are still read.

The modules are imported only when a file of their kind turns up: the extractors (trafilatura
and its dependencies) take a second to load, which an import of text files never pays.
"""

import datetime
import importlib
import os
import re
import zlib
from dataclasses import dataclass


class FormatError(Exception):
    """A file of a known format that holds no article; the message says why, for people."""


@dataclass(frozen=True, slots=True)
class Extracted:
    """One article taken out of a file."""

    body: str  #: paragraphs apart by blank lines
    title: str = ""  #: "" lets the import title it as it titles a text file
    authors: tuple[str, ...] = ()
    date: datetime.date | None = None
    outlet: str | None = None
    url: str | None = None  #: the page's canonical address, an item's link, a record's URL
    notes: str = ""  #: what the reader noticed for the user (attachments, "no date in the page")
    #: Where in a container the article was: ``message=3``, ``item=https://…``,
    #: ``record=https://…``; "" for a file that is one article. The article's source is the
    #: file's path, ``#`` and this.
    place: str = ""
    topics: tuple[str, ...] = ()  #: tags (CSL-JSON and RIS carry them)
    summary: str = ""  #: an abstract (CSL-JSON and RIS)


@dataclass(frozen=True, slots=True)
class RecordFailed:
    """One record of a container that is not an article, and why."""

    place: str
    reason: str


@dataclass(frozen=True, slots=True)
class Piece:
    """What a reader reads: a whole file's bytes, or a byte range of a container."""

    path: str
    format: str
    data: bytes | None = None  #: the file's bytes, for a whole-file format
    start: int = 0  #: for a container read in pieces: where its records begin…
    stop: int | None = None  #: …and end (None: the end of the file)
    #: For a container read in pieces: the number of the piece's first record (1-based), so
    #: ``message=N`` counts across pieces.
    first_number: int = 1
    limit: int = 10 * 1024 * 1024  #: the largest record read (the import's ``--max-size``)
    last: bool = True  #: the file's last piece (progress counts a file once it is done)


#: Each format, the names of the files it is looked for in (matched case-insensitively), and
#: what ``--types`` calls it.
TYPES: dict[str, tuple[str, ...]] = {
    "text": ("*.txt",),
    "html": ("*.html", "*.htm", "*.xhtml", "*.html.gz", "*.htm.gz"),
    "pdf": ("*.pdf",),
    "docx": ("*.docx",),
    "eml": ("*.eml",),
    "mbox": ("*.mbox",),
    "feed": ("*.rss", "*.atom", "*.xml"),
    "warc": ("*.warc", "*.warc.gz"),
    "csl": ("*.json",),
    "ris": ("*.ris",),
}
#: Other names ``--types`` takes for the same formats.
TYPE_ALIASES: dict[str, tuple[str, ...]] = {
    "txt": ("text",),
    "htm": ("html",),
    "web": ("html",),
    "word": ("docx",),
    "email": ("eml", "mbox"),
    "mail": ("eml", "mbox"),
    "rss": ("feed",),
    "atom": ("feed",),
    "feeds": ("feed",),
    "json": ("csl",),
    "csl-json": ("csl",),
    "zotero": ("csl", "ris"),
}
#: Containers cut into pieces by byte ranges (their modules have ``spans``).
CONTAINERS = ("mbox", "warc")
#: How many bytes of a file tell its format.
HEAD_BYTES = 4096


def type_names(text: str) -> tuple[str, ...]:
    """The formats a ``--types`` value names: ``pdf,html`` or ``.pdf .docx`` or ``email``
    (commas or spaces, any case, a leading dot or ``*.`` allowed); raises ValueError naming
    the one it does not know."""
    chosen: dict[str, None] = {}
    for word in re.split(r"[\s,;]+", text.strip().casefold()):
        name = word.removeprefix("*").removeprefix(".")
        if not name:
            continue
        if name in TYPES:
            chosen[name] = None
        elif name in TYPE_ALIASES:
            chosen.update(dict.fromkeys(TYPE_ALIASES[name]))
        else:
            by_pattern = [kind for kind, patterns in TYPES.items() if f"*.{name}" in patterns]
            if not by_pattern:
                known = ", ".join(TYPES)
                raise ValueError(f"not a type of file Catalog imports: {word!r} (the types: {known})")
            chosen.update(dict.fromkeys(by_pattern))
    if not chosen:
        raise ValueError("no type named: give one or more of " + ", ".join(TYPES))
    return tuple(chosen)


def patterns_of(types: tuple[str, ...] | list[str] = tuple(TYPES)) -> tuple[str, ...]:
    """The file-name patterns of ``types``, each once."""
    return tuple(dict.fromkeys(pattern for kind in types for pattern in TYPES[kind]))


#: What ``catalog import`` takes from folders unless told otherwise: every type.
DEFAULT_PATTERNS = patterns_of()

_MAIL_HEADER = re.compile(
    rb"(?im)^(?:from|to|subject|date|received|return-path|message-id|mime-version|delivered-to)[ \t]*:"
)
_HTML_START = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]", re.IGNORECASE | re.DOTALL
)
_XML_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
#: A mailbox's first separator line ("From sender date") and a header after it.
_MBOX_START = re.compile(rb"From \S+[^\n]*\n[!-9;-~]+:")
_RIS_START = re.compile(rb"\s*TY {1,2}- ")


def detect(path: str, head: bytes) -> str:
    """The format of a file whose first bytes are ``head``, by its content first (a ``.txt``
    that is a web page is read as one, a ``.html`` that is a PDF as a PDF), by its name where
    content says nothing: one of TYPES' names."""
    name = os.path.basename(path).casefold()
    head = _as_utf8(head.removeprefix(b"\xef\xbb\xbf"))
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"  # the reader says so if the zip holds no Word document
    if head.startswith(b"\x1f\x8b"):
        return _gzipped(name, head)
    if head.startswith(b"WARC/"):
        return "warc"
    if _MBOX_START.match(head):
        return "mbox"
    stripped = head.lstrip()
    if stripped.startswith((b"<?xml", b"<rss", b"<feed")):
        return (
            "feed"
            if _XML_FEED.search(head)
            else _by_name(name, "html" if b"<html" in head.lower() else "feed")
        )
    if _HTML_START.match(head):
        return "html"
    if _RIS_START.match(head):
        return "ris"
    if stripped[:1] in (b"[", b"{") and name.endswith(".json"):
        return "csl"
    if _looks_like_mail(head):
        return "eml"
    return _by_name(name, "text", head)


def _as_utf8(head: bytes) -> bytes:
    """A head in UTF-16 or UTF-32 with a byte-order mark as UTF-8, so its content tells too."""
    for bom, encoding in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, "ignore").encode("utf-8")
    return head


def _by_name(name: str, otherwise: str, head: bytes = b"") -> str:
    for kind, patterns in TYPES.items():
        if kind != "text" and any(name.endswith(pattern[1:]) for pattern in patterns):
            if kind in ("feed", "csl"):  # .xml and .json hold many things: content decided above
                continue
            if kind == "html" and b"<" not in head:  # a page without a single tag is text
                continue
            return kind
    return otherwise


def _gzipped(name: str, head: bytes) -> str:
    """A gzip file: a web archive (``.warc.gz``) or a saved page (``.html.gz``), by what its
    first bytes unpack to."""
    try:
        inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 256)
    except zlib.error:
        inner = b""
    if inner.startswith(b"WARC/") or name.endswith(".warc.gz"):
        return "warc"
    return "html"


def _looks_like_mail(head: bytes) -> bool:
    """A message's headers: the first line a header, and at least three of the usual ones."""
    first = head.split(b"\n", 1)[0]
    if b":" not in first or first.startswith((b" ", b"\t")):
        return False
    return len(_MAIL_HEADER.findall(head.split(b"\n\n", 1)[0])) >= 3


def reader(format_name: str):
    """The module that reads ``format_name`` (imported now, the first time it is needed)."""
    module = "email_message" if format_name == "eml" else format_name
    return importlib.import_module(f"{__name__}.{module}")


def gunzip_limited(data: bytes, limit: int) -> bytes:
    """``data`` unpacked, refused past ``limit`` bytes (a small bomb unpacks to gigabytes)."""
    stream = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = stream.decompress(data, limit + 1)
    except zlib.error as exc:
        raise FormatError(f"damaged gzip data ({exc})") from None
    if len(out) > limit:
        raise FormatError(f"unpacks to more than the limit of {limit:,} bytes")
    return out


__all__ = [
    "CONTAINERS",
    "DEFAULT_PATTERNS",
    "TYPES",
    "Extracted",
    "FormatError",
    "Piece",
    "RecordFailed",
    "detect",
    "gunzip_limited",
    "patterns_of",
    "reader",
    "type_names",
]
