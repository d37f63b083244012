"""File ▸ Import JSON…, Export JSON…, Export ClaimReview…, and the exports for Zotero (CSL-JSON
and RIS): what ``catalog import-json``, ``export-json``, ``export-claimreview``, ``export-csl`` and
``export-ris`` do, through the same catalog functions, on the session's writer (after the edits
asked for before, so an export holds them), with a busy progress dialog and errors in words."""

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMainWindow, QMessageBox, QProgressDialog

from catalog.changes import EVERYTHING
from catalog.exporting.claimreview import export_claimreview
from catalog.exporting.csl_export import export_csl
from catalog.exporting.json_export import export_json
from catalog.exporting.json_import import ImportJsonError, JsonImportReport, import_json
from catalog.exporting.ris_export import export_ris
from catalog.safe_output import OutputError
from catalog.terminal_text import one_line
from ui.controllers.actions import window_action
from ui.dialogs.progress import progress_dialog
from ui.folders import last_folder, remember_export_folder, remember_folder, suggested_export
from ui.session import CatalogSession

REVIEWER_KEY = "exchange/reviewer"
JSON_FILES = "Catalog exports (*.json);;All files (*)"
CSL_FILES = "CSL-JSON (*.json);;All files (*)"
RIS_FILES = "RIS (*.ris);;All files (*)"


class ExchangeController(QObject):
    """Makes Import JSON, Export JSON, Export ClaimReview and the Zotero exports (``ui.actions``
    puts them in the File menu); ``say`` is a line in the status bar (text, milliseconds);
    ``listed_ids``, the articles the table lists, in its order: what the Zotero exports write
    (None: every article)."""

    def __init__(
        self,
        window: QMainWindow,
        session: CatalogSession,
        *,
        say: Callable[[str, int], None],
        listed_ids: Callable[[], list[int]] | None = None,
    ):
        super().__init__(window)
        self.window = window
        self.session = session
        self.say = say
        self.listed_ids = listed_ids
        self.progress: QProgressDialog | None = None  #: the running (or last) work's progress
        self.action_import_json = window_action(window, "actionImportJson", self.import_json)
        self.action_export_json = window_action(window, "actionExportJson", self.export_json)
        self.action_export_claimreview = window_action(
            window, "actionExportClaimReview", self.export_claimreview
        )
        self.action_export_csl = window_action(window, "actionExportCsl", self.export_csl)
        self.action_export_ris = window_action(window, "actionExportRis", self.export_ris)

    # --- import ---------------------------------------------------------------------------

    def import_json(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import JSON", last_folder(), JSON_FILES)
        return bool(path) and self.import_json_file(path)

    def import_json_file(self, path: str) -> bool:
        """Add the export at ``path`` to the catalogue, on the writer, in one transaction."""
        if self.session.refuse():
            return False
        remember_folder(path)
        self._busy("Importing JSON", f"Importing {one_line(path)}…")
        self.session.write(
            lambda: import_json(path),
            done=lambda report: self._imported(path, report),
            failed=lambda exc: self._failed("Import JSON", exc, "Nothing was imported."),
        )
        return True

    def _imported(self, path: str, report: JsonImportReport) -> None:
        self._end()
        self.session.announce(EVERYTHING)
        text = imported_in_words(report, path)
        self.say(text, 10_000)
        QMessageBox.information(self.window, "Import JSON", f"{text[:1].upper()}{text[1:]}.")

    # --- exports --------------------------------------------------------------------------

    def export_json(self) -> bool:
        path = self._save_as("Export JSON", f"{self.session.catalogue.name}.json", JSON_FILES)
        if not path:
            return False
        self._export("Export JSON", path, lambda: export_json(path), "article")
        return True

    def export_claimreview(self) -> bool:
        reviewer, ok = QInputDialog.getText(
            self.window,
            "Export ClaimReview",
            "Reviewed by (the newsroom named as the fact-checker):",
            QLineEdit.EchoMode.Normal,
            str(QSettings().value(REVIEWER_KEY, "")) or self.session.catalogue.name,
        )
        if not ok or not reviewer.strip():
            return False
        QSettings().setValue(REVIEWER_KEY, reviewer.strip())
        path = self._save_as(
            "Export ClaimReview", f"{self.session.catalogue.name} reviews.jsonld", "JSON-LD (*.jsonld *.json)"
        )
        if not path:
            return False
        self._export(
            "Export ClaimReview", path, lambda: export_claimreview(path, reviewer.strip()), "claim review"
        )
        return True

    def export_csl(self) -> bool:
        """The articles the table lists as CSL-JSON, for Zotero (``catalog export-csl``)."""
        return self._export_references("Export CSL-JSON", "json", CSL_FILES, export_csl)

    def export_ris(self) -> bool:
        """The articles the table lists as RIS, for Zotero and EndNote (``catalog export-ris``)."""
        return self._export_references("Export RIS", "ris", RIS_FILES, export_ris)

    def _export_references(self, title: str, suffix: str, kinds: str, export) -> bool:
        path = self._save_as(title, f"{self.session.catalogue.name} references.{suffix}", kinds)
        if not path:
            return False
        ids = self.listed_ids() if self.listed_ids else None
        self._export(title, path, lambda: export(path, ids), "article")
        return True

    def _save_as(self, title: str, name: str, kinds: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self.window, title, suggested_export(name), kinds)
        return path

    def _export(self, title: str, path: str, work, noun: str) -> None:
        remember_export_folder(path)
        self._busy(title, f"Writing {one_line(path)}…")

        def written(count: int) -> None:
            self._end()
            self.say(f"Exported {count:,} {noun}{'' if count == 1 else 's'} to {one_line(path)}", 10_000)

        self.session.write(
            work, done=written, failed=lambda exc: self._failed(title, exc, "Nothing was written.")
        )

    # --- progress and errors ----------------------------------------------------------------

    def _busy(self, title: str, label: str) -> None:
        # One transaction (or one snapshot): it cannot stop half-way, so no Cancel.
        self.progress = progress_dialog(
            self.window, name="exchangeProgress", title=title, label=label, cancel=None
        )

    def _end(self) -> None:
        if self.progress is not None:
            self.progress.close()

    def _failed(self, title: str, exc: BaseException, outcome: str) -> None:
        self._end()
        if not isinstance(exc, (ImportJsonError, OutputError)):
            self.session.write_failed(exc, self.window)  # a database error in words; a bug raises
            return
        text = one_line(str(exc))
        self.say(f"{title}: {text}", 10_000)
        QMessageBox.warning(self.window, title, f"{text[:1].upper()}{text[1:]}.\n\n{outcome}")


def imported_in_words(report: JsonImportReport, path: str) -> str:
    """What ``catalog import-json`` prints: "imported 3 articles, 1 claim and 0 links from
    FILE; 2 already in the catalogue"."""

    def counted(n: int, noun: str) -> str:
        return f"{n:,} {noun}{'' if n == 1 else 's'}"

    text = (
        f"imported {counted(report.articles, 'article')}, {counted(report.claims, 'claim')} and "
        f"{counted(report.links, 'link')} from {one_line(path)}"
    )
    return text + (f"; {len(report.duplicates):,} already in the catalogue" if report.duplicates else "")
