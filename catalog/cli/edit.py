"""``catalog edit``: one article's metadata (``edit ID``), or many articles' at once
(``edit --query Q`` / ``--ids 1,2,3``, in one transaction, as the window's Batch Edit).

The two forms do not mix: an ID with ``--query``/``--ids`` is a usage error, and so is an
option of one form in the other (``--title`` changes one article; ``--set-outlet`` many).
``--add-topic``, ``--remove-topic`` and ``--json`` belong to both.
"""

from typing import TYPE_CHECKING

from catalog.cli.common import (
    EXIT_CONFLICT,
    EXIT_OK,
    EXIT_USAGE,
    NO_DATE,
    article_id,
    article_ids,
    date_option,
    empty_search,
    fail,
    limited,
    open_from,
    print_json,
    whole_number,
)
from catalog.limits import AUTHOR, NOTES, OUTLET, SUMMARY, TITLE, TOPIC
from catalog.terminal_text import one_line

if TYPE_CHECKING:
    from catalog.editing import ArticleEdit, BatchEdit

DESCRIPTION = """Change one article's metadata (edit ID): each change bumps its version; an edit
that changes nothing says so and keeps it. Or many articles' at once (edit --query Q and/or
--ids 1,2,3), in one transaction, printing how many change. The forms do not mix: an ID with
--query/--ids, or an option of one form in the other, is a usage error (exit 2)."""
EXAMPLES = """examples:
  catalog edit 12 --outlet "AntiWar.com" --add-topic Ukraine
  catalog edit 12 --title "Budget day" --expect-version 4 --json
  catalog edit --query 'outlet:antiwar' --set-outlet AntiWar.com --add-topic Ukraine --dry-run
  catalog edit --ids 3,7,12 --add-author "Dave DeCamp" --remove-topic Misc
"""

#: Options of ``edit ID`` only, and of ``edit --query/--ids`` only, as their parsed names.
ONE_ONLY = ("title", "date", "outlet", "author", "topic", "summary", "notes", "expect_version")
MANY_ONLY = ("set_outlet", "set_date", "add_author", "remove_author", "dry_run")

_LOCK_CHUNK = 10_000  # ids per row-locking statement (PostgreSQL takes at most 65,535 parameters)


def add_command(command) -> None:
    """The ``edit`` command, on the main parser's ``command`` maker."""
    edit = command("edit", "change one article's metadata, or many articles' at once", "")
    edit.epilog = EXAMPLES
    edit.description = DESCRIPTION
    edit.dash_values = True  # --query -russia: the search language's exclusion, not an option
    edit.add_argument(
        "id",
        nargs="?",
        type=article_id,
        metavar="ID",
        help="the article to change; or choose many with --query and/or --ids instead",
    )
    _one_article_options(edit.add_argument_group("one article (edit ID)"))
    _many_articles_options(edit.add_argument_group("many articles at once (edit --query Q / --ids 1,2,3)"))
    both = edit.add_argument_group("either form")
    both.add_argument(
        "--add-topic",
        type=limited(TOPIC),
        action="append",
        default=[],
        metavar="T",
        help="add this topic (repeat)",
    )
    both.add_argument(
        "--remove-topic", action="append", default=[], metavar="T", help="take this topic away (repeat)"
    )
    both.add_argument(
        "--json",
        action="store_true",
        help='print the article (edit ID), or {"changed": N, "ids": [...], "dry_run": true|false}',
    )
    edit.set_defaults(run=_cmd_edit)


def _one_article_options(group) -> None:
    group.add_argument("--title", type=limited(TITLE), metavar="T", help="the new title")
    group.add_argument(
        "--date", type=date_option, metavar="D", help="2022-06-29, 29 June 2022, June 2022, 2022 or unknown"
    )
    group.add_argument("--outlet", type=limited(OUTLET), metavar="O", help="the outlet ('' for none)")
    group.add_argument(
        "--author",
        type=limited(AUTHOR),
        action="append",
        metavar="A",
        help="the authors, in order: replaces the list (repeat; '' for none)",
    )
    group.add_argument(
        "--topic",
        type=limited(TOPIC),
        action="append",
        metavar="T",
        help="the topics: replaces the list (repeat; Parent/Child nests)",
    )
    group.add_argument("--summary", type=limited(SUMMARY), metavar="S", help="the new summary ('' for none)")
    group.add_argument("--notes", type=limited(NOTES), metavar="N", help="the new notes ('' for none)")
    group.add_argument(
        "--expect-version",
        type=whole_number(1),
        metavar="N",
        help="refuse (exit 3) if the article is no longer at version N",
    )


def _many_articles_options(group) -> None:
    group.add_argument(
        "--query",
        metavar="Q",
        help="the articles this search finds (search language; with --ids: those of them)",
    )
    group.add_argument("--ids", type=article_ids, metavar="1,2,3", help="these articles")
    group.add_argument(
        "--set-outlet", type=limited(OUTLET), metavar="O", help="give them this outlet ('' for none)"
    )
    group.add_argument(
        "--set-date", type=date_option, metavar="D", help="give them this date (as --date; unknown clears it)"
    )
    group.add_argument(
        "--add-author",
        type=limited(AUTHOR),
        action="append",
        default=[],
        metavar="A",
        help="add this author (repeat)",
    )
    group.add_argument(
        "--remove-author", action="append", default=[], metavar="A", help="take this author away (repeat)"
    )
    group.add_argument(
        "--dry-run", action="store_true", help="say how many articles would change, and change nothing"
    )


def _cmd_edit(args) -> int:
    many = args.query is not None or args.ids is not None
    problem = _form_problem(args, many)
    if problem:
        return fail(problem, EXIT_USAGE)
    return _edit_many(args) if many else _edit_one(args)


def _form_problem(args, many: bool) -> str | None:
    """What is wrong with how the options combine, in words; None when nothing is."""
    one_given = [_option(name) for name in ONE_ONLY if _given(getattr(args, name))]
    many_given = [_option(name) for name in MANY_ONLY if _given(getattr(args, name))]
    if args.id is not None and many:
        return "give one article's ID, or choose articles with --query/--ids, not both"
    if args.id is None and not many:
        return "say which article to change: an ID, or --query Q and/or --ids 1,2,3 for many"
    if not many and many_given:
        return (
            f"{', '.join(many_given)}: for many articles, with --query/--ids (one article: --ids {args.id})"
        )
    if many and one_given:
        return (
            f"{', '.join(one_given)}: for one article, with its ID; many at once take --set-outlet, "
            "--set-date, --add-/--remove-topic and --add-/--remove-author"
        )
    empty = empty_search(args.query, "an edit of every article names them with --ids")
    if empty:
        return empty
    changes = one_given if not many else many_given
    changes = [name for name in changes if name not in ("--expect-version", "--dry-run")]
    if not changes and not args.add_topic and not args.remove_topic:
        wanted = (
            "--set-outlet, --set-date, --add-topic, --remove-topic, --add-author or --remove-author"
            if many
            else "--title, --date, --outlet, --author, --topic, --add-topic, --remove-topic, --summary or --notes"
        )
        return f"nothing to change: give {wanted}"
    return None


def _given(value) -> bool:
    return value not in (None, False, [])


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


# --- one article --------------------------------------------------------------------------


def _edit_one(args) -> int:
    from catalog.articles import get_article
    from catalog.editing import NoSuchArticle, VersionConflict, edit_article

    open_from(args)
    try:
        changed = edit_article(args.id, _article_edit(args), expect_version=args.expect_version)
    except NoSuchArticle as exc:
        return fail(str(exc))
    except VersionConflict as exc:
        return fail(str(exc), EXIT_CONFLICT)
    except ValueError as exc:  # an empty title, a value over its limit
        return fail(str(exc), EXIT_USAGE)
    article = get_article(args.id)
    if args.json:
        print_json(article)
    elif changed:
        print(f"article {args.id} is now version {article['version']}")
    else:
        print(f"article {args.id} unchanged (version {article['version']})")
    return EXIT_OK


def _article_edit(args) -> "ArticleEdit":
    from catalog.editing import ArticleEdit

    given = {
        "title": args.title,
        "date": args.date,
        "outlet": args.outlet,
        "authors": args.author,
        "topics": args.topic,
        "summary": args.summary,
        "notes": args.notes,
    }
    changes = {key: value for key, value in given.items() if value is not None and value is not NO_DATE}
    if args.date is NO_DATE:
        changes["date"] = None
    if "outlet" in changes:
        changes["outlet"] = changes["outlet"].strip() or None
    for key in ("authors", "topics"):
        if key in changes:
            changes[key] = [name for name in changes[key] if name.strip()]
    return ArticleEdit(add_topics=_names(args.add_topic), remove_topics=_names(args.remove_topic), **changes)


def _names(given: list[str]) -> list[str]:
    return [name for name in given if name.strip()]


# --- many articles ------------------------------------------------------------------------


def _edit_many(args) -> int:
    from catalog.db import checked_write
    from catalog.editing import apply_batch_change, plan_batch

    open_from(args)
    ids, missing = _chosen(args)
    batch = _batch_edit(args)
    try:
        if args.dry_run:
            plan = plan_batch(ids, batch)
        else:
            with checked_write():
                _lock(ids)  # another desk's save of one of them waits for this one, then sees it
                plan = apply_batch_change(ids, batch)
    except ValueError as exc:  # a title that would be over its limit
        return fail(str(exc), EXIT_USAGE)
    changed = sorted(state.id for state in plan.after)
    if args.json:
        print_json({"changed": len(changed), "ids": changed, "dry_run": args.dry_run})
    else:
        print(_said(len(changed), len(ids), batch, args.dry_run))
    if missing:
        return fail(
            f"no article with id {', '.join(map(str, missing))}; the others chosen were {_verb(args.dry_run)}"
        )
    return EXIT_OK


def _chosen(args) -> tuple[list[int], list[int]]:
    from catalog.browsing import Filters, filtered_ids
    from catalog.models import Article

    """The ids of the articles chosen, and the ids given that name no article."""
    missing = []
    ids = None
    if args.ids is not None:
        found = set()
        for start in range(0, len(args.ids), _LOCK_CHUNK):
            chunk = args.ids[start : start + _LOCK_CHUNK]
            found.update(i for (i,) in Article.select(Article.id).where(Article.id.in_(chunk)).tuples())
        missing = [i for i in args.ids if i not in found]
        ids = [i for i in args.ids if i in found]
    if args.query is not None:
        matched = filtered_ids(Filters(query=args.query))
        found = set(matched)
        ids = matched if ids is None else [i for i in ids if i in found]
    return ids, missing


def _batch_edit(args) -> "BatchEdit":
    from catalog.editing import UNSET, BatchEdit

    outlet = UNSET if args.set_outlet is None else (args.set_outlet.strip() or None)
    date = UNSET if args.set_date is None else (None if args.set_date is NO_DATE else args.set_date)
    return BatchEdit(
        outlet=outlet,
        date=date,
        add_authors=_names(args.add_author),
        remove_authors=_names(args.remove_author),
        add_topics=_names(args.add_topic),
        remove_topics=_names(args.remove_topic),
    )


def _lock(ids: list[int]) -> None:
    from catalog.db import lock_rows

    for start in range(0, len(ids), _LOCK_CHUNK):
        lock_rows("article", ids[start : start + _LOCK_CHUNK])


def _said(changed: int, chosen: int, batch: "BatchEdit", dry_run: bool) -> str:
    """``changed 3 articles (of 5 chosen): set outlet to Reuters; add topic Oil``."""
    verb = "would change" if dry_run else "changed"
    of = f" (of {chosen:,} chosen)" if chosen != changed else ""
    return f"{verb} {changed:,} article{'' if changed == 1 else 's'}{of}: {one_line(batch.describe())}"


def _verb(dry_run: bool) -> str:
    return "previewed" if dry_run else "edited"
