"""The report's fonts, from resources/fonts, so a report prints the same on every machine (a PDF
embeds the glyphs it uses): DejaVu Sans for Latin, Greek and Cyrillic, then a Hangul subset of
Noto Sans KR for Korean, then Noto Emoji (monochrome outlines, which print and embed like text)
for emoji. Qt tries them in that order before the machine's own fonts."""

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from ui.resources import resources_folder

FAMILY = "DejaVu Sans"
#: Tried in order, for characters the main family lacks.
FALLBACKS = ("Noto Sans KR Hangul", "Noto Emoji")


@cache
def report_families() -> tuple[str, ...]:
    """Register the bundled font files once; the families to ask for, main one first."""
    loaded = set()
    for path in sorted((resources_folder() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            loaded.update(QFontDatabase.applicationFontFamilies(font_id))
    known = loaded | set(QFontDatabase.families())
    families = tuple(family for family in (FAMILY, *FALLBACKS) if family in known)
    return families or (QFont().family(),)


def report_font(points: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(list(report_families()))
    font.setPointSizeF(points)
    font.setBold(bold)
    return font
