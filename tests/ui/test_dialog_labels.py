"""Every dialog the window opens, at 1200×760, shows its words whole: no label, button or group
title narrower than its text (unless it wraps). Dialogs are opened as a person opens them, from
the window's actions (so dialogs added later are checked too), plus the ones only a situation
opens (an import's report, an edit conflict)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTabBar,
    QVBoxLayout,
)

from catalog.changes import EVERYTHING
from catalog.claims.store import add_claim_by_text, get_claim
from catalog.conflicts import FieldConflict
from catalog.importing.importer import Duplicate, Failed, ImportReport
from tests.helpers import article_file
from tests.ui.driving import import_and_wait
from tests.ui.test_menus import walk
from ui.dialogs.claim_suggestions import SuggestionsDialog
from ui.dialogs.edit_conflict import EditConflictDialog
from ui.dialogs.import_report import ImportReportDialog
from ui.dialogs.link_claim import LinkClaimDialog
from ui.dialogs.names_manager import NamesManagerDialog

#: Actions that open no dialog of ours: they leave, open another window, or are Qt's own.
NOT_DIALOGS = {"actionQuit", "actionNewCatalogue", "actionOpenCatalogue", "actionAbout"}


def plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    ):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def cut_words(dialog: QDialog) -> list[str]:
    """What ``dialog`` cuts: each label, button and group title whose text is wider than its room."""
    dialog.show()
    QApplication.processEvents()
    name = dialog.objectName() or type(dialog).__name__
    problems = []
    for label in dialog.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or not label.text():
            continue
        room = label.contentsRect().width() - 2 * label.margin()
        for line in plain(label).splitlines():
            if label.fontMetrics().horizontalAdvance(line) > room + 1:
                problems.append(
                    f"{name}: label “{line}” needs {label.fontMetrics().horizontalAdvance(line)} px, has {room}"
                )
    for button in dialog.findChildren(QAbstractButton):
        shown = button.isVisible() and button.text() and not isinstance(button.parent(), QTabBar)
        if shown and button.width() < button.sizeHint().width():
            problems.append(
                f"{name}: button “{button.text()}” is {button.width()} px of {button.sizeHint().width()}"
            )
    for group in dialog.findChildren(QGroupBox):
        if group.isVisible() and group.title():
            needed = group.fontMetrics().horizontalAdvance(group.title().replace("&", "")) + 24
            if group.width() < needed:
                problems.append(f"{name}: group “{group.title()}” is {group.width()} px of {needed}")
    for bar in dialog.findChildren(QTabBar):
        for index in range(bar.count()):
            text = bar.tabText(index).replace("&", "")
            if bar.isVisible() and bar.tabRect(index).width() < bar.fontMetrics().horizontalAdvance(text):
                problems.append(f"{name}: tab “{text}” is cut")
    return problems


def test_the_check_sees_a_cut_label_a_cut_button_and_a_cut_group(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    group = QGroupBox("A group title far wider than the room it is given here", dialog)
    inner = QVBoxLayout(group)
    inner.addWidget(QLabel("A label far wider than the room it is given in this dialog", group))
    inner.addWidget(QPushButton("A button far wider than the room it is given", group))
    layout.addWidget(group)
    dialog.setFixedWidth(120)
    assert len(cut_words(dialog)) == 3


@pytest.fixture
def desk(window, qtbot, tmp_path, monkeypatch):
    """The window at 1200×760 with articles (one with a rated claim), the first two selected,
    every dialog opened by exec() looked at and closed, Qt's file and print dialogs answered."""
    window.resize(1200, 760)
    folder = tmp_path / "news"
    folder.mkdir()
    for number, (title, body) in enumerate(
        [
            ("Iran tests a missile", "Tehran said the missile test succeeded, officials said on Monday."),
            ("North Korea launches again", "Pyongyang launched a missile over the sea, Seoul said."),
            ("Budget day", "The minister said taxes will fall next year."),
        ]
    ):
        (folder / f"{number}.txt").write_text(
            article_file(
                title,
                body,
                header=f" date 2022-05-0{number + 1} Authored by Ann Lee via Deutsche Welle (English edition),",
            )
        )
    import_and_wait(qtbot, window, [str(folder)])
    window.importer.report_dialog.close()
    article_id = window.articles.current_article_id()
    claim_id = add_claim_by_text(article_id, "said", verdict="false")
    window.session.announce(EVERYTHING)
    window.claim_id = claim_id
    window.articles.table.selectRow(0)
    window.articles.table.selectionModel().select(
        window.articles.model.index(1, 0),
        window.articles.table.selectionModel().SelectionFlag.Select
        | window.articles.table.selectionModel().SelectionFlag.Rows,
    )
    seen: list[str] = []

    def look(dialog) -> int:
        seen.extend(cut_words(dialog))
        dialog.hide()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", look)
    for kind in (QPrintDialog, QPrintPreviewDialog):
        monkeypatch.setattr(kind, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([], ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("", False))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.seen_cut = seen
    return window


def test_every_dialog_of_the_window_shows_its_words_whole(desk, qtbot):
    opened = []
    for bar_action in desk.menuBar().actions():
        for _, items in walk(bar_action.menu(), bar_action.text()):
            for action in items:
                name = action.objectName()
                if action.menu() is not None or not name.startswith("action") or name in NOT_DIALOGS:
                    continue
                if not action.isEnabled():
                    continue
                before = {
                    id(d) for d in QApplication.topLevelWidgets() if isinstance(d, QDialog) and d.isVisible()
                }
                action.trigger()
                QApplication.processEvents()
                for dialog in QApplication.topLevelWidgets():
                    if isinstance(dialog, QDialog) and dialog.isVisible() and id(dialog) not in before:
                        if isinstance(dialog, QMessageBox):
                            dialog.close()
                            continue
                        opened.append(dialog.objectName())
                        desk.seen_cut.extend(cut_words(dialog))
                        dialog.close()
                opened.append(name)
    assert "actionImportFolder" in opened and "actionManageNames" in opened
    assert desk.seen_cut == []


def test_dialogs_only_a_situation_opens_show_their_words_whole(desk, qtbot):
    report = ImportReport(
        failed=[
            Failed("/home/desk/incoming/a very long folder name/of articles/broken.txt", "not a text file")
        ],
        duplicates=[Duplicate("/home/desk/incoming/b.txt", 1, "Iran tests a missile")],
    )
    problems = cut_words(ImportReportDialog(report, desk))
    fields = [
        FieldConflict("title", "Old", "Their title of some length", "My own title of some length"),
        FieldConflict("outlet", "Daily", "Deutsche Welle (English edition)", "The Huffington Post"),
    ]
    problems += cut_words(EditConflictDialog("Iran tests a missile", fields, desk, step="Undo"))
    problems += cut_words(EditConflictDialog("Iran tests a missile", fields, desk))
    problems += cut_words(NamesManagerDialog(desk.editing, desk))
    problems += cut_words(LinkClaimDialog(get_claim(desk.claim_id), desk))
    problems += cut_words(SuggestionsDialog(get_claim(desk.claim_id), [], desk))
    problems += cut_words(ImportReportDialog(ImportReport(), desk))
    desk.articles.table.selectAll()
    desk.reports.suggest_summaries()
    progress = desk.findChild(QProgressDialog, "summaryProgress")
    problems += cut_words(progress)
    qtbot.waitUntil(lambda: desk.statusBar().currentMessage().startswith("Summaries:"), timeout=10_000)
    assert problems == []
