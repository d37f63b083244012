"""Which articles a report covers: this one, the selected ones, or everything shown; and the
paper. Both are remembered: the next report starts from the last choice, where it applies."""

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from ui.models.claim_models import one_line

ARTICLE, SELECTION, SHOWN = range(3)
SCOPE_KEY = "reports/scope"
PAPER_KEY = "reports/paper"


class ReportScopeDialog(QDialog):
    def __init__(
        self,
        *,
        title: str,
        current_title: str | None,
        selected: int,
        shown: int,
        shown_words: str,
        ask_paper: bool,
        paper: str,
        parent=None,
    ):
        super().__init__(parent)
        self.setObjectName("reportScopeDialog")
        self.setWindowTitle(title)
        self.group = QButtonGroup(self)
        choices = (
            (ARTICLE, f"This article: {one_line(current_title or '', 70)}", current_title is not None),
            (SELECTION, f"The {selected:,} selected articles", selected > 1),
            (SHOWN, f"All {shown:,} articles shown ({one_line(shown_words, 60)})", shown > 0),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Report on:", self))
        for scope, text, enabled in choices:
            button = QRadioButton(text, self)
            button.setObjectName(("scopeArticle", "scopeSelection", "scopeShown")[scope])
            button.setEnabled(enabled)
            self.group.addButton(button, scope)
            layout.addWidget(button)
        default = SELECTION if selected > 1 else ARTICLE if current_title is not None else SHOWN
        last = int(QSettings().value(SCOPE_KEY, -1))
        if last in (ARTICLE, SELECTION, SHOWN) and self.group.button(last).isEnabled():
            default = last
        self.group.button(default).setChecked(True)
        self.paper = QComboBox(self)
        self.paper.setObjectName("paperCombo")
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        paper = str(QSettings().value(PAPER_KEY, paper))
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))
        if ask_paper:
            form = QFormLayout()
            form.addRow("&Paper:", self.paper)
            layout.addLayout(form)
        else:
            self.paper.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        settings = QSettings()
        settings.setValue(SCOPE_KEY, self.scope())
        if not self.paper.isHidden():
            settings.setValue(PAPER_KEY, self.paper_name())
        super().accept()

    def scope(self) -> int:
        return self.group.checkedId()

    def paper_name(self) -> str:
        return self.paper.currentData()
