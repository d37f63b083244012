"""The article editor beside the reading pane: title, date, outlet, authors, topics, summary, notes.

Each field is saved when its editing finishes (Enter, or leaving the field); the window turns
the request into an undoable command. A date that cannot be understood is shown as an error
and not saved until it is fixed, or reverted with Escape.
"""

from PySide6.QtCore import QEvent, QLocale, QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog import limits
from catalog.dates import DateError, parse_date
from catalog.editing import ArticleEdit

AUTHOR_SEPARATOR = "; "
#: Longest text the date and authors fields take (each author is checked on saving).
DATE_MAX_LENGTH = 100
AUTHORS_MAX_LENGTH = 20 * (limits.AUTHOR.characters + len(AUTHOR_SEPARATOR))


def day_first_locale() -> bool:
    """Whether people here write 29/06/2022 rather than 06/29/2022."""
    return QLocale().dateFormat(QLocale.FormatType.ShortFormat).lower().lstrip().startswith("d")


def split_names(text: str) -> list[str]:
    """``"A; B;"`` as ``["A", "B"]``: authors and topics are typed separated by ``;``."""
    return [name.strip() for name in text.split(";") if name.strip()]


class NameCompleter(QCompleter):
    """Completes names case-insensitively from anywhere in the name."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setModel(QStringListModel(self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def set_names(self, names: list[str]) -> None:
        self.model().setStringList(names)


class AuthorsCompleter(NameCompleter):
    """Completes the author being typed after the last ``;``."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(";", 1)[-1].strip()]

    def pathFromIndex(self, index) -> str:
        typed = self.widget().text()
        done = typed.rsplit(";", 1)[0] + AUTHOR_SEPARATOR if ";" in typed else ""
        return done + index.data()


class TopicsEditor(QWidget):
    """Topics as a list: type a topic and press Enter to add it; Delete removes the selected one."""

    changed = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("topicsEdit")
        self.list = QListWidget(self)
        self.list.setObjectName("topicsList")
        self.list.setAccessibleName("Topics")
        self.list.setMaximumHeight(72)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setSpacing(2)
        self.input = QLineEdit(self)
        self.input.setObjectName("topicInput")
        self.input.setAccessibleName("Add a topic")
        self.input.setPlaceholderText("Add a topic, e.g. Politics/Elections, and press Enter")
        self.input.setMaxLength(limits.TOPIC.characters)
        self.completer = NameCompleter(self)
        self.input.setCompleter(self.completer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.input)
        self.input.returnPressed.connect(self._add)
        self.list.installEventFilter(self)

    def tab_chain(self) -> list[QWidget]:
        return [self.input, self.list]  # typing a new topic is the usual errand

    def topics(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def set_topics(self, topics: list[str]) -> None:
        self.list.clear()
        self.list.addItems(topics)

    def _add(self) -> None:
        topic = self.input.text().strip()
        self.input.clear()
        if topic and topic.casefold() not in {t.casefold() for t in self.topics()}:
            self.changed.emit(self.topics() + [topic])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.list.currentItem()
        ):
            removed = self.list.currentItem().text()
            self.changed.emit([t for t in self.topics() if t != removed])
            return True
        return super().eventFilter(watched, event)


class ArticleEditor(QWidget):
    #: (article id, the version shown, an ArticleEdit with the one changed field)
    edit_requested = Signal(int, int, object)
    #: The Suggest button: fill this article's summary with a suggestion.
    suggest_requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("articleEditor")
        self.setAccessibleName("Article editor")
        self.article: dict | None = None
        self.title_edit = self._line("titleEdit", "Title", limits.TITLE.characters)
        self.date_edit = self._line("dateEdit", "Date", DATE_MAX_LENGTH)
        self.date_edit.setPlaceholderText("e.g. 29 June 2022, June 2022, 2022 or empty")
        self.date_edit.installEventFilter(self)
        self.date_error = QLabel(self)
        self.date_error.setObjectName("dateError")
        self.date_error.setWordWrap(True)
        self.date_error.setStyleSheet("color: #c0392b;")
        self.date_error.hide()
        self.outlet_edit = self._line("outletEdit", "Outlet", limits.OUTLET.characters)
        self.outlet_completer = NameCompleter(self)
        self.outlet_edit.setCompleter(self.outlet_completer)
        self.authors_edit = self._line("authorsEdit", "Authors", AUTHORS_MAX_LENGTH)
        self.authors_edit.setPlaceholderText("Names separated by ;")
        self.authors_completer = AuthorsCompleter(self)
        self.authors_edit.setCompleter(self.authors_completer)
        self.topics_edit = TopicsEditor(self)
        self.summary_edit = self._text("summaryEdit", "Summary")
        self.suggest_button = QPushButton("Su&ggest", self)
        self.suggest_button.setObjectName("suggestSummaryButton")
        self.suggest_button.setToolTip("Fill the summary with the article's most central sentences")
        self.suggest_button.clicked.connect(
            lambda: self.article and self.suggest_requested.emit(self.article["id"])
        )
        self.notes_edit = self._text("notesEdit", "Notes")
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Date:", self.date_edit)
        form.addRow("", self.date_error)
        form.addRow("&Outlet:", self.outlet_edit)
        form.addRow("&Authors:", self.authors_edit)
        form.addRow("To&pics:", self.topics_edit)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_edit, 1)
        summary_row.addWidget(self.suggest_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow("&Summary:", summary_row)
        form.labelForField(summary_row).setBuddy(self.summary_edit)
        form.addRow("&Notes:", self.notes_edit)
        self._connect()
        self.show_article(None)

    def _line(self, name: str, accessible: str, max_length: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setMaxLength(max_length)  # catalog.limits: typing stops there, pasting is cut there
        return edit

    def _text(self, name: str, accessible: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(70)
        edit.installEventFilter(self)
        return edit

    def _connect(self) -> None:
        self.title_edit.editingFinished.connect(self._title_finished)
        self.date_edit.editingFinished.connect(self._date_finished)
        self.date_edit.textEdited.connect(lambda _: self.date_error.hide())
        self.outlet_edit.editingFinished.connect(self._outlet_finished)
        self.authors_edit.editingFinished.connect(self._authors_finished)
        self.topics_edit.changed.connect(lambda topics: self._request(ArticleEdit(topics=topics)))

    # --- showing ------------------------------------------------------------------

    def show_article(self, article: dict | None) -> None:
        """Fill the fields from an article object (with ``version``); None empties and disables."""
        self.article = article
        self.setEnabled(article is not None)
        article = article or {
            "title": "",
            "date": None,
            "outlet": None,
            "authors": [],
            "topics": [],
            "summary": "",
            "notes": "",
        }
        self.title_edit.setText(article["title"])
        self.title_edit.setCursorPosition(0)
        self.date_edit.setText(article["date"] or "")
        self.date_error.hide()
        self.outlet_edit.setText(article["outlet"] or "")
        self.authors_edit.setText(AUTHOR_SEPARATOR.join(article["authors"]))
        self.topics_edit.set_topics(article["topics"])
        self.summary_edit.setPlainText(article["summary"])
        self.notes_edit.setPlainText(article["notes"])

    def tab_chain(self) -> list[QWidget]:
        """The fields in the order Tab visits them: as they stand on screen."""
        return [
            self.title_edit,
            self.date_edit,
            self.outlet_edit,
            self.authors_edit,
            *self.topics_edit.tab_chain(),
            self.summary_edit,
            self.suggest_button,
            self.notes_edit,
        ]

    def _typed(self) -> dict[str, str]:
        """Fields holding text not yet saved (being typed, or refused while offline): article
        key -> the widget's text."""
        if self.article is None:
            return {}
        article, typed = self.article, {}
        for key, edit, shown in (
            ("title", self.title_edit, article["title"]),
            ("date", self.date_edit, article["date"] or ""),
            ("outlet", self.outlet_edit, article["outlet"] or ""),
            ("authors", self.authors_edit, AUTHOR_SEPARATOR.join(article["authors"])),
        ):
            if edit.text() != shown:
                typed[key] = edit.text()
        for key, edit in (("summary", self.summary_edit), ("notes", self.notes_edit)):
            if edit.toPlainText() != article[key]:
                typed[key] = edit.toPlainText()
        return typed

    def has_unsaved_typing(self) -> bool:
        return bool(self._typed())

    def update_article(self, article: dict | None) -> None:
        """Show what someone else saved, except in fields the user is typing in: those keep
        the text and the value it started from, so saving it is checked against their change."""
        typed = self._typed()
        if article is None or self.article is None or article["id"] != self.article["id"] or not typed:
            self.show_article(article)
            return
        started_from = dict(article, **{key: self.article[key] for key in typed})
        focused = self.focusWidget()
        self.show_article(started_from)
        widgets = {
            "title": self.title_edit,
            "date": self.date_edit,
            "outlet": self.outlet_edit,
            "authors": self.authors_edit,
            "summary": self.summary_edit,
            "notes": self.notes_edit,
        }
        for key, text in typed.items():
            widget = widgets[key]
            if isinstance(widget, QLineEdit):
                widget.setText(text)
            else:
                widget.setPlainText(text)
        if focused is not None:
            focused.setFocus()

    def save_typing(self) -> None:
        """Save, as one edit, every field holding unsaved text (kept while saving was refused)."""
        if self.article is None:
            return
        article, changes = self.article, {}
        if self.title_edit.text().strip() and self.title_edit.text() != article["title"]:
            changes["title"] = self.title_edit.text()
        try:
            date = parse_date(self.date_edit.text(), day_first=day_first_locale())
            if (date.iso() if date else None) != article["date"]:
                changes["date"] = date
        except DateError:
            pass  # the field shows its own error; the rest still saves
        if self.outlet_edit.text().strip() != (article["outlet"] or ""):
            changes["outlet"] = self.outlet_edit.text().strip() or None
        if split_names(self.authors_edit.text()) != article["authors"]:
            changes["authors"] = split_names(self.authors_edit.text())
        for name, edit in (("summary", self.summary_edit), ("notes", self.notes_edit)):
            if edit.toPlainText() != article[name]:
                changes[name] = edit.toPlainText()
        if changes:
            self._request(ArticleEdit(**changes))

    def set_names(self, outlets: list[str], authors: list[str], topics: list[str]) -> None:
        self.outlet_completer.set_names(outlets)
        self.authors_completer.set_names(authors)
        self.topics_edit.completer.set_names(topics)

    @property
    def has_date_error(self) -> bool:
        return not self.date_error.isHidden()

    def date_problem(self) -> str | None:
        """Why the date typed (and not saved) cannot be saved; None when it can, or when nothing
        was typed there."""
        if self.article is None or self.date_edit.text() == (self.article["date"] or ""):
            return None
        try:
            parse_date(self.date_edit.text(), day_first=day_first_locale())
        except DateError as exc:
            return str(exc)
        return None

    def focus_date(self) -> None:
        """The date field, with the focus and its error shown, for fixing what was typed."""
        self._date_finished()
        self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- saving -------------------------------------------------------------------

    def _request(self, edit: ArticleEdit) -> None:
        if self.article is not None:
            self.edit_requested.emit(self.article["id"], self.article["version"], edit)

    def _title_finished(self) -> None:
        if (
            self.article
            and self.title_edit.text().strip()
            and self.title_edit.text() != self.article["title"]
        ):
            self._request(ArticleEdit(title=self.title_edit.text()))

    def _date_finished(self) -> None:
        if self.article is None:
            return
        try:
            date = parse_date(self.date_edit.text(), day_first=day_first_locale())
        except DateError as exc:
            self.date_error.setText(f"{exc}. Not saved: fix it, or press Escape to undo your typing.")
            self.date_error.show()
            return
        self.date_error.hide()
        if (date.iso() if date else None) != self.article["date"]:
            self._request(ArticleEdit(date=date))

    def _outlet_finished(self) -> None:
        if self.article and self.outlet_edit.text().strip() != (self.article["outlet"] or ""):
            self._request(ArticleEdit(outlet=self.outlet_edit.text().strip() or None))

    def _authors_finished(self) -> None:
        if self.article and split_names(self.authors_edit.text()) != self.article["authors"]:
            self._request(ArticleEdit(authors=split_names(self.authors_edit.text())))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.date_edit
            and event.type() == QEvent.Type.KeyPress
            and self.article is not None
            and event.key() == Qt.Key.Key_Escape  # revert the typing, saved value back
        ):
            self.date_edit.setText(self.article["date"] or "")
            self.date_error.hide()
            return True
        if event.type() == QEvent.Type.FocusOut and self.article is not None:
            if watched is self.summary_edit and self.summary_edit.toPlainText() != self.article["summary"]:
                self._request(ArticleEdit(summary=self.summary_edit.toPlainText()))
            elif watched is self.notes_edit and self.notes_edit.toPlainText() != self.article["notes"]:
                self._request(ArticleEdit(notes=self.notes_edit.toPlainText()))
        return super().eventFilter(watched, event)
