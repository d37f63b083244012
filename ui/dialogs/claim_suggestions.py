"""Suggested links: claims and passages of other articles like the claim, each one click from a link."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from catalog.claims.store import PHRASES, RELATIONS
from ui.models.claim_models import SuggestionsModel, one_line
from ui.widgets.row_table import row_table


class SuggestionsDialog(QDialog):
    """Lists suggestions; Link (or a double-click) asks the window to link the chosen one."""

    #: (Suggestion, relation): the user chose to link it.
    link_chosen = Signal(object, str)

    def __init__(self, claim: dict, suggestions: list, parent=None):
        super().__init__(parent)
        self.setObjectName("suggestionsDialog")
        self.setWindowTitle("Suggested Links")
        self.claim = claim
        self.model = SuggestionsModel(self)
        self.model.set_rows(suggestions)
        self.view = row_table(
            self, "suggestionsList", "Suggested links", self.model, stretch=1, widths=((4, 130), (5, 160))
        )
        header = self.view.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(lambda _: self._link())
        if suggestions:
            self.view.selectRow(0)
        self.relation = QComboBox(self)
        self.relation.setObjectName("suggestionRelation")
        for relation in RELATIONS:
            self.relation.addItem(f"this claim {PHRASES[relation][0]} it", relation)
        self.link_button = QPushButton("&Link", self)
        self.link_button.setObjectName("linkSuggestionButton")
        self.link_button.clicked.connect(self._link)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        quote = QLabel(f"Like “{one_line(claim['text'], 200)}”:", self)
        quote.setTextFormat(Qt.TextFormat.PlainText)
        quote.setWordWrap(True)
        empty = QLabel("Nothing in other articles looks like this claim.", self)
        empty.setVisible(not suggestions)
        row = QHBoxLayout()
        row.addWidget(self.relation, 1)
        row.addWidget(self.link_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(quote)
        layout.addWidget(empty)
        layout.addWidget(self.view, 1)
        layout.addWidget(
            QLabel(
                "A passage becomes a claim of its article when you link it, claimed by its author or outlet.",
                self,
            )
        )
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._enable()
        self.resize(960, 460)

    def mark_linked(self, suggestion) -> None:
        """Show a suggestion as linked; it stays in its place, and so does the selection."""
        row = next((n for n, s in enumerate(self.model.rows) if s is suggestion), None)
        if row is not None:
            self.model.mark_linked(row)
        self._enable()

    def _current_row(self) -> int | None:
        index = self.view.currentIndex()
        return index.row() if index.isValid() and self.view.selectionModel().hasSelection() else None

    def _enable(self) -> None:
        row = self._current_row()
        self.link_button.setEnabled(row is not None and row not in self.model.linked)

    def _link(self) -> None:
        row = self._current_row()
        if row is not None and row not in self.model.linked:
            self.link_chosen.emit(self.model.rows[row], self.relation.currentData())
