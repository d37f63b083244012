"""Checking a catalogue export before anything of it is written, naming the place of a fault.

Every value the import would store is checked here first: types, ranges (ids and versions
from 1, every whole number within 64 bits), the limits of ``catalog.limits``, dates and times,
claims against their article's text, links between claims in the file, each article's
fingerprint against its text, and what must be unique (ids, fingerprints, links). A fault is
refused with its place, ``articles[12].title`` or ``claims[3].end``, so a file either goes in
whole or changes nothing, and never fails half-way through writing.

Files of format version 1 (older releases) carry fingerprints of whole article files, which
nobody can check from the export; theirs are computed again from the texts (see
``catalog.fingerprints``), and the ones in the file are not used.
"""

import datetime
import re

from catalog import limits
from catalog.claims.store import RELATIONS, SYMMETRIC, VERDICTS
from catalog.dates import DateError, PartialDate, parse_date
from catalog.exporting.json_export import FORMAT_VERSION
from catalog.fingerprints import fingerprint, twin_fingerprint, verifies
from catalog.limits import Limit, OverLimit

_INT64 = 2**63 - 1
_LONGEST_DATE = 64  # characters: anything longer is no date, and not worth parsing
_HEX64 = re.compile(r"[0-9a-f]{64}")
# A JSON escape of a UTF-16 surrogate: the only way a lone one gets into the text.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


class ImportJsonError(ValueError):
    """A file that is not a catalogue export, or a broken one; the message names the place.
    ``article_id`` is the id in the file of the article at fault, if one is."""

    def __init__(self, message: str, article_id: int | None = None):
        super().__init__(message)
        self.article_id = article_id


def check_document(document: dict, text: str, *, trusted: bool = False) -> None:
    """Refuse ``document`` (parsed from ``text``) unless every part of it can be imported.

    For format version 1, each article's ``content_hash`` is replaced by its fingerprint.
    ``trusted``: the file was written by this catalogue's own ``copy``, so the fingerprints
    articles had before come along and are checked too.
    """
    version = document.get("format_version")
    if type(version) is not int or not 1 <= version <= FORMAT_VERSION:
        raise ImportJsonError(
            f"format version {_shown(version)} is not one this release reads (1 to {FORMAT_VERSION})"
        )
    if _SURROGATE_ESCAPE.search(text):
        _refuse_lone_surrogates(document)
    for key, limit in (("outlets", limits.OUTLET), ("authors", limits.AUTHOR)):
        for number, name in enumerate(_list_of(document, key, str)):
            _text(name, limit, f"{key}[{number}]")
    for number, topic in enumerate(_list_of(document, "topics", dict)):
        _checked(topic, "name", limits.TOPIC, f"topics[{number}]")
        if "parent" in topic:  # not used: a topic's parents come from its path
            _checked(topic, "parent", limits.TOPIC, f"topics[{number}]", optional=True)
    articles = _list_of(document, "articles", dict)
    bodies = _check_articles(articles, version)
    claim_ids = _check_claims(_list_of(document, "claims", dict), bodies)
    _check_links(_list_of(document, "claim_links", dict), claim_ids)
    if trusted:
        _check_earlier(document, bodies)


# --- articles ---------------------------------------------------------------------------------


def _check_articles(articles: list[dict], version: int) -> dict[int, str]:
    """Check every article; returns their bodies by id. Version 1 fingerprints are replaced."""
    bodies: dict[int, str] = {}
    for number, article in enumerate(articles):
        where = f"articles[{number}]"
        article_id = _id(article, "id", where)
        if article_id in bodies:
            raise ImportJsonError(f"{where}.id: article id {article_id} appears twice", article_id)
        try:
            bodies[article_id] = _check_article(article, where)
        except ImportJsonError as exc:
            raise ImportJsonError(str(exc), article_id) from None
    if version == 1:
        _fingerprint_again(articles)
    seen: dict[str, int] = {}
    for number, article in enumerate(articles):
        where = f"articles[{number}]"
        digest = article["content_hash"]
        if version > 1 and not verifies(digest, article["body"], article["id"]):
            raise ImportJsonError(
                f"{where}.content_hash: {_shown(digest)} is not the fingerprint of the article's text "
                f"(that is {fingerprint(article['body'])})",
                article["id"],
            )
        if digest in seen:
            raise ImportJsonError(
                f"{where}: the same text as articles[{seen[digest]}] (a catalogue holds each text once)",
                article["id"],
            )
        seen[digest] = number
    return bodies


def _check_article(article: dict, where: str) -> str:
    title = _checked(article, "title", limits.TITLE, where)
    if not title.strip():
        raise ImportJsonError(f"{where}.title: the title is empty")
    body = _checked(article, "body", limits.BODY, where)
    _field(article, "content_hash", str, where)
    _whole(article, "version", where, lowest=1)
    for key, limit in (
        ("outlet", limits.OUTLET),
        ("summary", limits.SUMMARY),
        ("notes", limits.NOTES),
        ("source", limits.SOURCE),
    ):
        _checked(article, key, limit, where, optional=True)
    if article.get("url") is not None:  # exports before schema 17 have no "url"
        _checked(article, "url", limits.SOURCE, where, optional=True)
    for key, limit in (("authors", limits.AUTHOR), ("topics", limits.TOPIC)):
        names = _field(article, key, list, where)
        for number, name in enumerate(names):
            if not isinstance(name, str):
                raise ImportJsonError(f"{where}.{key}[{number}]: expected a name, not {_shown(name)}")
            _text(name, limit, f"{where}.{key}[{number}]")
    check_date(article, "date", where)
    for key in ("imported_at", "updated_at"):
        check_time(article, key, where)
    return body


def _fingerprint_again(articles: list[dict]) -> None:
    """Format version 1: each article's fingerprint from its text; of articles sharing a
    text, the lowest id keeps the plain one and the others get their twin fingerprints."""
    taken: set[str] = set()
    for article in sorted(articles, key=lambda item: item["id"]):
        digest = fingerprint(article["body"])
        if digest in taken:
            digest = twin_fingerprint(article["body"], article["id"])
        taken.add(digest)
        article["content_hash"] = digest


# --- claims and links -------------------------------------------------------------------------


def _check_claims(claims: list[dict], bodies: dict[int, str]) -> set[int]:
    claim_ids: set[int] = set()
    for number, claim in enumerate(claims):
        where = f"claims[{number}]"
        claim_id = _id(claim, "id", where)
        if claim_id in claim_ids:
            raise ImportJsonError(f"{where}.id: claim id {claim_id} appears twice")
        claim_ids.add(claim_id)
        article_id = _id(claim, "article_id", where)
        if article_id not in bodies:
            raise ImportJsonError(f"{where}.article_id: article {article_id} is not in the file")
        start, end = _whole(claim, "start", where, lowest=0), _whole(claim, "end", where, lowest=0)
        # No limit of its own: a claim is a span of its article's text, which edits may widen.
        text = _field(claim, "text", str, where)
        body = bodies[article_id]
        if not (start < end <= len(body)) or body[start:end] != text:
            raise ImportJsonError(f"{where}: its text is not at {start}..{end} of article {article_id}")
        if _field(claim, "verdict", str, where) not in VERDICTS:
            raise ImportJsonError(f"{where}.verdict: unknown verdict {_shown(claim['verdict'])}")
        _checked(claim, "claimant", limits.CLAIMANT, where, optional=True)
        _checked(claim, "explanation", limits.EXPLANATION, where)
        _checked(claim, "notes", limits.CLAIM_NOTES, where)
        check_date(claim, "claim_date", where)
        for key in ("created_at", "updated_at"):
            check_time(claim, key, where)
    return claim_ids


def _check_links(links: list[dict], claim_ids: set[int]) -> None:
    link_ids: set[int] = set()
    pairs: dict[tuple[int, int, str], int] = {}
    for number, link in enumerate(links):
        where = f"claim_links[{number}]"
        link_id = _id(link, "id", where)
        if link_id in link_ids:
            raise ImportJsonError(f"{where}.id: link id {link_id} appears twice")
        link_ids.add(link_id)
        source, target = _id(link, "source_id", where), _id(link, "target_id", where)
        for key, claim_id in (("source_id", source), ("target_id", target)):
            if claim_id not in claim_ids:
                raise ImportJsonError(f"{where}.{key}: claim {claim_id} is not in the file")
        if source == target:
            raise ImportJsonError(f"{where}: links claim {source} to itself")
        relation = _field(link, "relation", str, where)
        if relation not in RELATIONS:
            raise ImportJsonError(f"{where}.relation: unknown relation {_shown(relation)}")
        same = [(source, target, relation)] + ([(target, source, relation)] if relation in SYMMETRIC else [])
        for pair in same:
            if pair in pairs:
                raise ImportJsonError(f"{where}: the same link as claim_links[{pairs[pair]}]")
        pairs[same[0]] = number
        _checked(link, "note", limits.LINK_NOTE, where)
        check_time(link, "created_at", where)


def _check_earlier(document: dict, bodies: dict[int, str]) -> None:
    for number, pair in enumerate(_list_of(document, "earlier_fingerprints", list)):
        where = f"earlier_fingerprints[{number}]"
        if (
            len(pair) != 2
            or type(pair[0]) is not int
            or pair[0] not in bodies
            or not _HEX64.fullmatch(str(pair[1]))
        ):
            raise ImportJsonError(f"{where}: expected [an article id in the file, a fingerprint]")


# --- values -----------------------------------------------------------------------------------


def _list_of(document: dict, key: str, kind) -> list:
    value = document.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, kind) for item in value):
        what = {str: "names", dict: "objects", list: "pairs"}[kind]
        raise ImportJsonError(f'"{key}" should be a list of {what}')
    return value


def _field(item: dict, key: str, kind, where: str):
    if key not in item:
        raise ImportJsonError(f'{where}: "{key}" is missing')
    value = item[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ImportJsonError(f"{where}.{key}: unexpected value {_shown(value)}")
    return value


def _whole(item: dict, key: str, where: str, *, lowest: int) -> int:
    """A whole number from ``lowest`` up that fits a 64-bit column."""
    value = _field(item, key, int, where)
    if not lowest <= value <= _INT64:
        raise ImportJsonError(
            f"{where}.{key}: {_shown(value)} is not a whole number from {lowest} to 2^63 − 1"
        )
    return value


def _id(item: dict, key: str, where: str) -> int:
    return _whole(item, key, where, lowest=1)


def _checked(item: dict, key: str, limit: Limit, where: str, *, optional: bool = False) -> str | None:
    value = _field(item, key, (str, type(None)) if optional else str, where)
    return _text(value, limit, f"{where}.{key}")


def _text(value: str | None, limit: Limit, where: str) -> str | None:
    try:
        return limits.check(limit, value)
    except OverLimit as exc:
        raise ImportJsonError(f"{where}: {limit.what} {exc.reason}") from None


def check_date(item: dict, key: str, where: str) -> PartialDate | None:
    """The date at ``item[key]`` (perhaps partial, or null)."""
    value = _field(item, key, (str, type(None)), where)
    if not value:
        return None
    try:
        if len(value) > _LONGEST_DATE:
            raise DateError(value)
        return parse_date(value)
    except (DateError, ValueError, OverflowError):
        raise ImportJsonError(f"{where}.{key}: {_shown(value)} is not a date") from None


def check_time(item: dict, key: str, where: str) -> datetime.datetime:
    """The time at ``item[key]``: ISO 8601, as naive UTC (how the catalogue keeps times)."""
    value = _field(item, key, (str, type(None)), where)
    if value is None:
        raise ImportJsonError(f"{where}.{key}: a time is needed here (YYYY-MM-DDTHH:MM:SSZ), not null")
    try:
        if len(value) > _LONGEST_DATE:
            raise ValueError(value)
        moment = datetime.datetime.fromisoformat(value.removesuffix("Z"))
    except ValueError:
        raise ImportJsonError(f"{where}.{key}: {_shown(value)} is not a time") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC).replace(tzinfo=None)
    return moment


def _shown(value) -> str:
    """A value for a message: short, whatever the file holds."""
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _shown_key(key: str) -> str:
    return key if _PLAIN_KEY.fullmatch(key) else f"[{_shown(key)}]"


def _refuse_lone_surrogates(document) -> None:
    """Name the first string (or key) holding half of a UTF-16 pair: it is not text, and no
    catalogue can store it. Walked without recursion: the file may nest deeply."""
    stack: list[tuple[str, object]] = [("", document)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            _text(value, Limit("text", limits.BODY.characters), where or "the file")
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                _text(key, Limit("key", limits.BODY.characters), where or "the file")
                stack.append((f"{where}.{_shown_key(key)}" if where else _shown_key(key), item))
        elif isinstance(value, list):
            stack.extend((f"{where}[{number}]", item) for number, item in reversed(list(enumerate(value))))
