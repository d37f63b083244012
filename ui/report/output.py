"""The report's three outputs: a PDF file, a printer, and the print preview (which prints).

Every PDF file, whether from Export PDF, ``catalog export-pdf`` or a print dialog's "Print to
File", is written through ``catalog.safe_output``: Qt lays the pages out into memory, and the
bytes go into a new file beside the target that replaces it only when whole. Qt never opens a
file by name, so a link planted under the target's name (or any other) is never followed.
"""

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPageLayout, QPageSize, QPaintEngine, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from catalog import __version__
from catalog.reporting import Report
from catalog.safe_output import output_file
from ui.report.glyphs import printable
from ui.report.paging import page_layout, paint_report, paper_for_locale

PDF_RESOLUTION = 300


def export_pdf(
    report: Report, target: str | Path, paper: QPageSize | None = None, *, layout: QPageLayout | None = None
) -> int:
    """Write the report to a PDF file on ``paper`` (or with a print dialog's whole ``layout``);
    returns its page count. Raises ``OutputError`` when the file cannot be written, naming it."""
    with output_file(target, "wb") as out:
        pages, data = render_pdf(report, layout or page_layout(paper or paper_for_locale()))
        out.write(data)
    return pages


def render_pdf(report: Report, layout: QPageLayout) -> tuple[int, bytes]:
    """The report as the bytes of a PDF file, and its page count."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(layout)
    writer.setTitle(printable(f"{report.catalogue} — summary report"))
    writer.setCreator(f"Catalog {__version__}")
    pages = paint_report(report, writer)
    del writer  # ends the document: its last objects and trailer go into the buffer
    buffer.close()
    return pages, buffer.data().data()


def print_report(report: Report, printer: QPrinter) -> int:
    """Print on ``printer`` as the print or preview dialog set it up (paper from its layout).
    A dialog's "Print to File" is written as an exported PDF is, not by Qt under that name."""
    if printer.outputFileName() and not _previewing(printer):
        return export_pdf(report, printer.outputFileName(), layout=printer.pageLayout())
    return paint_report(report, printer)


def _previewing(printer: QPrinter) -> bool:
    """Whether the print preview is drawing on ``printer`` (into pictures, not a file)."""
    engine = printer.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Picture


def new_printer(paper: QPageSize | None = None) -> QPrinter:
    """A printer set up for the report: high resolution, the locale's paper, report margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(paper or paper_for_locale()))
    return printer
