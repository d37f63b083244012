"""Reading in the window, driven with keys and the wheel: the zoom (kept across articles and
restarts), find in the article, the column and its margins, the room the text gets at
1200×760, caret browsing for marking claims, and an invalid date typed before moving on."""

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QAction, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from catalog.articles import get_article
from catalog.claims.store import claims_of_article
from catalog.models import Article
from tests.helpers import SEED_FILE, article_file
from tests.ui.driving import import_and_wait, shown_window, table, trigger
from ui.models.article_table_model import COL_TITLE
from ui.widgets.reading_pane import MARGIN, META_SIZE, TITLE_SIZE, ReadingPane

SEED_TITLE = 'According to a report from CNN, White House officials are "losing confidence"'
SEED_BODY = "retake all the territory Russia has captured"  # the text's first lines (not the title's)
OTHER_BODY = (
    "The U.S. Senate voted 68–32 on Tuesday to send $40 billion in aid, the largest package so far.\n\n"
    "“We are not done,” Sen. Chuck Schumer said. Officials said deliveries would start within weeks."
)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def reading(window, qtbot, tmp_path):
    """The window at 1200×760 on the seed article, with a second article to move to."""
    other = tmp_path / "senate.txt"
    other.write_text(
        article_file("Senate passes aid", OTHER_BODY, header=" date 2022-05-19 via Capitol Wire,"),
        encoding="utf-8",
    )
    import_and_wait(qtbot, window, [str(SEED_FILE), str(other)])
    window.importer.report_dialog.close()
    window.ids = {title: i for i, title in Article.select(Article.id, Article.title).tuples()}
    window.seed = next(i for title, i in window.ids.items() if title.startswith("According"))
    window.other = window.ids["Senate passes aid"]
    window.resize(1200, 760)
    window.articles.select_article(window.seed)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def size_at(pane: ReadingPane, text: str) -> float:
    """The point size the pane sets ``text`` in (its first occurrence)."""
    found = pane.document().find(text)
    assert not found.isNull(), text
    cursor = QTextCursor(pane.document())
    cursor.setPosition(found.selectionStart() + 1)
    return cursor.charFormat().fontPointSize()


def sizes(pane: ReadingPane, title: str, meta: str, body: str) -> tuple[float, float, float]:
    return size_at(pane, title), size_at(pane, meta), size_at(pane, body)


def click_row_of(qtbot, win, article_id: int) -> None:
    row = win.articles.model.row_of(article_id)
    view = table(win)
    rect = view.visualRect(win.articles.model.index(row, COL_TITLE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def ctrl_wheel(pane: ReadingPane, notches: int) -> None:
    centre = QPointF(pane.viewport().rect().center())
    event = QWheelEvent(
        centre,
        QPointF(pane.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        CTRL,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(pane.viewport(), event)


def visible_body_lines(pane: ReadingPane, body_start: str) -> int:
    """Lines of the article's text wholly inside the pane, as it is scrolled now."""
    document = pane.document()
    first = document.find(body_start)
    top = pane.verticalScrollBar().value()
    bottom = top + pane.viewport().height()
    block, lines = document.findBlock(first.selectionStart()), 0
    while block.isValid():
        rect = document.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            if rect.top() + line.y() >= top and rect.top() + line.y() + line.height() <= bottom:
                lines += 1
        block = block.next()
    return lines


def line_extents(pane: ReadingPane) -> list[tuple[float, float]]:
    """Left and right edge, in the viewport, of every line of text the pane shows."""
    document, extents = pane.document(), []
    block = document.begin()
    while block.isValid():
        rect = document.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            left = rect.left() + line.x()
            extents.append((left, left + line.naturalTextWidth()))
        block = block.next()
    return extents


# --- zoom ---------------------------------------------------------------------------------


def test_ctrl_plus_zooms_title_metadata_and_text_alike_and_the_next_article_keeps_it(reading, qtbot):
    pane = reading.detail.reading_pane
    before = sizes(pane, SEED_TITLE, "AntiWar.com", SEED_BODY)
    assert before[0] == pytest.approx(before[1] * TITLE_SIZE / META_SIZE)
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(pane, Qt.Key.Key_Plus, CTRL)
    assert pane.zoom == 125
    after = sizes(pane, SEED_TITLE, "AntiWar.com", SEED_BODY)
    assert after == pytest.approx(tuple(size * 1.25 for size in before))
    click_row_of(qtbot, reading, reading.other)
    assert get_article(reading.other)["title"] in pane.toPlainText()
    assert pane.zoom == 125  # the zoom does not jump back on the next article
    title, meta, body = sizes(pane, "Senate passes aid", "Capitol Wire", "The U.S. Senate")
    assert title == pytest.approx(before[0] * 1.25) and body == pytest.approx(before[2] * 1.25)
    assert meta == pytest.approx(before[1] * 1.25)
    assert QSettings().value("reading/zoom", type=int) == 125
    qtbot.keyClick(pane, Qt.Key.Key_Minus, CTRL)
    assert pane.zoom == 110
    qtbot.keyClick(pane, Qt.Key.Key_0, CTRL)
    assert pane.zoom == 100
    assert sizes(pane, "Senate passes aid", "Capitol Wire", "The U.S. Senate") == pytest.approx(before)


def test_ctrl_wheel_zooms_the_whole_article_not_only_the_metadata(reading, qtbot):
    pane = reading.detail.reading_pane
    before = sizes(pane, SEED_TITLE, "AntiWar.com", SEED_BODY)
    ctrl_wheel(pane, 2)
    assert pane.zoom == 125
    after = sizes(pane, SEED_TITLE, "AntiWar.com", SEED_BODY)
    assert after == pytest.approx(tuple(size * 1.25 for size in before))
    ctrl_wheel(pane, -1)
    assert pane.zoom == 110
    assert pane.font().pointSizeF() == pytest.approx(before[1])  # the pane's own font stays


def test_the_zoom_is_kept_in_a_new_window_and_actual_size_resets_it(reading, qtbot, db_path):
    pane = reading.detail.reading_pane
    base_title = size_at(pane, SEED_TITLE)
    trigger(reading, "actionZoomIn")
    trigger(reading, "actionZoomIn")
    trigger(reading, "actionZoomIn")
    assert pane.zoom == 150
    reading.close()
    again = shown_window(qtbot, db_path)
    again.articles.select_article(reading.seed)
    pane = again.detail.reading_pane
    assert pane.zoom == 150
    assert size_at(pane, SEED_TITLE) == pytest.approx(base_title * 1.5)
    trigger(again, "actionActualSize")
    assert pane.zoom == 100 and size_at(pane, SEED_TITLE) == pytest.approx(base_title)
    trigger(again, "actionZoomOut")
    assert pane.zoom == 90
    assert QSettings().value("reading/zoom", type=int) == 90


def test_zooming_keeps_the_margins_and_a_comfortable_measure(reading, qtbot):
    pane = reading.detail.reading_pane
    widths = set()
    for zoom in (100, 200, 50, 300):
        pane.set_zoom(zoom)
        for centre in (300, 460, 700, 1000):
            reading.splitter.setSizes([120, centre, 1200 - 120 - centre])
            QApplication.processEvents()
            lines = line_extents(pane)
            assert lines
            width = pane.viewport().width()
            assert min(left for left, _ in lines) >= MARGIN - 0.5, (zoom, centre)
            assert max(right for _, right in lines) <= width - MARGIN + 0.5, (zoom, centre)
            assert pane.text_column_width() <= width - 2 * MARGIN, (zoom, centre)
            widths.add(width)
    assert len(widths) == 4  # every width tried, narrow to wide


def test_a_wide_pane_sets_the_zoomed_text_in_a_column_of_comfortable_length(reading, qtbot):
    pane = reading.detail.reading_pane
    reading.resize(1600, 1000)
    reading.splitter.setSizes([100, 1300, 200])
    qtbot.waitUntil(lambda: pane.width() > 1100)
    plain = pane.toPlainText()
    for zoom in (100, 150):
        pane.set_zoom(zoom)
        block = pane.document().findBlock(pane.document().find("Unnamed US officials told CNN").position())
        first_line = block.layout().lineAt(0)
        text = block.text()[first_line.textStart() : first_line.textStart() + first_line.textLength()]
        assert 55 <= len(text) <= 90, (zoom, text)
        assert text in plain


# --- find in the article ----------------------------------------------------------------------


def test_ctrl_shift_f_finds_in_the_article_with_a_count_f3_and_enter_step(reading, qtbot):
    pane, bar = reading.detail.reading_pane, reading.detail.find_bar
    table(reading).setFocus()
    qtbot.keyClick(table(reading), Qt.Key.Key_F, CTRL | SHIFT)
    assert bar.isVisible()
    assert QApplication.focusWidget() is bar.input
    qtbot.keyClicks(bar.input, "ukrain")
    shown = pane.toPlainText().lower()
    count = shown.count("ukrain")
    assert count >= 12  # title, topics and text: the seed article says Ukraine often
    assert bar.count_text() == f"1 of {count}"
    assert pane.textCursor().selectedText() == "Ukrain"
    qtbot.keyClick(bar.input, Qt.Key.Key_Return)
    assert bar.count_text() == f"2 of {count}"
    qtbot.keyClick(bar.input, Qt.Key.Key_F3)
    assert bar.count_text() == f"3 of {count}"
    qtbot.keyClick(bar.input, Qt.Key.Key_F3, SHIFT)
    qtbot.keyClick(bar.input, Qt.Key.Key_Return, SHIFT)
    assert bar.count_text() == f"1 of {count}"
    qtbot.keyClick(bar.input, Qt.Key.Key_Return, SHIFT)  # before the first: the last
    assert bar.count_text() == f"{count} of {count}"
    assert pane.textCursor().selectedText().lower() == "ukrain"
    found = [s for s in pane.extraSelections() if s.cursor.selectedText().lower() == "ukrain"]
    assert len(found) == count
    bar.input.selectAll()
    qtbot.keyClicks(bar.input, "tanks of war")
    assert bar.count_text() == "No matches"
    qtbot.keyClick(bar.input, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert QApplication.focusWidget() is pane
    assert not [s for s in pane.extraSelections() if s.cursor.selectedText().lower() == "ukrain"]


def test_find_ignores_case_and_accents_and_counts_a_single_place(reading, qtbot):
    bar = reading.detail.find_bar
    trigger(reading, "actionFindInArticle")
    bar.input.setText("ZELÉNSKY")
    plain = reading.detail.reading_pane.toPlainText()
    assert bar.count_text() == f"1 of {plain.count('Zelensky')}"
    bar.input.setText("100 and 200 troops")
    assert bar.count_text() == "1 of 1"


def test_ctrl_f_in_the_reading_pane_finds_in_the_article_elsewhere_it_is_the_search_box(reading, qtbot):
    bar, pane = reading.detail.find_bar, reading.detail.reading_pane
    table(reading).setFocus()
    qtbot.keyClick(table(reading), Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is reading.articles.search_box
    assert not bar.isVisible()
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_F, CTRL)
    assert bar.isVisible() and QApplication.focusWidget() is bar.input
    qtbot.keyClicks(bar.input, "officials")
    assert bar.count_text().startswith("1 of ")
    qtbot.keyClick(bar.input, Qt.Key.Key_F, CTRL)  # Ctrl+F again: the text, selected for typing over
    assert bar.input.selectedText() == "officials" and QApplication.focusWidget() is bar.input
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_F3)  # F3 from the text goes on to the next place
    assert bar.count_text().startswith("2 of ")
    qtbot.keyClick(pane, Qt.Key.Key_Escape)  # Escape in the text closes the bar too
    assert not bar.isVisible()


def test_the_find_bar_marks_the_places_in_the_next_article_read(reading, qtbot):
    bar = reading.detail.find_bar
    trigger(reading, "actionFindInArticle")
    qtbot.keyClicks(bar.input, "officials")
    click_row_of(qtbot, reading, reading.other)
    assert bar.isVisible()
    assert bar.count_text() == "1 match"  # marked; the new article is still read from the top
    assert reading.detail.reading_pane.verticalScrollBar().value() == 0
    trigger(reading, "actionFindNext")
    assert bar.count_text() == "1 of 1"


# --- the column and the room for the text -----------------------------------------------------


def test_at_1200_by_760_the_window_shows_clearly_more_than_four_lines_of_the_article(reading, qtbot):
    pane = reading.detail.reading_pane
    assert (reading.width(), reading.height()) == (1200, 760)
    lines = visible_body_lines(pane, SEED_BODY)
    assert lines >= 8, lines  # before the text went under the list: 4
    # The Details and Claims tabs have the window's height beside the text.
    assert reading.detail.tabs.height() >= pane.height() + reading.articles.height()
    assert reading.detail.tabs.isVisible() and reading.detail.editor.isVisible()


def test_the_split_between_list_and_text_is_remembered(reading, qtbot, db_path):
    reading.centre.setSizes([200, 450])
    sizes_set = reading.centre.sizes()
    reading.close()
    again = shown_window(qtbot, db_path)
    assert again.centre.sizes() == sizes_set


# --- caret browsing ---------------------------------------------------------------------------


def test_shift_arrows_select_in_the_text_and_mark_as_claim_takes_that_selection(reading, qtbot):
    pane = reading.detail.reading_pane
    pane.setFocus()
    start = pane.document().find("Ukraine is taking heavy casualties").selectionStart()
    caret = pane.textCursor()
    caret.setPosition(start)
    pane.setTextCursor(caret)
    for _ in range(len("Ukraine is taking heavy casualties, with")):
        qtbot.keyClick(pane, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(pane, Qt.Key.Key_Left, CTRL | SHIFT)  # the selection adjusted back by a word
    for _ in range(len(", ")):
        qtbot.keyClick(pane, Qt.Key.Key_Left, SHIFT)  # and by a character at a time
    assert pane.textCursor().selectedText() == "Ukraine is taking heavy casualties"
    qtbot.keyClick(pane, Qt.Key.Key_M, CTRL)  # Mark as Claim
    claims = claims_of_article(reading.seed)
    assert [claim["text"] for claim in claims] == ["Ukraine is taking heavy casualties"]
    assert reading.detail.claims_panel.current_claim_id() == claims[0]["id"]


# --- an invalid date typed, then another article ----------------------------------------------


def answer_with(monkeypatch, shown: list, choose) -> None:
    def answer(box):
        shown.append(box.text())
        choose(box).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)


def test_moving_on_with_an_invalid_date_typed_asks_and_fix_keeps_the_article(reading, qtbot, monkeypatch):
    date = reading.findChild(QLineEdit, "dateEdit")
    asked: list[str] = []
    answer_with(monkeypatch, asked, lambda box: next(b for b in box.buttons() if b.text() == "&Fix Date"))
    date.setFocus()
    date.selectAll()
    qtbot.keyClicks(date, "2022-13-45")
    click_row_of(qtbot, reading, reading.other)
    assert len(asked) == 1 and "cannot be saved" in asked[0] and "2022-13-45" in asked[0]
    assert reading.articles.current_article_id() == reading.seed
    assert SEED_TITLE in reading.detail.reading_pane.toPlainText()
    assert date.text() == "2022-13-45" and QApplication.focusWidget() is date
    assert reading.detail.editor.date_error.isVisible()
    assert get_article(reading.seed)["date"] == "2022-06-29"
    date.selectAll()
    qtbot.keyClicks(date, "2022-06-30")
    qtbot.keyClick(date, Qt.Key.Key_Return)
    click_row_of(qtbot, reading, reading.other)
    assert len(asked) == 1  # fixed: nothing to ask
    assert reading.articles.current_article_id() == reading.other
    assert get_article(reading.seed)["date"] == "2022-06-30"


def test_moving_on_with_an_invalid_date_typed_and_discard_moves_on(reading, qtbot, monkeypatch):
    date = reading.findChild(QLineEdit, "dateEdit")
    asked: list[str] = []
    answer_with(monkeypatch, asked, lambda box: box.button(QMessageBox.StandardButton.Discard))
    date.setFocus()
    date.selectAll()
    qtbot.keyClicks(date, "2022-13-45")
    click_row_of(qtbot, reading, reading.other)
    assert len(asked) == 1
    assert reading.articles.current_article_id() == reading.other
    assert date.text() == "2022-05-19"
    assert "Senate passes aid" in reading.detail.reading_pane.toPlainText()
    assert get_article(reading.seed)["date"] == "2022-06-29"
    click_row_of(qtbot, reading, reading.seed)
    assert date.text() == "2022-06-29" and len(asked) == 1


def test_a_claim_marked_while_details_and_claims_are_hidden_shows_them(reading, qtbot):
    pane, tabs = reading.detail.reading_pane, reading.detail.tabs
    trigger(reading, "actionShowEditor")
    assert not tabs.isVisible()
    pane.setFocus()
    pane.setTextCursor(pane.document().find("Ukraine is taking heavy casualties"))
    qtbot.keyClick(pane, Qt.Key.Key_M, CTRL)
    assert tabs.isVisible() and tabs.currentWidget() is reading.detail.claims_panel
    assert reading.findChild(QAction, "actionShowEditor").isChecked()
    assert reading.detail.claims_panel.current_claim_id() == claims_of_article(reading.seed)[0]["id"]
