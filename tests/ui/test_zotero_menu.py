"""File ▸ Export CSL-JSON (Zotero)… and Export RIS (Zotero, EndNote)…, driven from the real menu:
the articles the table lists, in the shapes Zotero imports, what ``catalog import`` reads back;
a file that cannot be written is said in words."""

import json

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from catalog.importing.formats import Piece, csl, ris
from tests.helpers import article_file
from tests.ui.driving import import_and_wait
from tests.ui.test_search_gui import search

ARTICLES = [
    ("Iran tests a missile", "Tehran said the missile test succeeded, officials said.", "2022-05-01"),
    ("Rain in Spain", "It rained in Madrid for a week, the weather office said.", "2022-05-02"),
]


@pytest.fixture
def news(window, qtbot, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for number, (title, body, date) in enumerate(ARTICLES):
        header = f" date {date} Authored by Dave DeCamp via Daily Planet,"
        (folder / f"{number}.txt").write_text(article_file(title, body, header=header))
    import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()
    return window


def save_as(monkeypatch, path) -> dict:
    """The save dialog answers ``path``; what it was asked is kept."""
    asked = {}

    def answer(parent, title, suggested, kinds):
        asked.update(title=title, suggested=suggested, kinds=kinds)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def choose(window, text: str) -> None:
    """Click File ▸ Export's item of that text (as a user does, not by object name)."""
    file_menu = window.menuBar().actions()[0].menu()
    (export,) = [item.menu() for item in file_menu.actions() if item.text() == "&Export"]
    (action,) = [item for item in export.actions() if item.text().replace("&", "") == text]
    assert isinstance(action, QAction) and action.isEnabled()
    action.trigger()


def test_export_csl_writes_newspaper_items_zotero_reads(news, monkeypatch, tmp_path):
    target = tmp_path / "refs.json"
    asked = save_as(monkeypatch, target)
    choose(news, "CSL-JSON (Zotero)…")
    assert asked["suggested"].endswith("references.json") and "*.json" in asked["kinds"]
    items = json.loads(target.read_text(encoding="utf-8"))
    assert {item["title"] for item in items} == {title for title, _, _ in ARTICLES}
    for item in items:
        assert item["type"] == "article-newspaper" and item["id"].startswith("catalog-")
        assert item["author"] == [{"family": "DeCamp", "given": "Dave"}]
        assert item["container-title"] == "Daily Planet"
    by_title = {item["title"]: item for item in items}
    assert by_title["Rain in Spain"]["issued"] == {"date-parts": [[2022, 5, 2]]}
    assert news.statusBar().currentMessage() == f"Exported 2 articles to {target}"
    read_back = list(csl.read(Piece(str(target), "csl", data=target.read_bytes())))
    assert {article.title for article in read_back} == {title for title, _, _ in ARTICLES}


def test_export_ris_writes_the_articles_the_table_lists(news, qtbot, monkeypatch, tmp_path):
    search(news, qtbot, "Madrid")
    target = tmp_path / "refs.ris"
    asked = save_as(monkeypatch, target)
    choose(news, "RIS (Zotero, EndNote)…")
    assert asked["suggested"].endswith("references.ris") and "*.ris" in asked["kinds"]
    data = target.read_bytes()
    assert data.startswith(b"TY  - NEWS\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    text = data.decode("utf-8")
    assert "TI  - Rain in Spain\r\n" in text and "Iran" not in text
    assert "AU  - DeCamp, Dave\r\n" in text and "T2  - Daily Planet\r\n" in text
    assert "DA  - 2022/05/02/\r\n" in text and "PY  - 2022\r\n" in text
    assert news.statusBar().currentMessage() == f"Exported 1 article to {target}"
    (article,) = ris.read(Piece(str(target), "ris", data=data))
    assert (article.title, article.authors, article.outlet) == (
        "Rain in Spain",
        ("Dave DeCamp",),
        "Daily Planet",
    )


def test_a_zotero_export_to_a_missing_folder_is_said_in_words(news, monkeypatch, tmp_path, message_boxes):
    save_as(monkeypatch, tmp_path / "gone" / "refs.ris")
    choose(news, "RIS (Zotero, EndNote)…")
    (box,) = message_boxes
    assert box.windowTitle() == "Export RIS"
    assert "gone" in box.text() and box.text().endswith("Nothing was written.")


def test_cancelling_the_dialog_writes_nothing(news, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    choose(news, "CSL-JSON (Zotero)…")
    assert list(tmp_path.glob("*.json")) == []
