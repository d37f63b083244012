"""``catalog claims`` and the claim interchange commands, as scripts use them."""

import json

import pytest

from tests.helpers import article_file
from ui.command_line import main

CLAIM_KEYS = {
    "id", "article_id", "text", "start", "end", "claimant", "claim_date", "verdict", "explanation", "notes",
    "created_at", "updated_at",
}  # fmt: skip


@pytest.fixture
def db(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        article_file(
            "Budget day",
            "The minister said taxes will fall next year.",
            " date 2022-03-01 Authored by Ann Lee via Daily,",
        ),
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        article_file(
            "Radio",
            "The radio said taxes will fall next year again.",
            " date 2022-03-02 Authored by Bo Chan via FM,",
        ),
        encoding="utf-8",
    )
    location = str(tmp_path / "c.sqlite3")
    assert main(["--db", location, "import", str(folder)]) == 0
    return location


def run(capsys, db, *args):
    capsys.readouterr()
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_link_list_and_suggest(capsys, db):
    code, out, _ = run(capsys, db, "claims", "add", "1", "--text", "taxes will fall", "--claimant", "Minister",
                       "--verdict", "mostly false", "--json")  # fmt: skip
    claim = json.loads(out)
    assert code == 0 and set(claim) == CLAIM_KEYS
    assert (claim["text"], claim["start"], claim["verdict"], claim["claim_date"]) == (
        "taxes will fall", 18, "mostly false", "2022-03-01",
    )  # fmt: skip
    code, out, _ = run(capsys, db, "claims", "add", "2", "--text", "taxes will fall", "--date", "2022-03-05")
    assert code == 0 and out == "added claim 2 to article 2 (characters 15–30)\n"
    code, out, _ = run(
        capsys, db, "claims", "link", "2", "1", "--relation", "repeats", "--note", "radio", "--json"
    )
    assert code == 0 and json.loads(out)["relation"] == "repeats"
    code, out, _ = run(capsys, db, "claims", "list", "--article", "1", "--json")
    [listed] = json.loads(out)
    assert listed["article_title"] == "Budget day"
    assert [(l["direction"], l["other_claim_id"], l["note"]) for l in listed["links"]] == [("in", 2, "radio")]
    code, out, _ = run(capsys, db, "claims", "list")
    assert code == 0 and out.splitlines()[0].split()[0] == "2"  # newest claim date first
    code, out, _ = run(capsys, db, "claims", "suggest", "1", "--json")
    assert code == 0 and json.loads(out) == []  # the one similar passage is claim 2, already linked


@pytest.mark.parametrize(
    "args, message",
    [
        (["claims", "add", "1", "--text", "taxes will rise"], "does not occur"),
        (["claims", "add", "9", "--text", "x"], "no article with id 9"),
        (["claims", "link", "1", "7", "--relation", "supports"], "no claim with id 1"),
        (["claims", "suggest", "5"], "no claim with id 5"),
    ],
)
def test_mistakes_are_one_line_and_exit_1(capsys, db, args, message):
    code, out, err = run(capsys, db, *args)
    assert code == 1 and message in err and err.count("\n") == 1 and out == ""


def test_bad_relation_or_missing_action_is_a_usage_error(capsys, db):
    assert run(capsys, db, "claims")[0] == 2
    run(capsys, db, "claims", "add", "1", "--text", "taxes will fall")
    run(capsys, db, "claims", "add", "2", "--text", "taxes will fall")
    with pytest.raises(SystemExit) as exit_info:  # argparse refuses it before anything is opened
        run(capsys, db, "claims", "link", "1", "2", "--relation", "likes")
    assert exit_info.value.code == 2 and "unknown relation 'likes'" in capsys.readouterr().err


def test_import_json_and_claimreview(capsys, db, tmp_path):
    run(capsys, db, "claims", "add", "1", "--text", "taxes will fall", "--verdict", "false")
    export = tmp_path / "all.json"
    assert run(capsys, db, "export-json", str(export))[0] == 0
    copy = str(tmp_path / "copy.sqlite3")
    code, out, _ = run(capsys, copy, "import-json", str(export), "--json")
    assert code == 0 and json.loads(out) == {
        "articles": 2,
        "duplicates": 0,
        "claims": 1,
        "links": 0,
        "kept_ids": True,
    }
    code, out, _ = run(capsys, copy, "export-claimreview", "-", "--reviewer", "Desk")
    document = json.loads(out)
    assert code == 0 and document["@graph"][0]["reviewRating"]["ratingValue"] == 1
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    code, _, err = run(capsys, copy, "import-json", str(tmp_path / "bad.json"))
    assert code == 1 and "not a Catalog export" in err
