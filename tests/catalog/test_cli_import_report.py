"""``catalog import``'s report: duplicates are counted in one line ("30 already in the
catalogue"), listed one per line with ``-v``, and always listed in ``--json``."""

import json

import pytest

from tests.helpers import article_file, make_article_files
from ui.command_line import main


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "desk"
    make_article_files(folder, 30, paragraphs=1)
    return folder


def run(capsys, *args):
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_reimporting_a_folder_counts_its_duplicates_in_one_line(capsys, db_path, folder):
    assert run(capsys, "--db", db_path, "import", str(folder))[0] == 0
    (folder / "new-1.txt").write_text(article_file("Port reopens", "Ships returned to the port."))
    (folder / "new-2.txt").write_text(article_file("Bridge closes", "The bridge closed for repairs."))
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, lines, err = run(capsys, "--db", db_path, "import", str(folder))
    assert (code, err) == (1, "")
    assert lines == [
        "33 files: 2 imported, 30 duplicates, 1 failed",
        f"failed: {folder / 'photo.txt'}: not a text file: looks like a PNG image",
        "30 already in the catalogue (-v lists them)",
    ]


def test_verbose_lists_each_duplicate_as_before(capsys, db_path, folder):
    run(capsys, "--db", db_path, "import", str(folder))
    code, lines, _ = run(capsys, "--db", db_path, "import", "-v", str(folder))
    assert code == 0
    assert lines[0] == "30 files: 0 imported, 30 duplicates, 0 failed"
    duplicates = [line for line in lines if line.startswith("duplicate: ")]
    assert len(duplicates) == 30 == len(lines) - 1
    assert (
        duplicates[0] == f"duplicate: {folder / '0000' / '000000.txt'}: duplicate of Report number 0 (id 1)"
    )


def test_json_still_lists_every_duplicate(capsys, db_path, folder):
    run(capsys, "--db", db_path, "import", str(folder))
    code, lines, _ = run(capsys, "--db", db_path, "import", "--json", str(folder))
    report = json.loads("\n".join(lines))
    assert code == 0
    assert set(report) == {"imported", "duplicates", "failed", "cancelled", "dry_run"}
    assert len(report["duplicates"]) == 30
    assert report["duplicates"][0] == {
        "path": str(folder / "0000" / "000000.txt"),
        "id": 1,
        "title": "Report number 0",
        "reason": "duplicate of Report number 0 (id 1)",
    }


def test_copies_within_one_import_are_counted_apart(capsys, db_path, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text(article_file("Harbour news", "Ferries resumed service."))
    (folder / "b.txt").write_text(article_file("Harbour news", "Ferries resumed service."))
    (folder / "c.txt").write_text(article_file("Rail news", "Trains resumed service."))
    code, lines, _ = run(capsys, "--db", db_path, "import", "--dry-run", str(folder))
    assert code == 0
    assert lines == [
        "3 files: 2 would be imported, 1 duplicate, 0 failed",
        "1 with the same text as a file earlier in this import (-v lists them)",
    ]
    run(capsys, "--db", db_path, "import", str(folder / "c.txt"))
    code, lines, _ = run(capsys, "--db", db_path, "import", str(folder))
    assert lines == [
        "3 files: 1 imported, 2 duplicates, 0 failed",
        "1 already in the catalogue, 1 with the same text as a file earlier in this import (-v lists them)",
    ]
