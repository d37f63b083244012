"""Saved searches: a name for a query plus sidebar filters, counted afresh whenever asked."""

import json
from dataclasses import dataclass, replace

from catalog.browsing import Filters, count_filtered
from catalog.db import database
from catalog.limits import SAVED_SEARCH_NAME, SAVED_SEARCH_QUERY, OverLimit, check
from catalog.models import SavedSearch
from catalog.names import name_key, tidy_name
from catalog.search import fulltext
from catalog.search.query import QueryError, tidy_query


class SavedSearchProblem(ValueError):
    """A name that is empty or taken, or a query that cannot be run; the message is for people."""


@dataclass(frozen=True)
class Saved:
    id: int
    name: str
    filters: Filters  #: with the query


def _encode(filters: Filters) -> str:
    return json.dumps(
        {key: sorted(getattr(filters, key)) for key in ("outlet_ids", "author_ids", "topic_ids", "years")}
    )


def _decode(query: str, text: str) -> Filters:
    data = json.loads(text or "{}")
    return Filters(
        **{key: frozenset(data.get(key, ())) for key in ("outlet_ids", "author_ids", "topic_ids", "years")},
        query=query,
    )


def saved_searches() -> list[Saved]:
    return [
        Saved(row.id, row.name, _decode(row.query, row.filters))
        for row in SavedSearch.select().order_by(SavedSearch.key)
    ]


def count(saved: Saved) -> int | None:
    """How many articles the search finds now; None if its query cannot be run (saved before
    such queries were refused: choosing it says why)."""
    try:
        return count_filtered(saved.filters)
    except QueryError:
        return None


def save_search(name: str, filters: Filters) -> Saved:
    """Save ``filters`` (query included) under ``name``, replacing a search of that name."""
    _within_limits(name, tidy_query(filters.query))  # control characters become spaces first
    name = tidy_name(name)
    if not name:
        raise SavedSearchProblem("a saved search needs a name")
    filters = replace(filters, query=tidy_query(filters.query))
    try:
        fulltext.check(filters.parsed)
    except QueryError as exc:
        raise SavedSearchProblem(str(exc)) from None
    with database.atomic():
        SavedSearch.delete().where(SavedSearch.key == name_key(name)).execute()
        row_id = SavedSearch.insert(
            name=name, key=name_key(name), query=filters.query, filters=_encode(filters)
        ).execute()
    return Saved(row_id, name, filters)


def rename_search(search_id: int, new_name: str) -> None:
    _within_limits(new_name, "")
    new_name = tidy_name(new_name)
    clash = SavedSearch.get_or_none(SavedSearch.key == name_key(new_name))
    if not new_name or (clash is not None and clash.id != search_id):
        raise SavedSearchProblem(f"there is already a saved search named “{new_name}”")
    SavedSearch.update(name=new_name, key=name_key(new_name)).where(SavedSearch.id == search_id).execute()


def _within_limits(name: str, query: str) -> None:
    try:
        check(SAVED_SEARCH_NAME, name)
        check(SAVED_SEARCH_QUERY, query)
    except OverLimit as exc:
        raise SavedSearchProblem(str(exc)) from None


def delete_search(search_id: int) -> None:
    SavedSearch.delete().where(SavedSearch.id == search_id).execute()
