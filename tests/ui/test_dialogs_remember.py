"""Dialogs start where the user left them: the report's scope and paper, and Print Preview's
size and zoom (it used to open at 692×666 and 38 %, whatever was set last time)."""

from PySide6.QtCore import QSize, QTimer
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.driving import import_and_wait, trigger
from tests.ui.test_reports import write_articles
from ui.dialogs.report_scope import ARTICLE, SELECTION, SHOWN, ReportScopeDialog


def scope_dialog(qtbot, *, selected=3, current="Budget day", ask_paper=True) -> ReportScopeDialog:
    dialog = ReportScopeDialog(
        title="Export PDF",
        current_title=current,
        selected=selected,
        shown=12,
        shown_words="every article in the catalogue",
        ask_paper=ask_paper,
        paper="a4",
    )
    qtbot.addWidget(dialog)
    return dialog


def test_the_report_scope_and_paper_are_remembered(qtbot):
    first = scope_dialog(qtbot)
    assert first.scope() == SELECTION  # several selected: those, the first time
    first.group.button(SHOWN).setChecked(True)
    first.paper.setCurrentIndex(first.paper.findData("letter"))
    first.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    again = scope_dialog(qtbot)
    assert again.scope() == SHOWN and again.paper_name() == "letter"


def test_a_remembered_scope_that_does_not_apply_now_gives_way(qtbot):
    first = scope_dialog(qtbot)
    first.group.button(SELECTION).setChecked(True)
    first.accept()
    one_selected = scope_dialog(qtbot, selected=1)
    assert one_selected.scope() == ARTICLE


def test_cancel_remembers_nothing(qtbot):
    first = scope_dialog(qtbot)
    first.group.button(SHOWN).setChecked(True)
    first.reject()
    assert scope_dialog(qtbot).scope() == SELECTION


def open_preview(win, qtbot, act) -> dict:
    """Open Print Preview, let ``act(dialog, widget)`` look and change, close it; what it saw."""
    seen = {}

    def look_and_close():
        dialog = win.reports.print_preview
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(100, look_and_close)  # not open yet
            return
        widget = dialog.findChild(QPrintPreviewWidget)
        seen.update(size=dialog.size(), mode=widget.zoomMode(), zoom=widget.zoomFactor())
        act(dialog, widget)
        dialog.close()

    QTimer.singleShot(300, look_and_close)
    trigger(win, "actionPrintPreview")
    return seen


def test_print_preview_opens_large_at_the_pages_width_and_as_it_was_left(
    window, qtbot, monkeypatch, tmp_path
):
    write_articles(tmp_path / "news", 3)
    import_and_wait(qtbot, window, [str(tmp_path / "news")])
    monkeypatch.setattr(ReportScopeDialog, "exec", lambda dialog: dialog.accept() or 1)

    def zoom_in(dialog, widget):
        dialog.resize(760, 640)
        widget.setZoomFactor(1.5)

    first = open_preview(window, qtbot, zoom_in)
    available = window.screen().availableGeometry()
    assert first["size"].width() >= min(900, available.width())
    assert first["size"].height() >= min(700, available.height())
    assert first["mode"] == QPrintPreviewWidget.ZoomMode.FitToWidth
    assert first["zoom"] > 0.6  # a page's width across most of the window: readable
    second = open_preview(window, qtbot, lambda dialog, widget: None)
    assert second["size"] == QSize(760, 640)
    assert second["mode"] == QPrintPreviewWidget.ZoomMode.CustomZoom and abs(second["zoom"] - 1.5) < 0.01
