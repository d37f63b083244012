"""What identifies an article's text: the fingerprint of its body, and the ones it had before.

An article's ``content_hash`` is the fingerprint of its current body: SHA-256 (hex) of the
text in UTF-8 with newlines as LF, byte-order marks dropped and whitespace at both ends
stripped. Anyone holding the text can check it, so an export cannot hide one text behind
another's fingerprint. Every write of a body (file import, ``import-json``, Edit Article Text
and its undo and redo) stores it anew, and no two articles share one: a file whose text is
already there is a duplicate, and an edit that would give an article another's text is refused.

Catalogues from before schema 13 may hold articles with the same text (their old fingerprint
was of the whole file, header and headline included). The article with the lowest id keeps
the plain fingerprint; each other one gets its **twin fingerprint**: SHA-256 of
``"twin ID\\n"`` followed by the same normalised text, ID being the article's id in decimal.
That is just as checkable, given the article's id.

The fingerprints an article had before (its old file fingerprint, the texts it had before a
correction) are kept in ``earlier_fingerprint``, so bringing those files in again is still
reported as a duplicate. They are local knowledge, never taken from an export file.
"""

import hashlib
from collections.abc import Sequence

from catalog.db import database, placeholders
from catalog.models import Article, EarlierFingerprint

_LOOKUP_CHUNK = 500


class DuplicateText(ValueError):
    """A text another article already has; the message names that article."""

    def __init__(self, article_id: int, title: str):
        shown = title if len(title) <= 60 else title[:59] + "…"
        super().__init__(f"article {article_id} (“{shown}”) already has this text")
        self.article_id = article_id


def normalised(body: str) -> str:
    """The text a fingerprint is taken of: LF newlines, no byte-order marks, no space at the ends."""
    if "\r" in body:
        body = body.replace("\r\n", "\n").replace("\r", "\n")
    return body.replace("\ufeff", "").strip()


def fingerprint(body: str) -> str:
    """The plain fingerprint of ``body`` (see the module's notes)."""
    return hashlib.sha256(normalised(body).encode("utf-8")).hexdigest()


def twin_fingerprint(body: str, article_id: int) -> str:
    """The fingerprint of the article ``article_id`` whose text another, older article has too."""
    return hashlib.sha256(f"twin {article_id}\n{normalised(body)}".encode()).hexdigest()


def verifies(digest: str, body: str, article_id: int) -> bool:
    """Whether ``digest`` is the plain or the twin fingerprint of this article's ``body``."""
    return digest in (fingerprint(body), twin_fingerprint(body, article_id))


def fingerprint_for(article_id: int, body: str) -> str:
    """The fingerprint to store for ``article_id`` with the text ``body``: the plain one, or
    the article's twin fingerprint where it had it for this very text before; DuplicateText
    when another article has this text."""
    plain = fingerprint(body)
    holder = (
        Article.select(Article.id, Article.title)
        .where(Article.content_hash == plain, Article.id != article_id)
        .first()
    )
    if holder is None:
        return plain
    twin = twin_fingerprint(body, article_id)
    if twin in had_fingerprints(article_id):
        return twin
    raise DuplicateText(holder.id, holder.title)


def had_fingerprints(article_id: int) -> set[str]:
    """The article's current fingerprint and every earlier one."""
    current = Article.select(Article.content_hash).where(Article.id == article_id)
    earlier = EarlierFingerprint.select(EarlierFingerprint.fingerprint).where(
        EarlierFingerprint.article == article_id
    )
    return {digest for (digest,) in current.tuples()} | {digest for (digest,) in earlier.tuples()}


def store_body_fingerprint(article_id: int, body: str) -> None:
    """Before ``body`` is written as the article's text: its fingerprint becomes the article's,
    the one it replaces an earlier one. Inside the caller's transaction."""
    new = fingerprint_for(article_id, body)
    old = Article.select(Article.content_hash).where(Article.id == article_id).scalar()
    if old is None or old == new:
        return
    remember(article_id, [old])
    Article.update(content_hash=new).where(Article.id == article_id).execute()


def remember(article_id: int, digests: Sequence[str]) -> None:
    """Keep ``digests`` as fingerprints the article had before."""
    rows = [{"article": article_id, "fingerprint": digest} for digest in dict.fromkeys(digests)]
    if rows:
        EarlierFingerprint.insert_many(rows).on_conflict_ignore().execute()


def earlier_holders(digests: Sequence[str]) -> dict[str, tuple[int, str]]:
    """``{fingerprint: (id, title)}`` of articles that had one of these texts before."""
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(digests), _LOOKUP_CHUNK):
        chunk = list(digests[start : start + _LOOKUP_CHUNK])
        rows = database.execute_sql(
            'SELECT e."fingerprint", a."id", a."title" FROM "earlier_fingerprint" e '
            'JOIN "article" a ON a."id" = e."article_id" '
            f'WHERE e."fingerprint" IN ({placeholders(len(chunk))}) ORDER BY a."id"',
            chunk,
        )
        for digest, article_id, title in rows:
            found.setdefault(digest, (article_id, title))
    return found


def holders(digests: Sequence[str]) -> dict[str, tuple[int, str]]:
    """``{fingerprint: (id, title)}`` of articles that have, or had, one of these texts."""
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(digests), _LOOKUP_CHUNK):
        chunk = list(digests[start : start + _LOOKUP_CHUNK])
        query = Article.select(Article.content_hash, Article.id, Article.title).where(
            Article.content_hash.in_(chunk)
        )
        found.update((digest, (article_id, title)) for digest, article_id, title in query.tuples())
    earlier = earlier_holders([digest for digest in digests if digest not in found])
    return {**earlier, **found}
