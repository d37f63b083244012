"""Hostile file names and titles: names that are not UTF-8 import, and no name or title can
forge a report line or reach the terminal as an escape sequence (issue 14, items 7 and 20)."""

import json
import os

import pytest

from catalog.articles import get_article
from catalog.importing import import_paths
from catalog.models import Article
from tests.helpers import article_file, run_catalog

GOOD = 5
LATIN1_NAME = b"caf\xe9.txt"  # "café" in Latin-1: not UTF-8


@pytest.fixture
def latin1_folder(tmp_path):
    """Good articles around one whose name is Latin-1 bytes, made through bytes paths."""
    folder = tmp_path / "received"
    folder.mkdir()
    for number in range(GOOD):
        (folder / f"{number}-good.txt").write_text(
            article_file(f"Good story {number}", f"Text of story {number}. More.")
        )
    with open(os.path.join(os.fsencode(folder), LATIN1_NAME), "wb") as out:
        out.write(article_file("Café society", "Rumours in the café. More.").encode("utf-8"))
    return folder


def test_a_name_that_is_not_utf8_is_imported_with_the_rest(catalogue, latin1_folder):
    report = import_paths([latin1_folder])
    assert report.summary() == f"{GOOD + 1} imported, 0 duplicates, 0 failed"
    cafe = next(item for item in report.imported if "caf" in item.path)
    assert os.path.exists(cafe.path)  # the report keeps the real name, for opening the file
    article = get_article(cafe.article_id)
    assert article["title"] == "Café society"
    assert article["source"] == f"{latin1_folder}/caf\\xe9.txt"  # stored as text, escaped
    assert Article.select().count() == GOOD + 1


def test_a_name_that_is_not_utf8_becomes_an_escaped_title_when_it_is_the_title(catalogue, tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"r\xe9sum\xe9.txt"), "wb") as out:
        out.write(b" date 2022-01-01 via Daily,\n")  # a header alone: only the name can be the title
    report = import_paths([tmp_path])
    [imported] = report.imported
    assert get_article(imported.article_id)["title"] == "r\\xe9sum\\xe9"


def test_the_command_line_imports_them_and_prints_them_escaped(db_path, latin1_folder):
    done = run_catalog("--db", db_path, "import", "-v", str(latin1_folder))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[0] == f"{GOOD + 1} files: {GOOD + 1} imported, 0 duplicates, 0 failed"
    assert f"imported: {latin1_folder}/caf\\xe9.txt: #{GOOD + 1} Café society" in lines
    again = run_catalog("--db", db_path, "import", str(latin1_folder))
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[0] == f"{GOOD + 1} files: 0 imported, {GOOD + 1} duplicates, 0 failed"


def test_a_dry_run_tells_the_truth_about_them(db_path, latin1_folder):
    dry = run_catalog("--db", db_path, "import", "--dry-run", "-v", str(latin1_folder))
    assert dry.returncode == 0, dry.stderr
    assert (
        dry.stdout.splitlines()[0]
        == f"{GOOD + 1} files: {GOOD + 1} would be imported, 0 duplicates, 0 failed"
    )
    assert f"would import: {latin1_folder}/caf\\xe9.txt: Café society" in dry.stdout.splitlines()
    real = run_catalog("--db", db_path, "import", str(latin1_folder))
    assert real.returncode == 0, real.stderr
    assert real.stdout.splitlines()[0] == f"{GOOD + 1} files: {GOOD + 1} imported, 0 duplicates, 0 failed"


def test_json_output_carries_them_escaped(db_path, latin1_folder):
    with open(os.path.join(os.fsencode(latin1_folder), b"\xff\xfe-broken.txt"), "wb") as out:
        out.write(b"\x00\x01\x02")
    done = run_catalog("--db", db_path, "import", "--json", str(latin1_folder))
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert f"{latin1_folder}/caf\\xe9.txt" in [item["path"] for item in report["imported"]]
    assert report["failed"] == [
        {
            "path": f"{latin1_folder}/\\xff\\xfe-broken.txt",
            "reason": "not a text file: looks like binary data (it contains NUL bytes)",
        }
    ]


def test_a_name_given_on_the_command_line_as_bytes(db_path, tmp_path):
    folder = os.fsencode(tmp_path)
    path = os.path.join(folder, b"na\xefve.txt")
    with open(path, "wb") as out:
        out.write(article_file("Naive", "Text.").encode())
    done = run_catalog("--db", db_path, "import", "-v", os.fsdecode(path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == f"imported: {tmp_path}/na\\xefve.txt: #1 Naive"


def test_a_newline_in_a_name_cannot_forge_a_report_line(db_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt\nfailed: passwords.txt: forged.txt").write_bytes(b"\x00binary")
    (folder / "b.txt").write_text(article_file("Real", "Text."))
    done = run_catalog("--db", db_path, "import", str(folder))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "2 files: 1 imported, 0 duplicates, 1 failed",
        f"failed: {folder}/a.txt\\nfailed: passwords.txt: forged.txt: not a text file: looks like binary data (it contains NUL bytes)",
    ]


def test_escape_sequences_in_names_and_titles_never_reach_the_terminal(db_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    title = "\x1b]0;pwned\x07Budget \x1b[2Jday"
    (folder / "\x1b[31mred.txt").write_text(article_file(title, "Text."))
    (folder / "\x1b[31mred-copy.txt").write_text(article_file(title, "Text."))
    done = run_catalog("--db", db_path, "import", "-v", str(folder))
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert done.stdout.splitlines() == [
        "2 files: 1 imported, 1 duplicate, 0 failed",
        f"duplicate: {folder}/\\e[31mred.txt: duplicate of \\e]0;pwned\\x07Budget \\e[2Jday (id 1)",
        f"imported: {folder}/\\e[31mred-copy.txt: #1 \\e]0;pwned\\x07Budget \\e[2Jday",
    ]
    dry = run_catalog("--db", db_path, "import", "--dry-run", "-v", str(folder))
    assert "\x1b" not in dry.stdout and "\x07" not in dry.stdout


def test_the_summary_line_escapes_a_stop_reason_naming_a_hostile_folder():
    from catalog.cli.importing import report_lines
    from catalog.importing import ImportReport

    report = ImportReport(stopped="the disk holding /home/x\nfailed: y/\x1b[2J is full")
    assert report_lines(report) == [
        "0 files: 0 imported, 0 duplicates, 0 failed (stopped: the disk holding /home/x\\nfailed: y/\\e[2J is full)"
    ]
