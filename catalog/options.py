"""Options of a catalogue, kept in the catalogue itself (every desk searching it sees the same):
today whether searches stem English words (catalog.search.stemming)."""

from catalog.db import database
from catalog.models import CatalogueOption

STEMMING = "stemming"
DEFAULTS = {STEMMING: "on"}  #: for a catalogue that says nothing (a new one is given "on")


def value(key: str) -> str:
    row = CatalogueOption.get_or_none(CatalogueOption.key == key)
    return row.value if row is not None else DEFAULTS[key]


def stemming() -> bool:
    """Whether this catalogue's searches find a word's other English forms."""
    return value(STEMMING) == "on"


def set_stemming(on: bool) -> None:
    """Turn stemming on or off for everyone searching this catalogue (one transaction)."""
    with database.atomic():
        CatalogueOption.insert(key=STEMMING, value="on" if on else "off").on_conflict(
            conflict_target=[CatalogueOption.key], preserve=[CatalogueOption.value]
        ).execute()
