"""Every menu of the window, walked from the menu bar (menus other parts add included): each
item has a mnemonic (Alt and a letter reach it) and no two items of one menu share one; and
Edit's Cut, Copy, Paste and Select All act on the focused widget."""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu

from tests.helpers import article_file
from tests.ui.driving import import_and_wait, pane, table, trigger
from ui.models.article_table_model import COL_TITLE


def mnemonic(text: str) -> str | None:
    """The letter Qt underlines in ``text`` ("&&" is a literal ampersand), lower-cased."""
    at = 0
    while (at := text.find("&", at)) != -1 and at + 1 < len(text):
        if text[at + 1] != "&":
            return text[at + 1].lower()
        at += 2
    return None


def walk(menu: QMenu, path: str):
    """(where, items) of ``menu`` and of each of its submenus, shown as a user opens them."""
    menu.aboutToShow.emit()  # menus filled as they open (Open Recent) are filled now
    items = [action for action in menu.actions() if not action.isSeparator()]
    yield path, items
    for action in items:
        if action.menu() is not None:
            yield from walk(action.menu(), f"{path} ▸ {action.text()}")


def focus(qtbot, window, widget) -> None:
    """Give ``widget`` the keyboard focus, as a click would (the window active again after the
    import's report closed)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_mnemonic_reads_what_qt_underlines():
    assert mnemonic("Open &Recent") == "r"
    assert mnemonic("Fish && &Chips") == "c"
    assert mnemonic("Fish && Chips") is None


def test_every_menu_item_has_a_mnemonic_of_its_own(window):
    QSettings().setValue("catalogues/recent", ["/tmp/a.sqlite3", "/tmp/b.sqlite3"])
    problems = []
    menus = [action for action in window.menuBar().actions()]
    assert len({mnemonic(action.text()) for action in menus}) == len(menus), "menu bar titles share a letter"
    for bar_action in menus:
        for where, items in walk(bar_action.menu(), bar_action.text()):
            seen: dict[str, str] = {}
            for action in items:
                if not action.isEnabled() and action.menu() is None and action.objectName() == "":
                    continue  # a placeholder line ("No other catalogues yet")
                letter = mnemonic(action.text())
                if letter is None:
                    problems.append(f"{where}: “{action.text()}” has no mnemonic")
                elif letter in seen:
                    problems.append(f"{where}: “{action.text()}” and “{seen[letter]}” share &{letter}")
                else:
                    seen[letter] = action.text()
    assert problems == []


def test_the_file_menu_reads_and_writes_json_as_the_command_line_does(window):
    file_menu = window.menuBar().actions()[0].menu()
    names = [action.objectName() for action in file_menu.actions()]
    (export,) = [action.menu() for action in file_menu.actions() if action.text() == "&Export"]
    names += [action.objectName() for action in export.actions()]
    assert {"actionImportJson", "actionExportJson", "actionExportClaimReview"} <= set(names)
    edit_menu = window.menuBar().actions()[1].menu()
    texts = [action.text() for action in edit_menu.actions()]
    assert {"Cu&t", "&Copy", "&Paste", "Select &All"} <= set(texts)


def test_cut_copy_paste_and_select_all_act_on_the_search_box(window, qtbot):
    box = window.articles.search_box
    focus(qtbot, window, box)
    qtbot.keyClicks(box, "missile test")
    trigger(window, "actionSelectAll")
    assert box.selectedText() == "missile test"
    trigger(window, "actionCut")
    assert box.text() == "" and QApplication.clipboard().text() == "missile test"
    trigger(window, "actionPaste")
    trigger(window, "actionPaste")
    assert box.text() == "missile testmissile test"


def test_copy_in_the_table_copies_the_selected_titles(window, qtbot, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for number, title in enumerate(["Iran tests a missile", "Rain in Spain", "Budget day"]):
        (folder / f"{number}.txt").write_text(article_file(title, f"Body number {number} of its own."))
    import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()
    view = table(window)
    focus(qtbot, window, view)
    trigger(window, "actionSelectAll")
    assert len(view.selectionModel().selectedRows()) == 3
    QApplication.clipboard().clear()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    titles = [view.model().index(row, COL_TITLE).data() for row in range(3)]
    assert QApplication.clipboard().text() == "\n".join(titles)
    assert "Iran tests a missile" in titles


def test_copy_in_the_reading_pane_copies_its_selection(window, qtbot, tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(article_file("Iran tests a missile", "Tehran said the test succeeded."))
    import_and_wait(qtbot, window, [str(path)])
    window.importer.report_dialog.close()
    reading = pane(window)
    focus(qtbot, window, reading)
    trigger(window, "actionSelectAll")
    trigger(window, "actionCopy")
    assert "Tehran said the test succeeded." in QApplication.clipboard().text()
