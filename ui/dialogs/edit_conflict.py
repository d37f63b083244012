"""Someone else saved the same article (or claim) meanwhile: per field, keep mine, take theirs,
or for lists of names, keep both. The same dialog asks, for an Undo or Redo that would overwrite
another desk's change, whether to make it anyway or keep theirs."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.models.claim_models import one_line

MINE, THEIRS, BOTH = "mine", "theirs", "both"
MANY_ROWS = 8  # more rows than this scroll


def shown(value) -> str:
    if value is None or value == "" or value == []:
        return "(empty)"
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return one_line(str(value), 80)


class EditConflictDialog(QDialog):
    """One row per field both sides changed; Keep All Mine, Take All Theirs, or a choice per field.

    With ``step`` ("Undo" or "Redo"), "mine" is what the step would put back: the choices read
    Undo anyway / Keep theirs. Fields of several articles (a batch) name their article.
    """

    def __init__(self, title: str, fields, parent=None, *, kind: str = "article", step: str | None = None):
        super().__init__(parent)
        self.setObjectName("editConflictDialog")
        self.fields = {field.key: field for field in fields}
        self.choices: dict[str, QComboBox] = {}
        self.step = step
        mine_text = f"{step} anyway" if step else "Mine"
        owners = {field.owner for field in fields}
        if step:
            self.setWindowTitle(f"Someone Else Changed This Since — {step}")
            where = f"“{one_line(title, 60)}”" if len(owners) <= 1 else title
            text = (
                f"Since this step, someone else changed what {step.lower()} would put back in {where}. "
                f"Nothing has been changed yet. Choose, for each, whether to {step.lower()} anyway "
                "(overwriting theirs) or keep theirs:"
            )
        else:
            self.setWindowTitle(f"Someone Else Changed This {kind.capitalize()}")
            text = (
                f"While you edited “{one_line(title, 60)}”, someone else saved a change to the same "
                "fields. Nothing has been overwritten. Choose, for each field, which to keep:"
            )
        intro = QLabel(text, self)
        intro.setObjectName("conflictIntro")
        intro.setWordWrap(True)
        rows = QWidget(self)
        grid = QGridLayout(rows)
        headings = (
            "Field",
            f"{step} would put back" if step else "Yours",
            "Theirs now" if step else "Theirs",
            "Keep",
        )
        for column, heading in enumerate(headings):
            grid.addWidget(QLabel(f"<b>{heading}</b>", rows), 0, column)
        for row, field in enumerate(fields, start=1):
            label = field.name.replace("_", " ").capitalize()
            if len(owners) > 1 and field.owner_title:
                label += f" of “{one_line(field.owner_title, 40)}”"
            grid.addWidget(QLabel(label, rows), row, 0)
            for column, value in ((1, field.mine), (2, field.theirs)):
                cell = QLabel(shown(value), rows)
                cell.setTextFormat(cell.textFormat().PlainText)
                cell.setWordWrap(True)
                grid.addWidget(cell, row, column)
            choice = QComboBox(rows)
            choice.setObjectName(f"choice_{field.key}")
            choice.addItem(mine_text, MINE)
            choice.addItem("Keep theirs" if step else "Theirs", THEIRS)
            if not step and isinstance(field.mine, list) and isinstance(field.theirs, list):
                choice.addItem("Both", BOTH)  # names: theirs, then mine they lack
            grid.addWidget(choice, row, 3)
            self.choices[field.key] = choice
        buttons = QDialogButtonBox(self)
        self.keep_mine = QPushButton(f"{step} All &Anyway" if step else "Keep All &Mine", self)
        self.take_theirs = QPushButton("Keep All &Theirs" if step else "Take All &Theirs", self)
        self.apply = QPushButton("&Apply Choices", self)
        for button in (self.keep_mine, self.take_theirs, self.apply):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        if step:
            self.cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            self.cancel.setText(f"Do&n't {step}")
            buttons.rejected.connect(self.reject)
        self.keep_mine.clicked.connect(lambda: self._choose_all(MINE))
        self.take_theirs.clicked.connect(lambda: self._choose_all(THEIRS))
        self.apply.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if len(fields) > MANY_ROWS:
            scroll = QScrollArea(self)
            scroll.setObjectName("conflictRows")
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidgetResizable(True)
            scroll.setWidget(rows)
            scroll.setMinimumHeight(280)
            layout.addWidget(scroll, 1)
        else:
            layout.addWidget(rows)
            layout.addStretch(1)
        layout.addWidget(buttons)

    def chosen(self) -> dict[str, str]:
        return {key: combo.currentData() for key, combo in self.choices.items()}

    def merged(self, name: str) -> list:
        """A list field chosen as Both: their names, then mine they do not have."""
        field = self.fields[name]
        return [*field.theirs, *(value for value in field.mine if value not in field.theirs)]

    def _choose_all(self, which: str) -> None:
        for combo in self.choices.values():
            combo.setCurrentIndex(combo.findData(which))
        self.accept()
