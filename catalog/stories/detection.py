"""Finding an article's copies as it comes in, through the sketch index, never by reading
every article; and regrouping the stories that a new pair, a deletion or a person's choice touches.

For each new article: its sketch (catalog.stories.sketch) is stored, the articles whose sketch
shares enough with it are *candidates*, and each candidate's whole text is compared with its
own (containment of word shingles). A pair at or over PAIR_FLOOR is stored with its score (so
the threshold can be redrawn without comparing again); the stories of the articles touched are
then regrouped (catalog.stories.grouping). All of it runs inside the caller's transaction: the
import writes an article and its place in a story, or neither.
"""

import os
from collections import OrderedDict
from collections.abc import Iterable, Sequence

from catalog.db import database, placeholders
from catalog.stories import grouping
from catalog.stories.sketch import OPENING, containment, shingles, sketch
from catalog.stories.text import comparable_words, opening_words

#: Pairs scoring at least this are kept (the threshold's curve is drawn from them).
PAIR_FLOOR = 0.3
#: A candidate shares at least this many sketch hashes (all of a smaller sketch): a copy
#: shares about as many of the few smallest hashes as the share of the opening it keeps.
CANDIDATE_SHARED = 3
#: At most this many candidates are compared for one article, those sharing most first: a
#: template repeated in thousands of reports never makes one import compare thousands of texts.
MAX_CANDIDATES = 24
#: A text shorter than this many shingles is never anyone's copy: a caption, a one-line note.
MIN_SHINGLES = 8
_CHUNK = 500
#: Of the articles holding one sketched word run, the earliest this many are read.
HOLDERS_READ = 64
#: Texts whose shingles are kept while a batch is compared (about 50 KB each).
SHINGLED_KEPT = 256
#: Set to "off" to import without looking for copies (benchmarks measure what it costs).
ENV_SWITCH = "CATALOG_STORIES"


def enabled() -> bool:
    """Whether copies are looked for: not when switched off, nor in a catalogue still at an
    older schema (written to only by tests of upgrades: an open catalogue is upgraded first)."""
    return os.environ.get(ENV_SWITCH, "").lower() != "off" and _has_tables(database.obj)


def _has_tables(db) -> bool:
    if not getattr(db, "_story_tables", False):
        db._story_tables = "story_sketch" in db.get_tables()
    return db._story_tables


def sketch_of(body: str) -> list[int]:
    """The stored sketch of an article with this text."""
    return sketch(opening_words(body, OPENING))


def detect_new(items: Sequence[tuple[int, str, Sequence[int] | None]]) -> None:
    """Store the sketches of new articles ``(id, body, sketch or None)``, find their copies and
    regroup their stories. Runs inside the caller's transaction."""
    if not items or not enabled():
        return
    sketches = {
        article_id: list(given) if given is not None else sketch_of(body) for article_id, body, given in items
    }
    store_sketches(sketches)
    bodies = {article_id: body for article_id, body, _ in items}
    pairs = _compare(sketches, bodies)
    store_pairs(pairs)
    regroup(set(sketches) | {other for pair in pairs for other in pair[:2]})


def detect_articles(ids: Iterable[int]) -> None:
    """Look again for the copies of articles already stored (a text edited, a delete undone):
    their old sketches and pairs go, new ones are found. Runs inside the caller's transaction."""
    ids = sorted(set(ids))
    if not ids or not enabled():
        return
    mates = story_mates(ids)
    forget(ids)
    bodies = bodies_of(ids)
    detect_new([(article_id, body, None) for article_id, body in bodies.items()])
    regroup(mates)


def forget(ids: Sequence[int]) -> None:
    """Drop the sketches and pairs of these articles (their rows also go with the article)."""
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        marks = placeholders(len(chunk))
        database.execute_sql(f'DELETE FROM "story_sketch" WHERE "article" IN ({marks})', chunk)
        database.execute_sql(
            f'DELETE FROM "story_pair" WHERE "first" IN ({marks}) OR "second" IN ({marks})', chunk + chunk
        )


def story_mates(ids: Iterable[int]) -> set[int]:
    """The articles in the same stories as these (themselves included)."""
    ids = list(ids)
    rows = rows_within(
        'SELECT "article" FROM "story_member" WHERE "story" IN '
        '(SELECT "story" FROM "story_member" WHERE "article" IN ({}))',
        ids,
    )
    mates = set(ids) | {article_id for (article_id,) in rows}
    return mates


def regroup(articles: Iterable[int]) -> None:
    """Recompute the stories around these articles from the stored pairs and choices, and
    store them (``story_member``: article, story number = its smallest article id)."""
    region = _region(set(articles))
    if not region:
        return
    pairs = rows_within('SELECT "first", "second", "score" FROM "story_pair" WHERE "first" IN ({})', region)
    pairs = [pair for pair in pairs if pair[1] in region]
    together, apart = grouping.choices(among=region)
    groups = grouping.group(pairs, together, apart)
    members = sorted(region)
    for start in range(0, len(members), _CHUNK):
        chunk = members[start : start + _CHUNK]
        database.execute_sql(
            f'DELETE FROM "story_member" WHERE "article" IN ({placeholders(len(chunk))})', chunk
        )
    rows = [(article_id, members_[0]) for members_ in groups for article_id in members_]
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        values = ", ".join([f"({placeholders(2)})"] * len(chunk))
        database.execute_sql(
            f'INSERT INTO "story_member" ("article", "story") VALUES {values}',
            [value for row in chunk for value in row],
        )


def regroup_after_leaving(mates: Iterable[int]) -> None:
    """Regroup the copies left in a story when one of them leaves it (deleted, split out, a
    join undone). At import an article is compared with one copy of a story and not the rest,
    so copies may have been held together only by the one that left: those that fall apart
    are compared with each other now, and stay together if they are copies."""
    mates = set(mates)
    regroup(mates)
    numbers = _stories_of(mates)
    pieces: dict[object, list[int]] = {}
    for article_id in sorted(mates):
        pieces.setdefault(numbers.get(article_id, ("alone", article_id)), []).append(article_id)
    if len(pieces) < 2:
        return
    stored = {
        (one, other)
        for one, other, _ in rows_within(
            'SELECT "first", "second", "score" FROM "story_pair" WHERE "first" IN ({})', mates
        )
    }
    texts = bodies_of(mates)
    shingled = {article_id: shingles(comparable_words(texts.get(article_id, ""))) for article_id in mates}
    groups = list(pieces.values())
    pairs = []
    for index, group in enumerate(groups):
        for other_group in groups[index + 1 :]:
            for one in group:
                for other in other_group:
                    key = (min(one, other), max(one, other))
                    first, second = shingled[one], shingled[other]
                    if key in stored or min(len(first), len(second)) < MIN_SHINGLES:
                        continue
                    score = containment(first, second)
                    if score >= PAIR_FLOOR:
                        pairs.append((*key, round(score, 4)))
    store_pairs(sorted(pairs))
    regroup(mates)


def _region(start: set[int]) -> set[int]:
    """Every article linked to ``start`` by pairs over the threshold, joins, or a story they
    are in now: what a regroup must look at."""
    region, frontier = set(), set(start)
    while frontier:
        region |= frontier
        found = set(story_mates(frontier))
        ids = sorted(frontier)
        for one, other, _ in rows_within(
            'SELECT "first", "second", "score" FROM "story_pair" WHERE "score" >= '
            f'{grouping.THRESHOLD!r} AND ("first" IN ({{}}) OR "second" IN ({{}}))',
            ids,
            twice=True,
        ):
            found.update((one, other))
        for one, other, _ in rows_within(
            'SELECT "first", "second", "together" FROM "story_choice" WHERE "first" IN ({}) OR "second" IN ({})',
            ids,
            twice=True,
        ):
            found.update((one, other))
        frontier = found - region
    return region


def rows_within(sql: str, ids: Iterable[int], *, twice: bool = False) -> list[tuple]:
    """The rows of ``sql`` (with ``{}`` for a list of placeholders, twice if ``twice``) for the
    ids, a chunk of ids at a time (a database takes only so many parameters)."""
    ids = sorted(ids)
    rows: list[tuple] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = placeholders(len(chunk))
        query = sql.format(marks, marks) if twice else sql.format(marks)
        rows += database.execute_sql(query, chunk + chunk if twice else chunk).fetchall()
    return rows


def store_sketches(sketches: dict[int, list[int]]) -> None:
    rows = [(value, article_id) for article_id, values in sketches.items() for value in values]
    if rows:
        database.connection().cursor().executemany(
            f'INSERT INTO "story_sketch" ("hash", "article") VALUES ({placeholders(2)})', rows
        )


def _candidates(sketches: dict[int, list[int]]) -> dict[int, list[int]]:
    """For each new article, the others whose sketches share enough with its own."""
    wanted = sorted({value for values in sketches.values() for value in values})
    holders: dict[int, list[int]] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        rows = database.execute_sql(
            f'SELECT "hash", "article" FROM "story_sketch" WHERE "hash" IN ({placeholders(len(chunk))})',
            chunk,
        )
        for value, article_id in rows:
            holders.setdefault(value, []).append(article_id)
    # Of a word run held by many articles (a set phrase), the earliest holders only: a wire
    # story's first appearance is among them, and a phrase in thousands of articles does not
    # make every import count them all.
    for value, found in holders.items():
        if len(found) > HOLDERS_READ:
            holders[value] = sorted(found)[:HOLDERS_READ]
    shared: dict[int, dict[int, int]] = {}
    for article_id, values in sketches.items():
        counts = shared.setdefault(article_id, {})
        for value in values:
            for other in holders.get(value, ()):
                if other != article_id:
                    counts[other] = counts.get(other, 0) + 1
    # Whether a one-hash match is a whole (tiny) sketch: asked of those only.
    sizes = _sketch_sizes(
        {other for counts in shared.values() for other, count in counts.items() if count == 1}
    )
    found: dict[int, list[int]] = {}
    for article_id, counts in shared.items():
        own = len(sketches[article_id])
        good = [
            (count, other)
            for other, count in counts.items()
            if count >= min(CANDIDATE_SHARED, own, sizes.get(other, own))
        ]
        good.sort(key=lambda item: (-item[0], item[1]))
        found[article_id] = [other for _, other in good[:MAX_CANDIDATES]]
    return found


def _sketch_sizes(ids: set[int]) -> dict[int, int]:
    rows = rows_within(
        'SELECT "article", count(*) FROM "story_sketch" WHERE "article" IN ({}) GROUP BY "article"', ids
    )
    return dict(rows)


def _compare(sketches: dict[int, list[int]], bodies: dict[int, str]) -> list[tuple[int, int, float]]:
    """The scored pairs (smaller id first) of the new articles and their candidates."""
    candidates = _candidates(sketches)
    wanted = {other for others in candidates.values() for other in others} - set(bodies)
    texts = {**bodies_of(wanted), **bodies}
    shingled: OrderedDict[int, set] = OrderedDict()

    def shingles_of(article_id: int) -> set:
        # A text's shingles take some 50 KB: the most recently used few are kept, not a batch's.
        if article_id in shingled:
            shingled.move_to_end(article_id)
        else:
            shingled[article_id] = shingles(comparable_words(texts.get(article_id, "")))
            if len(shingled) > SHINGLED_KEPT:
                shingled.popitem(last=False)
        return shingled[article_id]

    # A candidate already in the story the article has just joined is not compared: one pair
    # over the threshold puts it there (a rebuild compares every candidate pair).
    joined = Joined(_stories_of(wanted))
    pairs: dict[tuple[int, int], float] = {}
    for article_id, others in candidates.items():
        for other in others:
            key = (min(article_id, other), max(article_id, other))
            if key in pairs or joined.together(article_id, other):
                continue
            one, two = shingles_of(article_id), shingles_of(other)
            if min(len(one), len(two)) < MIN_SHINGLES:
                continue
            score = containment(one, two)
            if score >= PAIR_FLOOR:
                pairs[key] = round(score, 4)
            if score >= grouping.THRESHOLD:
                joined.join(article_id, other)
    return [(one, other, score) for (one, other), score in sorted(pairs.items())]


class Joined:
    """Which articles are known to be in one story while a batch is compared."""

    def __init__(self, stories: dict[int, int]):
        self.parent: dict = {article_id: ("story", number) for article_id, number in stories.items()}

    def find(self, item):
        parent = self.parent.get(item, item)
        if parent == item:
            return item
        root = self.parent[item] = self.find(parent)
        return root

    def join(self, one, other) -> None:
        first, second = self.find(one), self.find(other)
        if first != second:
            self.parent[first] = second

    def together(self, one, other) -> bool:
        return self.find(one) == self.find(other)


def _stories_of(ids: set[int]) -> dict[int, int]:
    return dict(rows_within('SELECT "article", "story" FROM "story_member" WHERE "article" IN ({})', ids))


def store_pairs(pairs: list[tuple[int, int, float]]) -> None:
    # Pairs of new articles (or of articles just forgotten): none is stored yet.
    if pairs:
        database.connection().cursor().executemany(
            f'INSERT INTO "story_pair" ("first", "second", "score") VALUES ({placeholders(3)})', pairs
        )


def bodies_of(ids: Iterable[int]) -> dict[int, str]:
    return dict(rows_within('SELECT "id", "body" FROM "article" WHERE "id" IN ({})', ids))
