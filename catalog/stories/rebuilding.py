"""Finding every story of a catalogue afresh: the upgrade to schema 16 and ``catalog copies
--rebuild``. A person's splits and joins are kept and applied again.

Sketches are made a chunk of articles at a time; the candidate pairs then come out of one
query over the sketch index (articles sharing sketched word runs), each is compared on the
whole texts, and the stories are grouped from the pairs. A word run in more than HOT_HASH
articles is boilerplate or a set phrase, never what tells copies apart, and is left out of that
query so that it never pairs thousands of articles.
"""

from collections.abc import Callable

from catalog.db import database, placeholders
from catalog.stories import detection, grouping
from catalog.stories.sketch import containment, shingles
from catalog.stories.text import comparable_words

HOT_HASH = 200
_READ_CHUNK = 1000
_COMPARE_CHUNK = 4000

#: progress(step, done, total): step is "sketching", "comparing" or "grouping"
Progress = Callable[[str, int, int], None]


def rebuild(progress: Progress | None = None) -> int:
    """Find every story again, in one transaction; returns how many stories there are."""
    with database.atomic():
        return rebuild_in(database, progress)


def rebuild_in(db, progress: Progress | None = None) -> int:
    """``rebuild`` inside the caller's transaction (the schema upgrade's)."""
    tell = progress or (lambda step, done, total: None)
    for table in ("story_member", "story_pair", "story_sketch"):
        db.execute_sql(f'DELETE FROM "{table}"')
    _sketch_all(db, tell)
    pairs = _compare_candidates(db, tell)
    detection._store_pairs(pairs)
    tell("grouping", 0, 1)
    together, apart = grouping.choices()
    groups = grouping.group(pairs, together, apart)
    rows = [(article_id, members[0]) for members in groups for article_id in members]
    if rows:
        db.connection().cursor().executemany(
            'INSERT INTO "story_member" ("article", "story") VALUES ' + f"({placeholders(2)})", rows
        )
    tell("grouping", 1, 1)
    return len(groups)


def _sketch_all(db, tell: Progress) -> None:
    (total,) = db.execute_sql('SELECT count(*) FROM "article"').fetchone()
    done, last_id = 0, 0
    tell("sketching", 0, total)
    while True:
        rows = db.execute_sql(
            f'SELECT "id", "body" FROM "article" WHERE "id" > {int(last_id)} ORDER BY "id" LIMIT {_READ_CHUNK}'
        ).fetchall()
        if not rows:
            break
        detection._store_sketches({article_id: detection.sketch_of(body) for article_id, body in rows})
        last_id = rows[-1][0]
        done += len(rows)
        tell("sketching", done, total)


def _compare_candidates(db, tell: Progress) -> list[tuple[int, int, float]]:
    sizes = dict(
        db.execute_sql('SELECT "article", count(*) FROM "story_sketch" GROUP BY "article"').fetchall()
    )
    shared = db.execute_sql(
        'SELECT a."article", b."article", count(*) FROM "story_sketch" a '
        'JOIN "story_sketch" b ON b."hash" = a."hash" AND b."article" > a."article" '
        'WHERE a."hash" IN (SELECT "hash" FROM "story_sketch" GROUP BY "hash" '
        f"HAVING count(*) BETWEEN 2 AND {HOT_HASH}) "
        'GROUP BY a."article", b."article"'
    ).fetchall()
    candidates = sorted(
        (one, other)
        for one, other, count in shared
        if count >= detection.CANDIDATE_SHARE * max(1, min(sizes.get(one, 1), sizes.get(other, 1)))
    )
    pairs = []
    tell("comparing", 0, len(candidates))
    for start in range(0, len(candidates), _COMPARE_CHUNK):
        chunk = candidates[start : start + _COMPARE_CHUNK]
        texts = detection._bodies({article_id for pair in chunk for article_id in pair})
        shingled = {article_id: shingles(comparable_words(body)) for article_id, body in texts.items()}
        for one, other in chunk:
            first, second = shingled.get(one, set()), shingled.get(other, set())
            if min(len(first), len(second)) < detection.MIN_SHINGLES:
                continue
            score = containment(first, second)
            if score >= detection.PAIR_FLOOR:
                pairs.append((one, other, round(score, 4)))
        tell("comparing", start + len(chunk), len(candidates))
    return pairs
