"""Stories are the same on PostgreSQL as on SQLite for the same import (issue 18): the copies
of the seed article made as republishers make them, among the real articles of the search
parity corpus, imported through the command line into both, give the same ``catalog copies``
output, story by story, after a split and a rebuild too."""

import json

from catalog.catalogue import close_catalogue
from tests.catalog.test_search_parity import cli, write_corpus
from tests.catalog.test_stories import earnings, edited, excerpt, follow_up, republished


def build(location: str, folder) -> None:
    code, _, err = cli("--db", location, "import", str(folder))
    assert code == 0, err


def copies(location: str, *args: str):
    code, out, err = cli("--db", location, "copies", "--json", *args)
    assert code == 0, err
    return json.loads(out)


def test_the_same_import_makes_the_same_stories_on_both(postgres_server, tmp_path, monkeypatch):
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "home"))
    monkeypatch.delenv("CATALOG_DB", raising=False)
    folder = tmp_path / "news"
    write_corpus(folder)  # the real articles and the seed
    for name, text in [
        ("a1-republished.txt", republished()),
        ("a2-excerpt.txt", excerpt()),
        ("a3-edited.txt", edited()),
        ("a4-follow-up.txt", follow_up()),
        ("a5-earnings.txt", earnings("Acme Industries", 87, "Denver")),
        ("a6-earnings.txt", earnings("Borealis Foods", 52, "Toronto")),
    ]:
        (folder / name).write_text(text, encoding="utf-8")
    sqlite = str(tmp_path / "catalogue.sqlite3")
    postgres = postgres_server.create_database("t_stories_parity")
    try:
        for location in (sqlite, postgres):
            build(location, folder)

        on_sqlite = copies(sqlite)
        assert on_sqlite == copies(postgres)
        assert any(len(story["articles"]) == 4 for story in on_sqlite)
        for story in on_sqlite:
            for article_id in story["articles"]:
                assert copies(sqlite, str(article_id)) == copies(postgres, str(article_id))

        for location in (sqlite, postgres):
            code, _, err = cli("--db", location, "copies", "--rebuild")
            assert code == 0, err
        assert copies(sqlite) == copies(postgres) == on_sqlite
    finally:
        close_catalogue()
        postgres_server.drop_database("t_stories_parity")
