"""The column chooser: right-click on the header (or View ▸ Columns) shows and hides columns;
what is shown, the order and the widths are remembered per catalogue, never with a password
in the settings; Reset Columns brings the defaults back."""

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from catalog.catalogue import close_catalogue
from tests.ui.driving import shown_window, table
from ui.catalogue_settings import CatalogueSettings, catalogue_key
from ui.models.article_table_model import COL_CLAIMS, COL_OUTLET, COL_SOURCE, COL_TITLE


def header_menu(qtbot, win) -> QMenu:
    """The menu a right-click on the table's header shows."""
    header = table(win).horizontalHeader()
    at = QPoint(header.sectionViewportPosition(COL_TITLE) + 5, 5)
    QApplication.sendEvent(
        header.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, header.mapToGlobal(at))
    )
    menu = win.columns.menu
    qtbot.waitUntil(menu.isVisible)
    return menu


def choose(qtbot, menu: QMenu, text: str) -> None:
    action = next(a for a in menu.actions() if a.text().replace("&", "") == text)
    menu.setActiveAction(action)
    qtbot.keyClick(menu, Qt.Key.Key_Return)


def reopen(qtbot, win, location):
    win.close()
    close_catalogue()
    return shown_window(qtbot, location)


def test_the_header_menu_lists_the_columns_and_reset(window, qtbot):
    menu = header_menu(qtbot, window)
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Outlet",
        "Authors",
        "Date",
        "Topics",
        "Claims",
        "Imported",
        "Source",
        "Summary",
        "Copies",
        "Reset Columns",
    ]
    checked = {a.text().replace("&", ""): a.isChecked() for a in menu.actions() if a.isCheckable()}
    assert checked == {
        "Outlet": True, "Authors": True, "Date": True, "Topics": True,
        "Claims": False, "Imported": False, "Source": False, "Summary": False, "Copies": True,
    }  # fmt: skip
    menu.close()
    # The same menu is View ▸ Columns.
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.columns.menu in [a.menu() for a in view_menu.actions()]


def test_a_hidden_column_stays_hidden_after_a_restart_and_reset_brings_it_back(
    window, qtbot, db_path, tmp_path
):
    choose(qtbot, header_menu(qtbot, window), "Outlet")
    choose(qtbot, header_menu(qtbot, window), "Claims")
    assert table(window).isColumnHidden(COL_OUTLET) and not table(window).isColumnHidden(COL_CLAIMS)
    table(window).horizontalHeader().moveSection(table(window).horizontalHeader().visualIndex(COL_CLAIMS), 1)

    again = reopen(qtbot, window, db_path)
    view = table(again)
    assert view.isColumnHidden(COL_OUTLET)
    assert not view.isColumnHidden(COL_CLAIMS) and view.horizontalHeader().visualIndex(COL_CLAIMS) == 1
    assert view.horizontalHeader().sectionResizeMode(COL_TITLE) == view.horizontalHeader().ResizeMode.Stretch

    # Another catalogue has its own columns.
    other = shown_window(qtbot, str(tmp_path / "other.sqlite3"))
    assert not table(other).isColumnHidden(COL_OUTLET) and table(other).isColumnHidden(COL_CLAIMS)
    other.close()
    close_catalogue()

    again = shown_window(qtbot, db_path)
    choose(qtbot, header_menu(qtbot, again), "Reset Columns")
    view = table(again)
    assert not view.isColumnHidden(COL_OUTLET) and view.isColumnHidden(COL_CLAIMS)
    assert view.horizontalHeader().visualIndex(COL_CLAIMS) == COL_CLAIMS
    again = reopen(qtbot, again, db_path)
    assert not table(again).isColumnHidden(COL_OUTLET)


def test_a_column_shown_again_has_a_width_and_the_title_stays_widest(window, qtbot):
    window.resize(1200, 760)
    choose(qtbot, header_menu(qtbot, window), "Source")
    QApplication.processEvents()
    view = table(window)
    assert view.columnWidth(COL_SOURCE) >= 56
    others = [view.columnWidth(c) for c in range(9) if c != COL_TITLE and not view.isColumnHidden(c)]
    assert view.columnWidth(COL_TITLE) > max(others)


def test_settings_keys_never_hold_a_password():
    url = "postgresql://desk:s3cret-pw@db.example:5432/news?password=other-secret"
    key = catalogue_key(url)
    assert "s3cret" not in key and "other-secret" not in key
    assert key == catalogue_key(
        "postgresql://desk:changed@db.example:5432/news?password=x"
    )  # one desk's catalogue
    assert key != catalogue_key("postgresql://desk@db.example:5432/archive")
    CatalogueSettings(url).set_value("articleTable/header", b"x")
    settings = QSettings()
    everything = " ".join([*settings.allKeys(), *(str(settings.value(k)) for k in settings.allKeys())])
    assert "s3cret" not in everything and "other-secret" not in everything


def test_two_spellings_of_one_file_are_one_catalogue(tmp_path):
    (tmp_path / "sub").mkdir()
    assert catalogue_key(str(tmp_path / "c.sqlite3")) == catalogue_key(
        str(tmp_path / "sub" / ".." / "c.sqlite3")
    )
