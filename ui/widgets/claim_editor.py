"""The fields of one claim: claimant, date, verdict, explanation and notes.

A field is saved when its editing finishes (Enter or leaving a line, leaving a text box,
choosing a verdict); the window turns each request into an undoable command.
"""

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from catalog.claims.store import VERDICTS, ClaimEdit
from catalog.dates import DateError, parse_date
from catalog.limits import CLAIMANT
from ui.widgets.article_editor import DATE_MAX_LENGTH, NameCompleter


class ClaimEditor(QWidget):
    #: The user finished editing a field: (claim id, ClaimEdit).
    edit_requested = Signal(int, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("claimEditor")
        self.claim: dict | None = None
        self.quote = QLabel(self)
        self.quote.setObjectName("claimQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(self.quote.textFormat().PlainText)
        self.claimant = QLineEdit(self)
        self.claimant.setObjectName("claimantEdit")
        self.claimant.setAccessibleName("Claimant")
        self.claimant.setPlaceholderText("Who made the claim")
        self.claimant.setMaxLength(CLAIMANT.characters)
        self.completer = NameCompleter(self)
        self.claimant.setCompleter(self.completer)
        self.date = QLineEdit(self)
        self.date.setObjectName("claimDateEdit")
        self.date.setAccessibleName("Claim date")
        self.date.setPlaceholderText("2022-06-29")
        self.date.setToolTip("When the claim was made: 2022-06-29, 29 June 2022, 2022, or empty")
        self.date.setMaxLength(DATE_MAX_LENGTH)
        self.verdict = QComboBox(self)
        self.verdict.setObjectName("verdictCombo")
        self.verdict.setAccessibleName("Verdict")
        self.verdict.addItems([verdict.capitalize() for verdict in VERDICTS])
        self.explanation = QPlainTextEdit(self)
        self.explanation.setObjectName("explanationEdit")
        self.explanation.setAccessibleName("Explanation of the verdict")
        self.explanation.setPlaceholderText("Why this verdict")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("claimNotesEdit")
        self.notes.setAccessibleName("Claim notes")
        self._names_source = None
        self.claimant.installEventFilter(self)
        for box in (self.explanation, self.notes):
            box.setTabChangesFocus(True)
            box.setMinimumHeight(44)  # two lines: never squeezed into a sliver
            box.setMaximumHeight(70)
            box.installEventFilter(self)
        # Compact: two fields a row, explanation beside notes, so that the claims list, these
        # fields and the links fit together in the Claims tab of a 1200×760 window.
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.quote, 0, 0, 1, 4)
        grid.addWidget(_label("C&laimant", self.claimant, self), 1, 0)
        grid.addWidget(self.claimant, 1, 1, 1, 3)
        grid.addWidget(_label("&Made on", self.date, self), 2, 0)
        grid.addWidget(self.date, 2, 1)
        grid.addWidget(_label("&Verdict", self.verdict, self), 2, 2)
        grid.addWidget(self.verdict, 2, 3)
        grid.addWidget(_label("E&xplanation", self.explanation, self), 3, 0, 1, 2)
        grid.addWidget(_label("N&otes", self.notes, self), 3, 2, 1, 2)
        grid.addWidget(self.explanation, 4, 0, 1, 2)
        grid.addWidget(self.notes, 4, 2, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.claimant.editingFinished.connect(lambda: self._request(claimant=self.claimant.text()))
        self.date.editingFinished.connect(self._save_date)
        self.verdict.activated.connect(lambda index: self._request(verdict=VERDICTS[index]))
        self.show_claim(None)

    def set_names(self, names: list[str]) -> None:
        self.completer.set_names(names)

    def set_names_source(self, source) -> None:
        """``source()`` gives the names to complete from; asked when the claimant field gets focus,
        not on every claim shown (a large catalogue has many names)."""
        self._names_source = source

    def show_claim(self, claim: dict | None) -> None:
        """Show ``claim`` (a claim object), or nothing and disabled for None."""
        self.claim = claim
        self.setEnabled(claim is not None)
        claim = claim or {}
        self.quote.setText(
            f"“{claim['text']}”" if claim else "Select a claim, or select text and Mark as Claim."
        )
        self.quote.setToolTip(_stamps(claim) if claim else "")
        self._fit_quote()
        self.claimant.setText(claim.get("claimant") or "")
        self.date.setText(claim.get("claim_date") or "")
        self.date.setStyleSheet("")
        self.verdict.setCurrentIndex(VERDICTS.index(claim.get("verdict", "unrated")))
        self.explanation.setPlainText(claim.get("explanation", ""))
        self.notes.setPlainText(claim.get("notes", ""))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_quote()

    def _fit_quote(self) -> None:
        """Keep the quote's height to its lines at the width it has: a splitter otherwise
        squeezes a wrapped label and cuts its last line."""
        # The quote spans the whole width (the grid has no margins); the label's own width may
        # not have followed a resize yet.
        width = max(self.contentsRect().width(), 200)
        self.quote.setMinimumHeight(self.quote.heightForWidth(width))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched is self.claimant and self._names_source:
            self.set_names(self._names_source())
        if event.type() == QEvent.Type.FocusOut:
            if watched is self.explanation:
                self._request(explanation=self.explanation.toPlainText())
            elif watched is self.notes:
                self._request(notes=self.notes.toPlainText())
        return super().eventFilter(watched, event)

    def _save_date(self) -> None:
        text = self.date.text().strip()
        try:
            parsed = parse_date(text) if text else None
        except DateError as exc:
            self.date.setStyleSheet("color: #c00;")
            self.date.setToolTip(str(exc))
            return
        self.date.setStyleSheet("")
        self.date.setToolTip("")
        self._request(claim_date=parsed.first_day() if parsed else None)

    def _request(self, **changes) -> None:
        if self.claim is None:
            return
        current = {
            "claimant": self.claim["claimant"] or "",
            "explanation": self.claim["explanation"],
            "notes": self.claim["notes"],
            "verdict": self.claim["verdict"],
        }
        if all(current.get(name, object()) == value for name, value in changes.items()):
            return
        if (
            "claim_date" in changes
            and (changes["claim_date"] and changes["claim_date"].isoformat()) == (self.claim["claim_date"])
        ):
            return
        self.edit_requested.emit(self.claim["id"], ClaimEdit(**changes))


def _label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def _stamps(claim: dict) -> str:
    """``Marked 2026-11-26 14:02 · changed 2026-11-27 09:15`` (UTC, as stored)."""
    created = (claim["created_at"] or "").replace("T", " ")[:16]
    updated = (claim["updated_at"] or "").replace("T", " ")[:16]
    return f"Marked {created} UTC" + (f" · changed {updated} UTC" if updated and updated != created else "")
