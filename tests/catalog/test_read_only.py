"""A catalogue on read-only media: it opens read-only, can be listed, searched, exported,
backed up and checked; changes are refused in words; nothing is written beside it."""

import ctypes
import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from catalog.catalogue import close_catalogue, open_catalogue
from catalog.claims.store import add_claim_by_text
from catalog.importing import import_paths
from catalog.maintenance import check_catalogue
from tests.helpers import SEED_FILE, article_file

PR_CAPBSET_DROP = 24


def _without_privileges():
    """In the child, before exec: as root, drop every capability, so that file modes bind as
    they do for anyone (root's writes would ignore a read-only file or folder)."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in range(64):
            libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0)


def run_unprivileged(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "catalog", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        preexec_fn=_without_privileges,
        timeout=120,
        check=False,
    )


@pytest.fixture
def shelf(tmp_path):
    """A folder holding a closed catalogue with two articles and a claim: (folder, catalogue)."""
    folder = tmp_path / "shelf"
    folder.mkdir()
    catalogue = folder / "archive.sqlite3"
    open_catalogue(str(catalogue))
    files = tmp_path / "files"
    files.mkdir()
    (files / "a.txt").write_text(
        article_file("Budget day", "The minister said taxes will fall. Quotes: “soon”.")
    )
    (files / "b.txt").write_text(article_file("Radio hour", "The U.S. radio said taxes will rise by 3.5%."))
    ids = [item.article_id for item in import_paths([files]).imported]
    add_claim_by_text(ids[0], "taxes will fall")
    close_catalogue()
    yield folder, catalogue
    for path in (folder, *folder.iterdir()):
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _make_read_only(folder: Path, *, folder_too: bool) -> None:
    for path in folder.iterdir():
        path.chmod(0o444)
    if folder_too:
        folder.chmod(0o555)


NOTE = (
    "catalog: note: archive is open read-only ({why}): it can be read, searched and exported, not changed\n"
)


@pytest.mark.parametrize("folder_too", [False, True], ids=["read-only file", "read-only file and folder"])
def test_a_read_only_catalogue_can_be_read_searched_exported_and_checked(shelf, tmp_path, folder_too):
    folder, catalogue = shelf
    _make_read_only(folder, folder_too=folder_too)
    before = _digests(folder)
    why = "its file is not writable"  # the first reason of two when the folder is read-only too
    out = tmp_path / "out"
    out.mkdir()

    listed = run_unprivileged("--db", str(catalogue), "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert sorted(a["title"] for a in json.loads(listed.stdout)) == ["Budget day", "Radio hour"]
    assert listed.stderr == NOTE.format(why=why)  # said once
    found = run_unprivileged("--db", str(catalogue), "search", "minister", "--json")
    assert [a["title"] for a in json.loads(found.stdout)] == ["Budget day"]
    shown = run_unprivileged("--db", str(catalogue), "show", "1")
    assert shown.returncode == 0 and "taxes will fall" in shown.stdout
    exported = run_unprivileged("--db", str(catalogue), "export-json", str(out / "all.json"))
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads((out / "all.json").read_text())["articles"]) == 2
    backed_up = run_unprivileged("--db", str(catalogue), "backup", str(out / "copy.sqlite3"))
    assert backed_up.returncode == 0, backed_up.stderr
    claims = run_unprivileged("--db", str(catalogue), "claims", "list", "--json")
    assert [c["text"] for c in json.loads(claims.stdout)] == ["taxes will fall"]

    checked = run_unprivileged("--db", str(catalogue), "check")  # no false index problem
    assert (checked.returncode, checked.stdout) == (0, "no problems found\n"), checked.stderr
    checked = run_unprivileged("--db", str(catalogue), "check", "--json")
    assert json.loads(checked.stdout)["ok"] is True

    if folder_too:  # nothing could be written: nothing was, not even a -shm
        assert _digests(folder) == before
    else:
        assert {k: v for k, v in _digests(folder).items() if not k.endswith(("-wal", "-shm"))} == before


@pytest.mark.parametrize("folder_too", [False, True], ids=["read-only file", "read-only file and folder"])
@pytest.mark.parametrize(
    "command",
    [
        ["edit", "1", "--title", "Changed"],
        ["import", str(SEED_FILE)],
        ["claims", "add", "2", "--text", "taxes will rise"],
        ["edit", "2", "--summary", "Short."],
        ["suggest-summaries"],
    ],
    ids=" ".join,
)
def test_changes_to_a_read_only_catalogue_are_refused_in_words(shelf, folder_too, command):
    folder, catalogue = shelf
    _make_read_only(folder, folder_too=folder_too)
    before = _digests(folder)
    refused = run_unprivileged("--db", str(catalogue), *command)
    assert refused.returncode == 1, refused.stdout
    why = "its file is not writable"  # the first reason of two when the folder is read-only too
    note, error = refused.stderr.splitlines()
    assert note + "\n" == NOTE.format(why=why)
    assert error == f"catalog: the catalogue is read-only: archive.sqlite3 cannot be changed here ({why})"
    assert "Traceback" not in refused.stderr
    after = {k: v for k, v in _digests(folder).items() if not k.endswith(("-wal", "-shm"))}
    assert after == {k: v for k, v in before.items() if not k.endswith(("-wal", "-shm"))}


def test_a_read_only_file_opens_read_only_in_process_too(shelf):
    # Root writes through file modes: a file made read-only on purpose is still opened read-only.
    _folder, catalogue = shelf
    catalogue.chmod(0o444)
    opened = open_catalogue(str(catalogue), create=False)
    try:
        assert opened.read_only == "its file is not writable"
        report = check_catalogue()
        assert report.ok and report.problems == []
    finally:
        close_catalogue()


def test_a_read_only_catalogue_that_needs_an_upgrade_says_how(tmp_path):
    fixture = Path(__file__).parent.parent / "fixtures" / "catalogue-schema-1.sqlite3"
    old = tmp_path / "old.sqlite3"
    old.write_bytes(fixture.read_bytes())
    old.chmod(0o444)
    refused = run_unprivileged("--db", str(old), "list")
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[-1] == (
        f"catalog: {old} is read-only (its file is not writable) and was written by an older release "
        "(schema 1); copy the file somewhere writable and open the copy, which is upgraded"
    )
    assert old.read_bytes() == fixture.read_bytes()


def test_a_real_index_problem_is_still_found_and_repair_says_why_it_cannot(shelf):
    folder, catalogue = shelf
    open_catalogue(str(catalogue))
    from catalog.db import database

    database.execute_sql("UPDATE article SET title = 'Changed behind the index' WHERE id = 1")
    close_catalogue()
    _make_read_only(folder, folder_too=True)
    checked = run_unprivileged("--db", str(catalogue), "check")
    assert checked.returncode == 1
    assert checked.stdout.startswith("problem: the full-text index does not match the articles")
    repaired = run_unprivileged("--db", str(catalogue), "check", "--repair")
    assert repaired.returncode == 1
    assert repaired.stderr.splitlines()[-1].startswith("catalog: the catalogue is read-only: ")


def test_a_dry_run_import_into_a_read_only_catalogue_reports(shelf):
    folder, catalogue = shelf
    _make_read_only(folder, folder_too=True)
    dry = run_unprivileged("--db", str(catalogue), "import", "--dry-run", str(SEED_FILE))
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("1 file: 1 would be imported")


def test_the_quick_check_reads_a_catalogue_in_a_read_only_folder(shelf):
    folder, catalogue = shelf
    _make_read_only(folder, folder_too=True)
    code = (
        "import sys; from catalog.maintenance import quick_file_check; "
        f"sys.exit(repr(quick_file_check({str(catalogue)!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        preexec_fn=_without_privileges,
        check=False,
    )
    assert done.stderr.strip() == "[]"
