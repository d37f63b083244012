"""An article's source: the file it came from, and where in it for an article from inside a
mailbox, a feed, a web archive or a Zotero file (``inbox.mbox#message=3``)."""

import re

from catalog.terminal_text import one_line

#: Where the file's path ends and the place in it begins (catalog.importing.reading writes it).
_PLACE = re.compile(r"#(message|item|record)=")


def source_of(path: str, place: str) -> str:
    """The source of an article: the file's path, and ``#`` and its place when it has one."""
    return f"{path}#{place}" if place else path


def split_source(source: str) -> tuple[str, str]:
    """An article's source as ``(path, place)``: the file, and where in it a container's record
    was (``message=3``, ``item=https://…``, ``record=https://…``), "" for a whole file."""
    found = _PLACE.search(source)
    return (source[: found.start()], source[found.start() + 1 :]) if found else (source, "")


def describe_source(source: str) -> str:
    """A source in words: the file's path, then the record (``/mail/inbox.mbox, message 3``)."""
    path, place = split_source(source)
    if not place:
        return source
    kind, _, where = place.partition("=")
    return f"{path}, {kind} {one_line(where)}"
