"""What an empty catalogue shows in place of the article table: how to fill it."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.resources import icon


class EmptyState(QWidget):
    import_files_requested = Signal()
    import_folder_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setAccessibleName("Empty catalogue")
        heading = QLabel("This catalogue has no articles yet", self)
        heading.setObjectName("emptyHeading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading.setWordWrap(True)
        explanation = QLabel(
            "Import news articles saved as plain-text files, one article per file. Catalog "
            "reads the header line of each (such as “date 2022-06-29 Authored by Dave DeCamp "
            "via AntiWar.com,”) for the date, authors and outlet; files without one are "
            "imported too, and a bad file never stops the rest.",
            self,
        )
        explanation.setObjectName("emptyExplanation")
        explanation.setWordWrap(True)
        explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.import_files_button = QPushButton(icon("import-files"), "Import &Files…", self)
        self.import_files_button.setObjectName("emptyImportFiles")
        self.import_folder_button = QPushButton(icon("import-folder"), "Import a F&older…", self)
        self.import_folder_button.setObjectName("emptyImportFolder")
        self.import_folder_button.setDefault(True)
        self.import_files_button.clicked.connect(self.import_files_requested)
        self.import_folder_button.clicked.connect(self.import_folder_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_folder_button)
        buttons.addWidget(self.import_files_button)
        buttons.addStretch(1)
        drop = QLabel("…or drop files and folders anywhere on this window", self)
        drop.setObjectName("dropTarget")
        drop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        drop.setMinimumHeight(90)
        drop.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout()
        column.addStretch(2)
        column.addWidget(heading)
        column.addSpacing(8)
        column.addWidget(explanation)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addSpacing(20)
        column.addWidget(drop)
        column.addStretch(3)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 8)
        outer.addStretch(1)
