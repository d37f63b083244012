"""Claims and passages of other articles that look like a given claim: candidates for a link.

Offline and deterministic, and the same on both backends: the claim's words are weighed
(``catalog.claims.terms``: rare words and names weigh most); the full-text index only finds
the articles (and claims) that have its rarest words, and the ranking is done here, in Python,
on the words of each candidate: an article's best sentence (the most weight of the claim's
words), helped a little by the claim's words elsewhere in that article. Claims and passages
are ranked together, most alike first.
"""

import heapq
import re
from dataclasses import dataclass, field

from peewee import JOIN

from catalog.articles import iso_date
from catalog.backends import backend
from catalog.claims.store import add_claim, claim_object, link_claims
from catalog.claims.terms import ClaimTerms, content_words, scored_word, weigh
from catalog.db import database
from catalog.limits import CLAIMANT
from catalog.models import Article, ArticleAuthor, Author, Claim, ClaimLink, Outlet

KEY_TERMS = 12  #: rarest words of the claim whose articles are candidates
_COMMON_CAP = 2000  # counting stops here: a word in more articles than this is common anyway
#: Articles read (their text) per suggestion asked for: the best by the weight of the claim's
#: words they have, as the index says, before their sentences are scored.
_READ_PER_SUGGESTION = 4
#: Of the claim's words found in the article outside the best sentence, this share of their
#: weight counts: an article about Iran throughout is likelier the one meant.
CONTEXT_SHARE = 0.3
_CANDIDATE_CLAIMS = 500  # claims with the claim's words looked at, at most
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n\s*\n")
_CLOSERS = "\"'”’)"


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
    #: The claim's claimant; for a passage, the one it gets when it becomes a claim
    #: (``proposed_claimant``).
    claimant: str | None = None
    score: float = field(default=0.0, compare=False)  #: how alike: the weight of shared words

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
    """Up to ``limit`` claims and up to ``limit`` passages of other articles, together, most
    like this claim first."""
    claim = Claim.select(Claim.text, Claim.article).where(Claim.id == claim_id).tuples().first()
    if claim is None:
        return []
    return suggest_for_text(claim[0], claim[1], claim_id=claim_id, limit=limit)


def suggest_for_text(
    text: str, article_id: int, *, claim_id: int | None = None, limit: int = 10
) -> list[Suggestion]:
    """``suggest_links`` for a claim's ``text`` in the article ``article_id`` (``claim_id``:
    the claim itself, if it is one, whose links are not offered again)."""
    terms = claim_terms(text, article_id)
    if not terms.weights:
        return []
    claims = _similar_claims(terms, article_id, claim_id, limit)
    passages = _similar_passages(terms, article_id, limit)
    return sorted(claims + passages, key=lambda s: (-s.score, s.kind, s.article_id, s.start))


def claim_terms(text: str, article_id: int | None = None) -> ClaimTerms:
    """The words of the claim ``text`` weighed over the catalogue; its article (``article_id``)
    tells whether a capitalised first word is a name."""
    frequency = {word: backend().articles_with_word(word, _COMMON_CAP) for word in content_words(text)}
    context = Article.select(Article.body).where(Article.id == article_id).scalar() if article_id else None
    return weigh(text, frequency, Article.select().count(), context or "")


def key_terms(terms: ClaimTerms, count: int = KEY_TERMS) -> list[str]:
    """The words (as the index has them) whose articles are candidates: the ``count`` that
    weigh most, leaving out words too common to count (unless every word is)."""
    found = sorted(terms.frequency, key=lambda w: (-terms.weight_of(w), w))
    rare = [w for w in found if terms.frequency[w] < _COMMON_CAP]
    return (rare or found[:1])[:count]


def proposed_claimant(article_id: int) -> str | None:
    """Who claims what an article says, when a passage of it becomes a claim: its authors (the
    people who wrote it say it), or else its outlet (which published it)."""
    authors = [
        name
        for (name,) in Author.select(Author.name)
        .join(ArticleAuthor)
        .where(ArticleAuthor.article == article_id)
        .order_by(ArticleAuthor.position)
        .tuples()
    ]
    if authors:
        joined = ", ".join(authors)
        return joined if len(joined) <= CLAIMANT.characters else authors[0][: CLAIMANT.characters]
    return Outlet.select(Outlet.name).join(Article).where(Article.id == article_id).scalar()


def accept(
    claim_id: int, suggestion: Suggestion, relation: str = "repeats", note: str = ""
) -> tuple[int, int | None]:
    """Link the claim to a suggestion, marking a passage as a claim first (claimed by the
    suggestion's ``claimant``); returns the link's id and the new claim's id (None when the
    suggestion was a claim already)."""
    with database.atomic():
        new_claim = None
        target = suggestion.claim_id
        if target is None:
            target = new_claim = add_claim(
                suggestion.article_id, suggestion.start, suggestion.end, claimant=suggestion.claimant
            )
        return link_claims(claim_id, target, relation, note), new_claim


def _similar_claims(terms: ClaimTerms, article_id: int, claim_id: int | None, limit: int) -> list[Suggestion]:
    skip = {claim_id}
    if claim_id is not None:
        linked = ClaimLink.select(ClaimLink.target).where(ClaimLink.source == claim_id) | ClaimLink.select(
            ClaimLink.source
        ).where(ClaimLink.target == claim_id)
        skip.update(i for (i,) in linked.tuples())
    ids = backend().claims_with_words(key_terms(terms), _CANDIDATE_CLAIMS)
    rows = Claim.select().where(Claim.id.in_(ids), Claim.article != article_id).dicts() if ids else []
    scored = [(terms.score(row["text"]), row) for row in rows if row["id"] not in skip]
    best = heapq.nsmallest(limit * 2, [s for s in scored if s[0] > 0], key=lambda s: (-s[0], s[1]["id"]))
    texts = _texts([row["article"] for _, row in best])
    found = []
    for score, row in best:
        title, body = texts[row["article"]]
        score += CONTEXT_SHARE * _context(terms, title, body, row["text"])
        found.append((score, row["id"], claim_object(row)))
    found = sorted(found, key=lambda item: (-item[0], item[1]))[:limit]
    return _described("claim", [(score, claim) for score, _, claim in found])


def _similar_passages(terms: ClaimTerms, article_id: int, limit: int) -> list[Suggestion]:
    candidates = _candidate_articles(terms, article_id, limit * _READ_PER_SUGGESTION)
    texts = _texts(candidates)
    marked = _claim_spans(candidates)  # a sentence already a claim is offered as that claim
    found = []
    for other in candidates:
        title, body = texts[other]
        best = _best_sentence(body, terms, marked.get(other, []))
        if best is None:
            continue
        start, end, score = best
        score += CONTEXT_SHARE * _context(terms, title, body, body[start:end])
        found.append((score, {"article_id": other, "text": body[start:end], "start": start, "end": end}))
    found = sorted(found, key=lambda item: (-item[0], item[1]["article_id"]))[:limit]
    return _described("passage", found)


def _described(kind: str, found: list[tuple[float, dict]]) -> list[Suggestion]:
    """Suggestions of ``kind`` for these (score, claim or passage) pairs, with their articles'
    titles, outlets and dates, and the claimant (a passage's: ``proposed_claimant``)."""
    lines = _article_lines([item["article_id"] for _, item in found])
    suggestions = []
    for score, item in found:
        title, outlet, date = lines[item["article_id"]]
        claimant = item.get("claimant") if kind == "claim" else proposed_claimant(item["article_id"])
        suggestions.append(
            Suggestion(
                kind,
                item["article_id"],
                title,
                outlet,
                date,
                item["text"],
                item["start"],
                item["end"],
                item.get("id") if kind == "claim" else None,
                claimant,
                score,
            )
        )
    return suggestions


def _candidate_articles(terms: ClaimTerms, article_id: int, count: int) -> list[int]:
    """The ``count`` articles (but the claim's own) with the most weight of the claim's key
    words, as the index finds them; equals by id."""
    found: dict[int, set[str]] = {}
    for word in key_terms(terms):
        for other in backend().articles_having(word, _COMMON_CAP):
            found.setdefault(other, set()).add(scored_word(word))
    found.pop(article_id, None)
    score = {other: sum(terms.weights[w] for w in words) for other, words in found.items()}
    return heapq.nsmallest(count, score, key=lambda other: (-score[other], other))


def _best_sentence(
    body: str, terms: ClaimTerms, marked: list[tuple[int, int]]
) -> tuple[int, int, float] | None:
    """The sentence of ``body`` (not overlapping a ``marked`` span) with the most weight of the
    claim's words, the first of equals: (start, end, score), or None when none has any."""
    best, start = None, 0
    for end in [m.start() for m in _SENTENCE_END.finditer(body)] + [len(body)]:
        span = _stripped(body, start, end)
        if span and not any(s < span[1] and span[0] < e for s, e in marked):
            score = terms.score(body[span[0] : span[1]])
            if score > 0 and (best is None or score > best[2]):
                best = (*span, score)
        start = end
        while start < len(body) and (body[start].isspace() or body[start] in _CLOSERS):
            start += 1
    return best


def _stripped(body: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _context(terms: ClaimTerms, title: str, body: str, text: str) -> float:
    """The weight of the claim's words the article has outside ``text``."""
    outside = terms.found_in(f"{title}\n{body}") - terms.found_in(text)
    return sum(terms.weights[w] for w in outside)


def _texts(article_ids: list[int]) -> dict[int, tuple[str, str]]:
    if not article_ids:
        return {}
    rows = Article.select(Article.id, Article.title, Article.body).where(Article.id.in_(article_ids))
    return {article_id: (title, body or "") for article_id, title, body in rows.tuples()}


def _claim_spans(article_ids: list[int]) -> dict[int, list[tuple[int, int]]]:
    spans: dict[int, list[tuple[int, int]]] = {}
    if article_ids:
        rows = Claim.select(Claim.article, Claim.start, Claim.end).where(Claim.article.in_(article_ids))
        for article_id, start, end in rows.tuples():
            spans.setdefault(article_id, []).append((start, end))
    return spans


def _article_lines(article_ids: list[int]) -> dict[int, tuple[str, str | None, str | None]]:
    """Each article's title, outlet and date (as ``iso_date`` writes it)."""
    if not article_ids:
        return {}
    rows = (
        Article.select(Article.id, Article.title, Article.date, Article.date_precision, Outlet.name)
        .join(Outlet, JOIN.LEFT_OUTER)
        .where(Article.id.in_(article_ids))
        .tuples()
    )
    return {
        article_id: (title, outlet, iso_date(date, precision))
        for article_id, title, date, precision, outlet in rows
    }
