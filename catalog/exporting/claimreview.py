"""Claims with a verdict as schema.org ClaimReview, the JSON-LD fact-checkers publish.

One ``@graph`` of ClaimReview objects: the claim (``claimReviewed``), who made it and where it
appeared (``itemReviewed``: a Claim with its NewsArticle appearance), the verdict as a Rating
on the usual 1–5 scale (``alternateName`` carries the words; "unproven" has no number), and
the explanation as ``reviewBody``. Unrated claims are left out.

The document is meant to be pasted into a page's ``<script type="application/ld+json">``, so
``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026`` (as Django's
``json_script`` does): a claim quoting ``</script>`` cannot end the element. U+2028 and U+2029
are escaped too, for scripts that read JSON as JavaScript. JSON readers get the text back as is.
"""

import json
from pathlib import Path

from peewee import JOIN

from catalog.articles import iso_date, iso_time
from catalog.db import database
from catalog.models import Article, ArticleAuthor, Author, Claim, Outlet
from catalog.safe_output import output_stream

#: Characters that must not appear raw inside an HTML <script> element, as JSON escapes.
SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)

#: Rating values of the verdicts (5 best); "unproven" is rated in words only.
RATINGS = {"true": 5, "mostly true": 4, "mixed": 3, "mostly false": 2, "false": 1}


def claimreview_document(reviewer: str) -> dict:
    """The JSON-LD document of every claim that has a verdict, reviewed by ``reviewer``."""
    query = (
        Claim.select(Claim, Article.title, Article.date, Article.date_precision, Outlet.name.alias("outlet"))
        .join(Article)
        .join(Outlet, JOIN.LEFT_OUTER)
        .where(Claim.verdict != "unrated")
        .order_by(Claim.id)
    )
    return {
        "@context": "https://schema.org",
        "@graph": [_review(row, reviewer) for row in query.dicts()],
    }


def export_claimreview(target: str | Path, reviewer: str) -> int:
    """Write the document to ``target`` (``-`` for standard output); returns how many reviews."""
    with database.atomic():
        document = claimreview_document(reviewer)
    # The characters translated occur only inside JSON strings, where \uXXXX means the same.
    text = json.dumps(document, ensure_ascii=False, indent=1).translate(SCRIPT_SAFE) + "\n"
    with output_stream(target) as out:
        out.write(text)
    return len(document["@graph"])


def _review(row: dict, reviewer: str) -> dict:
    rating = {"@type": "Rating", "alternateName": row["verdict"].capitalize()}
    if row["verdict"] in RATINGS:
        rating.update(ratingValue=RATINGS[row["verdict"]], bestRating=5, worstRating=1)
    appearance = {
        "@type": "NewsArticle",
        "headline": row["title"],
        "datePublished": iso_date(row["date"], row["date_precision"]),
        "publisher": {"@type": "Organization", "name": row["outlet"]} if row["outlet"] else None,
        "author": [{"@type": "Person", "name": name} for name in _authors(row["article"])] or None,
    }
    item = {
        "@type": "Claim",
        "author": {"@type": "Thing", "name": row["claimant"]} if row["claimant"] else None,
        "datePublished": iso_date(row["claim_date"], "day"),
        "appearance": _without_nulls(appearance),
    }
    review = {
        "@type": "ClaimReview",
        "identifier": f"claim-{row['id']}",
        "claimReviewed": row["text"],
        "itemReviewed": _without_nulls(item),
        "reviewRating": rating,
        "reviewBody": row["explanation"] or None,
        "author": {"@type": "Organization", "name": reviewer},
        "datePublished": (iso_time(row["updated_at"]) or "")[:10] or None,
    }
    return _without_nulls(review)


def _authors(article_id: int) -> list[str]:
    query = (
        Author.select(Author.name)
        .join(ArticleAuthor)
        .where(ArticleAuthor.article == article_id)
        .order_by(ArticleAuthor.position)
    )
    return [name for (name,) in query.tuples()]


def _without_nulls(item: dict) -> dict:
    return {key: value for key, value in item.items() if value is not None}
