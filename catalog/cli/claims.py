"""``catalog claims …``: add, link, list and suggest claims from the command line."""

import argparse

from catalog.claims.words import PHRASES, RELATIONS, VERDICTS, ClaimError, check_relation, check_verdict
from catalog.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    article_id,
    date_option,
    fail,
    limited,
    open_from,
    print_json,
    whole_number,
)
from catalog.limits import CLAIM_NOTES, CLAIM_TEXT, CLAIMANT, EXPLANATION, LINK_NOTE
from catalog.terminal_text import one_line

EXAMPLES = """examples:
  catalog claims add 12 --text "taxes will fall" --claimant "The minister" --verdict "mostly false"
  catalog claims link 7 3 --relation contradicts --note "figures from the budget office"
  catalog claims list --article 12 --json
  catalog claims suggest 7
  catalog claims copies 7 --mark
"""


def add_commands(command, parser_class, db_option) -> None:
    """The ``claims`` command and its sub-commands, on the main parser's ``command`` maker;
    each sub-command takes ``--db`` (``db_option``) after it too."""
    claims = command("claims", "mark claims in articles and link them", "catalog claims list --json")
    claims.epilog = EXAMPLES
    sub = claims.add_subparsers(dest="claims_command", metavar="ACTION", parser_class=parser_class)
    claims.set_defaults(run=lambda args: _usage(claims))

    def action(name, help_text, example):
        return sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            parents=[db_option],
            epilog=f"example:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    add = action(
        "add", "mark text of an article as a claim", 'catalog claims add 12 --text "taxes will fall"'
    )
    add.add_argument("article", type=article_id, metavar="ARTICLE_ID", help="the article the claim is in")
    add.add_argument(
        "--text",
        type=_claim_text,
        required=True,
        metavar="TEXT",
        help="the claim as it occurs in the article's text",
    )
    add.add_argument(
        "--claimant", type=limited(CLAIMANT), metavar="C", help="the person or organisation that made it"
    )
    add.add_argument(
        "--verdict", type=_verdict, default="unrated", metavar="V", help=f"one of: {', '.join(VERDICTS)}"
    )
    add.add_argument(
        "--date", type=date_option, metavar="D", help="when it was made (default: the article's date)"
    )
    add.add_argument(
        "--explanation", type=limited(EXPLANATION), default="", metavar="E", help="why the verdict"
    )
    add.add_argument("--notes", type=limited(CLAIM_NOTES), default="", metavar="N", help="notes for the desk")
    add.add_argument("--json", action="store_true", help="print the claim as JSON")
    add.set_defaults(run=_cmd_add)

    link = action("link", "link claim A to claim B", "catalog claims link 7 3 --relation supports")
    link.add_argument("source", type=article_id, metavar="A", help="the id of the claim the link starts from")
    link.add_argument("target", type=article_id, metavar="B", help="the id of the claim it leads to")
    link.add_argument(
        "--relation",
        type=_relation,
        required=True,
        metavar="R",
        help=f"one of: {', '.join(RELATIONS)} (A R B)",
    )
    link.add_argument("--note", type=limited(LINK_NOTE), default="", metavar="N", help="why they are linked")
    link.add_argument("--json", action="store_true", help="print the link as JSON")
    link.set_defaults(run=_cmd_link)

    lst = action("list", "list claims, newest first", "catalog claims list --article 12 --json")
    lst.add_argument("--article", type=article_id, metavar="ID", help="only this article's claims")
    lst.add_argument(
        "--verdict",
        type=_verdict,
        default=None,
        metavar="V",
        help=f"only claims with this verdict ({', '.join(VERDICTS)})",
    )
    lst.add_argument("--json", action="store_true", help="print a JSON array of claims with their links")
    lst.set_defaults(run=_cmd_list)

    suggest = action(
        "suggest", "claims and passages like this claim, to link", "catalog claims suggest 7 --json"
    )
    suggest.add_argument("claim", type=article_id, metavar="CLAIM_ID", help="the claim to find others like")
    suggest.add_argument(
        "--limit", type=whole_number(1), default=10, metavar="N", help="at most N of each kind (default 10)"
    )
    suggest.add_argument("--json", action="store_true", help="print a JSON array of suggestions")
    suggest.set_defaults(run=_cmd_suggest)

    copies = action(
        "copies",
        "the claim's passage in the other copies of its article (see catalog copies)",
        "catalog claims copies 7 --mark --json",
    )
    copies.add_argument("claim", type=article_id, metavar="CLAIM_ID", help="the claim to look for")
    copies.add_argument(
        "--mark",
        action="store_true",
        help="mark it in each copy that lacks it, each linked to it as repeats",
    )
    copies.add_argument(
        "--json",
        action="store_true",
        help='print a JSON array: [{"article": ID, "start": n, "end": n, "exact": true, "claim": ID|null}]',
    )
    copies.set_defaults(run=_cmd_copies)


def _claim_text(text: str) -> str:
    """An argparse ``type``: text to look for in the article, within its limit, not blank."""
    if not text.strip():
        raise argparse.ArgumentTypeError("a claim needs some text")
    return limited(CLAIM_TEXT)(text)


def _verdict(text: str) -> str:
    """An argparse ``type``: a verdict as the window reads it (``Mostly-False`` is ``mostly false``)."""
    try:
        return check_verdict(text)
    except ClaimError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _relation(text: str) -> str:
    try:
        return check_relation(text)
    except ClaimError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _usage(parser) -> int:
    parser.print_usage()
    return fail("say what to do with claims: add, link, list, suggest or copies", EXIT_USAGE)


def _cmd_add(args) -> int:
    from catalog.claims.store import add_claim_by_text, get_claim

    open_from(args)
    fields = {
        "claimant": args.claimant,
        "verdict": args.verdict,
        "explanation": args.explanation,
        "notes": args.notes,
    }
    if args.date is not None:
        fields["claim_date"] = args.date.first_day() if hasattr(args.date, "first_day") else None
    try:
        claim = get_claim(add_claim_by_text(args.article, args.text, **fields))
    except ClaimError as exc:
        return fail(str(exc))
    if args.json:
        print_json(claim)
    else:
        print(
            f"added claim {claim['id']} to article {args.article} (characters {claim['start']}–{claim['end']})"
        )
    return EXIT_OK


def _cmd_link(args) -> int:
    from catalog.claims.store import link_claims, link_object
    from catalog.models import ClaimLink

    open_from(args)
    try:
        link_id = link_claims(args.source, args.target, args.relation, args.note)
    except ClaimError as exc:
        return fail(str(exc))
    link = link_object(ClaimLink.select().where(ClaimLink.id == link_id).dicts().get())
    if args.json:
        print_json(link)
    else:
        print(f"claim {args.source} {PHRASES[link['relation']][0]} claim {args.target} (link {link_id})")
    return EXIT_OK


def _cmd_list(args) -> int:
    from catalog.claims.store import ClaimFilters, list_claims

    open_from(args)
    try:
        rows = list_claims(ClaimFilters(verdict=args.verdict or "", article_id=args.article))
    except ClaimError as exc:
        return fail(str(exc))
    if args.json:
        print_json([_listed(row) for row in rows])
        return EXIT_OK
    for row in rows:
        claim = row.claim
        who = f" — {one_line(claim['claimant'])}" if claim["claimant"] else ""
        print(
            f"{claim['id']:>6}  [{claim['verdict']}]  “{_short(claim['text'])}”{who}  (article {claim['article_id']})"
        )
    return EXIT_OK


def _listed(row) -> dict:
    from catalog.claims.store import links_of

    item = dict(row.claim)
    item["article_title"] = row.article_title
    item["links"] = [
        {**view.link, "direction": "out" if view.outgoing else "in", "other_claim_id": view.other["id"]}
        for view in links_of(row.claim["id"])
    ]
    return item


def _cmd_suggest(args) -> int:
    from catalog.claims.store import get_claim
    from catalog.claims.suggestions import suggest_links

    open_from(args)
    if get_claim(args.claim) is None:
        return fail(f"no claim with id {args.claim}")
    found = suggest_links(args.claim, limit=args.limit)
    if args.json:
        print_json([suggestion.object() for suggestion in found])
        return EXIT_OK
    for suggestion in found:
        where = f"article {suggestion.article_id}: {one_line(suggestion.title)}"
        label = f"claim {suggestion.claim_id}" if suggestion.claim_id else "passage"
        print(f"{label:>12}  “{_short(suggestion.text)}”  ({where})")
    return EXIT_OK


def _cmd_copies(args) -> int:
    from catalog.claims.store import get_claim
    from catalog.claims.travel import mark, passages_in_copies

    open_from(args)
    if get_claim(args.claim) is None:
        return fail(f"no claim with id {args.claim}")
    marked = None
    if args.mark:
        try:
            marked = mark(args.claim)
        except ClaimError as exc:  # deleted meanwhile, a passage over the claims' limit
            return fail(str(exc))
    found = passages_in_copies(args.claim)
    if args.json:
        print_json([passage.object() for passage in found])
        return EXIT_OK
    for passage in found:
        where = f"article {passage.article_id}" + (f" ({one_line(passage.outlet)})" if passage.outlet else "")
        how = "same" if passage.exact else "changed"
        held = f"claim {passage.claim_id}" if passage.claim_id is not None else "not marked"
        print(f"{where}  {passage.start}–{passage.end}  {how}  {held}  “{_short(passage.text)}”")
    if marked is not None:
        count = len(marked.claims)
        print(f"marked claim {args.claim} in {count} cop{'y' if count == 1 else 'ies'}")
    elif not found:
        print(f"claim {args.claim} is in no other copy of its article")
    return EXIT_OK


def _short(text: str, limit: int = 70) -> str:
    """``text`` on one line, at most ``limit`` characters, control characters as escapes."""
    text = one_line(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"
