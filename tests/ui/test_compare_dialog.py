"""Stories ▸ Compare Articles: two selected articles side by side, driven as a user would."""

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QAction, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTextEdit

from catalog.stories.compare import ArticleComparison, Side, compare
from tests.compare_texts import FOOTER, LEAD_IN, copy_file_text, dropped_words, paragraphs, seed_body
from tests.helpers import SEED_FILE
from tests.ui.driving import import_and_wait
from ui.dialogs.compare import CompareDialog


def select_rows(win, rows):
    table = win.articles.table
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().clearSelection()
    for row in rows:
        table.selectionModel().select(table.model().index(row, 0), flags)


def with_copies(qtbot, win, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "copy.txt").write_text(copy_file_text(), encoding="utf-8")
    import_and_wait(qtbot, win, [str(SEED_FILE), str(folder)])
    win.importer.report_dialog.close()


def opened(qtbot, win, tmp_path):
    with_copies(qtbot, win, tmp_path)
    select_rows(win, [0, 1])
    action = win.findChild(QAction, "actionCompareArticles")
    assert action.isEnabled()
    action.trigger()
    dialog = win.comparing.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    return dialog


def selected_text(view: QTextEdit) -> str:
    return view.textCursor().selectedText().replace("\u2029", "\n")


def test_the_action_is_in_the_stories_menu_and_wants_exactly_two_articles(qtbot, window, tmp_path):
    action = window.findChild(QAction, "actionCompareArticles")
    [stories] = [item.menu() for item in window.menuBar().actions() if item.text() == "S&tories"]
    assert action in stories.actions()
    assert action.shortcut().toString() == "Ctrl+Shift+D"
    assert not action.isEnabled()  # an empty catalogue
    with_copies(qtbot, window, tmp_path)
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "third.txt").write_text("A third\n\nA report of its own on another day.\n")
    import_and_wait(qtbot, window, [str(tmp_path / "more")])
    window.importer.report_dialog.close()
    for rows, enabled in (([0], False), ([0, 1], True), ([0, 1, 2], False), ([1, 2], True), ([], False)):
        select_rows(window, rows)
        assert action.isEnabled() is enabled, rows


def test_comparing_the_seed_with_its_copy(qtbot, window, tmp_path):
    dialog = opened(qtbot, window, tmp_path)
    # The earlier dated (the seed, 2022-06-29) on the left, whichever row was selected first.
    left, right = dialog.findChild(QTextEdit, "leftText"), dialog.findChild(QTextEdit, "rightText")
    assert dialog.findChild(QLabel, "leftHeading").text().startswith("<b>According to a report from CNN")
    assert "AntiWar.com · 2022-06-29" in dialog.findChild(QLabel, "leftHeading").text()
    assert "Example News · 2022-07-02" in dialog.findChild(QLabel, "rightHeading").text()
    counts = dialog.findChild(QLabel, "compareCounts").text()
    assert counts.startswith(f"3 words changed, 0 added, {dropped_words()} removed")
    assert "boilerplate: 0 lines left, 2 right" in counts and "93.6%" in counts
    # The boilerplate is labelled and grey italic, never marked as added.
    text = right.toPlainText()
    assert f" boilerplate: lead-in  {LEAD_IN}" in text
    assert f" boilerplate: footer  {FOOTER}" in text
    cursor = QTextCursor(right.document())
    cursor.setPosition(text.index(LEAD_IN) + 3)
    assert cursor.charFormat().fontItalic()
    assert cursor.charFormat().background().style() == Qt.BrushStyle.NoBrush
    # The dropped paragraph is struck through on the left.
    last = paragraphs(seed_body())[-1]
    cursor = QTextCursor(left.document())
    cursor.setPosition(left.toPlainText().index(last) + 5)
    assert cursor.charFormat().fontStrikeOut()


def test_next_and_previous_change_move_the_cursor_in_both_texts(qtbot, window, tmp_path):
    dialog = opened(qtbot, window, tmp_path)
    left, right = dialog.findChild(QTextEdit, "leftText"), dialog.findChild(QTextEdit, "rightText")
    position = dialog.findChild(QLabel, "changePosition")
    previous = dialog.findChild(QPushButton, "previousChangeButton")
    following = dialog.findChild(QPushButton, "nextChangeButton")
    assert position.text() == "4 changes" and not previous.isEnabled()
    qtbot.mouseClick(following, Qt.MouseButton.LeftButton)
    assert (selected_text(left), selected_text(right)) == ('confidence"', 'faith"')
    assert position.text() == "Change 1 of 4" and not previous.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_F8)
    assert (selected_text(left), selected_text(right)) == ("heavy", "severe")
    qtbot.keyClick(dialog, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(dialog, Qt.Key.Key_F8)
    assert selected_text(left) == paragraphs(seed_body())[-1]
    assert selected_text(right) == ""
    assert position.text() == "Change 4 of 4" and not following.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert position.text() == "Change 3 of 4"
    qtbot.mouseClick(previous, Qt.MouseButton.LeftButton)
    assert (selected_text(left), selected_text(right)) == ("heavy", "severe")
    # The change is in view on both sides.
    for view in (left, right):
        assert 0 <= view.cursorRect().top() < view.viewport().height()


def test_the_two_texts_scroll_together(qtbot, window, tmp_path):
    dialog = opened(qtbot, window, tmp_path)
    dialog.resize(700, 420)
    QApplication.processEvents()
    left, right = dialog.findChild(QTextEdit, "leftText"), dialog.findChild(QTextEdit, "rightText")
    assert left.verticalScrollBar().maximum() > 0
    for moved, other in ((left, right), (right, left)):
        bar = moved.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)
        top = moved.cursorForPosition(QPoint(4, 4))
        top.select(QTextCursor.SelectionType.LineUnderCursor)
        there = other.cursorForPosition(QPoint(4, 4))
        there.select(QTextCursor.SelectionType.LineUnderCursor)
        words, other_words = top.selectedText().split(), there.selectedText().split()
        assert other.verticalScrollBar().value() > 0
        # The lines at the top of the two views share their words (the copy is rewrapped).
        assert set(words[:3]) & set(other_words) or set(other_words[:3]) & set(words), (words, other_words)
    right.verticalScrollBar().setValue(right.verticalScrollBar().maximum())
    assert left.verticalScrollBar().value() == left.verticalScrollBar().maximum()


def test_the_heading_link_opens_the_article_and_close_closes(qtbot, window, tmp_path):
    dialog = opened(qtbot, window, tmp_path)
    right_id = dialog.compared.right.article_id
    dialog.findChild(QLabel, "rightHeading").linkActivated.emit(f"article:{right_id}")
    assert window.articles.current_article_id() == right_id
    buttons = [b for b in dialog.findChildren(QPushButton) if b.text() == "Close"]
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.comparing.dialog is None)


def test_compare_called_with_a_missing_article_says_so(qtbot, window, tmp_path):
    with_copies(qtbot, window, tmp_path)
    assert window.comparing.compare(1, 99) is None
    assert window.statusBar().currentMessage() == "Nothing to compare: no article with id 99."
    dialog = window.comparing.compare(2, 1)  # as the Story tab asks: left and right as given
    assert dialog.compared.left.article_id == 2


def test_wide_characters_before_a_change_keep_the_marks_on_their_words(qtbot):
    left = "Fans cheered 🎉🎉 at the final.\n\nThe team won the cup."
    right = "Fans cheered 🎉🎉 at the match.\n\nThe team won the cup 😀 again."
    compared = ArticleComparison(
        Side(1, "One", None, None), Side(2, "Two", "Outlet", "2024"), compare(left, right)
    )
    dialog = CompareDialog(compared)
    qtbot.addWidget(dialog)
    dialog.next_change()
    assert (selected_text(dialog.views["left"]), selected_text(dialog.views["right"])) == ("final.", "match.")
    dialog.next_change()
    assert selected_text(dialog.views["right"]) == "again."
    assert "Outlet · 2024" in dialog.findChild(QLabel, "rightHeading").text()
    assert "Unknown outlet · date unknown" in dialog.findChild(QLabel, "leftHeading").text()


def test_identical_texts_have_no_changes_to_step_through(qtbot):
    body = seed_body()
    compared = ArticleComparison(Side(1, "One", None, None), Side(2, "Two", None, None), compare(body, body))
    dialog = CompareDialog(compared)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "compareCounts").text().startswith("The texts are the same")
    assert dialog.findChild(QLabel, "changePosition").text() == "No changes"
    dialog.next_change()
    assert not dialog.findChild(QPushButton, "nextChangeButton").isEnabled()


def test_light_and_dark_palettes(qtbot, tmp_path):
    body = seed_body()
    compared = ArticleComparison(
        Side(1, "Seed", "AntiWar.com", "2022-06-29"),
        Side(2, "Copy", "Example News", "2022-07-02"),
        compare(body, copy_file_text().split("\n", 1)[1]),
    )
    app = QApplication.instance()
    original = app.palette()
    try:
        for name, base in (("light", "#ffffff"), ("dark", "#202124")):
            palette = QPalette(original)
            palette.setColor(QPalette.ColorRole.Base, base)
            palette.setColor(QPalette.ColorRole.Text, "#000000" if name == "light" else "#e8e8e8")
            app.setPalette(palette)
            dialog = CompareDialog(compared)
            qtbot.addWidget(dialog)
            dialog.resize(1200, 760)
            dialog.next_change()
            image = dialog.grab()
            assert image.save(str(tmp_path / f"compare-{name}.png"))
            assert dialog._shade == (1 if name == "dark" else 0)
    finally:
        app.setPalette(original)
