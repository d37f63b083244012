"""Links out of the folder a user chose are reported, not followed (issue 14, item 18), as
``rsync --safe-links`` does; links that stay inside work, and what a user names directly is
imported wherever it points."""

import json
import os

import pytest

from catalog.importing import import_paths
from catalog.importing.files import Skipped, find_files
from catalog.models import Article
from tests.helpers import article_file, run_catalog

KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n"
TOKEN = "Token for the newsroom API. Secret value 8f4e2a.\n"


@pytest.fixture
def received(tmp_path):
    """A received folder with two hostile links (to a key and to a settings folder), a link that
    stays inside, a link to a folder inside, and two plain articles."""
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_ed25519").write_text(KEY)
    (home / ".config" / "app").mkdir(parents=True)
    (home / ".config" / "app" / "token.txt").write_text(TOKEN)
    folder = tmp_path / "received"
    (folder / "sub").mkdir(parents=True)
    (folder / "story1.txt").write_text(article_file("Story one", "Text one. More."))
    (folder / "sub" / "story3.txt").write_text(article_file("Story three", "Text three. More."))
    os.symlink(home / ".ssh" / "id_ed25519", folder / "story2.txt")
    os.symlink(home / ".config", folder / "more")
    os.symlink(folder / "sub" / "story3.txt", folder / "story3-again.txt")
    os.symlink("sub", folder / "shortcut")  # a relative link to a folder inside
    return folder


def outside(link, target) -> str:
    return f"a link to {os.path.realpath(target)} outside the folder you chose: not imported"


def test_links_out_of_the_chosen_folder_are_reported_not_followed(received):
    home = received.parent / "home"
    found = list(find_files([received]))
    assert (
        Skipped(str(received / "story2.txt"), outside(received / "story2.txt", home / ".ssh/id_ed25519"))
        in found
    )
    assert Skipped(str(received / "more"), outside(received / "more", home / ".config")) in found
    paths = [item for item in found if isinstance(item, str)]
    assert paths == [
        str(received / "shortcut" / "story3.txt"),
        str(received / "story1.txt"),
        str(received / "story3-again.txt"),
    ]  # sub/ itself was walked once already, through its shortcut


def test_nothing_behind_them_reaches_the_catalogue(catalogue, received):
    report = import_paths([received])
    assert report.summary() == "2 imported, 1 duplicate, 2 failed"
    bodies = " ".join(article.body for article in Article.select())
    assert "PRIVATE KEY" not in bodies and "8f4e2a" not in bodies
    assert sorted(item.path for item in report.failed) == [
        str(received / "more"),
        str(received / "story2.txt"),
    ]


def test_the_command_line_names_each_link_and_exits_1(db_path, received):
    home = received.parent / "home"
    done = run_catalog("--db", db_path, "import", str(received))
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "5 files: 2 imported, 1 duplicate, 2 failed"
    assert f"failed: {received}/more: {outside(None, home / '.config')}" in lines
    assert f"failed: {received}/story2.txt: {outside(None, home / '.ssh/id_ed25519')}" in lines
    listed = run_catalog("--db", db_path, "list", "--json")
    assert "8f4e2a" not in listed.stdout and "PRIVATE KEY" not in listed.stdout
    assert len(json.loads(listed.stdout)) == 2


def test_a_link_named_directly_is_imported(db_path, received):
    """The user chose it: as with any file named on the command line, it is read."""
    done = run_catalog("--db", db_path, "import", "-v", str(received / "story2.txt"), str(received / "more"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "2 files: 2 imported, 0 duplicates, 0 failed"


def test_a_link_to_the_chosen_folder_itself_is_a_loop_not_a_leak(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("text")
    os.symlink(folder, folder / "again")
    os.symlink("..", folder / "up")  # the parent: outside
    found = list(find_files([folder]))
    assert found == [str(folder / "a.txt"), Skipped(str(folder / "up"), outside(None, tmp_path))]


def test_a_chosen_folder_that_is_itself_a_link_is_walked(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("text")
    os.symlink(real, tmp_path / "alias")
    assert list(find_files([tmp_path / "alias"])) == [str(tmp_path / "alias" / "a.txt")]


def test_links_out_that_the_pattern_would_not_take_are_left_alone(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "notes.md").write_text("notes")
    os.symlink(tmp_path / "notes.md", folder / "notes.md")
    assert list(find_files([folder])) == []
