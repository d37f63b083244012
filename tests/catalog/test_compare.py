"""What changed between two copies (catalog.stories.compare), on real text: the seed article and
a republication of it (tests/compare_texts.py)."""

import re

import pytest

from catalog.importing import import_paths
from catalog.stories.compare import NoSuchArticle, compare, compare_articles
from tests.compare_texts import (
    CHANGED_WORDS,
    FOOTER,
    LEAD_IN,
    copy_file_text,
    dropped_words,
    paragraphs,
    republished,
    seed_body,
)
from tests.helpers import SEED_FILE

WORD = re.compile(r"\w+(?:['’]\w+)*")


def changes(comparison):
    return [
        (run.kind, comparison.text(run, "left"), comparison.text(run, "right"))
        for run in comparison.runs
        if run.kind != "equal"
    ]


def test_a_republication_of_the_seed_counts_what_changed_and_marks_the_boilerplate():
    body = seed_body()
    comparison = compare(body, republished(body))
    assert (comparison.changed, comparison.added, comparison.removed) == (CHANGED_WORDS, 0, dropped_words())
    assert (comparison.boilerplate_left, comparison.boilerplate_right) == (0, 2)
    left_words = len(WORD.findall(body))
    assert comparison.kept == round((left_words - CHANGED_WORDS - dropped_words()) / left_words, 3)
    found = changes(comparison)
    # The lead-in and the footer are boilerplate, in their places, never "added" words.
    assert found[0] == ("boilerplate: lead-in", "", LEAD_IN)
    assert found[-1] == ("boilerplate: footer", "", FOOTER)
    # Words as written, with the punctuation against them: the quote closing "confidence".
    assert ("changed", 'confidence"', 'faith"') in found
    assert ("changed", "heavy", "severe") in found
    [removed] = [change for change in found if change[0] == "removed"]
    assert removed[1] == paragraphs(body)[-1]
    # Rewrapping changed nothing: every other paragraph is one equal run.
    assert sum(1 for run in comparison.runs if run.paragraph) >= len(paragraphs(body)) - 5


def test_the_runs_cover_both_texts_word_for_word_in_reading_order():
    body = seed_body()
    copy = republished(body)
    comparison = compare(body, copy)
    for side, text in (("left", body), ("right", copy)):
        shown = " ".join(comparison.text(run, side) for run in comparison.runs)
        assert WORD.findall(shown) == WORD.findall(text)
        spans = [getattr(run, side) for run in comparison.runs]
        assert all(start <= end for start, end in spans)
        assert [start for start, _ in spans] == sorted(start for start, _ in spans)


def test_case_quote_styles_and_line_breaks_are_not_changes():
    left = "He said: “We won’t back down.”\n\nThe Minister’s office agreed."
    right = "HE SAID: \"WE WON'T\nBACK DOWN.\"\n\nthe minister's office agreed."
    comparison = compare(left, right)
    assert (comparison.added, comparison.removed, comparison.changed, comparison.kept) == (0, 0, 0, 1.0)
    assert {run.kind for run in comparison.runs} == {"equal"}


def test_a_replacement_of_unequal_length_counts_changed_then_added():
    comparison = compare("The talks failed on Monday.", "The talks collapsed late on Sunday night.")
    # "failed" -> "collapsed late" (1 changed, 1 added), "Monday" -> "Sunday night" (1 changed, 1 added)
    assert (comparison.changed, comparison.added, comparison.removed) == (2, 2, 0)
    assert comparison.kept == 0.6


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("", "", (0, 0, 0, 1.0, 0)),
        ("", "Three new words.", (3, 0, 0, 0.0, 1)),
        ("Three old words.", "", (0, 3, 0, 0.0, 1)),
        ("   \n\n  ", "\n", (0, 0, 0, 1.0, 0)),
        ("— … —", "!!", (0, 0, 0, 1.0, 0)),
    ],
)
def test_empty_and_wordless_texts(left, right, expected):
    comparison = compare(left, right)
    assert (
        comparison.added,
        comparison.removed,
        comparison.changed,
        comparison.kept,
        len(comparison.runs),
    ) == expected


def test_identical_texts_are_equal_paragraphs_only():
    body = seed_body()
    comparison = compare(body, body)
    assert comparison.differences == 0 and comparison.kept == 1.0
    assert all(run.kind == "equal" and run.paragraph for run in comparison.runs)
    assert len(comparison.runs) == len([p for p in paragraphs(body) if WORD.search(p)])


def test_a_text_of_ten_thousand_words_against_an_excerpt_of_it():
    body = seed_body()
    long = "\n\n".join(
        f"Part {number}. {paragraph}" for number in range(30) for paragraph in paragraphs(body)
    )
    excerpt = "\n\n".join(paragraphs(body)[:3]) + "\n\nRead the rest at https://example.org/story\n"
    long_words = len(WORD.findall(long))
    assert long_words > 10_000
    comparison = compare(long, excerpt)
    assert comparison.boilerplate_right == 1
    assert comparison.added == 0
    equal = sum(run.left_words for run in comparison.runs if run.kind == "equal")
    assert comparison.removed + comparison.changed + equal == long_words
    assert equal == len(WORD.findall(excerpt)) - 8  # all of the excerpt but its read-more line
    assert comparison.kept == round(equal / long_words, 3)
    reverse = compare(excerpt, long)
    assert reverse.removed == 0 and reverse.kept == 1.0
    assert [run.boilerplate for run in reverse.runs if run.boilerplate] == ["footer"]


def test_one_long_paragraph_each_side_still_aligns():
    body = seed_body()
    one = " ".join(paragraphs(body))
    other = " ".join(paragraphs(republished(body))[1:-1])  # no lead-in, no footer, all one line
    comparison = compare(one, other)
    assert (comparison.changed, comparison.added, comparison.removed) == (CHANGED_WORDS, 0, dropped_words())


def test_a_sentence_starting_like_boilerplate_in_the_middle_is_text():
    left = "First paragraph of the report.\n\nBy the time rescuers arrived, it was over.\n\nLast paragraph."
    right = "First paragraph of the report.\n\nLast paragraph."
    comparison = compare(left, right)
    assert comparison.removed == 8
    assert comparison.boilerplate_left == 0


def test_compare_articles_reads_both_with_their_headers(catalogue, write):
    write("copy.txt", copy_file_text())
    import_paths([SEED_FILE, write.root / "copy.txt"])
    compared = compare_articles(1, 2)
    assert (compared.left.article_id, compared.left.outlet, compared.left.date) == (
        1,
        "AntiWar.com",
        "2022-06-29",
    )
    assert (compared.right.article_id, compared.right.outlet, compared.right.date) == (
        2,
        "Example News",
        "2022-07-02",
    )
    assert compared.comparison.changed == CHANGED_WORDS
    assert compared.comparison.removed == dropped_words()
    with pytest.raises(NoSuchArticle, match="no article with id 9"):
        compare_articles(1, 9)
    with pytest.raises(NoSuchArticle, match="no article with id 7"):
        compare_articles(7, 1)
