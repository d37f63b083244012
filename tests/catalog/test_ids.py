"""Ids are never handed out twice: a deleted row's id never goes to another desk's new row."""

import json
import shutil
import sqlite3
from pathlib import Path

from catalog.browsing import Filters, filtered_ids
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.claims.store import add_claim_by_text, delete_claims, link_claims, unlink
from catalog.db import database
from catalog.editing import delete_articles, undelete_articles
from catalog.exporting.json_export import write_json
from catalog.exporting.json_import import import_json
from catalog.importing import import_paths
from catalog.models import Article, Claim, Outlet, SavedSearch
from catalog.search import fulltext
from tests.helpers import article_file, run_catalog

FIXTURE = Path(__file__).parent.parent / "fixtures" / "catalogue-schema-1.sqlite3"
ID_TABLES = ("outlet", "author", "topic", "article", "claim", "claim_link", "saved_search")


def import_texts(write, *titles: str) -> list[int]:
    for title in titles:
        write(f"{title}.txt", article_file(title, f"{title} happened today. Officials said so."))
    report = import_paths([write.root / f"{title}.txt" for title in titles])
    return [item.article_id for item in report.imported]


def test_the_newest_articles_id_never_goes_to_another_desks_import(catalogue, write, tmp_path):
    first, newest = import_texts(write, "Budget", "Harbour")
    deleted = delete_articles([newest])
    other = tmp_path / "other-desk.txt"
    other.write_text(article_file("Election", "Polls opened at seven."), encoding="utf-8")
    result = run_catalog("--db", catalogue.location, "import", str(other), "--json")  # a second connection
    assert result.returncode == 0, result.stderr
    [imported] = json.loads(result.stdout)["imported"]
    assert imported["id"] not in (first, newest) and imported["id"] > newest
    undelete_articles(deleted)  # the window's Undo: its id is still free
    assert sorted(Article.select(Article.title).tuples()) == [("Budget",), ("Election",), ("Harbour",)]


def test_claims_links_names_and_saved_searches_never_reuse_an_id(catalogue, write):
    first, second = import_texts(write, "Budget", "Harbour")
    claim = add_claim_by_text(first, "Budget happened today")
    newest = add_claim_by_text(second, "Harbour happened today")
    link = link_claims(claim, newest, "repeats")
    unlink(link)
    delete_claims([newest])
    assert add_claim_by_text(second, "Officials said so") > newest
    assert link_claims(claim, newest + 1, "cites") > link
    outlet = Outlet.create(name="Gone", key="gone")
    Outlet.delete_by_id(outlet.id)
    assert Outlet.create(name="New", key="new").id > outlet.id
    saved = SavedSearch.create(name="s", key="s")
    SavedSearch.delete_by_id(saved.id)
    assert SavedSearch.create(name="t", key="t").id > saved.id


def test_import_json_into_an_emptied_catalogue_gives_new_ids(catalogue, write, tmp_path):
    """Ids from a file are kept only in a catalogue that never handed any out: an emptied one
    may still have its deleted articles on a window's undo stack."""
    ids = import_texts(write, "Budget", "Harbour", "Election")
    add_claim_by_text(ids[0], "Budget happened today")
    exported = tmp_path / "export.json"
    with exported.open("w", encoding="utf-8") as out:
        write_json(out)
    deleted = delete_articles(ids)  # empty again
    report = import_json(exported)
    assert not report.kept_ids and report.articles == 3
    assert min(i for (i,) in Article.select(Article.id).tuples()) > max(ids)
    assert Claim.select(Claim.id).scalar() > deleted.claims[0]["id"]
    delete_articles([i for (i,) in Article.select(Article.id).tuples()])
    undelete_articles(deleted)  # the window's Undo still finds its ids free
    assert sorted(i for (i,) in Article.select(Article.id).tuples()) == ids


def test_ids_a_file_brings_into_a_new_catalogue_are_kept_and_new_ones_come_after(catalogue, write, tmp_path):
    target = catalogue.location  # new and empty: it never handed out an id
    open_catalogue(str(tmp_path / "source.sqlite3"))
    ids = import_texts(write, "Budget", "Harbour")
    exported = tmp_path / "export.json"
    with exported.open("w", encoding="utf-8") as out:
        write_json(out)
    open_catalogue(target)
    assert import_json(exported).kept_ids
    assert sorted(i for (i,) in Article.select(Article.id).tuples()) == ids
    [new_id] = import_texts(write, "Election")
    assert new_id > max(ids)


def test_an_upgrade_makes_every_id_table_autoincrement_keeping_rows_indexes_and_search(tmp_path):
    old = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURE, old)
    with sqlite3.connect(old) as before:
        before.row_factory = sqlite3.Row
        rows = {
            table: [dict(row) for row in before.execute(f'SELECT * FROM "{table}" ORDER BY id')]
            for table in ID_TABLES[:-1]  # no saved searches in the first release
        }
    before.close()
    open_catalogue(str(old))
    try:
        schema = dict(
            database.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
        )
        for table in ID_TABLES:
            assert "PRIMARY KEY AUTOINCREMENT" in schema[table], table
        for table, kept in rows.items():
            assert kept, table
            # Schema 13 fingerprints each text anew (catalog.fingerprints): the rest is as it was.
            names = [name for name in kept[0] if name != "content_hash"]
            columns = ", ".join(f'"{name}"' for name in names)
            now = database.execute_sql(f'SELECT {columns} FROM "{table}" ORDER BY id').fetchall()
            assert now == [tuple(row[name] for name in names) for row in kept], table
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        assert database.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert fulltext.problems() == []
        [claim] = Claim.select().limit(1)
        assert filtered_ids(Filters(query=f"claim:{claim.text.split()[0]}"))
        newest = max(i for (i,) in Article.select(Article.id).tuples())
        delete_articles([newest])
        body = Article.select(Article.body).scalar()
        fresh = add_claim_by_text(Article.select(Article.id).scalar(), body.split()[0])
        assert database.execute_sql("SELECT rowid FROM claim_fts WHERE rowid = ?", (fresh,)).fetchall()
        assert fulltext.problems() == []
        Article.create(title="Next", content_hash="n" * 64)
        assert Article.select(Article.id).where(Article.title == "Next").scalar() > newest
    finally:
        close_catalogue()
