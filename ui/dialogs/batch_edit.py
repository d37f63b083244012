"""Editing many articles in one step, with a preview of how many change."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from catalog import limits
from catalog.dates import parse_date
from catalog.editing import UNSET, BatchEdit, plan_batch
from ui.widgets.article_editor import AUTHORS_MAX_LENGTH, DATE_MAX_LENGTH, day_first_locale, split_names

PREVIEW_DELAY_MS = 250


class BatchEditDialog(QDialog):
    def __init__(self, article_ids: list[int], parent=None):
        super().__init__(parent)
        self.article_ids = article_ids
        self.setObjectName("batchEditDialog")
        self.setWindowTitle(f"Batch Edit — {len(article_ids):,} articles")
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.set_outlet = QCheckBox("Set &outlet:", self)
        self.set_outlet.setObjectName("batchSetOutlet")
        self.outlet_edit = self._line("batchOutletEdit", "empty for none", limits.OUTLET.characters)
        form.addRow(self.set_outlet, self.outlet_edit)
        self.set_date = QCheckBox("Set &date:", self)
        self.set_date.setObjectName("batchSetDate")
        self.date_edit = self._line("batchDateEdit", "e.g. June 2022; empty for unknown", DATE_MAX_LENGTH)
        form.addRow(self.set_date, self.date_edit)
        self.add_authors = self._line("batchAddAuthors", "names separated by ;", AUTHORS_MAX_LENGTH)
        form.addRow("Add &authors:", self.add_authors)
        self.remove_authors = self._line("batchRemoveAuthors", "names separated by ;", AUTHORS_MAX_LENGTH)
        form.addRow("&Remove authors:", self.remove_authors)
        self.add_topics = self._line("batchAddTopics", "topics separated by ;", AUTHORS_MAX_LENGTH)
        form.addRow("Add &topics:", self.add_topics)
        self.remove_topics = self._line("batchRemoveTopics", "topics separated by ;", AUTHORS_MAX_LENGTH)
        form.addRow("Remo&ve topics:", self.remove_topics)
        self.find_edit = self._line("batchFindInTitles", "text to find in titles", limits.TITLE.characters)
        form.addRow("&Find in titles:", self.find_edit)
        self.replace_edit = self._line("batchReplaceInTitles", "replacement", limits.TITLE.characters)
        form.addRow("Re&place with:", self.replace_edit)
        self.preview = QLabel(self)
        self.preview.setObjectName("batchPreview")
        form.addRow(self.preview)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Apply")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.outlet_edit.textChanged.connect(lambda text: self.set_outlet.setChecked(True))
        self.date_edit.textChanged.connect(lambda text: self.set_date.setChecked(True))
        for widget in (self.set_outlet, self.set_date):
            widget.toggled.connect(lambda _: self._timer.start())
        self.update_preview()

    def _line(self, name: str, placeholder: str, max_length: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(max_length)
        edit.textChanged.connect(lambda _: self._timer.start())
        return edit

    def batch(self) -> BatchEdit:
        """The step the fields describe; raises DateError for a date that is not one."""
        date = UNSET
        if self.set_date.isChecked():
            date = parse_date(self.date_edit.text(), day_first=day_first_locale())
        return BatchEdit(
            outlet=(self.outlet_edit.text().strip() or None) if self.set_outlet.isChecked() else UNSET,
            date=date,
            add_authors=split_names(self.add_authors.text()),
            remove_authors=split_names(self.remove_authors.text()),
            add_topics=split_names(self.add_topics.text()),
            remove_topics=split_names(self.remove_topics.text()),
            find_in_titles=self.find_edit.text(),
            replace_in_titles=self.replace_edit.text(),
        )

    def accept(self) -> None:
        self._timer.stop()
        self.update_preview()  # the fields may have changed since the last preview
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            super().accept()

    def update_preview(self) -> None:
        """Say how many of the selected articles the step would change."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            count = plan_batch(self.article_ids, self.batch()).count
        except ValueError as exc:  # a date that is not one, a name or title over catalog.limits
            self.preview.setText(f"{str(exc)[:1].upper()}{str(exc)[1:]}.")
            ok.setEnabled(False)
            return
        total = len(self.article_ids)
        self.preview.setText(
            f"{count:,} of {total:,} selected article{'' if total == 1 else 's'} will change."
        )
        ok.setEnabled(count > 0)
