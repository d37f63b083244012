"""Edit ▸ Delete Articles asks about what goes by name: "Delete “Title”?", or the count and the
first titles for several (it used to ask "Delete 1 article?", naming nothing)."""

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.helpers import article_file
from tests.ui.driving import import_and_wait, table, trigger
from ui.models.article_table_model import COL_TITLE


@pytest.fixture
def five(window, qtbot, tmp_path):
    folder = tmp_path / "five"
    folder.mkdir()
    titles = [
        "Iran tests a missile",
        "Rain in Spain",
        "Budget day",
        "Port reopens",
        "A <b>bold</b> & long " * 8,
    ]
    for number, title in enumerate(titles):
        (folder / f"{number}.txt").write_text(article_file(title.strip(), f"Body {number} of its own."))
    import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()
    return window


def asked(monkeypatch, answer=QMessageBox.StandardButton.No) -> list[str]:
    questions: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: questions.append(a[2]) or answer)
    return questions


def select_titled(view, start: str) -> None:
    model = view.model()
    view.selectRow(
        next(row for row in range(model.rowCount()) if model.index(row, COL_TITLE).data().startswith(start))
    )


def test_deleting_one_article_names_it(five, monkeypatch):
    questions = asked(monkeypatch)
    view = table(five)
    select_titled(view, "Budget day")
    trigger(five, "actionDelete")
    assert questions[0].startswith("Delete “Budget day”?\n\n")
    assert view.model().rowCount() == 5  # answered No: nothing went


def test_a_title_that_looks_like_markup_is_shown_literally(five, monkeypatch):
    questions = asked(monkeypatch)
    select_titled(table(five), "A <b>bold</b>")
    trigger(five, "actionDelete")
    box = QMessageBox()
    box.setText(questions[0])
    label = box.findChild(QLabel, "qt_msgbox_label")
    document = QTextDocument()
    document.setHtml(label.text())
    assert document.toPlainText().startswith("Delete “A <b>bold</b> & long A <b>bold</b>")


def test_deleting_several_gives_the_count_and_the_first_titles(five, monkeypatch):
    questions = asked(monkeypatch)
    table(five).selectAll()
    trigger(five, "actionDelete")
    text = questions[0]
    assert text.startswith("Delete 5 articles?\n\n“")
    assert text.count("“") == 3 and "\nand 2 more." in text
    assert "Edit ▸ Undo brings it all back." in text
    longest = max(len(line) for line in text.splitlines())
    assert longest < 100  # a long title is cut with …, the box stays readable
