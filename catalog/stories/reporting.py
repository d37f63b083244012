"""A report's story section: for each story among the reported articles, where it first
appeared, its copies (outlet, date, how much of the first each keeps), and what changed in each
against the first (the counts, and the first few changed passages). Plain data, no Qt:
ui/report/document.py lays it out."""

from dataclasses import dataclass

from catalog.stories.compare import ADDED, CHANGED, REMOVED, compare
from catalog.stories.store import Copy, copy_counts, story_number, story_of

PASSAGES = 3  #: changed passages shown for each copy
PASSAGE_LENGTH = 160  #: characters of a passage shown, at most
COPIES = 25  #: copies listed for one story; the rest are counted


@dataclass(frozen=True, slots=True)
class ReportCopy:
    copy: Copy  #: its share: how much of the first's text it keeps (catalog.stories.store)
    added: int
    removed: int
    changed: int
    boilerplate: int  #: the copy's boilerplate lines (bylines, lead-ins, footers)
    #: The first changed passages: (kind, the first's words, the copy's words), on one line each.
    passages: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True, slots=True)
class ReportStory:
    number: int
    first: Copy
    copies: tuple[ReportCopy, ...]  #: the republications, in date order (at most COPIES)
    more: int  #: copies not listed
    reported: frozenset[int]  #: which of the story's articles the report holds


def story_sections(ids: list[int]) -> list[ReportStory]:
    """One section per story that any of ``ids`` is in, in the order their first article
    comes in ``ids``."""
    from catalog.articles import iter_articles

    in_stories = copy_counts(ids)
    found: dict[int, int] = {}  # story number: the first of ``ids`` in it
    for article_id in ids:
        if article_id in in_stories:
            number = story_number(article_id)
            if number is not None:
                found.setdefault(number, article_id)
    chosen = set(ids)
    sections = []
    for article_id in found.values():
        story = story_of(article_id)
        if story is None:
            continue
        listed = story.copies[1 : COPIES + 1]
        wanted = [story.first, *(copy.article_id for copy in listed)]
        bodies = {article["id"]: article["body"] for article in iter_articles(with_body=True, ids=wanted)}
        first_body = bodies.get(story.first, "")
        copies = tuple(_report_copy(copy, first_body, bodies.get(copy.article_id, "")) for copy in listed)
        sections.append(
            ReportStory(
                story.number,
                story.copies[0],
                copies,
                max(len(story.copies) - 1 - COPIES, 0),
                frozenset(i for i in story.articles if i in chosen),
            )
        )
    return sections


def _report_copy(copy: Copy, first_body: str, body: str) -> ReportCopy:
    comparison = compare(first_body, body)
    passages = tuple(
        (run.kind, _passage(comparison.text(run, "left")), _passage(comparison.text(run, "right")))
        for run in comparison.runs
        if run.kind in (ADDED, REMOVED, CHANGED)
    )[:PASSAGES]
    return ReportCopy(
        copy,
        comparison.added,
        comparison.removed,
        comparison.changed,
        comparison.boilerplate_right,
        passages,
    )


def _passage(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PASSAGE_LENGTH else flat[: PASSAGE_LENGTH - 1].rstrip() + "…"
