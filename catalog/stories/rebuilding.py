"""Finding every story of a catalogue afresh: the upgrade to schema 16 and ``catalog copies
--rebuild``. A person's splits and joins are kept and applied again.

Sketches are made a chunk of articles at a time; the candidate pairs then come out of one
query over the sketch index (articles sharing sketched word runs), each is compared on the
whole texts, and the stories are grouped from the pairs. Sketching and comparing are plain
Python: a big catalogue does them in worker processes (as an import parses files), while this
process reads the next chunk and writes.
"""

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from catalog.backends import backend
from catalog.db import database, placeholders
from catalog.stories import detection, grouping
from catalog.stories.sketch import containment, shingles
from catalog.stories.text import comparable_words

#: A word run held by more articles than this pairs each holder with the earliest only (a wire
#: story in hundreds of outlets is still found, through its first holder; a set phrase in
#: thousands of articles never pairs them all with each other).
HOT_HASH = 64
_READ_CHUNK = 1000
#: Pairs compared in one go: each text's shingles (about 50 KB) are kept while its chunk is.
_COMPARE_CHUNK = 300
#: Below this many articles the work is done here: starting workers would cost more.
WORKERS_FROM = 3000

#: progress(step, done, total): step is "sketching", "comparing" or "grouping"
Progress = Callable[[str, int, int], None]


def rebuild(progress: Progress | None = None, *, workers: int | None = None) -> int:
    """Find every story again, in one transaction; returns how many stories there are."""
    with database.atomic():
        return rebuild_in(database, progress, workers=workers)


def rebuild_in(db, progress: Progress | None = None, *, workers: int | None = None) -> int:
    """``rebuild`` inside the caller's transaction (the schema upgrade's)."""
    tell = progress or (lambda step, done, total: None)
    for table in ("story_member", "story_pair"):
        db.execute_sql(f'DELETE FROM "{table}"')
    backend().empty_story_sketches()
    (total,) = db.execute_sql('SELECT count(*) FROM "article"').fetchone()
    with _pool(total, workers) as pool:
        _sketch_all(db, total, pool, tell)
        pairs = _compare_candidates(db, pool, tell)
    detection.store_pairs(pairs)
    tell("grouping", 0, 1)
    together, apart = grouping.choices()
    groups = grouping.group(pairs, together, apart)
    rows = [(article_id, members[0]) for members in groups for article_id in members]
    if rows:
        db.connection().cursor().executemany(
            f'INSERT INTO "story_member" ("article", "story") VALUES ({placeholders(2)})', rows
        )
    tell("grouping", 1, 1)
    return len(groups)


def sketch_chunk(rows: list[tuple[int, str]]) -> dict[int, list[int]]:
    """Runs in a worker: the sketches of ``(id, body)`` rows."""
    return {article_id: detection.sketch_of(body) for article_id, body in rows}


def score_chunk(pairs: list[tuple[int, int]], bodies: dict[int, str]) -> list[tuple[int, int, float]]:
    """Runs in a worker: the pairs scoring PAIR_FLOOR or more, compared on whole texts."""
    shingled: dict[int, frozenset[int]] = {}

    def shingles_of(article_id: int) -> frozenset[int]:
        found = shingled.get(article_id)
        if found is None:
            found = shingled[article_id] = _hashed_shingles(comparable_words(bodies.get(article_id, "")))
        return found

    scored = []
    for one, other in pairs:
        first, second = shingles_of(one), shingles_of(other)
        if min(len(first), len(second)) < detection.MIN_SHINGLES:
            continue
        score = containment(first, second)
        if score >= detection.PAIR_FLOOR:
            scored.append((one, other, round(score, 4)))
    return scored


def _hashed_shingles(words: list[str]) -> frozenset[int]:
    return frozenset(shingles(words))  # a chunk's texts are all compared in one process


class _Inline:
    """A pool of one: this process."""

    def submit(self, work, *args) -> Future:
        future: Future = Future()
        future.set_result(work(*args))
        return future

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass


def _pool(total: int, workers: int | None):
    from catalog.importing.reading import _worker_context, default_workers

    count = default_workers() if workers is None else workers
    if total < WORKERS_FROM or count < 2:
        return _Inline()
    return ProcessPoolExecutor(max_workers=count, mp_context=_worker_context())


def _in_flight(pool, work, jobs: Iterable[tuple], ahead: int = 3) -> Iterator:
    """The results of ``work(*job)`` for each job, in order, with a few jobs ahead in the pool."""
    pending: deque[Future] = deque()
    for job in jobs:
        pending.append(pool.submit(work, *job))
        if len(pending) > ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _sketch_all(db, total: int, pool, tell: Progress) -> None:
    tell("sketching", 0, total)
    done = 0
    for sketches in _in_flight(pool, sketch_chunk, ((rows,) for rows in _article_chunks(db))):
        detection.store_sketches(sketches)
        done += len(sketches)
        tell("sketching", done, total)


def _article_chunks(db) -> Iterator[list[tuple[int, str]]]:
    last_id = 0
    while True:
        rows = db.execute_sql(
            f'SELECT "id", "body" FROM "article" WHERE "id" > {int(last_id)} ORDER BY "id" LIMIT {_READ_CHUNK}'
        ).fetchall()
        if not rows:
            return
        last_id = rows[-1][0]
        yield rows


def _compare_candidates(db, pool, tell: Progress) -> list[tuple[int, int, float]]:
    """The candidate pairs scored, as an import scores them: a pair already joined through
    pairs scored before (over the threshold) is not compared (a story of n copies needs n - 1
    comparisons, not all n(n - 1)/2)."""
    candidates = _candidates(db)
    tell("comparing", 0, len(candidates))
    joined = detection.Joined({})
    pairs, done = [], 0

    def jobs():
        for start in range(0, len(candidates), _COMPARE_CHUNK):
            chunk = [
                pair for pair in candidates[start : start + _COMPARE_CHUNK] if not joined.together(*pair)
            ]
            yield chunk, detection.bodies_of({article_id for pair in chunk for article_id in pair})

    for scored in _in_flight(pool, score_chunk, jobs()):
        pairs += scored
        for one, other, score in scored:
            if score >= grouping.THRESHOLD:
                joined.join(one, other)
        done = min(done + _COMPARE_CHUNK, len(candidates))
        tell("comparing", done, len(candidates))
    return pairs


def _candidates(db) -> list[tuple[int, int]]:
    """Pairs whose sketches share enough (detection.CANDIDATE_SHARED, or all of the smaller)."""
    sizes = dict(
        db.execute_sql('SELECT "article", count(*) FROM "story_sketch" GROUP BY "article"').fetchall()
    )
    shared = db.execute_sql(
        'WITH "held" AS (SELECT "hash", count(*) AS "holders", min("article") AS "earliest" '
        'FROM "story_sketch" GROUP BY "hash" HAVING count(*) >= 2) '
        'SELECT "one", "other", count(*) FROM ('
        'SELECT a."article" AS "one", b."article" AS "other" FROM "held" '
        'JOIN "story_sketch" a ON a."hash" = "held"."hash" '
        'JOIN "story_sketch" b ON b."hash" = a."hash" AND b."article" > a."article" '
        f'WHERE "held"."holders" <= {HOT_HASH} '
        'UNION ALL SELECT "held"."earliest", s."article" FROM "held" '
        'JOIN "story_sketch" s ON s."hash" = "held"."hash" AND s."article" > "held"."earliest" '
        f'WHERE "held"."holders" > {HOT_HASH}) AS "shared" '
        'GROUP BY "one", "other"'
    )
    return sorted(
        (one, other)
        for one, other, count in shared
        if count >= min(detection.CANDIDATE_SHARED, sizes.get(one, 1), sizes.get(other, 1))
    )
