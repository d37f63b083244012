"""Output files: written whole or not at all, never through a planted link, with the user's mode."""

import os
import stat

import pytest

from catalog import safe_output
from catalog.safe_output import OutputError, output_file, output_path, partial_files, remove_stale_partials


def test_a_finished_file_replaces_the_target_with_the_umask_mode(tmp_path):
    target = tmp_path / "report.csv"
    target.write_text("old")
    with output_file(target) as out:
        out.write("new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == safe_output.new_file_mode()
    assert partial_files(target) == []


def test_a_failure_leaves_the_old_file_and_no_partial(tmp_path):
    target = tmp_path / "report.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), output_file(target) as out:
        out.write("half")
        raise RuntimeError("killed")
    assert target.read_text() == "old"
    assert partial_files(target) == []


def test_a_link_planted_under_any_name_is_never_written_through(tmp_path):
    precious = tmp_path / "bashrc"
    precious.write_text("precious")
    target = tmp_path / "report.pdf"
    for name in (".report.pdf.partial", "report.pdf"):
        (tmp_path / name).unlink(missing_ok=True)
        (tmp_path / name).symlink_to(precious)
    with output_file(target, "wb") as out:
        out.write(b"%PDF-1.4")
    assert precious.read_text() == "precious"
    assert not target.is_symlink() and target.read_bytes() == b"%PDF-1.4"


def test_a_missing_folder_or_a_folder_target_is_named(tmp_path):
    missing = f"the folder {tmp_path / 'no'} does not exist"
    with pytest.raises(OutputError, match=missing), output_file(tmp_path / "no" / "such" / "x.json"):
        pass
    with pytest.raises(OutputError, match="it is a folder"), output_file(tmp_path):
        pass


def test_partials_of_a_killed_writer_are_removed_on_the_next_run(tmp_path):
    target = tmp_path / "backup.sqlite3"
    host = safe_output._HOST
    dead = tmp_path / f".backup.sqlite3.{host}-999999999-abcdefgh.partial"
    dead.write_bytes(b"x" * 100)
    live = tmp_path / f".backup.sqlite3.{host}-{os.getppid()}-abcdefgh.partial"
    live.write_bytes(b"y")
    elsewhere = tmp_path / ".backup.sqlite3.otherhost-1-abcdefgh.partial"
    elsewhere.write_bytes(b"z")
    assert remove_stale_partials(target) == [dead]
    with output_path(target) as partial, open(partial, "wb") as out:
        out.write(b"data")
    assert target.read_bytes() == b"data"
    assert sorted(partial_files(target)) == sorted([live, elsewhere])
