"""One table of actions builds the window's menus and main toolbar: every action the window has
is in it, in the table's order, with the table's text, keys and icon."""

import ast

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar

from tests.helpers import REPO
from ui.actions import ACTIONS, BY_NAME, MENUS, Separator, Submenu


def _layout(menu) -> list[str]:
    return ["-" if a.isSeparator() else (a.objectName() or a.menu().objectName()) for a in menu.actions()]


def _rows(key: str) -> list[str]:
    def shown(row) -> str:
        if isinstance(row, Separator):
            return "-"
        return f"{row.key}Menu" if isinstance(row, Submenu) else row.name

    return [shown(row) for row in ACTIONS if row.menu == key]


def test_the_menus_are_the_tables_rows_in_its_order(window):
    bar = window.menuBar().actions()
    assert [a.text() for a in bar] == [title for _, title in MENUS]
    for (key, _), menu_action in zip(MENUS, bar, strict=True):
        assert _layout(menu_action.menu()) == _rows(key)
    for row in (row for row in ACTIONS if isinstance(row, Submenu)):
        [submenu] = [
            a.menu()
            for a in _menu(window, row.menu).actions()
            if a.menu() is not None and a.menu().objectName() == f"{row.key}Menu"
        ]
        assert submenu.title() == row.title
        assert _layout(submenu) == _rows(row.key)


def _menu(window, key: str):
    return window.menuBar().actions()[[k for k, _ in MENUS].index(key)].menu()


def test_every_named_action_of_the_window_is_in_the_table_as_the_table_says(window):
    named = {a.objectName(): a for a in window.findChildren(QAction) if a.objectName().startswith("action")}
    assert set(named) == {name for name in BY_NAME if name.startswith("action")}
    for name, action in named.items():
        row = BY_NAME[name]
        assert action.text() == row.text, name  # Undo and Redo too, on a stack with no steps yet
        assert action.icon().isNull() == (row.icon is None), name
        if name != "actionRedo":  # Redo has the platform's keys and Ctrl+Shift+Z besides
            assert action.shortcut().toString() == type(action.shortcut())(row.keys).toString(), name
    # The window's own actions (the help lists them): Find, Undo, Redo, and the table's menu's.
    assert [a.objectName() for a in window.actions()] == [
        "actionFind",
        "actionUndo",
        "actionRedo",
        "actionOpenArticle",
        "actionEditArticle",
        "actionNewTopic",
        "actionMarkVerdict",
        "actionCopyTitle",
        "actionCopyCitation",
        "actionShowSourceFile",
    ]


def test_the_main_toolbar_is_the_tables_groups(window):
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert _layout(toolbar) == [
        "actionImportFolder",
        "actionImportFiles",
        "-",
        "actionUndo",
        "actionRedo",
        "-",
        "actionMarkClaim",
        "actionLinkClaim",
        "actionClaimMap",
        "-",
        "actionPrintPreview",
        "actionExportPdf",
    ]


def test_the_window_is_composed_not_mixed():
    """No mixins in ui/ (each class says in its own file what it holds), and the main window is
    layout and wiring only."""
    mixins = [
        f"{path.relative_to(REPO)}: {node.name}"
        for path in sorted((REPO / "ui").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef) and node.name.endswith("Mixin")
    ]
    assert mixins == []
    assert len((REPO / "ui" / "main_window.py").read_text(encoding="utf-8").splitlines()) <= 300
