"""``catalog backup``, ``check`` and ``copy``: a copy to fall back on, a check in words, a
catalogue moved."""

from catalog.cli.common import EXIT_OK, EXIT_SOME_FAILED, fail, file_name, open_from, print_json
from catalog.terminal_text import one_line

#: Every key ``check --json`` prints, with what it holds: ``check --help`` lists them.
CHECK_JSON_KEYS = {
    "ok": "true when no problem was found (after --repair: none is left)",
    "problems": "what is wrong, one sentence each (empty when ok)",
    "advice": "how to recover, one sentence each",
    "index_only": "true when every problem is in the search indexes, which --repair rebuilds",
    "repaired": "true when this run rebuilt the search indexes (--repair)",
}


def _check_epilog() -> str:
    keys = "\n".join(f'  "{key}": {meaning}' for key, meaning in CHECK_JSON_KEYS.items())
    return (
        f"--json prints one object:\n{keys}\n\n"
        "exit code 0 when no problem is found (or every one was repaired), 1 otherwise.\n\n"
        "example:\n  catalog check --repair"
    )


def add_commands(command) -> None:
    backup = command(
        "backup",
        "copy the catalogue to a file, safely, even while it is in use",
        "catalog backup ~/backups/catalog-2026-11-26.sqlite3",
    )
    backup.add_argument(
        "file", type=file_name, metavar="OUT", help="the backup file to write (replaced if it exists)"
    )
    backup.set_defaults(run=_cmd_backup)

    check = command(
        "check",
        "check the catalogue file, its search indexes and claims; say what is wrong and how to recover",
        "catalog check --repair",
    )
    check.add_argument("--quick", action="store_true", help="a faster, shallower check of the file")
    check.add_argument(
        "--repair", action="store_true", help="rebuild the search indexes if only they are wrong"
    )
    check.epilog = _check_epilog()
    check.add_argument("--json", action="store_true", help="print the findings as a JSON object (keys below)")
    check.set_defaults(run=_cmd_check)


def add_stemming_command(command) -> None:
    stemming = command(
        "stemming",
        "say whether searches find a word's other English forms (missiles finds missile), or turn it on or off",
        "catalog stemming on",
    )
    stemming.add_argument(
        "state", nargs="?", choices=("on", "off"), help="turn it on or off for everyone using the catalogue"
    )
    stemming.add_argument("--json", action="store_true", help='print {"stemming": true|false}')
    stemming.set_defaults(run=_cmd_stemming)


def _cmd_stemming(args) -> int:
    from catalog import options

    open_from(args)
    if args.state is not None:
        options.set_stemming(args.state == "on")
    on = options.stemming()
    if args.json:
        print_json({"stemming": on})
    else:
        print(f"English stemming is {'on' if on else 'off'}: " + (STEMMING_ON if on else STEMMING_OFF))
    return EXIT_OK


STEMMING_ON = 'missiles finds missile; "missiles" in quotes finds that form only'
STEMMING_OFF = "words are found as written (missiles does not find missile)"


def _cmd_backup(args) -> int:
    from catalog.db import CatalogueError
    from catalog.maintenance import backup_catalogue

    opened = open_from(args)
    try:
        target = backup_catalogue(args.file)
    except CatalogueError as exc:
        return fail(str(exc))
    print(f"backed up {one_line(opened.name)} to {one_line(str(target))}")
    return EXIT_OK


def _cmd_check(args) -> int:
    from catalog.maintenance import check_catalogue, repair_indexes

    open_from(args)
    report = check_catalogue(quick=args.quick)
    repaired = False
    if args.repair and report.index_only:
        repair_indexes()
        repaired = True
        report = check_catalogue(quick=args.quick)
    if args.json:
        print_json({**report.object(), "repaired": repaired})
    elif report.ok:
        print("repaired the search indexes; no problems now" if repaired else "no problems found")
    else:
        for problem in report.problems:
            print(f"problem: {one_line(problem)}")
        for advice in report.advice:
            print(f"to recover: {one_line(advice)}")
    return EXIT_OK if report.ok else EXIT_SOME_FAILED


def add_copy_command(command) -> None:
    copy = command(
        "copy",
        "copy a whole catalogue into an empty one, e.g. from SQLite to a PostgreSQL server",
        "catalog copy --from catalog.sqlite3 --to postgresql://desk@db.example.org/newsroom",
    )
    copy.add_argument(
        "--from", dest="source", required=True, metavar="SRC", help="the catalogue to copy (path or URL)"
    )
    copy.add_argument(
        "--to", dest="target", required=True, metavar="DST", help="an empty catalogue (path or URL)"
    )
    copy.set_defaults(run=_cmd_copy)


def _cmd_copy(args) -> int:
    from catalog.db import redacted
    from catalog.maintenance import copy_catalogue

    articles, claims, links = copy_catalogue(args.source, args.target)
    print(
        f"copied {articles:,} articles, {claims:,} claims and {links:,} links "
        f"from {one_line(redacted(args.source))} to {one_line(redacted(args.target))}"
    )
    return EXIT_OK
