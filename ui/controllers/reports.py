"""File ▸ Print, Print Preview, Export PDF and Export CSV (the summary report, and CSV for
spreadsheets), and Edit ▸ Suggest Summary and Suggest Summaries for Selection (one now, many in
the background), for one window."""

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
)

from catalog.articles import get_article
from catalog.editing import ArticleEdit
from catalog.exporting.csv_export import export_csv
from catalog.reporting import build_report, describe_selection
from catalog.safe_output import OutputError
from catalog.summaries import suggest_summary
from ui.controllers.actions import window_action
from ui.dialogs.progress import progress_dialog
from ui.dialogs.report_scope import ARTICLE, SELECTION, ReportScopeDialog
from ui.folders import remember_export_folder, suggested_export
from ui.models.article_table_model import ArticleTableModel
from ui.operations import articles, summaries
from ui.report.output import export_pdf, new_printer, print_report
from ui.report.paging import paper_for_locale
from ui.report.preview import set_up_preview
from ui.session import CatalogSession
from ui.workers import SummaryTask

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


class ReportsController(QObject):
    """Makes its actions (``ui.actions`` puts them in the File and Edit menus).

    What it reads of the window is given: ``listing``, the table's model (its filters, the
    articles it shows); ``selected_ids`` and ``current_id``, the table's selection and current
    article; ``say``, a line in the status bar (text, milliseconds)."""

    def __init__(
        self,
        window: QMainWindow,
        session: CatalogSession,
        *,
        listing: ArticleTableModel,
        selected_ids: Callable[[], list[int]],
        current_id: Callable[[], int | None],
        say: Callable[[str, int], None],
    ):
        super().__init__(window)
        self.window = window
        self.session = session
        self.listing = listing
        self.selected_ids = selected_ids
        self.current_id = current_id
        self.say = say
        self.summary_task: SummaryTask | None = None  #: the summaries being suggested, if any
        self.summary_progress: QProgressDialog | None = None
        self.print_preview: QPrintPreviewDialog | None = None
        self._preview_printer = None
        self.action_print = window_action(self.window, "actionPrint", self.print_summary)
        self.action_print_preview = window_action(self.window, "actionPrintPreview", self.preview_summary)
        self.action_export_pdf = window_action(self.window, "actionExportPdf", self.export_summary_pdf)
        self.action_export_csv = window_action(self.window, "actionExportCsv", self.export_articles_csv)
        self.action_suggest_summary = window_action(
            self.window, "actionSuggestSummary", self._suggest_current_summary
        )
        self.action_suggest_summaries = window_action(
            self.window, "actionSuggestSummaries", self.suggest_summaries
        )

    # --- summaries ------------------------------------------------------------------

    def _suggest_current_summary(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.suggest_summary_for(article_id)

    def suggest_summary_for(self, article_id: int) -> bool:
        """Fill one article's summary with a suggestion, as an undoable edit the user can change."""
        article = get_article(article_id)
        suggestion = suggest_summary(article["body"]) if article else ""
        if not suggestion:
            self.say("This article has no text to suggest a summary from.", 5000)
            return False
        return articles.edit_article(
            session=self.session,
            parent=self.window,
            article_id=article_id,
            version=article["version"],
            edit=ArticleEdit(summary=suggestion),
        )

    def suggest_summaries(self) -> bool:
        """Suggest summaries for the selected articles in the background, with progress and Cancel."""
        ids = self.selected_ids()
        if not ids or self.summary_task is not None:
            return False
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Suggest Summaries",
            f"Fill the empty summaries of {len(ids):,} article{'' if len(ids) == 1 else 's'} with their most "
            "central sentences?\n\nSummaries people wrote are kept unless you tick the box.",
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("suggestSummariesBox")
        overwrite = QCheckBox("Replace summaries people wrote, too", box)
        box.setCheckBox(overwrite)
        if box.exec() != QMessageBox.StandardButton.Ok:
            return False
        task = SummaryTask(ids, overwrite=overwrite.isChecked(), owner=self)
        self.summary_task = task
        dialog = progress_dialog(
            self.window,
            name="summaryProgress",
            title="Suggesting Summaries",
            label=f"Suggesting summaries for {len(ids):,} article{'' if len(ids) == 1 else 's'}…",
            maximum=len(ids),
        )
        dialog.canceled.connect(task.cancel)
        self.summary_progress = dialog
        task.signals.progressed.connect(lambda done, total: dialog.setValue(done))
        task.signals.finished.connect(self._summaries_done)
        task.signals.failed.connect(self._summaries_failed)
        self.session.write_pool.start(task)
        return True

    def _summaries_done(self, run) -> None:
        self._end_summaries()
        summaries.summaries_suggested(session=self.session, run=run)
        self.say(
            f"Summaries: {run.filled:,} filled, {run.kept:,} kept as people wrote them, "
            f"{run.empty:,} without text, {run.unchanged:,} already suggested.",
            10000,
        )

    def _summaries_failed(self, problem: str) -> None:
        self._end_summaries()
        QMessageBox.warning(
            self.window, "Suggest Summaries", f"Stopped: {problem}. Summaries already written are kept."
        )

    def _end_summaries(self) -> None:
        if self.summary_progress is not None:
            self.summary_progress.close()
        self.summary_task.signals.deleteLater()
        self.summary_task = None

    # --- the report -------------------------------------------------------------------

    def _report(self, title: str, *, ask_paper: bool):
        """Ask what the report covers; returns (Report, paper name), or None if cancelled."""
        current = self.current_id()
        article = get_article(current) if current is not None else None
        selected = self.selected_ids()
        filters = self.listing.filters
        self.listing.count_in_rest()  # every row shown is counted in
        dialog = ReportScopeDialog(
            title=title,
            current_title=article["title"] if article else None,
            selected=len(selected),
            shown=self.listing.rowCount(),
            shown_words=describe_selection(filters),
            ask_paper=ask_paper,
            paper="letter" if paper_for_locale().id() == QPageSize.PageSizeId.Letter else "a4",
            parent=self.window,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if dialog.scope() == ARTICLE:
            ids, words = [current], describe_selection(ids=[current])
        elif dialog.scope() == SELECTION:
            ids, words = selected, describe_selection(ids=selected)
        else:
            ids, words = self.listing.all_ids(), describe_selection(filters)
        return build_report(ids, catalogue=self.session.catalogue.name, selection=words), dialog.paper_name()

    def print_summary(self) -> bool:
        chosen = self._report("Print", ask_paper=False)
        if chosen is None:
            return False
        printer = new_printer()
        if QPrintDialog(printer, self.window).exec() != QDialog.DialogCode.Accepted:
            return False
        return self._print_on(chosen[0], printer, "Print")

    def preview_summary(self) -> bool:
        chosen = self._report("Print Preview", ask_paper=False)
        if chosen is None:
            return False
        printer = new_printer()  # the dialog does not own it: it must outlive the dialog
        preview = QPrintPreviewDialog(printer, self.window)
        preview.setObjectName("printPreview")
        set_up_preview(preview, self.window)
        preview.paintRequested.connect(lambda device: self._print_on(chosen[0], device, "Print Preview"))
        self.print_preview, self._preview_printer = preview, printer
        preview.exec()
        return True

    def export_summary_pdf(self) -> bool:
        chosen = self._report("Export PDF", ask_paper=True)
        if chosen is None:
            return False
        report, paper = chosen
        suggested = suggested_export(f"{self.session.catalogue.name} report.pdf")
        path, _ = QFileDialog.getSaveFileName(self.window, "Export PDF", suggested, "PDF files (*.pdf)")
        if not path:
            return False
        remember_export_folder(path)
        try:
            pages = export_pdf(report, path, QPageSize(PAPERS[paper]))
        except OutputError as exc:
            self._not_written("Export PDF", exc)
            return False
        self.say(f"Wrote {pages} page{'' if pages == 1 else 's'} to {path}", 10000)
        return True

    def export_articles_csv(self) -> bool:
        filters = self.listing.filters
        ids = self.listing.all_ids()
        suggested = suggested_export(f"{self.session.catalogue.name}.csv")
        path, _ = QFileDialog.getSaveFileName(self.window, "Export CSV", suggested, "CSV files (*.csv)")
        if not path:
            return False
        remember_export_folder(path)
        try:
            rows = export_csv(path, ids)
        except OutputError as exc:
            self._not_written("Export CSV", exc)
            return False
        shown = describe_selection(filters)
        self.say(f"Exported {rows:,} articles ({shown}) to {path}", 10000)
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
        QMessageBox.warning(self.window, title, f"{text[:1].upper()}{text[1:]}. Nothing was written.")
