"""What every ``catalog`` command shares: exit codes, opening the catalogue, printing."""

import json
import sys

from catalog.catalogue import OpenedCatalogue, open_catalogue
from catalog.db import resolve_location
from catalog.terminal_text import one_line

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_CONFLICT = 0, 1, 2, 3


def open_from(args) -> OpenedCatalogue:
    """The catalogue ``--db`` (or the environment, or the default) names."""
    return open_catalogue(resolve_location(getattr(args, "db", None)))


def print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def fail(message: str, code: int = EXIT_SOME_FAILED) -> int:
    """Say what went wrong in one line on standard error; returns the exit code."""
    print(f"catalog: {one_line(message)}", file=sys.stderr)
    return code
