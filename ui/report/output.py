"""The report's three outputs: a PDF file, a printer, and the print preview (which prints)."""

from pathlib import Path

from PySide6.QtGui import QPageSize, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from catalog import __version__
from catalog.reporting import Report
from ui.report.paging import page_layout, paint_report, paper_for_locale

PDF_RESOLUTION = 300


def export_pdf(report: Report, target: str | Path, paper: QPageSize | None = None) -> int:
    """Write the report to a PDF file; returns its page count. Written beside and moved into
    place, so a failure never leaves half a file."""
    target = Path(target)
    partial = target.with_name(f".{target.name}.partial")
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(paper or paper_for_locale()))
    writer.setTitle(f"{report.catalogue} — summary report")
    writer.setCreator(f"Catalog {__version__}")
    try:
        pages = paint_report(report, writer)
        del writer  # closes the file
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return pages


def print_report(report: Report, printer: QPrinter) -> int:
    """Print on ``printer`` as the print or preview dialog set it up (paper from its layout)."""
    return paint_report(report, printer)


def new_printer(paper: QPageSize | None = None) -> QPrinter:
    """A printer set up for the report: high resolution, the locale's paper, report margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(paper or paper_for_locale()))
    return printer
