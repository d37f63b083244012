"""The report's font: DejaVu Sans from resources/fonts, so accented, Greek and Cyrillic text
prints the same on every machine (a PDF embeds the glyphs it uses)."""

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from ui.resources import resources_folder

FAMILY = "DejaVu Sans"


@cache
def _loaded() -> str:
    """Register the bundled font files once; the family name to ask for."""
    families = []
    for path in sorted((resources_folder() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return FAMILY if FAMILY in families or FAMILY in QFontDatabase.families() else QFont().family()


def report_font(points: float, *, bold: bool = False) -> QFont:
    font = QFont(_loaded())
    font.setPointSizeF(points)
    font.setBold(bold)
    return font
