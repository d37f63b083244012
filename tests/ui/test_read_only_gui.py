"""A window on a read-only catalogue: it says so in its title and above the articles, reads,
searches and exports as usual, and offers no change, refusing any in words."""

import stat

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit

from catalog.catalogue import close_catalogue, open_catalogue
from catalog.claims.store import add_claim_by_text
from catalog.editing import ArticleEdit
from catalog.importing import import_paths
from tests.helpers import SEED_FILE
from ui.app import open_window
from ui.controllers.catalogues import CHANGING_ACTIONS


@pytest.fixture
def read_only_window(qtbot, tmp_path):
    catalogue = tmp_path / "archive.sqlite3"
    open_catalogue(str(catalogue))
    [item] = import_paths([SEED_FILE]).imported
    add_claim_by_text(item.article_id, "Zelensky")
    close_catalogue()
    catalogue.chmod(0o444)  # mode bits bind even for root: opened read-only on purpose
    window = open_window(str(catalogue), create=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    close_catalogue()
    catalogue.chmod(catalogue.stat().st_mode | stat.S_IWUSR)


def test_the_title_and_a_notice_say_read_only(read_only_window, tmp_path):
    window = read_only_window
    assert window.windowTitle() == "archive (read-only) — Catalog"
    notice = window.findChild(QLabel, "readOnlyNotice")
    assert notice.isVisible()
    assert notice.text() == (
        "<b>Read-only.</b> Its file is not writable: this catalogue can be read, searched, "
        "exported and backed up, not changed."
    )
    window.grab().save(str(tmp_path / "read-only.png"))


def test_reading_searching_and_exporting_work_and_changes_are_off(read_only_window, qtbot):
    window = read_only_window
    assert window.articles.model.rowCount() == 1
    qtbot.keyClicks(window.articles.search_box, "Podolyak")
    qtbot.waitUntil(lambda: window.articles.count_label.text().startswith("1 of 1"), timeout=5000)
    for name in CHANGING_ACTIONS:
        assert not window.findChild(QAction, name).isEnabled(), name
    for name in ("actionExportCsv", "actionExportPdf", "actionBackUp", "actionPrint", "actionClaimsBrowser"):
        assert window.findChild(QAction, name).isEnabled(), name
    assert window.articles.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert not window.acceptDrops()
    title = (
        window.detail.editor.findChild(QLineEdit, "titleEdit")
        or window.detail.editor.findChildren(QLineEdit)[0]
    )
    assert title.isReadOnly() and title.text()
    window.detail.tabs.setCurrentWidget(window.detail.claims_panel)
    window.detail.claims_panel.select_claim(1)
    assert window.detail.claims_panel.current_claim_id() == 1
    assert not window.detail.claims_panel.buttons["delete"].isVisible()
    assert not window.detail.claims_panel.buttons["link"].isVisible()
    assert window.detail.claims_panel.buttons["map"].isVisible()


def test_a_change_that_gets_through_is_refused_in_words(read_only_window):
    window = read_only_window
    article = window.detail.editor.article
    assert not window.editing.edit_article(article["id"], article["version"], ArticleEdit(title="Changed"))
    assert (
        window.statusBar().currentMessage()
        == "Not saved: the catalogue is read-only (its file is not writable)."
    )
    assert window.articles.model.index(0, 0).data() != "Changed"
