"""PDFs, Word files, e-mail, mailboxes and feeds through ``catalog import``, as a user runs it."""

import json
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.document_files import (
    docx_file,
    lee_articles,
    mbox_file,
    message,
    paragraphs,
    pdf_file,
    rss_feed,
)
from tests.helpers import SEED_FILE, run_catalog
from ui.command_line import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(db_path):
    return db_path


def _lee_message(number: int, subject: str | None = None):
    text = lee_articles()[number]
    return message(subject or f"Briefing {number}: {text.split('. ')[0][:60]}", text + "\n")


@pytest.fixture
def desk(tmp_path):
    """What a newsroom's folder holds: one file of each kind, besides the seed article."""
    root = tmp_path / "desk"
    root.mkdir()
    (root / "seed.txt").write_bytes(SEED_FILE.read_bytes())
    (root / "report.pdf").write_bytes(
        pdf_file([paragraphs(3, 2)], heading="Bushfires threaten Sydney's fringe", author="Ann Lee")
    )
    (root / "draft.docx").write_bytes(docx_file(paragraphs(5, 2), heading="Qantas talks stall"))
    (root / "letter.eml").write_bytes(_lee_message(7, "Letter from Canberra").as_bytes())
    mbox_file(root / "inbox.mbox", [_lee_message(n) for n in (10, 11, 12)])
    items = [
        {
            "title": f"Item {n}",
            "link": f"https://news.example.org/{n}",
            "author": "Desk",
            "date": "Tue, 04 Apr 2023 10:00:00 +1000",
            "summary": lee_articles()[n],
        }
        for n in (20, 21)
    ]
    (root / "feed.rss").write_text(rss_feed(items), encoding="utf-8")
    return root


def _imported(out: str) -> list[str]:
    """The imported files' names, with the place of an article inside a container."""
    return sorted(item["path"].rsplit("/desk/", 1)[-1] for item in json.loads(out)["imported"])


def test_a_folder_of_every_kind_gives_each_article_once(capsys, db, desk):
    code, out, err = run(capsys, "--db", db, "import", str(desk), "--json")
    assert code == 0, err
    assert _imported(out) == [
        "draft.docx",
        "feed.rss#item=https://news.example.org/20",
        "feed.rss#item=https://news.example.org/21",
        "inbox.mbox#message=1",
        "inbox.mbox#message=2",
        "inbox.mbox#message=3",
        "letter.eml",
        "report.pdf",
        "seed.txt",
    ]
    code, out, _ = run(capsys, "--db", db, "import", str(desk))
    assert code == 0
    assert out.splitlines()[0] == "6 files, 9 articles: 0 imported, 9 duplicates, 0 failed"


def test_articles_from_a_container_keep_where_they_were(capsys, db, desk):
    run(capsys, "--db", db, "import", str(desk / "inbox.mbox"), str(desk / "feed.rss"))
    _, out, _ = run(capsys, "--db", db, "list", "--json")
    by_source = {Path(article["source"]).name: article for article in json.loads(out)}
    assert set(by_source) == {
        "inbox.mbox#message=1",
        "inbox.mbox#message=2",
        "inbox.mbox#message=3",
        "20",
        "21",
    }
    assert by_source["inbox.mbox#message=2"]["authors"] == ["Jane Citizen"]
    assert by_source["inbox.mbox#message=2"]["outlet"] == "example.org"
    assert by_source["inbox.mbox#message=2"]["date"] == "2023-04-05"
    item = by_source["21"]
    assert item["source"].endswith("feed.rss#item=https://news.example.org/21")
    assert item["url"] == "https://news.example.org/21"
    assert item["outlet"] == "The Canberra Times" and item["title"] == "Item 21"


def test_types_choose_the_kinds_of_file(capsys, db, desk):
    _, out, _ = run(capsys, "--db", db, "import", str(desk), "--types", "email", "--json")
    assert _imported(out) == [
        "inbox.mbox#message=1",
        "inbox.mbox#message=2",
        "inbox.mbox#message=3",
        "letter.eml",
    ]
    _, out, _ = run(capsys, "--db", db, "import", str(desk), "--types", "pdf,word", "--json")
    assert _imported(out) == ["draft.docx", "report.pdf"]


def test_bad_files_of_each_kind_are_reported_and_the_rest_imported(capsys, db, desk):
    whole = pdf_file([paragraphs(40, 2)], heading="Cut short")
    (desk / "cut.pdf").write_bytes(whole[: len(whole) // 2])
    (desk / "locked.pdf").write_bytes(pdf_file([paragraphs(41, 2)], heading="Locked", password="secret"))
    (desk / "scan.pdf").write_bytes(pdf_file([], scanned_pages=2))
    with zipfile.ZipFile(desk / "sheet.docx", "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    (desk / "broken.rss").write_text("<rss><channel><title>x</title><item><title>", encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "import", str(desk), "--json")
    report = json.loads(out)
    assert code == 1
    assert len(report["imported"]) == 9
    reasons = {Path(item["path"]).name: item["reason"] for item in report["failed"]}
    # The broken feed's one item is reported as itself: its title alone is no article.
    assert set(reasons) == {"cut.pdf", "locked.pdf", "scan.pdf", "sheet.docx", "broken.rss#item=1"}
    assert "scanned" in reasons["scan.pdf"] and "encrypted" in reasons["locked.pdf"]
    assert not any("Traceback" in reason or "Error:" in reason for reason in reasons.values())


def _big_mailbox(path: Path, count: int) -> Path:
    """``count`` messages of real text, each its own (a line of its own number in front)."""
    articles = lee_articles()
    messages = [
        message(f"Bulletin {n}", f"Bulletin number {n} of the wire.\n\n{articles[n % len(articles)]}\n")
        for n in range(1, count + 1)
    ]
    return mbox_file(path, messages)


def test_a_mailbox_of_many_pieces_is_read_by_the_workers_whole(tmp_path, db_path):
    box = _big_mailbox(tmp_path / "wire.mbox", 1100)  # three pieces of at most 500 messages
    done = run_catalog("--db", db_path, "import", str(box), "--jobs", "2", "--json")
    assert done.returncode == 0, done.stderr
    places = sorted(int(item["path"].rsplit("=", 1)[1]) for item in json.loads(done.stdout)["imported"])
    assert places == list(range(1, 1101))
    done = run_catalog("--db", db_path, "import", str(box))
    assert done.stdout.splitlines()[0] == "1 file, 1,100 articles: 0 imported, 1,100 duplicates, 0 failed"


def test_a_mailbox_import_killed_half_way_is_finished_by_importing_again(tmp_path):
    box = _big_mailbox(tmp_path / "wire.mbox", 3000)
    db = tmp_path / "killed.sqlite3"
    command = [sys.executable, "-m", "catalog", "--db", str(db), "import", str(box)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _count(db) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the import finished before it could be killed"
    survived = _count(db)
    assert 0 < survived < 3000
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    again = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[0] == (
        f"1 file, 3,000 articles: {3000 - survived:,} imported, {survived:,} duplicates, 0 failed"
    )
    assert _count(db) == 3000


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM article").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_a_web_archive_gives_each_page_once_and_reports_what_was_cut(tmp_path, db_path):
    import gzip as gz

    from tests.web_files import corpus_pages, write_warc

    pages = corpus_pages()
    records = [
        {
            "uri": f"https://example.org/{name}",
            "body": gz.decompress((pages / f"{name}.html.gz").read_bytes()),
        }
        for name in ("reuters.com.parasite", "salon.com.emissions", "phys.org.tool")
    ]
    records.insert(
        1, {"uri": "https://example.org/logo.png", "body": b"\x89PNG", "content_type": "image/png"}
    )
    archive = write_warc(tmp_path / "crawl.warc.gz", records)
    done = run_catalog("--db", db_path, "import", str(archive), "--json")
    assert done.returncode == 0, done.stderr
    imported = sorted(item["path"].rsplit("#", 1)[1] for item in json.loads(done.stdout)["imported"])
    assert imported == [
        "record=https://example.org/phys.org.tool",
        "record=https://example.org/reuters.com.parasite",
        "record=https://example.org/salon.com.emissions",
    ]
    again = run_catalog("--db", db_path, "import", str(archive))
    assert again.stdout.splitlines()[0] == "1 file, 3 articles: 0 imported, 3 duplicates, 0 failed"

    data = (tmp_path / "crawl.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 2000])  # the last page cut short
    done = run_catalog("--db", db_path, "import", str(tmp_path / "cut.warc.gz"), "--json")
    report = json.loads(done.stdout)
    assert done.returncode == 1
    assert len(report["duplicates"]) == 2  # the whole pages, already in the catalogue
    [failed] = report["failed"]
    assert "cut short" in failed["reason"] and "Traceback" not in failed["reason"]
