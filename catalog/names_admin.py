"""Looking after outlet, author and topic names: counts, rename, merge, delete unused."""

from dataclasses import dataclass, field, replace

from peewee import JOIN, fn

from catalog import fulltext
from catalog.db import database
from catalog.editing import ArticleState, apply_states, capture, restore
from catalog.limits import NAMES, OverLimit, check
from catalog.models import Article, ArticleAuthor, ArticleTopic, Author, NamedModel, Outlet, Topic
from catalog.names import name_cache, name_key, tidy_name, tidy_topic

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
    removed: list[dict] = field(default_factory=list)  #: name rows deleted, with their ids
    renamed: list[tuple[int, str, str]] = field(default_factory=list)  #: (id, old name, old key)
    reparented: list[tuple[int, int | None]] = field(default_factory=list)  #: (topic id, old parent)
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
    """Every name of ``kind`` with the number of articles that carry it, by name."""
    model = KINDS[kind]
    table, article_column, name_column = _link(kind)
    query = (
        model.select(model.id, model.name, fn.COUNT(article_column))
        .join(table, JOIN.LEFT_OUTER, on=(name_column == model.id))
        .group_by(model.id)
        .order_by(model.key)
    )
    return [NameCount(*row) for row in query.tuples()]


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
    """Move every article from ``names`` to ``into`` (created if new) and delete the merged names."""
    model = KINDS[kind]
    _within_limit(kind, into)
    with database.atomic():
        sources = [find_name(kind, name) for name in names]
        existed = model.get_or_none(model.key == _key(kind, into))
        target = existed.id if existed else name_cache(model).id_for(into)
        source_ids = [s.id for s in sources if s.id != target]
        change = NameChange(kind, created_id=None if existed else target)
        change.articles_before = capture(_articles_with(kind, source_ids))
        after = [_moved(kind, state, set(source_ids), target) for state in change.articles_before]
        apply_states(change.articles_before, after)
        if model is Topic:
            children = Topic.select(Topic.id, Topic.parent).where(Topic.parent.in_(source_ids))
            change.reparented = [(child.id, child.parent_id) for child in children]
            Topic.update(parent=target).where(Topic.parent.in_(source_ids)).execute()
        change.removed = list(model.select().where(model.id.in_(source_ids)).dicts())
        model.delete().where(model.id.in_(source_ids)).execute()
        return change


def _moved(kind: str, state: ArticleState, sources: set[int], target: int) -> ArticleState:
    def swap(ids: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(dict.fromkeys(target if i in sources else i for i in ids))

    if kind == "outlet":
        return replace(state, outlet_id=target if state.outlet_id in sources else state.outlet_id)
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


def undo_name_change(change: NameChange) -> None:
    """Put names and articles back exactly as they were before ``change``."""
    model = KINDS[change.kind]
    with database.atomic():
        if change.removed:
            model.insert_many(change.removed).execute()
        if change.renamed:
            _rename(change.kind, change.renamed)
        for topic_id, parent in change.reparented:
            Topic.update(parent=parent).where(Topic.id == topic_id).execute()
        if change.articles_before:
            restore(change.articles_before)
        if change.created_id is not None:
            model.delete().where(model.id == change.created_id).execute()
