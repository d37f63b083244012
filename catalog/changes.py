"""What a write changed, in terms a view can act on: which articles, which of their fields,
whether names, claims or saved searches moved, so that each part of the window redraws only
what the change touches (an edited title is one row, not the whole listing and the sidebar)."""

from collections.abc import Iterable
from dataclasses import dataclass, fields

from catalog.browsing import Filters
from catalog.editing import ArticleState

#: The fields of an article as views name them; ``ArticleState``'s columns map onto them.
ARTICLE_FIELDS = ("title", "date", "outlet", "authors", "topics", "summary", "notes", "body")
#: The fields the sidebar counts articles by: a change to one of them moves its counts.
COUNTED_FIELDS = frozenset({"date", "outlet", "authors", "topics"})
#: The fields named by outlet, author and topic names (completers list those names).
NAMED_FIELDS = frozenset({"outlet", "authors", "topics"})

_STATE_FIELDS = {
    "title": "title",
    "date": "date",
    "date_precision": "date",
    "outlet_id": "outlet",
    "summary": "summary",
    "notes": "notes",
    "author_ids": "authors",
    "topic_ids": "topics",
}


@dataclass(frozen=True)
class Change:
    """One write's effect. ``everything`` stands for a change of unknown extent (another
    desk's commit, an import): views then show the catalogue afresh."""

    edited: frozenset[int] = frozenset()  #: articles still there whose ``fields`` changed
    fields: frozenset[str] = frozenset()  #: which fields of the edited articles (ARTICLE_FIELDS)
    added: frozenset[int] = frozenset()  #: articles that appeared (imported, undeleted)
    removed: frozenset[int] = frozenset()  #: articles that went
    names: bool = False  #: outlet, author or topic names themselves (renamed, merged, deleted)
    claims: frozenset[int] = frozenset()  #: articles whose claims or links changed
    saved_searches: bool = False
    #: articles whose story may have changed (a split, a join, their text): their copies
    #: column, the stories in the sidebar, a Story tab showing one of them
    stories: frozenset[int] = frozenset()
    everything: bool = False

    def __or__(self, other: "Change") -> "Change":
        """Both changes at once (the steps of one action, or changes waiting to be shown)."""
        joined = {}
        for item in fields(self):
            mine, theirs = getattr(self, item.name), getattr(other, item.name)
            joined[item.name] = mine | theirs
        return Change(**joined)

    def __bool__(self) -> bool:
        return any(getattr(self, item.name) for item in fields(self))

    @property
    def articles(self) -> frozenset[int]:
        """Every article the change touched in any way."""
        return self.edited | self.added | self.removed | self.claims | self.stories

    @property
    def rows(self) -> bool:
        """Whether the set of articles changed (rows to add or take away)."""
        return self.everything or bool(self.added or self.removed)

    @property
    def counts(self) -> bool:
        """Whether the sidebar's counts may have moved."""
        return (
            self.everything
            or self.rows
            or self.names
            or bool(self.stories)  # the sidebar's stories and their counts
            or bool(self.fields & COUNTED_FIELDS)
        )

    @property
    def name_lists(self) -> bool:
        """Whether the lists of outlet, author and topic names may have changed (a name made
        by an edit, or one renamed or merged)."""
        return self.everything or self.names or bool(self.fields & NAMED_FIELDS)

    def touches(self, article_id: int | None) -> bool:
        """Whether the article shown in a pane must be shown again."""
        return article_id is not None and (self.everything or article_id in self.articles)


#: The fields each sort of a listing orders by (ties go by id, which no edit changes).
SORT_FIELDS = {
    "title": frozenset({"title"}),
    "outlet": frozenset({"outlet"}),
    "authors": frozenset({"authors"}),
    "date": frozenset({"date"}),
    "topics": frozenset({"topics"}),
    "imported": frozenset(),
    "source": frozenset(),
    "claims": frozenset(),  #: claims, not fields: see relists
    "copies": frozenset(),  #: stories, not fields: see relists
}


def relists(change: Change, filters: Filters, sort: str) -> bool:
    """Whether a listing of ``filters`` in ``sort`` order may hold other articles, or the same
    in another order, after ``change``; if not, its rows can be shown again where they are."""
    if change.rows or (sort == "claims" and change.claims):
        return True
    if change.stories and (sort == "copies" or filters.story_ids):
        return True
    depends = set(SORT_FIELDS.get(sort, ARTICLE_FIELDS))
    named = {"outlet": filters.outlet_ids, "authors": filters.author_ids, "topics": filters.topic_ids}
    depends.update(name for name, chosen in named.items() if chosen)
    if filters.years:
        depends.add("date")
    if filters.query.strip():  # a search reads every field, and claims
        depends.update(ARTICLE_FIELDS)
        if change.claims:
            return True
    if change.names and any(named.values()):
        return True  # a chosen name may have been merged away
    return bool(change.fields & depends)


def edited_fields(before: ArticleState, after: ArticleState) -> frozenset[str]:
    """The fields (ARTICLE_FIELDS) in which two states of one article differ."""
    return frozenset(
        name for column, name in _STATE_FIELDS.items() if getattr(before, column) != getattr(after, column)
    )


def states_change(before: Iterable[ArticleState], after: Iterable[ArticleState]) -> Change:
    """The change from ``before`` to ``after`` (states of the same articles, as an edit, a
    batch edit or their undo leave them): the articles that differ, and in which fields."""
    old = {state.id: state for state in before}
    edited, changed = set(), set()
    for state in after:
        previous = old.get(state.id)
        if previous is None:
            continue
        differing = edited_fields(previous, state)
        if differing:
            edited.add(state.id)
            changed |= differing
    return Change(edited=frozenset(edited), fields=frozenset(changed))


def shown_again(article_id: int) -> Change:
    """An article to show as it is now, whatever changed in it (a save refused because
    someone else changed it first)."""
    return Change(edited=frozenset({article_id}), fields=frozenset(ARTICLE_FIELDS))


def body_change(article_id: int) -> Change:
    """An article's text changed, and with it the places of its claims and perhaps its story."""
    ids = frozenset({article_id})
    return Change(edited=ids, fields=frozenset({"body"}), claims=ids, stories=ids)


def stories_change(article_ids: Iterable[int]) -> Change:
    """Stories split or joined (or the step undone): these articles' stories changed."""
    return Change(stories=frozenset(article_ids))


def claims_change(article_ids: Iterable[int]) -> Change:
    return Change(claims=frozenset(article_ids))


def claims_stepped(article_ids: Iterable[int]) -> Change:
    """Claims undone or redone: shown with their articles' text as it is now, since the text
    may have moved under them (another desk's edit) since the step was first made."""
    ids = frozenset(article_ids)
    return Change(edited=ids, fields=frozenset({"body"}), claims=ids)


def deletion_change(article_ids: Iterable[int], *, undone: bool = False) -> Change:
    """Articles deleted (or, ``undone``, brought back), with their claims."""
    ids = frozenset(article_ids)
    return Change(added=ids, claims=ids) if undone else Change(removed=ids, claims=ids)


def names_change(article_ids: Iterable[int]) -> Change:
    """Names renamed, merged or deleted, and the articles that carry them."""
    ids = frozenset(article_ids)
    return Change(edited=ids, fields=NAMED_FIELDS, names=True)


#: Someone else's change (another window, program or desk), or an import: show everything.
EVERYTHING = Change(everything=True)
