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
        r"(?:editor'?s?|editors['’]?) ?note:? .*",
        r"(?:this|the) (?:story|article) (?:is|was) (?:part of|produced|brought) .*",
        r"(?:read|view|see) (?:this|the) (?:story|article) (?:on|at) .*",
    ],
    "footer": [
        (
            r"(?:subscribe (?:to|now|for|today|here)|sign up (?:for|to|here|now|today)|join (?:us|our)|"
            r"support (?:our|us|independent|this)|donate|follow us|like us on|share this|click here)\b.*"
        ),
        r"(?:©|\(c\)|copyright|all rights reserved)\b.*",
        r".*\ball rights reserved\b.*",
        r"(?:read|see|continue reading|view) (?:the )?(?:rest|more|full (?:story|article|text|report)|original)\b.*",
        r"(?:read|continue) (?:more|on|at)\b.*",
        r"(?:more|full story|full article|the rest)(?: (?:at|on|here))?: .*",
        r"(?:this|the) (?:story|article|report|piece) (?:was|is|first) .*(?:published|appeared|posted).*",
        r"(?:reporting|additional reporting|editing|writing) by .*",
        r"(?:contact|e-?mail|write to) (?:the )?(?:author|us|reporter|editor)\b.*",
        r"(?:the )?views expressed .*",
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
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "′": "'"})
#: Words as compared: letters and digits; an apostrophe's letters join their word (it's, Biden's)
#: so straight and curly quotes compare alike.
_WORD = re.compile(r"\w+(?:'\w+)*")


@dataclass(frozen=True, slots=True)
class Boilerplate:
    start: int
    end: int
    kind: str  #: "header", "lead-in", "footer" or "related"


def boilerplate_kind(line: str) -> str | None:
    """Which kind of boilerplate a line (or a one-line paragraph) is, or None."""
    stripped = line.strip()
    if not stripped or len(stripped) > BOILERPLATE_MAX:
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
    that starts "By …" in the middle is its text.
    """
    lines = [(match.start(), match.end(), boilerplate_kind(match.group())) for match in _LINES.finditer(body)]
    own = [index for index, (_, _, kind) in enumerate(lines) if kind is None]
    first_own = own[0] if own else len(lines)
    last_own = own[-1] if own else -1
    spans = []
    for index, (start, end, kind) in enumerate(lines):
        if kind is None:
            continue
        if kind in ("header", "lead-in") and index > first_own:
            if index <= last_own:
                continue
            kind = "footer"
        elif kind == "footer" and index < last_own:
            continue
        spans.append(Boilerplate(start, end, kind))
    return spans


def without_boilerplate(body: str) -> str:
    """``body`` with its boilerplate lines left out."""
    kept, position = [], 0
    for span in boilerplate_spans(body):
        kept.append(body[position : span.start])
        position = span.end
    kept.append(body[position:])
    return "".join(kept)


def comparable_words(body: str, limit: int | None = None) -> list[str]:
    """The words of ``body`` as copies are compared: boilerplate out, case and quote styles
    folded, punctuation and line breaks gone. ``limit`` keeps only the first words (reading
    only as much text as they need)."""
    text = without_boilerplate(body)
    if limit is not None:
        text = text[: limit * 16]
    words = _WORD.findall(text.translate(_QUOTES).casefold())
    return words if limit is None else words[:limit]
