"""Qt table models of claims, links and link suggestions, over lists the catalog hands back."""

from PySide6.QtCore import Qt

from catalog.claims.store import ClaimRow, LinkView
from catalog.claims.suggestions import Suggestion
from ui.models.row_table_model import RowTableModel

#: The claim's id, on every row of every model here.
ClaimIdRole = Qt.ItemDataRole.UserRole + 1
#: The id of the article the row's claim (or passage) is in.
ArticleIdRole = Qt.ItemDataRole.UserRole + 2

_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def one_line(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def article_line(title: str, outlet: str | None, date: str | None) -> str:
    return " · ".join(part for part in (title, outlet, date) if part)


class _ClaimRowsModel(RowTableModel):
    """Shared plumbing: ``set_rows`` resets; subclasses say what each column shows."""

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def cell_data(self, row, column: int, role: int):
        if role in _TEXT_ROLES:
            text = self.column_text(row, column)
            return one_line(text) if role == Qt.ItemDataRole.DisplayRole else text
        if role == ClaimIdRole:
            return self.claim_id(row)
        if role == ArticleIdRole:
            return self.article_id(row)
        return None

    def column_text(self, row, column: int) -> str:
        raise NotImplementedError

    def claim_id(self, row) -> int | None:
        raise NotImplementedError

    def article_id(self, row) -> int | None:
        raise NotImplementedError

    def row_of_claim(self, claim_id: int) -> int | None:
        return next((n for n, row in enumerate(self.rows) if self.claim_id(row) == claim_id), None)


class ArticleClaimsModel(_ClaimRowsModel):
    """The claims of one article (claim objects), in the order they appear in its text."""

    HEADERS = ("Claim", "Claimant", "Verdict")

    def column_text(self, claim: dict, column: int) -> str:
        return (claim["text"], claim["claimant"] or "", claim["verdict"])[column]

    def claim_id(self, claim: dict) -> int:
        return claim["id"]

    def article_id(self, claim: dict) -> int:
        return claim["article_id"]


class LinksModel(_ClaimRowsModel):
    """The links of one claim, as that claim sees them (LinkView)."""

    HEADERS = ("Relation", "Claim", "In", "Note")

    def column_text(self, view: LinkView, column: int) -> str:
        if column == 0:
            return view.phrase
        if column == 1:
            return view.other["text"]
        if column == 2:
            return article_line(view.other_title, view.other_outlet, view.other_date)
        return view.link["note"]

    def claim_id(self, view: LinkView) -> int:
        return view.other["id"]

    def article_id(self, view: LinkView) -> int:
        return view.other["article_id"]

    def link_id(self, row: int) -> int:
        return self.rows[row].link["id"]


class ClaimsBrowserModel(_ClaimRowsModel):
    """Claims across the catalogue with their articles (ClaimRow)."""

    HEADERS = ("Claim", "Claimant", "Verdict", "Date", "Outlet", "Article", "Links")

    def column_text(self, row: ClaimRow, column: int) -> str:
        claim = row.claim
        values = (
            claim["text"],
            claim["claimant"] or "",
            claim["verdict"],
            claim["claim_date"] or row.article_date or "",
            row.outlet or "",
            row.article_title,
            str(row.link_count) if row.link_count else "",
        )
        return values[column]

    def claim_id(self, row: ClaimRow) -> int:
        return row.claim["id"]

    def article_id(self, row: ClaimRow) -> int:
        return row.claim["article_id"]


class SuggestionsModel(_ClaimRowsModel):
    """Claims and passages offered for a link (Suggestion); those linked stay, marked so."""

    HEADERS = ("Kind", "Text", "Outlet", "Date", "Claimant", "Article")
    COL_KIND, COL_TEXT, COL_OUTLET, COL_DATE, COL_CLAIMANT, COL_ARTICLE = range(6)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.linked: set[int] = set()  #: rows already linked, by their number

    def set_rows(self, rows: list) -> None:
        self.linked = set()
        super().set_rows(rows)

    def mark_linked(self, row: int) -> None:
        self.linked.add(row)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def cell_data(self, row, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_CLAIMANT and row.kind == "passage":
            return f"{row.claimant or 'Nobody'}: who claims it, once the passage becomes a claim"
        return super().cell_data(row, column, role)

    def column_text(self, suggestion: Suggestion, column: int) -> str:
        if column == self.COL_KIND:
            kind = "Claim" if suggestion.kind == "claim" else "Passage"
            return f"{kind} (linked)" if self.rows.index(suggestion) in self.linked else kind
        values = (suggestion.text, suggestion.outlet, suggestion.date, suggestion.claimant, suggestion.title)
        return values[column - 1] or ""

    def claim_id(self, suggestion: Suggestion) -> int | None:
        return suggestion.claim_id

    def article_id(self, suggestion: Suggestion) -> int:
        return suggestion.article_id
