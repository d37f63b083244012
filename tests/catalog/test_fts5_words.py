"""Words cut in Python exactly as SQLite's FTS5 cuts them (catalog.search.fts5_words): what PostgreSQL's
index and queries are made of, so that both backends find the same articles (issue 15)."""

import json
from pathlib import Path

import pytest

from catalog.search.fts5_words import sqlite_words, words
from tests.helpers import SEED_FILE

CORPUS = Path(__file__).parent.parent / "fixtures" / "search_parity.json"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Economy/Energy/Oil", ["economy", "energy", "oil"]),
        ("U.S. and U.K.", ["u", "s", "and", "u", "k"]),
        ("e.g.", ["e", "g"]),
        ("pro-Russian", ["pro", "russian"]),
        ("Biden's Biden’s", ["biden", "s", "biden", "s"]),
        ("3.5% of 1,000 in 1986/87", ["3", "5", "of", "1", "000", "in", "1986", "87"]),
        ("press@ec.europa.eu", ["press", "ec", "europa", "eu"]),
        ("https://t.co/P3ijZY3iyO", ["https", "t", "co", "p3ijzy3iyo"]),
        ("v2.0.1", ["v2", "0", "1"]),
        ("“Parasite” ‘We’re’", ["parasite", "we", "re"]),
        ("Zoë DUPRÉ Ærø straße", ["zoe", "dupre", "ærø", "straße"]),  # ø and ß are letters of their own
        ("Zoe\u0308 \u0301x", ["zoe", "x"]),  # an accent inside a word is dropped, before one it separates
        ("Αθήνα ΑΘΉΝΑ", ["αθήνα", "αθήνα"]),  # SQLite keeps Greek accents: so do we
        ("x² ½ snake_case", ["x²", "½", "snake", "case"]),
        ("İnsan", ["insan"]),
        ("", []),
        ("-- '' !?", []),
    ],
)
def test_words_are_cut_and_folded_as_fts5_does(text, expected):
    assert words(text) == expected
    assert sqlite_words([text]) == [expected]


def test_every_character_is_classed_and_folded_as_sqlite_does():
    """Each code point where a word would start and inside one (``CqCq``: one word if C is a
    letter, folded the same in both places; ``qq`` if it is an accent dropped inside a word; two
    ``q`` if it separates), against the SQLite in use: catalog/search/fts5_unicode.py was made from
    SQLite 3.40.1, and a SQLite whose tables differ shows here first."""
    points = [chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF]
    texts = [" ".join(f"{c}q{c}q" for c in points[i : i + 4096]) for i in range(0, len(points), 4096)]
    mine = [words(text) for text in texts]
    assert mine == sqlite_words(texts)


def test_real_articles_are_cut_as_sqlite_cuts_them():
    articles = json.loads(CORPUS.read_text(encoding="utf-8"))
    texts = [SEED_FILE.read_text(encoding="utf-8")] + [
        field for article in articles for field in (article["title"], article["body"], article["summary"])
    ]
    assert [words(text) for text in texts] == sqlite_words(texts)


def test_a_long_text_is_cut_a_piece_at_a_time_without_cutting_a_word(monkeypatch):
    """``iter_words`` reads a megabyte at a time; here seven characters, over text whose every
    character may end, continue or start a word."""
    import random

    from catalog.search import fts5_words

    monkeypatch.setattr(fts5_words, "_PIECE", 7)
    rng = random.Random(15)
    alphabet = list("ab É\u0301.-'’x²ᦰ\U00010400Zoë/") + ["\u0301\u0301", "  "]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(80))) for _ in range(2000)]
    assert [list(fts5_words.iter_words(text)) for text in texts] == sqlite_words(texts)
