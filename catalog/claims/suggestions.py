"""Claims and passages of other articles that look like a given claim: candidates for a link.

Offline and deterministic: the claim's rarest words (fewest articles contain them) make an
OR-query of the full-text index (``catalog.backends``: on SQLite FTS5 ranked by bm25), over
other claims and over other articles' text; for an
article, the sentence with most of those words is the passage offered. An OR of every word
would rank by words found everywhere and cost far more.
"""

import re
from dataclasses import dataclass

from peewee import JOIN

from catalog.articles import iso_date
from catalog.backends import backend
from catalog.claims.store import add_claim, claim_object, link_claims
from catalog.db import database
from catalog.models import Article, Claim, ClaimLink, Outlet
from catalog.search.matching import fold, word_pattern

KEY_TERMS = 12  #: rarest words of the claim that make the query
_COMMON_CAP = 2000  # counting stops here: a word in more articles than this is common anyway
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n\s*\n")
_STOP_WORDS = frozenset(
    """a an and are as at be been but by for from had has have he her his i if in into is it its
    not of on or our she that the their them there they this to was we were what when which who
    will with would you said says say also than then more most very can could may might""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Suggestion:
    """A claim of another article, or a passage of one, that may be linked to the claim."""

    kind: str  #: "claim" (an existing claim) or "passage" (text not yet marked as a claim)
    article_id: int
    title: str
    outlet: str | None
    date: str | None
    text: str
    start: int  #: where ``text`` is in the article's body
    end: int
    claim_id: int | None = None

    def object(self) -> dict:
        return {
            "kind": self.kind,
            "claim_id": self.claim_id,
            "article_id": self.article_id,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


def suggest_links(claim_id: int, *, limit: int = 10) -> list[Suggestion]:
    """Up to ``limit`` claims, then up to ``limit`` passages, most like this claim first."""
    claim = Claim.select().where(Claim.id == claim_id).dicts().first()
    if claim is None:
        return []
    terms = key_terms(claim["text"])
    if not terms:
        return []
    claims = _similar_claims(claim, terms, limit)
    return claims + _similar_passages(claim, terms, limit, taken=claims)


def key_terms(text: str, count: int = KEY_TERMS) -> list[str]:
    """The claim's ``count`` rarest words in the catalogue (found at least once), rarest first."""
    words = [w for w in dict.fromkeys(_WORD.findall(fold(text))) if len(w) > 2 and w not in _STOP_WORDS]
    frequency = {}
    for word in words:
        found = backend().articles_with_word(word, _COMMON_CAP)
        if found:
            frequency[word] = found
    return sorted(frequency, key=lambda w: (frequency[w], words.index(w)))[:count]


def accept(
    claim_id: int, suggestion: Suggestion, relation: str = "repeats", note: str = ""
) -> tuple[int, int | None]:
    """Link the claim to a suggestion, marking a passage as a claim first; returns the link's id
    and the new claim's id (None when the suggestion was a claim already)."""
    with database.atomic():
        new_claim = None
        target = suggestion.claim_id
        if target is None:
            target = new_claim = add_claim(suggestion.article_id, suggestion.start, suggestion.end)
        return link_claims(claim_id, target, relation, note), new_claim


def _similar_claims(claim: dict, terms: list[str], limit: int) -> list[Suggestion]:
    linked = ClaimLink.select(ClaimLink.target).where(ClaimLink.source == claim["id"]) | ClaimLink.select(
        ClaimLink.source
    ).where(ClaimLink.target == claim["id"])
    skip = {claim["id"], *(i for (i,) in linked.tuples())}
    found = []
    for other_id in backend().claims_with_words(terms, limit + len(skip) + 50):
        if other_id in skip:
            continue
        other = claim_object(Claim.select().where(Claim.id == other_id).dicts().get())
        if other["article_id"] == claim["article"]:
            continue
        title, outlet, date = _article_line(other["article_id"])
        found.append(
            Suggestion(
                "claim",
                other["article_id"],
                title,
                outlet,
                date,
                other["text"],
                other["start"],
                other["end"],
                other_id,
            )
        )
        if len(found) == limit:
            break
    return found


def _similar_passages(claim: dict, terms: list[str], limit: int, taken: list[Suggestion]) -> list[Suggestion]:
    pattern = word_pattern(terms)
    marked = {(s.article_id, s.start) for s in taken}
    found = []
    for article_id in backend().articles_with_words(terms, claim["article"], limit * 2):
        body = Article.select(Article.body).where(Article.id == article_id).scalar() or ""
        best = _best_sentence(body, pattern)
        if best is None or (article_id, best[0]) in marked or _overlaps_claim(article_id, *best):
            continue
        title, outlet, date = _article_line(article_id)
        found.append(Suggestion("passage", article_id, title, outlet, date, body[best[0] : best[1]], *best))
        if len(found) == limit:
            break
    return found


def _best_sentence(body: str, pattern) -> tuple[int, int] | None:
    """The sentence of ``body`` with the most distinct key words (the first of equals)."""
    best, best_score, start = None, 0, 0
    folded = fold(body)
    for end in [m.start() for m in _SENTENCE_END.finditer(body)] + [len(body)]:
        score = len({m.group() for m in pattern.finditer(folded, start, end)})
        if score > best_score and body[start:end].strip():
            best, best_score = (start, end), score
        start = end
        while start < len(body) and (body[start].isspace() or body[start] in "\"'”’)"):
            start += 1
    if best is None:
        return None
    start, end = best
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _overlaps_claim(article_id: int, start: int, end: int) -> bool:
    return Claim.select().where(Claim.article == article_id, Claim.start < end, Claim.end > start).exists()


def _article_line(article_id: int) -> tuple[str, str | None, str | None]:
    row = (
        Article.select(Article.title, Article.date, Article.date_precision, Outlet.name)
        .join(Outlet, JOIN.LEFT_OUTER)
        .where(Article.id == article_id)
        .tuples()
        .get()
    )
    title, date, precision, outlet = row
    return title, outlet, iso_date(date, precision)
