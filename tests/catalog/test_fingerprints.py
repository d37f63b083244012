"""Fingerprints of article texts (schema 13): anyone can check them, every write of a text keeps
them current, and the ones a text had before are kept, so old files stay duplicates."""

import hashlib
import json
import shutil

import pytest

from catalog import migrations
from catalog.body_editing import capture_body, edit_body, restore_body
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.db import database
from catalog.editing import delete_articles, undelete_articles
from catalog.exporting.json_export import export_json
from catalog.exporting.json_import import import_json
from catalog.importing import import_paths
from catalog.models import Article, EarlierFingerprint
from tests.helpers import article_file
from ui.command_line import main

BUDGET = "The minister said taxes will fall next year.\n\nCritics said the deficit would grow instead."
CORRECTED = "The minister said taxes would fall next year.\n\nCritics said the deficit would grow instead."
RADIO = "Farm news first. Then the radio repeated that taxes will fall next year."
BUDGET_FILE = article_file("Budget day", BUDGET, header=" date 2022-03-01 Authored by Ann Lee via Daily,")
RADIO_FILE = article_file("Tax promises", RADIO, header=" date 2022-03-05 via Weekly,")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hash_of(article_id: int) -> str:
    return Article.get_by_id(article_id).content_hash


@pytest.fixture
def two(catalogue, write):
    """The budget article and the radio article, imported: their ids."""
    write("budget.txt", BUDGET_FILE)
    write("radio.txt", RADIO_FILE)
    return [item.article_id for item in import_paths([write.root]).imported]


def test_the_fingerprint_is_of_the_text_alone(two):
    """Not of the file: a reader of an export checks it from the text it holds."""
    assert hash_of(two[0]) == sha256(BUDGET)
    assert hash_of(two[1]) == sha256(RADIO)


def test_the_same_text_under_another_header_and_headline_is_a_duplicate(two, write):
    copy = write("copy.txt", article_file("Budget day, again", BUDGET + "\r\n", header=" date 2023-01-01,"))
    report = import_paths([copy])
    assert [d.reason for d in report.duplicates] == [f"duplicate of Budget day (id {two[0]})"]


def test_a_corrected_text_is_fingerprinted_anew_and_its_old_file_stays_a_duplicate(two, write):
    before = edit_body(two[0], CORRECTED)
    assert hash_of(two[0]) == sha256(CORRECTED)
    report = import_paths([write.root / "budget.txt"])
    assert [d.reason for d in report.duplicates] == [f"duplicate of Budget day (id {two[0]})"]
    after = capture_body(two[0])
    restore_body(before)  # undo
    assert hash_of(two[0]) == sha256(BUDGET)
    restore_body(after)  # redo
    assert hash_of(two[0]) == sha256(CORRECTED)
    # A file of the old text alone, without header or headline, is one too.
    assert [d.article_id for d in import_paths([write("again.txt", BUDGET)]).duplicates] == [two[0]]


def test_an_edit_giving_an_article_anothers_text_is_refused_naming_it(two):
    with pytest.raises(ValueError, match=rf"article {two[0]} \(“Budget day”\) already has this text"):
        edit_body(two[1], BUDGET + "\n")
    assert Article.get_by_id(two[1]).body == RADIO and hash_of(two[1]) == sha256(RADIO)


def test_a_deleted_article_brought_back_keeps_the_texts_it_had(two, write):
    edit_body(two[0], CORRECTED)
    undelete_articles(delete_articles([two[0]]))
    assert [d.article_id for d in import_paths([write.root / "budget.txt"]).duplicates] == [two[0]]


def test_deleting_an_article_deletes_its_earlier_fingerprints(two):
    edit_body(two[0], CORRECTED)
    assert EarlierFingerprint.select().count() == 1
    delete_articles([two[0]])
    assert EarlierFingerprint.select().count() == 0


def test_the_upgrade_fingerprints_texts_keeps_the_old_ones_and_tells_twins_apart(
    db_path, tmp_path, monkeypatch, write
):
    """A catalogue of schema 12 or before: fingerprints of whole files, one text corrected since
    (its fingerprint was never changed then), and two articles with the same text."""
    old_steps = tmp_path / "old-steps"
    shutil.copytree(
        migrations.MIGRATIONS_DIR,
        old_steps,
        ignore=lambda _, names: [
            n for n in names if n.startswith("__") or n[:4].isdigit() and int(n[:4]) >= 13
        ],
    )
    monkeypatch.setattr(migrations, "MIGRATIONS_DIR", str(old_steps))
    open_catalogue(db_path)
    twin_file = article_file("Budget day, evening edition", BUDGET, header=" date 2022-03-02 via Daily,")
    rows = [
        ("Budget day", BUDGET, BUDGET_FILE),
        ("Tax promises", CORRECTED.replace("would", "might"), RADIO_FILE),  # corrected since
        ("Budget day, evening edition", BUDGET, twin_file),
    ]
    ids = [
        Article.insert(title=title, body=body, content_hash=sha256(file.strip())).execute()
        for title, body, file in rows
    ]
    close_catalogue()
    monkeypatch.undo()

    assert open_catalogue(db_path).upgraded_from is not None
    assert migrations.schema_version(database.obj) == migrations.latest_version()
    assert hash_of(ids[0]) == sha256(BUDGET)
    assert hash_of(ids[1]) == sha256(CORRECTED.replace("would", "might"))
    assert hash_of(ids[2]) == sha256(f"twin {ids[2]}\n{BUDGET}")  # the lowest id keeps the plain one
    earlier = {(row.article_id, row.fingerprint) for row in EarlierFingerprint.select()}
    assert earlier == {(article_id, sha256(file.strip())) for article_id, (_, _, file) in zip(ids, rows)}
    # The original files, imported again: each one a duplicate of its article.
    for name, (_, _, file) in zip(("b.txt", "r.txt", "t.txt"), rows):
        write(name, file)
    report = import_paths([write.root / "b.txt", write.root / "r.txt", write.root / "t.txt"])
    assert not report.imported
    assert [d.article_id for d in report.duplicates] == [ids[0], ids[1], ids[0]]
    # The twin's fingerprint is as checkable as any: it travels through an export.
    exported = tmp_path / "export.json"
    export_json(exported)
    close_catalogue()
    open_catalogue(str(tmp_path / "empty.sqlite3"))
    assert import_json(exported).articles == 3
    assert hash_of(ids[2]) == sha256(f"twin {ids[2]}\n{BUDGET}")


def test_the_upgrade_step_fingerprints_as_the_catalogue_does():
    """Step 13 carries a frozen copy of the rule; it must be the rule."""
    from catalog import fingerprints

    step = migrations.Migration.load_directory(migrations.MIGRATIONS_DIR)
    [thirteen] = [m for m in step if m.idx == 13]
    frozen = thirteen.load()
    for text in ["", "  plain\n", "a\r\nb\rc\ufeff", "\ufeffZoë «quoted»\r\n\r\n", " \t\n"]:
        assert frozen.fingerprint(text) == fingerprints.fingerprint(text)
        assert frozen.twin_fingerprint(text, 7) == fingerprints.twin_fingerprint(text, 7)


def test_an_export_says_format_version_2_and_its_fingerprints_check(two, tmp_path):
    exported = tmp_path / "export.json"
    export_json(exported)
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["format_version"] == 2
    assert "earlier_fingerprints" not in document  # local knowledge stays local
    assert [a["content_hash"] for a in document["articles"]] == [
        sha256(a["body"]) for a in document["articles"]
    ]


def test_a_format_1_file_is_read_with_fingerprints_from_its_texts(catalogue, tmp_path, capsys):
    """Files of older releases carry fingerprints of whole files: they are worked out again."""
    document = {
        "format": "catalog-export",
        "format_version": 1,
        "articles": [
            {
                "id": number,
                "title": f"Budget day {number}",
                "date": None,
                "authors": [],
                "outlet": None,
                "topics": [],
                "summary": "",
                "notes": "",
                "source": None,
                "content_hash": f"{number}" * 64,
                "imported_at": "2020-01-01T00:00:00Z",
                "updated_at": "2020-01-01T00:00:00Z",
                "version": 1,
                "body": BUDGET,  # twice the same text: possible in those releases
            }
            for number in (4, 2)
        ],
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["--db", catalogue.location, "import-json", str(path)]) == 0
    assert hash_of(2) == sha256(BUDGET) and hash_of(4) == sha256(f"twin 4\n{BUDGET}")
    assert EarlierFingerprint.select().count() == 0  # a file's claims about the past are not taken


def test_importing_json_into_a_catalogue_that_had_the_text_finds_the_duplicate(two, tmp_path):
    exported = tmp_path / "export.json"
    export_json(exported)
    edit_body(two[0], CORRECTED)  # the catalogue moved on; the export still has the old text
    report = import_json(exported)
    assert (report.articles, report.duplicates) == (0, ["Budget day", "Tax promises"])


def test_copy_keeps_the_texts_articles_had(tmp_path, db_path, capsys, write):
    source = str(tmp_path / "source.sqlite3")
    open_catalogue(source)
    write("budget.txt", BUDGET_FILE)
    [imported] = import_paths([write.root]).imported
    edit_body(imported.article_id, CORRECTED)
    close_catalogue()
    assert main(["copy", "--from", source, "--to", db_path]) == 0
    open_catalogue(db_path)
    report = import_paths([write.root / "budget.txt"])
    assert [d.article_id for d in report.duplicates] == [imported.article_id]
