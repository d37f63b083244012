"""What every ``catalog`` command shares: exit codes, opening the catalogue, printing.

A script pays only for what its command uses: the command line's modules import the
catalogue, its database driver and the domain inside the commands that need them, so that
``catalog --version``, ``--help`` and a mistyped option answer at once.
"""

import argparse
import sys
from typing import TYPE_CHECKING

from catalog.dates import DateError, parse_date
from catalog.limits import Limit, OverLimit, check
from catalog.places import ENV_VAR, default_location
from catalog.search.query import QueryError, parse_query
from catalog.terminal_text import one_line

if TYPE_CHECKING:
    from catalog.catalogue import OpenedCatalogue

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_CONFLICT = 0, 1, 2, 3

#: The commands that make a catalogue where there is none yet (with ``new`` and ``copy --to``,
#: which open theirs themselves). Every other command refuses a location holding none: a typo
#: in a nightly job's ``--db`` must not back up, export or search an empty new catalogue.
CREATING_COMMANDS = frozenset({"import", "import-json"})
#: Commands that only look: they never make a catalogue, not even the default one.
LOOKING_COMMANDS = frozenset({"info"})


DB_HELP = (
    f"the catalogue: a file or a URL (default: ${ENV_VAR}, else catalog.sqlite3 in your data folder); "
    "before the command or after it"
)


def db_parent() -> argparse.ArgumentParser:
    """A parent parser giving a (sub)command ``--db``, so it may follow any command word:
    ``catalog claims list --db X`` as well as ``catalog --db X claims list``. Its default is
    suppressed: a ``--db`` given before the command is not undone by one not given after."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", metavar="PATH|URL", help=DB_HELP, default=argparse.SUPPRESS)
    return parent


def open_from(args) -> "OpenedCatalogue":
    """The catalogue ``--db`` (or the environment, or the default) names. Only the creating
    commands, and any command on the default catalogue (the first run), make one; a catalogue
    that is open read-only is said so, once, on standard error."""
    from catalog.catalogue import open_catalogue
    from catalog.db import NoCatalogue, resolve_location

    location = resolve_location(getattr(args, "db", None))
    command = getattr(args, "command", None)
    create = command in CREATING_COMMANDS or (
        location == default_location() and command not in LOOKING_COMMANDS
    )
    if command == "import" and getattr(args, "dry_run", False):
        create = False
    try:
        opened = open_catalogue(location, create=create)
    except NoCatalogue:
        if command != "import" or create:
            raise
        # A dry run into a catalogue not made yet: compared with an empty one that vanishes.
        opened = open_catalogue("sqlite:///:memory:")
    if opened.read_only:
        print(
            f"catalog: note: {opened.name} is open read-only ({opened.read_only}): "
            "it can be read, searched and exported, not changed",
            file=sys.stderr,
        )
    return opened


def empty_search(query: str | None, everything: str) -> str | None:
    """Why ``query`` cannot choose articles when it has nothing to look for (``""``, ``()``,
    ``-``), in words, or None. Such a search finds every article, as in the window; from a
    script it is a variable that came out empty, and an edit or an export of the whole
    catalogue must be asked for as such (``everything`` says how)."""
    if query is None:
        return None
    try:
        if parse_query(query):
            return None
    except QueryError:
        return None  # said when the search runs, as every query error is
    return f"the search “{query}” has nothing to look for: give words, phrases or dates ({everything})"


def file_name(text: str) -> str:
    """An argparse ``type`` for a file to read or write: an empty name (a script's variable
    that came out empty) is refused rather than read as the current folder."""
    if not text:
        raise argparse.ArgumentTypeError("the file name is empty")
    return text


def print_json(value) -> None:
    import json

    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def fail(message: str, code: int = EXIT_SOME_FAILED) -> int:
    """Say what went wrong in one line on standard error; returns the exit code."""
    print(f"catalog: {one_line(message)}", file=sys.stderr)
    return code


#: The largest whole number SQLite and PostgreSQL's bigint hold: ids, versions and counts
#: past it can only be typing mistakes, and would reach the database as errors of its own.
LARGEST_NUMBER = 2**63 - 1


def article_id(text: str) -> int:
    """An argparse ``type`` for an id of an article or a claim: a whole number from 1."""
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if not 1 <= value <= LARGEST_NUMBER:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (ids are whole numbers from 1)")
    return value


def article_ids(text: str) -> list[int]:
    """An argparse ``type`` for ``--ids 1,2,3``: ids in the order given, each once."""
    parts = [part for part in text.replace(" ", "").split(",") if part]
    if not parts:
        raise argparse.ArgumentTypeError("no ids given (try 1,2,3)")
    if not all(part.lstrip("-").isdigit() for part in parts):
        raise argparse.ArgumentTypeError(f"not a list of ids: {text!r} (try 1,2,3)")
    return list(dict.fromkeys(article_id(part) for part in parts))


NO_DATE = object()  #: ``--date unknown``: clear the date


def date_option(text: str):
    """An argparse ``type`` for a date as people write it: a PartialDate, or NO_DATE for "unknown"."""
    try:
        parsed = parse_date(text)
    except DateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return NO_DATE if parsed is None else parsed


def whole_number(minimum: int = 1):
    """An argparse ``type`` for a count or a version: a whole number from ``minimum``."""

    def parsed(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum:,}, not {value:,}")
        if value > LARGEST_NUMBER:
            raise argparse.ArgumentTypeError(f"must be at most {LARGEST_NUMBER:,}, not {text.strip()}")
        return value

    parsed.__name__ = "whole number"  # what argparse names in other errors
    return parsed


def limited(limit: Limit):
    """An argparse ``type`` refusing a value over ``limit`` (catalog.limits) as a usage error,
    before the catalogue is opened."""

    def checked(value: str) -> str:
        try:
            return check(limit, value)
        except OverLimit as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    checked.__name__ = limit.what  # what argparse names in other errors
    return checked
