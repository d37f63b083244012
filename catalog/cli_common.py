"""What every ``catalog`` command shares: exit codes, opening the catalogue, printing."""

import argparse
import json
import sys

from catalog.catalogue import OpenedCatalogue, open_catalogue
from catalog.db import NoCatalogue, default_location, resolve_location
from catalog.limits import Limit, OverLimit, check
from catalog.terminal_text import one_line

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_CONFLICT = 0, 1, 2, 3

#: The commands that make a catalogue where there is none yet (with ``new`` and ``copy --to``,
#: which open theirs themselves). Every other command refuses a location holding none: a typo
#: in a nightly job's ``--db`` must not back up, export or search an empty new catalogue.
CREATING_COMMANDS = frozenset({"import", "import-json"})


def open_from(args) -> OpenedCatalogue:
    """The catalogue ``--db`` (or the environment, or the default) names. Only the creating
    commands, and any command on the default catalogue (the first run), make one; a catalogue
    that is open read-only is said so, once, on standard error."""
    location = resolve_location(getattr(args, "db", None))
    command = getattr(args, "command", None)
    create = command in CREATING_COMMANDS or location == default_location()
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


def print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def fail(message: str, code: int = EXIT_SOME_FAILED) -> int:
    """Say what went wrong in one line on standard error; returns the exit code."""
    print(f"catalog: {one_line(message)}", file=sys.stderr)
    return code


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
