"""The report's story section as HTML for its QTextDocument (document.py): where a story first
appeared, its copies with what each keeps, and what changed in each against the first."""

import html

from catalog.articles import iso_date
from catalog.stories.reporting import ReportCopy, ReportStory
from ui.report.glyphs import printable

QUOTES = "\"'“”‘’«»„"


def e(text) -> str:
    """Text as HTML shows it literally (as document.e)."""
    return html.escape(printable(str(text or "")), quote=True).replace("\n", "<br>")


def one_article_story(story: ReportStory) -> str:
    """Under a one-article report's summary: the story the article is in."""
    return "<h3>Copies of this story</h3>" + _story_body(story, here="this article")


def stories_section(stories: list[ReportStory]) -> str:
    """After a selection's articles: one section per story among them."""
    if not stories:
        return ""
    parts = [
        "<h2>Copies and republications</h2>",
        (
            "<p class='muted'>Articles of this report that are copies of one another, or of other "
            "articles in the catalogue: where each story first appeared, and what changed in each copy.</p>"
        ),
    ]
    for story in stories:
        parts.append(f"<h3>{e(story.first.title)}</h3>")
        parts.append(_story_body(story, here="in this report"))
    return "".join(parts)


def _story_body(story: ReportStory, *, here: str) -> str:
    """``here``: how an article the report holds is marked."""
    first = story.first
    count = len(story.copies) + story.more
    parts = [
        (
            f"<p class='meta'><b>First appeared:</b> {e(first.outlet or 'Unknown outlet')} · {_date(first)}"
            f" (article {first.article_id}{_here(story, first.article_id, here)})</p>"
        ),
        (
            f"<p class='meta'><b>Republished:</b> {count:,} cop{'y' if count == 1 else 'ies'} besides the first; "
            "“keeps” is how much of the first appearance's text a copy keeps.</p>"
        ),
    ]
    rows = "".join(_row(story, item, here) for item in story.copies)
    parts.append(
        "<table cellspacing='0' width='100%'><tr>"
        "<td><b>Outlet</b></td><td><b>Date</b></td><td><b>Keeps</b></td>"
        "<td><b>Words changed · added · removed</b></td><td><b>Article</b></td></tr>"
        f"{rows}</table>"
    )
    if story.more:
        parts.append(f"<p class='muted'>… and {story.more:,} more copies.</p>")
    for item in story.copies:
        if item.passages:
            parts.append(_passages(item))
    return "".join(parts)


def _row(story: ReportStory, item: ReportCopy, here: str) -> str:
    copy = item.copy
    share = f"{copy.share:.0%}" if copy.share is not None else "–"
    counts = f"{item.changed:,} · {item.added:,} · {item.removed:,}"
    return (
        f"<tr><td>{e(copy.outlet or 'Unknown outlet')}</td><td>{_date(copy)}</td>"
        f"<td>{share}</td><td>{counts}</td>"
        f"<td>{copy.article_id}{_here(story, copy.article_id, here)}</td></tr>"
    )


def _passages(item: ReportCopy) -> str:
    said = []
    for kind, old, new in item.passages:
        if kind == "changed":
            said.append(f"{_quoted(old)} → {_quoted(new)}")
        elif kind == "removed":
            said.append(f"removed {_quoted(old)}")
        else:
            said.append(f"added {_quoted(new)}")
    where = f"{e(item.copy.outlet or 'Unknown outlet')}, {_date(item.copy)}"
    return f"<p class='link'><i>{where}:</i> {'; '.join(said)}</p>"


def _quoted(text: str) -> str:
    """A passage between quotation marks: the quotes written against its words left out."""
    return f"“{e(text.strip(QUOTES))}”"


def _date(copy) -> str:
    return e(iso_date(copy.date, copy.date_precision) or "date unknown")


def _here(story: ReportStory, article_id: int, here: str) -> str:
    return f", {here}" if article_id in story.reported else ""
