"""``catalog export-csv``, ``export-csl`` and ``export-ris`` (for Zotero) and ``suggest-summaries``,
and the choice of articles they share with ``export-pdf`` (which needs Qt to lay out its pages, so
ui/command_line.py adds it)."""

import sys

from catalog.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    article_ids,
    empty_search,
    fail,
    file_name,
    open_from,
    print_json,
)
from catalog.terminal_text import one_line


def add_commands(command) -> None:
    csv = command(
        "export-csv",
        "write articles as CSV for a spreadsheet (UTF-8, header row)",
        "catalog export-csv articles.csv --query 'outlet:reuters'",
    )
    csv.add_argument(
        "file", type=file_name, metavar="OUT.csv", help="where to write ('-' for standard output)"
    )
    selection_options(csv)
    csv.add_argument(
        "--raw",
        action="store_true",
        help="write text exactly as stored; by default a cell beginning with =, +, - or @ gets a ' "
        "in front, so a spreadsheet shows it as text instead of running it as a formula",
    )
    csv.set_defaults(run=_cmd_export_csv)

    _zotero_command(
        command, "export-csl", "CSL-JSON (newspaper-article items)", "json", "note (Zotero: Extra)"
    )
    _zotero_command(command, "export-ris", "RIS (NEWS records)", "ris", "N1 note (Zotero: a note)")

    summaries = command(
        "suggest-summaries",
        "fill empty summaries with the article's most central sentences",
        "catalog suggest-summaries --query 'year:2022' --overwrite",
    )
    selection_options(summaries)
    summaries.add_argument(
        "--overwrite",
        action="store_true",
        help="replace summaries people wrote too (default: only empty ones)",
    )
    summaries.add_argument("--json", action="store_true", help="print the counts as a JSON object")
    summaries.set_defaults(run=_cmd_suggest_summaries)


def _zotero_command(command, name: str, kind: str, suffix: str, text_in: str) -> None:
    """``export-csl`` or ``export-ris``: references for Zotero, EndNote and citation processors."""
    parser = command(
        name,
        f"write articles as {kind} for Zotero and other reference managers",
        f"catalog {name} articles.{suffix} --query 'ukraine since:2022'",
    )
    parser.add_argument(
        "file", type=file_name, metavar=f"OUT.{suffix}", help="where to write ('-' for standard output)"
    )
    selection_options(parser)
    parser.add_argument(
        "--with-text",
        action="store_true",
        help=f"add each article's text as the {text_in}, so catalog import gets the text back "
        "(by default: title, authors, date, outlet, URL, summary as abstract, topics as keywords)",
    )
    parser.set_defaults(run=_cmd_export_zotero, format=name)


def selection_options(parser) -> None:
    parser.add_argument(
        "--query", metavar="Q", help="the articles a search finds, best first (search language)"
    )
    parser.dash_values = True  # --query -russia: the search language's exclusion, not an option
    parser.add_argument(
        "--ids",
        type=article_ids,
        metavar="1,2,3",
        help="these articles, in this order (with --query: those it finds)",
    )


def empty_query(args) -> bool:
    """Whether ``--query`` has nothing to look for (said, as a usage error)."""
    problem = empty_search(args.query, "without --query: every article")
    if problem:
        fail(problem, EXIT_USAGE)
    return bool(problem)


def chosen_articles(args) -> tuple[list[int], str] | str:
    """The ids the options choose, with the choice in words; or what is wrong, in words."""
    from catalog.browsing import Filters, filtered_ids
    from catalog.models import Article
    from catalog.reporting import describe_selection

    if args.ids is not None:
        found = {i for (i,) in Article.select(Article.id).where(Article.id.in_(args.ids)).tuples()}
        missing = [str(i) for i in args.ids if i not in found]
        if missing:
            return f"no article with id {', '.join(missing)}"
        if args.query is not None:
            filters = Filters(query=args.query)
            found = set(filtered_ids(filters))
            ids = [i for i in args.ids if i in found]
            return ids, f"{describe_selection(filters)} among {describe_selection(ids=args.ids).lower()}"
        return args.ids, describe_selection(ids=args.ids)
    if args.query is not None:
        filters = Filters(query=args.query)
        return filtered_ids(filters, sort="relevance"), describe_selection(filters)
    return filtered_ids(Filters(), sort="date"), describe_selection(None)


def _cmd_export_csv(args) -> int:
    from catalog.exporting.csv_export import export_csv

    return _export_chosen(args, lambda file, ids: export_csv(file, ids, raw=args.raw))


def _cmd_export_zotero(args) -> int:
    if args.format == "export-csl":
        from catalog.exporting.csl_export import export_csl as export
    else:
        from catalog.exporting.ris_export import export_ris as export
    return _export_chosen(args, lambda file, ids: export(file, ids, with_text=args.with_text))


def _export_chosen(args, write) -> int:
    """Write the articles ``--query`` or ``--ids`` choose (every one by default) with
    ``write(file, ids)``, which says how many it wrote; say so, or why it could not."""
    from catalog.safe_output import OutputError

    if empty_query(args):
        return EXIT_USAGE
    open_from(args)
    chosen = chosen_articles(args)
    if isinstance(chosen, str):
        return fail(chosen)
    try:
        count = write(args.file, chosen[0])
    except OutputError as exc:
        return fail(str(exc))
    if args.file != "-":
        print(f"exported {count:,} article{'' if count == 1 else 's'} to {one_line(args.file)}")
    return EXIT_OK


def _cmd_suggest_summaries(args) -> int:
    from catalog.summaries import suggest_summaries

    if empty_query(args):
        return EXIT_USAGE
    open_from(args)
    chosen = chosen_articles(args)
    if isinstance(chosen, str):
        return fail(chosen)
    run = suggest_summaries(chosen[0], overwrite=args.overwrite)
    counts = {"filled": run.filled, "kept": run.kept, "empty": run.empty, "unchanged": run.unchanged}
    if args.json:
        print_json(counts)
    else:
        print(
            f"filled {run.filled:,} summar{'y' if run.filled == 1 else 'ies'}; kept {run.kept:,} written by people; "
            f"{run.empty:,} without text; {run.unchanged:,} already the suggestion",
            file=sys.stdout,
        )
    return EXIT_OK
