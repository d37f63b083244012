"""Outlet, author and topic names: how they are tidied, compared and found or created."""

import re
import unicodedata

from catalog.backends import backend
from catalog.models import NamedModel, Topic

_SPACES = re.compile(r"\s+")


def tidy_name(name: str) -> str:
    """The name as shown: NFC, single spaces, no space at the ends."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", name)).strip()


def name_key(name: str) -> str:
    """What two names must share to be the same name: ``AntiWar.com`` is ``antiwar.com``."""
    return tidy_name(name).casefold()


def tidy_topic(path: str) -> str:
    """A topic path as shown: ``politics / elections`` is ``politics/elections``."""
    return "/".join(part for part in map(tidy_name, path.split("/")) if part)


class NameCache:
    """Finds or creates names by key, remembering ids so a bulk import asks once per name."""

    tidy = staticmethod(tidy_name)

    def __init__(self, model: type[NamedModel]):
        self.model = model
        self._ids: dict[str, int] = {}  # by key
        self._by_spelling: dict[str, int | None] = {}  # as written, to skip tidying on a hit

    def id_for(self, name: str) -> int | None:
        """The id of ``name``, creating it on first sight; None for a blank name."""
        if name in self._by_spelling:
            return self._by_spelling[name]
        tidied = self.tidy(name)
        key = tidied.casefold()
        if key and key not in self._ids:
            self._ids[key] = self._find_or_create(tidied, key)
        found = self._by_spelling[name] = self._ids.get(key)
        return found

    def forget(self) -> None:
        """Drop remembered ids, e.g. after a rolled-back transaction."""
        self._ids.clear()
        self._by_spelling.clear()

    def _find_or_create(self, name: str, key: str) -> int:
        return _find_or_insert(self.model, {"name": name, "key": key})


class TopicCache(NameCache):
    """Topics are paths (``Politics/Elections``); a new one brings its parents into being."""

    tidy = staticmethod(tidy_topic)

    def _find_or_create(self, name: str, key: str) -> int:
        found = Topic.select(Topic.id).where(Topic.key == key).first()
        if found is not None:
            return found.id
        parent_path = name.rpartition("/")[0]
        parent_id = self.id_for(parent_path) if parent_path else None
        return _find_or_insert(Topic, {"name": name, "key": key, "parent": parent_id})


def _find_or_insert(model: type[NamedModel], row: dict) -> int:
    """The id of the name with ``row["key"]``, inserting ``row`` if there is none.

    On a shared catalogue another desk may be inserting the same name at this moment: the
    insert then waits for theirs, does nothing, and the name is read back as they wrote it
    (rather than failing the whole batch on the unique key).
    """
    key = row["key"]
    found = model.select(model.id).where(model.key == key).first()
    if found is not None:
        return found.id
    inserted = backend().insert_name(model, row)
    if inserted:
        return inserted
    return model.select(model.id).where(model.key == key).scalar()


def name_cache(model: type[NamedModel]) -> NameCache:
    return TopicCache(model) if model is Topic else NameCache(model)
