"""Writing a report's PDF from the command line: a QGuiApplication if there is none, the paper
asked for, and the file. The caller sets QT_QPA_PLATFORM=offscreen when there is no display."""

from PySide6.QtGui import QGuiApplication, QPageSize

from catalog.reporting import Report
from ui.report.output import export_pdf

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def write_pdf(report: Report, target: str, paper: str | None = None) -> int:
    """Write the PDF; returns its page count."""
    QGuiApplication.instance() or QGuiApplication(["catalog"])
    return export_pdf(report, target, QPageSize(PAPERS[paper]) if paper else None)
