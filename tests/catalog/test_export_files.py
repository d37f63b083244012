"""Export files from the command line: written only where asked, never through a planted link,
with the mode the user's umask gives, whole or not at all, and errors that name the folder."""

import json
import os
import stat
import subprocess
import sys

import pytest

from catalog.claims.store import add_claim_by_text
from catalog.importing import import_paths
from tests.helpers import article_file

#: command -> (file name, extra options, what the start of a good file looks like)
EXPORTS = {
    "export-json": ("all.json", [], b'{\n "format"'),
    "export-csv": ("articles.csv", [], b"id,title,"),
    "export-claimreview": ("reviews.jsonld", ["--reviewer", "Desk"], b'{\n "@context"'),
    "export-pdf": ("report.pdf", [], b"%PDF-"),
    "export-csl": ("zotero.json", [], b"[\n"),
    "export-ris": ("zotero.ris", [], b"TY  - NEWS"),
}


@pytest.fixture
def location(catalogue, write):
    """A catalogue (SQLite, or PostgreSQL under CATALOG_TEST_BACKEND) with two articles and a
    rated claim, so every export has something to write."""
    write(
        "a.txt",
        article_file("Budget day", "The minister said taxes will fall.", " date 2022-03-01 via Daily,"),
    )
    write("b.txt", article_file("Rain again", "It rained all week in the north."))
    ids = [item.article_id for item in import_paths([write.root]).imported]
    add_claim_by_text(min(ids), "taxes will fall", verdict="false")
    return catalogue.location


def export(location, command, target, *, umask=None):
    _, options, _ = EXPORTS[command]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "catalog", "--db", location, command, str(target), *options],
        capture_output=True,
        text=True,
        env=env,
        umask=-1 if umask is None else umask,
        timeout=120,
        check=False,
    )


def looks_whole(command, path) -> bool:
    data = path.read_bytes()
    if not data.startswith(EXPORTS[command][2]):
        return False
    if command == "export-pdf":
        return data.rstrip().endswith(b"%%EOF")
    if command == "export-ris":
        return data.rstrip().endswith(b"ER  -")
    return command == "export-csv" or bool(json.loads(data))


@pytest.mark.parametrize("command", EXPORTS)
def test_links_planted_at_the_target_and_at_partial_names_are_never_followed(command, location, tmp_path):
    precious = tmp_path / "bashrc"
    precious.write_text("export PATH=precious\n")
    name = EXPORTS[command][0]
    out = tmp_path / "out"
    out.mkdir()
    # The name the PDF export once wrote to, and a name any writer might pick, both point at
    # the precious file; so does the target itself.
    planted = [out / f".{name}.partial", out / f".{name}.tmp", out / name]
    for link in planted:
        link.symlink_to(precious)
    done = export(location, command, out / name)
    assert done.returncode == 0, done.stderr
    assert precious.read_bytes() == b"export PATH=precious\n"
    target = out / name
    assert not target.is_symlink() and looks_whole(command, target)
    assert all(link.is_symlink() for link in planted[:2])  # left alone, not written through
    assert sorted(p.name for p in out.iterdir()) == sorted([name, f".{name}.partial", f".{name}.tmp"])


@pytest.mark.parametrize("command", EXPORTS)
@pytest.mark.parametrize(
    ("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)], ids=["022", "077", "002"]
)
def test_the_file_gets_the_mode_the_umask_gives(command, umask, mode, location, tmp_path):
    target = tmp_path / EXPORTS[command][0]
    done = export(location, command, target, umask=umask)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(target.stat().st_mode) == mode


@pytest.mark.parametrize("command", EXPORTS)
def test_a_missing_folder_is_named_and_nothing_is_created(command, location, tmp_path):
    target = tmp_path / "no-such" / "folder" / EXPORTS[command][0]
    done = export(location, command, target)
    assert done.returncode == 1
    assert (
        done.stderr == f"catalog: cannot write {target}: the folder {tmp_path / 'no-such'} does not exist\n"
    )
    assert ".partial" not in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "no-such").exists()


@pytest.mark.parametrize("command", EXPORTS)
def test_a_folder_as_target_is_refused_in_words_and_left_as_it_was(command, location, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "keep.txt").write_text("kept")
    done = export(location, command, folder)
    assert done.returncode == 1
    assert done.stderr == f"catalog: cannot write {folder}: it is a folder; name a file\n"
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]


@pytest.mark.parametrize("command", EXPORTS)
def test_an_export_replaces_an_older_file_of_the_same_name(command, location, tmp_path):
    target = tmp_path / EXPORTS[command][0]
    target.write_text("an older export")
    os.chmod(target, 0o640)
    done = export(location, command, target, umask=0o022)
    assert done.returncode == 0, done.stderr
    assert looks_whole(command, target) and stat.S_IMODE(target.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def _fail_after(first_calls: int, real):
    """``real``, which raises once it has been called ``first_calls`` times: a writer killed
    by an error half-way through its file."""
    calls = []

    def wrapper(*args, **kwargs):
        calls.append(1)
        if len(calls) > first_calls:
            raise RuntimeError("the writer failed half-way")
        return real(*args, **kwargs)

    return wrapper


@pytest.mark.parametrize(
    ("module", "function", "writer"),
    [
        ("csv_export", "_row", "export_csv"),
        ("json_export", "json", "export_json"),
        ("claimreview", "_review", "export_claimreview"),
    ],
)
def test_a_failure_half_way_leaves_the_old_file_untouched(
    module, function, writer, location, tmp_path, monkeypatch
):
    import importlib

    exporting = importlib.import_module(f"catalog.exporting.{module}")
    if function == "json":  # the JSON export writes an article at a time with json.dumps
        fake = type("json", (), {"dumps": staticmethod(_fail_after(2, json.dumps))})
        monkeypatch.setattr(exporting, "json", fake)
    else:
        monkeypatch.setattr(exporting, function, _fail_after(0, getattr(exporting, function)))
    target = tmp_path / "export.out"
    target.write_text("the old export")
    args = (target, "Desk") if writer == "export_claimreview" else (target,)
    with pytest.raises(RuntimeError, match="half-way"):
        getattr(exporting, writer)(*args)
    assert target.read_text() == "the old export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no partial left
