"""Saved web pages (``.html``, ``.htm``, ``.html.gz``): the article's main text and its metadata.

trafilatura finds the main text (without navigation, adverts, banners, related links and
comments) and, with htmldate, the page's title, authors, date, site name and canonical URL.
"""

from collections.abc import Iterator

from catalog.importing.formats import Extracted, FormatError, Piece, RecordFailed, gunzip_limited


def read(piece: Piece) -> Iterator[Extracted | RecordFailed]:
    data = piece.data or b""
    if data.startswith(b"\x1f\x8b"):
        data = gunzip_limited(data, piece.limit)
    page = extract_page(data)
    if page is None:
        raise FormatError("a web page with no article text found in it")
    yield page


def extract_page(html: bytes | str, url: str | None = None) -> Extracted | None:
    """The article in a web page, or None when the page holds no main text."""
    import trafilatura

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if document is None or not (document.text or "").strip():
        return None
    body = "\n\n".join(line.strip() for line in document.text.split("\n") if line.strip())
    date = None
    if document.date:
        import datetime

        try:
            date = datetime.date.fromisoformat(document.date[:10])
        except ValueError:
            date = None
    authors = tuple(name.strip() for name in (document.author or "").split(";") if name.strip())
    return Extracted(
        body=body,
        title=(document.title or "").strip(),
        authors=authors,
        date=date,
        outlet=(document.sitename or "").strip() or None,
        url=document.url or url,
    )
