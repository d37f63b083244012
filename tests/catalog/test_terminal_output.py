"""Human-readable output never sends a terminal the control characters that titles, names and
file names carry: escape sequences (retitle the window, clear the screen) and newlines (forge a
line) print as visible escapes, as ``ls`` and ``git`` print them. JSON output is left exact."""

import json

import pytest

from catalog.claims.store import add_claim_by_text
from catalog.editing import ArticleEdit, edit_article
from catalog.importing import import_paths
from catalog.models import Article, Author, Outlet, Topic
from catalog.search import fulltext
from tests.helpers import article_file, run_catalog

RETITLE, CLEAR, BELL, ESC = "\x1b]0;pwned\x07", "\x1b[2J", "\x07", "\x1b"
TITLE = f"Budget {RETITLE}day{CLEAR}\nfailed: a forged line"
SHOWN_TITLE = "Budget \\e]0;pwned\\x07day\\e[2J\\nfailed: a forged line"
FILE_NAME = f"story{RETITLE}\n{CLEAR}.txt"
NAME = f"Daily {CLEAR}News\n{RETITLE}"
SHOWN_NAME = "Daily \\e[2JNews\\n\\e]0;pwned\\x07"


@pytest.fixture
def hostile(catalogue, write):
    """Two articles whose title, outlet, author, topic, summary, body and file name carry escape
    sequences and newlines, with a claim in each; returns (location, ids, claim ids)."""
    body = f"The minister said taxes will fall{CLEAR} next year.\n\nSecond {RETITLE}paragraph."
    write(FILE_NAME, article_file("First", body, " date 2022-03-01 via Daily,"))
    write("plain.txt", article_file("Second", "Critics said taxes will fall next year too."))
    report = import_paths([write.root])
    assert not report.failed, report.failed
    # The article from the hostile file first.
    ids = [item.article_id for item in sorted(report.imported, key=lambda item: "story" not in item.path)]
    for article_id in ids:
        edit_article(article_id, ArticleEdit(authors=["Placeholder"], topics=["Placeholder topic"]))
    # Stored as they are, as an import or another program could store them: no tidying.
    with fulltext.reindexing(ids):
        summary = f"Summary {CLEAR}line one\nline two{BELL}"
        Article.update(title=TITLE, summary=summary).where(Article.id.in_(ids)).execute()
        Outlet.update(name=NAME).execute()
        Author.update(name=NAME).where(Author.name == "Placeholder").execute()
        Topic.update(name=NAME).where(Topic.name == "Placeholder topic").execute()
    claims = [
        add_claim_by_text(ids[0], f"taxes will fall{CLEAR} next year", claimant=NAME, verdict="false"),
        add_claim_by_text(ids[1], "taxes will fall next year", claimant=NAME),
    ]
    return catalogue.location, ids, claims


def catalog(location, *args):
    done = run_catalog("--db", location, *args)
    assert "Traceback" not in done.stderr
    return done


def assert_clean(done) -> None:
    """Nothing on standard output or error that a terminal would act on."""
    for stream in (done.stdout, done.stderr):
        assert ESC not in stream and BELL not in stream, repr(stream)
        assert not any(0 <= ord(c) < 32 and c != "\n" for c in stream), repr(stream)


def test_list_prints_one_line_per_article_with_escapes(hostile):
    location, ids, _ = hostile
    done = catalog(location, "list")
    assert done.returncode == 0
    assert_clean(done)
    lines = done.stdout.splitlines()
    assert len(lines) == len(ids)  # a newline in a title forges no line
    assert all(line.endswith(SHOWN_TITLE) for line in lines)
    [hostile_line] = [line for line in lines if line.startswith(f"{ids[0]:>6}  2022-03-01  ")]
    assert "  Daily \\e[2JNews\\n\\e]0;pw  Budget" in hostile_line  # the outlet, cut to its column


def test_json_output_keeps_the_text_exact(hostile):
    location, ids, _ = hostile
    articles = json.loads(catalog(location, "list", "--json").stdout)
    assert {article["title"] for article in articles} == {TITLE}
    assert json.loads(catalog(location, "show", str(ids[0]), "--json").stdout)["outlet"] == NAME


def test_search_prints_titles_and_snippets_with_escapes(hostile):
    location, ids, _ = hostile
    done = catalog(location, "search", "minister")
    assert done.returncode == 0
    assert_clean(done)
    title, snippet = done.stdout.splitlines()
    assert title.startswith(f"{ids[0]:>6}") and title.endswith(SHOWN_TITLE)
    assert "taxes will fall\\e[2J next year" in snippet


def test_show_escapes_every_field_and_keeps_the_body_s_lines(hostile):
    location, ids, _ = hostile
    done = catalog(location, "show", str(ids[0]))
    assert done.returncode == 0
    assert_clean(done)
    out = done.stdout
    assert out.startswith(f"#{ids[0]}  {SHOWN_TITLE}\n")
    for line in (
        f"Outlet:   {SHOWN_NAME}",
        f"Authors:  {SHOWN_NAME}",
        f"Topics:   {SHOWN_NAME}",
        "Source:   " + str(hostile_path(location, out)),
        "Summary:  Summary \\e[2Jline one",
        "line two\\x07",
        "The minister said taxes will fall\\e[2J next year.",
        "Second \\e]0;pwned\\x07paragraph.",
    ):
        assert line in out.splitlines(), line


def hostile_path(location, out) -> str:
    """The source line as shown: the file name's escape sequence and newline escaped."""
    [source] = [line for line in out.splitlines() if line.startswith("Source:")]
    shown = source.removeprefix("Source:   ")
    assert shown.endswith("story\\e]0;pwned\\x07\\n\\e[2J.txt"), shown
    return shown


def test_claims_list_and_suggest_escape_texts_names_and_titles(hostile):
    location, _ids, claims = hostile
    done = catalog(location, "claims", "list")
    assert done.returncode == 0
    assert_clean(done)
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    assert all("— Daily \\e[2JNews" in line and line.endswith(")") for line in lines)
    assert any("“taxes will fall\\e[2J next year”" in line for line in lines)
    done = catalog(location, "claims", "suggest", str(claims[1]))
    assert done.returncode == 0
    assert_clean(done)
    assert done.stdout and all(SHOWN_TITLE in line for line in done.stdout.splitlines())


@pytest.mark.parametrize("kind", ["outlets", "authors", "topics"])
def test_name_lists_escape_names(hostile, kind):
    location, _, _ = hostile
    done = catalog(location, kind)
    assert done.returncode == 0
    assert_clean(done)
    count = 1 if kind == "outlets" else 2  # the second article has no outlet
    assert done.stdout.splitlines() == [f"{count:>7,}  {SHOWN_NAME}"]


def test_merge_messages_and_errors_escape_names(hostile):
    location, _, _ = hostile
    done = catalog(location, "merge-outlets", "Daily", "--into", f"Merged{CLEAR}\nName")
    assert done.returncode == 0
    assert_clean(done)
    assert done.stdout == "merged into Merged\\e[2J\\nName: 1 article changed\n"
    done = catalog(location, "merge-authors", f"Nobody{RETITLE}", "--into", "X")
    assert done.returncode == 1
    assert_clean(done)
    assert done.stderr.count("\n") == 1 and "Nobody\\e]0;pwned\\x07" in done.stderr


@pytest.mark.parametrize("command", ["export-csv", "export-json", "export-claimreview", "export-pdf"])
def test_export_messages_escape_the_file_name(hostile, tmp_path, command):
    location, _, _ = hostile
    target = tmp_path / f"out{CLEAR}\n.file"
    done = catalog(location, command, str(target))
    assert done.returncode == 0, done.stderr
    assert_clean(done)
    assert done.stdout.endswith(f" to {tmp_path}/out\\e[2J\\n.file\n") and done.stdout.count("\n") == 1
    assert target.exists()


def test_check_escapes_what_it_reports(capsys, monkeypatch, hostile):
    from catalog import maintenance
    from catalog.maintenance import CheckReport
    from ui.command_line import main

    location, _, _ = hostile
    report = CheckReport(problems=[f"the catalogue file is damaged ({TITLE})"], advice=[f"restore {NAME}"])
    monkeypatch.setattr(maintenance, "check_catalogue", lambda quick=False: report)
    assert main(["--db", location, "check"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"problem: the catalogue file is damaged ({SHOWN_TITLE})",
        f"to recover: restore {SHOWN_NAME}",
    ]


def test_backup_copy_and_import_json_print_file_names_escaped(tmp_path, capsys):
    from tests.helpers import SEED_FOLDER
    from ui.command_line import main

    hostile = tmp_path / "evil\x1b]0;pwned\x07\nforged"
    hostile.mkdir()
    db = str(hostile / "c.sqlite3")
    assert main(["--db", db, "import", str(SEED_FOLDER)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "backup", str(hostile / "b.sqlite3")]) == 0
    assert main(["--db", db, "export-json", str(hostile / "all.json")]) == 0
    assert main(["--db", str(tmp_path / "new.sqlite3"), "import-json", str(hostile / "all.json")]) == 0
    assert main(["copy", "--from", db, "--to", str(hostile / "copy.sqlite3")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert len(out.splitlines()) == 4 and out.count("evil\\e]0;pwned\\x07\\nforged") >= 4
