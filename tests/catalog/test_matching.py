"""The words of a search found in a text as the index finds them: whole words, any case,
accents ignored; found the same way, and fast, whatever the text."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.search.matching import _LETTER, find_spans, fold, word_pattern

SOME_TEXT = "Biden’s advisers doubt the U.S. can help; pro-Russian Zoë said “government” 1986."


def _look_behind_spans(text: str, words: list[str], prefixes: frozenset[str]) -> list[tuple[int, int]]:
    """The same search written with a look-behind, as it was: what WordPattern must equal."""
    pattern = word_pattern(words, prefixes)
    if pattern is None:
        return []
    slow = re.compile(rf"(?<!{_LETTER}){pattern.pattern}")
    return [match.span() for match in slow.finditer(fold(text))]


def test_whole_words_any_case_accents_and_apostrophes():
    assert find_spans(SOME_TEXT, ["biden's"]) == [(0, 7)]
    assert find_spans(SOME_TEXT, ["US"]) == []  # U.S. is two words, u and s
    assert [SOME_TEXT[a:b] for a, b in find_spans(SOME_TEXT, ["u.s."])] == ["U.S"]
    assert [SOME_TEXT[a:b] for a, b in find_spans(SOME_TEXT, ["pro russian", "zoe"])] == [
        "pro-Russian",
        "Zoë",
    ]
    assert [SOME_TEXT[a:b] for a, b in find_spans(SOME_TEXT, ["govern"], frozenset({"govern"}))] == [
        "government"
    ]
    assert find_spans("governments xgovernment government", ["government"]) == [(24, 34)]


WORDS = st.lists(st.sampled_from(["an", "ana", "a b", "b", "né", "x1", "ba"]), min_size=1, max_size=3)
TEXT = st.text(alphabet="ab né x1_-.’\n", max_size=60)


@settings(max_examples=300, deadline=None)
@given(TEXT, WORDS, st.sets(st.sampled_from(["an", "b", "né"])))
def test_found_exactly_where_the_look_behind_pattern_finds_them(text, words, prefixed):
    prefixes = frozenset(prefixed & set(words))
    assert find_spans(text, words, prefixes) == _look_behind_spans(text, words, prefixes)


def test_a_part_of_a_text_is_searched_as_that_part():
    pattern = word_pattern(["b"])
    folded = fold("b ab b b")
    assert [m.span() for m in pattern.finditer(folded, 2, 6)] == [(5, 6)]
