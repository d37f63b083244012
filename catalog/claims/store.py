"""Claims an article makes, and typed links between claims across articles.

A claim is a span of its article's body (``start``..``end``) with who made it, when, and a
verdict. Every change is one transaction that keeps the full-text index in step (claims are
searched with their article) and returns what is needed to undo it exactly.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from peewee import JOIN, IntegrityError, fn

from catalog.articles import iso_date, iso_time
from catalog.claims.anchoring import ClaimTextNotFound, find_offsets
from catalog.claims.words import (  # noqa: F401 - the words of claims, said here too
    PHRASES,
    RELATIONS,
    SYMMETRIC,
    VERDICTS,
    ClaimError,
    check_relation,
    check_verdict,
)
from catalog.conflicts import Choices, FieldConflict, StepClash, StepGone, StepRefused, clash_message, decided
from catalog.dates import as_date
from catalog.db import checked_write, database, lock_rows
from catalog.limits import CLAIM_NOTES, CLAIM_TEXT, CLAIMANT, EXPLANATION, LINK_NOTE, OverLimit, check
from catalog.models import Article, Author, Claim, ClaimLink, Outlet, utc_now
from catalog.search import fulltext

#: A claim's fields people edit (its place and text follow its article's text).
EDITABLE = ("claimant", "claim_date", "verdict", "explanation", "notes")


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
    other_than_article: int | None = None  #: leave out this article's claims
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
    if filters.other_than_article is not None:
        query = query.where(Claim.article != filters.other_than_article)
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


def stored(claim_ids: Iterable[int] = (), link_ids: Iterable[int] = ()) -> "RemovedClaims":
    """These claims and links exactly as stored: what undoing the step that made them takes
    out (``remove_claims``) if nobody changed them since."""
    claim_ids, link_ids = list(claim_ids), list(link_ids)
    return RemovedClaims(
        list(Claim.select().where(Claim.id.in_(claim_ids)).order_by(Claim.id).dicts()) if claim_ids else [],
        list(ClaimLink.select().where(ClaimLink.id.in_(link_ids)).order_by(ClaimLink.id).dicts())
        if link_ids
        else [],
    )


def link_count(claim_id: int) -> int:
    """How many links the claim has, either way."""
    return ClaimLink.select().where((ClaimLink.source == claim_id) | (ClaimLink.target == claim_id)).count()


def claimants() -> list[str]:
    """Every claimant named so far, for completion."""
    query = Claim.select(Claim.claimant).where(Claim.claimant.is_null(False)).distinct()
    return sorted({name for (name,) in query.tuples() if name}, key=str.casefold)


def claimant_names() -> list[str]:
    """Who may have said a claim, for completing the claimant field: the claimants named so far,
    and every author and outlet, since claims are most often theirs."""
    names = set(claimants())
    names.update(name for (name,) in Author.select(Author.name).tuples())
    names.update(name for (name,) in Outlet.select(Outlet.name).tuples())
    return sorted(names, key=str.casefold)


def outlet_choices() -> list[tuple[str, int]]:
    """Every outlet as (name, id), in the order names are listed, for choosing claims by outlet."""
    return list(Outlet.select(Outlet.name, Outlet.id).order_by(Outlet.key).tuples())


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


def revert_claim(written: dict, target: dict, *, choices: Choices | None = None) -> None:
    """Undo (or redo) an edit of a claim, field by field: each field the edit set (where the
    claim objects ``written`` and ``target`` differ) goes back to ``target`` where it still
    holds what the edit wrote. A field someone else changed since is a clash (StepClash),
    unless ``choices`` decides it; StepGone if the claim was deleted meanwhile."""
    claim_id = written["id"]
    with checked_write():
        lock_rows("claim", [claim_id])
        now = get_claim(claim_id)
        if now is None:
            raise StepGone("the claim was deleted by someone else meanwhile")
        changes, clashes = {}, []
        for name in EDITABLE:
            mine, wanted, theirs = written[name], target[name], now[name]
            if mine == wanted or theirs == wanted:
                continue
            if theirs != mine:
                conflict = FieldConflict(name, mine, theirs, wanted)
                choice = decided(choices, conflict)
                if choice is None:
                    clashes.append(conflict)
                if not choice:
                    continue
            changes[name] = as_date(wanted) if name == "claim_date" else wanted
        if clashes:
            raise StepClash(clash_message(clashes, "claim"), tuple(clashes), kind="claim", title=now["text"])
        if changes:
            _write_claim(claim_id, now["article_id"], changes, reindex="claimant" in changes)


def restore_claim(state: dict) -> None:
    """Put a claim's fields back as ``state`` (a claim object) has them, whatever they hold now;
    undo and redo use ``revert_claim``, which never overwrites another desk's change."""
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


def restore_claims(removed: RemovedClaims) -> RemovedClaims:
    """Bring removed claims and links back with their ids: all of them or, when one cannot come
    back (its article or the claim at a link's other end is gone, its words are no longer in
    its article's text), nothing, and StepRefused says why. A claim whose article's text was
    edited meanwhile goes back onto its words wherever they now are. Returns the rows as put
    back; what is back already is left as it is."""
    try:
        with checked_write():
            claims = [row for row in map(_placed, removed.claims) if row is not None]
            present = _claim_ids_present(_link_ends(removed.links)) | {row["id"] for row in claims}
            links = [row for row in removed.links if _link_restorable(row, present)]
            articles = sorted({row["article"] for row in claims})
            with fulltext.reindexing(articles):
                if claims:
                    Claim.insert_many(claims).execute()
            if links:
                ClaimLink.insert_many(links).execute()
    except IntegrityError as exc:  # a race the checks could not see: nothing was written
        raise StepRefused(f"the claims cannot be put back as they were ({exc})") from exc
    return RemovedClaims(claims, links)


def _placed(row: dict) -> dict | None:
    """The claim row to insert, on its words in the article's text as it is now; None if the
    claim is back already."""
    if Claim.select().where(Claim.id == row["id"]).exists():
        return None
    body = Article.select(Article.body).where(Article.id == row["article"]).scalar()
    if body is None:
        raise StepRefused(f"the article of the claim “{_short(row['text'])}” was deleted meanwhile")
    if body[row["start"] : row["end"]] == row["text"]:
        return row
    try:
        start, end = find_offsets(body, row["text"], near=row["start"])
    except ClaimTextNotFound:
        raise StepRefused(
            f"the words of the claim “{_short(row['text'])}” are no longer in its article's text"
        ) from None
    return {**row, "start": start, "end": end, "text": body[start:end]}


def _link_ends(links: list[dict]) -> set[int]:
    return {row[end] for row in links for end in ("source", "target")}


def _claim_ids_present(ids: set[int]) -> set[int]:
    return {i for (i,) in Claim.select(Claim.id).where(Claim.id.in_(sorted(ids))).tuples()} if ids else set()


def _link_restorable(row: dict, present: set[int]) -> bool:
    """Whether to insert this link: False when it (or the same link) is there already; refuses
    when a claim at its ends is gone for good."""
    if ClaimLink.select().where(ClaimLink.id == row["id"]).exists():
        return False
    for end in ("source", "target"):
        if row[end] not in present:
            raise StepRefused(f"claim {row[end]}, at the other end of a link, was deleted meanwhile")
    same = ClaimLink.select().where(
        ClaimLink.source == row["source"],
        ClaimLink.target == row["target"],
        ClaimLink.relation == row["relation"],
    )
    return not same.exists()


def remove_claims(expected: RemovedClaims, *, choices: Choices | None = None) -> RemovedClaims:
    """Take out claims and links a step made or put back (an undo of marking or linking, a
    redo of deleting), in one transaction, if they are as the step left them. A claim someone
    else changed since (a field, or a link they made to it), or a link whose note they changed,
    is a clash (StepClash), unless ``choices`` decides it: True removes it anyway, False keeps
    it. What is gone already is skipped; StepGone when all of it is. Returns what was removed."""
    with checked_write():
        claim_ids = [row["id"] for row in expected.claims]
        link_ids = [row["id"] for row in expected.links]
        lock_rows("claim", claim_ids)
        claims_now = {row["id"]: row for row in Claim.select().where(Claim.id.in_(claim_ids)).dicts()}
        links_now = {
            row["id"]: row
            for row in ClaimLink.select()
            .where(
                ClaimLink.id.in_(link_ids) | ClaimLink.source.in_(claim_ids) | ClaimLink.target.in_(claim_ids)
            )
            .dicts()
        }
        if not claims_now and not set(link_ids) & set(links_now):
            raise StepGone(_gone_message(expected))
        clashes: list[FieldConflict] = []
        keep = _kept(
            _claim_conflicts(expected, claims_now, links_now) + _link_conflicts(expected, links_now),
            choices,
            clashes,
        )
        if clashes:
            title = clashes[0].owner_title if len(clashes) == 1 else f"{len(clashes)} claims and links"
            raise StepClash(clash_message(clashes, "claim"), tuple(clashes), kind="claim", title=title)
        gone_claims = [i for i in claim_ids if i in claims_now and f"{i}:claim" not in keep]
        removed = RemovedClaims(
            [claims_now[i] for i in gone_claims],
            [
                row
                for row in links_now.values()
                if row["source"] in gone_claims
                or row["target"] in gone_claims
                or (row["id"] in link_ids and f"{row['id']}:link" not in keep)
            ],
        )
        articles = sorted({row["article"] for row in removed.claims})
        with fulltext.reindexing(articles):
            if gone_claims:
                Claim.delete().where(Claim.id.in_(gone_claims)).execute()  # links cascade
        other_links = [row["id"] for row in removed.links]
        if other_links:
            ClaimLink.delete().where(ClaimLink.id.in_(other_links)).execute()
    return removed


def _claim_conflicts(expected: RemovedClaims, claims_now: dict, links_now: dict) -> list[FieldConflict]:
    expected_links = {row["id"] for row in expected.links}
    found = []
    for row in expected.claims:
        now = claims_now.get(row["id"])
        if now is None:
            continue
        changed = [name.replace("_", " ") for name in EDITABLE if now[name] != row[name]]
        if any(
            link["id"] not in expected_links and row["id"] in (link["source"], link["target"])
            for link in links_now.values()
        ):
            changed.append("links")
        if changed:
            found.append(
                FieldConflict(
                    "claim",
                    "as it was",
                    f"{', '.join(changed)} changed",
                    "removed",
                    owner=row["id"],
                    owner_title=row["text"],
                )
            )
    return found


def _link_conflicts(expected: RemovedClaims, links_now: dict) -> list[FieldConflict]:
    found = []
    for row in expected.links:
        now = links_now.get(row["id"])
        if now is not None and now["note"] != row["note"]:
            found.append(
                FieldConflict(
                    "link",
                    row["note"],
                    now["note"],
                    "removed",
                    owner=row["id"],
                    owner_title=f"{row['relation']} link",
                )
            )
    return found


def _kept(conflicts: list[FieldConflict], choices: Choices | None, clashes: list) -> set[str]:
    """The keys of what stays as someone else left it; undecided clashes go to ``clashes``."""
    keep = set()
    for conflict in conflicts:
        choice = decided(choices, conflict)
        if choice is None:
            clashes.append(conflict)
        elif not choice:
            keep.add(conflict.key)
    return keep


def _gone_message(expected: RemovedClaims) -> str:
    if expected.claims:
        return f"the claim “{_short(expected.claims[0]['text'])}” was deleted by someone else meanwhile"
    return "the link was removed by someone else meanwhile"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
    published: str | None = None  #: its article's date: when that outlet carried the claim

    @property
    def when(self) -> str | None:
        """Where the node stands in time: when its article appeared, else the claim's date."""
        return self.published or self.date


@dataclass(frozen=True)
class ClaimGraph:
    nodes: list[GraphNode]  #: oldest first: the first appearance leads
    links: list[dict]
    #: The claim's passage in copies of its article that lack it (catalog.claims.travel), and
    #: every outlet that carried it, by date: drawn when the map is asked with its copies.
    passages: list = field(default_factory=list)
    carriers: list = field(default_factory=list)


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
        published = iso_date(row["article_date"], row["date_precision"])
        date = claim["claim_date"] or published
        nodes.append(GraphNode(claim, row["title"], row["name"], date, distance[claim["id"]], published))
    # By when each appeared: copies of one statement share its date, not their outlets' days.
    nodes.sort(key=lambda node: (node.when is None, node.when or "", node.claim["id"]))
    return ClaimGraph(nodes, sorted(links.values(), key=lambda link: link["id"]))
