"""Someone else saved the same article (or claim) meanwhile: per field, keep mine, take theirs,
or for lists of names, keep both."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from ui.models.claim_models import one_line

MINE, THEIRS, BOTH = "mine", "theirs", "both"


def shown(value) -> str:
    if value is None or value == "" or value == []:
        return "(empty)"
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return one_line(str(value), 80)


class EditConflictDialog(QDialog):
    """One row per field both sides changed; Keep All Mine, Take All Theirs, or a choice per field."""

    def __init__(self, title: str, fields, parent=None, *, kind: str = "article"):
        super().__init__(parent)
        self.setObjectName("editConflictDialog")
        self.setWindowTitle(f"Someone Else Changed This {kind.capitalize()}")
        self.fields = {field.name: field for field in fields}
        self.choices: dict[str, QComboBox] = {}
        intro = QLabel(
            f"While you edited “{one_line(title, 60)}”, someone else saved a change to the same "
            "fields. Nothing has been overwritten. Choose, for each field, which to keep:",
            self,
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        for column, heading in enumerate(("Field", "Yours", "Theirs", "Keep")):
            grid.addWidget(QLabel(f"<b>{heading}</b>", self), 0, column)
        for row, field in enumerate(fields, start=1):
            grid.addWidget(QLabel(field.name.replace("_", " ").capitalize(), self), row, 0)
            for column, value in ((1, field.mine), (2, field.theirs)):
                label = QLabel(shown(value), self)
                label.setTextFormat(label.textFormat().PlainText)
                label.setWordWrap(True)
                grid.addWidget(label, row, column)
            choice = QComboBox(self)
            choice.setObjectName(f"choice_{field.name}")
            choice.addItem("Mine", MINE)
            choice.addItem("Theirs", THEIRS)
            if isinstance(field.mine, list) and isinstance(field.theirs, list):
                choice.addItem("Both", BOTH)  # names: theirs, then mine they lack
            grid.addWidget(choice, row, 3)
            self.choices[field.name] = choice
        buttons = QDialogButtonBox(self)
        self.keep_mine = QPushButton("Keep All &Mine", self)
        self.take_theirs = QPushButton("Take All &Theirs", self)
        self.apply = QPushButton("&Apply Choices", self)
        for button in (self.keep_mine, self.take_theirs, self.apply):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_mine.clicked.connect(lambda: self._choose_all(MINE))
        self.take_theirs.clicked.connect(lambda: self._choose_all(THEIRS))
        self.apply.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def chosen(self) -> dict[str, str]:
        return {name: combo.currentData() for name, combo in self.choices.items()}

    def merged(self, name: str) -> list:
        """A list field chosen as Both: their names, then mine they do not have."""
        field = self.fields[name]
        return [*field.theirs, *(value for value in field.mine if value not in field.theirs)]

    def _choose_all(self, which: str) -> None:
        for combo in self.choices.values():
            combo.setCurrentIndex(combo.findData(which))
        self.accept()
