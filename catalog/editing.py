"""Changing articles, one or many at a time: each change is one transaction, bumps the
version of every article it changes, keeps the full-text index in step, and returns the
articles' previous state so the change can be undone exactly (``restore``).
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from catalog import fulltext
from catalog.dates import PartialDate, as_date
from catalog.db import checked_write, database, lock_rows, placeholders
from catalog.limits import AUTHOR, NOTES, OUTLET, SUMMARY, TITLE, TOPIC, OverLimit, check, check_all
from catalog.models import (
    Article,
    ArticleAuthor,
    ArticleTopic,
    Author,
    Claim,
    ClaimLink,
    EarlierFingerprint,
    Outlet,
    Topic,
    utc_now,
)
from catalog.names import name_cache, name_key, tidy_topic

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


@dataclass(frozen=True)
class FieldConflict:
    """A field someone else changed too: as it was, as they saved it, as this edit has it."""

    name: str  #: an article object key: title, date, outlet, authors, topics, summary, notes
    base: object
    theirs: object
    mine: object


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
    """Put articles back exactly as ``states`` describe them (an undo, or a redo); bumps versions."""
    with database.atomic():
        by_id = {state.id: state for state in states}
        current = capture(by_id)
        apply_states(current, [by_id[state.id] for state in current])


# --- one article ------------------------------------------------------------------


def edit_article(
    article_id: int, edit: ArticleEdit, *, expect_version: int | None = None, base: dict | None = None
) -> list[ArticleState]:
    """Apply ``edit`` to one article; returns its previous state (for undo), or [] if nothing changed.

    With ``expect_version``, refuses (VersionConflict) if the article is no longer at that version.
    With ``base`` too (the article object that version was), an edit of fields nobody else
    changed goes through; the conflict names the fields both sides changed.
    """
    with checked_write():
        lock_rows("article", [article_id])
        [before] = capture([article_id]) or _missing(article_id)
        if expect_version is not None and base is not None:
            _check_fields(article_id, expect_version, base, edit)
        elif expect_version is not None:
            _check_version(article_id, expect_version)
        after = _edited_state(before, _resolve(edit))
        if after == before:
            return []
        apply_states([before], [after])
        return [before]


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
    with database.atomic():
        plan = _plan(ids, batch)
        apply_states(plan.before, plan.after)
        return plan.before


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
    fingerprints: list[dict] = field(default_factory=list)  #: earlier fingerprints (catalog.fingerprints)

    @property
    def count(self) -> int:
        return len(self.articles)


def delete_articles(ids: Iterable[int]) -> DeletedArticles:
    """Delete these articles (and their claims and links) in one transaction; returns them."""
    ids = sorted(set(ids))
    deleted = DeletedArticles()
    with database.atomic():
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
            deleted.claim_links += list(
                ClaimLink.select()
                .where(ClaimLink.source.in_(claim_ids) | ClaimLink.target.in_(claim_ids))
                .dicts()
            )
            fulltext.unindex(chunk)
            Article.delete().where(Article.id.in_(chunk)).execute()  # links and claims cascade
    return deleted


def undelete_articles(deleted: DeletedArticles) -> None:
    """Bring deleted articles back with their ids, names, claims and links."""
    with database.atomic():
        for model, rows in (
            (Article, deleted.articles),
            (EarlierFingerprint, deleted.fingerprints),
            (ArticleAuthor, deleted.author_links),
            (ArticleTopic, deleted.topic_links),
            (Claim, deleted.claims),
            (ClaimLink, deleted.claim_links),
        ):
            for start in range(0, len(rows), _CHUNK):
                model.insert_many(rows[start : start + _CHUNK]).execute()
        fulltext.index(row["id"] for row in deleted.articles)
