"""Web pages and web archives for the format tests, made from real articles.

``news_page`` wraps real sentences (the Lee corpus of Australian news) in the markup a news
site puts around an article: navigation, a cookie banner, adverts, a related-links box,
reader comments, a footer; each kind of clutter carries a marker sentence the tests look for.
``write_warc`` writes a web archive with warcio's own writer. ``corpus_pages`` finds the
project's 109 real pages (from trafilatura's test cache), kept outside the repository.
"""

import gzip
import html
import os
from io import BytesIO
from pathlib import Path

from benchmarks.real_text import lee_articles
from tests.helpers import REPO

#: One marker sentence in each kind of clutter around an article: none may reach the body.
CLUTTER = {
    "navigation": "Home World Business Sport Weather Subscribe now",
    "cookie banner": "We use cookies to improve your experience on our site, accept all cookies",
    "advert": "Advertisement: Save 50 per cent on a digital subscription today only",
    "related links": "Related stories you might have missed this week",
    "comments": "Comment by reader4821: this is the worst reporting I have ever read",
    "footer": "Copyright Daily Courier Pty Ltd, all rights reserved, terms of use",
}


def article_paragraphs(start: int = 0, count: int = 5) -> list[str]:
    """``count`` paragraphs of real news text: sentences of the Lee corpus's articles."""
    paragraphs = []
    for article in lee_articles()[start : start + count]:
        sentences = article.replace(". ", ".\n").splitlines()
        paragraphs.append(" ".join(sentences[:4]))
    return paragraphs


def news_page(
    paragraphs: list[str],
    *,
    title: str = "Council approves new budget",
    author: str | None = "Jane Citizen",
    date: str | None = "2021-03-04",
    site: str | None = "Daily Courier",
    canonical: str | None = "https://www.dailycourier.example/news/2021/budget",
    charset: str = "utf-8",
) -> str:
    """An article page as a news site serves it, with every kind of clutter around it."""
    esc = html.escape
    meta = [f'<meta charset="{charset}">', f"<title>{esc(title)} | {esc(site or 'News')}</title>"]
    if site:
        meta.append(f'<meta property="og:site_name" content="{esc(site)}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{esc(canonical)}">')
    if author:
        meta.append(f'<meta name="author" content="{esc(author)}">')
    if date:
        meta.append(f'<meta property="article:published_time" content="{date}T08:30:00+10:00">')
    meta.append(f'<meta property="og:title" content="{esc(title)}">')
    body = "\n".join(f"<p>{esc(paragraph)}</p>" for paragraph in paragraphs)
    related = "".join(f'<li><a href="/news/{n}">{CLUTTER["related links"]} {n}</a></li>' for n in range(4))
    return f"""<!DOCTYPE html>
<html lang="en"><head>{"".join(meta)}</head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>{CLUTTER["cookie banner"]}</p><button>Accept</button></div>
<header><nav class="main-nav"><ul>{"".join(f'<li><a href="/{w}">{w}</a></li>' for w in CLUTTER["navigation"].split())}</ul></nav></header>
<main>
<article class="story">
<h1>{esc(title)}</h1>
<p class="byline">By {esc(author or "Staff")}</p>
{body}
</article>
<aside class="advert ad-slot"><p>{CLUTTER["advert"]}</p></aside>
<aside class="related"><h2>Related</h2><ul>{related}</ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>{CLUTTER["comments"]}</p></div></section>
</main>
<footer class="site-footer"><p>{CLUTTER["footer"]}</p></footer>
</body></html>
"""


def write_warc(path: Path, records: list[dict], *, gzipped: bool = True) -> Path:
    """A web archive at ``path`` (gzip'd record by record when ``gzipped``). Each record is a
    dict: ``uri``, ``body`` (bytes), and optionally ``type`` ("response", "request",
    "revisit", "metadata"), ``status`` ("200 OK"), ``content_type`` ("text/html"),
    ``date`` (a WARC-Date), ``http_headers`` (more headers of the response). A warcinfo
    record comes first."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "catalog tests"}))
        for record in records:
            writer.write_record(_warc_record(writer, record, StatusAndHeaders))
    return path


def _warc_record(writer, record: dict, status_and_headers):
    kind = record.get("type", "response")
    body = record.get("body", b"")
    headers = {"WARC-Date": record["date"]} if "date" in record else None
    if kind == "revisit":
        return writer.create_revisit_record(
            record["uri"],
            digest="sha1:AAAA",
            refers_to_uri=record["uri"],
            refers_to_date="2020-01-01T00:00:00Z",
        )
    if kind == "request":
        http = status_and_headers("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        return writer.create_warc_record(record["uri"], "request", payload=BytesIO(b""), http_headers=http)
    if kind == "metadata":
        return writer.create_warc_record(
            record["uri"], "metadata", payload=BytesIO(body), warc_content_type="text/plain"
        )
    content_type = record.get("content_type", "text/html; charset=utf-8")
    http = status_and_headers(
        record.get("status", "200 OK"),
        [("Content-Type", content_type), ("Content-Length", str(len(body))), *record.get("http_headers", [])],
        protocol="HTTP/1.1",
    )
    return writer.create_warc_record(
        record["uri"], "response", payload=BytesIO(body), http_headers=http, warc_headers_dict=headers
    )


def gzipped_as_one_stream(path: Path, target: Path) -> Path:
    """The archive at ``path`` (uncompressed) gzip'd whole, as ``gzip file.warc`` does."""
    target.write_bytes(gzip.compress(path.read_bytes()))
    return target


def corpus_pages() -> Path:
    """The folder of the 109 real web pages (``CATALOG_WEB_PAGES``, or shared/corpora/web-pages
    beside the repository or in /work); where this machine has none, the twelve of them kept in
    tests/fixtures/web-pages."""
    candidates = [os.environ.get("CATALOG_WEB_PAGES", ""), REPO.parent / "shared/corpora/web-pages"]
    candidates.append(Path("/work/shared/corpora/web-pages"))
    for candidate in candidates:
        if candidate and Path(candidate).is_dir() and any(Path(candidate).glob("*.html.gz")):
            return Path(candidate)
    return REPO / "tests" / "fixtures" / "web-pages"
