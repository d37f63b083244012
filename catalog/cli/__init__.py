"""The ``catalog`` command: import, list, show and export articles, or open the window."""

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from catalog import __version__
from catalog.cli import claims as cli_claims
from catalog.cli import edit as cli_edit
from catalog.cli import exports as cli_exports
from catalog.cli import info as cli_info
from catalog.cli import maintenance as cli_maintenance
from catalog.cli import stories as cli_stories
from catalog.cli import stories_diff as cli_stories_diff
from catalog.cli.common import (
    DB_HELP,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    article_id,
    db_parent,
    empty_search,
    file_name,
    limited,
    whole_number,
)
from catalog.cli.common import fail as _fail
from catalog.cli.common import open_from as _open
from catalog.cli.common import print_json as _print_json
from catalog.cli.importing import (
    TerminalProgress,
    glob_option,
    import_patterns,
    jobs_option,
    max_size_option,
    report_lines,
    report_object,
    types_option,
)
from catalog.importing.files import DEFAULT_MAX_SIZE
from catalog.importing.formats import TYPES
from catalog.limits import NAMES
from catalog.places import ENV_VAR
from catalog.terminal_text import block, one_line

DESCRIPTION = f"""Catalogue news articles from plain-text files.

Which catalogue: the one --db names (before the command or after it), else ${ENV_VAR}, else
catalog.sqlite3 in your data folder. The window follows the same rule: plain `catalog` opens
the catalogue plain `catalog search` searches, not the one the window showed last (File ▸ Open
Recent lists those). `catalog info` says which catalogue a command uses, and why.

Counts print with separators (3,000 articles); ids, versions and offsets without (article 3000).
Exit codes: 0 done, 1 something failed (the rest was done), 2 usage error, 3 version conflict."""
EPILOG = """examples:
  catalog import ~/articles            import every .txt file under a folder
  catalog import --dry-run inbox/      see what an import would do, change nothing
  catalog list --json                  all articles as JSON, without their text
  catalog show 12                      one article with its text
  catalog edit 12 --date "June 2022"   change an article's metadata
  catalog edit --query 'outlet:antiwar' --set-outlet AntiWar.com --dry-run   many at once
  catalog merge-outlets AntiWar.com Antiwar.com --into AntiWar.com
  catalog claims add 12 --text "taxes will fall" --claimant "The minister"
  catalog export-json all.json && catalog --db copy.sqlite3 import-json all.json
  catalog export-pdf report.pdf --query 'ukraine since:2022'   a summary report, no display needed
  catalog --db team.sqlite3 gui        open the window on another catalogue
  catalog info                         which catalogue, its size and counts, where settings live
  catalog stemming off                 search words as written only (missiles not missile)
  catalog copies --json                every story: an article's copies, the first appearance first
  catalog --db postgresql://desk@db.example.org/newsroom search 'claim:retake'
  catalog install-desktop              add Catalog to the Linux applications menu
"""


class _Parser(argparse.ArgumentParser):
    #: Whether an argument with one dash that is not an option here (``-russia``) is a value:
    #: the search language's exclusion, in commands that take a query.
    dash_values = False
    query_hint = ""  #: said when the command's QUERY is missing (it may have looked like an option)

    def error(self, message):
        hint = self.query_hint if "QUERY" in message else ""
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see '{self.prog} --help'{hint})\n")

    def _parse_optional(self, arg_string):
        # argparse's own hook for telling options from values; ``--`` still works as usual.
        if self.dash_values and arg_string not in self._option_string_actions and _excludes(arg_string):
            return None
        return super()._parse_optional(arg_string)


def _excludes(argument: str) -> bool:
    """Whether ``argument`` reads as the search language's ``-word`` or ``-"phrase"``."""
    return len(argument) > 1 and argument[0] == "-" and argument[1] != "-"


def build_parser(more_commands: Callable[[Callable], None] | None = None) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="catalog",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", metavar="PATH|URL", help=DB_HELP)
    parser.add_argument("--version", action="version", version=f"catalog {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    db_option = db_parent()

    def command(name, help_text, example):
        return commands.add_parser(
            name,
            help=help_text,
            description=help_text,
            parents=[db_option],
            epilog=f"example:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    imp = command(
        "import",
        "import article files and folders: text, web pages, PDF, Word, e-mail, feeds, web archives, Zotero",
        "catalog import ~/articles extra.txt inbox.mbox --types pdf,html",
    )
    imp.add_argument(
        "paths", nargs="+", type=file_name, metavar="PATH", help="a file or a folder (searched recursively)"
    )
    imp.add_argument(
        "--glob",
        type=glob_option,
        action="append",
        metavar="PATTERN",
        help="which files to take from folders, by name (*.txt, 2022-*.md; may be repeated); "
        "default: every type --types lists",
    )
    imp.add_argument(
        "--types",
        type=types_option,
        action="append",
        metavar="TYPES",
        help="which types of file to take from folders, apart by commas: "
        f"{', '.join(TYPES)} (also email, word, rss, zotero; default: all of them)",
    )
    imp.add_argument(
        "--max-size",
        type=max_size_option,
        default=DEFAULT_MAX_SIZE,
        metavar="BYTES",
        help="skip files (and messages or pages of a mailbox or web archive) larger than this "
        "(default: 10 MB; suffixes K, M, G; at most 1G)",
    )
    imp.add_argument("--dry-run", action="store_true", help="report what would happen, write nothing")
    imp.add_argument("--json", action="store_true", help="print the report as a JSON object")
    imp.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also list every article imported and every file already in the catalogue",
    )
    imp.add_argument(
        "--jobs",
        type=jobs_option,
        default=None,
        metavar="N",
        help="processes reading files beside the writer (default: one per core, at most 4; "
        "never more than twice the cores or than there are batches to read)",
    )
    imp.set_defaults(run=_cmd_import)

    lst = command("list", "list the articles", "catalog list --json")
    lst.add_argument("--json", action="store_true", help="print a JSON array of article objects")
    lst.set_defaults(run=_cmd_list)

    show = command("show", "show one article with its text", "catalog show 12 --json")
    show.add_argument("id", type=article_id, metavar="ID", help="the article's id")
    show.add_argument("--json", action="store_true", help="print the article object as JSON")
    show.set_defaults(run=_cmd_show)

    search = command(
        "search",
        'find articles (words, "phrases", -not, OR, word*, author:, since:…)',
        "catalog search 'author:\"Dave DeCamp\" ukraine -crimea' --json",
    )
    search.add_argument(
        "query",
        nargs="+",
        metavar="QUERY",
        help="in the search language (see README); several arguments are joined by spaces, "
        "and -word excludes a word as in the window",
    )
    search.dash_values = True
    search.query_hint = "; a query that starts with -- goes after --, as in: catalog search -- --word"
    search.add_argument("--json", action="store_true", help="print a JSON array of articles with a snippet")
    search.add_argument(
        "--limit", type=whole_number(1), default=None, metavar="N", help="at most N results, best first"
    )
    search.set_defaults(run=_cmd_search)

    exp = command("export-json", "write the whole catalogue as JSON", "catalog export-json backup.json")
    exp.add_argument("file", type=file_name, metavar="FILE", help="where to write ('-' for standard output)")
    exp.set_defaults(run=_cmd_export_json)

    cli_edit.add_command(command)

    for kind in NAMES:  # the kinds of name, as catalog.names_admin.KINDS has them
        names = command(f"{kind}s", f"list {kind}s with their article counts", f"catalog {kind}s --json")
        names.add_argument("--json", action="store_true", help='print [{"name", "count"}, ...]')
        names.set_defaults(run=_cmd_names, kind=kind)
        merge = command(
            f"merge-{kind}s", f"merge {kind}s into one", f'catalog merge-{kind}s "A" "B" --into "C"'
        )
        merge.add_argument("names", nargs="+", metavar="NAME", help=f"the {kind}s to merge")
        merge.add_argument(
            "--into",
            type=_name_within(NAMES[kind]),
            required=True,
            metavar="NAME",
            help="the name they become (created if new)",
        )
        merge.set_defaults(run=_cmd_merge, kind=kind)

    imj = command(
        "import-json",
        "add a catalogue export (export-json) to this catalogue",
        "catalog import-json backup.json",
    )
    imj.add_argument("file", type=file_name, metavar="FILE", help="a file written by export-json")
    imj.add_argument("--json", action="store_true", help="print the counts as a JSON object")
    imj.set_defaults(run=_cmd_import_json)

    review = command(
        "export-claimreview",
        "write claims that have a verdict as schema.org ClaimReview JSON-LD",
        'catalog export-claimreview reviews.jsonld --reviewer "Our Newsroom"',
    )
    review.add_argument(
        "file", type=file_name, metavar="FILE", help="where to write ('-' for standard output)"
    )
    review.add_argument(
        "--reviewer",
        metavar="NAME",
        help="the organisation publishing the reviews (default: the catalogue's name)",
    )
    review.set_defaults(run=_cmd_export_claimreview)

    cli_claims.add_commands(command, _Parser, db_option)
    cli_exports.add_commands(command)
    cli_maintenance.add_commands(command)
    cli_maintenance.add_copy_command(command)
    cli_maintenance.add_stemming_command(command)
    cli_stories.add_commands(command)
    cli_stories_diff.add_command(command)

    new = command(
        "new",
        "make a new, empty catalogue (the other commands never make one by accident)",
        "catalog new ~/desk/research.sqlite3",
    )
    new.add_argument(
        "location", metavar="PATH|URL", help="a file that does not exist yet, or an empty PostgreSQL database"
    )
    new.set_defaults(run=_cmd_new)

    cli_info.add_command(command)
    if more_commands is not None:
        more_commands(command)
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    more_commands: Callable[[Callable], None] | None = None,
    default_run: Callable[[argparse.Namespace], int] | None = None,
) -> int:
    """Run one command. The program adds the commands that need Qt (``more_commands``, given
    the function that adds a command) and what a bare ``catalog`` does (``default_run``):
    catalog/ never reaches into ui/ for them. Without a default, a bare call prints the usage."""
    _use_utf8_output()
    parser = build_parser(more_commands)
    args = parser.parse_args(argv)
    run = getattr(args, "run", default_run)
    if run is None:
        parser.print_usage(sys.stderr)
        return EXIT_USAGE
    try:
        return run(args)
    except BrokenPipeError:  # the reader went away (catalog list | head): not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so the interpreter's final flush is silent
        return EXIT_OK
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as exc:  # noqa: BLE001 - said in one line, never a traceback (see _failed)
        return _failed(exc, args)


def _failed(exc: Exception, args) -> int:
    """What went wrong, in one line, with its exit code; never a traceback. (The catalogue's
    modules are loaded here, not at start: a command that raised one of theirs loaded them.)"""
    from catalog import db_errors
    from catalog.db import CatalogueError, LocationError, resolve_location
    from catalog.safe_output import OutputError
    from catalog.search.query import QueryError

    if isinstance(exc, LocationError):  # no catalogue there, another application's, an unusable URL
        return _fail(str(exc), EXIT_USAGE)
    if isinstance(exc, CatalogueError):
        return _fail(str(exc))
    if isinstance(exc, QueryError):  # a search that cannot be run: the user must change it
        return _fail(str(exc), EXIT_USAGE)
    if isinstance(exc, OutputError):
        return _fail(str(exc))
    if isinstance(exc, OSError):
        return _fail(f"{exc.filename or ''}{': ' if exc.filename else ''}{exc.strerror or exc}")
    # a full disk, a busy catalogue, or a bug
    explained = db_errors.explain(exc, getattr(args, "db", None) or resolve_location())
    if explained:
        return _fail(explained)
    if os.environ.get("CATALOG_DEBUG"):
        raise exc
    return _fail(f"unexpected error ({type(exc).__name__}: {exc}); set CATALOG_DEBUG=1 for details")


def _cmd_import(args) -> int:
    from catalog.importing import import_paths
    from catalog.importing.importer import count_files

    _open(args)
    pattern, narrowed = import_patterns(args.glob, args.types)
    progress = TerminalProgress(count_files(args.paths, pattern, narrowed))
    try:
        report = import_paths(
            args.paths,
            pattern=pattern,
            narrowed=narrowed,
            max_size=args.max_size,
            dry_run=args.dry_run,
            progress=progress,
            workers=args.jobs,
            status=progress.status,
        )
    finally:
        progress.close()
    if args.json:
        _print_json(report_object(report))
    else:
        print("\n".join(report_lines(report, verbose=args.verbose)))
    return EXIT_SOME_FAILED if report.failed else EXIT_OK


def _cmd_list(args) -> int:
    from catalog.articles import iter_articles

    _open(args)
    if args.json:
        _print_json(list(iter_articles()))
        return EXIT_OK
    for article in iter_articles():
        print(_list_line(article))
    return EXIT_OK


def _list_line(article: dict) -> str:
    """One article as a line of ``list`` and ``search``: id, date, outlet, title (control
    characters in them shown as escapes, so a title cannot clear the screen or forge a line)."""
    outlet = one_line(article["outlet"] or "")[:24]
    return (
        f"{article['id']:>6}  {article['date'] or 'no date':<10}  {outlet:<24}  {one_line(article['title'])}"
    )


def _cmd_show(args) -> int:
    from catalog.articles import get_article

    _open(args)
    article = get_article(args.id)
    if article is None:
        return _fail(f"no article with id {args.id}")
    if args.json:
        _print_json(article)
    else:
        print(format_article(article))
    return EXIT_OK


def format_article(article: dict) -> str:
    """An article as readable text: title, metadata lines, then the body. Control characters
    show as escapes; the summary and body keep their line breaks."""
    lines = [
        f"#{article['id']}  {one_line(article['title'])}",
        f"Date:     {article['date'] or 'unknown'}",
        f"Outlet:   {one_line(article['outlet'] or 'unknown')}",
        f"Authors:  {one_line(', '.join(article['authors']) or 'unknown')}",
        f"Topics:   {one_line(', '.join(article['topics']))}",
        f"Source:   {one_line(article['source'] or '')}",
        f"Version:  {article['version']}",
    ]
    if article["summary"]:
        lines.append(f"Summary:  {block(article['summary'])}")
    return "\n".join(lines) + "\n\n" + block(article["body"])


def _cmd_search(args) -> int:
    from catalog.articles import iter_articles
    from catalog.browsing import Filters, filtered_ids, snippets

    query = " ".join(args.query)
    problem = empty_search(query, "catalog list lists every article")
    if problem:
        return _fail(problem, EXIT_USAGE)
    _open(args)
    ids = filtered_ids(Filters(query=query), sort="relevance", limit=args.limit)
    found = {article["id"]: article for article in iter_articles(ids=ids)}
    passages = snippets(ids, query)
    results = [{**found[i], "snippet": passages.get(i, "")} for i in ids if i in found]
    if args.json:
        _print_json(results)
        return EXIT_OK
    for article in results:
        print(_list_line(article))
        if article["snippet"]:
            print(f"        {one_line(article['snippet'])}")
    return EXIT_OK


def _cmd_names(args) -> int:
    from catalog.names_admin import name_counts

    _open(args)
    counts = name_counts(args.kind)
    if args.json:
        _print_json([{"name": c.name, "count": c.count} for c in counts])
    else:
        for c in counts:
            print(f"{c.count:>7,}  {one_line(c.name)}")
    return EXIT_OK


def _cmd_merge(args) -> int:
    from catalog.names_admin import NameProblem, merge_names

    _open(args)
    try:
        change = merge_names(args.kind, args.names, into=args.into)
    except NameProblem as exc:
        return _fail(str(exc))
    moved = len(change.articles_before)
    print(f"merged into {one_line(args.into)}: {moved:,} article{'' if moved == 1 else 's'} changed")
    return EXIT_OK


def _cmd_export_json(args) -> int:
    from catalog.exporting.json_export import export_json
    from catalog.safe_output import OutputError

    _open(args)
    try:
        count = export_json(args.file)
    except OutputError as exc:
        return _fail(str(exc))
    if args.file != "-":
        print(f"exported {count:,} article{'' if count == 1 else 's'} to {one_line(args.file)}")
    return EXIT_OK


def _cmd_import_json(args) -> int:
    from catalog.exporting.json_import import ImportJsonError, import_json

    _open(args)
    try:
        report = import_json(args.file)
    except ImportJsonError as exc:
        return _fail(str(exc))
    if args.json:
        _print_json(
            {
                "articles": report.articles,
                "duplicates": len(report.duplicates),
                "claims": report.claims,
                "links": report.links,
                "kept_ids": report.kept_ids,
            }
        )
    else:
        print(
            f"imported {report.articles:,} article{'' if report.articles == 1 else 's'}, "
            f"{report.claims:,} claim{'' if report.claims == 1 else 's'} and "
            f"{report.links:,} link{'' if report.links == 1 else 's'} from {one_line(args.file)}"
            + (f"; {len(report.duplicates):,} already in the catalogue" if report.duplicates else "")
        )
    return EXIT_OK


def _cmd_export_claimreview(args) -> int:
    from catalog.exporting.claimreview import export_claimreview
    from catalog.safe_output import OutputError

    opened = _open(args)
    try:
        count = export_claimreview(args.file, args.reviewer or opened.name)
    except OutputError as exc:
        return _fail(str(exc))
    if args.file != "-":
        print(f"exported {count:,} claim review{'' if count == 1 else 's'} to {one_line(args.file)}")
    return EXIT_OK


def _cmd_new(args) -> int:
    from catalog.catalogue import open_catalogue
    from catalog.db import check_location, redacted, sqlite_path

    check_location(args.location)
    path = sqlite_path(args.location)
    if path not in (None, ":memory:") and os.path.lexists(os.path.expanduser(path)):
        return _fail(f"{args.location} already exists: open it with --db, or name a new file", EXIT_USAGE)
    opened = open_catalogue(args.location, create=True)
    if not opened.created:
        return _fail(f"{redacted(args.location)} already holds a catalogue: open it with --db", EXIT_USAGE)
    print(f"created an empty catalogue at {one_line(redacted(args.location))}")
    return EXIT_OK


def _name_within(limit):
    """An argparse ``type`` for a name: not empty, and within ``limit``."""
    within = limited(limit)

    def checked(text: str) -> str:
        if not text.replace("/", " ").strip():
            raise argparse.ArgumentTypeError("a name cannot be empty")
        return within(text)

    checked.__name__ = within.__name__
    return checked


def _use_utf8_output() -> None:
    """Curly quotes and accented names print anywhere, even under a C locale."""
    for stream in (sys.stdout, sys.stderr):
        if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (AttributeError, ValueError):
                pass
