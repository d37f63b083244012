"""Crafted files cannot stall an import, and Cancel works within a batch (issue 14, item 9).

Speed itself is measured by benchmarks/bench_import_crafted.py, never asserted here. These tests
only bound the attack: each crafted input below stalled the old code for minutes to hours (its
cost grew 4x per doubling) and takes well under a second now, so a generous timeout is a hang
guard, not a timing.
"""

import pytest

from catalog.articles import get_article
from catalog.importing import import_paths, reading
from catalog.importing.article_text import TITLE_MAX, parse_article
from catalog.importing.header import parse_header
from catalog.models import Article
from catalog.summaries import sentence_spans, suggest_summary
from tests.helpers import article_file

MB = 1_200_000
STORY = (
    "Mr. Smith met U.S. officials in Washington on Tuesday. “We will not back down,” he said. "
    "Talks resume in Jan. next year, according to Dr. Jones of the St. Louis office."
)


@pytest.mark.timeout(30)
def test_a_first_paragraph_of_mr_repeated_gets_a_title_quickly():
    article = parse_article("Mr. " * (MB // 4))
    assert article.title.startswith("Mr. Mr. Mr.")
    assert article.title.endswith("Mr.…") and len(article.title) <= TITLE_MAX


@pytest.mark.timeout(30)
def test_a_run_of_full_stops_is_split_into_sentences_quickly():
    text = "." * MB + "x"
    assert sentence_spans(text) == [(0, MB + 1)]
    assert suggest_summary(text) == text


@pytest.mark.timeout(30)
def test_a_header_line_with_a_megabyte_of_spaces_is_no_header_quickly():
    assert parse_header("date 2022-01-01" + " " * MB + "x") is None
    article = parse_article("date 2022-01-01" + " " * MB + "x\n\nBody.")
    assert article.date is None and article.title.startswith("date 2022-01-01")


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "text",
    [
        "Mr." * 40_000,
        "a. " * 40_000,
        "U.S. " * 20_000,
        "(" * 50_000 + "Mr. " * 10_000,
        "\n" * 100_000 + "x",
        " " * 100_000 + "x",
        "date 2022-01-01 authored by " + "x via " * 20_000,
        '"' * 100_000,
        "…" * 100_000,
        ".) " * 30_000 + "A",
        ".)" + ")" * 100_000 + "x",
        "Mr. \n\n" * 20_000,
        "No. 1. " * 15_000,
        "date 2022-01-01 Authored by " + "A and " * 20_000 + ",",
    ],
    ids=lambda text: repr(text[:12]),
)
def test_other_crafted_paragraphs_are_read_quickly(text):
    parse_article(text)
    suggest_summary(text)


@pytest.mark.timeout(120)
def test_a_crafted_file_among_real_ones_is_imported_with_them(catalogue, write):
    for number in range(20):
        write(f"{number:03d}.txt", article_file(f"Story {number}", f"{STORY}\n\nStory {number} ends here."))
    crafted = write("crafted.txt", "Mr. " * (MB // 4))
    report = import_paths([write.root])
    assert report.summary() == "21 imported, 0 duplicates, 0 failed"
    [article_id] = [item.article_id for item in report.imported if item.path == str(crafted)]
    assert get_article(article_id)["title"].startswith("Mr. Mr. Mr.")


def test_the_title_of_real_text_is_unchanged_by_the_bound():
    """The title is looked for in the first TITLE_SCAN characters only: same titles as before."""
    assert parse_article(STORY).title == "Mr. Smith met U.S. officials in Washington on Tuesday."
    long_sentence = "word " * 400 + "end. Next."
    assert parse_article(long_sentence).title == ("word " * 24).strip() + "…"


def test_cancel_takes_effect_within_a_batch(catalogue, write, monkeypatch):
    """One batch of slow files (big ones, a slow disk): Cancel stops it after the file being
    read, instead of after the whole batch (which old code read and stored)."""
    for number in range(30):
        write(f"{number:02d}.txt", article_file(f"Story {number}", f"Text {number}."))
    real_prepare = reading.prepare
    read = []

    def slow_prepare(candidate, max_size):
        read.append(candidate)
        return real_prepare(candidate, max_size)

    monkeypatch.setattr(reading, "prepare", slow_prepare)
    report = import_paths([write.root], cancelled=lambda: len(read) >= 3, workers=0)
    assert report.cancelled
    assert len(read) == 3  # the rest of the batch was never read
    assert report.imported == [] and Article.select().count() == 0  # nothing half-done stored


def test_big_files_make_smaller_batches(catalogue, write, monkeypatch):
    """A batch is bounded by bytes as well as by count, so its write transaction stays short."""
    monkeypatch.setattr(reading, "BATCH_BYTES", 10_000)
    for number in range(6):
        write(f"{number}.txt", article_file(f"Long {number}", f"Paragraph {number}. " * 300))  # ~4 KB
    seen = []
    report = import_paths([write.root], progress=lambda done, path: seen.append(done), workers=0)
    assert report.summary() == "6 imported, 0 duplicates, 0 failed"
    assert seen == [2, 4, 6]
