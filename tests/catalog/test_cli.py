"""The ``catalog`` command as scripts use it: output, JSON shapes and exit codes."""

import json
from pathlib import Path

import pytest

from tests.helpers import SEED_FILE, SEED_FOLDER, article_file, run_catalog
from ui.command_line import main

LIST_KEYS = {
    "id",
    "title",
    "date",
    "authors",
    "outlet",
    "topics",
    "summary",
    "notes",
    "source",
    "url",
    "content_hash",
    "imported_at",
    "updated_at",
    "version",
}


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cli.sqlite3")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_prints_a_summary(capsys, db):
    code, out, err = run(capsys, "--db", db, "import", str(SEED_FOLDER))
    assert code == 0
    assert out == "1 file: 1 imported, 0 duplicates, 0 failed\n"
    assert err == ""  # a quick import off a terminal shows no progress


def test_import_verbose_lists_each_article(capsys, db):
    _code, out, _ = run(capsys, "--db", db, "import", "-v", str(SEED_FOLDER))
    assert out.splitlines()[1] == f"imported: {SEED_FILE}: #1 " + out.splitlines()[1].split("#1 ", 1)[1]
    assert "#1 According to a report from CNN" in out


def test_import_with_a_bad_file_exits_1_and_names_it(capsys, db, write):
    write("good.txt", article_file("Good", "Text."))
    bad = write("bad.txt", b"\x00\x01\x02binary")
    code, out, err = run(capsys, "--db", db, "import", str(write.root))
    assert code == 1
    assert out.splitlines() == [
        "2 files: 1 imported, 0 duplicates, 1 failed",
        f"failed: {bad}: not a text file: looks like binary data (it contains NUL bytes)",
    ]
    assert "Traceback" not in err


def test_duplicates_are_not_failures(capsys, db):
    run(capsys, "--db", db, "import", str(SEED_FILE))
    code, out, _err = run(capsys, "--db", db, "import", str(SEED_FILE))
    assert code == 0
    assert out.splitlines()[0] == "1 file: 0 imported, 1 duplicate, 0 failed"
    assert out.splitlines()[1:] == ["1 already in the catalogue (-v lists them)"]
    _code, out, _err = run(capsys, "--db", db, "import", "-v", str(SEED_FILE))
    assert out.splitlines()[1].startswith(f"duplicate: {SEED_FILE}: duplicate of According to a report")
    assert out.splitlines()[1].endswith("(id 1)")


def test_dry_run_reports_and_writes_nothing(capsys, db, write):
    write("a.txt", article_file("One", "Text."))
    write("b.txt", article_file("One", "Text."))
    write("c.bin.txt", b"\x89PNG\r\n\x1a\n\x00")
    code, out, _ = run(capsys, "--db", db, "import", "--dry-run", "-v", str(write.root))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "3 files: 1 would be imported, 1 duplicate, 1 failed"
    assert f"duplicate: {write.root / 'b.txt'}: duplicate of One (earlier in this import)" in lines
    assert f"would import: {write.root / 'a.txt'}: One" in lines
    assert not Path(db).exists()  # not even an empty catalogue


def test_import_json_report(capsys, db, write):
    good = write("a.txt", article_file("One", "Text."))
    bad = write("b.txt", b"")
    code, out, _ = run(capsys, "--db", db, "import", "--json", str(write.root))
    assert code == 1
    assert json.loads(out) == {
        "imported": [{"path": str(good), "id": 1, "title": "One"}],
        "duplicates": [],
        "failed": [{"path": str(bad), "reason": "empty file"}],
        "cancelled": False,
        "dry_run": False,
    }


def test_glob_and_max_size_options(capsys, db, write):
    write("a.md", article_file("Markdown one", "Text."))
    write("b.txt", article_file("Text one", "Text."))
    write("big.md", article_file("Big one", "x" * 5000))
    code, out, _ = run(capsys, "--db", db, "import", "--glob", "*.md", "--max-size", "2K", str(write.root))
    assert code == 1
    assert out.splitlines()[0] == "2 files: 1 imported, 0 duplicates, 1 failed"
    assert "big.md: too large (4.9 KB; the limit is 2.0 KB)" in out


def test_list_json_is_an_array_of_articles_without_body(capsys, db):
    run(capsys, "--db", db, "import", str(SEED_FOLDER))
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    assert code == 0
    [article] = json.loads(out)
    assert set(article) == LIST_KEYS
    assert article["date"] == "2022-06-29"
    assert article["authors"] == ["Dave DeCamp"]
    assert article["outlet"] == "AntiWar.com"
    assert article["topics"] == []
    assert article["source"] == str(SEED_FILE)


def test_list_json_of_an_empty_catalogue_is_an_empty_array(capsys, db):
    run(capsys, "new", db)
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    assert (code, json.loads(out)) == (0, [])


def test_list_as_text(capsys, db):
    run(capsys, "--db", db, "import", str(SEED_FOLDER))
    code, out, _ = run(capsys, "--db", db, "list")
    assert code == 0
    assert out.split()[:3] == ["1", "2022-06-29", "AntiWar.com"]


def test_show_json_has_body_and_version(capsys, db):
    run(capsys, "--db", db, "import", str(SEED_FOLDER))
    code, out, _ = run(capsys, "--db", db, "show", "1", "--json")
    article = json.loads(out)
    assert code == 0
    assert set(article) == LIST_KEYS | {"body"}
    assert article["version"] == 1
    assert article["body"].startswith("According to a report from CNN")


def test_show_as_text(capsys, db):
    run(capsys, "--db", db, "import", str(SEED_FOLDER))
    code, out, _ = run(capsys, "--db", db, "show", "1")
    assert code == 0
    assert "Outlet:   AntiWar.com" in out and "Authors:  Dave DeCamp" in out
    assert "Zelensky aide Podolyak" in out


def test_show_of_a_missing_article(capsys, db):
    run(capsys, "new", db)
    code, out, err = run(capsys, "--db", db, "show", "42")
    assert (code, out, err) == (1, "", "catalog: no article with id 42\n")


def test_db_option_may_follow_the_command(capsys, db):
    run(capsys, "import", str(SEED_FILE), "--db", db)
    _code, out, _ = run(capsys, "list", "--json", "--db", db)
    assert len(json.loads(out)) == 1


def test_catalog_db_environment_variable(capsys, db, monkeypatch):
    monkeypatch.setenv("CATALOG_DB", db)
    run(capsys, "import", str(SEED_FILE))
    monkeypatch.delenv("CATALOG_DB")
    _, out, _ = run(capsys, "--db", db, "list", "--json")
    assert len(json.loads(out)) == 1


def test_export_json_has_the_whole_catalogue(capsys, db, tmp_path):
    run(capsys, "--db", db, "import", str(SEED_FOLDER))
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "--db", db, "export-json", str(target))
    assert code == 0 and out == f"exported 1 article to {target}\n"
    document = json.loads(target.read_text(encoding="utf-8"))
    [article] = document["articles"]
    assert set(article) == LIST_KEYS | {"body"}
    assert (article["date"], article["authors"], article["outlet"]) == (
        "2022-06-29",
        ["Dave DeCamp"],
        "AntiWar.com",
    )
    assert article["source"] == str(SEED_FILE)
    assert document["outlets"] == ["AntiWar.com"] and document["authors"] == ["Dave DeCamp"]
    assert document["claims"] == [] and document["claim_links"] == []


def test_export_json_to_standard_output(capsys, db):
    run(capsys, "new", db)
    code, out, _ = run(capsys, "--db", db, "export-json", "-")
    assert code == 0 and json.loads(out)["articles"] == []


def test_export_json_to_an_unwritable_place_is_one_line(capsys, db, tmp_path):
    run(capsys, "new", db)
    code, _out, err = run(capsys, "--db", db, "export-json", str(tmp_path / "no" / "such" / "dir" / "x.json"))
    assert code == 1
    assert err.startswith("catalog: ") and err.count("\n") == 1
    assert f"the folder {tmp_path / 'no'} does not exist" in err


@pytest.mark.parametrize("args", [["bogus"], ["show"], ["show", "abc"], ["import"], ["list", "--nope"]])
def test_usage_errors_exit_2_with_one_line(capsys, db, args):
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", db, *args])
    _, err = capsys.readouterr()
    assert exit_info.value.code == 2
    assert err.startswith("catalog") and err.count("\n") == 1 and "--help" in err


def _commands(parser, prefix=()):
    """Every command line that ends at a command, nested ones (``claims add``) included."""
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*prefix, name)
                yield from _commands(sub, (*prefix, name))


def test_every_command_has_help_with_an_example(capsys):
    from ui.command_line import build_parser

    commands = list(_commands(build_parser()))
    assert len(commands) > 25 and ("install-desktop",) in commands and ("claims", "add") in commands
    for command in commands:
        with pytest.raises(SystemExit) as exit_info:
            main([*command, "--help"])
        out, _ = capsys.readouterr()
        assert exit_info.value.code == 0
        assert "example" in out, command
        assert "--db" in out, command  # before the command or after it, nested ones too


def test_as_a_separate_process(tmp_path):
    """``python -m catalog`` with the exit codes scripts rely on, and no traceback on bad input."""
    db = str(tmp_path / "p.sqlite3")
    imported = run_catalog("--db", db, "import", str(SEED_FOLDER))
    assert imported.returncode == 0, imported.stderr
    listed = run_catalog("--db", db, "list", "--json")
    assert [a["outlet"] for a in json.loads(listed.stdout)] == ["AntiWar.com"]
    bad_db = tmp_path / "not-a-db.sqlite3"
    bad_db.write_text("plain words\n" * 100)
    refused = run_catalog("--db", str(bad_db), "list")
    assert refused.returncode == 2  # the wrong file named: a usage error, as a missing one is
    assert refused.stderr == f"catalog: {bad_db} is not a catalogue: it is not a SQLite database\n"
    assert "Traceback" not in refused.stderr
    usage = run_catalog("frobnicate")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_gui_without_a_display_says_so_in_one_sentence(tmp_path):
    result = run_catalog(
        "--db",
        str(tmp_path / "g.sqlite3"),
        "gui",
        env={"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""},
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "no display" in result.stderr and "catalog list" in result.stderr
    assert "Traceback" not in result.stderr and "qt.qpa" not in result.stderr


class _Stream:
    def __init__(self, tty: bool):
        self.tty, self.text = tty, ""

    def isatty(self):
        return self.tty

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def test_progress_bar_on_a_terminal():
    from catalog.cli.importing import TerminalProgress

    stream = _Stream(tty=True)
    progress = TerminalProgress(2000, stream)
    progress(1000, "a.txt")
    progress(2000, "b.txt")
    progress.close()
    assert stream.text.startswith("\r")
    assert "1,000 of 2,000 files" in stream.text and "2,000 of 2,000 files" in stream.text
    assert "files/s" in stream.text and "left" in stream.text
    assert stream.text.endswith("\n")


def test_plain_progress_lines_off_a_terminal(monkeypatch):
    from catalog.cli import importing as cli_import

    stream = _Stream(tty=False)
    progress = cli_import.TerminalProgress(2000, stream)
    progress(1000, "a.txt")  # too soon: nothing yet
    assert stream.text == ""
    monkeypatch.setattr(cli_import, "PLAIN_INTERVAL", 0.0)
    progress(1500, "b.txt")
    progress(2000, "c.txt")
    progress.close()
    lines = stream.text.splitlines()
    assert lines[0].startswith("import: 1,500 of 2,000 files")
    assert lines[-1].startswith("import: 2,000 of 2,000 files")
    assert "\r" not in stream.text


def test_edit_with_expect_version_and_conflict(capsys, db):
    run(capsys, "--db", db, "import", str(SEED_FOLDER))
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "edit",
        "1",
        "--date",
        "June 2022",
        "--outlet",
        "Antiwar News",
        "--author",
        "Dave DeCamp",
        "--author",
        "Zoë Martin",
        "--topic",
        "Politics/Ukraine",
        "--expect-version",
        "1",
        "--json",
    )
    article = json.loads(out)
    assert code == 0
    assert (
        article["date"],
        article["outlet"],
        article["authors"],
        article["topics"],
        article["version"],
    ) == ("2022-06", "Antiwar News", ["Dave DeCamp", "Zoë Martin"], ["Politics/Ukraine"], 2)
    code, out, err = run(capsys, "--db", db, "edit", "1", "--title", "Stale", "--expect-version", "1")
    assert code == 3
    assert (
        err
        == "catalog: article 1 changed since version 1 (it is now version 2); reload it and apply your edit again\n"
    )
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "edit",
        "1",
        "--add-topic",
        "War",
        "--remove-topic",
        "politics/ukraine",
        "--date",
        "unknown",
        "--outlet",
        "",
    )
    article = json.loads(run(capsys, "--db", db, "show", "1", "--json")[1])
    assert (article["topics"], article["date"], article["outlet"]) == (["War"], None, None)


def test_edit_refuses_bad_input_in_words(capsys, db):
    run(capsys, "--db", db, "import", str(SEED_FOLDER))
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", db, "edit", "1", "--date", "next week"])
    assert exit_info.value.code == 2
    assert "“next week” is not a date" in capsys.readouterr().err
    assert run(capsys, "--db", db, "edit", "9", "--title", "x")[0:3:2] == (
        1,
        "catalog: no article with id 9\n",
    )
    assert run(capsys, "--db", db, "edit", "1", "--title", "  ")[0] == 2


def test_name_lists_and_merges(capsys, db, write):
    write("a.txt", article_file("A", "x.", header=" date 2022-01-01 via AntiWar.com,"))
    write("b.txt", article_file("B", "y.", header=" date 2022-01-01 via Antiwar News,"))
    run(capsys, "--db", db, "import", str(write.root))
    code, out, _ = run(capsys, "--db", db, "outlets", "--json")
    assert json.loads(out) == [{"name": "Antiwar News", "count": 1}, {"name": "AntiWar.com", "count": 1}]
    code, out, _ = run(
        capsys, "--db", db, "merge-outlets", "Antiwar News", "antiwar.com", "--into", "AntiWar.com"
    )
    assert (code, out) == (0, "merged into AntiWar.com: 1 article changed\n")
    assert json.loads(run(capsys, "--db", db, "outlets", "--json")[1]) == [
        {"name": "AntiWar.com", "count": 2}
    ]
    code, _, err = run(capsys, "--db", db, "merge-topics", "Nope", "--into", "X")
    assert (code, err) == (1, "catalog: no topic named “Nope”\n")
    assert json.loads(run(capsys, "--db", db, "authors", "--json")[1]) == []
    assert run(capsys, "--db", db, "topics")[1] == ""


def test_install_desktop_puts_catalog_in_the_applications_menu(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["install-desktop"]) == 0
    entry = tmp_path / "share" / "applications" / "catalog.desktop"
    icon = tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "catalog.svg"
    assert capsys.readouterr().out.splitlines() == [f"installed {entry}", f"installed {icon}"]
    fields = dict(line.split("=", 1) for line in entry.read_text().splitlines()[1:])
    assert entry.read_text().startswith("[Desktop Entry]\n")
    assert (fields["Name"], fields["Icon"], fields["Type"]) == ("Catalog", "catalog", "Application")
    assert fields["Exec"].endswith(("/catalog-window", " gui"))  # the window script, where installed
    assert icon.read_text().startswith("<svg")
    assert main(["install-desktop", "--uninstall"]) == 0
    assert not entry.exists() and not icon.exists()
    assert main(["install-desktop", "--uninstall"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


def test_version(capsys):
    from catalog import __version__

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"catalog {__version__}\n"
