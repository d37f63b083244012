"""Ids are handed out once: an id a deleted row had is never given to another row.

An open window keeps deleted articles, claims and links on its undo stack under their ids, and
a script may remember an id it printed; were the id given to another desk's new row, Undo
would fail on it and Redo, or the script, would change the wrong article. SQLite tables are
AUTOINCREMENT (schema 11), whose ``sqlite_sequence`` only ever grows; PostgreSQL's sequences
only ever grow too, as long as nothing sets them back.
"""

from catalog.backends import backend

#: Every table whose rows have an ``id`` handed out by the catalogue.
ID_TABLES = ("outlet", "author", "topic", "article", "claim", "claim_link", "saved_search")


def last_handed_out(table: str) -> int:
    """The highest id ``table`` has ever handed out or held (0 if none), deleted rows included."""
    return backend().last_handed_out(table)


def never_used(*tables: str) -> bool:
    """Whether none of these tables has ever handed out an id: rows may keep the ids they bring
    (an import into a new catalogue) without taking one that was someone's before."""
    return all(last_handed_out(table) == 0 for table in tables)


def keep_ahead(*tables: str) -> None:
    """After rows were written with ids of their own, make sure the next id handed out is past
    every id there is and every id handed out before; never moves a sequence back. SQLite's
    AUTOINCREMENT does this by itself."""
    backend().keep_ahead(tables or ID_TABLES)
