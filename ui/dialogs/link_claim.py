"""Link Claim: choose the other claim (search the catalogue's claims), the relation and a note."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from catalog.claims.store import PHRASES, RELATIONS, ClaimFilters, list_claims
from catalog.limits import LINK_NOTE
from ui.dialogs.claims_browser import BROWSER_COLUMN_WIDTHS
from ui.models.claim_models import ClaimIdRole, ClaimsBrowserModel, one_line
from ui.widgets.row_table import row_table

LIST_LIMIT = 500  # claims listed at once; typing narrows them


class LinkClaimDialog(QDialog):
    def __init__(self, claim: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("linkClaimDialog")
        self.setWindowTitle("Link Claim")
        self.claim = claim
        self.search = QLineEdit(self)
        self.search.setObjectName("linkSearch")
        self.search.setAccessibleName("Search claims")
        self.search.setPlaceholderText("Search claims by their words or claimant")
        self.search.setClearButtonEnabled(True)
        self.model = ClaimsBrowserModel(self)
        self.view = row_table(
            self, "linkCandidates", "Claims to link to", self.model, widths=BROWSER_COLUMN_WIDTHS
        )
        self.view.doubleClicked.connect(lambda _: self.accept() if self.target_id() else None)
        self.relation = QComboBox(self)
        self.relation.setObjectName("relationCombo")
        self.relation.setAccessibleName("Relation")
        for relation in RELATIONS:
            self.relation.addItem(f"this claim {PHRASES[relation][0]} the chosen one", relation)
        self.note = QLineEdit(self)
        self.note.setObjectName("linkNote")
        self.note.setPlaceholderText("Optional: why, or where it says so")
        self.note.setMaxLength(LINK_NOTE.characters)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Link")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        quote = QLabel(f"“{one_line(claim['text'], 200)}”", self)
        quote.setTextFormat(Qt.TextFormat.PlainText)
        quote.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Relation", self.relation)
        form.addRow("&Note", self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(quote)
        layout.addWidget(QLabel("Link it to a claim of another article:", self))
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self._list)
        self.search.textChanged.connect(lambda _: self._timer.start())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._list()
        self.resize(920, 500)

    def done(self, result: int) -> None:
        # Typing just before Link or Cancel leaves a listing due: none is read once the dialog
        # has ended (its catalogue may be closed by then).
        self._timer.stop()
        super().done(result)

    def target_id(self) -> int | None:
        index = self.view.currentIndex()
        return (
            index.data(ClaimIdRole) if index.isValid() and self.view.selectionModel().hasSelection() else None
        )

    def chosen_relation(self) -> str:
        return self.relation.currentData()

    def _list(self) -> None:
        # Claims of other articles only: the dialog links a claim to what others say.
        filters = ClaimFilters(text=self.search.text(), other_than_article=self.claim["article_id"])
        self.model.set_rows(list_claims(filters, limit=LIST_LIMIT))
        self._enable()

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.target_id() is not None)
