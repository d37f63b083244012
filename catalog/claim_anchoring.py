"""Where a claim sits in its article's body, and where it moves when the body is edited.

A claim keeps ``start``..``end`` offsets (Python string positions) into the body. Finding them
for a quoted text tolerates what copying from a page changes (case, runs of spaces and line
breaks, curly quotes); after an edit they follow the text around them, so an edit elsewhere
in the article leaves the claim on the same words.
"""

import difflib
import re

from catalog.matching import fold

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})


class ClaimTextNotFound(ValueError):
    """The quoted text does not occur in the article."""


def find_offsets(body: str, text: str, *, near: int = 0) -> tuple[int, int]:
    """``(start, end)`` of ``text`` in ``body``: exactly if it occurs so, else ignoring case,
    accents, quote styles and spacing. Of several places, the one nearest ``near``."""
    wanted = " ".join(text.split())
    if not wanted:
        raise ClaimTextNotFound("a claim needs some text")
    places = [(m.start(), m.start() + len(text)) for m in re.finditer(re.escape(text), body)]
    if not places:
        pattern = r"\s+".join(re.escape(word) for word in fold(wanted).translate(_QUOTES).split())
        folded = fold(body).translate(_QUOTES)  # one character for one: positions hold
        places = [m.span() for m in re.finditer(pattern, folded)]
    if not places:
        raise ClaimTextNotFound(f"the text {_short(wanted)!r} does not occur in the article")
    return min(places, key=lambda span: abs(span[0] - near))


def reanchor(old_body: str, new_body: str, start: int, end: int, text: str) -> tuple[int, int] | None:
    """Where ``start``..``end`` of ``old_body`` is in ``new_body``; None when its words are gone.

    Offsets are carried through the edit, so only text before the claim moves it. If the
    claim's own words were edited, its text is looked for again near where it was, and failing
    that its two ends are carried separately (the claim then covers the edited words).
    """
    if old_body == new_body:
        return start, end
    opcodes = difflib.SequenceMatcher(None, old_body, new_body, autojunk=False).get_opcodes()
    for tag, old_from, old_to, new_from, _ in opcodes:
        if tag == "equal" and old_from <= start and end <= old_to:
            return start + new_from - old_from, end + new_from - old_from
    try:
        return find_offsets(new_body, text, near=start)
    except ClaimTextNotFound:
        pass
    new_start, new_end = _carry(opcodes, start, at_end=False), _carry(opcodes, end, at_end=True)
    if not new_body[new_start:new_end].strip():
        return None
    return new_start, new_end


def _carry(opcodes, offset: int, *, at_end: bool) -> int:
    """``offset`` of the old text as an offset of the new one."""
    for tag, old_from, old_to, new_from, new_to in opcodes:
        if old_from <= offset < old_to or (at_end and offset == old_to):
            if tag == "equal":
                return new_from + offset - old_from
            return new_to if at_end else new_from  # inside replaced text: keep all of what replaced it
    return opcodes[-1][4] if opcodes else offset


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
