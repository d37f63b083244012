"""Web archives: each HTML response an article, read in ranges of whole records as a stream,
and cut or damaged archives reported on the record where they break
(catalog.importing.formats.warc)."""

import datetime
import gzip
import itertools
import os

import pytest

from catalog.importing.formats import Extracted, FormatError, Piece, RecordFailed, warc
from tests.web_files import article_paragraphs, gzipped_as_one_stream, news_page, write_warc

LIMIT = 10 * 1024 * 1024


def page_record(number: int, **page) -> dict:
    """A response record of a real-text news page at https://news.example/story/<number>."""
    page.setdefault("canonical", None)
    html = news_page(article_paragraphs(number * 3 % 290, 3), title=f"Story number {number}", **page)
    return {
        "uri": f"https://news.example/story/{number}",
        "body": html.encode(),
        "date": "2024-05-06T07:08:09Z",
    }


def clutter_records() -> list[dict]:
    """Records a crawl holds besides pages: none of them is an article."""
    return [
        {"uri": "https://news.example/logo.png", "body": os.urandom(3000), "content_type": "image/png"},
        {"uri": "https://news.example/story/1", "type": "request"},
        {"uri": "https://news.example/story/1", "type": "revisit"},
        {
            "uri": "https://news.example/gone",
            "status": "404 Not Found",
            "body": news_page(["Not here."]).encode(),
        },
        {"uri": "https://news.example/moved", "status": "301 Moved Permanently", "body": b""},
        {
            "uri": "https://news.example/app.js",
            "body": b"var x = 1;",
            "content_type": "application/javascript",
        },
        {"uri": "metadata://crawl", "type": "metadata", "body": b"outlinks: 12"},
    ]


def read_all(path, limit: int = LIMIT) -> list[Extracted | RecordFailed]:
    """Every result of reading the archive at ``path`` range by range, as the import does."""
    results = []
    for start, stop, first in warc.spans(str(path), limit):
        piece = Piece(path=str(path), format="warc", start=start, stop=stop, first_number=first, limit=limit)
        results.extend(warc.read(piece))
    return results


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_each_html_response_is_an_article_and_the_rest_is_skipped(tmp_path, gzipped):
    records = [page_record(1), *clutter_records(), page_record(2), page_record(3)]
    path = write_warc(tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc"), records, gzipped=gzipped)
    results = read_all(path)
    assert all(isinstance(result, Extracted) for result in results)
    assert [result.place for result in results] == [
        f"record=https://news.example/story/{n}" for n in (1, 2, 3)
    ]
    assert [result.title for result in results] == [f"Story number {n}" for n in (1, 2, 3)]
    assert results[0].body == "\n\n".join(article_paragraphs(3, 3))
    assert "cookies" not in results[0].body


def test_the_url_is_the_canonical_address_or_else_the_target_uri(tmp_path):
    canonical = "https://www.news.example/2021/03/04/the-story"
    records = [page_record(1, canonical=canonical), page_record(2)]
    first, second = read_all(write_warc(tmp_path / "crawl.warc.gz", records))
    assert first.url == canonical
    assert second.url == "https://news.example/story/2"
    assert first.place == "record=https://news.example/story/1"


def test_a_page_without_a_date_takes_the_crawl_date_and_says_so(tmp_path):
    records = [page_record(1, date="2021-03-04"), page_record(2, date=None)]
    dated, undated = read_all(write_warc(tmp_path / "crawl.warc.gz", records))
    assert dated.date == datetime.date(2021, 3, 4) and dated.notes == ""
    assert undated.date == datetime.date(2024, 5, 6)
    assert "date of the crawl" in undated.notes


def test_xhtml_responses_and_an_http_charset_are_read(tmp_path):
    text = "“Café society” — a naïve résumé of the façade, said Zoë; the budget rose to €3 million."
    legacy = news_page([text, *article_paragraphs(40, 2)], canonical=None).replace(
        '<meta charset="utf-8">', ""
    )
    records = [
        {**page_record(1), "content_type": "application/xhtml+xml"},
        {
            "uri": "https://news.example/legacy",
            "body": legacy.encode("cp1252"),
            "content_type": "text/html; charset=windows-1252",
        },
    ]
    xhtml, decoded = read_all(write_warc(tmp_path / "crawl.warc.gz", records))
    assert xhtml.title == "Story number 1"
    assert decoded.body.startswith(text)


def test_a_page_sent_gzip_encoded_is_unpacked(tmp_path):
    record = page_record(1)
    packed = {**record, "body": gzip.compress(record["body"]), "http_headers": [("Content-Encoding", "gzip")]}
    [page] = read_all(write_warc(tmp_path / "crawl.warc.gz", [packed]))
    assert page.title == "Story number 1"
    assert page.body == "\n\n".join(article_paragraphs(3, 3))


def test_a_page_the_extractor_trips_on_is_reported_and_the_rest_read(tmp_path, monkeypatch):
    real_extract = warc.extract_page

    def tripping(html, url=None):
        if url.endswith("/2"):
            raise RecursionError("maximum recursion depth exceeded")
        return real_extract(html, url)

    monkeypatch.setattr(warc, "extract_page", tripping)
    results = read_all(write_warc(tmp_path / "crawl.warc.gz", [page_record(n) for n in (1, 2, 3)]))
    assert [type(result) for result in results] == [Extracted, RecordFailed, Extracted]
    assert results[1].reason == "a web page that could not be read (maximum recursion depth exceeded)"


def test_a_record_over_the_limit_is_reported_and_the_rest_read(tmp_path):
    big = {"uri": "https://news.example/big", "body": news_page(article_paragraphs(0, 200)).encode()}
    path = write_warc(tmp_path / "crawl.warc.gz", [page_record(1), big, page_record(2)])
    results = read_all(path, limit=60_000)
    assert [type(result) for result in results] == [Extracted, RecordFailed, Extracted]
    assert results[1].place == "record=https://news.example/big"
    assert "over the limit of 60,000 bytes" in results[1].reason


def test_a_page_with_no_article_text_is_reported(tmp_path):
    links = "".join(f'<li><a href="/{n}">Section {n}</a></li>' for n in range(20))
    index = {
        "uri": "https://news.example/",
        "body": f"<html><body><nav><ul>{links}</ul></nav></body></html>".encode(),
    }
    results = read_all(write_warc(tmp_path / "crawl.warc.gz", [index, page_record(1)]))
    assert results[0] == RecordFailed("record=https://news.example/", "a web page with no article text")
    assert isinstance(results[1], Extracted)


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_an_archive_cut_mid_record_gives_the_records_before_and_reports_the_cut_one(tmp_path, gzipped):
    records = [page_record(n) for n in range(1, 5)]
    whole = write_warc(tmp_path / "whole.warc", records, gzipped=gzipped)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    cut.write_bytes(data[: len(data) - 1200])
    results = read_all(cut)
    assert [type(result) for result in results] == [Extracted, Extracted, Extracted, RecordFailed]
    assert results[3].place == "record=https://news.example/story/4"
    assert results[3].reason.startswith("cut short")


def test_a_cut_inside_a_skipped_record_is_still_reported(tmp_path):
    image = {
        "uri": "https://news.example/photo.jpg",
        "body": os.urandom(20_000),
        "content_type": "image/jpeg",
    }
    whole = write_warc(tmp_path / "whole.warc", [page_record(1), image], gzipped=False)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole.read_bytes()[:-5000])
    results = read_all(cut)
    assert isinstance(results[0], Extracted)
    assert results[1] == RecordFailed("record=https://news.example/photo.jpg", warc.CUT_SHORT)


def test_damaged_compressed_data_is_reported_after_the_records_before_it(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", [page_record(n) for n in range(1, 4)])
    data = bytearray(path.read_bytes())
    data[-900:-700] = os.urandom(200)
    path.write_bytes(bytes(data))
    results = read_all(path)
    assert [type(result) for result in results[:2]] == [Extracted, Extracted]
    assert isinstance(results[-1], RecordFailed)
    assert "damaged" in results[-1].reason or "cut short" in results[-1].reason


def test_a_warc_gz_gzipped_as_one_stream_is_read_whole_as_one_range(tmp_path):
    plain = write_warc(tmp_path / "crawl.warc", [page_record(n) for n in range(1, 4)], gzipped=False)
    single = gzipped_as_one_stream(plain, tmp_path / "single.warc.gz")
    assert list(warc.spans(str(single), LIMIT)) == [(0, None, 1)]
    assert [result.place for result in read_all(single)] == [
        f"record=https://news.example/story/{n}" for n in (1, 2, 3)
    ]


def test_a_small_archive_handed_over_as_bytes_is_read(tmp_path):
    path = write_warc(tmp_path / "saved.html", [page_record(1), page_record(2)])
    for data in (path.read_bytes(), gzip.decompress(path.read_bytes())):
        results = list(warc.read(Piece(path=str(path), format="warc", data=data)))
        assert [result.title for result in results] == ["Story number 1", "Story number 2"]


def test_a_large_archive_is_cut_into_ranges_each_read_alone_from_its_part_of_the_file(tmp_path, monkeypatch):
    """A few-MB archive: ranges of whole records that tile the file, numbered across ranges,
    each read from its own bytes only (the stream never holds the whole file)."""
    images = [
        {"uri": f"https://news.example/photo/{n}.jpg", "body": os.urandom(6000), "content_type": "image/jpeg"}
        for n in range(700)
    ]
    records = images[:350] + [page_record(1)] + images[350:] + [page_record(2)]
    path = write_warc(tmp_path / "crawl.warc.gz", records)
    size = path.stat().st_size
    assert size > 4_000_000
    monkeypatch.setattr(warc, "PIECE_BYTES", 1024 * 1024)
    spans = list(warc.spans(str(path), LIMIT))
    assert len(spans) >= 4
    assert spans[0][0] == 0 and spans[-1][1] == size
    assert all(stop == next_start for (_, stop, _), (next_start, _, _) in itertools.pairwise(spans))
    assert [first for _, _, first in spans] == sorted({first for _, _, first in spans})
    assert spans[0][2] == 1 and all(stop - start <= 1024 * 1024 + 7000 for start, stop, _ in spans)

    read_bytes = []
    real_open = open

    class CountingFile:
        """A file that counts the bytes read from it."""

        def __init__(self, name, mode):
            self._file = real_open(name, mode)
            read_bytes.append(0)

        def read(self, size=-1):
            data = self._file.read(size)
            read_bytes[-1] += len(data)
            return data

        def seek(self, offset, whence=0):
            return self._file.seek(offset, whence)

        def close(self):
            self._file.close()

    monkeypatch.setattr(warc, "open", CountingFile, raising=False)
    results = []
    for start, stop, first in spans:
        piece = Piece(
            path=str(path), format="warc", start=start, stop=stop, first_number=first, last=stop == size
        )
        results.extend(warc.read(piece))
        assert read_bytes[-1] <= stop - start
    assert [result.place for result in results] == [
        "record=https://news.example/story/1",
        "record=https://news.example/story/2",
    ]


def test_ranges_hold_at_most_500_records(tmp_path):
    tiny = [
        {"uri": f"https://news.example/{n}.gif", "body": b"GIF89a", "content_type": "image/gif"}
        for n in range(1200)
    ]
    path = write_warc(tmp_path / "crawl.warc", tiny, gzipped=False)
    spans = list(warc.spans(str(path), LIMIT))
    assert [first for _, _, first in spans] == [1, 501, 1001]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "an empty file"),
        (b"WARC/1.0\r\nthis is not a header\r\n\r\n" + os.urandom(500), "not a readable web archive"),
        (gzip.compress(b"hello, this is no archive at all\n" * 50), "not a readable web archive"),
    ],
    ids=["empty", "junk after WARC/", "gzip of text"],
)
def test_a_file_that_is_no_archive_is_refused_with_a_reason(tmp_path, data, reason):
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(data)
    with pytest.raises(FormatError, match=reason):
        read_all(path)


def test_an_archive_with_no_web_page_is_refused_with_a_reason(tmp_path):
    path = write_warc(tmp_path / "images.warc.gz", clutter_records())
    with pytest.raises(FormatError, match="a web archive with no web pages"):
        read_all(path)
