"""Part of MainWindow: summaries (suggest one, or many in the background) and the summary report
(print, print preview, PDF), plus CSV for spreadsheets."""

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog
from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog, QMessageBox, QProgressDialog

from catalog.articles import get_article
from catalog.editing import ArticleEdit
from catalog.exporting.csv_export import export_csv
from catalog.reporting import build_report, describe_selection
from catalog.safe_output import OutputError
from catalog.summaries import suggest_summary
from ui.dialogs.report_scope import ARTICLE, SELECTION, ReportScopeDialog
from ui.operations import summaries
from ui.report.output import export_pdf, new_printer, print_report
from ui.report.paging import paper_for_locale
from ui.workers import SummaryTask

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


class ReportsMixin:
    def _make_report_actions(self, file_menu, edit_menu) -> None:
        self.action_print = self._action(
            "actionPrint", "&Print…", QKeySequence.StandardKey.Print, self.print_summary
        )
        self.action_print_preview = self._action(
            "actionPrintPreview", "Print Pre&view…", QKeySequence("Ctrl+Shift+P"), self.preview_summary
        )
        self.action_export_pdf = self._action(
            "actionExportPdf", "Export &PDF…", QKeySequence("Ctrl+Alt+P"), self.export_summary_pdf
        )
        self.action_export_csv = self._action(
            "actionExportCsv", "Export &CSV…", QKeySequence(), self.export_articles_csv
        )
        first = file_menu.actions()[-1]  # before Quit
        for action in (
            self.action_print,
            self.action_print_preview,
            self.action_export_pdf,
            self.action_export_csv,
        ):
            file_menu.insertAction(first, action)
        file_menu.insertSeparator(first)
        self.action_suggest_summary = self._action(
            "actionSuggestSummary",
            "Suggest S&ummary",
            QKeySequence("Ctrl+Alt+S"),
            self._suggest_current_summary,
        )
        self.action_suggest_summaries = self._action(
            "actionSuggestSummaries",
            "Suggest Summaries for Selection…",
            QKeySequence(),
            self.suggest_summaries,
        )
        edit_menu.addSeparator()
        edit_menu.addAction(self.action_suggest_summary)
        edit_menu.addAction(self.action_suggest_summaries)
        self.editor.suggest_requested.connect(self.suggest_summary_for)
        self._summary_task: SummaryTask | None = None
        self.summary_progress: QProgressDialog | None = None

    # --- summaries ------------------------------------------------------------------

    def _suggest_current_summary(self) -> None:
        article_id = self.current_article_id()
        if article_id is not None:
            self.suggest_summary_for(article_id)

    def suggest_summary_for(self, article_id: int) -> bool:
        """Fill one article's summary with a suggestion, as an undoable edit the user can change."""
        article = get_article(article_id)
        suggestion = suggest_summary(article["body"]) if article else ""
        if not suggestion:
            self.statusBar().showMessage("This article has no text to suggest a summary from.", 5000)
            return False
        return self.edit_article(article_id, article["version"], ArticleEdit(summary=suggestion))

    def suggest_summaries(self) -> bool:
        """Suggest summaries for the selected articles in the background, with progress and Cancel."""
        ids = self.selected_article_ids()
        if not ids or self._summary_task is not None:
            return False
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Suggest Summaries",
            f"Fill the empty summaries of {len(ids):,} article{'' if len(ids) == 1 else 's'} with their most "
            "central sentences?\n\nSummaries people wrote are kept unless you tick the box.",
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("suggestSummariesBox")
        overwrite = QCheckBox("Replace summaries people wrote, too", box)
        box.setCheckBox(overwrite)
        if box.exec() != QMessageBox.StandardButton.Ok:
            return False
        task = SummaryTask(ids, overwrite=overwrite.isChecked(), owner=self)
        self._summary_task = task
        dialog = QProgressDialog("Suggesting summaries…", "Cancel", 0, len(ids), self)
        dialog.setObjectName("summaryProgress")
        dialog.setWindowTitle("Suggesting Summaries")
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.canceled.connect(task.cancel)
        dialog.show()
        self.summary_progress = dialog
        task.signals.progressed.connect(lambda done, total: dialog.setValue(done))
        task.signals.finished.connect(self._summaries_done)
        task.signals.failed.connect(self._summaries_failed)
        self.session.write_pool.start(task)
        return True

    def _summaries_done(self, run) -> None:
        self._end_summaries()
        summaries.summaries_suggested(session=self.session, run=run)
        self.statusBar().showMessage(
            f"Summaries: {run.filled:,} filled, {run.kept:,} kept as people wrote them, "
            f"{run.empty:,} without text, {run.unchanged:,} already suggested.",
            10000,
        )

    def _summaries_failed(self, problem: str) -> None:
        self._end_summaries()
        QMessageBox.warning(
            self, "Suggest Summaries", f"Stopped: {problem}. Summaries already written are kept."
        )

    def _end_summaries(self) -> None:
        if self.summary_progress is not None:
            self.summary_progress.close()
        self._summary_task.signals.deleteLater()
        self._summary_task = None

    # --- the report -------------------------------------------------------------------

    def _report(self, title: str, *, ask_paper: bool):
        """Ask what the report covers; returns (Report, paper name), or None if cancelled."""
        current = self.current_article_id()
        article = get_article(current) if current is not None else None
        selected = self.selected_article_ids()
        filters = self.table_model.filters
        self.table_model.fetchMore(QModelIndex())  # every row shown is counted in
        dialog = ReportScopeDialog(
            title=title,
            current_title=article["title"] if article else None,
            selected=len(selected),
            shown=self.table_model.rowCount(),
            shown_words=describe_selection(filters),
            ask_paper=ask_paper,
            paper="letter" if paper_for_locale().id() == QPageSize.PageSizeId.Letter else "a4",
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if dialog.scope() == ARTICLE:
            ids, words = [current], describe_selection(ids=[current])
        elif dialog.scope() == SELECTION:
            ids, words = selected, describe_selection(ids=selected)
        else:
            ids, words = self.table_model.all_ids(), describe_selection(filters)
        return build_report(ids, catalogue=self.catalogue.name, selection=words), dialog.paper_name()

    def print_summary(self) -> bool:
        chosen = self._report("Print", ask_paper=False)
        if chosen is None:
            return False
        printer = new_printer()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return False
        return self._print_on(chosen[0], printer, "Print")

    def preview_summary(self) -> bool:
        chosen = self._report("Print Preview", ask_paper=False)
        if chosen is None:
            return False
        printer = new_printer()  # the dialog does not own it: it must outlive the dialog
        preview = QPrintPreviewDialog(printer, self)
        preview.setObjectName("printPreview")
        preview.paintRequested.connect(lambda device: self._print_on(chosen[0], device, "Print Preview"))
        self.print_preview, self._preview_printer = preview, printer
        preview.exec()
        return True

    def export_summary_pdf(self) -> bool:
        chosen = self._report("Export PDF", ask_paper=True)
        if chosen is None:
            return False
        report, paper = chosen
        suggested = str(Path(self._last_folder() or Path.home()) / f"{self.catalogue.name} report.pdf")
        path, _ = QFileDialog.getSaveFileName(self, "Export PDF", suggested, "PDF files (*.pdf)")
        if not path:
            return False
        try:
            pages = export_pdf(report, path, QPageSize(PAPERS[paper]))
        except OutputError as exc:
            self._not_written("Export PDF", exc)
            return False
        self.statusBar().showMessage(f"Wrote {pages} page{'' if pages == 1 else 's'} to {path}", 10000)
        return True

    def export_articles_csv(self) -> bool:
        filters = self.table_model.filters
        ids = self.table_model.all_ids()
        suggested = str(Path(self._last_folder() or Path.home()) / f"{self.catalogue.name}.csv")
        path, _ = QFileDialog.getSaveFileName(self, "Export CSV", suggested, "CSV files (*.csv)")
        if not path:
            return False
        try:
            rows = export_csv(path, ids)
        except OutputError as exc:
            self._not_written("Export CSV", exc)
            return False
        shown = describe_selection(filters)
        self.statusBar().showMessage(f"Exported {rows:,} articles ({shown}) to {path}", 10000)
        return True

    def _print_on(self, report, printer, title: str) -> bool:
        """Print, or write the PDF a print dialog's "Print to File" asked for; a file that cannot
        be written is said, and nothing else is touched."""
        try:
            print_report(report, printer)
        except OutputError as exc:
            self._not_written(title, exc)
            return False
        return True

    def _not_written(self, title: str, problem: OutputError) -> None:
        text = str(problem)  # "cannot write FILE: the reason"
        QMessageBox.warning(self, title, f"{text[:1].upper()}{text[1:]}. Nothing was written.")
