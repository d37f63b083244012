"""The summary report as PDF (text checked with pypdf), print preview, and suggested summaries."""

import datetime
import os
import re
import subprocess
import sys
import unicodedata

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog

from catalog.articles import get_article
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.claims.store import add_claim_by_text, link_claims
from catalog.editing import ArticleEdit, edit_article
from catalog.importing import import_paths
from catalog.models import Article
from catalog.reporting import build_report
from catalog.search import fulltext
from tests.helpers import article_file
from tests.ui.driving import import_and_wait, trigger
from ui.dialogs.report_scope import SHOWN, ReportScopeDialog
from ui.report.output import export_pdf

TODAY = datetime.date(2026, 11, 26)


def write_articles(folder, count: int = 3) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    special = [
        (
            "<script>alert(1)</script> & <b>bold</b>",
            "Zoë Dupré via Le Monde",
            "Le Monde",
            "Les ministres ont parlé.",
        ),
        ("Москва и Ἀθῆναι", "Иван Петров via ТАСС", "ТАСС", "Министр заявил, что налоги снизятся. Ἀθῆναι."),
        ("Budget day", "Ann Lee via Daily", "Daily", "The minister said taxes will fall next year."),
    ]
    for number in range(count):
        if number < len(special):
            title, byline, _, body = special[number]
        else:
            title, byline, body = (
                f"Report number {number}",
                "Bo Chan via Weekly",
                f"Routine text {number}. " * 40,
            )
        header = f" date 2022-0{1 + number % 9}-1{number % 10} Authored by {byline},"
        (folder / f"{number:03d}.txt").write_text(article_file(title, body, header=header), encoding="utf-8")


def pdf_pages(path) -> list[str]:
    """Each page's text, squashed: pypdf spaces and breaks words its own way, and sets ligatures."""
    return [squash(page.extract_text()) for page in PdfReader(str(path)).pages]


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def catalogue(tmp_path):
    opened = open_catalogue(str(tmp_path / "report.sqlite3"))
    yield opened
    close_catalogue()


def test_pdf_holds_everything_literally_with_page_numbers(catalogue, tmp_path, qapp):
    write_articles(tmp_path / "a")
    ids = [item.article_id for item in import_paths([tmp_path / "a"]).imported]
    edit_article(
        ids[0], ArticleEdit(topics=["Politics/France"], summary="Résumé: <i>les</i> ministres & co.")
    )
    edit_article(ids[1], ArticleEdit(summary="Краткое содержание: Ἀθῆναι"))
    claim = add_claim_by_text(
        ids[2], "taxes will fall next year", claimant="The minister", verdict="mostly false"
    )
    other = add_claim_by_text(ids[1], "налоги снизятся", verdict="true")
    link_claims(other, claim, "contradicts", "figures differ")
    report = build_report(ids, catalogue="Desk", selection="3 selected articles", today=TODAY)
    target = tmp_path / "out.pdf"
    pages = export_pdf(report, target, QPageSize(QPageSize.PageSizeId.A4))
    texts = pdf_pages(target)
    text = "".join(texts)
    assert len(texts) == pages >= 1
    for expected in (
        "<script>alert(1)</script> & <b>bold</b>",  # literally, not as markup
        "Москва и Ἀθῆναι",
        "Zoë Dupré",
        "Le Monde",
        "Иван Петров",
        "2022-01-10",
        "Politics/France",
        "Résumé: <i>les</i> ministres & co.",
        "Краткое содержание",
        "taxes will fall next year",
        "The minister",
        "[mostly false]",
        "is contradicted by “налоги снизятся”",
        "figures differ",
        "Source file: 000.txt",
        "Catalogue: Desk",
        "Selection: 3 selected articles",
        "26 November 2026",
        f"Page 1 of {pages}",
    ):
        assert squash(expected) in text, expected
    box = PdfReader(str(target)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_a_long_report_has_contents_and_keeps_articles_whole(catalogue, tmp_path, qapp):
    write_articles(tmp_path / "many", 24)
    ids = [item.article_id for item in import_paths([tmp_path / "many"]).imported]
    report = build_report(ids, catalogue="Desk", selection="everything", today=TODAY)
    target = tmp_path / "long.pdf"
    export_pdf(report, target, QPageSize(QPageSize.PageSizeId.Letter))
    texts = pdf_pages(target)
    assert "Contents" in texts[0] or "Contents" in texts[1]
    box = PdfReader(str(target)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    contents = "".join(texts[:2])
    for item in report.articles[3:]:
        title = squash(item.article["title"])
        [page] = [n + 1 for n, page_text in enumerate(texts) if f"{title}Weekly·BoChan" in page_text]
        listed = re.search(rf"{re.escape(title)}—Weekly(\d+)", contents)
        assert listed and int(listed.group(1)) == page, title
        # Kept whole: its source line is on the same page as its title.
        source = squash(f"Source file: {os.path.basename(item.article['source'])}")
        assert source in texts[page - 1], title


def test_export_pdf_from_the_command_line_without_a_display(tmp_path):
    write_articles(tmp_path / "cli")
    db = str(tmp_path / "cli.sqlite3")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = [sys.executable, "-m", "catalog", "--db", db]
    assert (
        subprocess.run(
            [*run, "import", str(tmp_path / "cli")], env=env, capture_output=True, check=False
        ).returncode
        == 0
    )
    done = subprocess.run(
        [*run, "export-pdf", str(tmp_path / "r.pdf"), "--query", "minister", "--paper", "letter"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"wrote 1 page on 1 article to .*r\.pdf\n", done.stdout)
    assert "Budgetday" in pdf_pages(tmp_path / "r.pdf")[0]
    missing = subprocess.run(
        [*run, "export-pdf", str(tmp_path / "x.pdf"), "--ids", "1,77"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 1 and missing.stderr == "catalog: no article with id 77\n"
    assert not (tmp_path / "x.pdf").exists()
    csv = subprocess.run(
        [*run, "export-csv", "-", "--ids", "3,1"], env=env, capture_output=True, text=True, check=False
    )
    assert csv.returncode == 0 and [line.split(",")[0] for line in csv.stdout.splitlines()] == [
        "id",
        "3",
        "1",
    ]


@pytest.fixture
def news(window, qtbot, tmp_path):
    write_articles(tmp_path / "news", 4)
    import_and_wait(qtbot, window, [str(tmp_path / "news")])
    return window


def choose_scope(monkeypatch, scope: int, paper: str = "a4") -> None:
    def exec_(dialog):
        dialog.group.button(scope).setChecked(True)
        dialog.paper.setCurrentIndex(dialog.paper.findData(paper))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReportScopeDialog, "exec", exec_)


def test_print_preview_opens_with_pages(news, qtbot, monkeypatch):
    choose_scope(monkeypatch, SHOWN)
    seen = {}

    def look_and_close():
        dialog = news.findChild(QPrintPreviewDialog, "printPreview")
        widget = dialog.findChild(QPrintPreviewWidget)
        seen["pages"] = widget.pageCount()
        dialog.close()

    QTimer.singleShot(200, look_and_close)
    trigger(news, "actionPrintPreview")
    assert seen["pages"] >= 1


def test_export_pdf_from_the_window(news, qtbot, monkeypatch, tmp_path):
    choose_scope(monkeypatch, SHOWN, paper="letter")
    target = tmp_path / "window.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    trigger(news, "actionExportPdf")
    text = "".join(pdf_pages(target))
    assert (
        "Budgetday" in text
        and "Москва" in text
        and squash("Selection: Every article in the catalogue") in text
    )
    assert news.statusBar().currentMessage().startswith("Wrote ")


def test_suggest_summary_button_fills_the_summary_and_undo_empties_it(news, qtbot):
    article_id = news.articles.current_article_id()
    body = get_article(article_id)["body"]
    qtbot.mouseClick(news.detail.editor.suggest_button, Qt.MouseButton.LeftButton)
    summary = get_article(article_id)["summary"]
    assert summary and all(sentence.strip() in body for sentence in re.split(r"(?<=[.!?])\s+", summary))
    assert news.detail.editor.summary_edit.toPlainText() == summary
    news.session.undo_stack.undo()
    assert get_article(article_id)["summary"] == ""


def test_suggest_summaries_for_a_selection_in_the_background(news, qtbot):
    table = news.articles.table
    table.selectAll()
    edit_article(news.articles.current_article_id(), ArticleEdit(summary="Written by a person."))
    trigger(news, "actionSuggestSummaries")
    assert news.findChild(QProgressDialog, "summaryProgress") is not None
    qtbot.waitUntil(lambda: news.statusBar().currentMessage().startswith("Summaries:"), timeout=10_000)
    summaries = [get_article(i)["summary"] for i in news.articles.selected_article_ids()]
    assert "Written by a person." in summaries and all(summaries)
    assert "1 kept as people wrote them" in news.statusBar().currentMessage()
    news.session.undo_stack.undo()
    assert sorted(get_article(i)["summary"] for i in news.articles.selected_article_ids()) == [""] * 3 + [
        "Written by a person."
    ]


# --- characters the page could not show -------------------------------------------------------

KOREAN = "서울 시장 선거 결과 발표"
EMOJI = "🎉 👍 🗳"
CONTROLS = "Bell\x07 escape\x1b[2J C1\x85 DEL\x7f"
NO_FONT = "\ue000\U0010fffd\u0378"  # private use, private use, unassigned: in no font


def pdf_fonts(path) -> set[str]:
    """The fonts a PDF embeds, without their subset prefix."""
    names = set()
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1].lstrip("/"))
    return names


def test_hangul_and_emoji_print_from_the_bundled_fonts(catalogue, tmp_path, qapp):
    (tmp_path / "k").mkdir()
    (tmp_path / "k" / "a.txt").write_text(
        article_file(
            f"{KOREAN} {EMOJI}", "본문입니다.", header=" date 2022-03-01 Authored by 김민수 via 연합뉴스,"
        ),
        encoding="utf-8",
    )
    ids = [item.article_id for item in import_paths([tmp_path / "k"]).imported]
    edit_article(ids[0], ArticleEdit(summary="요약: 대통령이 말했다 🙂 👍🏽 👨‍👩‍👧 🇰🇷", topics=["정치/선거"]))
    report = build_report(ids, catalogue="뉴스 데스크 📰", selection="all", today=TODAY)
    target = tmp_path / "korean.pdf"
    export_pdf(report, target, QPageSize(QPageSize.PageSizeId.A4))
    text = "".join(pdf_pages(target))
    # Qt maps only characters of the Basic Multilingual Plane back to text in a PDF: emoji are
    # drawn (from Noto Emoji, embedded) but cannot be extracted, so they are looked for as fonts.
    for expected in (KOREAN, "김민수", "연합뉴스", "요약: 대통령이 말했다", "정치/선거", "뉴스데스크"):
        assert squash(expected) in text, expected
    assert squash(KOREAN) + squash(KOREAN)[:1] not in text  # the bold title is not drawn twice
    assert "\ufffd" not in text
    fonts = {"DejaVuSans", "NotoSansKRHangul-Regular", "NotoSansKRHangul-Bold", "NotoEmoji-Regular"}
    assert fonts <= pdf_fonts(target)
    from ui.report.glyphs import printable

    every = f"{KOREAN} {EMOJI} 🙂 👍🏽 👨‍👩‍👧 🇰🇷"
    assert printable(every) == every  # every character drawable: nothing replaced


def test_control_characters_never_reach_the_page_and_what_no_font_has_is_replaced(catalogue, tmp_path, qapp):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(
        article_file("Plain", "Text.", header=" via Daily,"), encoding="utf-8"
    )
    ids = [item.article_id for item in import_paths([tmp_path / "c"]).imported]
    with fulltext.reindexing(ids):  # stored as an import or another program could store them
        Article.update(title=f"{CONTROLS} {NO_FONT} end", summary="Line one\r\nline two\x1b]0;x\x07").where(
            Article.id == ids[0]
        ).execute()
    report = build_report(ids, catalogue="Desk\x1b[31m", selection="all", today=TODAY)
    target = tmp_path / "controls.pdf"
    export_pdf(report, target, QPageSize(QPageSize.PageSizeId.A4))
    raw = "".join(page.extract_text() for page in PdfReader(str(target)).pages)
    assert not any(ord(char) < 32 and char not in "\n\t " or 0x7F <= ord(char) <= 0x9F for char in raw), repr(
        raw
    )
    text = "".join(pdf_pages(target))
    for expected in (
        "Bell\\x07 escape\\e[2J C1\\x85 DEL\\x7f \ufffd\ufffd\ufffd end",
        "Line one",
        "line two\\e]0;x\\x07",
        "Desk\\e[31m — summary report",
    ):
        assert squash(expected) in text, expected
    for missing in NO_FONT:
        assert missing not in text


def test_printable_text_for_the_page(qapp):
    from ui.report.glyphs import printable

    assert printable("plain ASCII, kept") == "plain ASCII, kept"
    assert printable("a\r\nb\rc\nd\te") == "a\nb\nc\nd\te"
    assert printable("\x1b[2J\x07\x00\x85\u202e\udce9") == "\\e[2J\\x07\\x00\\x85\\u202e\\xe9"
    assert (
        printable(f"한국어 Ελλάδα Москва é{chr(0x301)} 👨‍👩‍👧 👍🏽 🇰🇷")
        == f"한국어 Ελλάδα Москва é{chr(0x301)} 👨‍👩‍👧 👍🏽 🇰🇷"
    )
    assert printable(NO_FONT) == "\ufffd" * 3
