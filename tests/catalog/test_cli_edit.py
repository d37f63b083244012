"""``catalog edit``: one article (an edit that changes nothing says so and keeps the version),
or many at once with ``--query``/``--ids`` in one transaction, as the window's Batch Edit."""

import json

import pytest
from peewee import OperationalError

from catalog import editing
from tests.helpers import SEED_FOLDER, article_file, cli_outcome
from ui.command_line import main

BODIES = {
    "a.txt": ("Kyiv talks stall", "Officials in Kyiv said the talks stalled on Monday.", "via AntiWar.com"),
    "b.txt": (
        "Grain deal signed",
        "Ministers signed the grain deal in Istanbul on Friday.",
        "via Antiwar News",
    ),
    "c.txt": ("Oil prices rise", "Brent crude rose 3.5% after the U.S. figures came out.", "via Reuters"),
    "d.txt": ("Tanks for Kyiv", "Germany will send tanks to Kyiv, its chancellor said.", "via antiwar.com"),
}


@pytest.fixture
def db(db_path, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, (title, body, via) in sorted(BODIES.items()):
        header = f" date 2022-0{len(name)}-0{ord(name[0]) - 96} Authored by Ann Lee {via},"
        (folder / name).write_text(article_file(title, body, header), encoding="utf-8")
    assert main(["--db", db_path, "import", str(folder)]) == 0
    return db_path


def articles(capsys, db) -> dict[int, dict]:
    return {a["id"]: a for a in json.loads(cli_outcome(capsys, "--db", db, "list", "--json")[1])}


# --- one article ------------------------------------------------------------------------


def test_an_edit_that_changes_nothing_says_so_and_keeps_the_version(capsys, db_path):
    assert main(["--db", db_path, "import", str(SEED_FOLDER)]) == 0
    seed = articles(capsys, db_path)[1]
    for same in (
        ["--date", "2022-06-29"],  # imported without a precision: the same day is no change
        ["--date", "29 June 2022"],
        ["--outlet", "antiwar.com"],  # names are compared case-insensitively
        ["--author", "Dave DeCamp"],
        ["--title", seed["title"]],
        ["--summary", ""],
        ["--topic", ""],
        ["--remove-topic", "Nowhere"],
    ):
        code, out, err = cli_outcome(capsys, "--db", db_path, "edit", "1", *same)
        assert (code, out, err) == (0, "article 1 unchanged (version 1)\n", ""), same
    code, out, _ = cli_outcome(capsys, "--db", db_path, "edit", "1", "--date", "2022-06-29", "--json")
    assert code == 0 and json.loads(out)["version"] == 1 and json.loads(out)["date"] == "2022-06-29"
    assert articles(capsys, db_path)[1] == seed  # not even updated_at moved

    code, out, _ = cli_outcome(capsys, "--db", db_path, "edit", "1", "--date", "June 2022")
    assert (code, out) == (0, "article 1 is now version 2\n")
    code, out, _ = cli_outcome(capsys, "--db", db_path, "edit", "1", "--date", "June 2022")
    assert (code, out) == (0, "article 1 unchanged (version 2)\n")


def test_the_one_article_form_keeps_working_as_before(capsys, db):
    code, out, _ = cli_outcome(
        capsys, "--db", db, "edit", "3", "--outlet", "Reuters UK", "--add-topic", "Energy"
    )
    assert (code, out) == (0, "article 3 is now version 2\n")
    code, _, err = cli_outcome(capsys, "--db", db, "edit", "3", "--title", "Stale", "--expect-version", "1")
    assert code == 3 and "changed since version 1" in err
    shown = articles(capsys, db)[3]
    assert (shown["outlet"], shown["topics"], shown["title"]) == ("Reuters UK", ["Energy"], "Oil prices rise")


# --- many articles ------------------------------------------------------------------------


def test_a_batch_edit_by_query_previews_then_changes_in_one_go(capsys, db):
    before = articles(capsys, db)
    chosen = ["edit", "--query", "outlet:antiwar*", "--set-outlet", "AntiWar.com", "--add-topic", "Ukraine"]
    code, out, err = cli_outcome(capsys, "--db", db, *chosen, "--dry-run")
    assert (code, err) == (0, "")
    assert out == "would change 3 articles: set outlet to AntiWar.com; add topic Ukraine\n"
    assert articles(capsys, db) == before
    assert (
        json.loads(cli_outcome(capsys, "--db", db, "topics", "--json")[1]) == []
    )  # no name made by a preview

    code, out, _ = cli_outcome(capsys, "--db", db, *chosen, "--dry-run", "--json")
    assert (code, json.loads(out)) == (0, {"changed": 3, "ids": [1, 2, 4], "dry_run": True})

    code, out, _ = cli_outcome(capsys, "--db", db, *chosen)
    assert (code, out) == (0, "changed 3 articles: set outlet to AntiWar.com; add topic Ukraine\n")
    after = articles(capsys, db)
    for article_id in (1, 2, 4):
        assert (after[article_id]["outlet"], after[article_id]["topics"]) == ("AntiWar.com", ["Ukraine"])
        assert after[article_id]["version"] == 2
    assert after[3] == before[3]

    # Again: two of them are as asked already; only what changes gets a new version.
    code, out, _ = cli_outcome(
        capsys, "--db", db, "edit", "--ids", "1,2,3", "--add-topic", "Ukraine", "--json"
    )
    assert (code, json.loads(out)) == (0, {"changed": 1, "ids": [3], "dry_run": False})
    versions = {i: a["version"] for i, a in articles(capsys, db).items()}
    assert versions == {1: 2, 2: 2, 3: 2, 4: 2}
    code, out, _ = cli_outcome(capsys, "--db", db, "edit", "--ids", "1,2", "--add-topic", "Ukraine")
    assert (code, out) == (0, "changed 0 articles (of 2 chosen): add topic Ukraine\n")


def test_authors_dates_and_both_choices_together(capsys, db):
    code, out, _ = cli_outcome(
        capsys, "--db", db, "edit", "--ids", "4,3,1", "--query", "kyiv",
        "--add-author", "Bo Chan", "--remove-author", "ann lee", "--set-date", "unknown",
    )  # fmt: skip
    assert code == 0
    assert out == "changed 2 articles: set date to unknown; add author Bo Chan; remove author ann lee\n"
    shown = articles(capsys, db)
    assert [(shown[i]["authors"], shown[i]["date"]) for i in (1, 4)] == [(["Bo Chan"], None)] * 2
    assert shown[3]["authors"] == ["Ann Lee"] and shown[3]["date"] is not None
    code, out, _ = cli_outcome(capsys, "--db", db, "edit", "--ids", "2", "--set-date", "March 2021", "--json")
    assert json.loads(out) == {"changed": 1, "ids": [2], "dry_run": False}
    assert articles(capsys, db)[2]["date"] == "2021-03"
    code, out, _ = cli_outcome(capsys, "--db", db, "edit", "--ids", "3", "--set-date", "2022-05-03", "--json")
    assert json.loads(out) == {"changed": 0, "ids": [], "dry_run": False}  # the day it has


def test_an_id_that_names_no_article_is_said_and_the_others_are_changed(capsys, db):
    code, out, err = cli_outcome(
        capsys, "--db", db, "edit", "--ids", "1,77", "--set-outlet", "Desk", "--dry-run"
    )
    assert (code, out) == (1, "would change 1 article: set outlet to Desk\n")
    assert err == "catalog: no article with id 77; the others chosen were previewed\n"
    code, out, err = cli_outcome(capsys, "--db", db, "edit", "--ids", "1,77,2", "--set-outlet", "Desk")
    assert code == 1
    assert out == "changed 2 articles: set outlet to Desk\n"
    assert err == "catalog: no article with id 77; the others chosen were edited\n"
    assert [articles(capsys, db)[i]["outlet"] for i in (1, 2, 3)] == ["Desk", "Desk", "Reuters"]


def test_a_batch_edit_is_one_transaction(capsys, db, monkeypatch):
    before = articles(capsys, db)

    def fail_half_way(*args, **kwargs):
        raise OperationalError("disk I/O error")

    monkeypatch.setattr(editing, "_replace_links", fail_half_way)  # after the article rows are written
    code, _, err = cli_outcome(
        capsys, "--db", db, "edit", "--query", "kyiv OR grain", "--add-author", "Bo Chan"
    )
    assert code == 1 and err.startswith("catalog: ") and err.count("\n") == 1
    assert articles(capsys, db) == before  # versions, outlets, authors: nothing moved


def test_a_read_only_catalogue_refuses_a_batch_edit(capsys, sqlite_catalogue, tmp_path):
    location = sqlite_catalogue.location
    assert main(["--db", location, "import", str(SEED_FOLDER)]) == 0
    code, _, err = cli_outcome(
        capsys, "--db", f"sqlite:///{location}?mode=ro", "edit", "--ids", "1", "--set-outlet", "X"
    )
    assert code == 1 and "the catalogue is read-only" in err
    assert articles(capsys, location)[1]["outlet"] == "AntiWar.com"


@pytest.mark.parametrize(
    "args, message",
    [
        (["edit", "1", "--query", "kyiv", "--set-outlet", "X"], "not both"),
        (["edit", "1", "--ids", "2", "--title", "X"], "not both"),
        (["edit", "--set-outlet", "X"], "say which article to change"),
        (["edit", "--ids", "1,2", "--title", "X"], "--title: for one article, with its ID"),
        (
            ["edit", "--query", "kyiv", "--outlet", "X", "--summary", "S"],
            "--outlet, --summary: for one article",
        ),
        (
            ["edit", "1", "--set-outlet", "X"],
            "--set-outlet: for many articles, with --query/--ids (one article: --ids 1)",
        ),
        (["edit", "1", "--title", "X", "--dry-run"], "--dry-run: for many articles"),
        (["edit", "--ids", "1,2"], "nothing to change"),
        (["edit", "--query", "kyiv", "--dry-run"], "nothing to change"),
        (["edit", "1", "--expect-version", "1"], "nothing to change"),
        (["edit", "--ids", "1,x", "--set-outlet", "X"], "not a list of ids"),
        (["edit", "--ids", "1", "--set-date", "next week"], "is not a date"),
        (["edit", "--query", "w*", "--set-outlet", "X"], "type at least 2 letters"),
        (["edit", "--ids", "1", "--add-author", "x" * 201], "at most 200"),
    ],
)
def test_forms_that_do_not_combine_are_usage_errors(capsys, db, args, message):
    before = articles(capsys, db)
    code, out, err = cli_outcome(capsys, "--db", db, *args)
    assert code == 2 and message in err, err
    assert out == "" and err.count("\n") == 1
    assert articles(capsys, db) == before


def test_a_query_of_the_batch_form_may_exclude_with_a_dash(capsys, db):
    code, out, _ = cli_outcome(
        capsys, "--db", db, "edit", "--query", "-kyiv", "--add-topic", "Elsewhere", "--json"
    )
    assert (code, json.loads(out)["ids"]) == (0, [2, 3])
