"""Relevance, the same on both backends: FTS5's bm25 with a weight per field.

SQLite ranks with FTS5's own ``bm25()``; PostgreSQL computes the same formula from the same
words (catalog.pg_ranking), so a search lists its matches in the same order on both:

    score = Σ over the search's terms t:  idf(t) · f(t) · (k1 + 1) / (f(t) + k1 · (1 − b + b · D / avgdl))
    idf(t) = ln((N − n(t) + 0.5) / (n(t) + 0.5)), at least 1e-6

where f(t) counts the places the term (a word, a phrase or a prefix) is found in the article,
each times its field's weight; D is the article's number of words, avgdl that of all articles,
N the number of articles and n(t) how many of them have the term. Best first (``bm25()``
returns ``-score``, lowest first), then the lowest id.
"""

import math

K1 = 1.2
B = 0.75
#: Each indexed field's weight, in the full-text index's column order: the title counts most.
#: PostgreSQL can label a word's places with four weights only (A–D), so there are four.
WEIGHTS = {"title": 10, "body": 1, "authors": 5, "outlet": 5, "topics": 5, "summary": 3, "claims": 3}
#: The idf of a term in half the articles or more: it still ranks, barely.
MIN_IDF = 1e-6


def idf(articles: int, having: int) -> float:
    """The weight of a term found in ``having`` of ``articles`` articles, as FTS5 computes it."""
    value = math.log((articles - having + 0.5) / (having + 0.5))
    return value if value > 0.0 else MIN_IDF


def sqlite_weights() -> str:
    """The weights as ``bm25()``'s arguments after the table."""
    return ", ".join(f"{weight:.1f}" for weight in WEIGHTS.values())
