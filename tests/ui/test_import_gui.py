"""Importing from the window: folder dialog, progress and cancel, drag-and-drop, the report."""

import csv
import os
import sqlite3
import time

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QPushButton

from catalog.importing import reading
from catalog.importing.files import DEFAULT_PATTERN
from catalog.maintenance import check_catalogue
from catalog.models import Article
from tests.helpers import SEED_FILE, article_file, make_article_files
from tests.ui.driving import cell, drop, import_and_wait, table, trigger
from ui.dialogs.import_folder import ImportFolderDialog
from ui.dialogs.import_report import ImportProblemsModel
from ui.models.article_table_model import COL_TITLE


def test_import_folder_dialog_with_a_filter_field(window, qtbot, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text("Text article one.\n")
    (folder / "b.md").write_text("Markdown article two.\n")

    def fill_in_the_dialog():
        dialog = window.findChild(ImportFolderDialog, "importFolderDialog")
        dialog.findChild(QLineEdit, "folderEdit").setText(str(folder))
        pattern = dialog.findChild(QLineEdit, "patternEdit")
        assert pattern.text() == DEFAULT_PATTERN
        pattern.clear()
        qtbot.keyClicks(pattern, "*.md")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill_in_the_dialog)
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as finished:
        trigger(window, "actionImportFolder")
    assert finished.args[0].summary() == "1 imported, 0 duplicates, 0 failed"
    assert cell(window, 0, COL_TITLE) == "Markdown article two."


def test_import_folder_dialog_needs_a_folder(qtbot):
    dialog = ImportFolderDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.folder_edit, "/some/folder")
    assert ok.isEnabled()
    assert dialog.pattern() == DEFAULT_PATTERN


def test_the_report_dialog_lists_each_problem_and_saves_csv(
    window, qtbot, write_folder, tmp_path, monkeypatch, qtmodeltester
):
    (write_folder / "copy.txt").write_text((write_folder / "alpha.txt").read_text())
    report = import_and_wait(qtbot, window, [str(write_folder)])
    dialog = window.importer.report_dialog
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Import Finished"
    assert dialog.findChild(object, "importSummary").text() == "4 files: 2 imported, 1 duplicate, 1 failed."
    assert dialog.findChild(QLabel, "duplicatesCount").text() == (
        "1 with the same text as a file earlier in this import: not imported again."
    )
    model = dialog.table.model()
    qtmodeltester.check(model)
    shown = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert shown == [
        [
            str(write_folder / "broken.txt"),
            "failed",
            "not a text file: looks like binary data (it contains NUL bytes)",
        ]
    ]
    qtbot.mouseClick(dialog.findChild(QPushButton, "showDuplicatesButton"), Qt.MouseButton.LeftButton)
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert rows == [
        [
            str(write_folder / "broken.txt"),
            "failed",
            "not a text file: looks like binary data (it contains NUL bytes)",
        ],
        [
            str(write_folder / "copy.txt"),
            "duplicate",
            f"duplicate of Zebra crossings return (id {report.imported[0].article_id})",
        ],
    ]

    qtbot.mouseClick(dialog.findChild(QPushButton, "copyButton"), Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert copied.splitlines()[0] == "file,outcome,reason"
    assert "broken.txt" in copied and "copy.txt" in copied

    target = tmp_path / "report.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV files (*.csv)"))
    qtbot.mouseClick(dialog.findChild(QPushButton, "saveCsvButton"), Qt.MouseButton.LeftButton)
    with open(target, encoding="utf-8-sig", newline="") as saved:
        assert list(csv.reader(saved)) == [["file", "outcome", "reason"], *rows]


def test_cancel_keeps_whole_batches_and_a_consistent_catalogue(window, qtbot, tmp_path, monkeypatch, db_path):
    monkeypatch.setattr(reading, "BATCH_SIZE", 50)
    folder = tmp_path / "many"
    make_article_files(folder, 400, paragraphs=2)
    first_progress = []

    def cancel_on_first_progress(done, path):
        if not first_progress:
            first_progress.append(done)
            qtbot.mouseClick(window.importer.progress.findChild(QPushButton), Qt.MouseButton.LeftButton)

    window.import_started.connect(lambda task: task.signals.progressed.connect(cancel_on_first_progress))
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as finished:
        window.importer.start_import([str(folder)])
    report = finished.args[0]
    assert report.cancelled
    imported = len(report.imported)
    assert 0 < imported < 400 and imported % 50 == 0
    assert window.importer.report_dialog.windowTitle() == "Import Cancelled"
    assert table(window).model().rowCount() == imported
    assert check_catalogue().ok and Article.select().count() == imported

    rest = import_and_wait(qtbot, window, [str(folder)])
    assert (len(rest.imported), len(rest.duplicates)) == (400 - imported, imported)
    assert Article.select().count() == 400


def test_the_table_scrolls_while_an_import_runs(window, qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "first"
    make_article_files(folder, 120, paragraphs=1)
    import_and_wait(qtbot, window, [str(folder)])
    more = tmp_path / "second"
    monkeypatch.setattr(reading, "BATCH_SIZE", 20)
    make_article_files(more, 200, paragraphs=1)
    view = table(window)
    with qtbot.waitSignal(window.import_finished, timeout=30_000):
        window.importer.start_import([str(more)])
        assert not window.importer.progress.isModal()
        assert not window.findChild(
            type(window.importer.action_import_files), "actionImportFiles"
        ).isEnabled()
        view.scrollToBottom()
        assert view.verticalScrollBar().value() > 0
    assert window.importer.action_import_files.isEnabled()


def test_dropping_files_and_folders_imports_them(window, qtbot, write_folder):
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as finished:
        drop(window, [SEED_FILE, write_folder])
    assert finished.args[0].summary() == "3 imported, 0 duplicates, 1 failed"
    assert table(window).model().rowCount() == 3


def test_text_drags_are_not_imports(window):
    mime = QMimeData()
    mime.setText("just some words")
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.setAccepted(False)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_problems_model_of_a_clean_import_is_empty(qtmodeltester):
    from catalog.importing import ImportReport

    model = ImportProblemsModel(ImportReport())
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_names_that_are_not_utf8_or_hold_escapes_import_and_show_escaped(
    window, qtbot, tmp_path, monkeypatch, qtmodeltester
):
    folder = tmp_path / "received"
    folder.mkdir()
    (folder / "good.txt").write_text(article_file("Good story", "Text. More."))
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as out:
        out.write(article_file("Café society", "Rumours. More.").encode())
    with open(os.path.join(os.fsencode(folder), b"\x1b[31mbad\xff\nfailed: x.txt"), "wb") as out:
        out.write(b"\x00\x01")
    report = import_and_wait(qtbot, window, [str(folder)])
    assert report.summary() == "2 imported, 0 duplicates, 1 failed"
    assert Article.select().where(Article.source_path == f"{folder}/caf\\xe9.txt").count() == 1
    model = window.importer.report_dialog.table.model()
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    expected = [
        f"{folder}/\\e[31mbad\\xff\\nfailed: x.txt",
        "failed",
        "not a text file: looks like binary data (it contains NUL bytes)",
    ]
    assert rows == [expected]
    target = tmp_path / "report.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV files (*.csv)"))
    qtbot.mouseClick(
        window.importer.report_dialog.findChild(QPushButton, "saveCsvButton"), Qt.MouseButton.LeftButton
    )
    with open(target, encoding="utf-8-sig", newline="") as saved:
        assert list(csv.reader(saved)) == [["file", "outcome", "reason"], expected]
    qtbot.mouseClick(
        window.importer.report_dialog.findChild(QPushButton, "copyButton"), Qt.MouseButton.LeftButton
    )
    assert "\\e[31mbad\\xff\\nfailed: x.txt" in QApplication.clipboard().text()


def test_links_out_of_the_chosen_folder_are_reported_but_a_picked_link_is_imported(
    window, qtbot, tmp_path, monkeypatch
):
    secret = tmp_path / "home" / ".ssh" / "id_ed25519"
    secret.parent.mkdir(parents=True)
    secret.write_text("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n")
    folder = tmp_path / "received"
    folder.mkdir()
    (folder / "story1.txt").write_text(article_file("Story one", "Text. More."))
    os.symlink(secret, folder / "story2.txt")
    report = import_and_wait(qtbot, window, [str(folder)])
    assert report.summary() == "1 imported, 0 duplicates, 1 failed"
    model = window.importer.report_dialog.table.model()
    assert [model.index(0, c).data() for c in range(3)] == [
        str(folder / "story2.txt"),
        "failed",
        f"a link to {secret} outside the folder you chose: not imported",
    ]
    assert Article.select().where(Article.body.contains("PRIVATE KEY")).count() == 0

    window.importer.report_dialog.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(folder / "story2.txt")], ""))
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as finished:
        trigger(window, "actionImportFiles")
    assert finished.args[0].summary() == "1 imported, 0 duplicates, 0 failed"


def test_cancel_stops_within_a_batch_of_slow_files(window, qtbot, tmp_path, monkeypatch):
    """Big files or a slow disk: Cancel must not wait for the rest of a batch of 1,000 files."""
    folder = tmp_path / "slow"
    make_article_files(folder, 40, paragraphs=1)
    real_prepare = reading.prepare
    read = []

    def slow_prepare(candidate, max_size):
        read.append(candidate)
        time.sleep(0.05)
        return real_prepare(candidate, max_size)

    monkeypatch.setattr(reading, "prepare", slow_prepare)
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as finished:
        window.importer.start_import([str(folder)])
        qtbot.waitUntil(lambda: len(read) >= 2)
        qtbot.mouseClick(window.importer.progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
        assert window.importer.progress.labelText() == "Cancelling…"
    report = finished.args[0]
    assert report.cancelled and report.imported == []
    assert len(read) < 10  # not the whole batch of 40
    assert window.importer.report_dialog.windowTitle() == "Import Cancelled"
    assert Article.select().count() == 0


def test_the_progress_dialog_says_when_another_desk_is_writing(sqlite_window, qtbot, tmp_path):
    """SQLite has one writer at a time: while another desk holds the catalogue, the dialog says
    so instead of looking stuck, and the import goes on when the desk is done."""
    window = sqlite_window
    folder = tmp_path / "incoming"
    make_article_files(folder, 30, paragraphs=1)
    other_desk = sqlite3.connect(tmp_path / "window.sqlite3", isolation_level=None)
    other_desk.execute("BEGIN IMMEDIATE")
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as finished:
        window.importer.start_import([str(folder)])
        qtbot.waitUntil(
            lambda: "waiting for another desk's write…" in window.importer.progress.labelText(),
            timeout=10_000,
        )
        assert window.importer.progress.labelText().startswith("0 of 30 files")
        window.importer.progress.grab().save(str(tmp_path / "waiting.png"))
        other_desk.execute("COMMIT")
    other_desk.close()
    assert finished.args[0].summary() == "30 imported, 0 duplicates, 0 failed"


def test_a_full_disk_stops_the_import_and_the_report_says_where(qtbot, tmp_path, monkeypatch):
    from tests.catalog.test_import_disk_full import simulated_full_disk, small_disk, sqlite_full_error
    from ui.app import open_window

    monkeypatch.setattr(reading, "BATCH_BYTES", 100_000)
    folder = tmp_path / "big"
    folder.mkdir()
    for number in range(40):
        body = " ".join(f"Paragraph {number}-{word} of the report on prices." for word in range(1400))
        (folder / f"{number:03d}.txt").write_text(article_file(f"Report {number}", body))
    with small_disk("2m", tmp_path) as disk:
        if disk is None:
            simulated_full_disk(monkeypatch, sqlite_full_error())
            disk = tmp_path
        window = open_window(str(disk / "window.sqlite3"))
        qtbot.addWidget(window)
        window.show()
        report = import_and_wait(qtbot, window, [str(folder)])
        full = f"the disk holding {disk} is full"
        assert report.stopped == full
        assert window.importer.report_dialog.windowTitle() == "Import Stopped"
        assert (
            window.importer.report_dialog.findChild(object, "importSummary")
            .text()
            .endswith(f"(stopped: {full}).")
        )
        model = window.importer.report_dialog.table.model()
        assert model.index(0, 2).data() == f"not stored: {full}"
        assert table(window).model().rowCount() == len(report.imported) > 0
        window.close()


def _read_here(monkeypatch) -> list:
    """Files read in the window's own process (worker processes do not see this spy)."""
    read = []
    real_prepare = reading.prepare

    def spied(candidate, max_size):
        read.append(candidate)
        return real_prepare(candidate, max_size)

    monkeypatch.setattr(reading, "prepare", spied)
    return read


def test_a_big_import_reads_its_files_in_worker_processes_and_names_a_bad_one(
    window, qtbot, tmp_path, monkeypatch, qtmodeltester
):
    """The window's import reads and parses in processes of their own, as the command line
    does (a fork server, not a fork of the window: safe beside Qt's threads); one bad file
    among good ones is named with its reason, and the rest are imported."""
    monkeypatch.setattr(reading, "BATCH_SIZE", 10)
    folder = tmp_path / "big"
    make_article_files(folder, 60, paragraphs=2)
    broken = folder / "0000" / "000030-broken.txt"
    broken.write_bytes(b"\x00\xff\x00 not text")
    read_here = _read_here(monkeypatch)

    report = import_and_wait(qtbot, window, [str(folder)])

    assert read_here == []
    assert report.summary() == "60 imported, 0 duplicates, 1 failed"
    model = window.importer.report_dialog.table.model()
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(3)] == [
        str(broken),
        "failed",
        "not a text file: looks like binary data (it contains NUL bytes)",
    ]
    assert table(window).model().rowCount() == 60
    assert check_catalogue().ok and Article.select().count() == 60


def test_cancel_with_worker_processes_keeps_whole_batches(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "BATCH_SIZE", 20)
    folder = tmp_path / "many"
    make_article_files(folder, 300, paragraphs=2)
    read_here = _read_here(monkeypatch)
    window.import_started.connect(
        lambda task: task.signals.progressed.connect(
            lambda done, path: window.importer.progress.findChild(QPushButton).click()
        )
    )
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as finished:
        window.importer.start_import([str(folder)])
    report = finished.args[0]
    assert report.cancelled and read_here == []
    imported = len(report.imported)
    assert 0 < imported < 300 and imported % 20 == 0
    assert window.importer.report_dialog.windowTitle() == "Import Cancelled"
    assert table(window).model().rowCount() == imported
    assert check_catalogue().ok and Article.select().count() == imported
