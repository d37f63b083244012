"""``catalog copies``: the stories of the catalogue (copies and republications of an article,
the first appearance first), one article's story, and finding them all again."""

import sys

from catalog.cli.common import EXIT_OK, EXIT_USAGE, article_id, fail, open_from, print_json
from catalog.terminal_text import one_line

COPIES_EPILOG = """Two articles are copies when most of the shorter one's text is in the longer one, once
what republishers add (bylines, "originally published by" lead-ins, newsletter footers,
"Related:" lines, read-more links) is set aside and line breaks, case and quote styles are
folded. A story is a group of copies; its first appearance is its earliest dated article
(undated copies never come first).

JSON:
  catalog copies --json     [{"story": N, "first": ID, "articles": [ID, ...]}, ...]
                            every story of two or more articles, the first appearance first,
                            then by date (undated last); stories by number (their smallest id)
  catalog copies ID --json  {"story": N|null, "first": ID, "articles": [{"id": ID, "title": ...,
                            "outlet": ...|null, "date": "YYYY-MM-DD"|null, "first": true|false,
                            "share": 0.0-1.0}, ...]}
                            share: how much of the first appearance's text the copy keeps;
                            an article with no copies is a story of one ("story": null)"""


def add_commands(command) -> None:
    copies = command(
        "copies",
        "list the stories: the copies and republications of each article, and where it first appeared",
        "catalog copies 12",
    )
    copies.epilog = COPIES_EPILOG
    copies.add_argument("id", nargs="?", type=article_id, metavar="ID", help="show this article's story only")
    copies.add_argument("--json", action="store_true", help="print JSON (shapes below)")
    copies.add_argument(
        "--rebuild",
        action="store_true",
        help="look for every article's copies afresh (splits and joins made by hand are kept)",
    )
    copies.set_defaults(run=_cmd_copies)


def _cmd_copies(args) -> int:
    from catalog import stories

    open_from(args)
    if args.rebuild:
        if args.id is not None:
            return fail("--rebuild looks at every article: give no ID with it", EXIT_USAGE)
        count = stories.rebuild(progress=_rebuild_progress())
        print(f"{count:,} {'story' if count == 1 else 'stories'} with copies", file=sys.stderr)
    if args.id is not None:
        return _one_story(args)
    found = stories.stories()
    if args.json:
        print_json(
            [{"story": story.number, "first": story.first, "articles": story.articles} for story in found]
        )
        return EXIT_OK
    if not found:
        print("No article has copies in the catalogue.")
    for story in found:
        print(f"Story {story.number}: {len(story.copies)} articles")
        for copy in story.copies:
            print("  " + _copy_line(copy))
    return EXIT_OK


def _one_story(args) -> int:
    from catalog import stories
    from catalog.articles import get_article

    story = stories.story_of(args.id)
    if story is None:
        article = get_article(args.id)
        if article is None:
            return fail(f"no article with id {args.id}")
        copy = stories.Copy(args.id, article["title"], article["outlet"], None, None, 1.0, True)
        date = article["date"]
        if args.json:
            print_json({"story": None, "first": args.id, "articles": [_copy_object(copy, date)]})
        else:
            print(f"Article {args.id} has no copies in the catalogue.")
        return EXIT_OK
    if args.json:
        print_json(
            {
                "story": story.number,
                "first": story.first,
                "articles": [_copy_object(copy) for copy in story.copies],
            }
        )
        return EXIT_OK
    print(f"Story {story.number}: {len(story.copies)} articles")
    for copy in story.copies:
        print("  " + _copy_line(copy))
    return EXIT_OK


def _copy_object(copy, date: str | None = None) -> dict:
    return {
        "id": copy.article_id,
        "title": copy.title,
        "outlet": copy.outlet,
        "date": date if copy.date is None and date else (copy.date.isoformat() if copy.date else None),
        "first": copy.first,
        "share": copy.share,
    }


def _copy_line(copy) -> str:
    mark = "first" if copy.first else ("keeps " + f"{copy.share:.0%}" if copy.share is not None else "copy")
    date = copy.date.isoformat() if copy.date else "undated"
    outlet = one_line(copy.outlet) if copy.outlet else "unknown outlet"
    return f"#{copy.article_id}  {date}  {outlet}  {one_line(copy.title)}  ({mark})"


def _rebuild_progress():
    from catalog.cli.importing import TerminalProgress

    bars: dict[str, TerminalProgress] = {}

    def progress(step: str, done: int, total: int) -> None:
        if step != "sketching" or total < 1000:
            return
        bar = bars.setdefault(step, TerminalProgress(total))
        bar(done, "")

    return progress
