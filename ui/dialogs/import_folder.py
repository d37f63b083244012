"""Choosing a folder to import and which types of file in it to take; the types as people call
them, for this dialog's check boxes and for Import Files' filters."""

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from catalog.importing.files import DEFAULT_PATTERN, patterns
from catalog.importing.formats import TYPES, patterns_of

#: The types of file as a newsroom names them, each with the formats (``TYPES``' names) it
#: covers, in the order the dialogs list them. One label may cover several formats: people
#: think "e-mail", not ".eml or .mbox", and Zotero exports both CSL-JSON and RIS.
TYPE_LABELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Text", ("text",)),
    ("Web pages", ("html",)),
    ("PDF", ("pdf",)),
    ("Word", ("docx",)),
    ("E-mail", ("eml", "mbox")),
    ("Feeds", ("feed",)),
    ("Web archives", ("warc",)),
    ("Zotero", ("csl", "ris")),
)
ALL_ARTICLES = "All articles"
ALL_FILES = "All files (*)"
TYPE_COLUMNS = 4
HELP = (
    "Patterns apart by spaces, such as *.pdf *.docx; the boxes above fill them in. "
    "Each file is read by what it holds, so a page saved as .txt is still read as a web page."
)


def file_types() -> list[tuple[str, tuple[str, ...]]]:
    """``(label, patterns)`` of every type of file Catalog imports, from ``TYPES`` (the one
    place that says which there are): a format without a label yet is listed by its name."""
    labelled = {kind for _, kinds in TYPE_LABELS for kind in kinds}
    types = [
        (label, patterns_of([kind for kind in kinds if kind in TYPES]))
        for label, kinds in TYPE_LABELS
        if any(kind in TYPES for kind in kinds)
    ]
    return types + [(kind, TYPES[kind]) for kind in TYPES if kind not in labelled]


def name_filters() -> list[str]:
    """File ▸ Import Files' filters: every article file first, then one type each, then all files."""
    typed = [f"{label} ({' '.join(names)})" for label, names in file_types()]
    return [f"{ALL_ARTICLES} ({DEFAULT_PATTERN})", *typed, ALL_FILES]


class ImportFolderDialog(QDialog):
    """A folder and the files in it to import: a box per type (all ticked: every type Catalog
    reads), which fill in the patterns below; patterns typed there (``*.md``) stay."""

    def __init__(self, folder: str = "", pattern: str = DEFAULT_PATTERN, parent=None):
        super().__init__(parent)
        self.setObjectName("importFolderDialog")
        self.setWindowTitle("Import Folder")
        self.setMinimumWidth(560)
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
        self.pattern_edit.setToolTip("Which files to import from the folder and its sub-folders")
        self.pattern_edit.setCursorPosition(0)
        self.type_boxes = self._type_boxes()
        hint = QLabel(HELP, self)
        hint.setObjectName("patternHelp")
        hint.setWordWrap(True)
        hint.setEnabled(False)  # drawn muted: help, not a control
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Folder:", row)
        form.addRow("Types:", self._type_grid())
        form.addRow("Files &matching:", self.pattern_edit)
        form.addRow("", hint)
        form.addRow(self.buttons)
        self.folder_edit.textChanged.connect(self._update_ok)
        self.pattern_edit.textChanged.connect(self._tick_types)
        self._tick_types()
        self._update_ok()

    def folder(self) -> str:
        return self.folder_edit.text().strip()

    def pattern(self) -> str:
        return self.pattern_edit.text().strip() or DEFAULT_PATTERN

    def _type_boxes(self) -> dict[QCheckBox, tuple[str, ...]]:
        boxes = {}
        for label, names in file_types():
            box = QCheckBox(label, self)
            box.setObjectName(f"typeBox{label.title().replace(' ', '').replace('-', '')}")
            box.setToolTip(" ".join(names))
            box.clicked.connect(lambda _ticked, box=box: self._type_clicked(box))
            boxes[box] = names
        return boxes

    def _type_grid(self) -> QWidget:
        grid = QWidget(self)
        layout = QGridLayout(grid)
        layout.setContentsMargins(0, 0, 0, 0)
        for number, box in enumerate(self.type_boxes):
            layout.addWidget(box, number // TYPE_COLUMNS, number % TYPE_COLUMNS)
        return grid

    def _type_clicked(self, box: QCheckBox) -> None:
        """Ticked, the type's patterns join the field; cleared, they leave it. The others stay,
        typed ones too (``*.md``): in the boxes' order, then the typed ones as typed."""
        names = self.type_boxes[box]
        kept = [name for name in patterns(self.pattern_edit.text()) if name not in names]
        chosen = kept + list(names) if box.isChecked() else kept
        order = {name: number for number, name in enumerate(self._every_pattern())}
        chosen.sort(key=lambda name: order.get(name, len(order)))
        self.pattern_edit.setText(" ".join(chosen))
        self.pattern_edit.setCursorPosition(0)

    def _every_pattern(self) -> list[str]:
        return [name for names in self.type_boxes.values() for name in names]

    def _tick_types(self) -> None:
        """A type's box is ticked while all of its patterns are in the field."""
        wanted = set(patterns(self.pattern_edit.text()))
        for box, names in self.type_boxes.items():
            box.setChecked(all(name in wanted for name in names))
        self._update_ok()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Import Folder", self.folder())
        if chosen:
            self.folder_edit.setText(chosen)

    def _update_ok(self) -> None:
        # No folder, or nothing to take from it (every box cleared): nothing to import.
        ready = bool(self.folder()) and bool(self.pattern_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)
