"""The whole catalogue as one JSON document, written so a crash never leaves half a file."""

import json
from pathlib import Path
from typing import TextIO

from peewee import JOIN

from catalog import __version__
from catalog.articles import iter_articles
from catalog.claims.store import claim_object, link_object
from catalog.db import database
from catalog.migrations import schema_version
from catalog.models import Author, Claim, ClaimLink, EarlierFingerprint, Outlet, Topic
from catalog.safe_output import output_stream

FORMAT_NAME = "catalog-export"
#: 2: an article's ``content_hash`` is the fingerprint of its text (catalog.fingerprints);
#: 1 (releases before schema 13): of its whole file. catalog.exporting.json_import reads both.
FORMAT_VERSION = 2


def export_json(target: str | Path) -> int:
    """Write the catalogue to ``target`` (``-`` for standard output); returns the article count."""
    with output_stream(target) as out:
        return write_json(out)


def write_json(out: TextIO, *, earlier: bool = False) -> int:
    """Stream the export document to ``out``, one article at a time; returns the article count.

    ``earlier``: add the fingerprints articles had before (``earlier_fingerprints``), for
    ``copy``, whose import trusts them; an export for anyone else leaves them out.
    """
    with database.atomic():  # one consistent snapshot
        header = {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "schema_version": schema_version(database.obj),
            # No export time: exporting an unchanged catalogue twice gives the same file.
            "exported_by": f"Catalog {__version__}",
            "outlets": _names(Outlet),
            "authors": _names(Author),
            "topics": _topics(),
            "claims": [claim_object(row) for row in Claim.select().order_by(Claim.id).dicts()],
            "claim_links": [link_object(row) for row in ClaimLink.select().order_by(ClaimLink.id).dicts()],
        }
        if earlier:
            header["earlier_fingerprints"] = _earlier_fingerprints()
        # Articles are streamed after the header's keys, so memory stays flat for any catalogue.
        opening = json.dumps(header, ensure_ascii=False, indent=1).removesuffix("\n}")
        out.write(opening + ',\n "articles": [')
        count = 0
        for article in iter_articles(with_body=True):
            out.write(("," if count else "") + "\n  " + json.dumps(article, ensure_ascii=False))
            count += 1
        out.write("\n ]\n}\n")
    return count


def _earlier_fingerprints() -> list[list]:
    query = EarlierFingerprint.select(EarlierFingerprint.article, EarlierFingerprint.fingerprint)
    return [
        list(row)
        for row in query.order_by(EarlierFingerprint.article, EarlierFingerprint.fingerprint).tuples()
    ]


def _names(model) -> list[str]:
    return [name for (name,) in model.select(model.name).order_by(model.key).tuples()]


def _topics() -> list[dict]:
    parent = Topic.alias()
    query = Topic.select(Topic.name, parent.name.alias("parent")).join(
        parent, on=(Topic.parent == parent.id), join_type=JOIN.LEFT_OUTER
    )
    return [{"name": name, "parent": parent_name} for name, parent_name in query.order_by(Topic.key).tuples()]
