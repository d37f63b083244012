"""The sidebar: counts per outlet, author, topic and year; clicking filters the table."""

import pytest
from PySide6.QtCore import Qt

from catalog.changes import EVERYTHING
from catalog.editing import ArticleEdit, edit_article
from tests.helpers import article_file
from tests.ui.driving import cell, click, entry, import_and_wait, sidebar, table
from ui.models.article_table_model import COL_TITLE


@pytest.fixture
def filled(window, qtbot, tmp_path):
    folder = tmp_path / "some"
    folder.mkdir()
    rows = [("Alpha", "Daily", "2021"), ("Beta", "Weekly", "2022"), ("Gamma", "Daily", "2022")]
    for number, (title, outlet, year) in enumerate(rows):
        header = f" date {year}-01-0{number + 1} Authored by Writer {number} via {outlet},"
        (folder / f"{number}.txt").write_text(article_file(title, f"Text of {title}.", header=header))
    report = import_and_wait(qtbot, window, [str(folder)])
    window.report_dialog.close()
    edit_article(report.imported[0].article_id, ArticleEdit(topics=["Politics/Elections"]))
    window.announce(EVERYTHING)
    return window


def titles(win):
    return sorted(cell(win, row, COL_TITLE) for row in range(table(win).model().rowCount()))


def test_counts_are_shown(filled):
    assert entry(filled, "Daily").data() == "Daily  (2)"
    assert entry(filled, "2022").data() == "2022  (2)"
    assert entry(filled, "Elections").parent().data() == "Politics  (0)"


def test_clicking_filters_and_filters_combine(filled, qtbot):
    click(qtbot, filled, "Daily")
    assert titles(filled) == ["Alpha", "Gamma"]
    assert filled.count_label.text() == "2 of 3 articles"
    click(qtbot, filled, "2022", Qt.KeyboardModifier.ControlModifier)
    assert titles(filled) == ["Gamma"]
    click(qtbot, filled, "Weekly", Qt.KeyboardModifier.ControlModifier)
    assert titles(filled) == ["Beta", "Gamma"]  # Daily or Weekly, and 2022
    sidebar(filled).clear_filters()
    assert titles(filled) == ["Alpha", "Beta", "Gamma"]
    assert filled.count_label.text() == "3 articles"


def test_a_topic_includes_its_sub_topics(filled, qtbot):
    click(qtbot, filled, "Politics")
    assert titles(filled) == ["Alpha"]


def test_sidebar_follows_edits_and_keeps_the_selection(filled, qtbot):
    click(qtbot, filled, "Daily")
    edit_article(
        table(filled).model().index(0, 0).data(table(filled).model().ArticleIdRole),
        ArticleEdit(outlet="Weekly"),
    )
    filled.announce(EVERYTHING)
    assert entry(filled, "Daily").data() == "Daily  (1)"
    assert sidebar(filled).selectionModel().isSelected(entry(filled, "Daily"))
    assert len(titles(filled)) == 1


def test_sidebar_model_passes_the_model_tester(filled, qtmodeltester):
    qtmodeltester.check(sidebar(filled).model())
