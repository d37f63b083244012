"""Editing an article's text, with its claims carried along to the same words.

A correction elsewhere in the text moves each claim's offsets with it; an edit inside a claim
widens or narrows the claim to the words that replaced its own. An edit that deletes a
claim's words entirely is refused, naming the claim: claims never disappear silently.
"""

from dataclasses import dataclass

from catalog import stories
from catalog.claims.anchoring import common_prefix, edit_opcodes, reanchor
from catalog.claims.store import ClaimError
from catalog.conflicts import Choices, FieldConflict, StepClash, StepGone, decided
from catalog.db import checked_write, database, lock_rows
from catalog.editing import NoSuchArticle, VersionConflict, current_version
from catalog.fingerprints import store_body_fingerprint
from catalog.limits import BODY, check
from catalog.models import Article, Claim, utc_now
from catalog.search import fulltext

Span = tuple[int, int, int, str]  #: (claim id, start, end, text)


@dataclass(frozen=True)
class BodyChange:
    """An article's text and its claims' places: what ``revert_body`` puts back."""

    article_id: int
    body: str
    claims: tuple[Span, ...]


def edit_body(
    article_id: int, body: str, *, expect_version: int | None = None, base: str | None = None
) -> BodyChange | None:
    """Replace the article's text; returns what it was (for undo), or None when nothing changed.
    See ``replace_body``."""
    changed = replace_body(article_id, body, expect_version=expect_version, base=base)
    return changed[0] if changed else None


def replace_body(
    article_id: int, body: str, *, expect_version: int | None = None, base: str | None = None
) -> tuple[BodyChange, BodyChange] | None:
    """Replace the article's text, carrying its claims to the same words, in one transaction;
    returns the text and claims' places before and after, or None when nothing changed.

    With ``expect_version``, refuses (VersionConflict) if the article is no longer at that
    version. With ``base`` too (the text that version had, as the editor showed it), a change
    someone else saved meanwhile to other fields (title, summary …) is no obstacle: the text is
    saved beside it; only a change to the text itself is a conflict, its ``fields`` naming it.
    """
    if not body.strip():
        raise ClaimError("an article needs some text")
    with checked_write():
        lock_rows("article", [article_id])
        old = Article.select(Article.body).where(Article.id == article_id).scalar()
        if old is None:
            raise NoSuchArticle(article_id)
        if expect_version is not None:
            _check_text_unchanged(article_id, expect_version, base, old, body)
        if old == body:
            return None
        before = BodyChange(article_id, old, _claim_spans(article_id))
        moved = _moved(before.claims, old, body)
        _write(article_id, body, moved)
    return before, BodyChange(article_id, body, tuple(sorted(moved)))


def _check_text_unchanged(article_id: int, expected: int, base: str | None, now: str, mine: str) -> None:
    actual = current_version(article_id)
    if actual == expected or (base is not None and now == base):
        return
    fields = (FieldConflict("text", *excerpts(base, now, mine)),) if base is not None else ()
    raise VersionConflict(article_id, expected, actual, fields)


def _moved(claims: tuple[Span, ...], old: str, new: str, keep: dict[int, Span] | None = None) -> list[Span]:
    """The claims' places in ``new``: those in ``keep`` as given, the others carried through
    the edit from ``old``; refuses an edit that removes every word of one."""
    opcodes = edit_opcodes(old, new)  # once for every claim
    moved = []
    for claim_id, start, end, text in claims:
        if keep and claim_id in keep:
            moved.append(keep[claim_id])
            continue
        span = reanchor(old, new, start, end, text, opcodes=opcodes)
        if span is None:
            raise ClaimError(
                f"the edit removes all the words of claim {claim_id} (“{text[:60]}”); "
                "delete the claim first, or keep some of its words"
            )
        moved.append((claim_id, *span, new[span[0] : span[1]]))
    return moved


def capture_body(article_id: int) -> BodyChange:
    """The article's text and claims' places as they are now (what a redo puts back)."""
    body = Article.select(Article.body).where(Article.id == article_id).scalar()
    if body is None:
        raise NoSuchArticle(article_id)
    return BodyChange(article_id, body, _claim_spans(article_id))


def restore_body(change: BodyChange) -> None:
    """Put an article's text and its claims' places back, whatever they are now; undo and redo
    use ``revert_body``, which never overwrites another desk's change."""
    with database.atomic():
        _write(change.article_id, change.body, change.claims)


def revert_body(written: BodyChange, target: BodyChange, *, choices: Choices | None = None) -> None:
    """Undo (or redo) an edit of an article's text: put ``target`` back if the text is still
    what the edit wrote (``written``). Text someone else changed since is a clash (StepClash),
    unless ``choices`` decides it; StepGone if the article was deleted meanwhile. Claims the
    edit moved go back to their places; claims someone else marked or moved since are carried
    to the same words, and an undo that would remove every word of one is refused."""
    article_id = written.article_id
    with checked_write():
        lock_rows("article", [article_id])
        row = Article.select(Article.title, Article.body).where(Article.id == article_id).first()
        if row is None:
            raise StepGone("the article was deleted by someone else meanwhile")
        if row.body == target.body:
            return
        if row.body != written.body:
            conflict = FieldConflict("text", *excerpts(written.body, row.body, target.body))
            choice = decided(choices, conflict)
            if choice is None:
                raise StepClash(
                    "someone else changed the text since", (conflict,), kind="article", title=row.title
                )
            if not choice:
                return
        now = _claim_spans(article_id)
        keep = {}
        if row.body == written.body:  # claims still where the edit put them go back where they were
            written_at, target_at = ({span[0]: span for span in c.claims} for c in (written, target))
            keep = {s[0]: target_at[s[0]] for s in now if s[0] in target_at and written_at.get(s[0]) == s}
        _write(article_id, target.body, _moved(now, row.body, target.body, keep))


def excerpts(base: str | None, theirs: str, mine: str, *, context: int = 40) -> tuple[str, str, str]:
    """The three texts around where they differ, for a person to compare."""
    texts = (base or "", theirs, mine)
    pairs = [(texts[0], texts[1]), (texts[0], texts[2]), (texts[1], texts[2])]
    head = min(common_prefix(a, b) for a, b in pairs)
    tail = min(common_prefix(a[head:][::-1], b[head:][::-1]) for a, b in pairs)

    def cut(text: str) -> str:
        left, right = max(0, head - context), min(len(text), len(text) - tail + context)
        return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")

    return cut(texts[0]), cut(theirs), cut(mine)


def _claim_spans(article_id: int) -> tuple[Span, ...]:
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
    stories.detect_articles([article_id])  # a text changed may be another's copy, or no longer
