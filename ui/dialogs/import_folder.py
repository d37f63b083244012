"""Choosing a folder to import, and which files in it to take."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from catalog.importing.files import DEFAULT_PATTERN


class ImportFolderDialog(QDialog):
    def __init__(self, folder: str = "", pattern: str = DEFAULT_PATTERN, parent=None):
        super().__init__(parent)
        self.setObjectName("importFolderDialog")
        self.setWindowTitle("Import Folder")
        self.setMinimumWidth(520)
        self.folder_edit = QLineEdit(folder, self)
        self.folder_edit.setObjectName("folderEdit")
        self.folder_edit.setAccessibleName("Folder")
        browse = QPushButton("&Browse…", self)
        browse.setObjectName("browseButton")
        browse.clicked.connect(self._browse)
        row = QWidget(self)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.folder_edit)
        row_layout.addWidget(browse)
        self.pattern_edit = QLineEdit(pattern, self)
        self.pattern_edit.setObjectName("patternEdit")
        self.pattern_edit.setAccessibleName("Files to take")
        self.pattern_edit.setToolTip(
            "Which files to import from the folder and its sub-folders, e.g. *.txt or *.md"
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Folder:", row)
        form.addRow("Files &matching:", self.pattern_edit)
        form.addRow(self.buttons)
        self.folder_edit.textChanged.connect(self._update_ok)
        self._update_ok()

    def folder(self) -> str:
        return self.folder_edit.text().strip()

    def pattern(self) -> str:
        return self.pattern_edit.text().strip() or DEFAULT_PATTERN

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Import Folder", self.folder())
        if chosen:
            self.folder_edit.setText(chosen)

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.folder()))
