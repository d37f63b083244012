"""The names manager: counts, merge two spellings of an outlet and undo, rename, delete unused."""

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QInputDialog, QLineEdit, QPushButton, QTableView

from catalog.models import Outlet
from catalog.names_admin import name_counts
from tests.helpers import article_file
from tests.ui.driving import cell, import_and_wait, trigger
from ui.dialogs.names_manager import NamesManagerDialog
from ui.models.article_table_model import COL_OUTLET


@pytest.fixture
def spelled_twice(window, qtbot, tmp_path):
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "a.txt").write_text(article_file("A", "x.", header=" date 2022-01-01 via AntiWar.com,"))
    (folder / "b.txt").write_text(article_file("B", "y.", header=" date 2022-01-02 via Antiwar News,"))
    import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()
    return window


def open_manager(win, qtbot, then):
    def drive():
        dialog = win.findChild(NamesManagerDialog, "namesManager")
        then(dialog)
        dialog.reject()

    QTimer.singleShot(0, drive)
    trigger(win, "actionManageNames")


def select_all(view: QTableView):
    view.selectAll()


def test_merge_outlets_from_the_manager_and_undo(spelled_twice, qtbot, monkeypatch):
    win = spelled_twice
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("AntiWar.com", True))

    def merge(dialog):
        view = dialog.findChild(QTableView, "outletNames")
        assert [view.model().index(r, 1).data() for r in range(2)] == ["1", "1"]
        select_all(view)
        qtbot.mouseClick(dialog.findChild(QPushButton, "outlet_mergeButton"), Qt.MouseButton.LeftButton)
        assert [(r.name, r.count) for r in view.model().rows] == [("AntiWar.com", 2)]

    open_manager(win, qtbot, merge)
    assert {cell(win, row, COL_OUTLET) for row in range(2)} == {"AntiWar.com"}
    assert win.session.undo_stack.undoText() == "Merge outlets into AntiWar.com"
    trigger(win, "actionUndo")
    assert {cell(win, row, COL_OUTLET) for row in range(2)} == {"AntiWar.com", "Antiwar News"}
    trigger(win, "actionRedo")
    assert {cell(win, row, COL_OUTLET) for row in range(2)} == {"AntiWar.com"}


def test_rename_and_delete_unused(spelled_twice, qtbot, monkeypatch):
    win = spelled_twice
    Outlet.create(name="Orphan", key="orphan")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Antiwar Weekly", True))

    def rename_then_clean(dialog):
        view = dialog.findChild(QTableView, "outletNames")
        row = [view.model().index(r, 0).data() for r in range(view.model().rowCount())].index("Antiwar News")
        view.selectionModel().select(
            view.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        qtbot.mouseClick(dialog.findChild(QPushButton, "outlet_renameButton"), Qt.MouseButton.LeftButton)
        view.clearSelection()
        qtbot.mouseClick(
            dialog.findChild(QPushButton, "outlet_deleteUnusedButton"), Qt.MouseButton.LeftButton
        )

    open_manager(win, qtbot, rename_then_clean)
    assert [c.name for c in name_counts("outlet")] == ["Antiwar Weekly", "AntiWar.com"]
    trigger(win, "actionUndo")  # the delete
    trigger(win, "actionUndo")  # the rename
    assert [c.name for c in name_counts("outlet")] == ["Antiwar News", "AntiWar.com", "Orphan"]


def test_name_counts_model_passes_the_model_tester(spelled_twice, qtmodeltester):
    dialog = NamesManagerDialog(spelled_twice.editing, spelled_twice)
    qtmodeltester.check(dialog.views["outlet"].model())
    dialog.close()


def test_the_filter_box_narrows_every_list_and_what_the_buttons_act_on(spelled_twice, qtbot):
    win = spelled_twice
    Outlet.create(name="Orphan", key="orphan")
    Outlet.create(name="Other orphan", key="other orphan")
    dialog = NamesManagerDialog(win.editing, win)
    qtbot.addWidget(dialog)
    view = dialog.views["outlet"]

    def rows_shown():
        return [view.model().index(r, 0).data() for r in range(view.model().rowCount())]

    assert len(rows_shown()) == 4
    qtbot.keyClicks(dialog.findChild(QLineEdit, "namesFilter"), "ANTIWAR")
    assert sorted(rows_shown()) == ["AntiWar.com", "Antiwar News"]
    dialog.tabs.setCurrentIndex(1)
    assert dialog.views["author"].model().rowCount() == 0  # no author is called so
    dialog.tabs.setCurrentIndex(0)
    dialog.findChild(QLineEdit, "namesFilter").setText("other")
    # Delete Unused with nothing selected deletes the unused names shown, not those filtered out.
    qtbot.mouseClick(dialog.findChild(QPushButton, "outlet_deleteUnusedButton"), Qt.MouseButton.LeftButton)
    assert sorted(c.name for c in name_counts("outlet")) == ["AntiWar.com", "Antiwar News", "Orphan"]
