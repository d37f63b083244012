"""Saved web pages: the article's text without the page's clutter, its metadata, and bad input
reported with a reason (catalog.importing.formats.html)."""

import datetime
import gzip
import os
import time

import pytest

from catalog.importing.formats import Extracted, FormatError, Piece
from catalog.importing.formats.html import decode_page, extract_page, read
from tests.story_texts import WEB_PAGES
from tests.web_files import CLUTTER, article_paragraphs, corpus_pages, news_page


def read_one(data: bytes, name: str = "page.html", limit: int = 10 * 1024 * 1024) -> Extracted:
    [page] = list(read(Piece(path=name, format="html", data=data, limit=limit)))
    return page


def test_a_news_page_gives_its_paragraphs_without_the_clutter_around_them():
    paragraphs = article_paragraphs(0, 5)
    page = read_one(news_page(paragraphs).encode())
    assert page.body == "\n\n".join(paragraphs)
    for kind, marker in CLUTTER.items():
        assert marker[:30] not in page.body, kind
    assert "By Jane Citizen" not in page.body


def test_a_news_page_gives_its_metadata():
    page = read_one(news_page(article_paragraphs(5, 3)).encode())
    assert page.title == "Council approves new budget"
    assert page.authors == ("Jane Citizen",)
    assert page.date == datetime.date(2021, 3, 4)
    assert page.outlet == "Daily Courier"
    assert page.url == "https://www.dailycourier.example/news/2021/budget"
    assert page.notes == "" and page.place == ""


def test_the_headline_is_the_title_and_not_repeated_in_the_body():
    page = read_one(news_page(article_paragraphs(8, 2), title="Fire threatens Hill Top").encode())
    assert page.title == "Fire threatens Hill Top"
    assert not page.body.startswith("Fire threatens Hill Top")


def test_authors_joined_by_the_page_are_split():
    page = read_one(news_page(article_paragraphs(0, 3), author="Jane Citizen; John Smith").encode())
    assert page.authors == ("Jane Citizen", "John Smith")


def test_the_outlet_is_not_one_of_the_authors():
    page = read_one(news_page(article_paragraphs(0, 3), author="Jane Citizen; Daily Courier").encode())
    assert page.authors == ("Jane Citizen",) and page.outlet == "Daily Courier"


def test_json_ld_authors_and_date_are_read():
    script = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
        ' "headline": "Council approves new budget", "datePublished": "2020-02-03",'
        ' "author": [{"@type": "Person", "name": "Jane Citizen"}, {"@type": "Person", "name": "John Smith"}],'
        ' "publisher": {"@type": "Organization", "name": "The Courier"}}</script></head>'
    )
    html = news_page(article_paragraphs(0, 3), author=None, date=None, site=None).replace("</head>", script)
    page = read_one(html.encode())
    assert page.authors == ("Jane Citizen", "John Smith")
    assert page.date == datetime.date(2020, 2, 3)
    assert page.outlet == "The Courier"


def test_a_page_without_a_date_gets_none_not_its_copyright_year_nor_today():
    html = news_page(article_paragraphs(10, 3), date=None).replace("Copyright Daily", "© 2019 Daily")
    html = html.replace("</footer>", "<p>Site updated 3 March 2021</p></footer>")
    page = read_one(html.encode())
    assert page.date is None
    assert page.notes == "no date in the page"


def test_the_outlet_falls_back_to_the_host_name_of_the_canonical_address():
    page = read_one(news_page(article_paragraphs(0, 3), site=None).encode())
    assert page.outlet == "dailycourier.example"


def test_a_page_with_no_site_name_nor_address_has_no_outlet():
    page = read_one(news_page(article_paragraphs(0, 3), site=None, canonical=None).encode())
    assert page.outlet is None and page.url is None


def test_the_address_it_was_fetched_from_stands_in_for_a_missing_canonical_one():
    html = news_page(article_paragraphs(0, 3), site=None, canonical=None)
    page = extract_page(html, url="https://www.abc.example/news/story")
    assert page.url == "https://www.abc.example/news/story"
    assert page.outlet == "abc.example"


def test_a_gzipped_page_is_unpacked():
    paragraphs = article_paragraphs(3, 3)
    page = read_one(gzip.compress(news_page(paragraphs).encode()), name="page.html.gz")
    assert page.body == "\n\n".join(paragraphs)


def test_a_gzipped_page_that_unpacks_past_the_limit_is_refused():
    bomb = gzip.compress(news_page(article_paragraphs(0, 3)).encode() + b" " * 3_000_000)
    with pytest.raises(FormatError, match="more than the limit"):
        read_one(bomb, name="page.html.gz", limit=1_000_000)


def test_damaged_gzip_data_is_refused_with_a_reason():
    data = gzip.compress(news_page(article_paragraphs(0, 3)).encode())
    with pytest.raises(FormatError, match="damaged gzip"):
        read_one(data[:12] + b"\x00" * 40 + data[52:], name="page.html.gz")


LEGACY_TEXT = "“Café society” — a naïve résumé of the façade, said Zoë; the budget rose to €3 million."


@pytest.mark.parametrize("label", ["windows-1252", "iso-8859-1", "latin1"])
def test_a_page_in_a_legacy_encoding_is_read_by_its_declared_charset(label):
    html = news_page([LEGACY_TEXT, *article_paragraphs(0, 2)], charset=label)
    page = read_one(html.encode("cp1252"))
    assert page.body.startswith(LEGACY_TEXT)


def test_a_utf8_page_labelled_latin1_is_read_as_utf8():
    html = news_page([LEGACY_TEXT, *article_paragraphs(0, 2)], charset="iso-8859-1")
    assert read_one(html.encode("utf-8")).body.startswith(LEGACY_TEXT)


def test_an_http_charset_decodes_a_page_that_declares_none():
    data = ("<html><body><p>" + LEGACY_TEXT + "</p></body></html>").encode("cp1252")
    assert LEGACY_TEXT in decode_page(data, "windows-1252")


def test_a_page_in_cyrillic_without_a_declared_charset_is_detected():
    text = "Правительство объявило о новых мерах поддержки экономики и увеличении пенсий с первого января."
    data = f"<html><head></head><body><article><p>{text}</p><p>{text}</p></article></body></html>".encode(
        "cp1251"
    )
    assert text in decode_page(data)


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n "], ids=["empty", "blank"])
def test_an_empty_file_is_refused(data):
    with pytest.raises(FormatError, match="an empty file"):
        read_one(data)


@pytest.mark.parametrize(
    "data",
    [os.urandom(20_000), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(5000), b"\x00" * 1000],
    ids=["random", "png", "nuls"],
)
def test_binary_junk_named_html_is_refused(data):
    with pytest.raises(FormatError, match="not a web page"):
        read_one(data)


def test_a_stray_nul_in_a_real_page_does_not_make_it_binary():
    paragraphs = article_paragraphs(12, 3)
    html = news_page(paragraphs).replace("</h1>", "</h1>\x00")
    assert read_one(html.encode()).body == "\n\n".join(paragraphs)


def test_an_xhtml_page_with_an_xml_declaration_is_read():
    paragraphs = article_paragraphs(14, 3)
    declaration = '<?xml version="1.0" encoding="UTF-8"?>\n'
    html = declaration + news_page(paragraphs).replace("<!DOCTYPE html>", "").replace(
        '<html lang="en">', '<html xmlns="http://www.w3.org/1999/xhtml" lang="en">'
    )
    assert read_one(html.encode(), name="page.xhtml").body == "\n\n".join(paragraphs)


def test_a_utf16_page_with_a_byte_order_mark_is_read():
    paragraphs = article_paragraphs(16, 3)
    assert read_one(news_page(paragraphs).encode("utf-16")).body == "\n\n".join(paragraphs)


def test_a_page_with_no_article_text_is_refused():
    links = "".join(f'<li><a href="/{n}">Section {n}</a></li>' for n in range(30))
    html = f"<html><head><title>Index</title></head><body><nav><ul>{links}</ul></nav></body></html>"
    with pytest.raises(FormatError, match="a web page with no article text"):
        read_one(html.encode())


def test_markup_soup_is_refused_with_a_reason_not_a_traceback():
    with pytest.raises(FormatError, match="no article text"):
        read_one(b"<<<>>><p><div></span>&&& <b <html></html></html>")


def test_malformed_markup_around_real_paragraphs_still_gives_them():
    paragraphs = article_paragraphs(20, 3)
    html = "<html><body><div><article><p>" + "<p>".join(paragraphs) + "<div><span></b></i></article></td>"
    page = read_one(html.encode())
    for paragraph in paragraphs:
        assert paragraph in page.body


def test_a_large_page_under_the_limit_takes_seconds_not_minutes():
    paragraphs = article_paragraphs(0, 300) * 30  # about 5 MB of real text
    html = news_page(paragraphs).encode()
    assert len(html) > 4_500_000
    started = time.perf_counter()
    page = read_one(html, limit=len(html))
    assert time.perf_counter() - started < 60
    assert page.body.startswith(paragraphs[0])


def test_the_body_has_no_trailing_spaces_and_paragraphs_apart_by_one_blank_line():
    paragraphs = article_paragraphs(30, 3)
    messy = [f"  {paragraph.replace(' ', '   ', 3)}\t\n " for paragraph in paragraphs]
    page = read_one(news_page(messy).encode())
    assert page.body == "\n\n".join(paragraphs)


CORPUS = corpus_pages()


@pytest.mark.parametrize("name", sorted(WEB_PAGES))
def test_real_news_pages_give_their_paragraphs(name):
    page = read_one((CORPUS / f"{name}.html.gz").read_bytes(), name=f"{name}.html.gz")
    for paragraph in WEB_PAGES[name]:
        if paragraph.startswith("Under Chancellor Otto von Bismarck"):
            continue  # a teaser for another article (a box beside this one), rightly left out
        assert " ".join(paragraph.split()[2:14]) in page.body


def test_a_real_reuters_page_gives_its_metadata():
    page = read_one((CORPUS / "reuters.com.parasite.html.gz").read_bytes())
    assert page.title == "'Parasite' scores historic upset at SAG awards, boosting Oscar chances"
    assert page.authors == ("Jill Serjeant",)
    assert page.date == datetime.date(2020, 1, 20)
    assert page.outlet == "Reuters"
    assert page.url == "https://www.reuters.com/article/us-awards-sag-idUSKBN1ZI0EH"


def test_every_real_page_gives_an_article_and_no_invented_date():
    today = datetime.date.today()
    for path in sorted(CORPUS.glob("*.html.gz")):
        page = read_one(path.read_bytes(), name=path.name)
        assert page.body.strip(), path.name
        assert "\n\n\n" not in page.body and not any(line != line.strip() for line in page.body.split("\n"))
        assert page.date != today, path.name
        assert (page.date is None) == (page.notes == "no date in the page"), path.name
        # A copyright year comes as 1 January: none of these pages was published on one.
        assert page.date is None or (page.date.month, page.date.day) != (1, 1), path.name
