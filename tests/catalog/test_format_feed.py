"""The feed reader: RSS, Atom and RDF items as articles, HTML as paragraphs, bad feeds reported."""

import datetime

import pytest

from catalog.importing.formats import Extracted, FormatError, Piece, RecordFailed, feed
from catalog.importing.formats.feed import html_paragraphs
from tests.document_files import atom_feed, paragraphs, rss_feed, seed_paragraphs


def read_feed(text: str):
    return list(feed.read(Piece("news.rss", "feed", data=text.encode("utf-8"))))


def as_html(written: list[str]) -> str:
    return "".join(f"<p>{paragraph}</p>\n" for paragraph in written)


def test_rss_items_with_full_content_summary_author_date_and_link():
    written = paragraphs(6, 3)
    item = {
        "title": "Seles & Gambill win",
        "link": "https://www.canberratimes.com.au/sport/hopman",
        "author": "Jane Citizen",
        "date": "Wed, 02 Jan 2002 08:30:00 +1100",
        "summary": written[0],
        "content": as_html(written),
    }
    [article] = read_feed(rss_feed([item]))
    assert article == Extracted(
        body="\n\n".join(written),
        title="Seles & Gambill win",
        authors=("Jane Citizen",),
        date=datetime.date(2002, 1, 2),  # the day as written, not the UTC day before
        outlet="The Canberra Times",
        url="https://www.canberratimes.com.au/sport/hopman",
        place="item=https://www.canberratimes.com.au/sport/hopman",
        summary=written[0],
    )


def test_an_item_without_content_is_its_summary_and_without_a_link_is_numbered():
    written = paragraphs(5, 2)
    items = [
        {"title": "One", "link": "https://example.org/1", "content": as_html(paragraphs(6, 1))},
        {"title": "Two", "summary": as_html(written)},
    ]
    _, second = read_feed(rss_feed(items))
    assert second.body.split("\n\n") == written and second.summary == ""
    assert second.place == "item=2" and second.url is None


def test_atom_entries_published_else_updated():
    written = seed_paragraphs()[:3]
    entries = [
        {
            "title": "US debates victory",
            "link": "https://example.org/a",
            "author": "Dave DeCamp",
            "published": "2022-06-29T10:00:00-04:00",
            "updated": "2022-07-01T00:00:00Z",
            "content": as_html(written),
        },
        {
            "title": "Updated only",
            "link": "https://example.org/b",
            "updated": "2022-07-02T23:30:00-04:00",
            "summary": written[0],
        },
    ]
    first, second = read_feed(atom_feed(entries))
    assert first.body.split("\n\n") == written
    assert (first.authors, first.date, first.outlet) == (
        ("Dave DeCamp",),
        datetime.date(2022, 6, 29),
        "ABC News",
    )
    assert second.date == datetime.date(2022, 7, 2)
    assert second.body == written[0]


def test_rdf_items():
    written = paragraphs(5, 1)
    rdf = (
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="https://example.org/"><title>Wire</title><link>https://example.org/</link></channel>'
        f'<item rdf:about="https://example.org/x"><title>Asylum</title><link>https://example.org/x</link>'
        f"<description>{written[0]}</description><dc:creator>John Smith</dc:creator><dc:date>2002-01-02</dc:date></item>"
        "</rdf:RDF>"
    )
    [article] = read_feed(rdf)
    assert (article.title, article.body, article.authors, article.date, article.outlet) == (
        "Asylum",
        written[0],
        ("John Smith",),
        datetime.date(2002, 1, 2),
        "Wire",
    )


def test_an_item_with_only_a_title_and_link_is_reported_and_the_others_read():
    items = [
        {"title": "Headline only", "link": "https://example.org/h"},
        {"title": "Full", "content": as_html(paragraphs(6, 2))},
    ]
    failed, article = read_feed(rss_feed(items))
    assert failed == RecordFailed(
        "item=https://example.org/h",
        "an item with no text: only a title and a link (the feed carries no content)",
    )
    assert article.title == "Full"


def test_a_feed_cut_short_gives_the_items_it_still_holds():
    items = [
        {"title": f"Story {n}", "link": f"https://example.org/{n}", "content": as_html(paragraphs(6, 2))}
        for n in range(3)
    ]
    text = rss_feed(items)
    results = read_feed(text[: text.index("Story 2") + 3])
    assert [result.title for result in results if isinstance(result, Extracted)][:2] == ["Story 0", "Story 1"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (rss_feed([]), "^a feed with no items$"),
        ("<rss><channel><title>Broken", "^a malformed feed, no item could be read"),
        ("<html><body><p>A page, not a feed.</p></body></html>", "not an RSS, Atom or RDF feed"),
        ("", "empty"),
    ],
    ids=["no-items", "cut", "html", "empty"],
)
def test_a_feed_that_gives_no_article_is_reported(text, reason):
    with pytest.raises(FormatError, match=reason):
        read_feed(text)


def test_a_malformed_feed_s_items_are_read_as_far_as_they_go():
    text = '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cut</title></chan></rss>'
    assert read_feed(text) == [
        RecordFailed("item=1", "an item with no text: only a title (the feed carries no content)")
    ]


def test_a_feed_is_never_fetched_from_the_address_it_looks_like():
    with pytest.raises(FormatError):
        list(feed.read(Piece("x.rss", "feed", data=b"https://example.org/feed.xml")))


def test_simple_html_keeps_paragraphs_line_breaks_and_drops_scripts():
    html = "<p>One <b>two</b>\n three</p><script>var x = 1;</script>after<p>Four<br>five</p><ul><li>a</li><li>b</li></ul><!-- c -->end"
    assert html_paragraphs(html) == ["One two three", "after", "Four\nfive", "a", "b", "end"]
    assert html_paragraphs("") == []
    assert html_paragraphs("<div>" * 5000 + "deep" + "</div>" * 5000) == ["deep"]
