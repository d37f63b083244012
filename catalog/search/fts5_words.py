"""Words as SQLite's full-text index cuts them, in Python: FTS5's ``unicode61`` tokenizer with
``remove_diacritics 2``, so that PostgreSQL's index and queries get exactly the same words.

A word is a run of letters and digits (Unicode categories L*, N* and private use, as SQLite's
own tables class them); every other character separates words, except that some combining
accents inside a word are dropped (``e`` + U+0301 is ``e``). Each character is then folded:
lower case, accents off Latin letters (``Zoë`` → ``zoe``; Greek and Cyrillic keep theirs, as
in SQLite). So ``Economy/Energy/Oil`` is three words, ``U.S.`` two, ``pro-Russian`` two,
``Biden's`` two, ``3.5%`` two, and ``user@example.org`` three, on both backends.

The character classes come from ``catalog.search.fts5_unicode``, made from SQLite itself
(``python -m catalog.search.fts5_words`` writes it again); tests/catalog/test_fts5_words.py compares
every character with the SQLite in use.
"""

import re
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from catalog.search import fts5_unicode

_ASCII_SEPARATORS = "".join(chr(c) for c in range(128) if not chr(c).isalnum())


def _char_class(ranges: Iterable[tuple[int, int]]) -> str:
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )


def _words_pattern(separators, within) -> re.Pattern:
    """A word: a letter or digit, then letters, digits and the accents a word may carry."""
    ascii_separators = re.escape(_ASCII_SEPARATORS)
    return re.compile(
        f"[^{ascii_separators}{_char_class(separators)}][^{ascii_separators}{_char_class(within)}]*"
    )


def _in_bmp(ranges) -> list[tuple[int, int]]:
    return [(a, min(b, 0xFFFF)) for a, b in ranges if a <= 0xFFFF]


_WORD = _words_pattern(fts5_unicode.SEPARATORS, fts5_unicode.SEPARATORS_WITHIN_WORDS)
# Python's re matches a class of Basic Multilingual Plane characters in one step, and a class
# reaching beyond it range by range (ten times slower): text without such characters, nearly
# all text, is cut with the classes of the plane alone.
_BMP_WORD = _words_pattern(_in_bmp(fts5_unicode.SEPARATORS), _in_bmp(fts5_unicode.SEPARATORS_WITHIN_WORDS))
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")
#: A character no word goes on past (not an accent a word may carry).
_WORD_END = re.compile(f"[{re.escape(_ASCII_SEPARATORS)}{_char_class(fts5_unicode.SEPARATORS_WITHIN_WORDS)}]")
_PIECE = 1 << 20
_ASCII_WORD = re.compile("[0-9a-z]+")
_FOLD = {ord(c): ord(c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_FOLD.update(fts5_unicode.FOLDS)
_FOLD.update(dict.fromkeys(fts5_unicode.DIACRITICS))


def words(text: str | None) -> list[str]:
    """The words of ``text`` in order, folded, exactly as FTS5 indexes them."""
    if not text:
        return []
    if text.isascii():
        return _ASCII_WORD.findall(text.lower())
    pattern = _WORD if _BEYOND_BMP.search(text) else _BMP_WORD
    return [word.lower() if word.isascii() else word.translate(_FOLD) for word in pattern.findall(text)]


def iter_words(text: str | None) -> Iterator[str]:
    """``words(text)`` a megabyte of text at a time: an article's text may be a gigabyte, of a
    hundred million words. Each cut is moved on to a character that ends any word."""
    start, length = 0, len(text or "")
    while start < length:
        end = start + _PIECE
        cut = _WORD_END.search(text, end) if end < length else None
        stop = cut.start() if cut else length
        yield from words(text[start:stop])
        start = stop


def sqlite_words(texts: list[str]) -> list[list[str]]:
    """The words SQLite's own FTS5 (``unicode61 remove_diacritics 2``) makes of each text: the
    reference ``words`` follows, asked of the SQLite this Python uses."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
        connection.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
        connection.executemany("INSERT INTO t (rowid, x) VALUES (?, ?)", enumerate(texts))
        found: list[list[tuple[int, str]]] = [[] for _ in texts]
        for row, term, offset in connection.execute("SELECT doc, term, offset FROM v"):
            found[row].append((offset, term))
        return [[term for _, term in sorted(row)] for row in found]
    finally:
        connection.close()


def _classes() -> tuple[list[int], list[int], dict[int, int]]:
    """What SQLite does with each code point above U+007F: those that separate words, those of
    them kept within a word (and dropped), and the folds (code point → code point)."""
    points = [c for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF]
    # "Cq": a word "fq" if C starts one (f its fold), else "q". "qCq": "qfq", "qq" or "q", "q".
    starts = sqlite_words([" ".join(f"{chr(c)}q" for c in points)])[0]
    separators, folds = [], {}
    for c, word in zip(points, starts, strict=True):
        if word == "q":
            separators.append(c)
        elif word[0] != chr(c):
            folds[c] = ord(word[0])
    within = sqlite_words([f"q{chr(c)}q" for c in separators])
    kept = [c for c, found in zip(separators, within, strict=True) if found == ["qq"]]
    return separators, kept, folds


def _ranges(points: list[int]) -> list[tuple[int, int]]:
    ranges: list[list[int]] = []
    for c in points:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return [(a, b) for a, b in ranges]


def write_table(target: Path) -> None:
    """Write ``catalog/search/fts5_unicode.py`` from the SQLite this Python uses."""
    separators, diacritics, folds = _classes()
    within = [c for c in separators if c not in set(diacritics)]

    def rows(items: list[str], per_line: int) -> str:
        return "".join(f"    {', '.join(items[i : i + per_line])},\n" for i in range(0, len(items), per_line))

    text = (
        f'"""How SQLite {sqlite3.sqlite_version}\'s FTS5 tokenizer ``unicode61 remove_diacritics 2`` '
        "treats each\ncharacter beyond ASCII, asked of SQLite itself by ``python -m catalog.search.fts5_words`` "
        '(which wrote\nthis file; see catalog.search.fts5_words). Do not edit by hand.\n"""\n\n'
        f'SQLITE_VERSION = "{sqlite3.sqlite_version}"\n\n'
        "#: Code points (first, last) that separate words.\n"
        f"SEPARATORS = (\n{rows([f'(0x{a:x}, 0x{b:x})' for a, b in _ranges(separators)], 6)})\n\n"
        "#: Those of them that also separate words inside a word (the rest are accents it keeps).\n"
        f"SEPARATORS_WITHIN_WORDS = (\n{rows([f'(0x{a:x}, 0x{b:x})' for a, b in _ranges(within)], 6)})\n\n"
        "#: Accents dropped inside a word: they separate words only where a word would start.\n"
        f"DIACRITICS = (\n{rows([f'0x{c:x}' for c in diacritics], 10)})\n\n"
        "#: Letters folded to another (lower case, accents off): code point to code point.\n"
        f"FOLDS = {{\n{rows([f'0x{a:x}: 0x{b:x}' for a, b in sorted(folds.items())], 6)}}}\n"
    )
    target.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_table(Path(__file__).with_name("fts5_unicode.py"))
    print(
        f"wrote {Path(__file__).with_name('fts5_unicode.py')} from SQLite {sqlite3.sqlite_version}",
        file=sys.stderr,
    )
