"""The claims of the article being read: a list, the selected claim's fields, and its links.

The panel only shows and asks: every change it requests goes to the window, which makes it
undoable and tells the panel to show the catalogue as it is now.
"""

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from catalog.claims.store import claims_of_article, get_claim, links_of
from catalog.claims.travel import Passage, passages_in_copies
from ui.models.claim_models import ArticleClaimsModel, ArticleIdRole, ClaimIdRole, LinksModel
from ui.widgets.claim_editor import ClaimEditor
from ui.widgets.row_table import row_table

CLAIMANT_WIDTH = 170  #: the claims list's claimant column at most, in pixels


class ClaimsPanel(QWidget):
    #: The claim chosen in the list (None when none is).
    claim_selected = Signal(object)
    #: Double-click on a link: (article id, claim id) at its other end.
    link_followed = Signal(int, int)
    #: Buttons: each carries the claim's id (or the link's, for unlink).
    link_requested = Signal(int)
    suggest_requested = Signal(int)
    map_requested = Signal(int)
    delete_requested = Signal(int)
    unlink_requested = Signal(int)
    #: "Mark in All Copies": the claim's id.
    mark_in_copies_requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("claimsPanel")
        self.article_id: int | None = None
        self.claims_model = ArticleClaimsModel(self)
        self.links_model = LinksModel(self)
        self.claims_view = row_table(self, "claimsList", "Claims in this article", self.claims_model)
        self.links_view = row_table(self, "linksList", "Links of the claim", self.links_model, stretch=1)
        self.links_view.doubleClicked.connect(self._follow)
        self.editor = ClaimEditor(self)
        self.empty_label = QLabel(
            "No claims yet: select text in the article and choose Mark as Claim (Ctrl+M).", self
        )
        self.empty_label.setObjectName("noClaimsLabel")
        self.empty_label.setWordWrap(True)
        self.buttons = {}
        claim_row = QHBoxLayout()
        for key, text, signal in (
            ("link", "&Link…", self.link_requested),
            ("suggest", "Su&ggest…", self.suggest_requested),
            ("map", "M&ap…", self.map_requested),
            ("delete", "Delete Claim", self.delete_requested),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"{key}ClaimButton")
            button.clicked.connect(lambda _=False, s=signal: self._emit_for_claim(s))
            claim_row.addWidget(button)
            if key == "map":
                claim_row.addStretch(1)
            self.buttons[key] = button
        self.copies_offer = CopiesOffer(self)
        self.copies_offer.mark_button.clicked.connect(
            lambda: self._emit_for_claim(self.mark_in_copies_requested)
        )
        self.unlink_button = QPushButton("Remove Link", self)
        self.unlink_button.setObjectName("unlinkButton")
        self.unlink_button.clicked.connect(self._unlink)
        # Three panes, each a list or the fields with what acts on it, so that all three show
        # at once in the space below the article (about 380 pixels high at 1200×760).
        top = _pane(self, self.empty_label, self.claims_view, claim_row, self.copies_offer)
        links_title = QHBoxLayout()
        links_title.addWidget(QLabel("Links (double-click to follow)", self))
        links_title.addStretch(1)
        links_title.addWidget(self.unlink_button)
        links_box = _pane(self, links_title, self.links_view)
        for view in (self.claims_view, self.links_view):
            # One line of text a row, with a little air: not the style's roomier default.
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
            view.setMinimumHeight(_rows_height(view, 2))
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("claimsSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(links_box)
        for index in range(self.splitter.count()):
            self.splitter.setCollapsible(index, False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 0)  # the claim's fields keep their height; lists take the rest
        self.splitter.setStretchFactor(2, 3)
        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(6, 4, 6, 4)
        inner_layout.addWidget(self.splitter, 1)
        # Scrolls, rather than squeezing, only where even that does not fit (a very long claim).
        scroll = QScrollArea(self)
        scroll.setObjectName("claimsScroll")
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.claims_view.selectionModel().currentRowChanged.connect(lambda current, _: self._chosen(current))
        self.show_article(None)

    def show_article(self, article_id: int | None, *, keep: int | None = None) -> None:
        """List this article's claims, choosing ``keep`` (a claim id) if it is among them; for
        None (no article shown) the panel is empty and disabled."""
        self.article_id = article_id
        self.setEnabled(article_id is not None)
        claims = claims_of_article(article_id) if article_id is not None else []
        self.claims_model.set_rows(claims)
        self.claims_view.resizeColumnToContents(2)
        # The claimant whole where it is short; a long one leaves the claim its room.
        self.claims_view.resizeColumnToContents(1)
        header = self.claims_view.horizontalHeader()
        header.resizeSection(1, min(header.sectionSize(1), CLAIMANT_WIDTH))
        self.empty_label.setVisible(article_id is not None and not claims)
        row = self.claims_model.row_of_claim(keep) if keep is not None else None
        if row is not None:
            self.claims_view.setCurrentIndex(self.claims_model.index(row, 0))
        self._chosen(self.claims_view.currentIndex())

    def select_claim(self, claim_id: int) -> bool:
        row = self.claims_model.row_of_claim(claim_id)
        if row is None:
            return False
        self.claims_view.setCurrentIndex(self.claims_model.index(row, 0))
        return True

    def current_claim_id(self) -> int | None:
        index = self.claims_view.currentIndex()
        return index.data(ClaimIdRole) if index.isValid() else None

    def _chosen(self, index) -> None:
        claim = get_claim(index.data(ClaimIdRole)) if index.isValid() else None
        self.editor.show_claim(claim)
        self.links_model.set_rows(links_of(claim["id"]) if claim else [])
        self.links_view.resizeColumnToContents(0)
        for button in self.buttons.values():
            button.setEnabled(claim is not None)
        self.unlink_button.setEnabled(bool(self.links_model.rows))
        self.copies_offer.show_passages(passages_in_copies(claim["id"]) if claim else [])
        self.claim_selected.emit(claim["id"] if claim else None)

    def _emit_for_claim(self, signal) -> None:
        claim_id = self.current_claim_id()
        if claim_id is not None:
            signal.emit(claim_id)

    def _unlink(self) -> None:
        index = self.links_view.currentIndex()
        row = index.row() if index.isValid() else (0 if len(self.links_model.rows) == 1 else -1)
        if row >= 0:
            self.unlink_requested.emit(self.links_model.link_id(row))

    def _follow(self, index) -> None:
        if index.isValid():
            self.link_followed.emit(index.data(ArticleIdRole), index.data(ClaimIdRole))


class CopiesOffer(QWidget):
    """The line "Also in 3 copies (Reuters, Daily Bugle, …)" and a button to mark the claim in
    them all: shown when the claim's passage is in copies of its article that lack it."""

    NAMED = 2  #: outlets named in the line; the tooltip names every copy

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("copiesOffer")
        self.passages: list[Passage] = []  #: the copies that lack the claim, as last shown
        self.label = QLabel(self)
        self.label.setObjectName("copiesOfferLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.mark_button = QPushButton("Mark in All Copies", self)
        self.mark_button.setObjectName("markInCopiesButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.mark_button)
        self.setVisible(False)

    def show_passages(self, passages: list[Passage]) -> None:
        """Offer the copies among ``passages`` that lack the claim; hidden when none do."""
        self.passages = [passage for passage in passages if passage.claim_id is None]
        self.setVisible(bool(self.passages))
        if not self.passages:
            return
        self.label.setText(offer_text(self.passages, self.NAMED))
        self.setToolTip(offer_tooltip(self.passages))
        count = len(self.passages)
        self.mark_button.setToolTip(
            f"Mark the claim in {'this copy' if count == 1 else f'these {count} copies'}, each "
            "linked to it as repeating it (Edit ▸ Undo takes them out again)"
        )


def offer_text(passages: list[Passage], named: int = CopiesOffer.NAMED) -> str:
    """The offer's line, "Also in 3 copies (Reuters, Daily Bugle, …)": the outlets, each once,
    the first few."""
    count = len(passages)
    outlets = list(dict.fromkeys(passage.outlet for passage in passages if passage.outlet))
    names = ", ".join(outlets[:named]) + (", …" if len(outlets) > named else "")
    return f"Also in {count} cop{'y' if count == 1 else 'ies'}" + (f" ({names})" if names else "")


def offer_tooltip(passages: list[Passage]) -> str:
    """Every copy on a line of its own: outlet, date, and whether its words differ (rich text,
    every name escaped: an outlet called "<b>" shows as written)."""
    lines = []
    for passage in passages:
        date = passage.date.isoformat() if passage.date else "date unknown"
        changed = "" if passage.exact else ", a few words changed"
        lines.append(html.escape(f"{passage.outlet or 'Unknown outlet'}, {date}{changed}"))
    return "<br>".join(lines)


def _pane(parent: QWidget, *parts) -> QWidget:
    """A widget holding ``parts`` (widgets and layouts) one above the other, without margins."""
    pane = QWidget(parent)
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    for part in parts:
        if isinstance(part, QWidget):
            layout.addWidget(part, 1 if isinstance(part, QTableView) else 0)
        else:
            layout.addLayout(part)
    return pane


def _rows_height(view: QTableView, rows: int) -> int:
    """The height of ``view`` showing its header and ``rows`` rows."""
    return (
        view.horizontalHeader().sizeHint().height()
        + rows * view.verticalHeader().defaultSectionSize()
        + 2 * view.frameWidth()
    )
