"""Opening catalogues: location rules, pragmas, indexes, schema versions and upgrades."""

import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from playhouse.schema_diff import diff_models

from catalog import migrations
from catalog.backends import sqlite as sqlite_backend
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.db import CatalogueError, database, default_location, display_name, resolve_location, sqlite_path
from catalog.models import ALL_MODELS, Article
from catalog.search import fulltext


def test_location_comes_from_the_option_then_the_environment_then_the_default(monkeypatch, private_user_dirs):
    assert resolve_location("given.sqlite3") == "given.sqlite3"
    monkeypatch.setenv("CATALOG_DB", "/env/catalogue.sqlite3")
    assert resolve_location(None) == "/env/catalogue.sqlite3"
    assert resolve_location("given.sqlite3") == "given.sqlite3"
    monkeypatch.delenv("CATALOG_DB")
    assert resolve_location(None) == default_location()
    assert default_location().startswith(str(private_user_dirs))
    assert default_location().endswith("catalog.sqlite3")


@pytest.mark.parametrize(
    "location, path",
    [
        ("plain/file.sqlite3", "plain/file.sqlite3"),
        ("sqlite:///relative.db", "relative.db"),
        ("sqlite:////abs/olute.db", "/abs/olute.db"),
        ("sqlite:///:memory:", ":memory:"),
        ("postgresql://me@db.example/newsroom", None),
    ],
)
def test_sqlite_paths_and_urls(location, path):
    assert sqlite_path(location) == path


def test_display_names():
    assert display_name("/home/me/Desk Research.sqlite3") == "Desk Research"
    assert display_name("postgresql://me@db.example:5432/newsroom") == "newsroom on db.example"


def test_a_new_catalogue_uses_wal_and_foreign_keys(sqlite_catalogue):
    db = database.obj
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert sqlite_catalogue.created


def test_schema_built_by_migrations_matches_the_models(catalogue):
    assert migrations.schema_version(database.obj) == migrations.latest_version() >= 1
    assert not diff_models(database.obj, list(ALL_MODELS))


def test_sorted_and_filtered_columns_are_indexed(catalogue):
    db = database.obj
    indexed = {
        (table, tuple(index.columns))
        for table in (
            "article",
            "article_author",
            "article_topic",
            "claim",
            "claim_link",
            "outlet",
            "author",
            "topic",
        )
        for index in db.get_indexes(table)
    }
    for expected in [
        ("article", ("title",)),
        ("article", ("date",)),
        ("article", ("outlet_id",)),
        ("article", ("imported_at",)),
        ("article", ("updated_at",)),
        ("article", ("content_hash",)),
        ("article_author", ("author_id",)),
        ("article_topic", ("topic_id",)),
        ("outlet", ("key",)),
        ("author", ("key",)),
        ("topic", ("key",)),
        ("claim", ("article_id",)),
        ("claim", ("verdict",)),
        ("claim_link", ("relation",)),
    ]:
        assert expected in indexed, expected


def test_reopening_keeps_articles_and_runs_no_migration(tmp_path):
    location = str(tmp_path / "c.sqlite3")
    open_catalogue(location)
    Article.create(title="Kept", content_hash="x" * 64)
    reopened = open_catalogue(location)
    assert not reopened.created and reopened.upgraded_from is None
    assert [a.title for a in Article.select()] == ["Kept"]
    close_catalogue()


def test_a_catalogue_from_a_newer_release_is_refused_in_words(tmp_path):
    location = str(tmp_path / "c.sqlite3")
    open_catalogue(location)
    database.obj.execute_sql(
        "INSERT INTO schema_migration (name, applied) VALUES ('9999_future', '2030-01-01')"
    )
    close_catalogue()
    with pytest.raises(CatalogueError, match="newer release of Catalog"):
        open_catalogue(location)


def test_a_file_that_is_not_a_catalogue_is_refused_in_words(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(CatalogueError, match=f"{path} is not a catalogue: it is not a SQLite database"):
        open_catalogue(str(path))


def test_an_upgrade_runs_new_steps_and_backs_up_first(tmp_path, monkeypatch):
    """A later release adds a migration: an old catalogue opens, upgraded, with a backup beside it."""
    location = str(tmp_path / "old.sqlite3")
    released = migrations.latest_version()
    open_catalogue(location)
    Article.create(title="From version 1", content_hash="y" * 64)
    fulltext.index([1])
    close_catalogue()

    steps = tmp_path / "steps"
    shutil.copytree(migrations.MIGRATIONS_DIR, steps, ignore=shutil.ignore_patterns("__*"))
    (steps / "0099_add_language.py").write_text(
        textwrap.dedent("""
        from peewee import TextField

        def up(migrator, db):
            migrator.migrate(migrator.add_column("article", "language", TextField(default="")))
    """)
    )
    monkeypatch.setattr(migrations, "MIGRATIONS_DIR", str(steps))

    opened = open_catalogue(location)
    assert opened.upgraded_from == released
    assert migrations.schema_version(database.obj) == 99
    columns = [c.name for c in database.obj.get_columns("article")]
    assert "language" in columns
    # The rebuilt table still feeds the full-text index through its view.
    assert fulltext.problems() == []
    hits = database.execute_sql("SELECT rowid FROM article_fts WHERE article_fts MATCH 'version'").fetchall()
    assert hits == [(1,)]
    close_catalogue()
    backup = Path(opened.backup_path)
    assert backup.name == f"old.schema-v{opened.upgraded_from}.backup.sqlite3"
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT title FROM article").fetchall() == [("From version 1",)]
        assert "language" not in [row[1] for row in old.execute("PRAGMA table_info(article)")]


def test_upgrading_to_body_last_keeps_every_article_link_and_the_index(tmp_path, monkeypatch, write):
    """A schema-5 catalogue (body third in the row) is rebuilt with the body last, losing nothing."""
    from catalog import articles
    from catalog.articles import iter_articles
    from catalog.editing import ArticleEdit, edit_article
    from catalog.importing import article_writer, import_paths
    from catalog.models import Claim
    from tests.helpers import article_file

    old_steps = tmp_path / "old-steps"
    shutil.copytree(
        migrations.MIGRATIONS_DIR,
        old_steps,
        ignore=lambda _, names: [
            n for n in names if n.startswith("__") or (n[:4].isdigit() and int(n[:4]) > 5)
        ],
    )
    monkeypatch.setattr(migrations, "MIGRATIONS_DIR", str(old_steps))
    # Version 5's index had no claims column: write to it as that release did.
    monkeypatch.setattr(sqlite_backend, "_COLUMNS", "title, body, authors, outlet, topics, summary")
    # Nor had it earlier fingerprints (schema 13): duplicates were looked up among articles only.
    monkeypatch.setattr(article_writer, "earlier_holders", lambda digests: {})
    # Nor web addresses (schema 17).
    monkeypatch.setattr(articles, "article_urls", lambda ids: {})
    location = str(tmp_path / "v5.sqlite3")
    open_catalogue(location)
    assert migrations.schema_version(database.obj) == 5
    write(
        "a.txt",
        article_file(
            "Kyiv talks", "Delegations met.", header=" date 2022-01-01 Authored by Ann Lee via Daily,"
        ),
    )
    write(
        "b.txt",
        article_file(
            "Odesa port", "Ships waited.", header=" date 2022-02-01 Authored by Bo Chan via Weekly,"
        ),
    )
    import_paths([write.root])
    edit_article(1, ArticleEdit(topics=["Ports"], summary="A summary."))
    Claim.create(article=1, text="Delegations met", start=0, end=15)
    before = list(iter_articles(with_body=True))
    close_catalogue()

    monkeypatch.undo()
    opened = open_catalogue(location)
    assert (
        opened.upgraded_from == 5 and migrations.schema_version(database.obj) == migrations.latest_version()
    )
    columns = [c.name for c in database.obj.get_columns("article")]
    assert columns[-1] == "body"
    assert list(iter_articles(with_body=True)) == before
    assert Claim.select().count() == 1
    assert fulltext.problems() == []
    assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert not diff_models(database.obj, list(ALL_MODELS))
    close_catalogue()


def test_a_commit_reported_saved_survives_a_power_cut(sqlite_catalogue):
    # Issue 14, item 27: WAL with synchronous=NORMAL can roll back a commit after a power cut;
    # FULL syncs the WAL at every commit (benchmarks/bench_durability.py measures the cost).
    assert database.obj.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert database.obj.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
