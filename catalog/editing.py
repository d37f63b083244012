"""Changing articles, one or many at a time: each change is one transaction, bumps the
version of every article it changes, keeps the full-text index in step, and returns the
articles' previous state so the change can be undone exactly (``restore``).
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from peewee import IntegrityError

from catalog import stories
from catalog.conflicts import (
    Choices,
    FieldConflict,
    StepClash,
    StepGone,
    StepRefused,
    clash_message,
    decided,
)
from catalog.dates import PartialDate, as_date
from catalog.db import checked_write, database, lock_rows, placeholders
from catalog.limits import AUTHOR, NOTES, OUTLET, SUMMARY, TITLE, TOPIC, OverLimit, check, check_all
from catalog.models import (
    Article,
    ArticleAuthor,
    ArticleTopic,
    ArticleUrl,
    Author,
    Claim,
    ClaimLink,
    EarlierFingerprint,
    Outlet,
    Topic,
    utc_now,
)
from catalog.names import name_cache, name_key, tidy_topic
from catalog.search import fulltext

_CHUNK = 500


class VersionConflict(Exception):
    """The article changed since the version the editor started from."""

    def __init__(self, article_id: int, expected: int, actual: int, fields: tuple["FieldConflict", ...] = ()):
        super().__init__(
            f"article {article_id} changed since version {expected} (it is now version {actual}); "
            "reload it and apply your edit again"
        )
        self.article_id, self.expected, self.actual = article_id, expected, actual
        #: With a base to compare, the fields both sides changed (else empty).
        self.fields = fields


#: ArticleEdit fields, with the article object key each one changes.
EDIT_FIELDS = {
    "title": "title",
    "date": "date",
    "outlet": "outlet",
    "authors": "authors",
    "topics": "topics",
    "add_topics": "topics",
    "remove_topics": "topics",
    "summary": "summary",
    "notes": "notes",
}


class NoSuchArticle(LookupError):
    def __init__(self, article_id: int):
        super().__init__(f"no article with id {article_id}")
        self.article_id = article_id


class _Unset:
    def __repr__(self):
        return "UNSET"


UNSET = _Unset()  #: "leave this field as it is"


@dataclass(frozen=True)
class ArticleState:
    """Everything an edit can change about one article, exactly as stored."""

    id: int
    title: str
    date: datetime.date | None
    date_precision: str | None
    outlet_id: int | None
    summary: str
    notes: str
    author_ids: tuple[int, ...]
    topic_ids: tuple[int, ...]


@dataclass(frozen=True)
class ArticleEdit:
    """New values for one article; fields left UNSET keep theirs. Names are created if new."""

    title: str | _Unset = UNSET
    date: PartialDate | None | _Unset = UNSET
    outlet: str | None | _Unset = UNSET
    authors: Sequence[str] | _Unset = UNSET
    topics: Sequence[str] | _Unset = UNSET
    add_topics: Sequence[str] = ()
    remove_topics: Sequence[str] = ()
    summary: str | _Unset = UNSET
    notes: str | _Unset = UNSET


# --- reading states -------------------------------------------------------------


def capture(ids: Iterable[int]) -> list[ArticleState]:
    """The current state of these articles (missing ids are skipped), in id order."""
    ids = sorted(set(ids))
    states = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        # Plain SQL: a batch edit captures every article it touches, and undo needs it all.
        authors = _links("article_author", "author_id", chunk, order="position")
        topics = _links("article_topic", "topic_id", chunk, order="topic_id")
        rows = database.execute_sql(
            'SELECT "id", "title", "date", "date_precision", "outlet_id", "summary", "notes" '
            f'FROM "article" WHERE "id" IN ({placeholders(len(chunk))}) ORDER BY "id"',
            chunk,
        )
        for article_id, title, date, precision, outlet_id, summary, notes in rows:
            states.append(
                ArticleState(
                    article_id,
                    title,
                    as_date(date),
                    precision,
                    outlet_id,
                    summary,
                    notes,
                    tuple(authors.get(article_id, ())),
                    tuple(topics.get(article_id, ())),
                )
            )
    return states


def _links(table: str, column: str, ids: list[int], order: str) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    rows = database.execute_sql(
        f'SELECT "article_id", "{column}" FROM "{table}" WHERE "article_id" IN ({placeholders(len(ids))}) '
        f'ORDER BY "article_id", "{order}"',
        ids,
    )
    for article_id, linked_id in rows:
        found.setdefault(article_id, []).append(linked_id)
    return found


# --- writing states -------------------------------------------------------------


def restore(states: Sequence[ArticleState]) -> None:
    """Put articles back exactly as ``states`` describe them, whatever they hold now; bumps
    versions. Undo and redo use ``revert_states``, which never overwrites another desk's change."""
    with database.atomic():
        by_id = {state.id: state for state in states}
        current = capture(by_id)
        apply_states(current, [by_id[state.id] for state in current])


# --- undo and redo, checked ----------------------------------------------------------

#: ArticleState attributes a change can set, with the article object key each is shown as.
STATE_FIELDS = {
    "title": "title",
    "date": "date",
    "outlet_id": "outlet",
    "author_ids": "authors",
    "topic_ids": "topics",
    "summary": "summary",
    "notes": "notes",
}


def revert_states(
    written: Sequence[ArticleState], target: Sequence[ArticleState], *, choices: Choices | None = None
) -> list[int]:
    """Undo (or redo) a change to articles, field by field, in one transaction.

    ``written`` is what the change left each article as, ``target`` what to put back (the same
    articles, in the same order). Only the fields the change set (where the two differ) are
    put back, and only where they still hold what it wrote: the other fields keep whatever
    was saved since. A field someone else changed since is a clash: StepClash names them all
    and nothing is written, unless ``choices`` decides each. Articles deleted meanwhile are
    skipped and their ids returned; StepGone when every one is.
    """
    with checked_write():
        ids = [state.id for state in written]
        lock_rows("article", ids)
        now = {state.id: state for state in capture(ids)}
        if not now:
            raise StepGone(_gone(len(ids)))
        befores, afters, clashes = [], [], []
        for old, new in zip(written, target, strict=True):
            current = now.get(old.id)
            if current is None:
                continue
            changes = _reverted_fields(old, new, current, choices, clashes)
            if changes:
                befores.append(current)
                afters.append(replace(current, **changes))
        if clashes:
            raise _article_clash(clashes)
        _check_names_exist(befores, afters)
        apply_states(befores, afters)
        return [i for i in ids if i not in now]


def _reverted_fields(
    written: ArticleState, target: ArticleState, current: ArticleState, choices, clashes: list
) -> dict:
    changes: dict = {}
    for attribute, key in STATE_FIELDS.items():
        mine, wanted, theirs = (_field_of(s, attribute) for s in (written, target, current))
        if mine == wanted or theirs == wanted:
            continue  # not this change's field, or already as wanted
        if theirs != mine:
            conflict = FieldConflict(key, mine, theirs, wanted, owner=current.id, owner_title=current.title)
            choice = decided(choices, conflict)
            if choice is None:
                clashes.append(conflict)
            if not choice:
                continue
        changes.update(_state_changes(target, attribute))
    return changes


def _field_of(state: ArticleState, attribute: str):
    """A field's value to compare: a date with its precision; topics in any order."""
    if attribute == "date":
        return (state.date, (state.date_precision or "day") if state.date else None)
    if attribute == "topic_ids":
        return tuple(sorted(state.topic_ids))
    return getattr(state, attribute)


def _state_changes(state: ArticleState, attribute: str) -> dict:
    if attribute == "date":
        return {"date": state.date, "date_precision": state.date_precision}
    return {attribute: getattr(state, attribute)}


def _gone(count: int) -> str:
    if count == 1:
        return "the article was deleted by someone else meanwhile"
    return f"the {count:,} articles were deleted by someone else meanwhile"


def _article_clash(clashes: list[FieldConflict]) -> StepClash:
    """The clashes as people read them: names instead of ids, dates as written."""
    shown = tuple(
        replace(c, base=_shown(c.name, c.base), theirs=_shown(c.name, c.theirs), mine=_shown(c.name, c.mine))
        for c in clashes
    )
    owners = {c.owner for c in clashes}
    title = clashes[0].owner_title if len(owners) == 1 else f"{len(owners):,} articles"
    return StepClash(clash_message(list(shown), "article"), shown, kind="article", title=title)


def _shown(key: str, value):
    from catalog.articles import iso_date

    if key == "date":
        return iso_date(*value) if value[0] else None
    if key == "outlet":
        return _names_of(Outlet, [value])[0] if value is not None else None
    if key in ("authors", "topics"):
        return _names_of(Author if key == "authors" else Topic, list(value))
    return value


def _names_of(model, ids: list[int]) -> list[str]:
    names = dict(model.select(model.id, model.name).where(model.id.in_(ids)).tuples()) if ids else {}
    return [names.get(i, f"(deleted {model.__name__.lower()})") for i in ids]


def _check_names_exist(befores: list[ArticleState], afters: list[ArticleState]) -> None:
    """Refuse, in words, to put back an outlet, author or topic someone else deleted or merged."""
    for model, attribute in ((Outlet, "outlet_id"), (Author, "author_ids"), (Topic, "topic_ids")):
        wanted = set()
        for old, new in zip(befores, afters, strict=True):
            value, was = getattr(new, attribute), getattr(old, attribute)
            if value != was:
                wanted.update(value if isinstance(value, tuple) else [value] if value is not None else [])
        wanted = sorted(wanted)
        found = set()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            found.update(i for (i,) in model.select(model.id).where(model.id.in_(chunk)).tuples())
        if set(wanted) - found:
            kind = model.__name__.lower()
            raise StepRefused(
                f"{'an' if kind[0] in 'ao' else 'a'} {kind} it would put back was merged into another "
                "or deleted by someone else meanwhile"
            )


# --- one article ------------------------------------------------------------------


def edit_article(
    article_id: int, edit: ArticleEdit, *, expect_version: int | None = None, base: dict | None = None
) -> list[ArticleState]:
    """Apply ``edit`` to one article; returns its previous state (for undo), or [] if nothing changed.

    With ``expect_version``, refuses (VersionConflict) if the article is no longer at that version.
    With ``base`` too (the article object that version was), an edit of fields nobody else
    changed goes through; the conflict names the fields both sides changed.
    """
    return edit_article_change(article_id, edit, expect_version=expect_version, base=base)[0]


def edit_article_change(
    article_id: int, edit: ArticleEdit, *, expect_version: int | None = None, base: dict | None = None
) -> tuple[list[ArticleState], list[ArticleState]]:
    """``edit_article``, returning the article's state before and after (both [] if nothing
    changed), read in the same transaction: what an undo step needs."""
    with checked_write():
        lock_rows("article", [article_id])
        [before] = capture([article_id]) or _missing(article_id)
        if expect_version is not None and base is not None:
            _check_fields(article_id, expect_version, base, edit)
        elif expect_version is not None:
            _check_version(article_id, expect_version)
        after = _edited_state(before, _resolve(edit))
        if after == before:
            return [], []
        apply_states([before], [after])
        return [before], [after]


def _missing(article_id: int):
    raise NoSuchArticle(article_id)


def _check_version(article_id: int, expected: int) -> None:
    actual = Article.select(Article.version).where(Article.id == article_id).scalar()
    if actual != expected:
        raise VersionConflict(article_id, expected, actual)


def _check_fields(article_id: int, expected: int, base: dict, edit: ArticleEdit) -> None:
    """Refuse only when a field this edit sets was changed by someone else since ``base``."""
    from catalog.articles import get_article

    actual = current_version(article_id)
    if actual == expected:
        return
    theirs = get_article(article_id)
    touched = {key for name, key in EDIT_FIELDS.items() if getattr(edit, name) not in (UNSET, ())}
    clashes = tuple(
        FieldConflict(key, base[key], theirs[key], _edited_value(edit, key, theirs))
        for key in sorted(touched)
        if base[key] != theirs[key]
    )
    if clashes:
        raise VersionConflict(article_id, expected, actual, clashes)


def _edited_value(edit: ArticleEdit, key: str, article: dict):
    """What ``key`` would be after ``edit``, as an article object shows it."""
    if key == "topics" and edit.topics is UNSET:
        topics = [t for t in article["topics"] if t not in set(edit.remove_topics)]
        return topics + [t for t in edit.add_topics if t not in topics]
    value = getattr(edit, key)
    if key == "date":
        return value.iso() if value else None
    return list(value) if isinstance(value, (list, tuple)) else value


def current_version(article_id: int) -> int | None:
    return Article.select(Article.version).where(Article.id == article_id).scalar()


@dataclass(frozen=True)
class _Resolved:
    """An ArticleEdit with its names turned into ids, once for however many articles."""

    edit: ArticleEdit
    outlet_id: int | None | _Unset
    author_ids: tuple[int, ...] | _Unset
    topic_ids: tuple[int, ...] | _Unset
    add_topic_ids: tuple[int, ...]
    remove_topic_ids: frozenset[int]


def _resolve(edit: ArticleEdit) -> _Resolved:
    _check_limits(edit)
    outlet_id: int | None | _Unset = UNSET
    if edit.outlet is not UNSET:
        outlet_id = name_cache(Outlet).id_for(edit.outlet) if edit.outlet else None
    return _Resolved(
        edit=edit,
        outlet_id=outlet_id,
        author_ids=_ids_for(Author, edit.authors) if edit.authors is not UNSET else UNSET,
        topic_ids=_ids_for(Topic, edit.topics) if edit.topics is not UNSET else UNSET,
        add_topic_ids=_ids_for(Topic, edit.add_topics),
        remove_topic_ids=frozenset(_existing_ids(Topic, edit.remove_topics)),
    )


def _check_limits(edit: ArticleEdit) -> None:
    """Every value ``edit`` would store, against catalog.limits, before any name is created."""
    for limit, value in (
        (TITLE, edit.title),
        (OUTLET, edit.outlet),
        (SUMMARY, edit.summary),
        (NOTES, edit.notes),
    ):
        if isinstance(value, str):
            check(limit, value)
    for limit, names in ((AUTHOR, edit.authors), (TOPIC, edit.topics), (TOPIC, edit.add_topics)):
        if names is not UNSET:
            check_all(limit, names)


def _edited_state(state: ArticleState, resolved: _Resolved) -> ArticleState:
    edit = resolved.edit
    changes: dict = {}
    if edit.title is not UNSET:
        title = " ".join(edit.title.split())
        if not title:
            raise ValueError("an article needs a title")
        changes["title"] = title
    if edit.date is not UNSET:
        changes["date"] = edit.date.first_day() if edit.date else None
        changes["date_precision"] = edit.date.precision if edit.date else None
        if changes["date"] == state.date and changes["date_precision"] == (state.date_precision or "day"):
            # A stored NULL precision is "day" (imports leave it NULL): the same date is no change.
            changes["date_precision"] = state.date_precision
    if resolved.outlet_id is not UNSET:
        changes["outlet_id"] = resolved.outlet_id
    if resolved.author_ids is not UNSET:
        changes["author_ids"] = resolved.author_ids
    topic_ids = resolved.topic_ids if resolved.topic_ids is not UNSET else state.topic_ids
    topic_ids = tuple(
        t for t in dict.fromkeys(topic_ids + resolved.add_topic_ids) if t not in resolved.remove_topic_ids
    )
    if set(topic_ids) != set(state.topic_ids):
        changes["topic_ids"] = tuple(sorted(topic_ids))
    if edit.summary is not UNSET:
        changes["summary"] = edit.summary
    if edit.notes is not UNSET:
        changes["notes"] = edit.notes
    return _replace(state, changes)


def _replace(state: ArticleState, changes: dict) -> ArticleState:
    return replace(state, **changes)


def _ids_for(model, names: Iterable[str]) -> tuple[int, ...]:
    cache = name_cache(model)
    return tuple(dict.fromkeys(filter(None, map(cache.id_for, names))))


def _existing_ids(model, names: Iterable[str]) -> list[int]:
    keys = [tidy_topic(n).casefold() if model is Topic else name_key(n) for n in names]
    return [row.id for row in model.select(model.id).where(model.key.in_(keys))] if keys else []


# --- many articles ----------------------------------------------------------------


@dataclass(frozen=True)
class BatchEdit:
    """One step applied to many articles: set outlet or date, add or remove names, replace in titles."""

    outlet: str | None | _Unset = UNSET
    date: PartialDate | None | _Unset = UNSET
    add_authors: Sequence[str] = ()
    remove_authors: Sequence[str] = ()
    add_topics: Sequence[str] = ()
    remove_topics: Sequence[str] = ()
    find_in_titles: str = ""
    replace_in_titles: str = ""

    def describe(self) -> str:
        parts = []
        if self.outlet is not UNSET:
            parts.append(f"set outlet to {self.outlet or 'none'}")
        if self.date is not UNSET:
            parts.append(f"set date to {self.date.iso() if self.date else 'unknown'}")
        for verb, names in (
            ("add author", self.add_authors),
            ("remove author", self.remove_authors),
            ("add topic", self.add_topics),
            ("remove topic", self.remove_topics),
        ):
            if names:
                parts.append(f"{verb} {', '.join(names)}")
        if self.find_in_titles:
            parts.append(f"replace “{self.find_in_titles}” with “{self.replace_in_titles}” in titles")
        return "; ".join(parts) or "no change"


@dataclass
class BatchPlan:
    """What a batch edit would do: the states after it, of the articles it changes."""

    before: list[ArticleState] = field(default_factory=list)
    after: list[ArticleState] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.after)


def plan_batch(ids: Iterable[int], batch: BatchEdit) -> BatchPlan:
    """The articles ``batch`` would change, without changing them (new names are not created)."""
    with database.atomic() as transaction:
        plan = _plan(ids, batch)
        transaction.rollback()  # planning may have created names; a preview leaves none behind
    return plan


def apply_batch(ids: Iterable[int], batch: BatchEdit) -> list[ArticleState]:
    """Apply ``batch`` to these articles in one transaction; returns the previous states."""
    return apply_batch_change(ids, batch).before


def apply_batch_change(ids: Iterable[int], batch: BatchEdit) -> BatchPlan:
    """``apply_batch``, returning the states before and after of the articles it changed."""
    with checked_write():
        plan = _plan(ids, batch)
        apply_states(plan.before, plan.after)
        return plan


def _plan(ids: Iterable[int], batch: BatchEdit) -> BatchPlan:
    edit = _resolve(
        ArticleEdit(
            outlet=batch.outlet,
            date=batch.date,
            add_topics=batch.add_topics,
            remove_topics=batch.remove_topics,
        )
    )
    check_all(AUTHOR, batch.add_authors)
    check_all(TITLE, (batch.find_in_titles, batch.replace_in_titles))
    add_authors = _ids_for(Author, batch.add_authors)
    remove_authors = set(_existing_ids(Author, batch.remove_authors))
    plan = BatchPlan()
    for state in capture(ids):
        after = _edited_state(state, edit)
        authors = tuple(a for a in dict.fromkeys(after.author_ids + add_authors) if a not in remove_authors)
        title = (
            after.title.replace(batch.find_in_titles, batch.replace_in_titles)
            if batch.find_in_titles
            else after.title
        )
        title = " ".join(title.split()) or after.title
        if len(title) > TITLE.characters:
            raise OverLimit(
                TITLE,
                f"of article {state.id} would be {len(title):,} characters long; "
                f"at most {TITLE.characters:,} are allowed",
            )
        after = _replace(after, {"author_ids": authors, "title": title})
        if after != state:
            plan.before.append(state)
            plan.after.append(after)
    return plan


def apply_states(before: list[ArticleState], after: list[ArticleState]) -> None:
    """Turn articles from ``before`` into ``after`` (same order), inside the caller's transaction;
    only articles whose indexed text changes are indexed again."""
    indexed = [new.id for old, new in zip(before, after, strict=True) if _indexed_text_differs(old, new)]
    with fulltext.reindexing(indexed):
        _write_states(before, after)


def _indexed_text_differs(old: ArticleState, new: ArticleState) -> bool:
    # The index holds title, body, authors, outlet, topics and summary; not dates or notes.
    indexed = ("title", "author_ids", "outlet_id", "topic_ids", "summary")
    return any(getattr(old, name) != getattr(new, name) for name in indexed)


# ArticleState attribute -> the article columns it is stored in
_STATE_COLUMNS = {
    "title": ("title",),
    "date": ("date", "date_precision"),
    "outlet_id": ("outlet_id",),
    "summary": ("summary",),
    "notes": ("notes",),
}


def _write_states(before: list[ArticleState], after: list[ArticleState]) -> None:
    """Turn ``before`` into ``after``: per changed field one statement run for every article that
    changes it, links rewritten only where authors or topics change. Bumps versions."""
    param = database.obj.param
    cursor = database.connection().cursor()
    now = str(utc_now())
    cursor.executemany(
        f'UPDATE "article" SET "version" = "version" + 1, "updated_at" = {param} WHERE "id" = {param}',
        [(now, state.id) for state in after],
    )
    for attribute, columns in _STATE_COLUMNS.items():
        rows = [
            (*_column_values(new, attribute), new.id)
            for old, new in zip(before, after, strict=True)
            if _column_values(old, attribute) != _column_values(new, attribute)
        ]
        if rows:
            assignments = ", ".join(f'"{column}" = {param}' for column in columns)
            cursor.executemany(f'UPDATE "article" SET {assignments} WHERE "id" = {param}', rows)
    _replace_links(
        ArticleAuthor,
        ArticleAuthor.author,
        [(o, n, n.author_ids) for o, n in zip(before, after, strict=True) if n.author_ids != o.author_ids],
        positions=True,
    )
    _replace_links(
        ArticleTopic,
        ArticleTopic.topic,
        [(o, n, n.topic_ids) for o, n in zip(before, after, strict=True) if n.topic_ids != o.topic_ids],
        positions=False,
    )


def _column_values(state: ArticleState, attribute: str) -> tuple:
    if attribute == "date":
        return (state.date.isoformat() if state.date else None, state.date_precision)
    return (getattr(state, attribute),)


def _replace_links(model, column, changed: list, *, positions: bool) -> None:
    ids = [new.id for _, new, _ in changed]
    for start in range(0, len(ids), _CHUNK):
        model.delete().where(model.article.in_(ids[start : start + _CHUNK])).execute()
    rows = []
    for _, new, linked in changed:
        for position, linked_id in enumerate(linked):
            rows.append((new.id, linked_id, position) if positions else (new.id, linked_id))
    fields = [model.article, column] + ([ArticleAuthor.position] if positions else [])
    for start in range(0, len(rows), _CHUNK):
        model.insert_many(rows[start : start + _CHUNK], fields=fields).execute()


# --- deleting ---------------------------------------------------------------------


@dataclass
class DeletedArticles:
    """Deleted articles with everything that hung on them, so that undo brings all of it back."""

    articles: list[dict] = field(default_factory=list)
    author_links: list[dict] = field(default_factory=list)
    topic_links: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    claim_links: list[dict] = field(default_factory=list)
    #: The outlets, authors and topics they had, (kind, id) -> name: to say which one is missing.
    names: dict[tuple[str, int], str] = field(default_factory=dict)
    fingerprints: list[dict] = field(default_factory=list)  #: earlier fingerprints (catalog.fingerprints)
    #: A person's splits and joins of their stories (catalog.stories): (first, second, together).
    story_choices: list[tuple[int, int, bool]] = field(default_factory=list)
    urls: list[dict] = field(default_factory=list)  #: their web addresses (schema 17)

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def ids(self) -> list[int]:
        return [row["id"] for row in self.articles]


def deletion_impact(ids: Iterable[int]) -> tuple[int, int]:
    """What deleting these articles takes with it: (their claims, links from those claims to
    claims of other articles, which stay without the link)."""
    ids = list(ids)
    claims = [c for (c,) in Claim.select(Claim.id).where(Claim.article.in_(ids)).tuples()]
    if not claims:
        return 0, 0
    outside = (
        ClaimLink.select()
        .join(Claim, on=(Claim.id == ClaimLink.target))
        .where(ClaimLink.source.in_(claims), Claim.article.not_in(ids))
        .count()
        + ClaimLink.select()
        .join(Claim, on=(Claim.id == ClaimLink.source))
        .where(ClaimLink.target.in_(claims), Claim.article.not_in(ids))
        .count()
    )
    return len(claims), outside


def delete_articles(
    ids: Iterable[int], *, expect: DeletedArticles | None = None, choices: Choices | None = None
) -> DeletedArticles:
    """Delete these articles (and their claims and links) in one transaction; returns them.

    With ``expect`` (the articles as an undone delete put them back: a redo), an article
    someone else changed since (its fields, claims or links) is a clash (StepClash), unless
    ``choices`` decides it: True deletes it anyway, False keeps it. Articles deleted meanwhile
    are skipped; StepGone when every one is.
    """
    ids = sorted(set(ids))
    deleted = DeletedArticles()
    with checked_write():
        lock_rows("article", ids)
        if expect is not None:
            ids = _unchanged_since(expect, choices)
        # The copies left behind may no longer be one story without these.
        story_mates = stories.story_mates(ids) - set(ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            claim_ids = [c for (c,) in Claim.select(Claim.id).where(Claim.article.in_(chunk)).tuples()]
            deleted.articles += list(Article.select().where(Article.id.in_(chunk)).dicts())
            deleted.author_links += list(
                ArticleAuthor.select().where(ArticleAuthor.article.in_(chunk)).dicts()
            )
            deleted.topic_links += list(ArticleTopic.select().where(ArticleTopic.article.in_(chunk)).dicts())
            deleted.fingerprints += list(
                EarlierFingerprint.select().where(EarlierFingerprint.article.in_(chunk)).dicts()
            )
            deleted.claims += list(Claim.select().where(Claim.id.in_(claim_ids)).dicts())
            deleted.story_choices += stories.choices_of(chunk)
            deleted.urls += list(ArticleUrl.select().where(ArticleUrl.article.in_(chunk)).dicts())
            deleted.claim_links += list(
                ClaimLink.select()
                .where(ClaimLink.source.in_(claim_ids) | ClaimLink.target.in_(claim_ids))
                .dicts()
            )
            fulltext.unindex(chunk)
            Article.delete().where(Article.id.in_(chunk)).execute()  # links and claims cascade
        stories.regroup_after_leaving(story_mates)
        deleted.names = _names_used(deleted)
    return deleted


def _names_used(deleted: DeletedArticles) -> dict[tuple[str, int], str]:
    wanted = {
        "outlet": {row["outlet"] for row in deleted.articles if row["outlet"] is not None},
        "author": {row["author"] for row in deleted.author_links},
        "topic": {row["topic"] for row in deleted.topic_links},
    }
    names = {}
    for kind, model in (("outlet", Outlet), ("author", Author), ("topic", Topic)):
        ids = sorted(wanted[kind])
        for start in range(0, len(ids), _CHUNK):
            query = model.select(model.id, model.name).where(model.id.in_(ids[start : start + _CHUNK]))
            names.update({(kind, name_id): name for name_id, name in query.tuples()})
    return names


def _unchanged_since(expect: DeletedArticles, choices: Choices | None) -> list[int]:
    """The ids of ``expect``'s articles to delete again: those as it left them, and those
    someone else changed that ``choices`` says to delete anyway."""
    ids = expect.ids
    now = {}
    for start in range(0, len(ids), _CHUNK):
        query = Article.select(Article.id, Article.title, Article.version).where(
            Article.id.in_(ids[start : start + _CHUNK])
        )
        now.update({row[0]: row[1:] for row in query.tuples()})
    if not now:
        raise StepGone(_gone(len(ids)))
    changed = _what_changed(expect, now)
    keep, clashes = set(), []
    for article_id, what in changed.items():
        title = now[article_id][0]
        conflict = FieldConflict(
            "article", "as it was", f"{what} changed", "deleted", owner=article_id, owner_title=title
        )
        choice = decided(choices, conflict)
        if choice is None:
            clashes.append(conflict)
        elif not choice:
            keep.add(article_id)
    if clashes:
        title = clashes[0].owner_title if len(clashes) == 1 else f"{len(clashes):,} articles"
        message = (
            f"someone else changed {'“' + title + '”' if len(clashes) == 1 else title} "
            "since the delete was undone"
        )
        raise StepClash(message, tuple(clashes), kind="article", title=title)
    return [i for i in ids if i in now and i not in keep]


def _what_changed(expect: DeletedArticles, now: dict[int, tuple]) -> dict[int, str]:
    """Per article changed since ``expect`` was put back: what changed, in words."""
    changed: dict[int, list[str]] = {}
    versions = {row["id"]: row["version"] for row in expect.articles}
    for article_id, (_, version) in now.items():
        if version != versions[article_id]:
            changed.setdefault(article_id, []).append("its details")
    ids = sorted(now)
    claims_then = {row["id"]: (row["article"], row["updated_at"]) for row in expect.claims}
    links_then = {row["id"] for row in expect.claim_links}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        claims = list(
            Claim.select(Claim.id, Claim.article, Claim.updated_at).where(Claim.article.in_(chunk)).tuples()
        )
        for claim_id, article_id, updated in claims:
            if claims_then.get(claim_id) != (article_id, updated):
                changed.setdefault(article_id, []).append("its claims")
        owner = {claim_id: article_id for claim_id, article_id, _ in claims}
        links = ClaimLink.select(ClaimLink.id, ClaimLink.source, ClaimLink.target).where(
            ClaimLink.source.in_(list(owner)) | ClaimLink.target.in_(list(owner))
        )
        for link_id, source, target in links.tuples():
            if link_id not in links_then:
                article_id = owner.get(source, owner.get(target))
                changed.setdefault(article_id, []).append("its claims' links")
    return {article_id: " and ".join(dict.fromkeys(what)) for article_id, what in changed.items()}


def undelete_articles(deleted: DeletedArticles) -> None:
    """Bring deleted articles back with their ids, names, claims and links: all of it or, if
    any of it cannot come back as it was, nothing (StepRefused says why)."""
    try:
        with checked_write():
            _check_undeletable(deleted)
            for model, rows in (
                (Article, deleted.articles),
                (EarlierFingerprint, deleted.fingerprints),
                (ArticleAuthor, deleted.author_links),
                (ArticleTopic, deleted.topic_links),
                (ArticleUrl, deleted.urls),
                (Claim, deleted.claims),
                (ClaimLink, deleted.claim_links),
            ):
                for start in range(0, len(rows), _CHUNK):
                    model.insert_many(rows[start : start + _CHUNK]).execute()
            fulltext.index(row["id"] for row in deleted.articles)
            stories.restore_choices(deleted.story_choices)
            stories.detect_articles(row["id"] for row in deleted.articles)
    except IntegrityError as exc:  # a race the checks could not see: nothing was written
        raise StepRefused(f"it cannot be put back as it was ({exc})") from exc


def _check_undeletable(deleted: DeletedArticles) -> None:
    """Refuse, in words, when an id is taken, the same text was imported again, or a name or a
    linked claim the articles had is gone."""
    titles = {row["id"]: row["title"] for row in deleted.articles}
    taken = _present(Article, Article.id, list(titles))
    if taken:
        raise StepRefused(f"article {taken[0]} (“{titles[taken[0]]}”) is in the catalogue already")
    hashes = {row["content_hash"]: row["title"] for row in deleted.articles}
    for start in range(0, len(hashes), _CHUNK):
        chunk = list(hashes)[start : start + _CHUNK]
        again = (
            Article.select(Article.id, Article.content_hash).where(Article.content_hash.in_(chunk)).first()
        )
        if again is not None:
            raise StepRefused(
                f"the text of “{hashes[again.content_hash]}” is in the catalogue again, as article "
                f"{again.id} (imported meanwhile); delete that one first to bring this one back"
            )
    for kind, model, wanted in (
        ("outlet", Outlet, {row["outlet"] for row in deleted.articles if row["outlet"] is not None}),
        ("author", Author, {row["author"] for row in deleted.author_links}),
        ("topic", Topic, {row["topic"] for row in deleted.topic_links}),
    ):
        missing = sorted(set(wanted) - set(_present(model, model.id, sorted(wanted))))
        if missing:
            name = deleted.names.get((kind, missing[0]), f"number {missing[0]}")
            raise StepRefused(f"the {kind} “{name}” they had was merged or deleted by someone else meanwhile")
    claim_ids = {row["id"] for row in deleted.claims}
    if _present(Claim, Claim.id, sorted(claim_ids)) or _present(
        ClaimLink, ClaimLink.id, [row["id"] for row in deleted.claim_links]
    ):
        raise StepRefused("one of their claims or links is in the catalogue already")
    elsewhere = {row[end] for row in deleted.claim_links for end in ("source", "target")} - claim_ids
    gone = sorted(elsewhere - set(_present(Claim, Claim.id, sorted(elsewhere))))
    if gone:
        raise StepRefused(
            f"claim {gone[0]} in another article, which one of their claims was linked to, was "
            "deleted by someone else meanwhile"
        )


def _present(model, column, ids: list[int]) -> list[int]:
    """Which of these ids ``model`` has."""
    found = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found += [i for (i,) in model.select(column).where(column.in_(chunk)).tuples()]
    return sorted(found)
