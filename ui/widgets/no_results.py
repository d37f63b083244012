"""What the article table's space shows when the search and the filters match nothing: what
was asked for, and a button that clears it."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class NoResults(QWidget):
    #: "Clear Filters" was clicked.
    clear_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("noResults")
        self.setAccessibleName("No articles match")
        self.heading = QLabel(self)
        self.heading.setObjectName("noResultsHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.detail = QLabel(self)
        self.detail.setObjectName("noResultsDetail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_button = QPushButton("C&lear Filters", self)
        self.clear_button.setObjectName("noResultsClear")
        self.clear_button.clicked.connect(self.clear_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(2)
        layout.addWidget(self.heading)
        layout.addSpacing(6)
        layout.addWidget(self.detail)
        layout.addSpacing(12)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def say(self, search: str, filters: list[str]) -> None:
        """Name what matched nothing: the search text, and the other filters in words."""
        search = " ".join(search.split())
        self.heading.setText(f"No articles match “{search}”" if search else "No articles match these filters")
        parts = list(filters)
        if search and parts:
            self.detail.setText("…with " + ", ".join(parts) + ".")
        elif parts:
            self.detail.setText(", ".join(parts) + ".")
        else:
            self.detail.setText("Check the spelling, or search for fewer words.")
