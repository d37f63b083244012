"""Full-text search on PostgreSQL: the same search language as the SQLite (FTS5) path.

One row per article in ``article_search_index``: a tsvector per indexed field and one for
the whole document, with GIN indexes. Text is folded in Python (lower case, accents off,
``catalog.matching.fold``) before ``to_tsvector('simple', …)``, and query words the same way,
so ``Zoe`` finds ``Zoë`` without the ``unaccent`` extension, as on SQLite.
"""

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from catalog.db import database
from catalog.matching import fold

TABLE = "article_search_index"
FIELDS = ("title", "body", "authors", "outlet", "topics", "summary", "claims")
_WORD = re.compile(r"\w+")
_CHUNK = 200
_GIN_PLANS = ("enable_seqscan", "enable_indexscan", "jit")


def index(ids: Iterable[int]) -> None:
    """Add these articles, as they are now, to the index."""
    from catalog.articles import iter_articles

    ids = sorted(set(ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        claims = _claims_text(chunk)
        rows = []
        for article in iter_articles(ids=chunk, with_body=True):
            texts = [
                article["title"],
                article["body"],
                ", ".join(article["authors"]),
                article["outlet"] or "",
                ", ".join(article["topics"]),
                article["summary"] or "",
                claims.get(article["id"], ""),
            ]
            folded = [fold(text) for text in texts]
            rows.append((article["id"], *folded, " ".join(folded)))
        vectors = ", ".join(["to_tsvector('simple', %s)"] * (len(FIELDS) + 1))
        columns = ", ".join([*FIELDS, "document"])
        cursor = database.cursor()
        cursor.executemany(f"INSERT INTO {TABLE} (article_id, {columns}) VALUES (%s, {vectors})", rows)


def unindex(ids: Iterable[int]) -> None:
    ids = list(ids)
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        database.execute_sql(f"DELETE FROM {TABLE} WHERE article_id = ANY(%s)", (chunk,))


def rebuild() -> None:
    database.execute_sql(f"DELETE FROM {TABLE}")
    last = 0
    while True:
        ids = [
            i
            for (i,) in database.execute_sql(
                "SELECT id FROM article WHERE id > %s ORDER BY id LIMIT 1000", (last,)
            )
        ]
        if not ids:
            return
        index(ids)
        last = ids[-1]


def problems() -> list[str]:
    missing = database.execute_sql(
        f"SELECT count(*) FROM article a WHERE NOT EXISTS (SELECT 1 FROM {TABLE} s WHERE s.article_id = a.id)"
    ).fetchone()[0]
    if missing:
        return [f"{missing:,} article{'' if missing == 1 else 's'} missing from the search index"]
    return []


def term_query(term) -> str | None:
    """A search term as a tsquery: its folded words in order, the last one a prefix for ``word*``."""
    words = _WORD.findall(fold(term.text))
    if not words:
        return None
    lexemes = [f"'{word}'" for word in words]
    if term.prefix:
        lexemes[-1] += ":*"
    return " <-> ".join(lexemes)


def phrase_candidates(term, limit: int) -> int:
    """How many articles have every word of the phrase ``term`` (0 for a single word), counting
    up to ``limit`` + 1. The GIN index finds them exactly, but each one's tsvector must then be
    read back to find the words in order: about 12 µs an article."""
    words = _WORD.findall(fold(term.text))
    if len(words) < 2:
        return 0
    every_word = " & ".join(f"'{word}'" for word in words)
    return database.execute_sql(
        f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE {_column(term)} @@ to_tsquery('simple', %s) "
        "LIMIT %s) AS candidates",
        (every_word, limit + 1),
    ).fetchone()[0]


def _column(term) -> str:
    return term.column if term.column in FIELDS else "document"


def condition(groups, excluded, *, table: str = TABLE) -> tuple[str, list] | None:
    """SQL over ``article_search_index`` rows (named ``table`` in the query): every group (an OR
    of terms) and none of ``excluded``.

    The terms on one field become one tsquery (``(a | b) & c & !d``): one ``@@`` the GIN index
    answers exactly, rather than one per term, each of which would read the article's whole
    tsvector again. A group that spans fields, and exclusions on a field nothing is wanted
    from, are conditions of their own.
    """
    wanted: dict[str, list[str]] = {}
    unwanted: dict[str, list[str]] = {}
    parts, params = [], []
    for group in groups:
        found = [(_column(t), q) for t in group if (q := term_query(t))]
        columns = {column for column, _ in found}
        if len(columns) == 1:
            wanted.setdefault(columns.pop(), []).append("(" + " | ".join(f"({q})" for _, q in found) + ")")
        elif found:
            parts.append(
                "(" + " OR ".join(f"{table}.{c} @@ to_tsquery('simple', %s)" for c, _ in found) + ")"
            )
            params += [q for _, q in found]
    for term in excluded:
        query = term_query(term)
        if query:
            unwanted.setdefault(_column(term), []).append(f"({query})")
    for column, queries in wanted.items():
        parts.append(f"{table}.{column} @@ to_tsquery('simple', %s)")
        params.append(" & ".join(queries + [f"!{q}" for q in unwanted.pop(column, [])]))
    for column, queries in unwanted.items():
        parts.append(f"NOT ({table}.{column} @@ to_tsquery('simple', %s))")
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


def rank_query(groups) -> str:
    """One tsquery of every wanted term, OR-ed: what ts_rank scores a document against."""
    return " | ".join(filter(None, (term_query(t) for group in groups for t in group))) or "''"


def _claims_text(ids: list[int]) -> dict[int, str]:
    found: dict[int, list[str]] = {}
    rows = database.execute_sql(
        "SELECT article_id, text, claimant FROM claim WHERE article_id = ANY(%s) ORDER BY article_id, start, id",
        (ids,),
    )
    for article_id, text, claimant in rows:
        found.setdefault(article_id, []).append(text + (f" ({claimant})" if claimant else ""))
    return {article_id: " / ".join(parts) for article_id, parts in found.items()}
