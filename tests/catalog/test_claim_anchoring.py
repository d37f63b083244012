"""Where claims go when an article's text is edited: the diff by lines, words and letters, and
claims carried onto their words."""

import random

import pytest

from catalog.claims.anchoring import LETTERS_UP_TO, edit_opcodes, reanchor
from catalog.importing.article_text import parse_article
from tests.helpers import SEED_FILE

SEED = parse_article(SEED_FILE.read_text(encoding="utf-8")).body


def rebuilt(old: str, new: str, opcodes) -> str:
    """``new`` put together from the opcodes: equal parts from ``old``, the rest from ``new``."""
    parts, old_at, new_at = [], 0, 0
    for tag, old_from, old_to, new_from, new_to in opcodes:
        assert (old_from, new_from) == (old_at, new_at), "opcodes must follow on"
        if tag == "equal":
            assert old[old_from:old_to] == new[new_from:new_to]
        parts.append(new[new_from:new_to])
        old_at, new_at = old_to, new_to
    assert (old_at, new_at) == (len(old), len(new))
    return "".join(parts)


def edited(text: str, rng: random.Random, edits: int) -> str:
    words = ["Ukraine", "said", "the", "officials", "“losing confidence”", "\n\n", "U.S.", "24", "—"]
    for _ in range(edits):
        at = rng.randrange(len(text) + 1)
        kind = rng.choice(("insert", "delete", "replace"))
        length = rng.randint(1, 60)
        new = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
        if kind == "insert":
            text = text[:at] + new + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + length :]
        else:
            text = text[:at] + new + text[at + length :]
    return text


@pytest.mark.parametrize("seed", range(40))
def test_the_opcodes_turn_the_old_text_into_the_new_one(seed):
    rng = random.Random(seed)
    old = SEED * (1 + seed % 4)  # up to 11 KB of real text
    new = edited(old, rng, 1 + seed % 12)
    opcodes = edit_opcodes(old, new)
    assert rebuilt(old, new, opcodes) == new


def test_identical_empty_and_wholly_new_texts():
    assert edit_opcodes(SEED, SEED) == [("equal", 0, len(SEED), 0, len(SEED))]
    assert edit_opcodes("", "Text.") == [("insert", 0, 0, 0, 5)]
    assert edit_opcodes("Text.", "") == [("delete", 0, 5, 0, 0)]
    other = SEED[::-1]
    assert rebuilt(SEED, other, edit_opcodes(SEED, other)) == other


def test_a_short_change_is_exact_to_the_letter_a_long_one_to_the_word():
    old = "The minister said taxes will fall next year. Critics said the deficit would grow."
    new = old.replace("fall", "falls").replace("grow", "grows")
    changes = [(tag, new[j1:j2]) for tag, _, _, j1, j2 in edit_opcodes(old, new) if tag != "equal"]
    assert changes == [("insert", "s"), ("insert", "s")]  # the one letter added, twice
    new = SEED.replace("officials", "diplomats")
    assert len(SEED) > LETTERS_UP_TO
    opcodes = edit_opcodes(SEED, new)
    assert all(op[4] - op[3] < 20 for op in opcodes if op[0] != "equal")  # no more than a word
    assert rebuilt(SEED, new, opcodes) == new


def test_a_claim_follows_edits_before_and_after_it_in_real_text():
    claim = 'White House officials are "losing confidence"'
    start = SEED.index("White House officials")
    end = start + len(claim)
    assert SEED[start:end] == claim
    new = "UPDATED. " + SEED.replace("Donbas", "Donbass").replace("Ukraine", "Ukraine,", 3)
    new = new[: len(new) // 2] + "\n\nA new paragraph.\n\n" + new[len(new) // 2 :]
    span = reanchor(SEED, new, start, end, claim)
    assert new[span[0] : span[1]] == claim


def test_a_claim_whose_words_were_edited_covers_what_replaced_them_and_is_gone_with_them():
    old = "Critics said the deficit would grow instead. Others agreed."
    start = old.index("the deficit")
    end = start + len("the deficit would grow")
    new = old.replace("deficit would grow", "deficit would surely grow")
    span = reanchor(old, new, start, end, old[start:end])
    assert new[span[0] : span[1]] == "the deficit would surely grow"
    replaced = "Critics said nothing. Others agreed."
    span = reanchor(old, replaced, start, end, old[start:end])
    assert replaced[span[0] : span[1]] == "nothing"  # not "th", two letters it shares
    gone = "Critics said. Others agreed."
    assert reanchor(old, gone, start, end, old[start:end]) is None


def test_of_two_places_with_the_claims_words_the_nearest_is_kept():
    old = "Taxes will fall, he said. Later: taxes will fall, she said."
    start = old.rindex("taxes will fall")
    end = start + len("taxes will fall")
    new = old.replace("Later:", "Later, on the radio:").replace(
        "taxes will fall, she", "taxes will  fall, she"
    )
    span = reanchor(old, new, start, end, "taxes will fall")
    assert span[0] > new.index("radio") and new[span[0] : span[1]].split() == ["taxes", "will", "fall"]
