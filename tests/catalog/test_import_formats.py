"""``catalog import`` takes every format: chosen by --types and --glob, told apart by content."""

import gzip
import json
import shutil
from pathlib import Path

import pytest

from catalog.importing.formats import detect, patterns_of, type_names
from tests.helpers import SEED_FILE
from ui.command_line import main

PAGES = Path(__file__).parent.parent / "fixtures" / "web-pages"
PYTHON_PAGE = "blog.python.org.html.gz"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(db_path):
    """A new catalogue: SQLite, or PostgreSQL when CATALOG_TEST_BACKEND=postgresql."""
    return db_path


def page_bytes(name: str = PYTHON_PAGE) -> bytes:
    return gzip.decompress((PAGES / name).read_bytes())


@pytest.fixture
def folder(tmp_path):
    """A folder as a newsroom keeps one: an article file, saved pages, and files that are none."""
    root = tmp_path / "collected"
    root.mkdir()
    shutil.copy(SEED_FILE, root / "seed.txt")
    (root / "python.html").write_bytes(page_bytes())
    shutil.copy(PAGES / "theguardian.com.academics.html.gz", root / "guardian.html.gz")
    (root / "notes.md").write_text("My notes on the story.\n", encoding="utf-8")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    return root


def imported_names(out_json: str) -> list[str]:
    return sorted(Path(item["path"]).name for item in json.loads(out_json)["imported"])


def test_a_folder_gives_every_type_it_holds_and_nothing_else(capsys, db, folder):
    code, out, _ = run(capsys, "--db", db, "import", str(folder), "--json")
    assert code == 0
    report = json.loads(out)
    assert imported_names(out) == ["guardian.html.gz", "python.html", "seed.txt"]
    assert report["failed"] == []  # notes.md and logo.png are not looked at


def test_types_narrow_what_a_folder_gives(capsys, db, folder):
    _, out, _ = run(capsys, "--db", db, "import", str(folder), "--types", "html", "--json")
    assert imported_names(out) == ["guardian.html.gz", "python.html"]
    _, out, _ = run(capsys, "--db", db, "import", str(folder), "--types", "txt,pdf", "--json")
    assert imported_names(out) == ["seed.txt"]


def test_glob_still_chooses_by_name_and_types_narrow_it(capsys, db, folder):
    _, out, _ = run(capsys, "--db", db, "import", str(folder), "--glob", "*.md", "--json")
    assert imported_names(out) == ["notes.md"]  # a pattern of its own: read as text
    _, out, _ = run(capsys, "--db", db, "import", str(folder), "--glob", "g*", "--types", "html", "--json")
    assert imported_names(out) == ["guardian.html.gz"]


def test_an_unknown_type_is_a_usage_error_naming_it(capsys, db, folder):
    with pytest.raises(SystemExit) as stopped:
        main(["--db", db, "import", str(folder), "--types", "html,odt"])
    err = capsys.readouterr().err
    assert stopped.value.code == 2
    assert "not a type of file Catalog imports: 'odt'" in err and "html, pdf, docx" in err


def test_a_web_page_brings_its_title_date_outlet_and_address(capsys, db, folder):
    run(capsys, "--db", db, "import", str(folder / "python.html"))
    _, out, _ = run(capsys, "--db", db, "show", "1", "--json")
    article = json.loads(out)
    assert article["title"] == "Python 3.6.0 is now available!"
    assert article["date"] == "2016-12-23"
    assert article["url"] == "http://blog.python.org/2016/12/python-360-is-now-available.html"
    assert "Python 3.6.0 is the newest major release of the Python language" in article["body"]
    assert "<" not in article["body"] and "font-family" not in article["body"]
    assert "\n\n" in article["body"]  # paragraphs kept


def test_a_text_file_that_is_a_web_page_is_read_as_one(capsys, db, tmp_path):
    (tmp_path / "saved.txt").write_bytes(page_bytes())
    run(capsys, "--db", db, "import", str(tmp_path / "saved.txt"))
    _, out, _ = run(capsys, "--db", db, "show", "1", "--json")
    assert json.loads(out)["title"] == "Python 3.6.0 is now available!"


def test_a_page_named_html_holding_plain_text_is_read_as_text(capsys, db, tmp_path):
    (tmp_path / "plain.html").write_text(" date 2022-06-29 Authored by A B via C\n\nJust text here.\n")
    code, out, _ = run(capsys, "--db", db, "import", str(tmp_path / "plain.html"), "--json")
    assert code == 0
    _, out, _ = run(capsys, "--db", db, "show", "1", "--json")
    assert json.loads(out)["outlet"] == "C"


def test_importing_pages_again_finds_them_duplicates(capsys, db, folder):
    run(capsys, "--db", db, "import", str(folder))
    code, out, _ = run(capsys, "--db", db, "import", str(folder))
    assert code == 0
    assert out.splitlines()[0] == "3 files: 0 imported, 3 duplicates, 0 failed"


def test_a_page_with_no_article_is_reported_and_the_rest_imported(capsys, db, tmp_path):
    (tmp_path / "menu.html").write_text("<html><head><title>Menu</title></head><body></body></html>")
    (tmp_path / "junk.html").write_bytes(b"\x00\xff\xfe junk \x00" * 50)
    (tmp_path / "python.html").write_bytes(page_bytes())
    code, out, _ = run(capsys, "--db", db, "import", str(tmp_path), "--json")
    report = json.loads(out)
    assert code == 1
    assert imported_names(out) == ["python.html"]
    reasons = {Path(item["path"]).name: item["reason"] for item in report["failed"]}
    assert set(reasons) == {"menu.html", "junk.html"}
    assert all("Traceback" not in reason for reason in reasons.values())


@pytest.mark.parametrize(
    ("name", "head", "kind"),
    [
        ("a.txt", b" date 2022-06-29 Authored by Dave DeCamp via AntiWar.com,\n\nText", "text"),
        ("a.txt", b"<!DOCTYPE html><html><head><title>x</title>", "html"),
        ("a.html", b"%PDF-1.7\n%\xe2\xe3", "pdf"),
        ("a.pdf", b"%PDF-1.4\n", "pdf"),
        ("a.docx", b"PK\x03\x04\x14\x00", "docx"),
        ("a.html", b"  <!-- saved --> <html lang=en>", "html"),
        ("a.xml", b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (
            "a.atom",
            b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
            "feed",
        ),
        ("a.warc", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        ("a.mbox", b"From someone@example.org Mon Jan  1 00:00:00 2024\nFrom: A <a@example.org>\n", "mbox"),
        (
            "a.eml",
            b"From: A <a@example.org>\nTo: b@example.org\nSubject: Hi\nDate: Mon, 1 Jan 2024\n\nBody",
            "eml",
        ),
        ("a.ris", b"TY  - NEWS\r\nTI  - A title\r\nER  - \r\n", "ris"),
        ("a.json", b'[{"id": "1", "type": "article-newspaper", "title": "x"}]', "csl"),
        ("a.json", '[{"id": "1", "type": "book"}]'.encode("utf-16"), "csl"),
        ("refs.txt", b"TY - NEWS\nTI - A title\nER - \n", "ris"),
        ("a.txt", "<html><body><p>Bonjour</p>".encode("utf-16"), "html"),
        # An article that merely begins with words a message or a page might.
        ("a.txt", b"From the archives: what the minister said.\n\nSubject: taxes.", "text"),
        ("a.md", b"<b>Bold</b> claims in the text", "text"),
    ],
)
def test_the_format_is_told_by_content_before_name(name, head, kind):
    assert detect(name, head) == kind


def test_type_names_take_names_extensions_and_groups():
    assert type_names("pdf, HTML") == ("pdf", "html")
    assert type_names(".docx *.eml") == ("docx", "eml")
    assert type_names("email") == ("eml", "mbox")
    assert "*.warc.gz" in patterns_of(type_names("warc"))
    with pytest.raises(ValueError, match="'odt'"):
        type_names("odt")


NAMES = (
    "pdf",
    "docx",
    "eml",
    "mbox",
    "rss",
    "atom",
    "xml",
    "warc",
    "warc.gz",
    "json",
    "ris",
    "html",
    "html.gz",
)


def test_junk_under_every_name_is_reported_in_words_and_nothing_imported(capsys, db, tmp_path):
    junk = bytes((number * 7919 + 13) % 256 for number in range(5000))  # no text, no signature
    for name in NAMES:
        (tmp_path / f"junk.{name}").write_bytes(junk)
        (tmp_path / f"empty.{name}").write_bytes(b"")
    (tmp_path / "headers-cut.warc").write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nabc"
    )
    (tmp_path / "no-text.mbox").write_bytes(b"From a@b Mon Jan  1 00:00:00 2024\nSubject: x\n\n")
    code, out, _ = run(capsys, "--db", db, "import", str(tmp_path), "--json")
    report = json.loads(out)
    assert code == 1 and report["imported"] == []
    assert len(report["failed"]) == 2 * len(NAMES) + 2
    for failure in report["failed"]:
        reason = failure["reason"]
        assert reason.isprintable() and "Error" not in reason and "Traceback" not in reason, failure
        assert len(reason) < 200, failure
