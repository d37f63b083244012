"""Settings kept per catalogue (the table's columns, recent topics): QSettings keys scoped by
the catalogue's location, so that two catalogues never share them. The location goes into the
key only as a hash of its redacted form: a server's password is never written anywhere."""

import hashlib
import os

from PySide6.QtCore import QSettings

from catalog.db import is_url, redacted

GROUP = "catalogues"


def catalogue_key(location: str) -> str:
    """A short, stable name for the catalogue at ``location`` (a path or a PostgreSQL URL): the
    same file reached by two spellings of its path has one name."""
    if is_url(location):
        where = redacted(location)
    else:
        where = os.path.normcase(os.path.realpath(os.path.expanduser(location)))
    return hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:24]


class CatalogueSettings:
    """QSettings values of one catalogue: ``value``, ``set_value`` and ``remove`` by key."""

    def __init__(self, location: str):
        self.prefix = f"{GROUP}/{catalogue_key(location)}/"
        # What the key stands for, to read by a person browsing the settings (no password).
        QSettings().setValue(self.prefix + "location", redacted(location))

    def value(self, key: str, default=None):
        return QSettings().value(self.prefix + key, default)

    def set_value(self, key: str, value) -> None:
        QSettings().setValue(self.prefix + key, value)

    def remove(self, key: str) -> None:
        QSettings().remove(self.prefix + key)
