"""``catalog diff A B`` as scripts and people use it: the text, the JSON, the exit codes."""

import json

import pytest

from tests.compare_texts import CHANGED_WORDS, FOOTER, LEAD_IN, copy_file_text, dropped_words, seed_body
from tests.helpers import SEED_FILE, cli_outcome


@pytest.fixture
def copies(capsys, db_path, write):
    """The seed article (1) and a republication of it (2) in a catalogue."""
    write("copy.txt", copy_file_text())
    code, _, err = cli_outcome(
        capsys, "--db", db_path, "import", str(SEED_FILE), str(write.root / "copy.txt")
    )
    assert code == 0, err
    return db_path


def test_diff_prints_both_articles_the_counts_and_the_changes(capsys, copies):
    code, out, err = cli_outcome(capsys, "--db", copies, "diff", "1", "2")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("A: #1  According to a report from CNN")
    assert lines[0].endswith("(AntiWar.com, 2022-06-29)")
    assert lines[1].startswith("B: #2  ") and lines[1].endswith("(Example News, 2022-07-02)")
    assert lines[2] == (
        f"Words:  {CHANGED_WORDS} changed, 0 added, {dropped_words()} removed; B keeps 93.6% of A's text"
    )
    assert lines[3] == "Boilerplate: 0 lines in A, 2 lines in B"
    assert f"~ boilerplate (lead-in): {LEAD_IN}  [in B #2]" in lines
    assert f"~ boilerplate (footer): {FOOTER}  [in B #2]" in lines
    assert lines[-1] == f"~ boilerplate (footer): {FOOTER}  [in B #2]"
    # A change is its "-" line then its "+" line, between unchanged words for context.
    at = lines.index("- heavy")
    assert lines[at + 1] == "+ severe"
    assert lines[at - 1].startswith("  … ") and lines[at - 1].endswith("Ukraine is taking")
    assert lines[at + 2].startswith("  casualties, with officials")
    last = seed_body().split("\n\n")[-1]
    assert f"- {last}" in lines
    assert any(line.startswith("… ") and line.endswith(" paragraphs unchanged …") for line in lines)
    assert not any(line.startswith("+ ") and "Subscribe" in line for line in lines)


def test_diff_json_has_the_counts_and_every_run(capsys, copies):
    code, out, _ = cli_outcome(capsys, "--db", copies, "diff", "1", "2", "--json")
    assert code == 0
    found = json.loads(out)
    assert set(found) == {"left", "right", "added", "removed", "changed", "kept", "boilerplate", "runs"}
    assert (found["left"], found["right"]) == (1, 2)
    assert (found["added"], found["removed"], found["changed"]) == (0, dropped_words(), CHANGED_WORDS)
    assert found["kept"] == 0.936
    assert found["boilerplate"] == {"left": 0, "right": 2}
    assert found["runs"][0] == {"kind": "boilerplate: lead-in", "left": "", "right": LEAD_IN}
    assert found["runs"][-1] == {"kind": "boilerplate: footer", "left": "", "right": FOOTER}
    assert {"kind": "changed", "left": "heavy", "right": "severe"} in found["runs"]
    assert {run["kind"] for run in found["runs"]} == {
        "equal",
        "changed",
        "removed",
        "boilerplate: lead-in",
        "boilerplate: footer",
    }
    # Reversed, what was removed is added.
    code, out, _ = cli_outcome(capsys, "--db", copies, "diff", "2", "1", "--json")
    reverse = json.loads(out)
    assert (reverse["added"], reverse["removed"], reverse["changed"]) == (dropped_words(), 0, CHANGED_WORDS)
    assert reverse["boilerplate"] == {"left": 2, "right": 0}


def test_texts_that_differ_only_in_boilerplate_are_the_same(capsys, db_path, write):
    write("copy.txt", f" date 2022-07-01 Authored by A. Writer via Mirror,\n\n{seed_body()}\n\n{FOOTER}\n")
    cli_outcome(capsys, "--db", db_path, "import", str(SEED_FILE), str(write.root))
    code, out, _ = cli_outcome(capsys, "--db", db_path, "diff", "1", "2")
    assert code == 0
    assert "The texts are the same (boilerplate aside)." in out.splitlines()
    assert f"~ boilerplate (footer): {FOOTER}  [in B #2]" in out.splitlines()
    assert "paragraphs unchanged" in out


@pytest.mark.parametrize(("ids", "missing"), [(("1", "9"), 9), (("9", "1"), 9), (("8", "9"), 8)])
def test_a_missing_article_exits_1_naming_it(capsys, copies, ids, missing):
    for extra in ((), ("--json",)):
        code, out, err = cli_outcome(capsys, "--db", copies, "diff", *ids, *extra)
        assert (code, out, err) == (1, "", f"catalog: no article with id {missing}\n")


def test_the_same_article_twice_is_a_usage_error(capsys, copies):
    code, out, err = cli_outcome(capsys, "--db", copies, "diff", "2", "2")
    assert (code, out) == (2, "")
    assert err == "catalog: diff: A and B are the same article (2): give two different ids\n"


@pytest.mark.parametrize("bad", [["1"], ["1", "x"], ["0", "1"], ["1", "-3"], ["1", "2", "3"]])
def test_bad_ids_are_usage_errors(capsys, copies, bad):
    code, out, err = cli_outcome(capsys, "--db", copies, "diff", *bad)
    assert code == 2 and out == ""
    assert err.startswith("catalog") and len(err.splitlines()) == 1


def test_no_catalogue_there_is_a_usage_error(capsys, tmp_path):
    code, _, err = cli_outcome(capsys, "--db", str(tmp_path / "none.sqlite3"), "diff", "1", "2")
    assert code == 2
    assert "none.sqlite3" in err and not (tmp_path / "none.sqlite3").exists()


def test_control_characters_in_titles_and_text_show_as_escapes(capsys, db_path, write):
    write("one.txt", "Fire \x1b[2J at the depot\n\nThe fire at the depot was put out by noon.\n")
    write("two.txt", "Fire at the depot\n\nThe fire at the depot was put out by \x1b[31mnight.\n")
    cli_outcome(capsys, "--db", db_path, "import", str(write.root))
    code, out, _ = cli_outcome(capsys, "--db", db_path, "diff", "1", "2")
    assert code == 0
    assert "\x1b" not in out
    assert "A: #1  Fire \\e[2J at the depot  (unknown outlet, no date)" in out.splitlines()
    assert "+ \\e[31mnight." in out.splitlines()


def test_help_says_what_the_output_means(capsys):
    code, out, _ = cli_outcome(capsys, "diff", "--help")
    assert code == 0
    for words in ('"kept"', "boilerplate", "paragraphs unchanged", "Exit codes", "--json"):
        assert words in out
