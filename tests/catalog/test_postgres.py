"""The same catalogue on PostgreSQL: every command as on SQLite, the same search results, and a
lossless copy between the two."""

import json

import pytest

from tests.helpers import article_file
from ui.command_line import main

QUERIES = [
    "tanks",
    "tanks -budget",
    '"white house"',
    '"house white"',
    "budget OR odesa",
    "dro*",
    'author:"Dave DeCamp"',
    "outlet:reuters budget",
    "zoe dupre",
    "year:2022",
    "since:2022-06",
    "until:2021",
    "-tanks",
    "topic:conflict",
    "claim:minister",
    "title:drones",
    "nothing-like-this",
    '"; DROP TABLE article; --',
    "NEAR(",
]


def write_news(folder):
    folder.mkdir()
    articles = [
        (
            "Tanks roll into Kyiv",
            "Zoë Dupré reports on tanks and drones near Kyiv.",
            "2022-03-01",
            "Dave DeCamp",
            "AntiWar.com",
        ),
        (
            "Drones over Odesa",
            "The White House said drones were seen. The minister said taxes will fall.",
            "2022-07-15",
            "Ann Lee",
            "Reuters",
        ),
        (
            "Budget talks",
            "Ministers discussed the budget; tanks were not mentioned at all.",
            "2021-11-02",
            "Bo Chan",
            "Reuters",
        ),
    ]
    for number, (title, body, date, author, outlet) in enumerate(articles):
        header = f" date {date} Authored by {author} via {outlet},"
        (folder / f"{number}.txt").write_text(article_file(title, body, header=header), encoding="utf-8")


def run(capsys, location, *args) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", location, *args])
    return code, capsys.readouterr().out


def build(capsys, location, folder) -> None:
    assert run(capsys, location, "import", str(folder))[0] == 0
    assert (
        run(capsys, location, "edit", "1", "--topic", "Conflict", "--summary", "Armour in the capital")[0]
        == 0
    )
    assert (
        run(
            capsys, location, "claims", "add", "2", "--text", "taxes will fall", "--claimant", "The minister"
        )[0]
        == 0
    )
    assert run(capsys, location, "claims", "add", "3", "--text", "Ministers discussed the budget")[0] == 0
    assert (
        run(capsys, location, "claims", "link", "2", "1", "--relation", "contradicts", "--note", "n")[0] == 0
    )


def without_times(document: dict) -> dict:
    for article in document["articles"]:
        article.pop("imported_at"), article.pop("updated_at")
    for item in document["claims"] + document["claim_links"]:
        item.pop("created_at"), item.pop("updated_at", None)
    return document


def test_every_command_gives_the_same_answers_on_postgres(capsys, tmp_path, postgres_url):
    write_news(tmp_path / "news")
    sqlite = str(tmp_path / "catalogue.sqlite3")
    for location in (sqlite, postgres_url):
        build(capsys, location, tmp_path / "news")
    for query in QUERIES:
        answers = [
            json.loads(run(capsys, location, "search", "--json", "--", query)[1])
            for location in (sqlite, postgres_url)
        ]
        ids = [sorted(article["id"] for article in answer) for answer in answers]
        assert ids[0] == ids[1], query
        assert [a["snippet"] for a in sorted(answers[0], key=lambda a: a["id"])] == [
            a["snippet"] for a in sorted(answers[1], key=lambda a: a["id"])
        ], query
    listed = [
        json.loads(run(capsys, location, "claims", "list", "--json")[1])
        for location in (sqlite, postgres_url)
    ]
    assert [(c["text"], len(c["links"])) for c in listed[0]] == [
        (c["text"], len(c["links"])) for c in listed[1]
    ]
    exports = []
    for location in (sqlite, postgres_url):
        target = tmp_path / f"{len(exports)}.json"
        assert run(capsys, location, "export-json", str(target))[0] == 0
        exports.append(without_times(json.loads(target.read_text(encoding="utf-8"))))
    assert exports[0] == exports[1]
    code, _ = run(capsys, postgres_url, "edit", "1", "--title", "Late", "--expect-version", "1")
    assert code == 3  # the article moved on to version 2: refused, not overwritten
    assert run(capsys, postgres_url, "check")[1] == "no problems found\n"


def test_copy_to_postgres_and_back_is_lossless(capsys, tmp_path, postgres_url):
    write_news(tmp_path / "news")
    sqlite = str(tmp_path / "first.sqlite3")
    build(capsys, sqlite, tmp_path / "news")
    code, out = run(capsys, sqlite, "copy", "--from", sqlite, "--to", postgres_url)
    assert code == 0 and out.startswith("copied 3 articles, 2 claims and 1 links")
    back = str(tmp_path / "back.sqlite3")
    assert run(capsys, sqlite, "copy", "--from", postgres_url, "--to", back)[0] == 0
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    run(capsys, sqlite, "export-json", str(first))
    run(capsys, back, "export-json", str(second))
    assert first.read_bytes() == second.read_bytes()
    # The server hands out new ids after the copied ones.
    code, out = run(capsys, postgres_url, "claims", "add", "1", "--text", "drones near Kyiv", "--json")
    assert code == 0 and json.loads(out)["id"] == 3
    code, _ = run(capsys, sqlite, "copy", "--from", sqlite, "--to", postgres_url)
    assert code == 1  # not into a catalogue that has articles


@pytest.mark.parametrize("command", [["backup", "x.sqlite3"]])
def test_sqlite_only_commands_say_so_on_postgres(capsys, postgres_url, command):
    assert main(["new", postgres_url]) == 0
    code = main(["--db", postgres_url, *command])
    err = capsys.readouterr().err
    assert code == 1 and "pg_dump" in err


def _tables(url: str) -> list[str]:
    import psycopg

    with psycopg.connect(url) as connection:
        rows = connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1"
        ).fetchall()
    return [name for (name,) in rows]


def test_an_empty_server_database_is_no_catalogue_until_one_is_made(capsys, postgres_url):
    # Issue 15: a reading command creates nothing, on a server as in a file.
    code = main(["--db", postgres_url, "list"])
    assert code == 2 and capsys.readouterr().err.startswith(f"catalog: no catalogue at {postgres_url} (")
    assert _tables(postgres_url) == []
    assert main(["new", postgres_url]) == 0
    assert capsys.readouterr().out == f"created an empty catalogue at {postgres_url}\n"
    assert "schema_migration" in _tables(postgres_url)
    assert main(["--db", postgres_url, "list", "--json"]) == 0 and capsys.readouterr().out == "[]\n"
    assert main(["new", postgres_url]) == 2
    assert "already holds a catalogue" in capsys.readouterr().err


def test_another_applications_server_database_is_refused_untouched(capsys, postgres_url):
    # Issue 14, item 6, on PostgreSQL: a database with tables of its own and no schema_migration.
    import psycopg

    with psycopg.connect(postgres_url) as connection:
        connection.execute("CREATE TABLE article (id serial PRIMARY KEY, headline text)")
        connection.execute("INSERT INTO article (headline) VALUES ('theirs')")
    for command in (["list"], ["import", "SEED"], ["new"]):
        from tests.helpers import SEED_FILE

        args = ["new", postgres_url] if command == ["new"] else ["--db", postgres_url, *command]
        code = main([str(SEED_FILE) if a == "SEED" else a for a in args])
        err = capsys.readouterr().err
        assert code == 2, err
        assert err == (
            f"catalog: {postgres_url} is not a catalogue: it is another application's database "
            "(it holds the table article)\n"
        )
    assert _tables(postgres_url) == ["article"]
