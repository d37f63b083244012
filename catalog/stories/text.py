"""An article's text as copies are compared: what republishing adds is set aside, the rest
folded to words.

A republisher rewraps lines, changes quote styles and case, puts a byline or a header of its
own on top, a lead-in ("This story was originally published by …") or a footer ("Subscribe to
our newsletter …") around the text, a "Related:" line between paragraphs, a "read the rest at"
link under an excerpt. Those lines are *boilerplate*: found line by line by the patterns below,
kept out of the comparison, and marked as such where two copies are shown side by side.
"""

import re
from dataclasses import dataclass

#: A line (or a paragraph standing alone) is boilerplate when it matches one of these and is
#: short: a long paragraph that happens to start "Related" is the article's own text.
BOILERPLATE_MAX = 400
#: The longest closing line taken for a footer without a pattern, when a footer stands above it.
UNKNOWN_CLOSING_MAX = 160

_PATTERNS = {
    "header": [
        # The collection's own header line, and bylines a republisher adds.
        r"date \d{4}(?:-\d\d){0,2}\b.*",
        r"(?:authored|written|posted|submitted|reported) by\b.*",
        r"(?:via|source:|originally (?:at|on))\s.*",
        r"(?:updated|published|posted)(?: on)?:? .{0,60}\d{4}.*",
        r"(?:photo|image|picture|file photo|credit|caption)s?(?: credit)?:.*",
    ],
    "lead-in": [
        (
            r"(?:this|the following) (?:story|article|piece|post|report|column|item) "
            r"(?:was |is |has been )?(?:originally |first )?(?:published|appeared|posted|produced|"
            r"republished|reprinted|shared|distributed|syndicated)\b.*"
        ),
        r"(?:originally|first) (?:published|appeared|posted|ran) .*",
        r"(?:re)?published (?:with|by|under) (?:the )?(?:kind )?permission.*",
        r"republished (?:from|with|by|under) .*",
        r"reprinted (?:from|with|by) .*",
        r"editor['’]?s?['’]? ?note:? .*",
        r"(?:this|the) (?:story|article) (?:is|was) (?:part of|produced|brought) .*",
        r"(?:read|view|see) (?:this|the) (?:story|article) (?:on|at) .*",
    ],
    "footer": [
        (
            r"(?:subscribe (?:to|now|for|today|here)|sign up (?:for|to|here|now|today)|join (?:us|our)|"
            r"support (?:our|us|independent|this)|donate|follow us|like us on|share this|click here)\b.*"
        ),
        r"(?:©|\(?c\)|copyright|all rights reserved)\s*.*",
        r".*\ball rights reserved\b.*",
        r"(?:read|see|continue reading|view) (?:the )?(?:rest|more|full (?:story|article|text|report)|original)\b.*",
        r"(?:read|continue) (?:more|on|at)\b.*",
        r"(?:more|full story|full article|the rest)(?: (?:at|on|here))?: .*",
        r"(?:this|the) (?:story|article|report|piece) (?:was|is|first) .*(?:published|appeared|posted).*",
        r"(?:reporting|additional reporting|editing|writing) by .*",
        r"(?:contact|e-?mail|write to) (?:the )?(?:author|us|reporter|editor)\b.*",
        r"(?:the )?views expressed .*",
        r"(?:the )?post .{1,200} appeared first on .*",
        r"(?:tags|filed under|topics|categories):.*",
        r"https?://\S+",
        r"\[?(?:advertisement|ad|sponsored)\]?",
    ],
    "related": [
        r"(?:related|see also|also read|read also|more on this|recommended|trending|most read)(?: (?:stories|articles|coverage|content|links|news))?\s*[:\-–—]+.*",
        r"(?:related|see also|also read|read also)",
    ],
}
_MATCHERS = [
    (kind, re.compile(r"[\W_]*(?:" + "|".join(patterns) + r")\s*", re.IGNORECASE))
    for kind, patterns in _PATTERNS.items()
]
#: A byline: "By" and up to six capitalised words, perhaps "via", "for" … an outlet. Case
#: matters here, so that a sentence starting "By the time …" is not one.
_BYLINE = re.compile(
    r"[\W_]*[Bb][Yy]:? (?:[A-Z][\w.'’\-]*,? ?(?:and |& )?){1,6}(?:(?:via|for|from|of|at|in) .*)?\s*"
)
_LINES = re.compile(r"[^\n]+")
#: A paragraph of one short line: where a "Related:" line stands between the article's own
#: paragraphs (searched for by its blank lines: far quicker than trying every line).
_STANDALONE_LINE = re.compile(rf"\n[^\S\n]*\n[^\S\n]*([^\n]{{1,{BOILERPLATE_MAX}}})(?=\n[^\S\n]*\n)")
QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "′": "'"})
#: Words as compared: letters and digits; an apostrophe's letters join their word (it's, Biden's)
#: so straight and curly quotes compare alike.
WORD = re.compile(r"\w+(?:'\w+)*")
#: Characters read for each word wanted of an opening: English news averages about six with
#: the space; a lead-in line read past makes up for the rest.
_CHARACTERS_PER_WORD = 9


@dataclass(frozen=True, slots=True)
class Boilerplate:
    start: int
    end: int
    kind: str  #: "header", "lead-in", "footer" or "related"


#: The first words boilerplate starts with (the patterns above): any other line is looked at
#: no further, so that the article's own lines cost one lookup each.
_FIRST_WORDS = frozenset(
    [
        "date",
        "authored",
        "written",
        "posted",
        "submitted",
        "reported",
        "via",
        "source",
        "originally",
        "updated",
        "published",
        "photo",
        "photos",
        "image",
        "images",
        "picture",
        "pictures",
        "file",
        "credit",
        "credits",
        "caption",
        "captions",
        "this",
        "the",
        "post",
        "first",
        "re",
        "republished",
        "reprinted",
        "editor",
        "editors",
        "editor's",
        "editors'",
        "subscribe",
        "sign",
        "join",
        "support",
        "donate",
        "follow",
        "like",
        "share",
        "click",
        "c",
        "copyright",
        "all",
        "read",
        "see",
        "continue",
        "view",
        "more",
        "full",
        "reporting",
        "additional",
        "editing",
        "writing",
        "contact",
        "e",
        "email",
        "mail",
        "write",
        "views",
        "tags",
        "filed",
        "topics",
        "categories",
        "http",
        "https",
        "advertisement",
        "ad",
        "sponsored",
        "related",
        "also",
        "recommended",
        "trending",
        "most",
        "by",
    ]
)
_FIRST_WORD = re.compile(r"[\W_]*(\w+)")


def boilerplate_kind(line: str) -> str | None:
    """Which kind of boilerplate a line (or a one-line paragraph) is, or None."""
    stripped = line.strip()
    if not stripped or len(stripped) > BOILERPLATE_MAX:
        return None
    first = _FIRST_WORD.match(stripped)
    if (
        first is not None
        and first.group(1).casefold() not in _FIRST_WORDS
        and "©" not in stripped
        and "rights reserved" not in stripped.casefold()
    ):
        return None
    if _BYLINE.fullmatch(stripped):
        return "header"
    for kind, matcher in _MATCHERS:
        if matcher.fullmatch(stripped):
            return kind
    return None


def boilerplate_spans(body: str) -> list[Boilerplate]:
    """The boilerplate of ``body``: character spans of whole lines, in order.

    Headers and lead-ins count only before the article's first own paragraph, footers and
    read-more lines only after its last, "Related:" lines anywhere: a sentence of the article
    that starts "By …" in the middle is its text. Only the first and last lines are read one by
    one; the middle is searched for "Related" lines only (this runs on every text compared).
    """
    top: list[Boilerplate] = []
    first_own = None
    for match in _LINES.finditer(body):
        kind = boilerplate_kind(match.group())
        if kind is None:
            first_own = match
            break
        top.append(Boilerplate(match.start(), match.end(), kind))
    if first_own is None:  # nothing of its own: every line is what it looks like
        return top
    bottom: list[Boilerplate] = []
    end = len(body)
    # A short closing line no pattern knows ("The post … appeared first on …") is a footer when
    # a footer stands above it: it must not make the footers above it the article's text.
    unknown: Boilerplate | None = None
    while end > first_own.end():
        start = body.rfind("\n", 0, end) + 1
        line = body[start:end]
        if line.strip():
            kind = boilerplate_kind(line)
            if kind is None:
                if unknown is None and len(line.strip()) <= UNKNOWN_CLOSING_MAX:
                    unknown = Boilerplate(start, end, "footer")
                    end = start - 1
                    continue
                break
            if unknown is not None:
                if kind != "footer":
                    break
                bottom.append(unknown)
                unknown = None
            bottom.append(Boilerplate(start, end, "footer" if kind in ("header", "lead-in") else kind))
        end = start - 1
    if unknown is not None:  # the article's own closing line after all
        end = unknown.end
    middle = [
        Boilerplate(match.start(1), match.end(1), "related")
        for match in _STANDALONE_LINE.finditer(body, first_own.end(), max(end, first_own.end()))
        if boilerplate_kind(match.group(1)) == "related"
    ]
    # Before the first own line only a header, lead-in or "Related" line is boilerplate.
    top = [span for span in top if span.kind != "footer"]
    return top + middle + bottom[::-1]


def without_boilerplate(body: str) -> str:
    """``body`` with its boilerplate lines left out."""
    kept, position = [], 0
    for span in boilerplate_spans(body):
        kept.append(body[position : span.start])
        position = span.end
    kept.append(body[position:])
    return "".join(kept)


def comparable_words(body: str) -> list[str]:
    """The words of ``body`` as copies are compared: boilerplate out, case and quote styles
    folded, punctuation and line breaks gone."""
    return WORD.findall(without_boilerplate(body).translate(QUOTES).casefold())


def opening_words(body: str, count: int) -> list[str]:
    """About the first ``count`` comparable words of ``body``, reading only its first lines
    (an import makes this of every article: it must cost little)."""
    head = body[: count * _CHARACTERS_PER_WORD]
    return WORD.findall(without_boilerplate(head).translate(QUOTES).casefold())[:count]
