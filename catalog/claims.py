"""Claims an article makes, and typed links between claims across articles.

A claim is a span of its article's body (``start``..``end``) with who made it, when, and a
verdict. Every change is one transaction that keeps the full-text index in step (claims are
searched with their article) and returns what is needed to undo it exactly.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from peewee import JOIN, fn

from catalog import fulltext
from catalog.articles import iso_date, iso_time
from catalog.claim_anchoring import ClaimTextNotFound, find_offsets
from catalog.dates import as_date
from catalog.db import checked_write, database, lock_rows
from catalog.editing import FieldConflict
from catalog.limits import CLAIM_NOTES, CLAIM_TEXT, CLAIMANT, EXPLANATION, LINK_NOTE, OverLimit, check
from catalog.models import Article, Claim, ClaimLink, Outlet, utc_now

#: Verdicts, from a fact-checker's rating scale (schema.org ClaimReview); "unrated" is the default.
VERDICTS = ("unrated", "true", "mostly true", "mixed", "mostly false", "false", "unproven")
#: Relations between two claims; in SYMMETRIC ones the order of the two does not matter.
RELATIONS = ("repeats", "supports", "contradicts", "cites", "debunks")
SYMMETRIC = frozenset({"repeats", "contradicts"})
#: How a relation reads from its source, and from its target.
PHRASES = {
    "repeats": ("repeats", "is repeated by"),
    "supports": ("supports", "is supported by"),
    "contradicts": ("contradicts", "is contradicted by"),
    "cites": ("cites", "is cited by"),
    "debunks": ("debunks", "is debunked by"),
}


class ClaimError(ValueError):
    """A claim or link that cannot be made as asked; the message is for people."""


class ClaimConflict(ClaimError):
    """Someone else changed the same fields of this claim since the editor showed it."""

    def __init__(self, claim_id: int, fields: tuple):
        names = ", ".join(field.name.replace("_", " ") for field in fields)
        super().__init__(f"claim {claim_id} was changed by someone else meanwhile ({names})")
        self.claim_id = claim_id
        self.fields = fields  #: editing.FieldConflict per field both sides changed


class _Default:
    def __repr__(self):
        return "DEFAULT"


DEFAULT = _Default()  #: "the usual value": for a claim date, the article's date


# --- reading ------------------------------------------------------------------------


def claim_object(row: dict) -> dict:
    """The public JSON shape of a claim."""
    return {
        "id": row["id"],
        "article_id": row["article"] if "article" in row else row["article_id"],
        "text": row["text"],
        "start": row["start"],
        "end": row["end"],
        "claimant": row["claimant"],
        "claim_date": iso_date(row["claim_date"], "day"),
        "verdict": row["verdict"],
        "explanation": row["explanation"],
        "notes": row["notes"],
        "created_at": iso_time(row["created_at"]),
        "updated_at": iso_time(row["updated_at"]),
    }


def link_object(row: dict) -> dict:
    """The public JSON shape of a link between two claims."""
    return {
        "id": row["id"],
        "source_id": row["source"] if "source" in row else row["source_id"],
        "target_id": row["target"] if "target" in row else row["target_id"],
        "relation": row["relation"],
        "note": row["note"],
        "created_at": iso_time(row["created_at"]),
    }


def get_claim(claim_id: int) -> dict | None:
    row = Claim.select().where(Claim.id == claim_id).dicts().first()
    return claim_object(row) if row else None


def claims_of_article(article_id: int) -> list[dict]:
    """The article's claims in the order they appear in its text."""
    query = Claim.select().where(Claim.article == article_id).order_by(Claim.start, Claim.id)
    return [claim_object(row) for row in query.dicts()]


@dataclass(frozen=True)
class ClaimFilters:
    """Which claims the claims browser lists; empty fields do not filter."""

    text: str = ""  #: words that must all occur in the claim's text or claimant (any case)
    verdict: str = ""
    claimant: str = ""
    outlet_id: int | None = None
    article_id: int | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None


@dataclass(frozen=True)
class ClaimRow:
    """A claim with its article, as the claims browser lists it."""

    claim: dict
    article_title: str
    outlet: str | None
    article_date: str | None
    link_count: int


def list_claims(filters: ClaimFilters = ClaimFilters(), *, limit: int | None = None) -> list[ClaimRow]:
    """Claims that pass ``filters``, newest claim date first."""
    links = ClaimLink.select(fn.COUNT(ClaimLink.id)).where(
        (ClaimLink.source == Claim.id) | (ClaimLink.target == Claim.id)
    )
    query = (
        Claim.select(
            Claim, Article.title, Article.date, Article.date_precision, Outlet.name, links.alias("links")
        )
        .join(Article)
        .join(Outlet, JOIN.LEFT_OUTER)
        .order_by(Claim.claim_date.desc(nulls="LAST"), Claim.id.desc())
    )
    for word in filters.text.split():
        pattern = f"%{word}%"
        query = query.where(Claim.text**pattern | Claim.claimant**pattern)
    if filters.verdict:
        query = query.where(Claim.verdict == filters.verdict)
    if filters.claimant:
        query = query.where(fn.lower(Claim.claimant) == filters.claimant.casefold())
    if filters.outlet_id is not None:
        query = query.where(Article.outlet == filters.outlet_id)
    if filters.article_id is not None:
        query = query.where(Claim.article == filters.article_id)
    if filters.since:
        query = query.where(Claim.claim_date >= filters.since)
    if filters.until:
        query = query.where(Claim.claim_date <= filters.until)
    if limit:
        query = query.limit(limit)
    return [
        ClaimRow(
            claim_object(row),
            row["title"],
            row["name"],
            iso_date(row["date"], row["date_precision"]),
            row["links"],
        )
        for row in query.dicts()
    ]


def claimants() -> list[str]:
    """Every claimant named so far, for completion."""
    query = Claim.select(Claim.claimant).where(Claim.claimant.is_null(False)).distinct()
    return sorted({name for (name,) in query.tuples() if name}, key=str.casefold)


@dataclass(frozen=True)
class LinkView:
    """A link as one of its two claims sees it."""

    link: dict
    outgoing: bool  #: True when the claim looking is the link's source
    other: dict  #: the claim at the other end
    other_title: str
    other_outlet: str | None
    other_date: str | None

    @property
    def phrase(self) -> str:
        """``supports``, ``is supported by``, …: the relation read from the claim looking."""
        source_phrase, target_phrase = PHRASES[self.link["relation"]]
        return source_phrase if self.outgoing else target_phrase


def links_of(claim_id: int) -> list[LinkView]:
    """Every link of this claim, outgoing and incoming, with the claim and article at the other end."""
    rows = ClaimLink.select().where((ClaimLink.source == claim_id) | (ClaimLink.target == claim_id))
    views = []
    for row in rows.order_by(ClaimLink.id).dicts():
        outgoing = row["source"] == claim_id
        other_id = row["target"] if outgoing else row["source"]
        other = Claim.select().where(Claim.id == other_id).dicts().first()
        article = (
            Article.select(Article.title, Article.date, Article.date_precision, Outlet.name)
            .join(Outlet, JOIN.LEFT_OUTER)
            .where(Article.id == other["article"])
            .dicts()
            .first()
        )
        views.append(
            LinkView(
                link_object(row),
                outgoing,
                claim_object(other),
                article["title"],
                article["name"],
                iso_date(article["date"], article["date_precision"]),
            )
        )
    return views


# --- claims ---------------------------------------------------------------------------


def add_claim(
    article_id: int,
    start: int,
    end: int,
    *,
    claimant: str | None = None,
    claim_date: datetime.date | None | _Default = DEFAULT,
    verdict: str = "unrated",
    explanation: str = "",
    notes: str = "",
) -> int:
    """Mark ``start``..``end`` of the article's body as a claim; returns the claim's id."""
    _within_limits(claimant=claimant, explanation=explanation, notes=notes)
    with database.atomic():
        article = Article.select(Article.body, Article.date).where(Article.id == article_id).first()
        if article is None:
            raise ClaimError(f"no article with id {article_id}")
        if not (0 <= start < end <= len(article.body)) or not article.body[start:end].strip():
            raise ClaimError(f"no text to mark between {start} and {end} in article {article_id}")
        start, end = _trimmed(article.body, start, end)
        _within_limits(text=article.body[start:end])
        with fulltext.reindexing([article_id]):
            claim = Claim.create(
                article=article_id,
                text=article.body[start:end],
                start=start,
                end=end,
                claimant=_tidy(claimant),
                claim_date=as_date(article.date) if claim_date is DEFAULT else claim_date,
                verdict=check_verdict(verdict),
                explanation=explanation,
                notes=notes,
            )
    return claim.id


def add_claim_by_text(article_id: int, text: str, **fields) -> int:
    """Mark the place where ``text`` occurs in the article (see ``find_offsets``) as a claim."""
    _within_limits(text=text)
    body = Article.select(Article.body).where(Article.id == article_id).scalar()
    if body is None:
        raise ClaimError(f"no article with id {article_id}")
    try:
        start, end = find_offsets(body, text)
    except ClaimTextNotFound as exc:
        raise ClaimError(f"{exc} (article {article_id})") from None
    return add_claim(article_id, start, end, **fields)


@dataclass(frozen=True)
class ClaimEdit:
    """New values for a claim's fields; ``DEFAULT`` leaves a field as it is."""

    claimant: str | None | _Default = DEFAULT
    claim_date: datetime.date | None | _Default = DEFAULT
    verdict: str | _Default = DEFAULT
    explanation: str | _Default = DEFAULT
    notes: str | _Default = DEFAULT


def edit_claim(claim_id: int, edit: ClaimEdit, base: dict | None = None) -> dict | None:
    """Apply ``edit``; returns the claim as it was (for ``restore_claim``), or None if nothing changed.

    With ``base`` (the claim as the editor showed it), a field someone else changed since
    then, to a value other than this edit's, raises ClaimConflict and nothing is saved;
    changes of other fields never conflict.
    """
    changes = {name: value for name, value in vars(edit).items() if value is not DEFAULT}
    _within_limits(
        **{name: changes[name] for name in ("claimant", "explanation", "notes") if name in changes}
    )
    if "claimant" in changes:
        changes["claimant"] = _tidy(changes["claimant"])
    if "verdict" in changes:
        changes["verdict"] = check_verdict(changes["verdict"])
    with checked_write():
        lock_rows("claim", [claim_id])
        before = get_claim(claim_id)
        if before is None:
            raise ClaimError(f"no claim with id {claim_id}")
        if base is not None:
            _check_unchanged(before, base, changes)
        if all(_stored(before, name) == value for name, value in changes.items()):
            return None
        _write_claim(claim_id, before["article_id"], changes, reindex="claimant" in changes)
    return before


def _check_unchanged(now: dict, base: dict, changes: dict) -> None:
    clashes = tuple(
        FieldConflict(name, base[name], now[name], value)
        for name, value in changes.items()
        if _stored(now, name) != _stored(base, name) and _stored(now, name) != value
    )
    if clashes:
        raise ClaimConflict(now["id"], clashes)


def restore_claim(state: dict) -> None:
    """Put a claim's fields back as ``state`` (a claim object) has them: an undo or a redo."""
    fields = ("claimant", "claim_date", "verdict", "explanation", "notes", "start", "end", "text")
    changes = {name: state[name] for name in fields}
    changes["claim_date"] = as_date(changes["claim_date"])
    with database.atomic():
        _write_claim(state["id"], state["article_id"], changes, reindex=True)


def _write_claim(claim_id: int, article_id: int, changes: dict, *, reindex: bool) -> None:
    changes["updated_at"] = utc_now()
    update = Claim.update(**changes).where(Claim.id == claim_id)
    if reindex:
        with fulltext.reindexing([article_id]):
            update.execute()
    else:
        update.execute()


@dataclass
class RemovedClaims:
    """Claims and links taken out of the catalogue, exactly as stored, to put back on undo."""

    claims: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)


def delete_claims(ids: Iterable[int]) -> RemovedClaims:
    """Delete these claims and their links in one transaction; returns them for ``restore_claims``."""
    ids = sorted(set(ids))
    with database.atomic():
        removed = RemovedClaims(
            list(Claim.select().where(Claim.id.in_(ids)).dicts()),
            list(ClaimLink.select().where(ClaimLink.source.in_(ids) | ClaimLink.target.in_(ids)).dicts()),
        )
        articles = sorted({row["article"] for row in removed.claims})
        with fulltext.reindexing(articles):
            Claim.delete().where(Claim.id.in_(ids)).execute()  # links cascade
    return removed


def restore_claims(removed: RemovedClaims) -> None:
    """Bring deleted claims and links back with their ids."""
    with database.atomic():
        articles = sorted({row["article"] for row in removed.claims})
        with fulltext.reindexing(articles):
            if removed.claims:
                Claim.insert_many(removed.claims).execute()
        if removed.links:
            ClaimLink.insert_many(removed.links).execute()


# --- links ------------------------------------------------------------------------------


def link_claims(source_id: int, target_id: int, relation: str, note: str = "") -> int:
    """Link two claims (``source`` ``relation`` ``target``); returns the link's id."""
    relation = check_relation(relation)
    _within_limits(note=note)
    if source_id == target_id:
        raise ClaimError("a claim cannot be linked to itself")
    with database.atomic():
        found = {i for (i,) in Claim.select(Claim.id).where(Claim.id.in_([source_id, target_id])).tuples()}
        for claim_id in (source_id, target_id):
            if claim_id not in found:
                raise ClaimError(f"no claim with id {claim_id}")
        pairs = [(source_id, target_id)] + ([(target_id, source_id)] if relation in SYMMETRIC else [])
        for source, target in pairs:
            if (
                ClaimLink.select()
                .where(ClaimLink.source == source, ClaimLink.target == target, ClaimLink.relation == relation)
                .exists()
            ):
                raise ClaimError(f"claim {source_id} already {PHRASES[relation][0]} claim {target_id}")
        link = ClaimLink.create(source=source_id, target=target_id, relation=relation, note=note.strip())
    return link.id


def unlink(link_id: int) -> dict:
    """Remove a link; returns it as stored, for ``relink``."""
    with database.atomic():
        row = ClaimLink.select().where(ClaimLink.id == link_id).dicts().first()
        if row is None:
            raise ClaimError(f"no link with id {link_id}")
        ClaimLink.delete().where(ClaimLink.id == link_id).execute()
    return row


def relink(row: dict) -> None:
    """Put back a link ``unlink`` removed, with its id."""
    with database.atomic():
        ClaimLink.insert(row).execute()


def edit_link_note(link_id: int, note: str) -> str:
    """Change a link's note; returns the note it had."""
    _within_limits(note=note)
    with database.atomic():
        before = ClaimLink.select(ClaimLink.note).where(ClaimLink.id == link_id).scalar()
        if before is None:
            raise ClaimError(f"no link with id {link_id}")
        ClaimLink.update(note=note.strip()).where(ClaimLink.id == link_id).execute()
    return before


# --- checking ---------------------------------------------------------------------------


def check_verdict(verdict: str) -> str:
    tidy = " ".join(verdict.replace("-", " ").replace("_", " ").split()).casefold()
    if tidy not in VERDICTS:
        raise ClaimError(f"unknown verdict {verdict!r}; use one of: {', '.join(VERDICTS)}")
    return tidy


#: The limit of each claim or link field (catalog.limits).
_LIMITS = {
    "text": CLAIM_TEXT,
    "claimant": CLAIMANT,
    "explanation": EXPLANATION,
    "notes": CLAIM_NOTES,
    "note": LINK_NOTE,
}


def _within_limits(**values) -> None:
    """Refuse, before anything is written, a field longer than catalog.limits allows."""
    for name, value in values.items():
        try:
            check(_LIMITS[name], value)
        except OverLimit as exc:
            raise ClaimError(str(exc)) from None


def check_relation(relation: str) -> str:
    tidy = relation.strip().casefold()
    if tidy not in RELATIONS:
        raise ClaimError(f"unknown relation {relation!r}; use one of: {', '.join(RELATIONS)}")
    return tidy


def _tidy(name: str | None) -> str | None:
    return " ".join(name.split()) or None if name else None


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces a mouse selection picks up at either end."""
    while body[start].isspace():
        start += 1
    while body[end - 1].isspace():
        end -= 1
    return start, end


def _stored(claim: dict, name: str):
    value = claim[name]
    return as_date(value) if name == "claim_date" and value else value


# --- the claim map ------------------------------------------------------------------------


@dataclass(frozen=True)
class GraphNode:
    """A claim on the claim map, with what its node shows."""

    claim: dict
    article_title: str
    outlet: str | None
    date: str | None  #: the claim's date, else its article's
    steps: int  #: links away from the claim the map is drawn for


@dataclass(frozen=True)
class ClaimGraph:
    nodes: list[GraphNode]  #: oldest first: the first appearance leads
    links: list[dict]


def claim_graph(claim_id: int, *, steps: int = 2) -> ClaimGraph:
    """The claim and the claims linked to it, up to ``steps`` links away, with those links."""
    distance = {claim_id: 0}
    frontier = [claim_id]
    links: dict[int, dict] = {}
    for step in range(1, steps + 1):
        if not frontier:
            break
        rows = ClaimLink.select().where(ClaimLink.source.in_(frontier) | ClaimLink.target.in_(frontier))
        next_frontier = []
        for row in rows.dicts():
            links[row["id"]] = link_object(row)
            for end in (row["source"], row["target"]):
                if end not in distance:
                    distance[end] = step
                    next_frontier.append(end)
        frontier = next_frontier
    # Links among the outermost claims count too: they are all on the map.
    for row in (
        ClaimLink.select()
        .where(ClaimLink.source.in_(list(distance)) & ClaimLink.target.in_(list(distance)))
        .dicts()
    ):
        links.setdefault(row["id"], link_object(row))
    query = (
        Claim.select(
            Claim, Article.title, Article.date.alias("article_date"), Article.date_precision, Outlet.name
        )
        .join(Article)
        .join(Outlet, JOIN.LEFT_OUTER)
        .where(Claim.id.in_(list(distance)))
    )
    nodes = []
    for row in query.dicts():
        claim = claim_object(row)
        date = claim["claim_date"] or iso_date(row["article_date"], row["date_precision"])
        nodes.append(GraphNode(claim, row["title"], row["name"], date, distance[claim["id"]]))
    nodes.sort(key=lambda node: (node.date is None, node.date or "", node.claim["id"]))
    return ClaimGraph(nodes, sorted(links.values(), key=lambda link: link["id"]))
