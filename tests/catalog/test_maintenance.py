"""Never lose the catalogue: backups, checks in words, repair, and the first release's catalogue."""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from catalog import migrations
from catalog.articles import iter_articles
from catalog.browsing import Filters, filtered_ids
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.claims.store import add_claim_by_text, links_of
from catalog.db import database
from catalog.importing import import_paths
from catalog.maintenance import backup_catalogue, check_catalogue, quick_file_check
from catalog.search import fulltext
from tests.helpers import article_file
from ui.command_line import main

FIXTURE = Path(__file__).parent.parent / "fixtures" / "catalogue-schema-1.sqlite3"


@pytest.fixture
def news(sqlite_catalogue, write):
    write(
        "a.txt",
        article_file("Budget day", "The minister said taxes will fall.", " date 2022-03-01 via Daily,"),
    )
    write("b.txt", article_file("Radio", "The radio said taxes will fall too.", " date 2022-03-02 via FM,"))
    ids = [item.article_id for item in import_paths([write.root]).imported]
    add_claim_by_text(ids[0], "taxes will fall")
    return ids


def test_a_backup_is_a_whole_catalogue_taken_while_open(news, tmp_path):
    target = backup_catalogue(tmp_path / "backup.sqlite3")
    assert not list(tmp_path.glob(".backup.sqlite3.*"))  # the partial file went into place
    with sqlite3.connect(target) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT count(*) FROM article").fetchone() == (2,)
        assert copy.execute("SELECT text FROM claim").fetchall() == [("taxes will fall",)]


def test_check_finds_nothing_wrong_in_a_sound_catalogue(news):
    report = check_catalogue()
    assert report.ok and report.problems == [] and check_catalogue(quick=True).ok


def test_check_names_an_index_out_of_step_and_repair_fixes_it(news, capsys):
    database.execute_sql("UPDATE article SET title = 'Changed behind the index' WHERE id = ?", (news[0],))
    report = check_catalogue()
    assert not report.ok and report.index_only
    assert "search index does not match the articles" in report.problems[0].replace("full-text", "search")
    assert "catalog check --repair" in report.advice[0]
    location = database.obj.database
    assert main(["--db", location, "check"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("problem: the full-text index does not match the articles") and "to recover:" in out
    assert main(["--db", location, "check", "--repair", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] and result["repaired"]
    assert filtered_ids(Filters(query="behind")) == [news[0]]


def test_check_names_claims_that_left_their_text(news):
    database.execute_sql("UPDATE claim SET start = start + 2")
    [problem] = check_catalogue().problems
    assert problem.startswith("1 claim no longer sits on its text: claim 1 (article")


def test_check_says_a_damaged_file_is_damaged_and_how_to_recover(news, tmp_path, capsys):
    location = Path(database.obj.database)
    close_catalogue()
    damaged = tmp_path / "damaged.sqlite3"
    shutil.copy(location, damaged)
    data = bytearray(damaged.read_bytes())
    for offset in range(4096 * 2, min(len(data), 4096 * 6), 7):  # scribble over a few pages
        data[offset] = 0xFF
    damaged.write_bytes(bytes(data))
    code = main(["--db", str(damaged), "check"])
    out, err = capsys.readouterr()
    assert code == 1, (out, err)
    text = out + err
    assert "damaged" in text or "malformed" in text
    assert "Traceback" not in text


def test_backup_refuses_a_folder_with_a_clear_message(news, tmp_path, capsys):
    location = database.obj.database
    assert main(["--db", location, "backup", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_the_first_releases_catalogue_opens_in_this_one(tmp_path):
    copy = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURE, copy)
    opened = open_catalogue(str(copy))
    try:
        assert opened.upgraded_from == 1 and Path(opened.backup_path).exists()
        assert migrations.schema_version(database.obj) == migrations.latest_version()
        articles = {article["title"]: article for article in iter_articles(with_body=True)}
        assert articles["Élections à Paris"]["topics"] == ["Politics/Elections"]
        assert (
            articles["Élections à Paris"]["authors"] == ["Zoë Dupré"]
            and articles["Élections à Paris"]["version"] == 2
        )
        assert articles["Officials lose confidence"]["date"] == "2022-06-29"
        assert filtered_ids(Filters(query="electeurs")) == [2]  # indexed on the way up, accents folded
        assert filtered_ids(Filters(query="claim:cnn")) == [1]
        [link] = links_of(2)
        assert (link.phrase, link.other["text"]) == ("cites", "officials are losing confidence")
        assert check_catalogue().ok and fulltext.problems() == []
    finally:
        close_catalogue()


@pytest.mark.parametrize("name", ["news#2022.sqlite3", "what?.sqlite3", "50%25off.sqlite3", "100%.sqlite3"])
def test_the_quick_check_reads_any_file_name(news, tmp_path, name):
    # Issue 14, item 21: the quick check built its file: URI by hand.
    location = Path(database.obj.database)
    close_catalogue()
    folder = tmp_path / "checked"
    folder.mkdir()
    sound, damaged = folder / name, folder / f"damaged {name}"
    shutil.copy(location, sound)
    shutil.copy(location, damaged)
    with sqlite3.connect(damaged) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'article_title'"
        ).fetchone()
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    data = bytearray(damaged.read_bytes())
    data[(root - 1) * page_size : (root - 1) * page_size + 64] = b"\x5a" * 64
    damaged.write_bytes(bytes(data))
    assert quick_file_check(str(sound)) == []
    [problem] = quick_file_check(str(damaged))
    assert problem.startswith("the catalogue file is damaged")
    # SQLite's own -wal and -shm beside them, and nothing else: no file cut at '#' or '?'
    assert {p.name.removesuffix("-wal").removesuffix("-shm") for p in folder.iterdir()} == {
        name,
        f"damaged {name}",
    }
