"""PDF files (``.pdf``): the text layer in reading order, in paragraphs, and the metadata.

pypdf gives each run of text with its place on the page; lines are rebuilt from those places
and paragraphs from the space between lines, so a wrapped paragraph reads as one. Running
heads and page numbers repeated on every page are dropped.
"""

import datetime
import io
import itertools
import logging
import re
import statistics
import struct
import warnings
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from catalog.importing.formats import Extracted, FormatError, Piece, RecordFailed

# pypdf reports every repair of a damaged file as a warning through logging; with no handler
# Python would print them on the terminal ("last resort"), and a handler the command line sets
# up would too: the reader says what matters in its own words instead.
logging.getLogger("pypdf").addHandler(logging.NullHandler())
logging.getLogger("pypdf").setLevel(logging.ERROR)

#: Ligatures some fonts map to one character, spelled out for search.
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_SPACES = re.compile(r"[^\S\n]+")
#: Control characters a font without a proper character map gives for some glyphs.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: A line that is only a page number: "7", "- 7 -", "Page 7", "7 of 12", "7/12".
_PAGE_NUMBER = re.compile(r"(?i)^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$")
_PUNCTUATION = ".,;:!?\"'“”‘’()[]«»"
_ENDS_SENTENCE = re.compile(r"[.!?…:][\"'”’»)\]]*$")
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE_IN_TEXT = re.compile(
    rf"(?i)\b(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|"
    rf"(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b"
)
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")
#: Titles producers write on their own, which name nothing.
_NO_TITLE = re.compile(r"(?i)^(untitled|microsoft word - .*|.*\.(docx?|pdf|indd|rtf|odt|txt|qxp))$")
#: How many of the first lines a date is looked for in.
_DATE_LINES = 12


#: What pypdf raises on a damaged file: whichever error the damage leads it to.
_DAMAGE = (
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    LookupError,
    RecursionError,
    ZeroDivisionError,
    AssertionError,
    NotImplementedError,
    OSError,
    zlib.error,
    struct.error,
)


@dataclass(slots=True)
class Line:
    """One line of a page: its text, where it starts (PDF points, y upwards) and its type size."""

    text: str
    x: float
    y: float
    size: float
    page: int


def read(piece: Piece) -> Iterator[Extracted | RecordFailed]:
    from pypdf.errors import PyPdfError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield _read(piece.data or b"")
    except FormatError:
        raise
    except (PyPdfError, *_DAMAGE) as exc:
        raise FormatError(f"a damaged PDF that cannot be read ({_reason(exc)})") from None


def _read(data: bytes) -> Extracted:
    from pypdf import PdfReader

    if not data.strip():
        raise FormatError("an empty file")
    # Readers look for the end marker in the last kilobytes: a file without one was cut short.
    if b"%%EOF" not in data[-2048:]:
        raise FormatError("a damaged PDF: the file is cut short (it has no end marker)")
    document = PdfReader(io.BytesIO(data), strict=False)
    _open(document)
    pages, unread = _pages(document)
    if not any(pages):
        if unread:
            raise FormatError(f"a damaged PDF: no page could be read ({unread[0]})")
        raise FormatError(f"scanned, no text: {len(pages)} page(s) of pictures without a text layer")
    lines = without_running_lines(pages)
    info = _metadata(document)
    heading = _heading_lines(lines)
    headline = " ".join(line.text for line in heading)
    title = info.get("title") or ""
    if heading and (not title or _same(title, headline)):
        title = headline  # the headline is the title, not the body's first paragraph
        lines = lines[len(heading) :]
    body = "\n\n".join(paragraphs_of(lines))
    if not body:
        raise FormatError("scanned, no text: the PDF's text layer is empty")
    date = info.get("date") or date_in_lines([line.text for line in lines[:_DATE_LINES]])
    authors = tuple(info["authors"]) if info.get("authors") else ()
    notes = f"Pages that could not be read: {', '.join(unread)}" if unread else ""
    return Extracted(body=body, title=title, authors=authors, date=date, notes=notes)


def _pages(document) -> tuple[list[list[Line]], list[str]]:
    """Each page's lines; a damaged page is left out and named ("page 3 (reason)"), so the
    others are still read."""
    from pypdf.errors import PyPdfError

    pages, unread = [], []
    for number, page in enumerate(document.pages):
        try:
            pages.append(page_lines(page, number))
        except (PyPdfError, *_DAMAGE) as exc:
            pages.append([])
            unread.append(f"page {number + 1} ({_reason(exc)})")
    return pages, unread


def _open(document) -> None:
    """Open an encrypted PDF with the empty password, as readers do; say why when that fails."""
    if not document.is_encrypted:
        return
    from pypdf.errors import DependencyError

    try:
        opened = document.decrypt("")
    except DependencyError:
        raise FormatError("an encrypted PDF (AES): it cannot be opened without a password") from None
    except NotImplementedError as exc:
        raise FormatError(f"an encrypted PDF that cannot be opened ({exc})") from None
    if not opened:
        raise FormatError("an encrypted PDF: it needs a password to open")


def _metadata(document) -> dict:
    """Title, authors and creation date from the document information, where they say something."""
    from pypdf.errors import PyPdfError

    try:
        info = document.metadata or {}
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        # A damaged information dictionary is no reason to lose the text.
        return {}
    found = {}
    title = " ".join(str(info.get("/Title") or "").split())
    if title and not _NO_TITLE.match(title):
        found["title"] = title
    author = " ".join(str(info.get("/Author") or "").split())
    if author:
        found["authors"] = [
            name.strip() for name in re.split(r"\s*(?:;|\band\b|&)\s*", author) if name.strip()
        ]
    found["date"] = pdf_date(str(info.get("/CreationDate") or ""))
    return found


def _heading_lines(lines: list[Line]) -> list[Line]:
    """The first lines when they are set larger than the text (a headline), at most three, in
    the same type (a byline or a subtitle below it is set smaller)."""
    if len(lines) < 2:
        return []
    body_size = statistics.median(line.size for line in lines)
    first = lines[0]
    if first.size <= body_size * 1.15:
        return []
    heading = []
    for line in lines[:3]:
        if line.page != first.page or abs(line.size - first.size) > 0.05 * first.size:
            break
        heading.append(line)
    return heading if sum(len(line.text) for line in heading) <= 200 else []


def _same(one: str, other: str) -> bool:
    return one.casefold().split() == other.casefold().split()


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:160] if text else type(exc).__name__


# --- Lines and paragraphs ---------------------------------------------------------------------


def page_lines(page, number: int) -> list[Line]:
    """The lines of a page in the order its text is drawn (reading order for most producers)."""
    lines: list[Line] = []
    texts: list[list[str]] = []  # each line's runs, joined once at the end
    current: Line | None = None

    def visit(text, cm, tm, font, size):
        nonlocal current
        for index, part in enumerate(text.split("\n")):
            if index:
                current = None
            if not part.strip():
                if current is not None:
                    texts[-1].append(part)
                continue
            x, y, scale = _placed(cm, tm)
            height = max(size * scale, 1.0)
            if current is None or abs(y - current.y) > 0.5 * max(height, current.size):
                current = Line("", x, y, height, number)
                lines.append(current)
                texts.append([])
            texts[-1].append(part)
            current.size = max(current.size, height)

    page.extract_text(visitor_text=visit)
    for line, runs in zip(lines, texts, strict=True):
        line.text = _SPACES.sub(" ", _CONTROL.sub("", "".join(runs).translate(_LIGATURES))).strip()
    return [line for line in lines if line.text]


def _placed(cm, tm) -> tuple[float, float, float]:
    """Where a run of text starts on the page and how much its type is scaled (the text matrix
    within the current transformation matrix)."""
    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    scale = ((tm[2] * cm[0] + tm[3] * cm[2]) ** 2 + (tm[2] * cm[1] + tm[3] * cm[3]) ** 2) ** 0.5
    return x, y, scale


def without_running_lines(pages: list[list[Line]]) -> list[Line]:
    """All lines, less page numbers and the running heads and feet printed on most pages (a
    line in large type is a headline, even when a running head repeats its words)."""
    edges = [_edge_lines(lines) for lines in pages]
    counts: dict[str, int] = {}
    for page_edges in edges:
        for key in {_running_key(line) for line in page_edges}:
            counts[key] = counts.get(key, 0) + 1
    printed = sum(1 for lines in pages if lines)
    repeated = {key for key, count in counts.items() if printed >= 2 and count >= max(2, printed / 2)}
    sizes = [line.size for lines in pages for line in lines]
    small = 1.15 * statistics.median(sizes) if sizes else 0.0
    kept = []
    for lines, page_edges in zip(pages, edges, strict=True):
        for line in lines:
            running = _running_key(line) in repeated or _PAGE_NUMBER.match(line.text)
            if not (running and line.size <= small and any(line is edge for edge in page_edges)):
                kept.append(line)
    return kept


def _edge_lines(lines: list[Line]) -> list[Line]:
    """The two highest and two lowest lines of a page: where running heads and feet are."""
    if len(lines) < 3:
        return []
    by_height = sorted(lines, key=lambda line: line.y)
    return by_height[:2] + by_height[-2:]


def _running_key(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text.casefold())


def paragraphs_of(lines: list[Line]) -> list[str]:
    """The lines joined into paragraphs: a new one after a wider space than the usual line
    spacing, a change of type size, an indented line, or a short line that ends a sentence."""
    if not lines:
        return []
    spacing = _line_spacing(lines)
    full = _full_line_length(lines)
    words = {word.strip(_PUNCTUATION) for line in lines for word in line.text.casefold().split()}
    # A paragraph's lines are gathered and joined once: a paragraph of many thousand lines
    # costs its length, not its length squared.
    paragraphs, current = [], [lines[0].text]
    for before, line in itertools.pairwise(lines):
        if _new_paragraph(before, line, spacing, full):
            paragraphs.append("".join(current))
            current = [line.text]
        else:
            current[-1], gap = line_end(current[-1], line.text, words)
            current += [gap, line.text]
    paragraphs.append("".join(current))
    return paragraphs


def _line_spacing(lines: list[Line]) -> float:
    gaps = [
        before.y - line.y
        for before, line in itertools.pairwise(lines)
        if before.page == line.page and 0 < before.y - line.y < 3 * line.size
    ]
    return statistics.median(gaps) if gaps else 1.2 * statistics.median(line.size for line in lines)


def _full_line_length(lines: list[Line]) -> int:
    lengths = sorted(len(line.text) for line in lines)
    return lengths[int(0.9 * (len(lengths) - 1))]


def _new_paragraph(before: Line, line: Line, spacing: float, full: int) -> bool:
    if abs(line.size - before.size) > 0.15 * max(line.size, before.size):
        return True
    short_ending = _ENDS_SENTENCE.search(before.text) and len(before.text) < 0.85 * full
    gap = before.y - line.y
    if line.page != before.page or gap < -line.size:  # a new page or a new column
        return bool(short_ending)
    if gap > 1.4 * spacing:
        return True
    return bool(short_ending) or line.x > before.x + 0.8 * line.size


def line_end(text: str, line: str, words: set[str]) -> tuple[str, str]:
    """A line as it ends before the next ``line`` of its paragraph, and what joins them: a word
    hyphenated at the end of a line is made whole again, unless the document spells it with
    the hyphen elsewhere ("south-west") or the word is a name ("Pakistan-based": typesetters
    do not break names)."""
    if text.endswith("\xad"):
        return text[:-1], ""
    if len(text) > 1 and text.endswith("-") and text[-2].isalpha() and line[:1].islower():
        head = text.rsplit(" ", 1)[-1].lstrip(_PUNCTUATION)
        tail = line.split(" ", 1)[0]
        if head[:1].islower() and (head + tail).casefold().strip(_PUNCTUATION) not in words:
            return text[:-1], ""
        return text, ""
    return text, " "


# --- Dates ------------------------------------------------------------------------------------


def pdf_date(text: str) -> datetime.date | None:
    """The day of a PDF date ("D:20230405093000+10'00'"), or None."""
    found = _PDF_DATE.match(text.strip())
    if not found:
        return None
    year, month, day = found.group(1), found.group(2) or "01", found.group(3) or "01"
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def date_in_lines(lines: list[str]) -> datetime.date | None:
    """The first date written out in ``lines`` ("5 April 2023", "April 5, 2023", "2023-04-05")."""
    from dateutil import parser

    for line in lines:
        for found in _DATE_IN_TEXT.finditer(line):
            try:
                return parser.parse(found.group(0), default=datetime.datetime(2000, 1, 1)).date()
            except (ValueError, OverflowError):
                continue
    return None
