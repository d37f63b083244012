"""Reading back what ``export-json`` wrote: articles, names, claims and links, losslessly.

The whole file is checked before anything is written (``json_checks``), and written in one
transaction, so a malformed file changes nothing. Into a new catalogue (one that never handed
out an id) every id is kept, so exporting again gives the same file; into any other, new ids
are given (claims and links follow their articles), and an article whose text the catalogue
has, or had before a correction, is a duplicate, skipped with its claims.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from peewee import DatabaseError

from catalog import stories
from catalog.db import database
from catalog.exporting.json_checks import ImportJsonError, check_date, check_document, check_time
from catalog.exporting.json_export import FORMAT_NAME
from catalog.fingerprints import fingerprint, holders, remember
from catalog.ids import ID_TABLES, keep_ahead, never_used
from catalog.models import (
    Article,
    ArticleAuthor,
    ArticleTopic,
    ArticleUrl,
    Author,
    Claim,
    ClaimLink,
    Outlet,
    Topic,
)
from catalog.names import name_cache
from catalog.search import fulltext

__all__ = ["ImportJsonError", "JsonImportReport", "import_json"]


@dataclass
class JsonImportReport:
    articles: int = 0
    duplicates: list[str] = field(default_factory=list)  #: titles of articles already there
    claims: int = 0
    links: int = 0
    kept_ids: bool = False


def import_json(path: str | Path) -> JsonImportReport:
    """Add the catalogue export at ``path`` to the open catalogue (see the module's notes)."""
    text, document = _load(Path(path))
    return import_document(document, text, str(path))


def import_document(document: dict, text: str, where: str, *, trusted: bool = False) -> JsonImportReport:
    """Add an export document already read from ``text`` (``where`` names it in errors), checked
    whole first, in one transaction: what ``catalog copy`` streams from one catalogue into another.

    ``trusted``: the document comes from this installation's own ``copy``, so the fingerprints
    its articles had before are taken too; from anywhere else they are not (they would let a
    file declare other texts duplicates).
    """
    try:
        check_document(document, text, trusted=trusted)
    except ImportJsonError as exc:
        raise ImportJsonError(f"{where}: {exc}", exc.article_id) from None
    with database.atomic():
        return _write(document, trusted)


def _load(path: Path) -> tuple[str, dict]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ImportJsonError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ImportJsonError(f"{path}: is a folder, not an export file") from None
    except UnicodeDecodeError:
        raise ImportJsonError(f"{path}: not UTF-8 text, so not a catalogue export") from None
    except OSError as exc:
        raise ImportJsonError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportJsonError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise ImportJsonError(f"{path}: not a Catalog export: its JSON is nested far too deeply") from None
    except ValueError:  # Python refuses to read whole numbers of more than 4,300 digits
        raise ImportJsonError(
            f"{path}: not a Catalog export: it holds a number thousands of digits long"
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportJsonError(f'{path}: not a Catalog export (no "format": "{FORMAT_NAME}")')
    return text, document


# --- writing (the file is checked) -----------------------------------------------------------


def _write(document: dict, trusted: bool) -> JsonImportReport:
    report = JsonImportReport()
    # Ids are kept only where none was ever handed out: an emptied catalogue's old ids may
    # still be on a window's undo stack.
    report.kept_ids = never_used("article", "claim", "claim_link")
    outlets, authors, topics = name_cache(Outlet), name_cache(Author), name_cache(Topic)
    for name in document.get("outlets", []):
        outlets.id_for(name)
    for name in document.get("authors", []):
        authors.id_for(name)
    for topic in document.get("topics", []):
        topics.id_for(topic["name"])
    articles = document.get("articles", [])
    known = {} if report.kept_ids else holders([fingerprint(article["body"]) for article in articles])
    article_ids: dict[int, int] = {}  # in the file -> in the catalogue (imported ones only)
    for number, article in enumerate(articles):
        if not report.kept_ids:
            # New ids: an article's fingerprint is that of its text; a text the catalogue
            # has, had, or took earlier in this file makes it a duplicate.
            digest = fingerprint(article["body"])
            if digest in known:
                report.duplicates.append(article["title"])
                continue
            known[digest] = (None, article["title"])
            article = {**article, "content_hash": digest}
        article_ids[article["id"]] = _stored(number, article, report.kept_ids, (outlets, authors, topics))
        report.articles += 1
    if trusted:
        _write_earlier(document, article_ids)
    claim_ids: dict[int, int] = {}
    for claim in document.get("claims", []):
        if claim["article_id"] in article_ids:
            claim_ids[claim["id"]] = _write_claim(claim, article_ids[claim["article_id"]], report.kept_ids)
            report.claims += 1
    for link in document.get("claim_links", []):
        if link["source_id"] in claim_ids and link["target_id"] in claim_ids:
            _write_link(link, claim_ids, report.kept_ids)
            report.links += 1
    try:
        fulltext.index(article_ids.values())
    except DatabaseError as exc:
        raise ImportJsonError(f"the search index could not take these articles ({exc})") from None
    bodies = {article["id"]: article["body"] for article in articles}
    stories.detect_new([(stored, bodies[given], None) for given, stored in article_ids.items()])
    if report.kept_ids:
        _advance_sequences()
    return report


def _stored(number: int, article: dict, keep_id: bool, names) -> int:
    """Write one article (``_write_article``); a refusal by the database names the article."""
    try:
        return _write_article(article, keep_id, *names)
    except DatabaseError as exc:
        raise ImportJsonError(
            f"articles[{number}] (article {article['id']}): could not be stored ({exc})", article["id"]
        ) from None


def _advance_sequences() -> None:
    """After rows written with their own ids, the ids handed out next start past them."""
    keep_ahead(*ID_TABLES)


def _write_article(article: dict, keep_id: bool, outlets, authors, topics) -> int:
    date = check_date(article, "date", "")
    row = {
        "title": article["title"],
        "date": date.first_day() if date else None,
        "date_precision": date.precision if date else None,
        "outlet": outlets.id_for(article["outlet"]) if article["outlet"] else None,
        "summary": article["summary"] or "",
        "notes": article["notes"] or "",
        "source_path": article["source"],
        "content_hash": article["content_hash"],
        "imported_at": check_time(article, "imported_at", ""),
        "updated_at": check_time(article, "updated_at", ""),
        "version": article["version"],
        "body": article["body"],
    }
    if keep_id:
        row["id"] = article["id"]
    article_id = Article.insert(row).execute()
    author_ids = list(dict.fromkeys(filter(None, map(authors.id_for, article["authors"]))))
    if author_ids:
        ArticleAuthor.insert_many(
            [{"article": article_id, "author": a, "position": p} for p, a in enumerate(author_ids)]
        ).execute()
    topic_ids = set(filter(None, map(topics.id_for, article["topics"])))
    if topic_ids:
        ArticleTopic.insert_many([{"article": article_id, "topic": t} for t in sorted(topic_ids)]).execute()
    if article.get("url"):
        ArticleUrl.insert(article=article_id, url=article["url"]).execute()
    return article_id


def _write_earlier(document: dict, article_ids: dict[int, int]) -> None:
    by_article: dict[int, list[str]] = {}
    for article_id, digest in document.get("earlier_fingerprints", []):
        if article_id in article_ids:
            by_article.setdefault(article_ids[article_id], []).append(digest)
    for article_id, digests in by_article.items():
        remember(article_id, digests)


def _write_claim(claim: dict, article_id: int, keep_id: bool) -> int:
    claim_date = check_date(claim, "claim_date", "")
    row = {
        "article": article_id,
        "text": claim["text"],
        "start": claim["start"],
        "end": claim["end"],
        "claimant": claim["claimant"],
        "claim_date": claim_date.first_day() if claim_date else None,
        "verdict": claim["verdict"],
        "explanation": claim["explanation"],
        "notes": claim["notes"],
        "created_at": check_time(claim, "created_at", ""),
        "updated_at": check_time(claim, "updated_at", ""),
    }
    if keep_id:
        row["id"] = claim["id"]
    return Claim.insert(row).execute()


def _write_link(link: dict, claim_ids: dict[int, int], keep_id: bool) -> None:
    row = {
        "source": claim_ids[link["source_id"]],
        "target": claim_ids[link["target_id"]],
        "relation": link["relation"],
        "note": link["note"],
        "created_at": check_time(link, "created_at", ""),
    }
    if keep_id:
        row["id"] = link["id"]
    ClaimLink.insert(row).execute()
