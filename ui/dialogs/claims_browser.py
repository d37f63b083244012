"""The claims browser: every claim in the catalogue, searched and filtered, with its editor.

Non-modal, beside the window. Double-click opens the claim's article in the window.
"""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
)

from catalog.claims.store import VERDICTS, ClaimFilters, claimants, get_claim, list_claims, outlet_choices
from catalog.dates import DateError, parse_date
from ui.models.claim_models import ArticleIdRole, ClaimIdRole, ClaimsBrowserModel
from ui.widgets.claim_editor import ClaimEditor
from ui.widgets.row_table import row_table

LIST_LIMIT = 5000
#: Widths of the columns after the claim's text, which takes the rest.
BROWSER_COLUMN_WIDTHS = ((1, 110), (2, 90), (3, 86), (4, 100), (5, 170), (6, 44))


class ClaimsBrowser(QDialog):
    #: Double-click: open (article id, claim id) in the window.
    claim_opened = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("claimsBrowser")
        self.setWindowTitle("Claims")
        self.search = QLineEdit(self)
        self.search.setObjectName("claimsSearch")
        self.search.setAccessibleName("Search claims")
        self.search.setPlaceholderText("Words of the claim or claimant")
        self.search.setClearButtonEnabled(True)
        self.verdict = QComboBox(self)
        self.verdict.setObjectName("verdictFilter")
        self.verdict.setAccessibleName("Verdict")
        self.verdict.addItem("Any verdict", "")
        for verdict in VERDICTS:
            self.verdict.addItem(verdict.capitalize(), verdict)
        self.claimant = QComboBox(self)
        self.claimant.setObjectName("claimantFilter")
        self.claimant.setAccessibleName("Claimant")
        self.outlet = QComboBox(self)
        self.outlet.setObjectName("outletFilter")
        self.outlet.setAccessibleName("Outlet")
        self.since = QLineEdit(self)
        self.since.setObjectName("claimsSince")
        self.since.setPlaceholderText("since")
        self.until = QLineEdit(self)
        self.until.setObjectName("claimsUntil")
        self.until.setPlaceholderText("until")
        for box in (self.since, self.until):
            box.setMaximumWidth(110)
            box.setAccessibleName(box.placeholderText().capitalize())
        self.model = ClaimsBrowserModel(self)
        self.view = row_table(self, "claimsTable", "Claims", self.model, widths=BROWSER_COLUMN_WIDTHS)
        self.view.doubleClicked.connect(self._open)
        self.editor = ClaimEditor(self)
        self.count = QLabel(self)
        self.count.setObjectName("claimsCount")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for widget in (self.verdict, self.claimant, self.outlet, self.since, self.until):
            filters.addWidget(widget)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._timer.start())
        for box in (self.since, self.until):
            box.editingFinished.connect(self.refresh)
        for combo in (self.verdict, self.claimant, self.outlet):
            combo.activated.connect(lambda _: self.refresh())
        self.view.selectionModel().currentRowChanged.connect(lambda current, _: self._show(current))
        self.resize(1000, 620)
        self.refresh()

    def filters(self) -> ClaimFilters:
        return ClaimFilters(
            text=self.search.text(),
            verdict=self.verdict.currentData() or "",
            claimant=self.claimant.currentData() or "",
            outlet_id=self.outlet.currentData(),
            since=self._date(self.since),
            until=self._date(self.until),
        )

    def refresh(self) -> None:
        """List the claims again (the catalogue changed, or the filters did), keeping the chosen one."""
        kept = self.current_claim_id()
        self._fill_choices()
        rows = list_claims(self.filters(), limit=LIST_LIMIT)
        self.model.set_rows(rows)
        shown = f"{len(rows):,} claim{'' if len(rows) == 1 else 's'}"
        self.count.setText(shown + (f" (the first {LIST_LIMIT:,})" if len(rows) == LIST_LIMIT else ""))
        row = self.model.row_of_claim(kept) if kept is not None else None
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self._show(self.view.currentIndex())

    def current_claim_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ClaimIdRole) if index.isValid() else None

    def _fill_choices(self) -> None:
        for combo, label, items in (
            (self.claimant, "Any claimant", [(name, name) for name in claimants()]),
            (self.outlet, "Any outlet", outlet_choices()),
        ):
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(label, None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)

    def _date(self, box: QLineEdit):
        text = box.text().strip()
        try:
            parsed = parse_date(text) if text else None
        except DateError:
            box.setStyleSheet("color: #c00;")
            return None
        box.setStyleSheet("")
        return parsed.first_day() if parsed else None

    def _show(self, index) -> None:
        self.editor.show_claim(get_claim(index.data(ClaimIdRole)) if index.isValid() else None)

    def _open(self, index) -> None:
        if index.isValid():
            self.claim_opened.emit(index.data(ArticleIdRole), index.data(ClaimIdRole))
