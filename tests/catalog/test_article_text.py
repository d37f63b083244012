"""Title and body from an article file's text: the headline rule and the first-sentence title."""

import datetime

from catalog.importing.article_text import HEADLINE_MAX, TITLE_MAX, parse_article
from tests.helpers import SEED_FILE, article_file

HEADER = " date 2022-06-29 Authored by Dave DeCamp via AntiWar.com,"


def test_the_seed_article():
    article = parse_article(SEED_FILE.read_text(encoding="utf-8"))
    assert article.date == datetime.date(2022, 6, 29)
    assert article.authors == ("Dave DeCamp",)
    assert article.outlet == "AntiWar.com"
    assert article.title.startswith("According to a report from CNN, White House officials")
    assert article.title.endswith("…") and len(article.title) <= TITLE_MAX
    assert "date 2022-06-29" not in article.body
    assert article.body.startswith("According to a report from CNN")
    assert "President Biden’s advisors" in article.body  # curly apostrophe intact
    assert "\n\n" in article.body  # paragraphs kept
    assert article.body.startswith(
        'According to a report from CNN, White House officials are "losing confidence" that Ukraine will '
        "be able to retake all the territory Russia has captured since it invaded on February 24 as Russian "
        "forces continue to make gains in the eastern Donbas region.\n\nUnnamed US officials"
    )
    assert article.body.endswith("actively discouraged Ukraine from negotiating.")
    assert "Ukraine is losing in the war.\n\n\n\nTo get to parity" in article.body  # as in the file


def test_a_short_unpunctuated_first_line_is_the_headline_and_leaves_the_body():
    article = parse_article(
        article_file("Biden's advisers doubt Ukraine can win", "Officials said so. More.")
    )
    assert article.title == "Biden's advisers doubt Ukraine can win"
    assert article.body == "Officials said so. More."


def test_paragraph_breaks_survive_after_a_headline_and_without_one():
    text = "Headline here\n\n\nFirst paragraph.\n\nSecond paragraph.\n"
    assert parse_article(text).body == "First paragraph.\n\nSecond paragraph."
    assert parse_article("First paragraph.\n\nSecond.\n").body == "First paragraph.\n\nSecond."


def test_headline_after_the_header():
    article = parse_article(article_file("US Losing Confidence", "Officials said so.", header=HEADER))
    assert article.title == "US Losing Confidence"
    assert article.body == "Officials said so."
    assert article.outlet == "AntiWar.com"


def test_a_first_line_ending_a_sentence_is_not_a_headline():
    for ending in (".", "!", "?", "…", '."', ".”"):
        article = parse_article(f"The minister resigned{ending}\n\nMore text follows here.")
        assert article.body.startswith("The minister resigned"), ending
        assert article.title == f"The minister resigned{ending}"


def test_headline_length_limit():
    at_limit = "W" * HEADLINE_MAX
    too_long = "W" * (HEADLINE_MAX + 1)
    assert parse_article(f"{at_limit}\n\nBody here.").title == at_limit
    long_one = parse_article(f"{too_long}\n\nBody here.")
    assert long_one.body.startswith(too_long)
    assert len(long_one.title) <= 120


def test_title_is_the_first_sentence_when_there_is_no_headline():
    article = parse_article("The Senate voted on Tuesday. The bill now goes to the House.")
    assert article.title == "The Senate voted on Tuesday."


def test_abbreviations_do_not_end_the_first_sentence():
    article = parse_article("Mr. Smith met U.S. officials in Washington. Then he left.")
    assert article.title == "Mr. Smith met U.S. officials in Washington."


def test_long_first_sentence_is_cut_at_a_word_boundary_with_an_ellipsis():
    words = "word " * 60 + "end."
    title = parse_article(words).title
    assert len(title) <= TITLE_MAX
    assert title.endswith("word…")
    assert "wor…" not in title


def test_headerless_file_has_unknown_metadata():
    article = parse_article("Just a paragraph of text, with no header at all.\n")
    assert (article.date, article.authors, article.outlet) == (None, (), None)
    assert article.title == "Just a paragraph of text, with no header at all."


def test_newlines_and_bom_are_normalised():
    text = "\ufeff" + HEADER + "\r\n\r\nFirst paragraph.\r\nSame paragraph.\r\rSecond paragraph.\r\n"
    article = parse_article(text)
    assert article.outlet == "AntiWar.com"
    assert article.body == "First paragraph.\nSame paragraph.\n\nSecond paragraph."


def test_blank_lines_before_the_header_are_skipped():
    article = parse_article("\n\n" + HEADER + "\nBody text.")
    assert article.date == datetime.date(2022, 6, 29)


def test_header_only_file_falls_back_to_the_given_title():
    article = parse_article(HEADER + "\n", fallback_title="report-17")
    assert article.title == "report-17"
    assert article.body == ""
