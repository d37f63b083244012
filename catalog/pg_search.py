"""Full-text search on PostgreSQL: the same words, the same matches and the same order as
SQLite's FTS5.

One row per article in ``article_search_index``: a tsvector per indexed field, one for the whole
article (``document``) and its number of words. The words are cut and folded in Python exactly
as FTS5 cuts them (catalog.search.fts5_words) and handed to PostgreSQL as tsvector and tsquery values
it takes as they are: its own parser, which reads ``Economy/Energy/Oil`` and ``U.S`` as file
paths, ``t.co/P3ij`` as a URL, ``desk@example.org`` as an e-mail address and ``pro-Russian`` as
three words, never sees the text. In ``document`` the
fields follow one another with a place left between them, so no phrase runs from one field into
the next (as in FTS5, where each is a column of its own), and each place carries its field's
bm25 weight as a label (catalog.pg_ranking).

What PostgreSQL's tsvector cannot hold is left out, and said in README: places past the
16,383rd word of an article all count as the 16,383rd, a word keeps its first 256 places, a
word over 2,046 bytes is not indexed, nor are an article's words past a megabyte of distinct ones.
"""

import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from catalog.db import database
from catalog.search.fts5_words import iter_words, words

TABLE = "article_search_index"
#: Every word the index has held (migration 0015): where stemming looks for a word's forms.
#: Words of deleted articles stay, finding nothing, until the index is rebuilt.
WORDS_TABLE = "search_word"
FIELDS = ("title", "body", "authors", "outlet", "topics", "summary", "claims")
#: The fields in ``document``, in order, with the label of their bm25 weight (A 10, B 5, C 3,
#: D 1): the body last, so that a long text pushes no other field past the last place.
DOCUMENT = (
    ("title", "A"),
    ("authors", "B"),
    ("outlet", "B"),
    ("topics", "B"),
    ("summary", "C"),
    ("claims", "C"),
    ("body", "D"),
)
LABEL_WEIGHTS = {"A": 10, "B": 5, "C": 3, "D": 1}
#: PostgreSQL's limits (tsvector.h): the last place, places kept per word, bytes of a word and
#: of all an article's distinct words.
MAX_POSITION = 16383
MAX_POSITIONS = 256
MAX_WORD_BYTES = 2046
MAX_VECTOR_BYTES = (1 << 20) - 1
_CHUNK = 200
_GIN_PLANS = ("enable_seqscan", "enable_indexscan", "jit")
_LABEL_CODES = {"A": 3, "B": 2, "C": 1, "D": 0}
_LABELS = ("", "C", "B", "A")  # as tsvector's text shows each code: D is shown as nothing

#: The text of each field of the articles ``%s`` (an array of ids), as SQLite's
#: ``article_search`` view gives it to FTS5: names joined in the same order (topics by their
#: key, byte by byte), claims with their claimants.
_TEXTS = """
SELECT a.id, a.title, a.body,
       COALESCE((SELECT string_agg(au.name, ', ' ORDER BY aa.position) FROM article_author aa
                 JOIN author au ON au.id = aa.author_id WHERE aa.article_id = a.id), ''),
       COALESCE(o.name, ''),
       COALESCE((SELECT string_agg(tp.name, ', ' ORDER BY tp.key COLLATE "C") FROM article_topic at
                 JOIN topic tp ON tp.id = at.topic_id WHERE at.article_id = a.id), ''),
       COALESCE(a.summary, ''),
       COALESCE((SELECT string_agg(c.text || COALESCE(' (' || c.claimant || ')', ''), ' / '
                        ORDER BY c.start, c.id) FROM claim c WHERE c.article_id = a.id), '')
FROM article a LEFT JOIN outlet o ON o.id = a.outlet_id
WHERE a.id = ANY(%s) ORDER BY a.id
"""
_COLUMNS = ", ".join([*FIELDS, "document", "words"])
_INSERT = (
    f"INSERT INTO {TABLE} (article_id, {_COLUMNS}) VALUES "
    f"(%s, {', '.join(['%s::tsvector'] * (len(FIELDS) + 1))}, %s)"
)


def index(ids: Iterable[int]) -> None:
    """Add these articles, as they are now, to the index."""
    ids = sorted(set(ids))
    cursor = database.cursor()
    for start in range(0, len(ids), _CHUNK):
        seen: set[str] = set()
        cursor.executemany(_INSERT, list(_rows(ids[start : start + _CHUNK], seen)))
        _keep_words(seen)


def _keep_words(seen: set[str]) -> None:
    """Add the words not listed yet to ``WORDS_TABLE``. In order: two desks indexing at once
    then wait for each other's new words one way round, never in a deadlock."""
    fitting = sorted(word for word in seen if len(word.encode()) <= MAX_WORD_BYTES)
    if fitting:
        database.execute_sql(
            f"INSERT INTO {WORDS_TABLE} (word) SELECT word FROM unnest(%s::text[]) AS listed (word) "
            "ORDER BY word ON CONFLICT DO NOTHING",
            (fitting,),
        )


def words_starting(prefix: str) -> list[str]:
    """The index's words starting with ``prefix`` (and a few of deleted articles)."""
    rows = database.execute_sql(
        f"SELECT word FROM {WORDS_TABLE} WHERE word >= %s AND word < %s", (prefix, prefix + "\U0010ffff")
    )
    return [word for (word,) in rows]


def unindex(ids: Iterable[int]) -> None:
    ids = list(ids)
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        database.execute_sql(f"DELETE FROM {TABLE} WHERE article_id = ANY(%s)", (chunk,))


def rebuild(progress: Callable[[int, int], None] | None = None) -> None:
    """Index every article again; ``progress(done, total)`` after each chunk."""
    database.execute_sql(f"DELETE FROM {TABLE}")
    database.execute_sql(f"DELETE FROM {WORDS_TABLE}")
    (total,) = database.execute_sql("SELECT count(*) FROM article").fetchone()
    done = 0
    for ids in _id_chunks(1000):
        index(ids)
        done += len(ids)
        if progress:
            progress(done, total)


def problems(*, quick: bool = False) -> list[str]:
    """The articles the index does not hold as their text is now, in words: missing from it, or
    (unless ``quick``) out of step with their text. The index's words are made again from each
    article's text and compared, by a digest, with what the index holds: every article is read,
    as FTS5's own integrity check reads every one."""
    if quick:
        (missing,) = database.execute_sql(
            f"SELECT count(*) FROM article a WHERE NOT EXISTS "
            f"(SELECT 1 FROM {TABLE} s WHERE s.article_id = a.id)"
        ).fetchone()
        return _out_of_step(missing, 0)
    missing = stale = 0
    stored_text = ", ".join(f"{column}::text" for column in (*FIELDS, "document", "words"))
    for ids in _id_chunks(500):
        stored = dict(
            database.execute_sql(
                f"SELECT article_id, md5(concat_ws(' ', {stored_text})) FROM {TABLE} WHERE article_id = ANY(%s)",
                (ids,),
            ).fetchall()
        )
        for article_id, *vectors in _rows(ids):
            digest = stored.get(article_id)
            if digest is None:
                missing += 1
            elif digest != hashlib.md5(" ".join(map(str, vectors)).encode()).hexdigest():
                stale += 1
    return _out_of_step(missing, stale)


def _out_of_step(missing: int, stale: int) -> list[str]:
    found = []
    if missing:
        found.append(f"{missing:,} article{'' if missing == 1 else 's'} missing from it")
    if stale:
        found.append(f"{stale:,} out of step with {'its' if stale == 1 else 'their'} text")
    return [f"the full-text index does not match the articles: {' and '.join(found)}"] if found else []


def _id_chunks(size: int) -> Iterator[list[int]]:
    last = 0
    while True:
        ids = [
            i
            for (i,) in database.execute_sql(
                "SELECT id FROM article WHERE id > %s ORDER BY id LIMIT %s", (last, size)
            )
        ]
        if not ids:
            return
        yield ids
        last = ids[-1]


def _rows(ids: list[int], seen: set[str] | None = None) -> Iterator[tuple]:
    """``(id, a tsvector's text for each field, the document's, its number of words)`` of each
    of these articles, each text read once (an article's text may be megabytes); their words
    are added to ``seen``."""
    for article_id, *texts in database.execute_sql(_TEXTS, (ids,)).fetchall():
        fields = dict(zip(FIELDS, map(_places, texts), strict=True))
        if seen is not None:
            for places, _ in fields.values():
                seen.update(places)
        document: dict[str, list[tuple[int, list[int]]]] = {}
        offset = 0
        for field, label in DOCUMENT:
            places, count = fields[field]
            code = _LABEL_CODES[label]
            for word, held in places.items():
                shifted = [offset + place for place in held] if offset else held
                document.setdefault(word, []).append((code, shifted))
            offset += count + 1  # and a place between fields, so that no phrase spans two
        own = [_text({word: [(0, held)] for word, held in fields[field][0].items()}) for field in FIELDS]
        yield article_id, *own, _text(document), offset - len(DOCUMENT)


def vector_text(parts: list[tuple[list[str], str]]) -> str:
    """A tsvector, as PostgreSQL writes one, of the words of ``parts`` (each a field's words and
    the label of its weight) at places 1, 2, … with one place left between parts."""
    vector: dict[str, list[tuple[int, list[int]]]] = {}
    offset = 0
    for found, label in parts:
        places, count = _places(found)
        for word, held in places.items():
            vector.setdefault(word, []).append((_LABEL_CODES[label], [offset + place for place in held]))
        offset += count + 1
    return _text(vector)


def _places(text: str | Iterable[str] | None) -> tuple[dict[str, list[int]], int]:
    """Each word's places (1, 2, …) in ``text`` (or in these words), in the order first met, and
    the number of words. Words first met past a megabyte of distinct ones are not kept: no
    tsvector could hold them."""
    places: dict[str, list[int]] = {}
    size = count = 0
    for count, word in enumerate(text if isinstance(text, list) else iter_words(text), 1):
        held = places.get(word)
        if held is not None:
            held.append(count)
        elif size <= MAX_VECTOR_BYTES:
            size += len(word)
            places[word] = [count]
    return places, count


def _text(vector: dict[str, list[tuple[int, list[int]]]]) -> str:
    """The tsvector of ``vector`` (each word's places, field by field, with its label's code) as
    PostgreSQL writes it, within its limits as it applies them, so that the one stored reads
    back as exactly this: places past ``MAX_POSITION`` are that place (with the highest weight
    met there), a word keeps its first ``MAX_POSITIONS`` places, a word over ``MAX_WORD_BYTES``
    is left out, and so are the words first met once the vector is ``MAX_VECTOR_BYTES`` long as
    PostgreSQL counts it."""
    if not vector:
        return ""
    longest = max(map(len, vector))
    places = sum(len(held) for parts in vector.values() for _, held in parts)
    if (
        4 * longest <= MAX_WORD_BYTES
        and 4 * sum(map(len, vector)) + 2 * places + 3 * len(vector) <= MAX_VECTOR_BYTES
    ):
        return " ".join(
            [f"'{word}':{_shown(vector[word])}" for word in sorted(vector)]
        )  # far within the limits
    kept, size = {}, 0
    for word, parts in vector.items():  # in the order first met
        length = len(word.encode())
        if length > MAX_WORD_BYTES:
            continue
        shown = _shown(parts)
        size += length + (length & 1) + 2 * (shown.count(",") + 1) + 2  # as tsvector.c's uniqueentry() counts
        if size > MAX_VECTOR_BYTES:
            break
        kept[word] = shown
    return " ".join([f"'{word}':{kept[word]}" for word in sorted(kept)])


def _shown(parts: list[tuple[int, list[int]]]) -> str:
    """A word's places as a tsvector shows them: ``1,5`` or, labelled, ``1A,2A,9``."""
    if len(parts) == 1:
        code, held = parts[0]
        if len(held) <= MAX_POSITIONS and held[-1] <= MAX_POSITION:
            return ",".join(map(str, held)) if not code else _labelled(code, held)
    if sum(len(held) for _, held in parts) <= MAX_POSITIONS and parts[-1][1][-1] <= MAX_POSITION:
        return ",".join([_labelled(code, held) for code, held in parts])
    return ",".join([f"{code >> 2}{_LABELS[code & 3]}" for code in _within_limits(parts)])


def _labelled(code: int, places: list[int]) -> str:
    """``1A,2A,3A``: places with the label of ``code`` (none for D)."""
    label = _LABELS[code]
    return (label + ",").join(map(str, places)) + label


def _within_limits(parts: list[tuple[int, list[int]]]) -> list[int]:
    """The places of ``parts`` as PostgreSQL keeps them (see ``_text``), each a place * 4 + its
    label's code."""
    places: list[int] = []
    for code, held in parts:
        for place in held:
            place = min(place, MAX_POSITION)
            if places and places[-1] >> 2 == place:
                places[-1] = max(places[-1], place * 4 + code)
            elif len(places) < MAX_POSITIONS:
                places.append(place * 4 + code)
    return places


def term_query(term) -> str | None:
    """A search term as a tsquery: its words in order, the last one a prefix for ``word*``.
    None for a term that finds nothing: no word at all (``_``), as in FTS5, or one too long for
    PostgreSQL's index."""
    found = words(term.text)
    if not found or any(len(word.encode()) > MAX_WORD_BYTES for word in found):
        return None
    lexemes = [f"'{word}'" for word in found]
    if term.prefix:
        lexemes[-1] += ":*"
    return " <-> ".join(lexemes)


def phrase_candidates(term, limit: int) -> int:
    """How many articles have every word of the phrase ``term`` (0 for a single word), counting
    up to ``limit`` + 1. The GIN index finds them exactly, but each one's tsvector must then be
    read back to find the words in order: about 12 µs an article."""
    found = words(term.text)
    if len(found) < 2 or term_query(term) is None:
        return 0
    every_word = " & ".join(f"'{word}'" for word in dict.fromkeys(found))
    return database.execute_sql(
        f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE {column(term)} @@ %s::tsquery "
        "LIMIT %s) AS candidates",
        (every_word, limit + 1),
    ).fetchone()[0]


def column(term) -> str:
    """The tsvector column a term is searched in: its field's, or the whole article's."""
    return term.column if term.column in FIELDS else "document"


def condition(groups, excluded, *, table: str = TABLE) -> tuple[str, list] | None:
    """SQL over ``article_search_index`` rows (named ``table`` in the query): every group (an OR
    of terms) and none of ``excluded``; None when there is nothing to ask.

    The terms on one field become one tsquery (``(a | b) & c & !d``): one ``@@`` the GIN index
    answers exactly, rather than one per term, each of which would read the article's whole
    tsvector again. A group that spans fields, and exclusions on a field nothing is wanted
    from, are conditions of their own. A term that finds nothing (``term_query``) is left out
    of its group; a group of nothing else finds nothing, as in FTS5.
    """
    wanted: dict[str, list[str]] = {}
    unwanted: dict[str, list[str]] = {}
    parts, params = [], []
    for group in groups:
        found = [(column(t), q) for t in group if (q := term_query(t))]
        columns = {c for c, _ in found}
        if not found:
            return "FALSE", []
        if len(columns) == 1:
            wanted.setdefault(columns.pop(), []).append("(" + " | ".join(f"({q})" for _, q in found) + ")")
        else:
            parts.append("(" + " OR ".join(f"{table}.{c} @@ %s::tsquery" for c, _ in found) + ")")
            params += [q for _, q in found]
    for term in excluded:
        query = term_query(term)
        if query:
            unwanted.setdefault(column(term), []).append(f"({query})")
    for name, queries in wanted.items():
        parts.append(f"{table}.{name} @@ %s::tsquery")
        params.append(" & ".join(queries + [f"!{q}" for q in unwanted.pop(name, [])]))
    for name, queries in unwanted.items():
        parts.append(f"NOT ({table}.{name} @@ %s::tsquery)")
        params.append(" | ".join(queries))
    if not parts:
        return None
    return " AND ".join(parts), params


@contextmanager
def gin_plans(db) -> Iterator[None]:
    """Run the block's statements with plans that find matches through the GIN indexes.

    The planner does not count the cost of reading a tsvector back from TOAST, so for a common
    word it filters every row instead (0.9 s for ``the`` at 100,000 articles, against 40 ms
    through the index). Sequential and plain index scans are set aside for the transaction, and
    so is JIT compilation, which the inflated estimates would otherwise start (0.4 s).
    """
    with db.atomic():
        for setting in _GIN_PLANS:
            db.execute_sql(f"SET LOCAL {setting} = off")
        yield
        for setting in _GIN_PLANS:
            db.execute_sql(f"SET LOCAL {setting} TO DEFAULT")
