"""The bar above the article table that shows every active filter as a removable chip (a
sidebar name, a year, the saved search, the search text), with "Clear all": a person always
sees why the table shows what it shows. Hidden while no filter is active."""

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

CHIP_CHARS = 36  #: longer names are cut in the middle on the chip (in full in its tooltip)
STYLE = """
QToolButton#filterChip {
    border: 1px solid palette(mid); border-radius: 10px; padding: 1px 8px;
    background: palette(alternate-base);
}
QToolButton#filterChip:hover { border-color: palette(highlight); }
"""


@dataclass(frozen=True)
class Chip:
    """One active filter: ``key`` says which (given back when it is removed)."""

    key: tuple
    kind: str  #: "Outlet", "Author", "Topic", "Year", "Saved search", "Search"
    name: str


class FilterBar(QWidget):
    #: A chip's close was clicked: its key.
    removed = Signal(object)
    #: "Clear all" was clicked.
    cleared = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.setAccessibleName("Active filters")
        self.setStyleSheet(STYLE)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 3, 6, 3)
        self._layout.setSpacing(4)
        label = QLabel("Showing:", self)
        label.setObjectName("filterBarLabel")
        self._layout.addWidget(label)
        self._layout.addStretch(1)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearAllFilters")
        self.clear_button.setText("Clear all")
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.cleared)
        self._layout.addWidget(self.clear_button)
        self.chips: list[QToolButton] = []
        self.hide()

    def show_chips(self, chips: list[Chip]) -> None:
        """Show these filters (none: the bar hides)."""
        for button in self.chips:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.chips = [self._chip(chip) for chip in chips]
        for place, button in enumerate(self.chips, start=1):
            self._layout.insertWidget(place, button)
        self.setVisible(bool(chips))

    def _chip(self, chip: Chip) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("filterChip")
        text = f"{chip.kind}: {_shortened(chip.name)}"
        button.setText(f"{text}  ✕")
        button.setToolTip(f"{chip.kind}: {chip.name}\nClick to remove this filter")
        button.setAccessibleName(f"Remove filter {chip.kind}: {chip.name}")
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        button.setProperty("chipKey", chip.key)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda: self.removed.emit(chip.key))
        return button

    def chip_texts(self) -> list[str]:
        """What the chips say, left to right (without their close marks)."""
        return [button.text().removesuffix("  ✕") for button in self.chips]


def _shortened(name: str) -> str:
    name = " ".join(name.split())
    if len(name) <= CHIP_CHARS:
        return name
    half = (CHIP_CHARS - 1) // 2
    return f"{name[:half]}…{name[-half:]}"
