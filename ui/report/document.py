"""The summary report as one QTextDocument: cover, overview, contents, and an entry per article.

Everything a user typed goes through ``html.escape``, so a title ``<script>`` prints as those
characters, and through ``glyphs.printable``, so a control character or a character no font has
prints visibly instead of as an empty box. Page numbers for the contents are filled in once the pages are laid out (paging.py).
"""

import html
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from catalog.claims.store import PHRASES
from catalog.reporting import Report, ReportArticle
from catalog.sources import split_source
from ui.report import charts
from ui.report.fonts import report_font
from ui.report.glyphs import printable
from ui.report.stories import one_article_story, stories_section

CONTENTS_FROM = 11  #: a contents list when there are more articles than ten
PAGE_PLACEHOLDER = "8888"  # where an article's page number goes, once the pages are laid out
VERDICT_COLOURS = {
    "true": "#1e7e34",
    "mostly true": "#4c9a2a",
    "mixed": "#b8860b",
    "mostly false": "#d35400",
    "false": "#c0392b",
    "unproven": "#6f42c1",
    "unrated": "#777777",
}
STYLE = """
h1 { font-size: 20pt; font-weight: bold; margin-bottom: 4px; }
h2 { font-size: 14pt; font-weight: bold; margin-top: 18px; margin-bottom: 2px; }
h3 { font-size: 11pt; font-weight: bold; margin-top: 8px; margin-bottom: 2px; }
p { margin-top: 2px; margin-bottom: 4px; }
.muted { color: #666666; }
.meta { color: #444444; }
.summary { margin-top: 6px; margin-bottom: 6px; }
.claim { margin-left: 12px; margin-top: 6px; margin-bottom: 2px; }
.link { margin-left: 28px; color: #333333; margin-top: 0px; margin-bottom: 0px; }
td { padding: 1px 6px 1px 0px; }
"""


def e(text) -> str:
    """Text as HTML shows it literally, line breaks kept, nothing the page cannot show."""
    return html.escape(printable(str(text or "")), quote=True).replace("\n", "<br>")


def build_document(report: Report, *, width: float) -> QTextDocument:
    """The report laid out ``width`` (96-dpi pixels) wide; page numbers of the contents still marked."""
    doc = QTextDocument()
    doc.setDefaultFont(report_font(10))
    doc.setDefaultStyleSheet(STYLE)
    doc.setDocumentMargin(0)
    doc.setTextWidth(width)
    parts = [_cover(report), _overview(report, doc, width)]
    if report.count >= CONTENTS_FROM:
        parts.append(_contents(report))
    story = one_article_story(report.stories[0]) if report.count == 1 and report.stories else ""
    parts += [_article(number, item, story) for number, item in enumerate(report.articles)]
    if report.count > 1:
        parts.append(stories_section(report.stories))
    doc.setHtml("".join(parts))
    return doc


def _cover(report: Report) -> str:
    count = f"{report.count:,} article{'' if report.count == 1 else 's'}"
    return (
        f"<h1>Summary report</h1>"
        f"<p><b>Catalogue:</b> {e(report.catalogue)}</p>"
        f"<p><b>Selection:</b> {e(report.selection)}</p>"
        f"<p><b>Printed on:</b> {e(f'{report.printed_on.day} {report.printed_on:%B %Y}')}</p>"
        f"<p><b>Articles:</b> {count}</p>" + _without_summary(report)
    )


def _without_summary(report: Report) -> str:
    """Said once here, rather than "No summary." under every article that has none."""
    missing = sum(1 for item in report.articles if not (item.article["summary"] or "").strip())
    if not missing:
        return ""
    if missing == report.count:
        words = "none of these articles has one" if report.count > 1 else "this article has none"
    else:
        words = f"{missing:,} of these articles have none" if missing > 1 else "1 of these articles has none"
    return f"<p><b>Summaries:</b> {words}</p>"


def _overview(report: Report, doc: QTextDocument, width: float) -> str:
    if not report.articles:
        return "<p class='muted'>Nothing was selected.</p>"
    if report.count == 1:
        return ""  # a chart of one article says nothing the article does not
    font = report_font(8)
    parts = ["<h2>Overview</h2>"]
    for name, title, image in (
        (
            "outlets",
            "Articles per outlet",
            charts.horizontal_bars(report.per_outlet, width=int(width), font=font),
        ),
        (
            "months",
            _time_caption(report),
            charts.column_bars(report.per_month, width=int(width), height=150, font=font)
            if report.per_month
            else None,
        ),
        (
            "topics",
            "Top topics",
            charts.horizontal_bars(report.top_topics, width=int(width), font=font)
            if report.top_topics
            else None,
        ),
    ):
        if image is None:
            continue
        url = QUrl(f"chart://{name}")
        doc.addResource(QTextDocument.ResourceType.ImageResource, url, image)
        size = image.size() / charts.SCALE
        parts.append(
            f"<h3>{e(title)}</h3><p><img src='{url.toString()}' width='{size.width()}' height='{size.height()}'></p>"
        )
    return "".join(parts)


def _time_caption(report: Report) -> str:
    """ "Articles per year (2 without a year; none in 1999–2002)": what the time chart leaves out."""
    notes = [f"{report.without_month:,} without a {report.period}"] if report.without_month else []
    gaps = charts.gaps_in_words(report.per_month)
    if gaps:
        notes.append(f"none in {gaps}")
    return f"Articles per {report.period}" + (f" ({'; '.join(notes)})" if notes else "")


def _contents(report: Report) -> str:
    rows = "".join(
        f"<tr><td width='88%'>{e(item.article['title'])}"
        f"<span class='muted'> — {e(item.article['outlet'] or 'Unknown outlet')}</span></td>"
        f"<td align='right'>{PAGE_PLACEHOLDER}</td></tr>"
        for item in report.articles
    )
    return f"<h2>Contents</h2><table width='100%' cellspacing='0'>{rows}</table>"


def _article(number: int, item: ReportArticle, story: str = "") -> str:
    article = item.article
    byline = " · ".join(
        [
            e(article["outlet"] or "Unknown outlet"),
            e(", ".join(article["authors"]) or "Unknown author"),
            e(article["date"] or "date unknown"),
        ]
    )
    parts = [
        f"<h2><a name='article-{number}'></a>{e(article['title'])}</h2>",
        f"<p class='meta'>{byline}</p>",
    ]
    if article["topics"]:
        parts.append(f"<p class='meta'>Topics: {e(', '.join(article['topics']))}</p>")
    summary = article["summary"].strip() if article["summary"] else ""
    if summary:  # none: said once on the cover, not under every article
        parts.append(f"<p class='summary'>{e(summary)}</p>")
    parts.append(story)  # a one-article report: the copies of its story, after its summary
    if item.claims:
        parts.append("<h3>Claims</h3>")
        for claim_item in item.claims:
            parts.append(_claim(claim_item))
    if article["source"]:
        path, place = split_source(article["source"])
        where = f", {place.replace('=', ' ', 1)}" if place else ""
        parts.append(f"<p class='muted'>Source file: {e(Path(path).name + where)}</p>")
    return "".join(parts)


def _claim(item) -> str:
    claim = item.claim
    verdict = claim["verdict"]
    colour = VERDICT_COLOURS.get(verdict, "#777777")
    who = ", ".join(part for part in (claim["claimant"], claim["claim_date"]) if part)
    parts = [
        f"<p class='claim'>“{e(claim['text'])}”"
        + (f" <span class='muted'>— {e(who)}</span>" if who else "")
        + f" <span style='color:{colour}; font-weight:bold'>[{e(verdict)}]</span></p>"
    ]
    if claim["explanation"]:
        parts.append(f"<p class='link'>{e(claim['explanation'])}</p>")
    for view in item.links:
        where = ", ".join(part for part in (view.other_title, view.other_outlet, view.other_date) if part)
        phrase = PHRASES[view.link["relation"]][0 if view.outgoing else 1]
        note = f" <span class='muted'>({e(view.link['note'])})</span>" if view.link["note"] else ""
        parts.append(f"<p class='link'>→ {e(phrase)} “{e(view.other['text'])}” — <i>{e(where)}</i>{note}</p>")
    return "".join(parts)
