"""``catalog import``'s numeric options: bad values are usage errors, big ones are capped."""

import json
import os
import subprocess
import sys

import pytest

from catalog.importing import import_paths
from tests.helpers import article_file, run_catalog
from ui.command_line import main


def run(capsys, *args):
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(article_file("One", "Text."))
    return folder


@pytest.mark.parametrize(
    "value, says",
    [
        ("-1", "must be a positive size"),
        ("0", "must be a positive size"),
        ("-5M", "must be a positive size"),
        ("abc", "not a size"),
        ("infK", "not a size"),
        ("nan", "not a size"),
        ("2G", "at most 1 GB"),
        ("99999999999999999999", "at most 1 GB"),
    ],
)
def test_max_size_must_be_a_positive_size_up_to_1_gb(capsys, tmp_path, folder, value, says):
    db = tmp_path / "c.sqlite3"
    code, out, err = run(capsys, "--db", str(db), "import", f"--max-size={value}", str(folder))
    assert code == 2
    assert out == ""
    assert err.startswith("catalog import: argument --max-size: ")
    assert says in err and "Traceback" not in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("value", ["1", "1G", "10M", "2.5K", "200"])
def test_sensible_max_sizes_are_taken(capsys, tmp_path, folder, value):
    code, out, _ = run(
        capsys, "--db", str(tmp_path / "c.sqlite3"), "import", "--max-size", value, str(folder)
    )
    if value == "1":
        assert (code, out.splitlines()[1]) == (
            1,
            f"failed: {folder}/a.txt: too large (11 bytes; the limit is 1 byte)",
        )
    else:
        assert (code, out) == (0, "1 file: 1 imported, 0 duplicates, 0 failed\n")


@pytest.mark.parametrize(
    "value, says",
    [("0", "at least 1"), ("-3", "at least 1"), ("many", "not a whole number"), ("1.5", "not a whole")],
)
def test_jobs_must_be_at_least_one(capsys, tmp_path, folder, value, says):
    code, out, err = run(capsys, "--db", str(tmp_path / "c.sqlite3"), "import", "--jobs", value, str(folder))
    assert code == 2 and out == ""
    assert err.startswith("catalog import: argument --jobs: ") and says in err


WORKERS_SEEN = """
import json, multiprocessing, sys
from catalog.catalogue import open_catalogue
from catalog.importing import import_paths, reading
reading.BATCH_SIZE = 10
open_catalogue(sys.argv[1])
seen = []
report = import_paths([sys.argv[2]], workers=200, progress=lambda done, path: seen.append(len(multiprocessing.active_children())))
print(json.dumps({"workers": max(seen), "summary": report.summary()}))
"""


def test_200_jobs_for_3_batches_start_no_more_workers_than_batches(tmp_path):
    folder = tmp_path / "thirty"
    folder.mkdir()
    for number in range(30):
        (folder / f"{number:02d}.txt").write_text(article_file(f"Story {number}", f"Text of story {number}."))
    done = subprocess.run(
        [sys.executable, "-c", WORKERS_SEEN, str(tmp_path / "c.sqlite3"), str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["summary"] == "30 imported, 0 duplicates, 0 failed"
    assert 1 <= seen["workers"] <= min(3, 2 * os.cpu_count())


def test_jobs_200_on_the_command_line_imports_everything(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(30):
        (folder / f"{number:02d}.txt").write_text(article_file(f"Story {number}", f"Text of story {number}."))
    done = run_catalog("--db", str(tmp_path / "c.sqlite3"), "import", "--jobs", "200", str(folder))
    assert (done.returncode, done.stdout) == (0, "30 files: 30 imported, 0 duplicates, 0 failed\n"), (
        done.stderr
    )


def test_a_proc_file_named_on_the_command_line_is_held_to_the_limit(tmp_path, capsys):
    """/proc files report size 0: the limit counts what arrives."""
    code, out, _ = run(
        capsys, "--db", str(tmp_path / "c.sqlite3"), "import", "--max-size", "200", "/proc/self/status"
    )
    assert code == 1
    assert out.splitlines() == [
        "1 file: 0 imported, 0 duplicates, 1 failed",
        "failed: /proc/self/status: too large (more than the limit of 200 bytes)",
    ]


def test_workers_value_in_process_is_capped_too(catalogue, tmp_path):
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "a.txt").write_text(article_file("A", "Text."))
    assert import_paths([folder], workers=10_000).summary() == "1 imported, 0 duplicates, 0 failed"
