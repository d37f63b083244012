"""A claim across the copies of its article: the same passage found in each other copy of its
story (catalog.stories), and marked there in one step, each linked to the claim as ``repeats``.

A passage is *the same* when its letters and digits are, in order, those of the claim, whatever
lies between them: case, accents, quote styles, punctuation, spaces, line breaks and a hyphen
where a line was broken (``_letters_pattern``). A passage a copy changed by a few words is found
by comparing words over windows of the copy's text (difflib's ratio at least ``CHANGED_RATIO``)
and said to be *changed*. Spans are in the copy's text as written, so a claim marked there
covers the right words.
"""

import datetime
import difflib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from peewee import JOIN

from catalog.claims.store import ClaimGraph, add_claim, claim_graph, get_claim, link_claims
from catalog.claims.words import ClaimError
from catalog.dates import as_date
from catalog.db import checked_write, lock_rows
from catalog.models import Article, Claim, ClaimLink, Outlet
from catalog.search.matching import fold
from catalog.stories import Story, story_of

#: A window of a copy's words is the claim, changed, when difflib's ratio of the two word lists
#: is at least this: two words changed in a claim of twenty.
CHANGED_RATIO = 0.9
#: A claim of fewer words is looked for only as it is: "changed" by one word, a few words would
#: be found in many places they were never said.
CHANGED_MIN_WORDS = 8
#: Windows around the places most of the claim's word triples point to: how many such places,
#: and how far a window's start and length may stray from the claim's.
_PLACES = 3
_STRAY = 3
_WORD = re.compile(r"[^\W_]+")  # letters and digits: punctuation and "_" part words
_BETWEEN_WORDS = re.compile(r"[\W_]+")
_MARKS_AT_START = re.compile(r"[^\s\w]*")  # quote marks, stops, dashes
_MARKS_AT_END = re.compile(r"[^\s\w]*$")


@dataclass(frozen=True, slots=True)
class Passage:
    """A claim's passage in another copy of its story."""

    article_id: int
    start: int  #: in that copy's text as written
    end: int
    exact: bool  #: the same words (after folding); False: changed by a few words
    #: The copy's claim of this statement, when it has one: a claim on these words (overlapping
    #: them), or one linked to this claim as repeating it. None: the copy lacks it.
    claim_id: int | None
    outlet: str | None = None
    date: datetime.date | None = None
    text: str = ""  #: the passage as the copy writes it

    def object(self) -> dict:
        """The public JSON shape (``catalog claims copies --json``)."""
        return {
            "article": self.article_id,
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "claim": self.claim_id,
        }


@dataclass(frozen=True)
class Marked:
    """What ``mark`` wrote: the claims made in copies and their links to the claim."""

    claims: list[int]
    links: list[int]
    articles: list[int]  #: the copies that got a claim


def passages_in_copies(claim_id: int) -> list[Passage]:
    """The claim's passage in each other copy of its article's story, in the story's order
    (first appearance first, then by date); copies where it is not found are left out. Empty
    for a claim that does not exist or whose article has no copies."""
    claim = get_claim(claim_id)
    if claim is None:
        return []
    story = story_of(claim["article_id"], shares=False)
    return _passages(claim, story) if story is not None else []


def mark_in_copies(claim_id: int, article_ids: Iterable[int] | None = None) -> list[int]:
    """Mark the claim in each copy that lacks it (or only in ``article_ids`` of them); returns
    the new claims' ids. See ``mark``."""
    return mark(claim_id, article_ids).claims


def mark(claim_id: int, article_ids: Iterable[int] | None = None) -> Marked:
    """In one transaction, a claim on the passage of each copy that lacks one (``Passage.claim_id``
    None), with the claim's claimant, date, verdict and explanation (they belong to the
    statement, wherever it is printed; notes are the desk's, about one marking, and stay), each
    linked as ``repeats`` to the claim: from the later copy's claim to the earlier's, in the
    story's order. A copy that has the claim already is left as it is, so a second call marks
    nothing. ClaimError when the claim does not exist."""
    wanted = None if article_ids is None else set(article_ids)
    with checked_write():
        lock_rows("claim", [claim_id])
        claim = get_claim(claim_id)
        if claim is None:
            raise ClaimError(f"no claim with id {claim_id}")
        story = story_of(claim["article_id"], shares=False)
        passages = _passages(claim, story) if story is not None else []
        order = {article_id: index for index, article_id in enumerate(story.articles)} if story else {}
        made, links, articles = [], [], []
        for passage in passages:
            if passage.claim_id is not None or (wanted is not None and passage.article_id not in wanted):
                continue
            copy_claim = add_claim(
                passage.article_id,
                passage.start,
                passage.end,
                claimant=claim["claimant"],
                claim_date=as_date(claim["claim_date"]),
                verdict=claim["verdict"],
                explanation=claim["explanation"],
            )
            later = order[passage.article_id] > order[claim["article_id"]]
            source, target = (copy_claim, claim_id) if later else (claim_id, copy_claim)
            links.append(link_claims(source, target, "repeats"))
            made.append(copy_claim)
            articles.append(passage.article_id)
    return Marked(made, links, articles)


# --- who carried it ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Carrier:
    """An outlet that carried the claim: its article, and the claim there (None: the passage
    is there, not marked yet)."""

    article_id: int
    outlet: str | None
    date: datetime.date | None  #: when that article appeared
    claim_id: int | None
    first: bool = False  #: where the claim first appeared


def carriers(claim_id: int, passages: list[Passage] | None = None) -> list[Carrier]:
    """Every article that carried the claim, each once, by date (undated last, never first):
    the claims it is linked to as ``repeats``, and those repeat, at any remove; and the
    passages of ``passages`` (default: ``passages_in_copies``) that are not marked."""
    component = _repeats_of(claim_id)
    if not component:
        return []
    rows = (
        Claim.select(Claim.id, Article.id, Outlet.name, Article.date)
        .join(Article)
        .join(Outlet, JOIN.LEFT_OUTER)
        .where(Claim.id.in_(sorted(component)))
        .order_by(Claim.id)
        .tuples()
    )
    found: dict[int, Carrier] = {}
    for claim, article_id, outlet, date in rows:
        found.setdefault(article_id, Carrier(article_id, outlet, as_date(date), claim))
    if passages is None:
        passages = passages_in_copies(claim_id)
    for passage in passages:
        if passage.claim_id is None:
            found.setdefault(
                passage.article_id, Carrier(passage.article_id, passage.outlet, passage.date, None)
            )
    ordered = sorted(
        found.values(),
        key=lambda carrier: (carrier.date is None, carrier.date or datetime.date.min, carrier.article_id),
    )
    return [replace(carrier, first=index == 0) for index, carrier in enumerate(ordered)]


def claim_graph_with_copies(claim_id: int, *, steps: int = 2) -> ClaimGraph:
    """The claim map's graph (``claim_graph``) with the claim's passages in copies that lack it
    and the outlets that carried it."""
    graph = claim_graph(claim_id, steps=steps)
    passages = [passage for passage in passages_in_copies(claim_id) if passage.claim_id is None]
    return replace(graph, passages=passages, carriers=carriers(claim_id, passages))


def _repeats_of(claim_id: int) -> set[int]:
    """The claim and every claim joined to it by ``repeats`` links, either way, at any remove;
    empty when the claim does not exist."""
    if not Claim.select().where(Claim.id == claim_id).exists():
        return set()
    seen, frontier = {claim_id}, [claim_id]
    while frontier:
        rows = ClaimLink.select(ClaimLink.source, ClaimLink.target).where(
            (ClaimLink.relation == "repeats")
            & (ClaimLink.source.in_(frontier) | ClaimLink.target.in_(frontier))
        )
        frontier = sorted({end for pair in rows.tuples() for end in pair} - seen)
        seen.update(frontier)
    return seen


# --- finding --------------------------------------------------------------------------


def _passages(claim: dict, story: Story) -> list[Passage]:
    own = claim["article_id"]
    copies = [copy for copy in story.copies if copy.article_id != own]
    bodies = dict(
        Article.select(Article.id, Article.body)
        .where(Article.id.in_([own, *(copy.article_id for copy in copies)]))
        .tuples()
    )
    if own not in bodies:
        return []
    # Where the claim sits in its own text, as a share of it: of several places in a copy,
    # the one at about the same share is taken.
    share = claim["start"] / max(len(bodies[own]), 1)
    wanted = _letters_pattern(claim["text"])
    if wanted is None:
        return []
    words = _WORD.findall(fold(claim["text"]))
    found = []
    for copy in copies:
        body = bodies.get(copy.article_id)
        if body is None:  # deleted meanwhile
            continue
        folded, near = fold(body), round(share * len(body))  # folded: one character for one
        span = _same(wanted, folded, near)
        exact = span is not None
        if span is None:
            span = _changed(words, folded, near)
        if span is None:
            continue
        start, end = _with_punctuation(claim["text"], body, *span)
        found.append((copy, start, end, exact))
    held = _claims_there(claim["id"], found)
    return [
        Passage(
            copy.article_id,
            start,
            end,
            exact,
            held.get(copy.article_id),
            copy.outlet,
            copy.date,
            bodies[copy.article_id][start:end],
        )
        for copy, start, end, exact in found
    ]


def _letters_pattern(text: str) -> re.Pattern | None:
    """The claim's letters and digits, folded, in order, with anything but letters and digits
    between them, as whole words: one scan of a copy's folded text finds the passage, at C
    speed, however the copy spaces, wraps, quotes or hyphenates it. None for a text without
    letters."""
    letters = _BETWEEN_WORDS.sub("", fold(text))
    if not letters:
        return None
    return re.compile(r"(?<![^\W_])" + r"[\W_]*".join(map(re.escape, letters)) + r"(?![^\W_])")


def _same(pattern: re.Pattern, folded: str, near: int) -> tuple[int, int] | None:
    places = [match.span() for match in pattern.finditer(folded)]
    return min(places, key=lambda span: abs(span[0] - near)) if places else None


def _changed(words: list[str], folded: str, near: int) -> tuple[int, int] | None:
    """The window of the copy's words (``folded``: its text folded) most like the claim's
    ``words``, if alike enough."""
    if len(words) < CHANGED_MIN_WORDS:
        return None
    spans = [match.span() for match in _WORD.finditer(folded)]
    others = [folded[start:end] for start, end in spans]
    # Each word triple of the claim found in the copy votes for where the claim would start.
    triples: dict[tuple, list[int]] = {}
    for index in range(len(words) - 2):
        triples.setdefault(tuple(words[index : index + 3]), []).append(index)
    votes: Counter = Counter()
    for index in range(len(others) - 2):
        for offset in triples.get(tuple(others[index : index + 3]), ()):
            votes[index - offset] += 1
    if not votes:
        return None
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(words)
    best: tuple[float, int, int, int] | None = None  # ratio, -distance from near, first, last
    for place, _ in votes.most_common(_PLACES):
        for first in range(max(place - _STRAY, 0), min(place + _STRAY, len(others) - 1) + 1):
            for length in range(max(len(words) - _STRAY, 1), len(words) + _STRAY + 1):
                last = min(first + length, len(others))
                matcher.set_seq1(others[first:last])
                ratio = matcher.ratio()
                key = (ratio, -abs(spans[first][0] - near), first, last)
                if best is None or key[:2] > best[:2]:
                    best = key
    if best is None or best[0] < CHANGED_RATIO:
        return None
    _, _, first, last = best
    return spans[first][0], spans[last - 1][1]


def _with_punctuation(text: str, body: str, start: int, end: int) -> tuple[int, int]:
    """The span widened over the quote marks and stops the claim has before its first word
    and after its last, where the copy has them too."""
    stripped = text.strip()
    lead = len(_MARKS_AT_START.match(stripped).group())
    tail = len(_MARKS_AT_END.search(stripped).group())
    while lead and start > 0 and _MARKS_AT_START.match(body[start - 1]).group():
        start, lead = start - 1, lead - 1
    while tail and end < len(body) and _MARKS_AT_START.match(body[end]).group():
        end, tail = end + 1, tail - 1
    return start, end


def _claims_there(claim_id: int, found: list) -> dict[int, int]:
    """For each copy, a claim that has the passage already: one linked to this claim on the
    passage's words, else one linked as ``repeats`` anywhere in the copy, else the one that
    overlaps the passage most."""
    ids = [copy.article_id for copy, *_ in found]
    if not ids:
        return {}
    rows = list(
        Claim.select(Claim.id, Claim.article, Claim.start, Claim.end)
        .where(Claim.article.in_(ids))
        .order_by(Claim.id)
        .tuples()
    )
    links = ClaimLink.select(ClaimLink.source, ClaimLink.target, ClaimLink.relation).where(
        (ClaimLink.source == claim_id) | (ClaimLink.target == claim_id)
    )
    linked: dict[int, str] = {}
    for source, target, relation in links.tuples():
        other = target if source == claim_id else source
        if relation == "repeats" or other not in linked:
            linked[other] = relation
    spans = {copy.article_id: (start, end) for copy, start, end, _ in found}
    held = {}
    for article_id in ids:
        start, end = spans[article_id]
        mine = [row for row in rows if row[1] == article_id]

        def overlap(row, start=start, end=end):
            return min(end, row[3]) - max(start, row[2])

        choices = (
            [row for row in mine if row[0] in linked and overlap(row) > 0],
            [row for row in mine if linked.get(row[0]) == "repeats"],
            sorted((row for row in mine if overlap(row) > 0), key=overlap, reverse=True),
        )
        for rows_of_kind in choices:
            if rows_of_kind:
                held[article_id] = rows_of_kind[0][0]
                break
    return held
