"""Editing an article's text, with its claims carried along to the same words.

A correction elsewhere in the text moves each claim's offsets with it; an edit inside a claim
widens or narrows the claim to the words that replaced its own. An edit that deletes a
claim's words entirely is refused, naming the claim: claims never disappear silently.
"""

from dataclasses import dataclass

from catalog import fulltext
from catalog.claim_anchoring import reanchor
from catalog.claims import ClaimError
from catalog.db import database
from catalog.editing import NoSuchArticle, _check_version
from catalog.fingerprints import store_body_fingerprint
from catalog.limits import BODY, check
from catalog.models import Article, Claim, utc_now


@dataclass(frozen=True)
class BodyChange:
    """An article's text and its claims' places before an edit: what ``restore_body`` puts back."""

    article_id: int
    body: str
    claims: tuple[tuple[int, int, int, str], ...]  #: (claim id, start, end, text)


def edit_body(article_id: int, body: str, *, expect_version: int | None = None) -> BodyChange | None:
    """Replace the article's text; returns what it was (for undo), or None when nothing changed."""
    if not body.strip():
        raise ClaimError("an article needs some text")
    with database.atomic():
        old = Article.select(Article.body).where(Article.id == article_id).scalar()
        if old is None:
            raise NoSuchArticle(article_id)
        if expect_version is not None:
            _check_version(article_id, expect_version)
        if old == body:
            return None
        before = BodyChange(article_id, old, _claim_spans(article_id))
        moved = []
        for claim_id, start, end, text in before.claims:
            span = reanchor(old, body, start, end, text)
            if span is None:
                raise ClaimError(
                    f"the edit removes all the words of claim {claim_id} (“{text[:60]}”); "
                    "delete the claim first, or keep some of its words"
                )
            moved.append((claim_id, *span, body[span[0] : span[1]]))
        _write(article_id, body, moved)
    return before


def capture_body(article_id: int) -> BodyChange:
    """The article's text and claims' places as they are now (what a redo puts back)."""
    body = Article.select(Article.body).where(Article.id == article_id).scalar()
    if body is None:
        raise NoSuchArticle(article_id)
    return BodyChange(article_id, body, _claim_spans(article_id))


def restore_body(change: BodyChange) -> None:
    """Put an article's text and its claims' places back (an undo, or a redo)."""
    with database.atomic():
        _write(change.article_id, change.body, change.claims)


def _claim_spans(article_id: int) -> tuple[tuple[int, int, int, str], ...]:
    query = Claim.select(Claim.id, Claim.start, Claim.end, Claim.text).where(Claim.article == article_id)
    return tuple(query.order_by(Claim.id).tuples())


def _write(article_id: int, body: str, claims) -> None:
    check(BODY, body)
    store_body_fingerprint(article_id, body)  # refuses another article's text, naming it
    with fulltext.reindexing([article_id]):
        Article.update(body=body, version=Article.version + 1, updated_at=utc_now()).where(
            Article.id == article_id
        ).execute()
        for claim_id, start, end, text in claims:
            Claim.update(start=start, end=end, text=text).where(Claim.id == claim_id).execute()
