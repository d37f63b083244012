"""Text for CSV cells that a spreadsheet shows as text and never runs as a formula.

Titles, names, summaries, notes and file names come from files nobody checked. A cell that
begins with ``=``, ``+``, ``-`` or ``@`` is a formula to Excel, LibreOffice Calc and Google
Sheets, and ``=HYPERLINK(…)`` or ``=cmd|' /C calc'!A0`` then runs when a colleague opens the
export. As OWASP recommends, such a cell is written with a ``'`` in front, which spreadsheets
take as "this is text" (Excel hides it). Also covered, as OWASP and ASVS list them or as
spreadsheets were seen to read them: a leading tab, carriage return, line feed or NUL, the
full-width ``＝ ＋ － ＠``, and any of these after leading spaces.
"""

FORMULA_STARTS = frozenset("=+-@\t\r\n\0＝＋－＠")
_LEADING_SPACE = " \u00a0\u3000"


def text_cell(value: str) -> str:
    """``value`` as a spreadsheet will show it, never as a formula: a ``'`` in front of text
    that would start one; anything else unchanged."""
    if value and (value[0] in FORMULA_STARTS or value.lstrip(_LEADING_SPACE)[:1] in FORMULA_STARTS):
        return "'" + value
    return value
