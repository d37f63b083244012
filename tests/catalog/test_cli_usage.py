"""The command line's usage errors: every value a person can mistype exits 2 with one line,
what fails at run time stays 1, and ``--db`` goes before the command or after any subcommand."""

import argparse
import json

import pytest

from tests.helpers import article_file, cli_outcome
from ui.command_line import build_parser, main

HUGE = "99999999999999999999"  # past 64 bits: no database can hold it as an id


@pytest.fixture
def db(db_path, tmp_path):
    """A catalogue of two articles (a claim on each) on the backend under test."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        article_file(
            "Budget day", "The minister said taxes will fall next year.", " date 2022-03-01 via Daily,"
        ),
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        article_file("Radio", "The radio said taxes will fall next year again.", " date 2022-03-02 via FM,"),
        encoding="utf-8",
    )
    assert main(["--db", db_path, "import", str(folder)]) == 0
    assert main(["--db", db_path, "claims", "add", "1", "--text", "taxes will fall"]) == 0
    assert main(["--db", db_path, "claims", "add", "2", "--text", "taxes will fall"]) == 0
    return db_path


USAGE_ERRORS = [
    (["claims", "add", "1", "--text", "taxes will fall", "--verdict", "bogus"], "unknown verdict 'bogus'"),
    (["claims", "link", "1", "2", "--relation", "likes"], "unknown relation 'likes'"),
    (["claims", "list", "--verdict", "sort of"], "unknown verdict 'sort of'"),
    (["claims", "list", "--article", "0"], "'0' is not an id"),
    (["claims", "suggest", "1", "--limit", "0"], "at least 1"),
    (["claims", "suggest", "1", "--limit", "-3"], "at least 1"),
    (["claims", "suggest", HUGE], "is not an id"),
    (["claims", "add", HUGE, "--text", "x"], "is not an id"),
    (["claims", "link", "1", HUGE, "--relation", "supports"], "is not an id"),
    (["search", "taxes", "--limit", "-1"], "at least 1"),
    (["search", "taxes", "--limit", HUGE], "at most"),
    (["show", "0"], "'0' is not an id"),
    (["show", "--", "-1"], "'-1' is not an id"),
    (["show", HUGE], "is not an id"),
    (["edit", HUGE, "--title", "x"], "is not an id"),
    (["edit", "1", "--expect-version", "0", "--title", "x"], "at least 1"),
    (["export-csv", "-", "--ids", "1,0"], "'0' is not an id"),
    (["export-csv", "-", "--ids", HUGE], "is not an id"),
    (["export-pdf", "out.pdf", "--ids", "1,x"], "not a list of ids"),
    (["import", "--glob", "", "."], "--glob is empty"),
    (["import", "--glob", "/tmp/*.txt", "."], "file names, not paths"),
    (["edit", "1"], "nothing to change"),
    (["export-pdf", "--paper", "a5", "out.pdf"], "invalid choice: 'a5'"),
    (["search", ""], "has nothing to look for"),
    (["search", "-", "()"], "has nothing to look for"),
    (
        ["export-csv", "-", "--query", '""'],
        "has nothing to look for: give words, phrases or dates (without --query",
    ),
    (["suggest-summaries", "--query", " "], "has nothing to look for"),
    (["export-pdf", "out.pdf", "--query", ""], "has nothing to look for"),
    (["edit", "--query", "", "--set-outlet", "Everywhere"], "has nothing to look for"),
    (["claims", "add", "1", "--text", "  "], "a claim needs some text"),
    (["import", ""], "the file name is empty"),
    (["import-json", ""], "the file name is empty"),
    (["backup", ""], "the file name is empty"),
    (["export-json", ""], "the file name is empty"),
    (["export-csv", ""], "the file name is empty"),
    (["export-claimreview", ""], "the file name is empty"),
]


@pytest.mark.parametrize("args, message", USAGE_ERRORS, ids=[" ".join(a[:3]) for a, _ in USAGE_ERRORS])
def test_usage_errors_exit_2_with_one_line_and_change_nothing(capsys, db, args, message):
    before = cli_outcome(capsys, "--db", db, "export-json", "-")[1]
    code, out, err = cli_outcome(capsys, "--db", db, *args)
    assert code == 2, err
    assert message in err
    assert err.startswith("catalog") and err.count("\n") == 1 and "Traceback" not in err
    assert out == ""
    assert cli_outcome(capsys, "--db", db, "export-json", "-")[1] == before


@pytest.mark.parametrize(
    "args, message",
    [
        (["show", "42"], "no article with id 42"),
        (["edit", "42", "--title", "x"], "no article with id 42"),
        (["claims", "add", "1", "--text", "taxes will rise"], "does not occur"),
        (["claims", "suggest", "42"], "no claim with id 42"),
        (["claims", "link", "1", "42", "--relation", "supports"], "no claim with id 42"),
        (["merge-outlets", "Nowhere", "--into", "Daily"], "no outlet named “Nowhere”"),
        (["export-csv", "-", "--ids", "1,42"], "no article with id 42"),
    ],
)
def test_what_fails_at_run_time_stays_exit_1(capsys, db, args, message):
    code, _out, err = cli_outcome(capsys, "--db", db, *args)
    assert code == 1 and message in err and err.count("\n") == 1


def test_a_verdict_is_read_as_the_window_reads_it(capsys, db):
    code, out, _ = cli_outcome(
        capsys, "--db", db, "claims", "add", "2", "--text", "radio", "--verdict", "Mostly-False", "--json"
    )
    assert code == 0 and json.loads(out)["verdict"] == "mostly false"
    code, out, _ = cli_outcome(capsys, "--db", db, "claims", "list", "--verdict", "MOSTLY FALSE", "--json")
    assert code == 0 and [claim["text"] for claim in json.loads(out)] == ["radio"]
    code, out, _ = cli_outcome(
        capsys, "--db", db, "claims", "link", "1", "2", "--relation", " Supports ", "--json"
    )
    assert code == 0 and json.loads(out)["relation"] == "supports"


# --- --db before the command or after any subcommand -----------------------------------


def _leaves(parser, prefix=()):
    """(command words, parser) of every command that runs: ``list``, ``claims add``, …"""
    found = False
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found = True
            for name, sub in action.choices.items():
                yield from _leaves(sub, (*prefix, name))
    if not found and prefix:
        yield prefix, parser


def _filled(parser) -> list[str]:
    """Values for the arguments ``parser`` requires: whatever its types accept."""
    words = []
    for action in parser._actions:
        if action.option_strings and not action.required:
            continue
        if action.nargs == 0 or isinstance(action, argparse._HelpAction):
            continue
        value = next(v for v in (*(action.choices or ()), "1", "x", "supports") if _accepts(action, v))
        words += [action.option_strings[0], value] if action.option_strings else [value]
    return words


def _accepts(action, value) -> bool:
    try:
        callable(action.type) and action.type(value)
    except (argparse.ArgumentTypeError, ValueError, TypeError):
        return False
    return True


def test_db_is_accepted_before_the_command_and_after_every_subcommand(tmp_path):
    parser = build_parser()
    leaves = list(_leaves(parser))
    assert len(leaves) > 25 and ("claims", "list") in [words for words, _ in leaves]
    for words, sub in leaves:
        rest = _filled(sub)
        for db in (str(tmp_path / "before.sqlite3"), "postgresql://desk@db.example.org/newsroom"):
            assert build_parser().parse_args(["--db", db, *words, *rest]).db == db, words
            assert build_parser().parse_args([*words, *rest, "--db", db]).db == db, words
            if len(words) > 1:  # between the command and its action too
                assert build_parser().parse_args([words[0], "--db", db, *words[1:], *rest]).db == db
        # The one given last wins, as with any repeated option.
        last = build_parser().parse_args(["--db", "first.sqlite3", *words, *rest, "--db", "last.sqlite3"])
        assert last.db == "last.sqlite3", words


def test_claims_commands_take_db_after_the_action(capsys, db):
    code, out, err = cli_outcome(capsys, "claims", "list", "--json", "--db", db)
    assert code == 0, err
    assert [claim["article_id"] for claim in json.loads(out)] == [2, 1]
    code, out, _ = cli_outcome(capsys, "claims", "suggest", "1", "--db", db, "--json")
    assert code == 0 and isinstance(json.loads(out), list)


# --- help ------------------------------------------------------------------------------


def _every_parser(parser, words=()):
    yield words, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _every_parser(sub, (*words, name))


def test_every_argument_of_every_command_has_help_text():
    missing = [
        (" ".join(words) or "catalog", action.dest)
        for words, parser in _every_parser(build_parser())
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction) and not (action.help or "").strip()
    ]
    assert missing == []


def test_check_help_documents_every_key_of_its_json(capsys, db):
    code, out, _ = cli_outcome(capsys, "--db", db, "check", "--json")
    assert code == 0
    keys = set(json.loads(out))
    assert keys >= {"ok", "problems", "advice", "index_only", "repaired"}
    code, help_text, _ = cli_outcome(capsys, "check", "--help")
    assert code == 0
    for key in keys:
        assert f'"{key}"' in help_text, key


def test_help_says_which_catalogue_a_command_without_db_uses(capsys):
    code, out, _ = cli_outcome(capsys, "--help")
    assert code == 0
    flat = " ".join(out.split())
    assert "CATALOG_DB" in flat and "catalog info" in flat
    assert "the window follows the same rule" in flat.lower()
