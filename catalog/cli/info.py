"""``catalog info``: which catalogue a command without ``--db`` (or with it) uses and why,
what it holds, and where Catalog keeps its settings and data on this computer."""

import os

from catalog.cli.common import EXIT_OK, open_from, print_json
from catalog.importing.files import human_size
from catalog.places import ENV_VAR, data_folder, default_location, settings_location
from catalog.terminal_text import one_line

#: How the location was chosen (``chosen_by``), in words for the text form.
CHOSEN = {
    "--db": "named by --db",
    ENV_VAR: f"named by ${ENV_VAR}",
    "default": f"the default: no --db, no ${ENV_VAR}",
}


def add_command(command) -> None:
    info = command(
        "info",
        "say which catalogue commands use and why, what it holds, and where settings and data live",
        "catalog info --json",
    )
    info.add_argument(
        "--json",
        action="store_true",
        help='print {"location", "name", "chosen_by", "backend", "backend_version", "size_bytes", '
        '"articles", "claims", "schema_version", "stemming", "read_only", "read_only_reason", '
        '"default_location", "settings", "data_folder"}',
    )
    info.set_defaults(run=_cmd_info)


def _cmd_info(args) -> int:
    from catalog.catalogue_info import catalogue_facts
    from catalog.db import resolve_location

    given = getattr(args, "db", None)
    chosen_by = "--db" if given is not None else ENV_VAR if os.environ.get(ENV_VAR) else "default"
    resolve_location(given)  # an empty --db is refused before anything is opened
    opened = open_from(args)
    info = {
        "location": opened.location,  # without any password
        "name": opened.name,
        "chosen_by": chosen_by,
        **catalogue_facts(opened),
        "read_only": bool(opened.read_only),
        "read_only_reason": opened.read_only,
        "default_location": default_location(),
        "settings": settings_location(),
        "data_folder": data_folder(),
    }
    if args.json:
        print_json(info)
    else:
        print("\n".join(f"{label + ':':<19}{one_line(value)}" for label, value in _lines(info)))
    return EXIT_OK


def _lines(info: dict) -> list[tuple[str, str]]:
    backend = "SQLite" if info["backend"] == "sqlite" else "PostgreSQL"
    size = info["size_bytes"]
    return [
        ("Catalogue", f"{info['location']} ({CHOSEN[info['chosen_by']]})"),
        ("Backend", f"{backend} {info['backend_version']}"),
        ("Size", f"{human_size(size)} ({size:,} bytes)"),
        ("Articles", f"{info['articles']:,}"),
        ("Claims", f"{info['claims']:,}"),
        ("Schema", f"version {info['schema_version']}"),
        ("English stemming", "on" if info["stemming"] else "off"),
        ("Read-only", f"yes ({info['read_only_reason']})" if info["read_only"] else "no"),
        ("Default catalogue", info["default_location"]),
        ("Settings", info["settings"]),
        ("Data folder", info["data_folder"]),
    ]
