"""How many articles each topic holds: the distinct articles filed under it or under any of its
sub-topics, so ``World`` counts an article tagged ``World/Europe`` and ``World/Asia`` once.

The sidebar and ``catalog topics`` both count with ``topic_counts``: one rule for both.
"""

from catalog.db import database

#: A topic's own articles: the (article, topic) key makes each count distinct already.
_OWN = 'SELECT "topic_id", count(*) FROM "article_topic" GROUP BY "topic_id"'

#: Topics that have sub-topics, each with every topic of its subtree (itself included), and the
#: distinct articles of the whole subtree. Only parents need DISTINCT; leaves keep _OWN's count.
_WITH_SUB_TOPICS = """
WITH RECURSIVE subtree ("root", "member") AS (
    SELECT "id", "id" FROM "topic" AS "parent"
    WHERE EXISTS (SELECT 1 FROM "topic" AS "child" WHERE "child"."parent_id" = "parent"."id")
    UNION  -- not UNION ALL: a damaged tree with a loop in it still ends
    SELECT subtree."root", "topic"."id" FROM "topic" JOIN subtree ON "topic"."parent_id" = subtree."member"
)
SELECT subtree."root", count(DISTINCT "article_topic"."article_id")
FROM subtree JOIN "article_topic" ON "article_topic"."topic_id" = subtree."member"
GROUP BY subtree."root"
"""


def topic_counts() -> dict[int, int]:
    """``{topic id: distinct articles under it, sub-topics included}``; topics no article is
    filed under (even through a sub-topic) are left out."""
    counts = dict(database.execute_sql(_OWN).fetchall())
    counts.update(database.execute_sql(_WITH_SUB_TOPICS).fetchall())
    return counts
