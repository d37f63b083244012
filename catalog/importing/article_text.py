"""An article file's text split into header, title and body, by the collection's rules."""

import datetime
import re
from dataclasses import dataclass

from catalog.importing.files import path_text
from catalog.importing.header import parse_header
from catalog.stories.text import boilerplate_kind

HEADLINE_MAX = 150
TITLE_MAX = 120
ELLIPSIS = "…"
#: How much of the first paragraph a title is looked for in (after spaces are collapsed): a
#: title is at most TITLE_MAX characters, and past that only whether the sentence goes on
#: matters. Bounding it keeps a crafted multi-megabyte paragraph from costing more than this.
TITLE_SCAN = 1000
#: How many republisher's lines (bylines, lead-ins) a title is looked for past.
_REPUBLISHER_LINES = 4
#: The longest word an abbreviation check looks back over ("(Sept." with quotes is far shorter).
_WORD_LOOKBACK = 64

_LEADING_BLANK_LINES = re.compile(r"\A(?:[^\S\n]*\n)+")
_NOT_SPACE = re.compile(r"\S")
_LAST_WORD = re.compile(r"\S*\Z")
_CLOSERS = "\"'”’»)]"
_ENDS_SENTENCE = re.compile(rf"[.!?…][{re.escape(_CLOSERS)}]*$")
# A sentence ends at . ! ? or … (perhaps inside quotes) before a space and a capital, digit or quote.
_SENTENCE_END = re.compile(rf"(?<=[.!?…])[{re.escape(_CLOSERS)}]*(?=\s+[\"“‘'(\[«]?[A-Z0-9À-ÖØ-ÞА-ЯΑ-Ω])")
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "jr",
    "sr",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "sen",
    "rep",
    "gov",
    "pres",
    "rev",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
}


@dataclass(frozen=True)
class ArticleText:
    title: str
    body: str
    date: datetime.date | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    #: What the other formats bring beside a text file's header (catalog.importing.formats).
    url: str | None = None
    notes: str = ""
    summary: str = ""
    topics: tuple[str, ...] = ()


def normalise_newlines(text: str) -> str:
    """CRLF and CR as LF, byte-order marks dropped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\ufeff", "") if "\ufeff" in text else text


def parse_article(text: str, *, fallback_title: str = "Untitled") -> ArticleText:
    """Header, headline and body of an article file's decoded ``text``; ``fallback_title`` (the
    file's name) titles a file with neither headline nor sentence."""
    # Only the first lines need looking at; the rest is tidied in whole-text passes (fast on
    # the thousands of files of a bulk import).
    body = _without_trailing_spaces(normalise_newlines(text)).strip()
    first, rest = _first_line(body)
    header = parse_header(first)
    if header is not None:
        body = rest
        first, rest = _first_line(body)
    headline = None
    if is_headline(first) and not _republishers_line(first):
        headline = " ".join(first.split())
        body = rest
    return ArticleText(
        title=headline or title_from_body(_after_republishers_lines(body)) or _one_line_name(fallback_title),
        body=body,
        date=header.date if header else None,
        authors=header.authors if header else (),
        outlet=header.outlet if header else None,
    )


def _republishers_line(line: str) -> bool:
    """A byline or lead-in a republisher put on top ("This story was originally published by …"):
    never the article's title (catalog.stories.text finds them)."""
    return boilerplate_kind(line) in ("header", "lead-in")


def _after_republishers_lines(body: str) -> str:
    """``body`` from its first line that is the article's own (only the first lines are looked at)."""
    position = 0
    for _ in range(_REPUBLISHER_LINES):
        line, rest = _first_line(body[position:])
        if not line.strip() or not _republishers_line(line):
            break
        position = len(body) - len(rest)
    return body[position:]


def _one_line_name(name: str) -> str:
    """A file name as a title: one line, its bytes that are not UTF-8 as ``\\xNN``."""
    return name if name.isprintable() else " ".join(path_text(name).split())


def is_headline(line: str) -> bool:
    """A first line of at most 150 characters that does not end a sentence."""
    line = line.strip()
    return 0 < len(line) <= HEADLINE_MAX and not _ENDS_SENTENCE.search(line)


def title_from_body(body: str) -> str:
    """The body's first sentence, cut at a word boundary to at most 120 characters."""
    return shorten(first_sentence(_opening_words(body)))


def _opening_words(body: str) -> str:
    """The first paragraph's words joined by single spaces, its first TITLE_SCAN characters.

    Spaces are collapsed over a window of the paragraph that grows fourfold until it gives
    enough text (C-speed passes; a window full of spaces costs no more than its length).
    """
    first = _NOT_SPACE.search(body)
    if first is None:
        return ""
    start = first.start()
    end = body.find("\n\n", start)
    end = len(body) if end < 0 else end
    window = TITLE_SCAN
    while True:
        stop = min(end, start + window)
        # A word cut at ``stop`` lies past TITLE_SCAN characters, so it never shows.
        words = " ".join(body[start:stop].split())
        if stop == end or len(words) > TITLE_SCAN:
            return words[:TITLE_SCAN]
        window *= 4


def first_sentence(text: str) -> str:
    """``text`` up to the end of its first sentence (all of it if none ends), in time linear
    in its length: each candidate end looks back over one word only."""
    for match in _SENTENCE_END.finditer(text):
        if not _is_abbreviation(text, match.start()):
            return text[: match.end()]
    return text


def shorten(text: str, limit: int = TITLE_MAX) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS) + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > 0 else cut[:-1]
    return cut.rstrip(" ,;:-–—") + ELLIPSIS


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the full stop just before ``end`` belongs to "Mr." or "U.S." or an initial."""
    if text[end - 1 : end] != ".":
        return False
    # Only the word before the stop matters, and no abbreviation is long: look back a little.
    window = text[max(0, end - 1 - _WORD_LOOKBACK) : end - 1]
    word = _LAST_WORD.search(window).group().lstrip("\"'“‘(").casefold()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _first_line(text: str) -> tuple[str, str]:
    """The first line of ``text`` and what follows it, blank lines in between dropped."""
    first, _, rest = text.partition("\n")
    blank = _LEADING_BLANK_LINES.match(rest)
    return first, rest[blank.end() :] if blank else rest


def _without_trailing_spaces(text: str) -> str:
    if " \n" not in text and "\t\n" not in text:
        return text
    return "\n".join(line.rstrip() for line in text.split("\n"))
