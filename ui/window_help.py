"""Part of MainWindow: the Help menu. Query syntax, keyboard shortcuts (listed from the
window's own actions, so the list is never out of date) and About."""

import html
import platform
import sys

import platformdirs
import PySide6
from PySide6.QtCore import QSettings, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout

from catalog import __version__
from catalog.db import default_location

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
    ("F2 (in the article table)", "Edit the cell"),
    ("Tab, Shift+Tab", "Move between the table, the reading pane and the editor's fields"),
)


def _dialog(parent, name: str, title: str, body: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    text = QTextBrowser(dialog)
    text.setObjectName(f"{name}Text")
    text.setOpenExternalLinks(True)
    text.setHtml(body)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(640, 560)
    return dialog


def _table(rows) -> str:
    cells = "".join(
        f"<tr><td style='padding:3px 14px 3px 0'><code>{html.escape(a)}</code></td>"
        f"<td style='padding:3px 0'>{html.escape(b)}</td></tr>"
        for a, b in rows
    )
    return f"<table>{cells}</table>"


class HelpMixin:
    def _make_help_menu(self) -> None:
        menu = self.menuBar().addMenu("&Help")
        self.action_query_help = self._action(
            "actionQuerySyntax",
            "&Query Syntax",
            QKeySequence.StandardKey.HelpContents,
            self.show_query_syntax,
        )
        self.action_shortcuts = self._action(
            "actionKeyboardShortcuts", "&Keyboard Shortcuts", QKeySequence("Ctrl+/"), self.show_shortcuts
        )
        self.action_about = self._action("actionAbout", "&About Catalog", "", self.show_about)
        self.action_about.setMenuRole(QAction.MenuRole.AboutRole)
        for action in (self.action_query_help, self.action_shortcuts):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.action_about)
        self.help_dialog: QDialog | None = None

    def _show_dialog(self, dialog: QDialog) -> QDialog:
        if self.help_dialog is not None:
            self.help_dialog.deleteLater()
        self.help_dialog = dialog
        dialog.show()  # not modal: it can stay open beside the window while the user searches
        return dialog

    def show_query_syntax(self) -> QDialog:
        body = (
            "<h2>Searching</h2><p>Type in the search box (Ctrl+F). Results follow as you type, "
            "best matches first, with the matching text beside each title and highlighted in the "
            "article. The sidebar's choices narrow the search further.</p>"
            + _table(QUERY_EXAMPLES)
            + "<p>Anything else you type is searched as plain words: a stray quote or colon "
            "never breaks a search. Case and accents do not matter. A word ending in * needs two "
            "letters or more before it; a search too costly to run (too many words, a prefix that "
            "matches too many) is not run, and the status bar says why. Press Escape to clear the "
            "search; Edit ▸ Save Search… keeps it in the sidebar.</p>"
            "<p>The same language works on the command line: "
            "<code>catalog search 'ukraine since:2022'</code>.</p>"
        )
        return self._show_dialog(_dialog(self, "querySyntaxDialog", "Query Syntax", body))

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every action of the window that has keys, menu by menu."""
        rows, seen = [], set()
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            for action in _all_actions(menu):
                keys = ", ".join(
                    key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()[:2]
                )
                name = action.text().replace("&", "").rstrip("…")
                if keys and name not in seen:
                    seen.add(name)
                    rows.append((keys, f"{menu_action.text().replace('&', '')} ▸ {name}"))
        for keys, name in ((a.shortcut().toString(), a.text()) for a in self.actions()):
            clean = name.replace("&", "")
            if keys and clean not in seen:
                seen.add(clean)
                rows.append((keys, clean))
        return rows

    def show_shortcuts(self) -> QDialog:
        body = (
            "<h2>Keyboard shortcuts</h2><p>Every command is in a menu: Alt and the underlined "
            "letter opens it from the keyboard.</p>" + _table(self.shortcuts() + list(KEYS_BESIDE_ACTIONS))
        )
        return self._show_dialog(_dialog(self, "shortcutsDialog", "Keyboard Shortcuts", body))

    def about_text(self) -> str:
        data = platformdirs.user_data_dir("Catalog", appauthor=False)
        return (
            f"<h3>Catalog {__version__}</h3>"
            "<p>Catalogue news articles: import, edit, search, mark and link claims, print "
            "summaries.</p>"
            f"<p><b>This catalogue:</b> {html.escape(self.catalogue.location)}<br>"
            f"<b>Default catalogue:</b> {html.escape(default_location())}<br>"
            f"<b>Data folder:</b> {html.escape(data)}<br>"
            f"<b>Settings:</b> {html.escape(QSettings().fileName())}</p>"
            f"<p>Python {platform.python_version()} · Qt {qVersion()} · PySide6 "
            f"{PySide6.__version__} · {html.escape(sys.platform)}</p>"
            "<p>MIT licence. Icons drawn for Catalog (MIT); DejaVu fonts (Bitstream Vera "
            "licence) for reports.</p>"
        )

    def show_about(self) -> None:
        QMessageBox.about(self, "About Catalog", self.about_text())


def _all_actions(menu):
    for action in menu.actions():
        if action.menu() is not None:
            yield from _all_actions(action.menu())
        elif not action.isSeparator():
            yield action
