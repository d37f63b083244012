"""How many articles each topic holds: the distinct articles filed under it or under any of its
sub-topics, so ``World`` counts an article tagged ``World/Europe`` and ``World/Asia`` once.

The sidebar and ``catalog topics`` both count with ``topic_counts``: one rule for both.

Counting distinct articles per subtree in SQL (a recursive CTE and ``count(DISTINCT …)``) sorts
every (subtree, article) pair: 30 times the cost of counting each topic's own articles at
100,000 articles. Instead each topic's own count is added to it and its parents (a scan of the
topic index, as before), and only the articles filed under two topics or more are read, one
line each, to take off what they were counted twice (benchmarks/bench_sidebar.py).
"""

from collections import Counter

from catalog.backends import backend
from catalog.db import database

#: Each topic's own articles: the (article, topic) key makes each count distinct already.
_OWN = 'SELECT "topic_id", count(*) FROM "article_topic" GROUP BY "topic_id"'


def topic_counts() -> dict[int, int]:
    """``{topic id: distinct articles under it, sub-topics included}``; topics no article is
    filed under (even through a sub-topic) are left out."""
    lineage = _lineages()
    counts: Counter[int] = Counter()
    for topic_id, own in database.execute_sql(_OWN):
        for holder in lineage.get(topic_id, (topic_id,)):
            counts[holder] += own
    # An article under k topics of one subtree was counted k times at the top of it: once is right.
    # Articles filed under the same topics are counted together in SQL: at a million articles
    # there are 600,000 such lines and a few thousand kinds, and Python then loops over the
    # kinds only (the window counts on a thread of its own; a Python loop there slows the window).
    shared = database.execute_sql(
        f"SELECT topics, count(*) FROM ({backend().shared_topics_sql()}) AS shared GROUP BY topics"
    )
    by_text = {str(topic_id): line for topic_id, line in lineage.items()}
    for topics, articles in shared:
        seen = set()
        for text in topics.split(","):
            for holder in by_text.get(text, ()):
                if holder in seen:
                    counts[holder] -= articles
                else:
                    seen.add(holder)
    return {topic_id: count for topic_id, count in counts.items() if count > 0}


def _lineages() -> dict[int, tuple[int, ...]]:
    """Each topic with its parent, its parent's parent and so on: the topics it counts under.
    A damaged tree whose parents loop still ends (each topic once)."""
    parents = dict(database.execute_sql('SELECT "id", "parent_id" FROM "topic"').fetchall())
    lineages = {}
    for topic_id in parents:
        line, current = [], topic_id
        while current is not None and current not in line:
            line.append(current)
            current = parents.get(current)
        lineages[topic_id] = tuple(line)
    return lineages
