"""The print preview opens large, at a readable zoom (the page's width filling the window), and
as the user left it last time: its size and zoom are kept in the settings."""

from PySide6.QtCore import QSettings, QSize, QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget

GEOMETRY_KEY = "reports/previewGeometry"
ZOOM_MODE_KEY = "reports/previewZoomMode"
ZOOM_FACTOR_KEY = "reports/previewZoomFactor"
ZoomMode = QPrintPreviewWidget.ZoomMode


def set_up_preview(preview: QPrintPreviewDialog, window: QWidget) -> None:
    """Size ``preview`` as last left (else most of the window, as big as the screen allows),
    restore its zoom (else fit the page's width) and keep both when it closes."""
    settings = QSettings()
    geometry = settings.value(GEOMETRY_KEY)
    if geometry is None or not preview.restoreGeometry(geometry):
        preview.resize(default_size(window))
    mode = ZoomMode(int(settings.value(ZOOM_MODE_KEY, ZoomMode.FitToWidth.value)))
    factor = float(settings.value(ZOOM_FACTOR_KEY, 1.0))
    # The dialog sets its own zoom as it first shows: ours goes after that.
    QTimer.singleShot(0, preview, lambda: _zoom(preview, mode, factor))
    preview.finished.connect(lambda _result: remember_preview(preview))


def default_size(window: QWidget) -> QSize:
    available = window.screen().availableGeometry()
    width = min(available.width(), max(900, int(window.width() * 0.85)))
    height = min(available.height(), max(700, int(window.height() * 0.95)))
    return QSize(width, height)


def preview_widget(preview: QPrintPreviewDialog) -> QPrintPreviewWidget:
    return preview.findChild(QPrintPreviewWidget)


def remember_preview(preview: QPrintPreviewDialog) -> None:
    widget = preview_widget(preview)
    settings = QSettings()
    settings.setValue(GEOMETRY_KEY, preview.saveGeometry())
    settings.setValue(ZOOM_MODE_KEY, widget.zoomMode().value)
    settings.setValue(ZOOM_FACTOR_KEY, widget.zoomFactor())


def _zoom(preview: QPrintPreviewDialog, mode: ZoomMode, factor: float) -> None:
    """Zoom as the dialog's own buttons do, so its toolbar shows the mode that is on."""
    fits = {ZoomMode.FitToWidth: "fitWidthAction", ZoomMode.FitInView: "fitPageAction"}
    if mode in fits:
        preview.findChild(QAction, fits[mode]).trigger()
        return
    for name in fits.values():  # a zoom of its own: neither fit button is down
        action = preview.findChild(QAction, name)
        action.actionGroup().setExclusive(False)
        action.setChecked(False)
    preview_widget(preview).setZoomFactor(factor)
