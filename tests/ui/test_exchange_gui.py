"""File ▸ Import JSON…, Export JSON… and Export ClaimReview…, driven from the window: the same
files ``catalog export-json`` / ``export-claimreview`` write and ``import-json`` reads, errors in
words, the folders remembered apart from the import folder."""

import json

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QProgressDialog

from catalog.claims.store import add_claim_by_text
from tests.helpers import article_file, run_catalog
from tests.ui.driving import import_and_wait, trigger
from ui.folders import last_export_folder, last_folder, remember_folder


@pytest.fixture
def news(window, qtbot, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for number, (title, body) in enumerate(
        [
            ("Iran tests a missile", "Tehran said the missile test succeeded, officials said."),
            ("Rain in Spain", "It rained in Madrid for a week, the weather office said."),
        ]
    ):
        (folder / f"{number}.txt").write_text(
            article_file(title, body, header=f" date 2022-05-0{number + 1} via Daily,")
        )
    import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()
    return window


def save_as(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def open_file(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_export_json_writes_what_the_command_line_reads(news, monkeypatch, tmp_path):
    target = tmp_path / "out" / "all.json"
    target.parent.mkdir()
    save_as(monkeypatch, target)
    trigger(news, "actionExportJson")
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "catalog-export"
    assert sorted(article["title"] for article in document["articles"]) == [
        "Iran tests a missile",
        "Rain in Spain",
    ]
    assert news.statusBar().currentMessage() == f"Exported 2 articles to {target}"
    assert news.exchange.progress is not None and not news.exchange.progress.isVisible()
    # The command line reads it back into a new catalogue.
    copy = tmp_path / "copy.sqlite3"
    done = run_catalog("--db", str(copy), "import-json", str(target))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("imported 2 articles")


def test_exports_remember_their_folder_apart_from_the_import_folder(news, monkeypatch, tmp_path):
    remember_folder(str(tmp_path / "news"))
    target = tmp_path / "exports" / "all.json"
    target.parent.mkdir()
    seen = {}

    def save(parent, title, suggested, kinds):
        seen["suggested"] = suggested
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    trigger(news, "actionExportJson")
    assert last_export_folder() == str(target.parent)
    assert last_folder() == str(tmp_path / "news")
    trigger(news, "actionExportCsv")
    assert seen["suggested"].startswith(str(target.parent))


def test_import_json_adds_the_articles_and_says_so(news, qtbot, monkeypatch, tmp_path, message_boxes):
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text(article_file("Budget day", "The minister said taxes will fall next year."))
    assert run_catalog("--db", str(tmp_path / "o.sqlite3"), "import", str(other)).returncode == 0
    export = tmp_path / "other.json"
    assert run_catalog("--db", str(tmp_path / "o.sqlite3"), "export-json", str(export)).returncode == 0
    open_file(monkeypatch, export)
    trigger(news, "actionImportJson")
    assert news.articles.model.rowCount() == 3
    text = f"Imported 1 article, 0 claims and 0 links from {export}."
    assert [box.text() for box in message_boxes] == [text]
    # Again: nothing new, and said so.
    trigger(news, "actionImportJson")
    assert news.articles.model.rowCount() == 3
    assert (
        message_boxes[-1].text()
        == f"Imported 0 articles, 0 claims and 0 links from {export}; 1 already in the catalogue."
    )
    assert last_folder() == str(tmp_path)


@pytest.mark.parametrize(
    "content, reason",
    [
        ("{not json", "not valid JSON (line 1, column 2"),
        ('{"format": "something else"}', "not a Catalog export"),
    ],
)
def test_a_bad_json_file_is_refused_in_words_and_changes_nothing(
    news, monkeypatch, tmp_path, message_boxes, content, reason
):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    open_file(monkeypatch, bad)
    trigger(news, "actionImportJson")
    assert news.articles.model.rowCount() == 2
    (box,) = message_boxes
    assert box.windowTitle() == "Import JSON"
    assert str(bad) in box.text() and reason in box.text() and "Nothing was imported." in box.text()
    assert not news.findChild(QProgressDialog, "exchangeProgress").isVisible()


def test_export_json_to_a_missing_folder_is_said_in_words(news, monkeypatch, tmp_path, message_boxes):
    save_as(monkeypatch, tmp_path / "gone" / "all.json")
    trigger(news, "actionExportJson")
    (box,) = message_boxes
    assert "gone" in box.text() and box.text().endswith("Nothing was written.")


def test_export_claimreview_writes_the_rated_claims(news, monkeypatch, tmp_path):
    article_id = news.articles.current_article_id()
    body_word = "succeeded" if "Iran" in news.detail.reading_pane.toPlainText() else "rained"
    add_claim_by_text(article_id, body_word, verdict="false")
    asked = {}

    def reviewer(parent, title, label, echo, text):
        asked["default"] = text
        return "Our Newsroom", True

    monkeypatch.setattr(QInputDialog, "getText", reviewer)
    target = tmp_path / "reviews.jsonld"
    save_as(monkeypatch, target)
    trigger(news, "actionExportClaimReview")
    document = json.loads(target.read_text(encoding="utf-8"))
    (review,) = document["@graph"]
    assert review["author"]["name"] == "Our Newsroom"
    assert review["reviewRating"]["alternateName"] == "False"
    assert news.statusBar().currentMessage() == f"Exported 1 claim review to {target}"
    trigger(news, "actionExportClaimReview")
    assert asked["default"] == "Our Newsroom"  # remembered
