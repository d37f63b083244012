"""English stemming: ``missiles`` finds ``missile``, ``launched`` finds ``launches``.

A search word is stemmed with the Snowball English stemmer (the one PostgreSQL's ``english``
configuration uses) and stands for every word of the catalogue's index with the same stem: the
index keeps the words as written, and the search asks for ``missile OR missiles OR …``. So a
word in quotes still finds its exact form only, a prefix (``missil*``) is a prefix of the words
as written, both backends search the very same words (SQLite lists the index's words through
``fts5vocab``, PostgreSQL through ``search_word``), and turning stemming on or off needs no
new index.

A word's forms start with its stem less its last letter (``necessary`` → ``necessari``,
``driving`` → ``drive``), or, for ``-ie`` stems, with ``y`` in its place (``dying`` → ``die``):
those are the index's words looked at. tests/catalog/test_stemming.py checks this on every word
of real articles.
"""

from dataclasses import replace
from functools import lru_cache

import snowballstemmer

from catalog.search.matching import fold
from catalog.search.query import Term

#: Words shorter than this stand for themselves: their forms would be most of a letter's words.
MIN_STEM_LETTERS = 3
#: A word stands for at most this many forms (the shortest first): a few are enough for any
#: English word; more would only slow the search.
MAX_FORMS = 24
#: Fields of names, searched as written (``author:Burns`` is not ``author:Burn``).
NAME_COLUMNS = frozenset({"authors", "outlet", "topics"})

_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The English stem of a folded word (lower case, no accents)."""
    return _STEMMER.stemWord(word)


def stemmable(word: str) -> bool:
    """Whether a folded index word is an English word to stem: ASCII letters only."""
    return word.isascii() and word.isalpha() and len(word) >= MIN_STEM_LETTERS


def form_prefixes(stemmed: str) -> list[str]:
    """Where the words with this stem start in an alphabetical list of words."""
    prefixes = [stemmed[:-1]]
    if stemmed.endswith("ie"):
        prefixes.append(stemmed[:-2] + "y")
    return prefixes


def forms(word: str, words_starting) -> list[str]:
    """The words of the index with the stem of ``word`` (itself first), given
    ``words_starting(prefix)``: the index's words starting so."""
    if not stemmable(word):
        return [word]
    stemmed = stem(word)
    if len(stemmed) < MIN_STEM_LETTERS:
        return [word]
    found = {
        candidate
        for prefix in form_prefixes(stemmed)
        for candidate in words_starting(prefix)
        if candidate != word and stemmable(candidate) and stem(candidate) == stemmed
    }
    return [word, *sorted(found, key=lambda w: (len(w), w))[: MAX_FORMS - 1]]


def with_forms(parsed, words_starting):
    """A copy of ``parsed`` (a ``ParsedQuery``) with each stemmable word an OR of its forms: a
    single word as typed, not in quotes, not a prefix, not in a field of names."""

    def expanded(term: Term) -> list[Term]:
        if term.exact or term.prefix or term.column in NAME_COLUMNS:
            return [term]
        word = fold(term.text)
        if not stemmable(word):
            return [term]
        others = forms(word, words_starting)[1:]
        return [term, *(Term(other, term.column, False, term.negated, exact=True) for other in others)]

    def once(terms: list[Term]) -> list[Term]:
        # "missile OR missiles" names a form twice: FTS5 would rank it twice over.
        seen: dict[tuple, Term] = {}
        for term in terms:
            seen.setdefault((fold(term.text), term.column, term.prefix), term)
        return list(seen.values())

    return replace(
        parsed,
        groups=[once([form for term in group for form in expanded(term)]) for group in parsed.groups],
        excluded=once([form for term in parsed.excluded for form in expanded(term)]),
        checked=parsed.checked,
    )
