"""Looking after outlet, author and topic names: counts, rename, merge, delete unused."""

from dataclasses import dataclass, field, replace

from peewee import JOIN, fn

from catalog.conflicts import Choices, FieldConflict, StepClash, StepRefused, clash_message, decided
from catalog.db import checked_write, database
from catalog.editing import ArticleState, apply_states, capture, revert_states
from catalog.limits import NAMES, OverLimit, check
from catalog.models import Article, ArticleAuthor, ArticleTopic, Author, NamedModel, Outlet, Topic
from catalog.names import name_cache, name_key, tidy_name, tidy_topic
from catalog.search import fulltext
from catalog.topic_counts import topic_counts

#: The kinds of name, as the command line and the window call them.
KINDS: dict[str, type[NamedModel]] = {"outlet": Outlet, "author": Author, "topic": Topic}


class NameProblem(LookupError):
    """A name that is missing, or clashes; the message is for people."""


@dataclass(frozen=True)
class NameCount:
    id: int
    name: str
    count: int


@dataclass
class NameChange:
    """What a rename or merge did, so that it can be undone exactly."""

    kind: str
    articles_before: list[ArticleState] = field(default_factory=list)
    articles_after: list[ArticleState] = field(default_factory=list)  #: the same articles, as left
    removed: list[dict] = field(default_factory=list)  #: name rows deleted, with their ids
    renamed: list[tuple[int, str, str]] = field(default_factory=list)  #: (id, old name, old key)
    renamed_to: dict[int, str] = field(default_factory=dict)  #: id -> the name it was given
    reparented: list[tuple[int, int | None]] = field(default_factory=list)  #: (topic id, old parent)
    reparented_to: dict[int, int] = field(default_factory=dict)  #: topic id -> the parent it was given
    into_id: int | None = None  #: the name a merge moved everything to
    created_id: int | None = None  #: a name the change brought into being


def _tidy(kind: str, name: str) -> str:
    return tidy_topic(name) if kind == "topic" else tidy_name(name)


def _key(kind: str, name: str) -> str:
    return _tidy(kind, name).casefold() if kind == "topic" else name_key(name)


def _link(kind: str):
    """(table, its article column, its name column) linking articles to names of ``kind``."""
    if kind == "outlet":
        return Article, Article.id, Article.outlet
    if kind == "author":
        return ArticleAuthor, ArticleAuthor.article, ArticleAuthor.author
    return ArticleTopic, ArticleTopic.article, ArticleTopic.topic


def name_counts(kind: str) -> list[NameCount]:
    """Every name of ``kind`` with the number of articles that carry it, by name; a topic's
    number counts the articles of its sub-topics too, each once (as the sidebar does)."""
    model = KINDS[kind]
    if model is Topic:
        counts = topic_counts()
        query = Topic.select(Topic.id, Topic.name).order_by(Topic.key).tuples()
        return [NameCount(topic_id, name, counts.get(topic_id, 0)) for topic_id, name in query]
    table, _, name_column = _link(kind)
    # Counting the link's name column (NULL for a name nothing carries): its index answers alone.
    query = (
        model.select(model.id, model.name, fn.COUNT(name_column))
        .join(table, JOIN.LEFT_OUTER, on=(name_column == model.id))
        .group_by(model.id)
        .order_by(model.key)
    )
    return [NameCount(*row) for row in query.tuples()]


def names(kind: str) -> list[str]:
    """Every name of ``kind``, as shown, in order: what a completer offers (no counting)."""
    model = KINDS[kind]
    return [name for (name,) in model.select(model.name).order_by(model.key).tuples()]


def find_name(kind: str, name: str) -> NamedModel:
    model = KINDS[kind]
    found = model.get_or_none(model.key == _key(kind, name))
    if found is None:
        raise NameProblem(f"no {kind} named “{name}”")
    return found


def _within_limit(kind: str, name: str) -> None:
    """Refuse a new name longer than catalog.limits allows, before anything changes."""
    try:
        check(NAMES[kind], name)
    except OverLimit as exc:
        raise NameProblem(str(exc)) from None


def _articles_with(kind: str, name_ids: list[int]) -> list[int]:
    table, article_column, name_column = _link(kind)
    return [
        row[0] for row in table.select(article_column).where(name_column.in_(name_ids)).distinct().tuples()
    ]


def merge_names(kind: str, names: list[str], into: str) -> NameChange:
    """Move every article from ``names`` to ``into`` (created if new) and delete the merged names.

    A merged topic's sub-topics move under ``into`` with it (``Politics/Elections`` merged into
    ``Government`` becomes ``Government/Elections``, or joins that topic if it exists). A topic
    cannot be merged into one of its own sub-topics: that would leave the tree without a root.
    """
    model = KINDS[kind]
    _within_limit(kind, into)
    into = _tidy(kind, into)
    if not into:
        raise NameProblem(f"the {kind} to merge into has no name")
    with database.atomic():
        sources = [find_name(kind, name) for name in names]
        if model is Topic:
            _refuse_merge_into_own_sub_topic(sources, into)
        existed = model.get_or_none(model.key == _key(kind, into))
        target = existed.id if existed else name_cache(model).id_for(into)
        sources = [s for s in sources if s.id != target]
        change = NameChange(kind, into_id=target, created_id=None if existed else target)
        merged = {s.id: target for s in sources}
        change.removed = list(model.select().where(model.id.in_(list(merged))).dicts())
        renames: list[tuple[int, str, str]] = []
        if model is Topic:
            merged, renames = _move_sub_topics(sources, Topic.get_by_id(target), merged, change)
        change.articles_before = capture(_articles_with(kind, list(merged)))
        change.articles_after = [_moved(kind, state, merged) for state in change.articles_before]
        apply_states(change.articles_before, change.articles_after)
        if renames:
            change.renamed = [
                (r.id, r.name, r.key) for r in Topic.select().where(Topic.id.in_([i for i, _, _ in renames]))
            ]
            change.renamed_to = {name_id: name for name_id, name, _ in renames}
            _rename(kind, renames)
        model.delete().where(model.id.in_(list(merged))).execute()
        return change


def _refuse_merge_into_own_sub_topic(sources: list[NamedModel], into: str) -> None:
    key = _key("topic", into)
    existing = Topic.get_or_none(Topic.key == key)
    into = existing.name if existing else into  # as the catalogue spells it
    for source in sources:
        if key.startswith(source.key + "/"):
            raise NameProblem(
                f"“{into}” is a sub-topic of “{source.name}”, so “{source.name}” cannot be merged into it: "
                f"merge “{into}” into “{source.name}” instead"
            )


def _move_sub_topics(
    sources: list[NamedModel], target: Topic, merged: dict[int, int], change: NameChange
) -> tuple[dict[int, int], list[tuple[int, str, str]]]:
    """Give the sub-topics of merged topics their place under ``target``: a sub-topic whose new
    path is taken joins that topic (added to ``merged``), the others are renamed and reparented.
    Returns ``merged`` and the renames (id, name, key) still to be written."""
    moves = []  # (sub-topic, its new path), parents before children
    for source in sources:
        prefix = source.key + "/"
        for sub in Topic.select().where(Topic.key.startswith(prefix)):
            path = target.name + "/" + sub.name[len(source.name) + 1 :]
            _within_limit("topic", path)
            moves.append((sub, path))
    moves.sort(key=lambda move: move[1].count("/"))
    renames, new_ids = [], {target.key: target.id}
    for sub, path in moves:
        key = _key("topic", path)
        existing = Topic.get_or_none(Topic.key == key)
        if existing is not None and existing.id not in merged and existing.id != sub.id:
            merged[sub.id] = existing.id
            change.removed += list(Topic.select().where(Topic.id == sub.id).dicts())
            new_ids[key] = existing.id
            continue
        parent_id = new_ids.get(key.rpartition("/")[0], sub.parent_id)
        if parent_id != sub.parent_id:
            change.reparented.append((sub.id, sub.parent_id))
            change.reparented_to[sub.id] = parent_id
            Topic.update(parent=parent_id).where(Topic.id == sub.id).execute()
        renames.append((sub.id, path, key))
        new_ids[key] = sub.id
    # Removed rows go back parents first on undo.
    change.removed.sort(key=lambda row: row["name"].count("/"))
    return merged, renames


def _moved(kind: str, state: ArticleState, merged: dict[int, int]) -> ArticleState:
    """``state`` with each merged name swapped for the one it joined."""

    def swap(ids: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(dict.fromkeys(merged.get(i, i) for i in ids))

    if kind == "outlet":
        return replace(state, outlet_id=merged.get(state.outlet_id, state.outlet_id))
    if kind == "author":
        return replace(state, author_ids=swap(state.author_ids))
    return replace(state, topic_ids=tuple(sorted(swap(state.topic_ids))))


def rename_name(kind: str, name: str, new_name: str) -> NameChange:
    """Give a name a new spelling; a topic's sub-topics follow. Refuses a name already taken."""
    model = KINDS[kind]
    _within_limit(kind, new_name)
    new_name = _tidy(kind, new_name)
    with database.atomic():
        row = find_name(kind, name)
        clash = model.get_or_none(model.key == _key(kind, new_name))
        if not new_name or (clash is not None and clash.id != row.id):
            raise NameProblem(f"there is already a {kind} named “{new_name}”: merge them instead")
        renames = [(row.id, new_name)]
        if model is Topic:
            prefix = row.name + "/"
            renames += [
                (child.id, new_name + "/" + child.name[len(prefix) :])
                for child in Topic.select().where(Topic.key.startswith(prefix.casefold()))
            ]
        for _, renamed in renames[1:]:  # sub-topics take the new name too
            _within_limit(kind, renamed)
        change = NameChange(
            kind,
            renamed=[
                (r.id, r.name, r.key) for r in model.select().where(model.id.in_([i for i, _ in renames]))
            ],
            renamed_to=dict(renames),
        )
        _rename(kind, [(name_id, new, _key(kind, new)) for name_id, new in renames])
        return change


def _rename(kind: str, renames: list[tuple[int, str, str]]) -> None:
    """Set (id, name, key) for each name, reindexing the articles whose indexed text changes."""
    model = KINDS[kind]
    affected = _articles_with(kind, [name_id for name_id, _, _ in renames])
    with fulltext.reindexing(affected):
        for name_id, name, key in renames:
            model.update(name=name, key=key).where(model.id == name_id).execute()


def delete_unused(kind: str, names: list[str]) -> NameChange:
    """Delete names no article carries; refuses one still in use."""
    model = KINDS[kind]
    with database.atomic():
        rows = [find_name(kind, name) for name in names]
        used = [r.name for r in rows if _articles_with(kind, [r.id])]
        if used:
            raise NameProblem(f"still in use, so not deleted: {', '.join(used)}")
        change = NameChange(
            kind, removed=list(model.select().where(model.id.in_([r.id for r in rows])).dicts())
        )
        model.delete().where(model.id.in_([r.id for r in rows])).execute()
        return change


def undo_name_change(change: NameChange, *, choices: Choices | None = None) -> None:
    """Put names and articles back as they were before ``change``, in one transaction, leaving
    alone whatever someone else changed since: an article field or a name someone else changed
    is a clash (StepClash, naming them all), unless ``choices`` decides it; a name someone
    else took meanwhile is refused in words (StepRefused)."""
    model = KINDS[change.kind]
    with checked_write():
        if change.removed:
            _check_free(change)
            model.insert_many(change.removed).execute()
        clashes = _renames_back(change, choices)
        for topic_id, parent in change.reparented:
            given = change.reparented_to.get(topic_id, change.into_id)
            Topic.update(parent=parent).where(Topic.id == topic_id, Topic.parent == given).execute()
        try:
            if change.articles_before:
                revert_states(change.articles_after, change.articles_before, choices=choices)
        except StepClash as clash:
            clashes += clash.fields
        if clashes:
            owners = {c.owner for c in clashes}
            title = clashes[0].owner_title if len(owners) == 1 else f"{len(owners)} articles and names"
            raise StepClash(clash_message(clashes, "article"), tuple(clashes), kind="article", title=title)
        if change.created_id is not None and _unused(change.kind, change.created_id):
            model.delete().where(model.id == change.created_id).execute()


def _check_free(change: NameChange) -> None:
    model = KINDS[change.kind]
    for row in change.removed:
        taken = model.get_or_none((model.id == row["id"]) | (model.key == row["key"]))
        if taken is not None:
            raise StepRefused(
                f"someone else made {'a' if change.kind == 'topic' else 'an'} {change.kind} named "
                f"“{taken.name}” meanwhile; merge or rename it first"
            )


def _renames_back(change: NameChange, choices: Choices | None) -> list[FieldConflict]:
    """Give renamed names their old spelling where they still have the one the change gave."""
    model = KINDS[change.kind]
    now = dict(model.select(model.id, model.name).where(model.id.in_(list(change.renamed_to))).tuples())
    back, clashes = [], []
    for name_id, old_name, old_key in change.renamed:
        given = change.renamed_to[name_id]
        if name_id not in now:
            raise StepRefused(f"the {change.kind} “{given}” was deleted or merged by someone else meanwhile")
        if now[name_id] == old_name:
            continue
        if now[name_id] != given:
            conflict = FieldConflict("name", given, now[name_id], old_name, owner=name_id, owner_title=given)
            choice = decided(choices, conflict)
            if choice is None:
                clashes.append(conflict)
            if not choice:
                continue
        back.append((name_id, old_name, old_key))
    if back and not clashes:
        _rename(change.kind, back)
    return clashes


def _unused(kind: str, name_id: int) -> bool:
    """No article carries the name (someone else may have used it since), nor is it a parent."""
    if _articles_with(kind, [name_id]):
        return False
    return kind != "topic" or not Topic.select().where(Topic.parent == name_id).exists()
