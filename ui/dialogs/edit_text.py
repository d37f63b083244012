"""Edit Article Text: the article's text in a box, saved in the background, and never lost.

The dialog stays open with the typed text whatever goes wrong. When someone else changed the
text meanwhile, it shows their text beside the message and lets the user keep editing, take
theirs, or overwrite it with this one.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from ui.models.claim_models import one_line


class EditTextDialog(QDialog):
    """The text of one article; Save asks the window to save it (``save_requested``)."""

    #: Save this text (body), checked against the article's version and the text it had then.
    save_requested = Signal(str, int, str)

    def __init__(self, article: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("editTextDialog")
        self.setWindowTitle(f"Edit Text — {one_line(article['title'], 60)}")
        self.version, self.base = article["version"], article["body"]
        self.box = QPlainTextEdit(self)
        self.box.setObjectName("articleTextEdit")
        self.box.setAccessibleName("Article text")
        self.box.setPlainText(article["body"])
        self.problem = QLabel(self)
        self.problem.setObjectName("textProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: palette(highlighted-text); background: #b3261e; padding: 6px;")
        self.problem.hide()
        self.conflict = self._make_conflict_panel()
        self.busy = QProgressBar(self)
        self.busy.setObjectName("savingBar")
        self.busy.setRange(0, 0)  # busy: no measure of how long
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.busy_label = QLabel("Saving, and carrying the claims to their words…", self)
        self.busy_label.setObjectName("savingLabel")
        self.busy_label.hide()
        self.yours = QLabel("Your text:", self)
        self.yours.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(self.yours)
        layout.addWidget(self.box, 3)
        layout.addWidget(self.conflict, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy_label)
        bottom.addWidget(self.busy, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.resize(720, 560)

    def _make_conflict_panel(self) -> QFrame:
        panel = QFrame(self)
        panel.setObjectName("textConflict")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.conflict_message = QLabel(panel)
        self.conflict_message.setObjectName("conflictMessage")
        self.conflict_message.setWordWrap(True)
        self.theirs = QPlainTextEdit(panel)
        self.theirs.setObjectName("theirTextView")
        self.theirs.setAccessibleName("Their text")
        self.theirs.setReadOnly(True)
        self.keep_editing = QPushButton("&Keep Editing Mine", panel)
        self.keep_editing.setObjectName("keepEditingButton")
        self.keep_editing.setToolTip("Carry on with your text; Save then saves it over theirs")
        self.take_theirs = QPushButton("&Take Theirs", panel)
        self.take_theirs.setObjectName("takeTheirsButton")
        self.take_theirs.setToolTip("Put their text in the box, to edit further; your typing is replaced")
        self.overwrite = QPushButton("&Overwrite with Mine", panel)
        self.overwrite.setObjectName("overwriteButton")
        self.overwrite.setToolTip("Save your text now, replacing theirs")
        self.keep_editing.clicked.connect(self._keep_editing)
        self.take_theirs.clicked.connect(self._take_theirs)
        self.overwrite.clicked.connect(self._overwrite)
        row = QHBoxLayout()
        row.addWidget(self.keep_editing)
        row.addWidget(self.take_theirs)
        row.addStretch(1)
        row.addWidget(self.overwrite)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.conflict_message)
        layout.addWidget(QLabel("Their text, as saved now:", panel))
        layout.addWidget(self.theirs)
        layout.addLayout(row)
        panel.hide()
        return panel

    def reject(self) -> None:
        if self.busy.isVisible():
            return  # a save is on its way: its answer comes back to this dialog
        super().reject()

    def text(self) -> str:
        return self.box.toPlainText()

    # --- the window tells the dialog how the save went -------------------------------

    def saving(self) -> None:
        """A save is on its way: the text is kept as it is until it comes back."""
        self.problem.hide()
        self.busy.show()
        self.busy_label.show()
        self.box.setReadOnly(True)
        self.buttons.setEnabled(False)
        self.conflict.setEnabled(False)

    def refused(self, why: str) -> None:
        """Not saved: say why, and let the user go on with the text."""
        self._idle()
        self.problem.setText(f"Not saved: {why}. Your text is kept here.")
        self.problem.show()

    def text_conflict(self, theirs: dict) -> None:
        """Someone else changed the text too: show theirs and the three ways on."""
        self._idle()
        self._their_article = theirs
        self.conflict_message.setText(
            "<b>Someone else changed the text of this article</b> while you edited it. Nothing has been "
            "saved and nothing is lost: keep editing yours (Save then replaces theirs), take theirs, "
            "or overwrite theirs with yours now."
        )
        self.theirs.setPlainText(theirs["body"])
        self.conflict.setEnabled(True)
        self.conflict.show()
        self.yours.show()

    def _idle(self) -> None:
        self.busy.hide()
        self.busy_label.hide()
        self.box.setReadOnly(False)
        self.buttons.setEnabled(True)
        self.conflict.setEnabled(True)

    # --- the user's way on --------------------------------------------------------------

    def _save(self) -> None:
        self.save_requested.emit(self.text(), self.version, self.base)

    def _seen_theirs(self) -> None:
        """The user has seen their text: what is saved next is checked against it."""
        self.version, self.base = self._their_article["version"], self._their_article["body"]
        self.conflict.hide()
        self.yours.hide()

    def _keep_editing(self) -> None:
        self._seen_theirs()
        self.box.setFocus()

    def _take_theirs(self) -> None:
        self._seen_theirs()
        self.box.setPlainText(self.base)
        self.box.setFocus()

    def _overwrite(self) -> None:
        self._seen_theirs()
        self._save()
