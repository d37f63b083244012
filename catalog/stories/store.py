"""Stories as people see them: the copies of an article in date order, the first appearance
first; and a person's corrections (split an article out, join two stories), undoable.

The first appearance is the earliest dated copy; an undated copy never comes first (when no
copy has a date, the one catalogued first stands first). A story's number is its smallest
article id.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from catalog.conflicts import StepRefused
from catalog.dates import as_date
from catalog.db import checked_write, database, placeholders
from catalog.stories import detection
from catalog.stories.sketch import kept_share, shingles
from catalog.stories.text import comparable_words

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Copy:
    article_id: int
    title: str
    outlet: str | None
    date: datetime.date | None
    date_precision: str | None
    #: How much of the first appearance's text this copy keeps (0 to 1; 1 for the first);
    #: None when not measured (``stories()``).
    share: float | None
    first: bool


@dataclass(frozen=True, slots=True)
class Story:
    number: int
    copies: tuple[Copy, ...]  #: the first appearance first, then by date (undated last), then id

    @property
    def first(self) -> int:
        return self.copies[0].article_id

    @property
    def articles(self) -> list[int]:
        return [copy.article_id for copy in self.copies]


@dataclass(frozen=True, slots=True)
class StoryHeading:
    """A story as the sidebar lists it."""

    number: int
    first: int
    title: str  #: the first appearance's
    count: int


@dataclass
class StoryDecision:
    """A split or a join as written: the choice rows before and after (``together`` True,
    False, or None for no row), so undo can put them back and redo make them again."""

    name: str
    before: dict[tuple[int, int], bool | None] = field(default_factory=dict)
    after: dict[tuple[int, int], bool | None] = field(default_factory=dict)
    articles: frozenset[int] = frozenset()  #: whose stories it moved


class StoryConflict(StepRefused):
    """Someone changed these stories' splits or joins since: nothing was changed."""


def story_number(article_id: int) -> int | None:
    row = database.execute_sql(
        f'SELECT "story" FROM "story_member" WHERE "article" = {placeholders(1)}', [article_id]
    ).fetchone()
    return row[0] if row else None


def story_of(article_id: int, *, shares: bool = True) -> Story | None:
    """The story ``article_id`` is in, with each copy's share of the first's text; None when
    it has no copies."""
    number = story_number(article_id)
    if number is None:
        return None
    [story] = _stories(f'"story_member"."story" = {placeholders(1)}', [number]) or [None]
    if story is None or not shares:
        return story
    texts = detection.bodies_of(story.articles)
    first = shingles(comparable_words(texts.get(story.first, "")))
    copies = tuple(
        _with_share(
            copy,
            1.0
            if copy.first
            else kept_share(first, shingles(comparable_words(texts.get(copy.article_id, "")))),
        )
        for copy in story.copies
    )
    return Story(story.number, copies)


def stories() -> list[Story]:
    """Every story of two or more articles, by number; shares are not measured."""
    return _stories("1 = 1", [])


def stories_with_copies() -> list[StoryHeading]:
    """The sidebar's list: every story with its first appearance's title, the most copies
    first, then by number. (One query ranking each story's members with window functions is
    twice as slow at 100,000 articles, 1.1 s against 0.54 s, though faster at a million.)"""
    headings = [
        StoryHeading(story.number, story.first, _title(story), len(story.copies)) for story in stories()
    ]
    headings.sort(key=lambda heading: (-heading.count, heading.number))
    return headings


def copy_counts(ids: Iterable[int]) -> dict[int, int]:
    """How many articles each of these articles' stories holds (itself included), for those in one."""
    rows = detection.rows_within(
        'SELECT m."article", (SELECT count(*) FROM "story_member" o WHERE o."story" = m."story") '
        'FROM "story_member" m WHERE m."article" IN ({})',
        set(ids),
    )
    return dict(rows)


def split_article(article_id: int) -> StoryDecision:
    """Take an article out of its story: it is kept apart from every other copy in it, even
    when copies are looked for again. One transaction."""
    with checked_write():
        mates = sorted(detection.story_mates([article_id]) - {article_id})
        if not mates:
            raise StepRefused(f"article {article_id} is in no story")
        decision = StoryDecision(f"Split from Story {story_number(article_id)}")
        _decide(decision, {_key(article_id, other): False for other in mates})
        detection.regroup([article_id])
        detection.regroup_after_leaving(mates)
        decision.articles = frozenset([article_id, *mates])
    return decision


def join_stories(one: int, other: int) -> StoryDecision:
    """Put two articles' stories (or the articles themselves) into one story, kept so when
    copies are looked for again. One transaction."""
    if one == other:
        raise StepRefused("an article cannot be joined with itself")
    with checked_write():
        ones, others = detection.story_mates([one]), detection.story_mates([other])
        if ones & others:
            raise StepRefused(f"articles {one} and {other} are in one story already")
        decision = StoryDecision("Join Stories")
        wanted = {_key(a, b): None for a in ones for b in others if _choice(a, b) is False}
        wanted[_key(one, other)] = True
        _decide(decision, wanted)
        detection.regroup(ones | others)
        decision.articles = frozenset(ones | others)
    return decision


def undo_decision(decision: StoryDecision) -> None:
    """Put the choices back as they were before ``decision``; refused (StoryConflict) when
    someone changed them since."""
    _replay(decision.after, decision.before)


def redo_decision(decision: StoryDecision) -> None:
    _replay(decision.before, decision.after)


def _replay(expected: dict, wanted: dict) -> None:
    with checked_write():
        now = {key: _choice(*key) for key in expected}
        if now != expected:
            raise StoryConflict("someone else split or joined these stories since; nothing was changed")
        _write_choices(wanted)
        affected = {article_id for key in wanted for article_id in key}
        detection.regroup_after_leaving(detection.story_mates(affected))


def choices_of(ids: list[int]) -> list[tuple[int, int, bool]]:
    """The splits and joins that involve these articles (a delete keeps them for its undo)."""
    marks = placeholders(len(ids))
    rows = database.execute_sql(
        f'SELECT "first", "second", "together" FROM "story_choice" WHERE "first" IN ({marks}) OR "second" IN ({marks})',
        [*ids, *ids],
    )
    return [(one, other, bool(together)) for one, other, together in rows]


def all_choices() -> list[tuple[int, int, bool]]:
    rows = database.execute_sql('SELECT "first", "second", "together" FROM "story_choice"')
    return [(one, other, bool(together)) for one, other, together in rows]


def restore_choices(rows: Iterable[tuple[int, int, bool]]) -> None:
    """Put back splits and joins (an undone delete's) whose articles are both there."""
    present = set()
    rows = list(rows)
    wanted = sorted({article_id for one, other, _ in rows for article_id in (one, other)})
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found = database.execute_sql(
            f'SELECT "id" FROM "article" WHERE "id" IN ({placeholders(len(chunk))})', chunk
        )
        present.update(article_id for (article_id,) in found)
    _write_choices(
        {(one, other): together for one, other, together in rows if one in present and other in present}
    )


def _decide(decision: StoryDecision, wanted: dict[tuple[int, int], bool | None]) -> None:
    decision.before = {key: _choice(*key) for key in wanted}
    decision.after = dict(wanted)
    _write_choices(wanted)


def _write_choices(wanted: dict[tuple[int, int], bool | None]) -> None:
    mark = placeholders(1)
    for (one, other), together in wanted.items():
        database.execute_sql(
            f'DELETE FROM "story_choice" WHERE "first" = {mark} AND "second" = {mark}', [one, other]
        )
        if together is not None:
            database.execute_sql(
                f'INSERT INTO "story_choice" ("first", "second", "together") VALUES ({placeholders(3)})',
                [one, other, together],
            )


def _choice(one: int, other: int) -> bool | None:
    one, other = _key(one, other)
    mark = placeholders(1)
    row = database.execute_sql(
        f'SELECT "together" FROM "story_choice" WHERE "first" = {mark} AND "second" = {mark}', [one, other]
    ).fetchone()
    return None if row is None else bool(row[0])


def _key(one: int, other: int) -> tuple[int, int]:
    return (one, other) if one < other else (other, one)


def _stories(where: str, params: list) -> list[Story]:
    rows = database.execute_sql(
        'SELECT "story_member"."story", "article"."id", "article"."title", "outlet"."name", '
        '"article"."date", "article"."date_precision" FROM "story_member" '
        'JOIN "article" ON "article"."id" = "story_member"."article" '
        'LEFT JOIN "outlet" ON "outlet"."id" = "article"."outlet_id" '
        f"WHERE {where}",
        params,
    ).fetchall()
    grouped: dict[int, list[tuple]] = {}
    for number, *row in rows:
        grouped.setdefault(number, []).append(row)
    return [_story(number, members) for number, members in sorted(grouped.items()) if len(members) > 1]


def _story(number: int, members: list[tuple]) -> Story:
    def order(row: tuple) -> tuple:
        article_id, _, _, date, _ = row
        date = as_date(date)
        return (date is None, date or datetime.date.min, article_id)

    members = sorted(members, key=order)
    copies = tuple(
        Copy(article_id, title, outlet, as_date(date), precision, None, index == 0)
        for index, (article_id, title, outlet, date, precision) in enumerate(members)
    )
    return Story(number, copies)


def _with_share(copy: Copy, share: float) -> Copy:
    return Copy(
        copy.article_id, copy.title, copy.outlet, copy.date, copy.date_precision, round(share, 3), copy.first
    )


def _title(story: Story) -> str:
    return story.copies[0].title
