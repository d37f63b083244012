"""``catalog diff A B``: what changed between two articles (two copies of a story, most often),
as text for a terminal or as JSON."""

from catalog.cli.common import EXIT_OK, EXIT_USAGE, article_id, fail, open_from, print_json
from catalog.terminal_text import one_line

#: Words of unchanged text shown on each side of a change, for context.
CONTEXT = 8

HELP = "show what changed between two articles: words added, removed and changed, boilerplate apart"
DESCRIPTION = f"""{HELP}.

The texts are compared word by word as copies are compared: case, quote styles and line
wrapping do not count as changes, and the lines a republisher adds (a byline or header, a
"This story was originally published by…" lead-in, a "Subscribe…" or "Read the rest at…"
footer, a "Related:" line) are marked as boilerplate, not as changes.

The text output: a header naming both articles (A on the left, B on the right), the counts,
then the differences in reading order:
  - words      only in A (removed)
  + words      only in B (added); a change is its "-" line then its "+" line
    words      unchanged text around a change (the ends of long stretches only)
  ~ boilerplate (footer): …   a boilerplate line, with the article it is in
  … 4 paragraphs unchanged …

--json prints {{"left": A, "right": B, "added": n, "removed": n, "changed": n, "kept": share,
"boilerplate": {{"left": n, "right": n}}, "runs": [{{"kind": ..., "left": "text", "right": "text"}}]}}:
counts are words (a replace of 3 words by 5 counts 3 changed and 2 added); "kept" is the share
of A's words (boilerplate aside) found in B, 0 to 1; "runs" cover both texts in reading order,
their kinds "equal", "added", "removed", "changed" or "boilerplate: header" (lead-in, footer,
related), their text as written ("" for the side a run is not in).

Exit codes: 0 compared, 1 no article with one of the ids, 2 usage error (the same id twice)."""


def add_command(command) -> None:
    diff = command("diff", HELP, "catalog diff 12 31        catalog diff 12 31 --json")
    diff.description = DESCRIPTION
    diff.add_argument(
        "left", type=article_id, metavar="A", help="the article on the left (usually the earlier)"
    )
    diff.add_argument("right", type=article_id, metavar="B", help="the article on the right")
    diff.add_argument("--json", action="store_true", help="print the comparison as a JSON object")
    diff.set_defaults(run=_cmd_diff)


def _cmd_diff(args) -> int:
    from catalog.stories.compare import NoSuchArticle, compare_articles

    if args.left == args.right:
        return fail(f"diff: A and B are the same article ({args.left}): give two different ids", EXIT_USAGE)
    open_from(args)
    try:
        compared = compare_articles(args.left, args.right)
    except NoSuchArticle as exc:
        return fail(str(exc))
    if args.json:
        print_json(comparison_object(compared))
    else:
        print("\n".join(comparison_lines(compared)))
    return EXIT_OK


def comparison_object(compared) -> dict:
    comparison = compared.comparison
    return {
        "left": compared.left.article_id,
        "right": compared.right.article_id,
        "added": comparison.added,
        "removed": comparison.removed,
        "changed": comparison.changed,
        "kept": comparison.kept,
        "boilerplate": {"left": comparison.boilerplate_left, "right": comparison.boilerplate_right},
        "runs": [
            {"kind": run.kind, "left": comparison.text(run, "left"), "right": comparison.text(run, "right")}
            for run in comparison.runs
        ],
    }


def comparison_lines(compared) -> list[str]:
    """The comparison as lines for a terminal (control characters shown as escapes)."""
    comparison = compared.comparison
    lines = [_heading("A", compared.left), _heading("B", compared.right)]
    lines.append(
        f"Words:  {_count(comparison.changed, 'changed')}, {_count(comparison.added, 'added')}, "
        f"{_count(comparison.removed, 'removed')}; B keeps {comparison.kept:.1%} of A's text"
    )
    lines.append(
        f"Boilerplate: {_lines(comparison.boilerplate_left)} in A, {_lines(comparison.boilerplate_right)} in B"
    )
    lines.append("")
    if not comparison.differences:
        lines.append(
            "The texts are the same" + (" (boilerplate aside)." if _has_boilerplate(comparison) else ".")
        )
        if not _has_boilerplate(comparison):
            return lines
    lines += difference_lines(compared)
    return lines


def difference_lines(compared) -> list[str]:
    comparison = compared.comparison
    runs = comparison.runs
    ids = {"left": compared.left.article_id, "right": compared.right.article_id}
    lines: list[str] = []
    unchanged = 0
    for index, run in enumerate(runs):
        if run.paragraph:
            unchanged += 1
            continue
        if unchanged:
            lines.append(_elided(unchanged))
            unchanged = 0
        if run.boilerplate:
            side = "left" if run.left[1] > run.left[0] else "right"
            text = _flat(comparison.text(run, side))
            lines.append(
                f"~ boilerplate ({run.boilerplate}): {text}  [in {'A' if side == 'left' else 'B'} #{ids[side]}]"
            )
        elif run.kind == "equal":
            before = index > 0 and _is_change(runs[index - 1])
            after = index + 1 < len(runs) and _is_change(runs[index + 1])
            lines.append("  " + _context(comparison.text(run, "left"), before, after))
        else:
            if run.left_words:
                lines.append(f"- {_flat(comparison.text(run, 'left'))}")
            if run.right_words:
                lines.append(f"+ {_flat(comparison.text(run, 'right'))}")
    if unchanged:
        lines.append(_elided(unchanged))
    return lines


def _heading(letter: str, side) -> str:
    where = ", ".join(part for part in (side.outlet or "unknown outlet", side.date or "no date"))
    return f"{letter}: #{side.article_id}  {one_line(side.title)}  ({one_line(where)})"


def _count(number: int, what: str) -> str:
    return f"{number:,} {what}"


def _lines(number: int) -> str:
    return f"{number:,} line{'' if number == 1 else 's'}"


def _elided(count: int) -> str:
    return f"… {count:,} paragraph{'' if count == 1 else 's'} unchanged …"


def _has_boilerplate(comparison) -> bool:
    return bool(comparison.boilerplate_left or comparison.boilerplate_right)


def _is_change(run) -> bool:
    return run.kind in ("added", "removed", "changed")


def _flat(text: str) -> str:
    """A stretch of text on one line: its line breaks and runs of spaces as one space."""
    return one_line(" ".join(text.split()))


def _context(text: str, before: bool, after: bool) -> str:
    """Unchanged words between changes: only the ends next to a change when the stretch is long."""
    words = text.split()
    if len(words) <= 2 * CONTEXT:
        return _flat(text)
    if before and after:
        return f"{_flat(' '.join(words[:CONTEXT]))} … {_flat(' '.join(words[-CONTEXT:]))}"
    if after:
        return f"… {_flat(' '.join(words[-CONTEXT:]))}"
    if before:
        return f"{_flat(' '.join(words[:CONTEXT]))} …"
    return f"{_flat(' '.join(words[:CONTEXT]))} …"
