"""The window's files (Export PDF, Export CSV, Print to File from the print and preview dialogs):
written where the user chose, never through a planted link, with the umask's mode, and a file
that cannot be written is said in words."""

import stat

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit, QMessageBox, QPushButton

from catalog.reporting import build_report
from catalog.safe_output import new_file_mode
from tests.ui.driving import import_and_wait, trigger
from tests.ui.test_reports import choose_scope, pdf_pages, write_articles
from ui.dialogs.report_scope import SHOWN

PRECIOUS = b"alias ls='ls --color'\n"


@pytest.fixture
def news(window, qtbot, tmp_path):
    write_articles(tmp_path / "news", 3)
    import_and_wait(qtbot, window, [str(tmp_path / "news")])
    return window


@pytest.fixture
def planted(tmp_path):
    """plant(target) -> the precious file that links at ``target`` and at the partial names
    beside it point to (as `.report.pdf.partial -> ~/.bashrc` did)."""
    precious = tmp_path / "bashrc"
    precious.write_bytes(PRECIOUS)

    def plant(target):
        for name in (target.name, f".{target.name}.partial", f".{target.name}.tmp"):
            (target.parent / name).symlink_to(precious)
        return precious

    return plant


def save_as(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def assert_written_safely(target, precious, *, pdf: bool) -> None:
    assert precious.read_bytes() == PRECIOUS
    assert target.is_file() and not target.is_symlink()
    assert stat.S_IMODE(target.stat().st_mode) == new_file_mode()
    if pdf:
        assert "Budgetday" in "".join(pdf_pages(target))
    else:
        assert target.read_text(encoding="utf-8").startswith("id,title,")


def test_export_pdf_never_writes_through_a_planted_link(news, monkeypatch, tmp_path, planted):
    choose_scope(monkeypatch, SHOWN)
    target = tmp_path / "report.pdf"
    precious = planted(target)
    save_as(monkeypatch, target)
    trigger(news, "actionExportPdf")
    assert_written_safely(target, precious, pdf=True)
    assert news.statusBar().currentMessage() == f"Wrote 1 page to {target}"


def test_export_csv_never_writes_through_a_planted_link(news, monkeypatch, tmp_path, planted):
    target = tmp_path / "articles.csv"
    precious = planted(target)
    save_as(monkeypatch, target)
    trigger(news, "actionExportCsv")
    assert_written_safely(target, precious, pdf=False)


@pytest.mark.parametrize(
    ("action", "title"), [("actionExportPdf", "Export PDF"), ("actionExportCsv", "Export CSV")]
)
def test_a_missing_folder_is_named_in_words(news, monkeypatch, tmp_path, message_boxes, action, title):
    choose_scope(monkeypatch, SHOWN)
    target = tmp_path / "gone" / "out.file"
    save_as(monkeypatch, target)
    trigger(news, action)
    [box] = message_boxes
    assert box.windowTitle() == title and box.icon() == QMessageBox.Icon.Warning
    assert (
        box.text()
        == f"Cannot write {target}: the folder {tmp_path / 'gone'} does not exist. Nothing was written."
    )
    assert not (tmp_path / "gone").exists()


def print_to_file_when_asked(target, steps: list) -> None:
    """Answer the print dialog, when it opens, as a user printing to a file does: the printer
    "Print to File (PDF)" (the only one on a machine without printers), the file name typed."""

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(50, answer)
            return
        printers = dialog.findChild(QComboBox, "printers")
        printers.setCurrentIndex(printers.findText("Print to File (PDF)"))
        dialog.findChild(QLineEdit, "filename").setText(str(target))
        steps.append("print dialog")
        dialog.accept()

    QTimer.singleShot(50, answer)


def test_print_to_file_is_written_as_an_export_is(news, qtbot, monkeypatch, tmp_path, planted):
    """The print dialog's "Print to File" sets a file name on the printer; Qt would open it by
    name and follow a link there."""
    choose_scope(monkeypatch, SHOWN)
    target = tmp_path / "printed.pdf"
    precious = planted(target)
    steps = []
    print_to_file_when_asked(target, steps)
    trigger(news, "actionPrint")
    assert steps == ["print dialog"]
    assert_written_safely(target, precious, pdf=True)


def test_print_to_file_from_the_preview_is_written_as_an_export_is(
    news, qtbot, monkeypatch, tmp_path, planted
):
    choose_scope(monkeypatch, SHOWN)
    target = tmp_path / "preview.pdf"
    precious = planted(target)
    steps = []

    def press_print():
        preview = news.findChild(QPrintPreviewDialog, "printPreview")
        [button] = [action for action in preview.findChildren(QAction) if action.text() == "Print"]
        print_to_file_when_asked(target, steps)
        button.trigger()

    QTimer.singleShot(100, press_print)
    trigger(news, "actionPrintPreview")
    assert steps == ["print dialog"]
    assert_written_safely(target, precious, pdf=True)


def test_a_pdf_that_fails_half_way_leaves_the_old_file(news, monkeypatch, tmp_path):
    from ui.report import output

    def paint_then_fail(report, device):
        output_paint(report, device)
        raise RuntimeError("the layout failed half-way")

    output_paint = output.paint_report
    monkeypatch.setattr(output, "paint_report", paint_then_fail)
    target = tmp_path / "report.pdf"
    target.write_bytes(b"%PDF- the old report")
    report = build_report(news.articles.model.all_ids(), catalogue="Desk", selection="all")
    with pytest.raises(RuntimeError, match="half-way"):
        output.export_pdf(report, target)
    assert target.read_bytes() == b"%PDF- the old report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.fixture
def problems_dialog(qtbot, tmp_path):
    from catalog.importing.importer import ImportReport
    from catalog.importing.reading import Failed
    from ui.dialogs.import_report import ImportReportDialog

    report = ImportReport(failed=[Failed(str(tmp_path / "in" / "bad.txt"), "not a text file")])
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    return dialog


def test_the_import_reports_csv_never_writes_through_a_planted_link(
    problems_dialog, qtbot, monkeypatch, tmp_path, planted
):
    target = tmp_path / "import-report.csv"
    precious = planted(target)
    save_as(monkeypatch, target)
    qtbot.mouseClick(problems_dialog.findChild(QPushButton, "saveCsvButton"), Qt.MouseButton.LeftButton)
    assert precious.read_bytes() == PRECIOUS
    assert not target.is_symlink() and stat.S_IMODE(target.stat().st_mode) == new_file_mode()
    assert target.read_text(encoding="utf-8-sig").splitlines()[1].endswith(",failed,not a text file")


def test_the_import_reports_csv_names_a_missing_folder(
    problems_dialog, qtbot, monkeypatch, tmp_path, message_boxes
):
    target = tmp_path / "gone" / "import-report.csv"
    save_as(monkeypatch, target)
    qtbot.mouseClick(problems_dialog.findChild(QPushButton, "saveCsvButton"), Qt.MouseButton.LeftButton)
    [box] = message_boxes
    assert (
        box.text() == f"Could not save: cannot write {target}: the folder {tmp_path / 'gone'} does not exist"
    )


def test_export_csv_writes_formulas_as_text(news, monkeypatch, tmp_path):
    import csv

    from catalog.editing import ArticleEdit, edit_article

    article_id = news.articles.current_article_id()
    edit_article(article_id, ArticleEdit(title='=HYPERLINK("http://evil.example","x")', notes="@SUM(1)"))
    target = tmp_path / "articles.csv"
    save_as(monkeypatch, target)
    trigger(news, "actionExportCsv")
    with open(target, encoding="utf-8", newline="") as data:
        rows = {row["id"]: row for row in csv.DictReader(data)}
    row = rows[str(article_id)]
    assert (row["title"], row["notes"]) == ('\'=HYPERLINK("http://evil.example","x")', "'@SUM(1)")


def test_the_import_reports_csv_writes_formulas_as_text(qtbot, monkeypatch, tmp_path):
    from catalog.importing.importer import ImportReport
    from catalog.importing.reading import Failed
    from ui.dialogs.import_report import ImportReportDialog

    report = ImportReport(failed=[Failed("=cmd|' /C calc'!A0.txt", "-not a text file")])
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    target = tmp_path / "import-report.csv"
    save_as(monkeypatch, target)
    qtbot.mouseClick(dialog.findChild(QPushButton, "saveCsvButton"), Qt.MouseButton.LeftButton)
    expected = "'=cmd|' /C calc'!A0.txt,failed,'-not a text file"
    assert target.read_text(encoding="utf-8-sig").splitlines()[1] == expected
    qtbot.mouseClick(dialog.findChild(QPushButton, "copyButton"), Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text().splitlines()[1] == expected
    # The dialog's own table shows the name as it is.
    assert dialog.table.model().index(0, 0).data() == "=cmd|' /C calc'!A0.txt"
