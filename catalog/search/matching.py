"""Where a search's words occur in a text, as the index finds them: any case, accents ignored.

The reading pane highlights these places and the results table shows the passage around the
best of them. Done here in Python rather than by FTS5's ``snippet()``, which re-reads a prefix
term's whole index for every row (a fifth of a second for one screenful of ``elect*``).
"""

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable


class _FoldTable(dict):
    """``str.translate`` table: each character to its lower-case letter without accents."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = unicodedata.normalize("NFD", char)[0].casefold()[:1] or char
        self[code] = folded
        return folded


_FOLD = _FoldTable()
_NON_SPACE = re.compile(r"\S")
_SPACE = re.compile(r"\s")
_LETTER = r"[^\W_]"  # a letter or digit
_LETTERS = re.compile(f"{_LETTER}+")
_BETWEEN = r"[\W_]+"  # what separates a phrase's words


def fold(text: str) -> str:
    """Lower case without accents, one character for one: positions stay those of ``text``."""
    return text.lower() if text.isascii() else text.translate(_FOLD)


class WordPattern:
    """A search's words as one regular expression over folded text, found as whole words.

    "Not after a letter" is checked on each match rather than written as a look-behind at the
    start of the expression: a pattern that starts with a look-behind is tried at every
    character of the text, one that starts with the words' letters is scanned for at C speed
    (33 times faster over the 2,412 articles of a common word)."""

    def __init__(self, expression: str):
        self.words = re.compile(expression)
        self.pattern = expression

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        """The matches in ``text[pos:endpos]`` not preceded by a letter, in order, as
        ``re.finditer`` of the look-behind pattern would give them."""
        end = len(text) if endpos is None else endpos
        while (match := self.words.search(text, pos, end)) is not None:
            start = match.start()
            if start and _AFTER_LETTER.match(text, start - 1):
                pos = start + 1  # as the look-behind would: try the next character
                continue
            yield match
            pos = match.end() if match.end() > start else start + 1


_AFTER_LETTER = re.compile(_LETTER)


def word_pattern(words: Iterable[str], prefixes: frozenset[str] = frozenset()) -> WordPattern | None:
    """One regular expression for these words and phrases over folded text, or None for none.

    As the index does (catalog.search.fts5_words), it sees only letters and digits: ``U.S.`` is ``u``
    then ``s`` with anything but letters and digits between, so it finds ``U.S``, and
    ``Biden's`` finds ``Biden’s``."""
    alternatives = []
    for word in words:
        pattern = _BETWEEN.join(map(re.escape, _LETTERS.findall(fold(word))))
        if pattern:
            alternatives.append(pattern + (f"{_LETTER}*" if word in prefixes else ""))
    if not alternatives:
        return None
    # Longest first, so that a phrase wins over a word it starts with.
    alternatives.sort(key=len, reverse=True)
    return WordPattern(rf"(?:{'|'.join(alternatives)})(?!{_LETTER})")


def find_spans(
    text: str, words: Iterable[str], prefixes: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """``(start, end)`` of every occurrence of ``words`` in ``text`` (prefixes match whole words)."""
    pattern = word_pattern(words, prefixes)
    if pattern is None:
        return []
    return [match.span() for match in pattern.finditer(fold(text))]


def passage(text: str, spans: list[tuple[int, int]], *, words: int = 14) -> str:
    """About ``words`` words of ``text`` around its densest cluster of ``spans``, on one line,
    with ``…`` where it was cut."""
    if not spans:
        return ""
    reach = words * 7  # characters: a word and its space, on average
    starts = [start for start, _ in spans]
    # The hit with the most hits within reach after it (spans are in order: a bisect each).
    best = max(range(len(starts)), key=lambda i: bisect_left(starts, starts[i] + reach) - i)
    hit = starts[best]
    around, until = max(0, hit - reach), hit + 2 * reach
    # Only near the hit (bodies can be long); str.split finds the words (runs of anything but
    # white space) in C, where a regular expression made a match object for each.
    tokens = text[around:until].split()
    before = len(text[around : hit + 1].split())  # the words that start by the hit
    if tokens and _cut_at(text, around):
        del tokens[0]  # a word the cut goes through
        before -= 1
    if tokens and until < len(text) and _cut_at(text, until):
        tokens.pop()
        if _SPACE.search(text, hit, until) is None:  # the word cut off is the hit's own
            before -= 1
    first = max(0, before - 1)
    high = min(len(tokens), max(0, first - words // 4) + words)  # a little before the hit, more after
    low = max(0, high - words)
    shown = " ".join(tokens[low:high])
    cut_before = low > 0 or _NON_SPACE.search(text, 0, around) is not None
    cut_after = high < len(tokens) or _NON_SPACE.search(text, until) is not None
    return ("…" if cut_before else "") + shown + ("…" if cut_after else "")


def _cut_at(text: str, place: int) -> bool:
    """Whether ``place`` falls inside a word of ``text`` (not at its start, its end or a space)."""
    return 0 < place < len(text) and not text[place - 1].isspace() and not text[place].isspace()
