"""Reading back what ``export-json`` wrote: articles, names, claims and links, losslessly.

The whole file is checked before anything is written, and written in one transaction, so a
malformed file changes nothing. Into a new catalogue (one that never handed out an id) every
id is kept, so exporting again gives the same file; into any other, new ids are given (claims and links
follow their articles), and an article whose content hash is known is a duplicate, skipped
with its claims.
"""

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from catalog import fulltext
from catalog.claims import RELATIONS, VERDICTS
from catalog.dates import DateError, parse_date
from catalog.db import database
from catalog.exporting.json_export import FORMAT_NAME, FORMAT_VERSION
from catalog.ids import ID_TABLES, keep_ahead, never_used
from catalog.models import Article, ArticleAuthor, ArticleTopic, Author, Claim, ClaimLink, Outlet, Topic
from catalog.names import name_cache

_CHUNK = 500


class ImportJsonError(ValueError):
    """A file that is not a catalogue export, or a broken one; the message names the place."""


@dataclass
class JsonImportReport:
    articles: int = 0
    duplicates: list[str] = field(default_factory=list)  #: titles of articles already there
    claims: int = 0
    links: int = 0
    kept_ids: bool = False


def import_json(path: str | Path) -> JsonImportReport:
    """Add the catalogue export at ``path`` to the open catalogue (see the module's notes)."""
    return import_document(_load(Path(path)), str(path))


def import_document(document: dict, where: str) -> JsonImportReport:
    """Add an export document already read (``where`` names it in errors), checked whole
    first, in one transaction: what ``catalog copy`` streams from one catalogue into another."""
    try:
        _check(document)
    except ImportJsonError as exc:
        raise ImportJsonError(f"{where}: {exc}") from None
    with database.atomic():
        return _write(document)


def _load(path: Path) -> dict:
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
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportJsonError(f'{path}: not a Catalog export (no "format": "{FORMAT_NAME}")')
    return document


# --- checking -----------------------------------------------------------------------------


def _check(document: dict) -> None:
    version = document.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ImportJsonError(
            f"format version {version!r} is not one this release reads (up to {FORMAT_VERSION})"
        )
    for key in ("outlets", "authors"):
        _list_of(document, key, str)
    for number, topic in enumerate(_list_of(document, "topics", dict)):
        _field(topic, "name", str, f"topics[{number}]")
    article_ids, bodies = set(), {}
    for number, article in enumerate(_list_of(document, "articles", dict)):
        where = f"articles[{number}]"
        article_id = _field(article, "id", int, where)
        if article_id in article_ids:
            raise ImportJsonError(f"{where}: article id {article_id} appears twice")
        article_ids.add(article_id)
        if not _field(article, "title", str, where).strip():
            raise ImportJsonError(f"{where}: the title is empty")
        bodies[article_id] = _field(article, "body", str, where)
        _field(article, "content_hash", str, where)
        _field(article, "version", int, where)
        for key in ("outlet", "summary", "notes", "source"):
            _field(article, key, (str, type(None)), where)
        for key in ("authors", "topics"):
            if not all(isinstance(name, str) for name in _field(article, key, list, where)):
                raise ImportJsonError(f"{where}.{key}: expected a list of names")
        _date(article, "date", where)
        for key in ("imported_at", "updated_at"):
            _time(article, key, where)
    claim_ids = set()
    for number, claim in enumerate(_list_of(document, "claims", dict)):
        where = f"claims[{number}]"
        claim_ids.add(_field(claim, "id", int, where))
        article_id = _field(claim, "article_id", int, where)
        if article_id not in bodies:
            raise ImportJsonError(f"{where}: article {article_id} is not in the file")
        start, end, text = (
            _field(claim, k, t, where) for k, t in (("start", int), ("end", int), ("text", str))
        )
        if not (0 <= start < end <= len(bodies[article_id])) or bodies[article_id][start:end] != text:
            raise ImportJsonError(f"{where}: its text is not at {start}..{end} of article {article_id}")
        if _field(claim, "verdict", str, where) not in VERDICTS:
            raise ImportJsonError(f"{where}: unknown verdict {claim['verdict']!r}")
        for key in ("claimant",):
            _field(claim, key, (str, type(None)), where)
        for key in ("explanation", "notes"):
            _field(claim, key, str, where)
        _date(claim, "claim_date", where)
        for key in ("created_at", "updated_at"):
            _time(claim, key, where)
    for number, link in enumerate(_list_of(document, "claim_links", dict)):
        where = f"claim_links[{number}]"
        for key in ("source_id", "target_id"):
            if _field(link, key, int, where) not in claim_ids:
                raise ImportJsonError(f"{where}: claim {link[key]} is not in the file")
        if _field(link, "relation", str, where) not in RELATIONS:
            raise ImportJsonError(f"{where}: unknown relation {link['relation']!r}")
        _field(link, "note", str, where)
        _time(link, "created_at", where)


def _list_of(document: dict, key: str, kind) -> list:
    value = document.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, kind) for item in value):
        raise ImportJsonError(f'"{key}" should be a list of {"names" if kind is str else "objects"}')
    return value


def _field(item: dict, key: str, kind, where: str):
    if key not in item:
        raise ImportJsonError(f'{where}: "{key}" is missing')
    value = item[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ImportJsonError(f"{where}.{key}: unexpected value {value!r}")
    return value


def _date(item: dict, key: str, where: str):
    value = _field(item, key, (str, type(None)), where)
    try:
        return parse_date(value) if value else None
    except (DateError, ValueError):
        raise ImportJsonError(f"{where}.{key}: {value!r} is not a date") from None


def _time(item: dict, key: str, where: str) -> datetime.datetime | None:
    value = _field(item, key, (str, type(None)), where)
    if value is None:
        return None
    try:
        return datetime.datetime.fromisoformat(value.removesuffix("Z"))
    except ValueError:
        raise ImportJsonError(f"{where}.{key}: {value!r} is not a time") from None


# --- writing ------------------------------------------------------------------------------


def _write(document: dict) -> JsonImportReport:
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
    known = {
        digest: article_id
        for digest, article_id in Article.select(Article.content_hash, Article.id).tuples()
        if not report.kept_ids
    }
    article_ids: dict[int, int] = {}  # in the file -> in the catalogue (imported ones only)
    for article in document.get("articles", []):
        if article["content_hash"] in known:
            report.duplicates.append(article["title"])
            continue
        article_ids[article["id"]] = _write_article(article, report.kept_ids, outlets, authors, topics)
        report.articles += 1
    claim_ids: dict[int, int] = {}
    for claim in document.get("claims", []):
        if claim["article_id"] in article_ids:
            claim_ids[claim["id"]] = _write_claim(claim, article_ids[claim["article_id"]], report.kept_ids)
            report.claims += 1
    for link in document.get("claim_links", []):
        if link["source_id"] in claim_ids and link["target_id"] in claim_ids:
            row = {
                "source": claim_ids[link["source_id"]],
                "target": claim_ids[link["target_id"]],
                "relation": link["relation"],
                "note": link["note"],
                "created_at": _time(link, "created_at", ""),
            }
            if report.kept_ids:
                row["id"] = link["id"]
            ClaimLink.insert(row).execute()
            report.links += 1
    fulltext.index(article_ids.values())
    if report.kept_ids:
        _advance_sequences()
    return report


def _advance_sequences() -> None:
    """After rows written with their own ids, the ids handed out next start past them."""
    keep_ahead(*ID_TABLES)


def _write_article(article: dict, keep_id: bool, outlets, authors, topics) -> int:
    date = _date(article, "date", "")
    row = {
        "title": article["title"],
        "date": date.first_day() if date else None,
        "date_precision": date.precision if date else None,
        "outlet": outlets.id_for(article["outlet"]) if article["outlet"] else None,
        "summary": article["summary"] or "",
        "notes": article["notes"] or "",
        "source_path": article["source"],
        "content_hash": article["content_hash"],
        "imported_at": _time(article, "imported_at", ""),
        "updated_at": _time(article, "updated_at", ""),
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
    return article_id


def _write_claim(claim: dict, article_id: int, keep_id: bool) -> int:
    claim_date = _date(claim, "claim_date", "")
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
        "created_at": _time(claim, "created_at", ""),
        "updated_at": _time(claim, "updated_at", ""),
    }
    if keep_id:
        row["id"] = claim["id"]
    return Claim.insert(row).execute()
