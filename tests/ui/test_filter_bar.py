"""The filter bar above the table: every active filter as a removable chip (sidebar names and
years, the saved search, the search text), "Clear all", hidden while nothing filters; chips
follow renames and merges. And when nothing matches, the table's space says so."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QPushButton, QToolButton

from tests.ui.driving import cell, click, sidebar, table, trigger
from tests.ui.table_news import import_three
from tests.ui.test_sidebar import choose_in_manager, in_manager, merge_outlets
from ui.models.article_table_model import COL_TITLE


@pytest.fixture
def filled(window, qtbot, tmp_path):
    return import_three(qtbot, window, tmp_path / "some", body="Text of {title} and tanks.")


def bar(win):
    return win.articles.filter_bar


def chips(win) -> list[str]:
    return bar(win).chip_texts() if bar(win).isVisible() else []


def titles(win):
    return sorted(cell(win, row, COL_TITLE) for row in range(table(win).model().rowCount()))


def search(win, qtbot, text):
    box = win.findChild(QLineEdit, "searchBox")
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def remove_chip(qtbot, win, text: str) -> None:
    button = next(b for b in bar(win).findChildren(QToolButton, "filterChip") if b.text().startswith(text))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_hidden_while_nothing_filters_and_each_filter_is_a_chip(filled, qtbot, tmp_path):
    assert not bar(filled).isVisible()
    click(qtbot, filled, "Daily")
    click(qtbot, filled, "2022", Qt.KeyboardModifier.ControlModifier)
    search(filled, qtbot, "tanks")
    assert chips(filled) == ["Outlet: Daily", "Year: 2022", "Search: tanks"]
    filled.grab().save(str(tmp_path / "chips.png"))

    remove_chip(qtbot, filled, "Year: 2022")
    assert chips(filled) == ["Outlet: Daily", "Search: tanks"]
    assert sidebar(filled).filters().years == frozenset()
    assert titles(filled) == ["Alpha", "Gamma"]

    remove_chip(qtbot, filled, "Search: tanks")
    assert filled.articles.search_box.text() == ""
    assert chips(filled) == ["Outlet: Daily"]

    click(qtbot, filled, "Weekly", Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(bar(filled).clear_button, Qt.MouseButton.LeftButton)
    assert not bar(filled).isVisible()
    assert titles(filled) == ["Alpha", "Beta", "Gamma"]
    assert not sidebar(filled).selectionModel().selectedIndexes()


def test_a_topic_chip_names_its_whole_path(filled, qtbot):
    view = sidebar(filled)
    politics = next(i for i in sidebar_indexes(view) if i.data().startswith("Politics"))
    view.expand(politics)
    elections = view.model().index(0, 0, politics)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(elections).center())
    assert chips(filled) == ["Topic: Politics/Elections"]


def sidebar_indexes(view):
    model = view.model()
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            yield model.index(row, 0, parent)


def test_a_renamed_outlet_chip_shows_the_new_name(filled, qtbot, monkeypatch):
    click(qtbot, filled, "Daily")
    assert chips(filled) == ["Outlet: Daily"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Daily News", True))

    def rename(dialog):
        choose_in_manager(dialog, ["Daily"])
        qtbot.mouseClick(dialog.findChild(QPushButton, "outlet_renameButton"), Qt.MouseButton.LeftButton)

    in_manager(filled, qtbot, rename)
    qtbot.waitUntil(lambda: chips(filled) == ["Outlet: Daily News"])
    trigger(filled, "actionUndo")
    qtbot.waitUntil(lambda: chips(filled) == ["Outlet: Daily"])


def test_a_merged_outlet_chip_follows_the_filter(filled, qtbot, monkeypatch):
    click(qtbot, filled, "Daily")
    merge_outlets(filled, qtbot, monkeypatch, ["Daily", "Weekly"], "Weekly")
    assert chips(filled) == ["Outlet: Weekly"]


def test_a_saved_search_is_a_chip_while_it_is_what_filters(filled, qtbot, monkeypatch):
    filled.articles.search_box.setText("tanks")
    click(qtbot, filled, "Daily")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Daily tanks", True))
    trigger(filled, "actionSaveSearch")
    qtbot.mouseClick(filled.articles.filter_bar.clear_button, Qt.MouseButton.LeftButton)
    assert not bar(filled).isVisible()

    click(qtbot, filled, "Daily tanks")
    assert chips(filled) == ["Saved search: Daily tanks", "Outlet: Daily", "Search: tanks"]
    remove_chip(qtbot, filled, "Saved search")
    assert not bar(filled).isVisible() and filled.articles.search_box.text() == ""
    assert titles(filled) == ["Alpha", "Beta", "Gamma"]

    click(qtbot, filled, "Daily tanks")
    click(qtbot, filled, "2022", Qt.KeyboardModifier.ControlModifier)  # no longer the saved search
    assert chips(filled) == ["Outlet: Daily", "Year: 2022", "Search: tanks"]


def test_nothing_matching_says_so_in_the_tables_space_and_clears(filled, qtbot, tmp_path):
    click(qtbot, filled, "Weekly")
    search(filled, qtbot, "zebrafish")
    articles = filled.articles
    assert articles.stack.currentWidget() is articles.no_results
    assert articles.no_results.heading.text() == "No articles match “zebrafish”"
    assert articles.no_results.detail.text() == "…with outlet “Weekly”."
    filled.grab().save(str(tmp_path / "no-results.png"))

    qtbot.mouseClick(articles.no_results.clear_button, Qt.MouseButton.LeftButton)
    assert articles.stack.currentWidget() is table(filled)
    assert titles(filled) == ["Alpha", "Beta", "Gamma"] and articles.search_box.text() == ""
    assert not sidebar(filled).selectionModel().selectedIndexes()


def test_sidebar_filters_alone_matching_nothing_name_the_filters(filled, qtbot):
    click(qtbot, filled, "Weekly")
    click(qtbot, filled, "2021", Qt.KeyboardModifier.ControlModifier)
    articles = filled.articles
    assert articles.stack.currentWidget() is articles.no_results
    assert articles.no_results.heading.text() == "No articles match these filters"
    assert articles.no_results.detail.text() == "outlet “Weekly”, year “2021”."
