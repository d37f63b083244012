"""Edit ▸ English Stemming (issue 17): a search finds a word's other forms and the reading pane
marks them; turned off, words are found as written."""

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit

from catalog import options
from tests.helpers import article_file
from tests.ui.driving import import_and_wait


def _import(window, qtbot, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    items = [
        ("Tanks roll into Kyiv", "Reports of tanks and drones near Kyiv."),
        ("A tank stalls", "One tank stalled in the mud."),
        ("Budget talks", "Ministers discussed the budget."),
    ]
    for number, (title, body) in enumerate(items):
        header = f" date 2022-0{number + 1}-01 Authored by Writer {number} via Wire,"
        (folder / f"{number}.txt").write_text(article_file(title, body, header=header))
    import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()


def search(win, qtbot, text):
    box = win.findChild(QLineEdit, "searchBox")
    box.setFocus()
    box.selectAll()
    with qtbot.waitSignal(win.articles.model.modelReset, timeout=3000):
        qtbot.keyClicks(box, text)


def shown_titles(win) -> set[str]:
    model = win.articles.model
    return {model.index(row, 0).data() for row in range(model.rowCount())}


def test_a_search_finds_and_marks_the_other_forms(window, qtbot, tmp_path):
    _import(window, qtbot, tmp_path)
    action = window.findChild(QAction, "actionStemming")
    assert action.isCheckable() and action.isChecked()  # a new catalogue stems
    search(window, qtbot, "tanks")
    assert shown_titles(window) == {"Tanks roll into Kyiv", "A tank stalls"}
    window.articles.select_article(2)
    marked = sorted(s.cursor.selectedText() for s in window.detail.reading_pane.extraSelections())
    assert marked == ["tank", "tank"]  # the title and the body
    search(window, qtbot, '"tanks"')
    assert shown_titles(window) == {"Tanks roll into Kyiv"}


def test_turning_it_off_finds_words_as_written(window, qtbot, tmp_path):
    _import(window, qtbot, tmp_path)
    search(window, qtbot, "tanks")
    action = window.findChild(QAction, "actionStemming")
    with qtbot.waitSignal(window.articles.model.modelReset, timeout=3000):
        action.trigger()
    assert not action.isChecked() and options.stemming() is False
    assert shown_titles(window) == {"Tanks roll into Kyiv"}
    assert "English stemming off" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.articles.model.modelReset, timeout=3000):
        action.trigger()
    assert options.stemming() is True and shown_titles(window) == {"Tanks roll into Kyiv", "A tank stalls"}
