"""Web archives (``.warc``, ``.warc.gz``): every HTML page a crawler fetched, an article each.

A response record whose page is HTML (status 200, ``text/html`` or ``application/xhtml+xml``)
goes through the web-page extractor with its ``WARC-Target-URI``; its place in the archive is
``record=<that URI>``. Requests, metadata, revisits (a crawler's "same as before") and
responses that are not web pages (images, scripts, redirects, errors) are skipped without a
word. A page with no date of its own takes the date of the crawl, and says so in its notes.

An archive is read as a stream, never whole: ``spans`` finds the byte ranges of its records
in one pass (warcio's record offsets), and ``read`` reads one range, record by record. A
``.warc.gz`` is normally gzip'd record by record, so each range starts a gzip member; one
gzip'd as a single stream cannot be entered in the middle and is read as one range, still
streamed.
"""

import datetime
import functools
import gzip
import io
import zlib
from collections.abc import Iterator

from catalog.importing.formats import Extracted, FormatError, Piece, RecordFailed
from catalog.importing.formats.html import decode_page, extract_page

#: A range holds records up to about this many bytes…
PIECE_BYTES = 8 * 1024 * 1024
#: …and this many records at most.
PIECE_RECORDS = 500
_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: How much is read at once: unpacking the archive, draining a record to its end.
_CHUNK = 64 * 1024
CUT_SHORT = "cut short: the archive ends inside this record"


def spans(path: str, limit: int) -> Iterator[tuple[int, int | None, int]]:
    """The archive's byte ranges of whole records: ``(start, stop, first_number)``, each about
    ``PIECE_BYTES`` or ``PIECE_RECORDS`` records, found in one streaming pass. A damaged or cut
    archive ends in a range that runs to the end of the file: reading it reports the damage.
    ``limit`` is not needed to cut ranges (a record over it is reported when read)."""
    from warcio.exceptions import ArchiveLoadFailed

    with open(path, "rb") as stream:
        bounds = _record_bounds(stream)
        try:
            first = next(bounds, None)
            second = next(bounds, None)
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error, AttributeError, TypeError):
            # One gzip stream for the whole archive (warcio refuses to go past its first
            # record), or damage in the first records (warcio trips on a record cut inside its
            # headers with an AttributeError): one range, read as a stream.
            yield (0, None, 1)
            return
        if first is None:  # no record at all: read() says what the file is
            yield (0, None, 1)
            return
        known = [bound for bound in (first, second) if bound is not None]
        yield from _grouped(known, bounds)


def _grouped(known: list, bounds: Iterator) -> Iterator[tuple[int, int | None, int]]:
    """Records' (start, end) grouped into ranges; the rest as one open range if reading fails."""
    start, end, count, number = None, None, 0, 1
    records = _chain_safely(known, bounds)
    for bound in records:
        if bound is None:  # the archive could not be read past here
            if start is not None or end is not None:
                yield (start if start is not None else end, None, number)
            return
        if start is None:
            start = bound[0]
        end, count = bound[1], count + 1
        if end - start >= PIECE_BYTES or count >= PIECE_RECORDS:
            yield (start, end, number)
            start, number, count = None, number + count, 0
    if start is not None:
        yield (start, end, number)


def _chain_safely(known: list, bounds: Iterator) -> Iterator:
    """The bounds already read, then the rest; None once reading fails (and then stop)."""
    yield from known
    try:
        yield from bounds
    except Exception:  # noqa: BLE001 -- any damage ends the pass; read() names it per record
        yield None


def _record_bounds(stream) -> Iterator[tuple[int, int]]:
    """(start, end) of each record of an archive file, as warcio finds them."""
    archive = _records(stream)
    for _record in archive:
        archive.read_to_end()
        offset = archive.get_record_offset()
        yield (offset, offset + archive.get_record_length())


def read(piece: Piece) -> Iterator[Extracted | RecordFailed]:
    """The articles of a range of an archive (or of a whole small one in ``piece.data``).
    FormatError when the whole file is no archive, or one that holds no web page."""
    found = False
    for result in _read_records(piece):
        found = True
        yield result
    if not found and piece.start == 0 and piece.last:
        raise FormatError("a web archive with no web pages in it")


def _read_records(piece: Piece) -> Iterator[Extracted | RecordFailed]:
    with _opened(piece) as raw:
        if piece.start == 0 and not raw.peek(1):
            raise FormatError("an empty file")
        stream, unpacking = _unpacked(raw)
        number, cut_seen = piece.first_number, False
        place = f"record={number}"
        try:
            for record in _records(stream):
                if record.format != "warc" or not record.rec_type:
                    raise ValueError("not a WARC record")  # warcio also reads old ARC files
                place = _place(record, number)
                result = _article(record, place, piece.limit)
                if result is None and _cut_short(record):
                    result = RecordFailed(place, CUT_SHORT)
                if result is not None:
                    cut_seen = cut_seen or (isinstance(result, RecordFailed) and result.reason == CUT_SHORT)
                    yield result
                number += 1
                place = f"record={number}"
        except Exception as exc:  # noqa: BLE001 -- warcio's errors have no common base we can name
            if number == piece.first_number and piece.start == 0:
                raise FormatError(f"not a readable web archive ({_plain(exc)})") from None
            yield RecordFailed(place, f"a damaged record ({_plain(exc)}); the archive is not read past it")
            return
        if unpacking is not None and unpacking.damage and not cut_seen:
            yield RecordFailed(place, unpacking.damage)


def _records(stream):
    """warcio's iterator over the records of ``stream``, silent: warcio writes a warning to
    the standard error for a record whose length is wrong, and the import's output is ours."""
    return _quiet_iterator()(stream)


@functools.cache
def _quiet_iterator():
    from warcio.archiveiterator import ArchiveIterator

    return type("QuietArchiveIterator", (ArchiveIterator,), {"INC_RECORD": ""})


def _opened(piece: Piece):
    """A binary stream of the piece: its bytes, or its range of the file."""
    if piece.data is not None:
        return io.BufferedReader(io.BytesIO(piece.data))
    handle = open(piece.path, "rb")  # noqa: SIM115 -- closed by _Window's close
    handle.seek(piece.start)
    return io.BufferedReader(_Window(handle, piece.stop - piece.start if piece.stop is not None else None))


def _unpacked(raw) -> tuple[io.BufferedIOBase, "_Unpacking | None"]:
    """The archive's plain WARC bytes: gzip members (one per record, or one for all) unpacked
    as they are read, so warcio sees one uncompressed stream either way; and the unpacker,
    which tells whether the compressed data ended early or was damaged."""
    if raw.peek(2)[:2] != b"\x1f\x8b":
        return raw, None
    unpacking = _Unpacking(gzip.GzipFile(fileobj=raw, mode="rb"))
    return io.BufferedReader(unpacking, buffer_size=_CHUNK), unpacking


class _Unpacking(io.RawIOBase):
    """A gzip stream that ends quietly where its data is cut or damaged and says so in
    ``damage``: warcio takes an error from its stream for the archive's normal end."""

    def __init__(self, packed: gzip.GzipFile):
        self._packed, self.damage = packed, ""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.damage:
            return 0
        try:
            # read1: one step of unpacking, so what came before a cut is handed on, not lost
            data = self._packed.read1(len(buffer))
            buffer[: len(data)] = data
            return len(data)
        except EOFError:
            self.damage = CUT_SHORT
        except (zlib.error, gzip.BadGzipFile, OSError) as exc:
            self.damage = f"damaged compressed data ({_plain(exc)}); the archive is not read past it"
        return 0


class _Window(io.RawIOBase):
    """At most ``size`` bytes of an open file from where it stands (None: to its end)."""

    def __init__(self, handle, size: int | None):
        self._handle, self._left = handle, size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        wanted = len(buffer) if self._left is None else min(len(buffer), self._left)
        data = self._handle.read(wanted)
        buffer[: len(data)] = data
        if self._left is not None:
            self._left -= len(data)
        return len(data)

    def close(self) -> None:
        self._handle.close()
        super().close()


def _place(record, number: int) -> str:
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ")
    return f"record={uri}" if uri else f"record={number}"


def _article(record, place: str, limit: int) -> Extracted | RecordFailed | None:
    """The article of one record; None for a record that is not a web page (skipped)."""
    if not _is_html_page(record):
        return None
    size = _content_length(record)
    if size > limit:
        return RecordFailed(place, f"a page of {size:,} bytes, over the limit of {limit:,} bytes")
    try:
        html = record.content_stream().read(limit + 1)
    except (OSError, ValueError, zlib.error) as exc:  # a Content-Encoding that does not unpack
        return RecordFailed(place, f"a page whose content could not be unpacked ({_plain(exc)})")
    if _cut_short(record):
        return RecordFailed(place, CUT_SHORT)
    if len(html) > limit:
        return RecordFailed(place, f"a page that unpacks to more than the limit of {limit:,} bytes")
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    try:
        page = extract_page(decode_page(html, _charset(record)), url=uri.strip("<> ") if uri else None)
    except Exception as exc:  # noqa: BLE001 -- one page the extractor trips on must not end the archive
        return RecordFailed(place, f"a web page that could not be read ({_plain(exc)})")
    if page is None:
        return RecordFailed(place, "a web page with no article text")
    return _with_crawl_date(page, record, place)


def _is_html_page(record) -> bool:
    """A response of status 200 that holds HTML, by its Content-Type."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return kind in _HTML_TYPES


def _content_length(record) -> int:
    try:
        return int(record.rec_headers.get_header("Content-Length") or 0)
    except ValueError:
        return 0


def _cut_short(record) -> bool:
    """Whether the record's block ended before its Content-Length: the file was cut."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    return getattr(raw, "limit", 0) > 0


def _charset(record) -> str | None:
    """The charset the HTTP response declared, if any."""
    kind = record.http_headers.get_header("Content-Type") or ""
    for part in kind.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _with_crawl_date(page: Extracted, record, place: str) -> Extracted:
    """The page with its place, and the crawl's date when the page has none of its own."""
    from dataclasses import replace

    if page.date is not None:
        return replace(page, place=place)
    crawled = _crawl_date(record)
    if crawled is None:
        return replace(page, place=place)
    return replace(page, place=place, date=crawled, notes="date of the crawl (the page has no date)")


def _crawl_date(record) -> datetime.date | None:
    text = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _plain(exc: Exception) -> str:
    """An exception's message on one line, without warcio's advice on re-compressing."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    # warcio quotes the first line of what it could not read: binary junk, not for people.
    text = text.split(", first line:")[0]
    if isinstance(exc, (AttributeError, TypeError)):  # warcio tripping on a record cut short
        text = "its headers are cut short or damaged"
    return "".join(c if c.isprintable() else "?" for c in text[:200])
