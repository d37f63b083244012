"""The small dialog of Mark Verdict: one verdict, chosen from the verdicts a claim can have."""

from PySide6.QtWidgets import QButtonGroup, QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout

from catalog.claims.words import VERDICTS


class VerdictDialog(QDialog):
    """Asks which verdict the claims of ``articles`` (how many, in words) get."""

    def __init__(self, parent, *, claims: int, articles: int):
        super().__init__(parent)
        self.setObjectName("verdictDialog")
        self.setWindowTitle("Mark Verdict")
        layout = QVBoxLayout(self)
        where = "the selected article" if articles == 1 else f"the {articles:,} selected articles"
        label = QLabel(f"Verdict for the {claims:,} claim{'' if claims == 1 else 's'} of {where}:", self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.choices = QButtonGroup(self)
        for number, verdict in enumerate(VERDICTS):
            button = QRadioButton(verdict.capitalize(), self)
            button.setObjectName(f"verdict_{verdict.replace(' ', '_')}")
            button.setProperty("verdict", verdict)
            self.choices.addButton(button, number)
            layout.addWidget(button)
        self.choices.button(0).setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def verdict(self) -> str:
        return self.choices.checkedButton().property("verdict")
