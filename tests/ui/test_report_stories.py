"""The report's story section in the PDF (text read back with pypdf): after the summary in a
one-article report, one section per story after a selection's articles, none without a story."""

import datetime

import pytest
from PySide6.QtGui import QPageSize

from catalog.catalogue import close_catalogue, open_catalogue
from catalog.editing import ArticleEdit, edit_article
from catalog.importing import import_paths
from catalog.reporting import build_report
from tests.compare_texts import copy_file_text
from tests.helpers import SEED_FILE, article_file
from tests.ui.test_reports import pdf_pages, squash
from ui.report.output import export_pdf

TODAY = datetime.date(2026, 12, 2)
A4 = QPageSize(QPageSize.PageSizeId.A4)


@pytest.fixture
def catalogue(db_path):
    opened = open_catalogue(db_path)
    yield opened
    close_catalogue()


@pytest.fixture
def articles(catalogue, tmp_path):
    """The seed (1), a republication of it (2), and an article of its own (3)."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "copy.txt").write_text(copy_file_text(), encoding="utf-8")
    (folder / "other.txt").write_text(article_file("Harbour reopens", "The harbour reopened on Tuesday."))
    imported = import_paths([SEED_FILE, folder / "copy.txt", folder / "other.txt"]).imported
    return [item.article_id for item in imported]


def pdf_text(ids, tmp_path, name="report.pdf") -> str:
    report = build_report(ids, catalogue="Desk", selection="chosen", today=TODAY)
    target = tmp_path / name
    export_pdf(report, target, A4)
    return "".join(pdf_pages(target))


def test_a_one_article_report_shows_its_story_after_the_summary(articles, tmp_path, qapp):
    _seed, copy, _ = articles
    edit_article(copy, ArticleEdit(summary="Officials doubt a full Ukrainian victory."))
    text = pdf_text([copy], tmp_path)
    summary = text.index(squash("Officials doubt a full Ukrainian victory."))
    section = text.index(squash("Copies of this story"))
    assert summary < section < text.index(squash("Source file: copy.txt"))
    for expected in (
        "First appeared: AntiWar.com · 2022-06-29 (article 1)",
        "Republished: 1 copy besides the first",
        "Example News",
        "2022-07-02",
        "3 · 0 · 26",
        "2, this article",
        "“confidence” → “faith”",
        "“heavy” → “severe”",
    ):
        assert squash(expected) in text[section:], expected


def test_a_selection_has_a_section_per_story_at_the_end(articles, tmp_path, qapp):
    seed, copy, other = articles
    text = pdf_text([other, seed, copy], tmp_path)
    section = text.index(squash("Copies and republications"))
    assert section > text.index(squash("Harbour reopens"))
    after = text[section:]
    assert squash("First appeared: AntiWar.com · 2022-06-29 (article 1, in this report)") in after
    assert squash("2, in this report") in after
    assert after.count(squash("First appeared:")) == 1


def test_no_story_no_section(articles, tmp_path, qapp):
    *_, other = articles
    for ids, name in (([other], "one.pdf"), ([other, other + 100], "missing.pdf")):
        text = pdf_text(ids, tmp_path, name)
        assert squash("Copies of this story") not in text
        assert squash("Copies and republications") not in text
        assert squash("Harbour reopens") in text
