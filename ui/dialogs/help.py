"""The Help menu's windows: the query language, the keyboard shortcuts (listed from a window's
own actions, so the list is never out of date) and About."""

import html
import platform
import sys

import PySide6
from PySide6.QtCore import QSettings, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QTextBrowser, QVBoxLayout

from catalog import __version__
from catalog.places import data_folder, default_location
from ui.actions import BY_NAME

QUERY_EXAMPLES = (
    ("tanks drones", "articles with both words, anywhere (Zoe also finds Zoë)"),
    ('"peace talks"', "the words in this order"),
    ("sanctions -oil", "sanctions, but not oil"),
    ("tanks OR drones", "either word"),
    ("ukrain*", "words starting so: Ukraine, Ukrainian, ukrainska"),
    ('author:"Dave DeCamp"', "by this author (also outlet:, topic:, title:, claim:)"),
    ("outlet:antiwar", "from an outlet whose name has this word"),
    ("topic:elections", "filed under this topic or one below it"),
    ('claim:"will retake"', "articles with a marked claim saying so"),
    ("since:2022-01-01", "dated on or after (until: for on or before)"),
    ("year:2022, since:2022-06", "a year, or a month, works as a date too"),
    ("ukraine confidence since:2022-06 -russia", "all of these together"),
)

KEYS_BESIDE_ACTIONS = (
    ("Escape (in the search box)", "Clear the search"),
    ("Enter (in the search box)", "Search now, without the short pause"),
    ("Enter (in the article table)", "Read the article: focus moves to the reading pane"),
    ("Ctrl+F (in the reading pane)", "Find in the article"),
    ("Shift+arrows (in the reading pane)", "Select text, for Mark as Claim"),
    ("Ctrl+wheel (over the reading pane)", "Zoom the article"),
    ("Enter, Shift+Enter (in the find bar)", "Next, previous place found; Escape closes the bar"),
    ("F2 (in the article table)", "Edit the cell"),
    ("Tab, Shift+Tab", "Move between the table, the reading pane and the editor's fields"),
)

QUERY_SYNTAX = (
    "<h2>Searching</h2><p>Type in the search box (Ctrl+F). Results follow as you type, "
    "best matches first, with the matching text beside each title and highlighted in the "
    "article. The sidebar's choices narrow the search further.</p>"
    "{examples}"
    "<p>Anything else you type is searched as plain words: a stray quote or colon "
    "never breaks a search. Case and accents do not matter. A word ending in * needs two "
    "letters or more before it; a search too costly to run (too many words, a prefix that "
    "matches too many) is not run, and the status bar says why. Press Escape to clear the "
    "search; Edit ▸ Save Search… keeps it in the sidebar.</p>"
    "<p>The same language works on the command line: "
    "<code>catalog search 'ukraine since:2022'</code>.</p>"
)


class HelpDialog(QDialog):
    """A page of help beside the window (not modal: it can stay open while the user works)."""

    def __init__(self, name: str, title: str, body: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        text = QTextBrowser(self)
        text.setObjectName(f"{name}Text")
        text.setOpenExternalLinks(True)
        text.setHtml(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(640, 560)


def query_syntax_dialog(parent=None) -> HelpDialog:
    body = QUERY_SYNTAX.format(examples=_table(QUERY_EXAMPLES))
    return HelpDialog("querySyntaxDialog", "Query Syntax", body, parent)


def shortcuts_dialog(window: QMainWindow) -> HelpDialog:
    body = (
        "<h2>Keyboard shortcuts</h2><p>Every command is in a menu: Alt and the underlined "
        "letter opens it from the keyboard.</p>" + _table(shortcuts(window) + list(KEYS_BESIDE_ACTIONS))
    )
    return HelpDialog("shortcutsDialog", "Keyboard Shortcuts", body, window)


def shortcuts(window: QMainWindow) -> list[tuple[str, str]]:
    """(keys, what they do) for every action of ``window`` that has keys, menu by menu, then
    the window's own actions that are in no menu."""
    rows, seen = [], set()
    for menu_action in window.menuBar().actions():
        for action in _all_actions(menu_action.menu()):
            keys = ", ".join(
                key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()[:2]
            )
            name = _name(action).rstrip("…")
            if keys and name not in seen:
                seen.add(name)
                rows.append((keys, f"{menu_action.text().replace('&', '')} ▸ {name}"))
    for keys, clean in ((a.shortcut().toString(), _name(a)) for a in window.actions()):
        if keys and clean not in seen:
            seen.add(clean)
            rows.append((keys, clean))
    return rows


def _name(action: QAction) -> str:
    """The action's name as the table gives it ("Undo"), not its text of the moment ("Undo Edit
    title of …"), without its mnemonic."""
    row = BY_NAME.get(action.objectName())
    text = row.text if row is not None and row.text else action.text()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def about_text(location: str) -> str:
    """About Catalog: the version, the catalogue shown (``location``, never with a password)
    and where the default catalogue, the data and the settings live."""
    return (
        f"<h3>Catalog {__version__}</h3>"
        "<p>Catalogue news articles: import, edit, search, mark and link claims, print "
        "summaries.</p>"
        f"<p><b>This catalogue:</b> {html.escape(location)}<br>"
        f"<b>Default catalogue:</b> {html.escape(default_location())}<br>"
        f"<b>Data folder:</b> {html.escape(data_folder())}<br>"
        f"<b>Settings:</b> {html.escape(QSettings().fileName())}</p>"
        f"<p>Python {platform.python_version()} · Qt {qVersion()} · PySide6 "
        f"{PySide6.__version__} · {html.escape(sys.platform)}</p>"
        "<p>MIT licence. Icons drawn for Catalog (MIT); DejaVu fonts (Bitstream Vera "
        "licence) for reports.</p>"
    )


def _table(rows) -> str:
    cells = "".join(
        f"<tr><td style='padding:3px 14px 3px 0'><code>{html.escape(a)}</code></td>"
        f"<td style='padding:3px 0'>{html.escape(b)}</td></tr>"
        for a, b in rows
    )
    return f"<table>{cells}</table>"


def _all_actions(menu):
    for action in menu.actions():
        if action.menu() is not None:
            yield from _all_actions(action.menu())
        elif not action.isSeparator():
            yield action
