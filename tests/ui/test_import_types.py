"""The types of file the window imports: File ▸ Import Files' filters, the Import Folder
dialog's boxes of types and its patterns, and web pages and PDFs dropped on the window; all
from catalog.importing.formats.TYPES, the one place that says which types there are."""

import gzip
import importlib.util
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSettings, Qt, QTimer
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QStyle,
    QStyleOptionButton,
)

from benchmarks.real_text import lee_articles
from catalog.importing.files import DEFAULT_PATTERN, find_files
from catalog.importing.formats import TYPES, patterns_of
from tests.ui.driving import drop, trigger
from ui.controllers.importing import FILES_FILTER_KEY, FOLDER_PATTERN_KEY
from ui.dialogs.import_folder import ALL_FILES, TYPE_LABELS, ImportFolderDialog, file_types, name_filters

PAGE = str(
    Path(__file__).resolve().parents[1] / "fixtures" / "web-pages" / "boingboing.net.millenials.html.gz"
)
EXPECTED_FILTERS = [
    f"All articles ({DEFAULT_PATTERN})",
    "Text (*.txt)",
    "Web pages (*.html *.htm *.xhtml *.html.gz *.htm.gz)",
    "PDF (*.pdf)",
    "Word (*.docx)",
    "E-mail (*.eml *.mbox)",
    "Feeds (*.rss *.atom *.xml)",
    "Web archives (*.warc *.warc.gz)",
    "Zotero (*.json *.ris)",
    "All files (*)",
]


def test_import_files_offers_every_type_then_each_one_and_remembers_the_choice(
    window, qtbot, monkeypatch, tmp_path
):
    asked = []
    page = tmp_path / "page.html"
    page.write_bytes(gzip.decompress(Path(PAGE).read_bytes()))

    def get_open_file_names(parent, caption, folder, filters, selected="", *args, **kwargs):
        asked.append((filters, selected))
        return [str(page)] if len(asked) == 1 else [], "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", get_open_file_names)
    with qtbot.waitSignal(window.import_finished, timeout=30_000):
        trigger(window, "actionImportFiles")
    window.importer.report_dialog.close()
    assert asked == [(";;".join(EXPECTED_FILTERS), EXPECTED_FILTERS[0])]
    trigger(window, "actionImportFiles")
    assert asked[1][1] == "PDF (*.pdf)"  # the type chosen last time


def test_a_filter_remembered_that_is_no_longer_offered_falls_back_to_all(window, monkeypatch):
    asked = []
    QSettings().setValue(FILES_FILTER_KEY, "Text files (*.txt)")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: asked.append(args[4]) or ([], ""))
    trigger(window, "actionImportFiles")
    assert asked == [EXPECTED_FILTERS[0]]


def test_every_type_has_a_label_and_the_filters_come_from_the_types():
    labelled = [kind for _, kinds in TYPE_LABELS for kind in kinds]
    assert sorted(labelled) == sorted(TYPES), "a type without a label, or a label for no type"
    every = [name for _, names in file_types() for name in names]
    assert every == list(patterns_of()) == DEFAULT_PATTERN.split()
    assert name_filters()[-1] == ALL_FILES


def test_a_type_without_a_label_is_still_offered(monkeypatch):
    monkeypatch.setitem(TYPES, "epub", ("*.epub",))
    assert file_types()[-1] == ("epub", ("*.epub",))
    assert "epub (*.epub)" in name_filters()


def boxes(dialog) -> dict[str, QCheckBox]:
    return {box.text(): box for box in dialog.findChildren(QCheckBox)}


def click(qtbot, box: QCheckBox) -> None:
    """A click on the box's square, where a person clicks it."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    square = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=square.center())


def shown_dialog(qtbot, folder: str = "/some/folder") -> ImportFolderDialog:
    dialog = ImportFolderDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_folder_dialog_takes_every_type_by_default(qtbot):
    dialog = shown_dialog(qtbot)
    assert list(boxes(dialog)) == [label for label, _ in TYPE_LABELS]
    assert all(box.isChecked() for box in boxes(dialog).values())
    assert dialog.findChild(QLineEdit, "patternEdit").text() == DEFAULT_PATTERN
    assert dialog.pattern() == DEFAULT_PATTERN
    assert boxes(dialog)["E-mail"].toolTip() == "*.eml *.mbox"


def test_unticking_types_narrows_the_pattern_and_ticking_puts_them_back(qtbot):
    dialog = shown_dialog(qtbot)
    for label, box in boxes(dialog).items():
        if label not in ("PDF", "Word"):
            click(qtbot, box)
    assert dialog.pattern() == "*.pdf *.docx"
    click(qtbot, boxes(dialog)["Text"])
    assert dialog.pattern() == "*.txt *.pdf *.docx"  # in the types' order, whatever the clicks'


def test_patterns_typed_stay_and_tick_their_types(qtbot):
    dialog = shown_dialog(qtbot)
    field = dialog.findChild(QLineEdit, "patternEdit")
    field.clear()
    qtbot.keyClicks(field, "*.md *.PDF *.eml")
    ticked = [label for label, box in boxes(dialog).items() if box.isChecked()]
    assert ticked == ["PDF"]  # E-mail is ticked only with all of its names (.mbox too)
    click(qtbot, boxes(dialog)["Web pages"])
    assert dialog.pattern() == "*.html *.htm *.xhtml *.html.gz *.htm.gz *.pdf *.eml *.md"


def test_nothing_to_take_cannot_be_imported(qtbot):
    dialog = shown_dialog(qtbot)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    for box in boxes(dialog).values():
        click(qtbot, box)
    assert dialog.findChild(QLineEdit, "patternEdit").text() == ""
    assert not ok.isEnabled()
    click(qtbot, boxes(dialog)["Feeds"])
    assert ok.isEnabled() and dialog.pattern() == "*.rss *.atom *.xml"


def test_the_patterns_find_the_files_of_the_types_ticked(qtbot, tmp_path):
    for name in ("a.txt", "b.HTML", "c.pdf", "d.docx", "e.mbox", "f.warc.gz", "g.ris", "h.png"):
        (tmp_path / name).write_bytes(b"x")
    dialog = shown_dialog(qtbot, str(tmp_path))
    found = sorted(path.rsplit("/", 1)[1] for path in find_files([str(tmp_path)], dialog.pattern()))
    assert found == ["a.txt", "b.HTML", "c.pdf", "d.docx", "e.mbox", "f.warc.gz", "g.ris"]
    for label in ("Text", "E-mail", "Web archives", "Zotero"):
        click(qtbot, boxes(dialog)[label])
    found = sorted(path.rsplit("/", 1)[1] for path in find_files([str(tmp_path)], dialog.pattern()))
    assert found == ["b.HTML", "c.pdf", "d.docx"]


def test_the_folder_dialog_imports_only_the_types_ticked(window, qtbot, tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "page.html").write_bytes(gzip.decompress(Path(PAGE).read_bytes()))
    (folder / "notes.txt").write_text(lee_articles()[3], encoding="utf-8")

    def only_web_pages():
        dialog = window.findChild(ImportFolderDialog, "importFolderDialog")
        dialog.findChild(QLineEdit, "folderEdit").setText(str(folder))
        for label, box in boxes(dialog).items():
            if label != "Web pages":
                click(qtbot, box)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, only_web_pages)
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as finished:
        trigger(window, "actionImportFolder")
    report = finished.args[0]
    assert report.summary() == "1 imported, 0 duplicates, 0 failed"
    assert report.imported[0].path.endswith("page.html")


def test_the_folder_dialog_starts_with_the_types_chosen_last(window, qtbot, tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    seen = []

    def choose(keep: tuple[str, ...]):
        def fill_in():
            dialog = window.findChild(ImportFolderDialog, "importFolderDialog")
            seen.append([label for label, box in boxes(dialog).items() if box.isChecked()])
            dialog.findChild(QLineEdit, "folderEdit").setText(str(folder))
            for label, box in boxes(dialog).items():
                if box.isChecked() != (label in keep):
                    click(qtbot, box)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        QTimer.singleShot(0, fill_in)
        with qtbot.waitSignal(window.import_finished, timeout=30_000):
            trigger(window, "actionImportFolder")
        window.importer.report_dialog.close()

    every = tuple(label for label, _ in TYPE_LABELS)
    choose(("PDF", "Word"))
    choose(every)
    choose(every)
    assert seen == [list(every), ["PDF", "Word"], list(every)]
    # Every type is remembered as every type, not as today's list: a type added later is taken.
    assert QSettings().value(FOLDER_PATTERN_KEY) == ""


def write_pdf(path, paragraphs: list[str]) -> None:
    """A real PDF with a text layer, written by Qt."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20)
        )
    )
    writer.setTitle("Bushfires close the Hume Highway")
    painter = QPainter(writer)
    box = painter.viewport().adjusted(0, 0, 0, -200)
    painter.drawText(box, Qt.TextFlag.TextWordWrap, "\n\n".join(paragraphs))
    painter.end()


def test_a_dropped_web_page_and_pdf_are_taken_each_by_what_it_holds(window, qtbot, tmp_path):
    page = tmp_path / "millennials.html"
    page.write_bytes(gzip.decompress(Path(PAGE).read_bytes()))
    pdf = tmp_path / "bushfires.pdf"
    write_pdf(pdf, lee_articles()[0].split(". ")[:6])
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as finished:
        drop(window, [page, pdf])
    report = finished.args[0]
    assert report.files_seen == 2  # both were taken: none left out for its name
    imported = [item.path for item in report.imported]
    if importlib.util.find_spec("catalog.importing.formats.pdf") is not None:
        assert sorted(imported) == sorted([str(pdf), str(page)])
    else:  # a build without the PDF reader yet: the PDF is reported with a reason, not lost
        assert imported == [str(page)]
        assert [(failed.path, "Traceback" in failed.reason) for failed in report.failed] == [
            (str(pdf), False)
        ]


def test_a_dropped_folder_takes_every_type(window, qtbot, tmp_path):
    folder = tmp_path / "collected"
    folder.mkdir()
    (folder / "page.htm").write_bytes(gzip.decompress(Path(PAGE).read_bytes()))
    (folder / "story.txt").write_text(lee_articles()[5], encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as finished:
        drop(window, [folder])
    assert finished.args[0].summary() == "2 imported, 0 duplicates, 0 failed"
