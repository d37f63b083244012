"""The window's import report after a folder is imported again: the duplicates are a count,
their list one click away, and the saved list still has every file not imported."""

import csv

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from tests.helpers import article_file, make_article_files
from tests.ui.driving import import_and_wait


def test_a_folder_imported_again_shows_a_count_and_lists_on_request(
    window, qtbot, tmp_path, monkeypatch, qtmodeltester
):
    folder = tmp_path / "desk"
    make_article_files(folder, 40, paragraphs=1)
    import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()
    (folder / "new.txt").write_text(article_file("Port reopens", "Ships returned to the port."))
    import_and_wait(qtbot, window, [str(folder)])
    dialog = window.importer.report_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert (
        dialog.findChild(QLabel, "importSummary").text() == "41 files: 1 imported, 40 duplicates, 0 failed."
    )
    assert (
        dialog.findChild(QLabel, "duplicatesCount").text()
        == "40 already in the catalogue: not imported again."
    )
    assert not dialog.table.isVisible()  # nothing failed: no list to read through

    toggle = dialog.findChild(QPushButton, "showDuplicatesButton")
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert dialog.table.isVisible() and toggle.text() == "Hide &Duplicates"
    model = dialog.table.model()
    qtmodeltester.check(model)
    assert model.rowCount() == 40
    assert [model.index(0, c).data() for c in range(3)] == [
        str(folder / "0000" / "000000.txt"),
        "duplicate",
        "duplicate of Report number 0 (id 1)",
    ]
    dialog.grab().save(str(tmp_path / "import-report.png"))

    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert not dialog.table.isVisible() and toggle.text() == "Show &Duplicates"

    target = tmp_path / "report.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV files (*.csv)"))
    qtbot.mouseClick(dialog.findChild(QPushButton, "saveCsvButton"), Qt.MouseButton.LeftButton)
    with open(target, encoding="utf-8-sig", newline="") as saved:
        assert len(list(csv.reader(saved))) == 41  # the header and every duplicate, shown or not


def test_an_import_without_duplicates_has_no_toggle(window, qtbot, write_folder):
    import_and_wait(qtbot, window, [str(write_folder)])
    dialog = window.importer.report_dialog
    assert dialog.findChild(QPushButton, "showDuplicatesButton") is None
    assert dialog.findChild(QLabel, "duplicatesCount") is None
    assert dialog.table.model().rowCount() == 1  # the broken file


def test_the_report_is_as_big_as_what_it_shows(window, qtbot, tmp_path, write_folder):
    """A line of counts is a small box (it was 760×420 whatever it held); failures get a list
    wide enough for a path and its reason, rows not cut; duplicates grow it when asked for."""
    one = tmp_path / "one.txt"
    one.write_text(article_file("Port reopens", "Ships returned to the port."))
    import_and_wait(qtbot, window, [str(one)])
    small = window.importer.report_dialog
    qtbot.waitUntil(small.isVisible)
    small.grab().save(str(tmp_path / "one-line.png"))
    assert small.height() < 160 and small.width() < 560
    assert not small.findChild(QPushButton, "copyButton").isVisible()  # nothing to list
    summary = small.findChild(QLabel, "importSummary")
    assert summary.fontMetrics().horizontalAdvance(summary.text()) <= summary.width()
    small.close()

    import_and_wait(qtbot, window, [str(write_folder)])
    import_and_wait(qtbot, window, [str(write_folder)])  # again: two duplicates, one failure
    dialog = window.importer.report_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.width() >= 760
    table = dialog.table
    assert table.isVisible() and table.model().rowCount() == 1
    assert table.viewport().height() >= table.rowHeight(0)  # the failed file's row shows whole
    before = dialog.height()
    qtbot.mouseClick(dialog.findChild(QPushButton, "showDuplicatesButton"), Qt.MouseButton.LeftButton)
    assert table.model().rowCount() == 3
    assert dialog.height() > before and table.viewport().height() >= 3 * table.rowHeight(0)
    dialog.grab().save(str(tmp_path / "duplicates.png"))
