"""bm25 on PostgreSQL, as FTS5 computes it (catalog.bm25): the same scores from the same words,
so a search lists its matches in the same order on both backends.

FTS5 keeps the numbers bm25 needs; here they are counted: the articles and their words
(``article_search_index.words``) and, for each term, the articles that have it, all before the
search runs, so its SQL holds them as numbers. How often a term occurs in an article, each
time times its field's weight, is ``ts_rank_cd`` without normalisation: it adds up the weight
of each place the term covers, and in ``document`` each field's places carry the label of its
weight (catalog.pg_search). The sum is taken in the order FTS5 takes it, with the same
constants, so equal scores are equal on both and the id breaks the tie.
"""

from catalog import bm25, pg_search
from catalog.db import database
from catalog.search import ParsedQuery

#: ts_rank_cd's weights of the labels D, C, B and A: a tenth of each bm25 weight (it takes none
#: over 1), so ten times its sum is the term's weighted count.
_LABEL_WEIGHTS = (
    "'{" + ",".join(str(pg_search.LABEL_WEIGHTS[label] / 10) for label in "DCBA") + "}'::float4[]"
)
_SCALE = 10.0


def ranked_sql(parsed: ParsedQuery, found: tuple[str, list], where: tuple[str, list]) -> tuple[str, list]:
    """The ids of the index rows ``found`` (a condition on rows named ``s``) whose articles pass
    ``where`` (a condition on the article table, named ``t1``), best first by bm25, then by id."""
    weighed, score, params = _score(parsed)
    sql = (
        f"WITH matched AS MATERIALIZED (SELECT s.article_id AS id, s.words AS d{weighed} "
        f"FROM {pg_search.TABLE} s WHERE {found[0]}) "
        f'SELECT "t1"."id" FROM matched JOIN "article" AS "t1" ON "t1"."id" = matched.id '
        f'WHERE {where[0]} ORDER BY {score}"t1"."id"'
    )
    return sql, [*params[0], *found[1], *where[1], *params[1]]


def _score(parsed: ParsedQuery) -> tuple[str, str, tuple[list, list]]:
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
