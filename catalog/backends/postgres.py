"""A shared catalogue on a PostgreSQL server: its full-text search (matching through the GIN
indexes, ranking by the same bm25 as SQLite's FTS5), row locks and retries for several desks
writing at once, LISTEN for others' commits.

The search index itself (one row of tsvectors per article, its words cut as FTS5 cuts them)
is made and kept in ``catalog.pg_search``; this module asks it questions. Ranking: FTS5 keeps
the numbers bm25 needs; here they are counted: the articles and their words
(``article_search_index.words``) and, for each term, the articles that have it, all before the
search runs, so its SQL holds them as numbers. How often a term occurs in an article, each time
times its field's weight, is ``ts_rank_cd`` without normalisation: it adds up the weight of
each place the term covers, and in ``document`` each field's places carry the label of its
weight. The sum is taken in the order FTS5 takes it, with the same constants, so equal scores
are equal on both and the id breaks the tie.
"""

from collections.abc import Iterable
from pathlib import Path

from peewee import SQL, IntegrityError, OperationalError

from catalog import pg_search
from catalog.backends import Backend
from catalog.db import CatalogueError, database, placeholders
from catalog.search import bm25
from catalog.search.query import QueryError

#: A phrase is checked in each article that has all its words (reading its tsvector back:
#: about 12 µs each); the phrases of a search may send it to at most this many.
MAX_PHRASE_CANDIDATES = 40_000
#: ts_rank_cd's weights of the labels D, C, B and A: a tenth of each bm25 weight (it takes none
#: over 1), so ten times its sum is the term's weighted count.
_LABEL_WEIGHTS = (
    "'{" + ",".join(str(pg_search.LABEL_WEIGHTS[label] / 10) for label in "DCBA") + "}'::float4[]"
)
_SCALE = 10.0


class PostgresBackend(Backend):
    name = "postgresql"
    one_writer = False

    # Full-text search ------------------------------------------------------------------------

    def check_query(self, parsed) -> None:
        """Refuse phrases of words so common that over ``MAX_PHRASE_CANDIDATES`` articles would
        have to be read to check them."""
        left = MAX_PHRASE_CANDIDATES
        with self.search_plan(True):
            for term in [t for group in parsed.groups for t in group] + parsed.excluded:
                left -= pg_search.phrase_candidates(term, left)
                if left < 0:
                    raise QueryError(
                        f"the phrase “{term.text}” is made of words found in too many articles to check it "
                        "quickly: add a rarer word to it, or leave out the quotes"
                    )

    def more_words_than(self, prefix: str, limit: int) -> bool:
        return False  # the GIN indexes find a prefix's words in their own term tree

    def words_starting(self, prefix: str) -> list[str]:
        return pg_search.words_starting(prefix)

    def matching_ids_sql(self, parsed) -> tuple[str, list] | None:
        found = pg_search.condition(parsed.groups, parsed.excluded) if parsed.groups else None
        return (f"(SELECT article_id FROM {pg_search.TABLE} WHERE {found[0]})", found[1]) if found else None

    def excluded_ids_sql(self, parsed) -> tuple[str, list] | None:
        found = pg_search.condition([parsed.excluded], []) if parsed.excluded else None
        return (f"(SELECT article_id FROM {pg_search.TABLE} WHERE {found[0]})", found[1]) if found else None

    def ranked_sql(self, parsed, where: tuple[str, list], *, by_date: bool) -> tuple[str, list]:
        """GIN finds the matches, whatever their number; bm25 ranks them as FTS5 does."""
        found = pg_search.condition(parsed.groups, parsed.excluded, table="s") or ("TRUE", [])
        if by_date:
            sql = (
                f'SELECT "t1"."id" FROM {pg_search.TABLE} s JOIN "article" AS "t1" ON "t1"."id" = s.article_id '
                f'WHERE {found[0]} AND {where[0]} ORDER BY "t1"."id" DESC'
            )
            return sql, [*found[1], *where[1]]
        weighed, score, params = _score(parsed)
        # Each term's count reads the article's whole-text vector: read from TOAST (and
        # inflated) once a row, not once a term: a word's English forms are a dozen terms.
        # OFFSET 0 keeps the planner from folding the copy back into each use.
        fields = ", ".join(f"s.{name}" for name in pg_search.FIELDS if name != "body")
        matches = (
            f"SELECT s.article_id, s.words, {fields}, s.document || ''::tsvector AS document "
            f"FROM {pg_search.TABLE} s WHERE {found[0]} OFFSET 0"
        )
        sql = (
            f"WITH matched AS MATERIALIZED (SELECT s.article_id AS id, s.words AS d{weighed} "
            f"FROM ({matches}) s) "
            f'SELECT "t1"."id" FROM matched JOIN "article" AS "t1" ON "t1"."id" = matched.id '
            f'WHERE {where[0]} ORDER BY {score}"t1"."id"'
        )
        return sql, [*params[0], *found[1], *where[1], *params[1]]

    def search_plan(self, searching: bool, db=None):
        return pg_search.gin_plans(db or database.obj) if searching else super().search_plan(False)

    def articles_with_word(self, word: str, cap: int) -> int:
        sql = f"SELECT 1 FROM {pg_search.TABLE} WHERE document @@ to_tsquery('simple', %s) LIMIT %s"
        return database.execute_sql(f"SELECT count(*) FROM ({sql}) AS found", (f"'{word}'", cap)).fetchone()[
            0
        ]

    def claims_with_words(self, terms: list[str], limit: int) -> list[int]:
        """Claims of the articles whose claims have the words, ranked by how many of the words
        they share."""
        from catalog.models import Claim
        from catalog.search.matching import fold, word_pattern

        query = " | ".join(f"'{term}'" for term in terms)
        rows = Claim.select(Claim.id, Claim.text, Claim.claimant).where(
            Claim.article.in_(
                SQL(
                    f"(SELECT article_id FROM {pg_search.TABLE} WHERE claims @@ to_tsquery('simple', %s))",
                    [query],
                )
            )
        )
        pattern = word_pattern(terms)
        scored = []
        for claim_id, text, claimant in rows.tuples():
            shared = len({m.group() for m in pattern.finditer(fold(f"{text} {claimant or ''}"))})
            if shared:
                scored.append((-shared, claim_id))
        return [claim_id for _, claim_id in sorted(scored)[:limit]]

    def articles_with_words(self, terms: list[str], other_than: int, limit: int) -> list[int]:
        query = " | ".join(f"'{term}'" for term in terms)
        rows = database.execute_sql(
            f"SELECT article_id FROM {pg_search.TABLE}, to_tsquery('simple', %s) AS q "
            "WHERE (title || body) @@ q AND article_id != %s "
            "ORDER BY ts_rank(setweight(title, 'A') || body, q) DESC, article_id LIMIT %s",
            (query, other_than, limit),
        )
        return [article_id for (article_id,) in rows]

    def articles_having(self, word: str, limit: int) -> list[int]:
        with self.search_plan(True):
            rows = database.execute_sql(
                f"SELECT article_id FROM {pg_search.TABLE}, to_tsquery('simple', %s) AS q "
                "WHERE title @@ q OR body @@ q LIMIT %s",
                (f"'{word}'", limit),
            ).fetchall()
        return [article_id for (article_id,) in rows]

    # The full-text index ---------------------------------------------------------------------

    def index(self, ids: Iterable[int]) -> None:
        pg_search.index(ids)

    def unindex(self, ids: Iterable[int]) -> None:
        pg_search.unindex(ids)

    def rebuild_index(self) -> None:
        pg_search.rebuild()  # claims are indexed in their articles' rows

    def empty_story_sketches(self) -> None:
        database.execute_sql('TRUNCATE "story_sketch"')

    def index_problems(self, *, quick: bool = False) -> list[str]:
        """``quick``: only whether every article is there (the full check makes every
        article's words again)."""
        return pg_search.problems(quick=quick)

    # Writes -------------------------------------------------------------------------------

    def checked_write(self):
        return database.obj.atomic()  # lock_rows inside it holds the rows until commit

    def lock_rows(self, table: str, ids: list[int]) -> None:
        """So that a concurrent save waits and then sees this one's result."""
        ids = list(ids)
        if ids:
            database.execute_sql(
                f'SELECT id FROM "{table}" WHERE id IN ({placeholders(len(ids))}) ORDER BY id FOR UPDATE', ids
            )

    def worth_retrying(self, exc: Exception) -> bool:
        """A unique key stored meanwhile by another desk, or a deadlock broken by the server."""
        if isinstance(exc, IntegrityError):
            return True
        original = exc.args[0] if exc.args else None
        try:
            from psycopg.errors import TransactionRollbackError
        except ImportError:
            return False
        return isinstance(exc, OperationalError) and isinstance(original, TransactionRollbackError)

    def insert_name(self, model, row: dict) -> int:
        """Another desk may be inserting the same name at this moment: the insert then waits
        for theirs and does nothing (0), rather than failing the whole batch on the unique key."""
        return model.insert(row).on_conflict_ignore().execute() or 0

    def last_handed_out(self, table: str) -> int:
        (highest,) = database.execute_sql(f'SELECT COALESCE(MAX("id"), 0) FROM "{table}"').fetchone()
        sequence = _sequence(table)
        last, called = database.execute_sql(f"SELECT last_value, is_called FROM {sequence}").fetchone()
        return max(highest, last if called else 0)

    def keep_ahead(self, tables: Iterable[str]) -> None:
        """Sequences only ever move forward, past every id there is."""
        for table in tables:
            last = self.last_handed_out(table)
            if last:
                database.execute_sql(f"SELECT setval('{_sequence(table)}', %s, true)", (last,))

    def shared_topics_sql(self) -> str:
        return (
            """SELECT string_agg("topic_id"::text, ',' ORDER BY "topic_id") AS topics FROM "article_topic" """
            'GROUP BY "article_id" HAVING count(*) > 1'
        )

    # Opening, watching, keeping safe ------------------------------------------------------

    def watcher(self, db):
        from catalog.watching import PostgresWatcher

        return PostgresWatcher(db)

    def backend_pid(self, db) -> int | None:
        return db.connection().info.backend_pid

    def backup(self, target: Path) -> None:
        raise CatalogueError("backups of a server catalogue are the server's: use pg_dump, or `catalog copy`")

    def facts(self) -> dict:
        (version,) = database.execute_sql("SHOW server_version").fetchone()
        (size,) = database.execute_sql("SELECT pg_database_size(current_database())").fetchone()
        # "16.2 (Debian 16.2-1.pgdg120+2)": the number is what tells releases apart
        return {"backend": self.name, "backend_version": str(version).split()[0], "size_bytes": size}


POSTGRES = PostgresBackend()


def _sequence(table: str) -> str:
    (name,) = database.execute_sql(f"SELECT pg_get_serial_sequence('\"{table}\"', 'id')").fetchone()
    return name


def _score(parsed) -> tuple[str, str, tuple[list, list]]:
    """The columns of each term's weighted count in an article (``, … AS f0, …``), the score of
    the article to order by (``-1.0 * (…), ``, as ``bm25()`` gives it; nothing when no wanted term
    can be found) and the parameters of each."""
    terms = [
        (term, query) for group in parsed.groups for term in group if (query := pg_search.term_query(term))
    ]
    if not terms:
        return "", "", ([], [])  # nothing wanted can be found: no rows to rank
    articles, words = database.execute_sql(
        f"SELECT count(*), COALESCE(sum(words), 0) FROM {pg_search.TABLE}"
    ).fetchone()
    if not articles:
        return "", "", ([], [])
    with pg_search.gin_plans(database.obj):
        idfs = [bm25.idf(articles, _having(term, query, articles)) for term, query in terms]
    average = float(words) / float(articles)
    columns, column_params, parts, part_params = [], [], [], []
    for number, ((term, query), idf) in enumerate(zip(terms, idfs, strict=True)):
        column = pg_search.column(term)
        if column == "document":
            columns.append(
                f", round(ts_rank_cd({_LABEL_WEIGHTS}, s.document, %s::tsquery, 0)::float8 * {_SCALE}) AS f{number}"
            )
            column_params.append(query)
        else:
            weight = float(bm25.WEIGHTS[column])
            columns.append(
                f", round(ts_rank_cd('{{1,1,1,1}}'::float4[], s.{column}, %s::tsquery, 0)::float8) * {weight} "
                f"AS f{number}"
            )
            column_params.append(query)
        # idf · (f · (k1 + 1)) / (f + k1 · (1 − b + b · D / avgdl)), evaluated as FTS5 evaluates it
        f = f"matched.f{number}"
        parts.append(f"%s * (({f} * %s) / ({f} + %s * (%s + %s * matched.d / %s)))")
        part_params += [idf, bm25.K1 + 1.0, bm25.K1, 1 - bm25.B, bm25.B, average]
    return "".join(columns), f"-1.0 * (0.0 + {' + '.join(parts)}), ", (column_params, part_params)


def _having(term, query: str, articles: int) -> int:
    """How many articles have ``term`` in its field, counting only up to half of ``articles``:
    from there on its idf is the least, whatever the number."""
    enough = (articles + 1) // 2
    return database.execute_sql(
        f"SELECT count(*) FROM (SELECT 1 FROM {pg_search.TABLE} WHERE {pg_search.column(term)} @@ %s::tsquery "
        "LIMIT %s) AS having_it",
        (query, enough),
    ).fetchone()[0]
