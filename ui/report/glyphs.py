"""Text as the report can print it: nothing drawn as an empty box, no control character on the page.

- Control characters (an escape sequence in a title, a bell, C1 controls, bidirectional
  overrides, bytes of a file name that were not UTF-8) are shown as the terminal shows them
  (``\\e[2J``, ``\\x07``: ``catalog.terminal_text``); line breaks and tabs stay.
- A character that neither the report's fonts (resources/fonts) nor any font on this machine
  can draw is printed as U+FFFD REPLACEMENT CHARACTER (a "?" in a diamond), the usual sign for
  "a character was here", instead of Qt's empty box. Marks and joiners that only modify their
  neighbours (combining accents, emoji joiners and variation selectors) are kept.
"""

import unicodedata
from functools import cache

from PySide6.QtGui import QFontMetricsF

from catalog.terminal_text import block
from ui.report.fonts import report_font

REPLACEMENT = "\ufffd"
#: Categories drawn as part of their neighbours (or not at all): never replaced.
_MODIFIERS = frozenset({"Mn", "Me", "Mc", "Cf", "Zs", "Zl", "Zp"})


def printable(text: str) -> str:
    """``text`` with what the page cannot show made visible (see the module's docstring)."""
    text = block(text.replace("\r\n", "\n").replace("\r", "\n"))
    if text.isascii():
        return text  # every printable ASCII character is in DejaVu Sans
    return "".join(char if _drawable(char) else REPLACEMENT for char in text)


@cache
def _drawable(char: str) -> bool:
    if char in "\n\t" or unicodedata.category(char) in _MODIFIERS:
        return True
    return _metrics().inFontUcs4(ord(char))


@cache
def _metrics() -> QFontMetricsF:
    # The report's families with every fallback Qt would try after them (the machine's fonts).
    return QFontMetricsF(report_font(10))
