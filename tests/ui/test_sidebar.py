"""The sidebar: counts per outlet, author, topic and year; clicking filters the table."""

import threading

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLineEdit, QPushButton, QTableView

from catalog.changes import EVERYTHING
from catalog.db import database
from catalog.editing import ArticleEdit, edit_article
from catalog.names_admin import merge_names
from tests.ui.driving import cell, click, counted, entry, sidebar, table, trigger
from tests.ui.table_news import import_three
from ui import workers
from ui.dialogs.batch_edit import BatchEditDialog
from ui.dialogs.names_manager import NamesManagerDialog
from ui.models.article_table_model import COL_TITLE
from ui.widgets.sidebar import NameRole


@pytest.fixture
def filled(window, qtbot, tmp_path):
    return import_three(qtbot, window, tmp_path / "some")


def titles(win):
    return sorted(cell(win, row, COL_TITLE) for row in range(table(win).model().rowCount()))


def test_counts_are_shown(filled):
    assert entry(filled, "Daily").data() == "Daily  (2)"
    assert entry(filled, "2022").data() == "2022  (2)"
    assert entry(filled, "Elections").parent().data() == "Politics  (1)"  # its sub-topic's article


def test_clicking_filters_and_filters_combine(filled, qtbot):
    click(qtbot, filled, "Daily")
    assert titles(filled) == ["Alpha", "Gamma"]
    assert filled.articles.count_label.text() == "2 of 3 articles"
    click(qtbot, filled, "2022", Qt.KeyboardModifier.ControlModifier)
    assert titles(filled) == ["Gamma"]
    click(qtbot, filled, "Weekly", Qt.KeyboardModifier.ControlModifier)
    assert titles(filled) == ["Beta", "Gamma"]  # Daily or Weekly, and 2022
    sidebar(filled).clear_filters()
    assert titles(filled) == ["Alpha", "Beta", "Gamma"]
    assert filled.articles.count_label.text() == "3 articles"


def test_a_topic_includes_its_sub_topics(filled, qtbot):
    click(qtbot, filled, "Politics")
    assert titles(filled) == ["Alpha"]


def test_sidebar_follows_edits_and_keeps_the_selection(filled, qtbot):
    click(qtbot, filled, "Daily")
    edit_article(
        table(filled).model().index(0, 0).data(table(filled).model().ArticleIdRole),
        ArticleEdit(outlet="Weekly"),
    )
    filled.session.announce(EVERYTHING)
    assert entry(filled, "Daily").data() == "Daily  (1)"
    assert sidebar(filled).selectionModel().isSelected(entry(filled, "Daily"))
    assert len(titles(filled)) == 1


def test_sidebar_model_passes_the_model_tester(filled, qtmodeltester):
    qtmodeltester.check(sidebar(filled).model())


# --- a chosen name that a change takes out of the sidebar -------------------------------------


def chosen(win) -> list[str]:
    return sorted(index.data() for index in counted(win).selectionModel().selectedIndexes())


def in_manager(win, qtbot, drive) -> None:
    """Open Edit ▸ Manage Names…, run ``drive(dialog)``, close it."""

    def run():
        dialog = win.findChild(NamesManagerDialog, "namesManager")
        drive(dialog)
        dialog.reject()

    QTimer.singleShot(0, run)
    trigger(win, "actionManageNames")


def choose_in_manager(dialog, names: list[str]) -> None:
    view = dialog.findChild(QTableView, "outletNames")
    view.clearSelection()
    for row, name in enumerate(view.model().rows):
        if name.name in names:
            view.selectionModel().select(
                view.model().index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def merge_outlets(win, qtbot, monkeypatch, names: list[str], into: str) -> None:
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (into, True))

    def merge(dialog):
        choose_in_manager(dialog, names)
        qtbot.mouseClick(dialog.findChild(QPushButton, "outlet_mergeButton"), Qt.MouseButton.LeftButton)

    in_manager(win, qtbot, merge)


def test_a_renamed_outlet_stays_chosen_under_its_new_spelling(filled, qtbot, monkeypatch):
    click(qtbot, filled, "Daily")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Daily News", True))

    def rename(dialog):
        choose_in_manager(dialog, ["Daily"])
        qtbot.mouseClick(dialog.findChild(QPushButton, "outlet_renameButton"), Qt.MouseButton.LeftButton)

    in_manager(filled, qtbot, rename)
    assert chosen(filled) == ["Daily News  (2)"]
    assert titles(filled) == ["Alpha", "Gamma"]
    assert filled.articles.count_label.text() == "2 of 3 articles"


def test_a_sub_topic_chosen_stays_shown_when_its_parent_topic_is_renamed(filled, qtbot):
    view = sidebar(filled)
    politics = entry(filled, "Politics")
    view.expand(politics)
    elections = view.model().index(0, 0, politics)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(elections).center())

    assert filled.editing.rename_names("topic", "Politics", "Government")

    assert chosen(filled) == ["Elections  (1)"]
    shown = entry(filled, "Elections")
    assert shown.parent().data() == "Government  (1)"
    assert view.isExpanded(shown.parent()) and view.visualRect(shown).isValid()  # not hidden
    assert titles(filled) == ["Alpha"]
    assert filled.articles.count_label.text() == "1 of 3 articles"


def test_a_merged_outlet_is_followed_to_the_one_it_joined(filled, qtbot, monkeypatch):
    click(qtbot, filled, "Daily")
    merge_outlets(filled, qtbot, monkeypatch, ["Daily", "Weekly"], "Weekly")

    assert chosen(filled) == ["Weekly  (3)"]
    assert titles(filled) == ["Alpha", "Beta", "Gamma"]
    assert filled.articles.count_label.text() == "3 of 3 articles"
    assert "Filter on outlet “Daily” now on “Weekly”" in filled.statusBar().currentMessage()


def test_undo_and_redo_of_a_merge_into_a_new_name_follow_the_filter_back_and_forth(
    filled, qtbot, monkeypatch
):
    click(qtbot, filled, "Daily")
    merge_outlets(filled, qtbot, monkeypatch, ["Daily", "Weekly"], "Gazette")
    assert chosen(filled) == ["Gazette  (3)"]

    trigger(filled, "actionUndo")  # Gazette is gone again: the outlets it was made of
    assert chosen(filled) == ["Daily  (2)", "Weekly  (1)"]
    assert titles(filled) == ["Alpha", "Beta", "Gamma"]
    assert "now on “Daily”, “Weekly”" in filled.statusBar().currentMessage()

    trigger(filled, "actionRedo")
    assert chosen(filled) == ["Gazette  (3)"]
    assert filled.articles.count_label.text() == "3 of 3 articles"


def batch_set_outlet(win, qtbot, outlet: str) -> None:
    table(win).selectAll()

    def fill():
        dialog = win.findChild(BatchEditDialog, "batchEditDialog")
        try:
            qtbot.keyClicks(dialog.findChild(QLineEdit, "batchOutletEdit"), outlet)
            apply = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
            qtbot.waitUntil(apply.isEnabled)  # once the preview has counted what changes
            apply.click()
        finally:
            if dialog.isVisible():  # a failed step closes the dialog rather than hang the test
                dialog.reject()

    QTimer.singleShot(0, fill)
    trigger(win, "actionBatchEdit")


def test_a_batch_edit_that_empties_an_outlet_drops_its_filter_and_says_so(filled, qtbot):
    click(qtbot, filled, "Daily")
    batch_set_outlet(filled, qtbot, "Weekly")  # both Daily articles

    assert chosen(filled) == []
    assert titles(filled) == ["Alpha", "Beta", "Gamma"]
    assert filled.articles.count_label.text() == "3 articles"
    assert filled.statusBar().currentMessage() == (
        "2 articles changed. Filter on outlet “Daily” removed: no article has that outlet now."
    )


def test_an_undo_that_empties_the_chosen_outlet_drops_its_filter(filled, qtbot):
    batch_set_outlet(filled, qtbot, "Monthly")  # every article, to a new outlet
    click(qtbot, filled, "Monthly")
    assert filled.articles.count_label.text() == "3 of 3 articles"

    trigger(filled, "actionUndo")

    assert chosen(filled) == []
    assert filled.articles.count_label.text() == "3 articles"
    assert "Filter on outlet “Monthly” removed" in filled.statusBar().currentMessage()


def test_a_sub_topic_merged_with_its_parent_is_followed_to_its_new_place(filled, qtbot):
    beta = next(r for r in range(3) if cell(filled, r, COL_TITLE) == "Beta")
    edit_article(
        table(filled).model().index(beta, 0).data(table(filled).model().ArticleIdRole),
        ArticleEdit(topics=["Government/Elections"]),
    )
    filled.session.announce(EVERYTHING)
    view = sidebar(filled)
    politics = entry(filled, "Politics")
    view.expand(politics)
    elections = view.model().index(0, 0, politics)  # Politics/Elections (Alpha)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(elections).center())
    assert titles(filled) == ["Alpha"]

    assert filled.editing.merge_names("topic", ["Politics"], "Government")

    assert chosen(filled) == ["Elections  (2)"]
    assert entry(filled, "Elections").parent().data() == "Government  (2)"
    assert titles(filled) == ["Alpha", "Beta"]
    assert "Filter on topic “Politics/Elections” now on “Government/Elections”" in (
        filled.statusBar().currentMessage()
    )


def test_a_year_no_article_is_dated_in_any_more_drops_its_filter(filled, qtbot):
    click(qtbot, filled, "2021")  # Alpha
    editor = filled.detail.editor
    editor.date_edit.setFocus()
    editor.date_edit.selectAll()
    qtbot.keyClicks(editor.date_edit, "2022-05-05")
    qtbot.keyClick(editor.date_edit, Qt.Key.Key_Return)

    assert chosen(filled) == []
    assert filled.articles.count_label.text() == "3 articles"
    assert filled.statusBar().currentMessage() == (
        "Filter on year “2021” removed: no article is dated in that year now."
    )


def test_another_desks_merge_drops_the_filter_and_says_so(filled, qtbot):
    click(qtbot, filled, "Daily")
    thread = threading.Thread(
        target=lambda: (merge_names("outlet", ["Daily"], "Weekly"), database.obj.close())
    )
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: (filled.session.check_for_changes(), chosen(filled) == [])[1], timeout=6000)

    assert titles(filled) == ["Alpha", "Beta", "Gamma"]
    assert "Filter on outlet “Daily” removed" in filled.statusBar().currentMessage()


def _indexes(win) -> list:
    """Every named entry, without waiting for counts."""
    model = sidebar(win).model()
    return model.match(
        model.index(0, 0), NameRole, "*", -1, Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchWildcard
    )


def _texts(win) -> dict[str, str]:
    """What each entry shows now, by its name, without waiting for counts."""
    return {index.data(NameRole): index.data() for index in _indexes(win)}


def _counts_held(monkeypatch) -> list:
    """Hold the sidebar's counting (on its thread) until the returned gate is set; each count
    is read before it waits, so a held count is of the catalogue as it was then."""
    gate, real = threading.Event(), workers.name_counts

    def held():
        counts = real()
        gate.wait(10)
        return counts

    monkeypatch.setattr(workers, "name_counts", held)
    return gate


def test_the_names_show_at_once_and_their_counts_when_read(filled, qtbot, monkeypatch, qtmodeltester):
    """Counting reads every article's links (1.6 s at a million articles): the sidebar lists
    its names at once and adds the counts when they are read, the window usable meanwhile."""
    gate = _counts_held(monkeypatch)
    view = sidebar(filled)
    view.reload()
    assert view.counting
    qtmodeltester.check(view.model())  # and it watches the counts arrive
    shown = _texts(filled)
    assert (shown["Daily"], shown["2022"], shown["Politics"], shown["Politics/Elections"]) == (
        "Daily",
        "2022",
        "Politics",
        "Elections",
    )
    daily = next(index for index in _indexes(filled) if index.data(NameRole) == "Daily")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(daily).center())
    # choosing works before the counts arrive
    assert titles(filled) == ["Alpha", "Gamma"]
    with qtbot.waitSignal(view.counts_ready, timeout=10_000):
        gate.set()
    assert not view.counting
    shown = _texts(filled)
    assert (shown["Daily"], shown["2022"], shown["Politics"]) == ("Daily  (2)", "2022  (2)", "Politics  (1)")
    assert chosen(filled) == ["Daily  (2)"]


def test_counts_read_before_a_change_are_never_shown_after_it(filled, qtbot, monkeypatch):
    gate = _counts_held(monkeypatch)
    view = sidebar(filled)
    view.reload()  # its counts are read now, then held
    article_id = table(filled).model().rows.id_at(0)
    edit_article(article_id, ArticleEdit(outlet="Weekly"))
    shown_counts = []
    view.counts_ready.connect(lambda: shown_counts.append(_texts(filled)["Weekly"]))
    view.reload()  # the change: counted again behind the held count
    gate.set()
    qtbot.waitUntil(lambda: not view.counting, timeout=10_000)
    qtbot.wait(50)  # the held count, had it been shown, would have been by now
    assert shown_counts == ["Weekly  (2)"]


# --- long names --------------------------------------------------------------------------------


def test_long_names_lose_their_middle_not_their_end_and_the_sidebar_widens(window, qtbot, tmp_path):
    from tests.ui.table_news import LONG_OUTLETS, import_news
    from ui.widgets.sidebar_delegate import shown_text

    import_news(qtbot, window, tmp_path / "news", count=6)
    window.resize(1200, 760)
    view = counted(window)
    index = entry(window, LONG_OUTLETS[0])
    width = view.visualRect(index).width()
    name, count = shown_text(index, view.fontMetrics(), width)
    assert count == "2"  # the count is never cut
    assert "…" in name and name.startswith("Deut") and name.endswith("ion)")  # its end kept
    assert LONG_OUTLETS[0] in index.data(Qt.ItemDataRole.ToolTipRole)
    view.grab().save(str(tmp_path / "sidebar-narrow.png"))

    # Dragged wider, the sidebar shows the names whole.
    window.splitter.setSizes([330, 500, 370])
    qtbot.waitUntil(lambda: view.width() > 300)
    name, _ = shown_text(index, view.fontMetrics(), view.visualRect(index).width())
    assert name == LONG_OUTLETS[0]
