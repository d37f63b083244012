"""Where a claim sits in its article's body, and where it moves when the body is edited.

A claim keeps ``start``..``end`` offsets (Python string positions) into the body. Finding them
for a quoted text tolerates what copying from a page changes (case, runs of spaces and line
breaks, curly quotes); after an edit they follow the text around them, so an edit elsewhere
in the article leaves the claim on the same words.
"""

import difflib
import re

from catalog.search.matching import fold

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


#: One step of how a new text came from an old one, over characters, as difflib gives them:
#: (tag, old_from, old_to, new_from, new_to), tag one of equal, replace, insert, delete.
Opcode = tuple[str, int, int, int, int]

#: A replaced passage at most this long on both sides is compared letter by letter; a longer
#: one word by word (and a longer one still, line by line).
LETTERS_UP_TO = 400
_WORD = re.compile(r"\S+\s*|\s+")  # a word with the spaces after it


def edit_opcodes(old: str, new: str) -> list[Opcode]:
    """How ``new`` came from ``old``, as opcodes over characters.

    Letter-level difflib is quadratic: 92 s for an 80 KB article. Here the common head and tail
    are set aside first (one correction: nothing else to compare), then what is left is
    compared by lines, the lines that differ by words, and only short passages that differ
    letter by letter: linear in practice, and as exact as letters where it matters.
    """
    head = common_prefix(old, new)
    tail = common_prefix(old[head:][::-1], new[head:][::-1])
    opcodes: list[Opcode] = [("equal", 0, head, 0, head)] if head else []
    opcodes += _compare(old, new, head, len(old) - tail, head, len(new) - tail, level=0)
    if tail:
        opcodes.append(("equal", len(old) - tail, len(old), len(new) - tail, len(new)))
    return _joined(opcodes)


def common_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` start with alike: a binary search of slice
    comparisons, each done in C."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _compare(old: str, new: str, a0: int, a1: int, b0: int, b1: int, *, level: int) -> list[Opcode]:
    """Opcodes for ``old[a0:a1]`` becoming ``new[b0:b1]``: level 0 by lines, 1 by words."""
    if a0 == a1 and b0 == b1:
        return []
    if a0 == a1 or b0 == b1:
        return [("insert" if a0 == a1 else "delete", a0, a1, b0, b1)]
    if max(a1 - a0, b1 - b0) <= LETTERS_UP_TO:
        return _letters(old, new, a0, a1, b0, b1)
    if level > 1:
        return [("replace", a0, a1, b0, b1)]  # long and unlike word for word: one replacement
    split = (lambda text: text.splitlines(keepends=True)) if level == 0 else _WORD.findall
    a_tokens, b_tokens = split(old[a0:a1]), split(new[b0:b1])
    a_at, b_at = _offsets(a_tokens, a0), _offsets(b_tokens, b0)
    matcher = difflib.SequenceMatcher(None, a_tokens, b_tokens, autojunk=False)
    opcodes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            opcodes += _compare(old, new, a_at[i1], a_at[i2], b_at[j1], b_at[j2], level=level + 1)
        else:
            opcodes.append((tag, a_at[i1], a_at[i2], b_at[j1], b_at[j2]))
    return opcodes


def _letters(old: str, new: str, a0: int, a1: int, b0: int, b1: int) -> list[Opcode]:
    matcher = difflib.SequenceMatcher(None, old[a0:a1], new[b0:b1], autojunk=False)
    if matcher.ratio() < 0.5:
        # Mostly other letters: a few shared ones ("th" of "the" in "nothing") mean nothing.
        return [("replace", a0, a1, b0, b1)]
    return [(tag, a0 + i1, a0 + i2, b0 + j1, b0 + j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def _offsets(tokens: list[str], start: int) -> list[int]:
    """Where each token starts (and, last, where the final one ends)."""
    at = [start]
    for token in tokens:
        at.append(at[-1] + len(token))
    return at


def _joined(opcodes: list[Opcode]) -> list[Opcode]:
    """Neighbouring opcodes of the same tag as one."""
    joined: list[Opcode] = []
    for opcode in opcodes:
        if joined and joined[-1][0] == opcode[0]:
            tag, old_from, _, new_from, _ = joined[-1]
            joined[-1] = (tag, old_from, opcode[2], new_from, opcode[4])
        else:
            joined.append(opcode)
    return joined


def reanchor(
    old_body: str, new_body: str, start: int, end: int, text: str, *, opcodes: list[Opcode] | None = None
) -> tuple[int, int] | None:
    """Where ``start``..``end`` of ``old_body`` is in ``new_body``; None when its words are gone.

    Offsets are carried through the edit, so only text before the claim moves it. If the
    claim's own words were edited, its text is looked for again near where it was, and failing
    that its two ends are carried separately (the claim then covers the edited words).
    ``opcodes`` (``edit_opcodes(old_body, new_body)``) may be given, once for many claims.
    """
    if old_body == new_body:
        return start, end
    if opcodes is None:
        opcodes = edit_opcodes(old_body, new_body)
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
