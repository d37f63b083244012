"""What a claim is about, as weighted words: its rarest words and its names weigh most.

A claim about Iran's missile test shares "missile" and "test" with every report of North
Korea's launches; only "Iran" tells them apart. So each word weighs its inverse document
frequency over the catalogue (a word in few articles says much), and a name (a capitalised
word not at the start of a sentence, or a run of them such as "North Korea") weighs more
again. Passages and claims are then scored by the weight of the claim's words they hold.

Words are the index's own (``catalog.search.fts5_words``), so both backends count and score
the same words; a plural ``s`` is dropped when scoring, so "missiles" meets "missile".
"""

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from catalog.search.fts5_words import words

#: How much more a name weighs than a common word of the same rarity.
NAME_WEIGHT = 2.0
#: Added, times the name's words' weight, when a passage has a whole name of several words in
#: order ("North Korea", not "north" here and "Korea" there).
WHOLE_NAME_BONUS = 0.25
#: A text that has none of the claim's names is about someone or somewhere else ("North Korea
#: launched a ballistic missile" for a claim about Iran's): its score counts this share.
NAMELESS_SHARE = 0.5
#: A long sentence holds more of any claim's words by chance: its score is divided by
#: ``1 - LENGTH_SHARE + LENGTH_SHARE * words / TYPICAL_WORDS``, as bm25 does for documents.
LENGTH_SHARE = 0.5
TYPICAL_WORDS = 25
STOP_WORDS = frozenset(
    """a an and are as at be been but by for from had has have he her his i if in into is it its
    not of on or our she that the their them there they this to was we were what when which who
    will with would you said says say also than then more most very can could may might""".split()  # noqa: SIM905
)
# A word as written: letters and digits, with apostrophes and hyphens inside ("Iran's", "Al-Qaeda").
_WRITTEN_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SENTENCE_BREAK = re.compile(r"[.!?…:;]['\"”’)\]]*\s*['\"“‘(]*$|^\s*['\"“‘(]*$")


@dataclass(frozen=True)
class ClaimTerms:
    """The claim's words that count, each with its weight, and its names of several words."""

    weights: dict[str, float]  #: folded word (as scored: see ``scored_word``) → weight
    names: tuple[tuple[str, ...], ...] = ()  #: names of several words, as scored words in order
    name_words: frozenset[str] = field(default_factory=frozenset)
    #: The claim's words as the index has them (folded, plural kept) → articles that have them.
    frequency: dict[str, int] = field(default_factory=dict)

    def weight_of(self, word: str) -> float:
        """The weight of a word as the index has it (``frequency``'s keys)."""
        return self.weights.get(scored_word(word), 0.0)

    def score(self, text: str) -> float:
        """How much of the claim ``text`` holds: the weight of each of its words found (once
        each), and a bonus for each whole name of several words, less for a long text."""
        found = [scored_word(w) for w in words(text)]
        score = sum(self.weights.get(w, 0.0) for w in set(found))
        for name in self.names:
            if _holds(found, name):
                score += WHOLE_NAME_BONUS * sum(self.weights.get(w, 0.0) for w in name)
        if self.name_words and self.name_words.isdisjoint(found):
            score *= NAMELESS_SHARE
        return score / (1 - LENGTH_SHARE + LENGTH_SHARE * len(found) / TYPICAL_WORDS)

    def found_in(self, text: str) -> set[str]:
        """The claim's words that ``text`` has."""
        return {w for w in map(scored_word, set(words(text))) if w in self.weights}


def scored_word(word: str) -> str:
    """``word`` (folded) as it is compared: without a plural ``s`` ("tests" → "test")."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """The words of ``text`` worth looking up, folded, each once, in order: not stop words, not
    one or two letters, not numbers alone."""
    return [w for w in dict.fromkeys(words(text)) if len(w) > 2 and w not in STOP_WORDS and not w.isdigit()]


def names_in(text: str, context: str = "") -> list[tuple[str, ...]]:
    """Names in ``text``: runs of capitalised words not at the start of a sentence, as folded
    words. A capitalised first word of a sentence is a name too when it starts a run ("North
    Korea said…") or when ``context`` (the article) writes it capitalised inside a sentence."""
    names, run, run_starts_sentence = [], [], False
    previous_end = 0
    for match in _WRITTEN_WORD.finditer(text):
        word = match.group()
        between = text[previous_end : match.start()]
        starts_sentence = bool(_SENTENCE_BREAK.search(text, 0, match.start()))
        capitalised = word[0].isupper()
        joined = capitalised and between in (" ", "-") and not starts_sentence
        if run and not joined:
            names.extend(_name_of(run, run_starts_sentence, context))
            run = []
        if capitalised:
            if not run:
                run_starts_sentence = starts_sentence
            run.append(word)
        previous_end = match.end()
    if run:
        names.extend(_name_of(run, run_starts_sentence, context))
    return names


def weigh(text: str, frequency: dict[str, int], articles: int, context: str = "") -> ClaimTerms:
    """The terms of a claim's ``text``: ``frequency`` holds how many of the catalogue's
    ``articles`` have each of its content words (words none has are left out)."""
    name_words = {scored_word(w) for name in names_in(text, context) for w in name}
    weights: dict[str, float] = {}
    for word, found in frequency.items():
        if found <= 0:
            continue
        weight = idf(found, articles) * (NAME_WEIGHT if scored_word(word) in name_words else 1.0)
        key = scored_word(word)
        weights[key] = max(weight, weights.get(key, 0.0))
    names = tuple(
        name
        for name in dict.fromkeys(
            tuple(scored_word(w) for w in name) for name in names_in(text, context) if len(name) > 1
        )
        if all(w in weights for w in name)
    )
    found = {word: count for word, count in frequency.items() if count > 0}
    return ClaimTerms(weights, names, frozenset(name_words & weights.keys()), found)


def idf(found: int, articles: int) -> float:
    """bm25's inverse document frequency: always above nothing, highest for the rarest word."""
    articles = max(articles, found)
    return math.log(1 + (articles - found + 0.5) / (found + 0.5))


def _name_of(run: list[str], starts_sentence: bool, context: str) -> Iterable[tuple[str, ...]]:
    if starts_sentence:
        first = run[0]
        if len(run) == 1 and not _capitalised_inside(first, context):
            return []
        if words(first) and words(first)[0] in STOP_WORDS:  # "The United Nations"
            run = run[1:]
    folded = tuple(w for word in run for w in words(word) if len(w) > 2 and w not in STOP_WORDS)
    return [folded] if folded else []


def _capitalised_inside(word: str, context: str) -> bool:
    """Whether ``context`` has ``word``, capitalised, after a lower-case word or a comma."""
    return bool(context) and re.search(rf"[a-z,] {re.escape(word)}(?![^\W_])", context) is not None


def _holds(found: list[str], name: tuple[str, ...]) -> bool:
    size = len(name)
    return any(tuple(found[i : i + size]) == name for i, w in enumerate(found) if w == name[0])
