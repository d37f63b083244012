"""Text from articles and file names made safe to print on a terminal or into a log.

Titles, names and file names come from files nobody checked: an escape sequence in one could
recolour, retitle or clear a terminal, and a newline in a file name could forge a line of an
import report. As ``ls`` and ``git`` do, control characters are shown as escapes instead.
JSON output needs none of this: ``json.dumps`` escapes control characters itself.
"""

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}
# Bidirectional embeddings, overrides and isolates reorder what follows them on screen.
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")
_CONTROLS_BUT_LINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def one_line(text: str) -> str:
    """``text`` as one printable line: every control character (newlines too) as an escape."""
    return _CONTROLS.sub(_escape, text) if text else text


def block(text: str) -> str:
    """``text`` printable as several lines: newlines and tabs kept, other controls escaped."""
    return _CONTROLS_BUT_LINES.sub(_escape, text) if text else text
