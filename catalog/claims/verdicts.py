"""One verdict given to every claim of some articles at once, and its undo, each in one
transaction: the table's Mark Verdict."""

from collections.abc import Iterable

from catalog.claims.store import ClaimEdit, edit_claim, get_claim, revert_claim
from catalog.claims.words import check_verdict
from catalog.conflicts import Choices
from catalog.db import among, database
from catalog.models import Claim

_CHUNK = 500  # article ids per IN (...), well under SQLite's variable limit

#: A claim before and after a verdict was given: what undo and redo need.
VerdictChange = tuple[dict, dict]


def claim_ids_of(article_ids: Iterable[int]) -> list[int]:
    """The claims these articles make, by id."""
    ids = list(article_ids)
    found: list[int] = []
    for start in range(0, len(ids), _CHUNK):
        query = Claim.select(Claim.id).where(among(Claim.article, ids[start : start + _CHUNK]))
        found += [claim_id for (claim_id,) in query.tuples()]
    return sorted(found)


def any_claims(article_ids: Iterable[int]) -> bool:
    """Whether any of these articles makes a claim (stops at the first found)."""
    ids = list(article_ids)
    for start in range(0, len(ids), _CHUNK):
        if Claim.select().where(among(Claim.article, ids[start : start + _CHUNK])).exists():
            return True
    return False


def mark_verdicts(article_ids: Iterable[int], verdict: str) -> list[VerdictChange]:
    """Give ``verdict`` to every claim of these articles; the claims that changed, as they were
    and as they are now (those that had it already are left out). Raises ``ClaimError`` for a
    verdict that is not one of ``VERDICTS``; nothing is changed then."""
    verdict = check_verdict(verdict)
    changed = []
    with database.atomic():
        for claim_id in claim_ids_of(article_ids):
            before = edit_claim(claim_id, ClaimEdit(verdict=verdict))
            if before is not None:
                changed.append((before, get_claim(claim_id)))
    return changed


def revert_verdicts(changes: list[VerdictChange], *, undo: bool, choices: Choices | None = None) -> None:
    """Undo (or redo) ``mark_verdicts``, all claims or none: a claim someone changed since is a
    clash (StepClash) unless ``choices`` decide it, one deleted meanwhile StepGone."""
    with database.atomic():
        for before, after in changes:
            if undo:
                revert_claim(after, before, choices=choices)
            else:
                revert_claim(before, after, choices=choices)
