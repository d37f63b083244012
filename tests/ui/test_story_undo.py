"""Split from Story and Join Stories, undoable: from the Story tab, the Stories menu and the
table's right-click menu; undo and redo put the stories back and the window shows it; an undo
someone else's split or join has overtaken is refused in words."""

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction

from catalog.stories import join_stories, story_of
from tests.ui.driving import table, trigger
from tests.ui.test_story_tab import import_copies, open_story_of
from tests.ui.test_undo_checks import other_desk, press_redo, press_undo
from ui.models.article_table_model import COL_COPIES, COL_TITLE


@pytest.fixture
def copies(window, qtbot, tmp_path):
    win = import_copies(qtbot, window, tmp_path / "copies")
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def members(win, name: str) -> set[int]:
    story = story_of(win.ids[name], shares=False)
    return set(story.articles) if story else set()


def copies_cell(win, name: str) -> str:
    model = win.articles.model
    return model.index(model.row_of(win.ids[name]), COL_COPIES).data()


def select(win, *names: str) -> None:
    view = table(win)
    model = view.model()
    view.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for name in names:
        view.selectionModel().select(model.index(model.row_of(win.ids[name]), COL_TITLE), flags)
    current = model.index(model.row_of(win.ids[names[0]]), COL_TITLE)
    view.selectionModel().setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)


def action(win, name: str) -> QAction:
    return win.findChild(QAction, name)


def test_split_from_the_story_tab_and_its_undo_and_redo(copies, qtbot):
    story = open_story_of(copies, "excerpt.txt")
    qtbot.mouseClick(story.split_button, Qt.MouseButton.LeftButton)
    assert members(copies, "excerpt.txt") == set()
    assert members(copies, "whole.txt") == {copies.ids["whole.txt"], copies.ids["rewrapped.txt"]}
    assert copies.session.undo_stack.undoText().startswith("Split “Officials doubt Kyiv")
    # The window shows it: the tab says there are no copies now, the table's counts moved.
    assert story.empty_label.isVisible() and copies.detail.tabs.tabText(2) == "Sto&ry"
    assert (copies_cell(copies, "excerpt.txt"), copies_cell(copies, "whole.txt")) == ("", "2")
    assert not action(copies, "actionSplitFromStory").isEnabled()

    press_undo(qtbot, copies)
    assert members(copies, "excerpt.txt") == {
        copies.ids[n] for n in ("whole.txt", "rewrapped.txt", "excerpt.txt")
    }
    assert copies.detail.tabs.tabText(2) == "Sto&ry (3)" and story.model.rowCount() == 3
    assert (copies_cell(copies, "excerpt.txt"), copies_cell(copies, "whole.txt")) == ("3", "3")

    press_redo(qtbot, copies)
    assert members(copies, "excerpt.txt") == set()
    assert copies.detail.tabs.tabText(2) == "Sto&ry"


def test_join_two_stories_from_the_menu_and_its_undo(copies, qtbot):
    select(copies, "whole.txt", "rewrapped.txt")
    assert not action(copies, "actionJoinStories").isEnabled()  # one story already
    select(copies, "other.txt", "whole.txt")
    assert action(copies, "actionJoinStories").isEnabled()
    stories_menu = next(a.menu() for a in copies.menuBar().actions() if a.text() == "S&tories")
    assert action(copies, "actionJoinStories") in stories_menu.actions()
    trigger(copies, "actionJoinStories")
    assert len(members(copies, "other.txt")) == 4
    assert copies_cell(copies, "other.txt") == "4"
    assert copies.detail.tabs.tabText(2) == "Sto&ry (4)"  # the current article: the other report

    press_undo(qtbot, copies)
    assert members(copies, "other.txt") == set() and len(members(copies, "whole.txt")) == 3
    assert copies_cell(copies, "other.txt") == "" and copies.detail.tabs.tabText(2) == "Sto&ry"


def test_the_right_click_menu_offers_split_and_join_where_they_apply(copies, qtbot):
    select(copies, "rewrapped.txt")
    menu = copies.article_menu.make_menu()
    offered = {a.objectName(): a.isEnabled() for a in menu.actions()}
    assert offered["actionSplitFromStory"] and not offered["actionJoinStories"]
    select(copies, "other.txt")
    assert not action(copies, "actionSplitFromStory").isEnabled()


def test_an_undo_overtaken_by_another_desks_join_is_refused_in_words(copies, qtbot, message_boxes):
    story = open_story_of(copies, "excerpt.txt")
    qtbot.mouseClick(story.split_button, Qt.MouseButton.LeftButton)
    other_desk(join_stories, copies.ids["excerpt.txt"], copies.ids["whole.txt"])  # they put it back
    press_undo(qtbot, copies)
    said = [box.text() for box in message_boxes]
    assert any("someone else split or joined these stories since" in text for text in said), said
    assert copies.session.undo_stack.index() == 1  # the step stays, to be tried again
    assert len(members(copies, "excerpt.txt")) == 3  # as they left it
    assert copies.detail.tabs.tabText(2) == "Sto&ry (3)"


def test_joining_an_article_with_itself_is_not_offered(copies, qtbot):
    select(copies, "other.txt")
    assert not action(copies, "actionJoinStories").isEnabled()


def test_a_read_only_catalogue_shows_its_stories_but_offers_no_split_or_join(qtbot, tmp_path):
    import stat

    from catalog.catalogue import close_catalogue, open_catalogue
    from catalog.importing import import_paths
    from tests.story_copies import write_copies, write_other
    from ui.app import open_window

    location = tmp_path / "archive.sqlite3"
    open_catalogue(str(location))
    write_copies(tmp_path / "copies")
    write_other(tmp_path / "copies")
    imported = import_paths([tmp_path / "copies"]).imported
    ids = {item.path.rsplit("/", 1)[-1]: item.article_id for item in imported}
    close_catalogue()
    location.chmod(0o444)
    win = open_window(str(location), create=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        win.articles.select_article(ids["whole.txt"])
        win.detail.tabs.setCurrentWidget(win.detail.story)
        assert win.detail.story.model.rowCount() == 3
        assert not win.detail.story.split_button.isEnabled()
        assert not action(win, "actionSplitFromStory").isEnabled()
        win.ids = ids
        select(win, "other.txt", "whole.txt")  # two stories apart: a join, were it writable
        assert not action(win, "actionJoinStories").isEnabled()
    finally:
        win.close()
        close_catalogue()
        location.chmod(location.stat().st_mode | stat.S_IWUSR)
