"""Word shingles: what two copies share, and the few of them the catalogue keeps to find copies.

A *shingle* is a run of SHINGLE consecutive words (catalog.stories.text's comparable words).
Copies share most of their shingles; an article that quotes a paragraph of another shares that
paragraph's only, and two reports written from one template share the template's runs between
the names and figures, which break every run they fall in.

The catalogue keeps a small *sketch* of each article to find its copies through an index rather
than by reading every article: the shingles of its opening (the first OPENING words) that start
at an *anchor* word, a word whose stable hash falls in one ANCHOR_EVERY. The choice depends on
the words alone, so a copy's opening has the same anchors at the same words, and the sketch's
shingles come back for it. Every copy the issue names keeps its opening (an excerpt is the
opening; a dropped last paragraph, a lead-in or a "Related:" line leave most of it), so the
opening is where copies meet; what a copy keeps of the whole text is then measured on all of it
(``containment``).
"""

import zlib
from collections.abc import Sequence

SHINGLE = 5
OPENING = 150  #: words of an article's opening that its sketch samples
ANCHOR_EVERY = 3  #: about one word in this many starts a sketched shingle
#: Words too common to anchor: a shingle that starts at one is in thousands of articles, and
#: each lookup of it would read them all.
_COMMON = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "as",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "not",
        "no",
        "said",
        "says",
        "say",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "also",
        "than",
        "then",
        "there",
        "which",
        "who",
        "what",
        "when",
        "where",
        "while",
        "after",
        "before",
        "over",
        "into",
        "about",
        "more",
        "most",
        "other",
        "some",
        "such",
        "only",
        "one",
        "two",
        "new",
        "last",
        "first",
        "year",
        "years",
        "s",
        "mr",
        "ms",
    ]
)
_anchor_cache: dict[str, bool] = {}
_CACHE_MAX = 500_000


def _is_anchor(word: str) -> bool:
    anchor = _anchor_cache.get(word)
    if anchor is None:
        anchor = word not in _COMMON and zlib.crc32(word.encode("utf-8", "surrogatepass")) % ANCHOR_EVERY == 0
        if len(_anchor_cache) >= _CACHE_MAX:
            _anchor_cache.clear()
        _anchor_cache[word] = anchor
    return anchor


def sketch(words: Sequence[str]) -> list[int]:
    """The sketch of an article whose comparable words start with ``words``: distinct stable
    32-bit hashes (as signed integers, which both databases store) of its anchored shingles."""
    opening = words[:OPENING]
    found = set()
    for index in range(len(opening) - SHINGLE + 1):
        if _is_anchor(opening[index]):
            shingle = " ".join(opening[index : index + SHINGLE]).encode("utf-8", "surrogatepass")
            found.add(zlib.crc32(shingle) - 0x8000_0000)
    return sorted(found)


def shingles(words: Sequence[str]) -> set[tuple[str, ...]]:
    """Every shingle of a text's comparable words (a text shorter than one shingle is one)."""
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return set(zip(*(words[offset:] for offset in range(SHINGLE))))


def containment(one: set, other: set) -> float:
    """How much of the shorter text (fewer shingles) is in the longer: 0 to 1."""
    if not one or not other:
        return 0.0
    smaller, larger = (one, other) if len(one) <= len(other) else (other, one)
    return len(smaller & larger) / len(smaller)


def kept_share(first: set, copy: set) -> float:
    """How much of ``first``'s text is in ``copy``: 0 to 1."""
    return len(first & copy) / len(first) if first else 0.0
