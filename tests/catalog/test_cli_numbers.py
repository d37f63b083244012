"""Numbers print one way in every message: quantities with separators ("1,000 articles"), ids,
versions and character offsets without ("article 1000 is now version 2")."""

import json

import pytest

from catalog.exporting import claimreview
from tests.helpers import make_article_files
from ui.command_line import main

ARTICLES = 1_000


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("thousand")
    make_article_files(folder, ARTICLES, paragraphs=1)
    return folder


@pytest.fixture
def db(db_path, folder, capsys):
    assert main(["--db", db_path, "import", str(folder)]) == 0
    assert capsys.readouterr().out == "1,000 files: 1,000 imported, 0 duplicates, 0 failed\n"
    return db_path


def said(capsys, *args) -> str:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_every_count_has_separators_and_every_id_none(capsys, db, folder, tmp_path, monkeypatch):
    assert said(capsys, "--db", db, "import", str(folder)).splitlines() == [
        "1,000 files: 0 imported, 1,000 duplicates, 0 failed",
        "1,000 already in the catalogue (-v lists them)",
    ]
    assert said(capsys, "--db", db, "export-json", str(tmp_path / "all.json")) == (
        f"exported 1,000 articles to {tmp_path / 'all.json'}\n"
    )
    assert said(capsys, "--db", db, "export-csv", str(tmp_path / "all.csv")) == (
        f"exported 1,000 articles to {tmp_path / 'all.csv'}\n"
    )
    copy = str(tmp_path / "copy.sqlite3")
    assert said(capsys, "--db", copy, "import-json", str(tmp_path / "all.json")) == (
        f"imported 1,000 articles, 0 claims and 0 links from {tmp_path / 'all.json'}\n"
    )
    assert said(capsys, "--db", copy, "import-json", str(tmp_path / "all.json")) == (
        f"imported 0 articles, 0 claims and 0 links from {tmp_path / 'all.json'}; 1,000 already in the catalogue\n"
    )
    assert said(capsys, "copy", "--from", copy, "--to", str(tmp_path / "again.sqlite3")).startswith(
        "copied 1,000 articles, 0 claims and 0 links from "
    )
    assert said(
        capsys, "--db", db, "merge-outlets", *(f"Outlet {n}" for n in range(5)), "--into", "Wire"
    ) == ("merged into Wire: 1,000 articles changed\n")
    assert said(capsys, "--db", db, "outlets") == "  1,000  Wire\n"
    assert said(capsys, "--db", db, "edit", "--query", "officials", "--add-topic", "Daily") == (
        "changed 1,000 articles: add topic Daily\n"
    )
    assert said(capsys, "--db", db, "edit", "--ids", "999,1000", "--add-topic", "Daily", "--dry-run") == (
        "would change 0 articles (of 2 chosen): add topic Daily\n"
    )
    assert said(capsys, "--db", db, "edit", "1000", "--title", "Report one thousand") == (
        "article 1000 is now version 4\n"
    )
    assert said(capsys, "--db", db, "edit", "1000", "--title", "Report one thousand") == (
        "article 1000 unchanged (version 4)\n"
    )
    assert said(capsys, "--db", db, "claims", "add", "1000", "--text", "officials said") == (
        "added claim 1 to article 1000 (characters 40–54)\n"
    )
    assert said(capsys, "--db", db, "show", "1000").startswith("#1000  Report one thousand\n")
    assert said(capsys, "--db", db, "list").splitlines()[-1].startswith("  1000  ")
    filled = said(capsys, "--db", db, "suggest-summaries")
    assert filled.startswith("filled 1,000 summaries; kept 0 written by people; 0 without text")
    info = {
        k: v.strip()
        for k, v in (line.split(":", 1) for line in said(capsys, "--db", db, "info").splitlines())
    }
    assert (info["Articles"], info["Claims"]) == ("1,000", "1")
    assert info["Size"].endswith(" bytes)") and "," in info["Size"]

    monkeypatch.setattr(claimreview, "export_claimreview", lambda target, reviewer: 1_234)
    assert said(capsys, "--db", db, "export-claimreview", str(tmp_path / "r.jsonld")) == (
        f"exported 1,234 claim reviews to {tmp_path / 'r.jsonld'}\n"
    )
    assert json.loads(said(capsys, "--db", db, "edit", "--ids", "7", "--set-outlet", "Wire", "--json")) == {
        "changed": 0,
        "ids": [],
        "dry_run": False,
    }


def test_pages_of_a_long_report_have_separators(capsys, db, tmp_path, monkeypatch):
    from ui.report import headless

    monkeypatch.setattr(headless, "write_pdf", lambda report, target, paper: 1_204)
    assert said(capsys, "--db", db, "export-pdf", str(tmp_path / "r.pdf")) == (
        f"wrote 1,204 pages on 1,000 articles to {tmp_path / 'r.pdf'}\n"
    )
