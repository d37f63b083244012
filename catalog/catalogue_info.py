"""Facts about the open catalogue for ``catalog info``: backend, size on disk, counts, schema."""

from catalog import migrations, options
from catalog.backends import backend
from catalog.catalogue import OpenedCatalogue
from catalog.db import database
from catalog.models import Article, Claim


def catalogue_facts(opened: OpenedCatalogue) -> dict:
    """The open catalogue's backend (``sqlite`` or ``postgresql``) and its version, its size in
    bytes, its articles and claims, its schema version, and whether searches stem English words."""
    return {
        **backend().facts(),
        "articles": Article.select().count(),
        "claims": Claim.select().count(),
        "schema_version": migrations.schema_version(database.obj),
        "stemming": options.stemming(),
    }
