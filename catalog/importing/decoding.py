"""Bytes of a file as text: BOMs, strict UTF-8, then a detected legacy encoding; binaries refused."""

import codecs
import re


class NotText(Exception):
    """The bytes are not a text article; the message says why, for people."""


# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
_ALL_SIGNATURES = tuple(signature for signature, _ in _SIGNATURES)
# Legacy encodings newsroom files turn up in, most likely first: a short list keeps
# detection fast and sharp, and the order settles ties between equally plausible readings.
_CANDIDATES = ("utf_8", "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "koi8_r", "latin_1")


#: Characters no text article holds (PostgreSQL cannot even store U+0000): C0 and C1 controls
#: other than tab, line and page breaks.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_NUL_BYTES = "binary data (it contains NUL bytes)"
#: Share of UTF-16 characters that must be one-byte ones (spaces, digits, Latin letters) for
#: their NULs to tell the byte order.
UTF16_NUL_SHARE = 0.1
_PRINTABLE_ASCII = frozenset(range(0x20, 0x7F)) | {0x09, 0x0A, 0x0D}


def decode_text(data: bytes) -> str:
    """The text in ``data``; raises NotText for binary or undecodable content."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _decode_strict(data[len(bom) :], encoding)
            if "\x00" in text:
                raise NotText("not a text file: looks like binary data (it contains NUL characters)")
            return text
    kind = binary_kind(data)
    if kind:
        raise NotText(f"not a text file: looks like {kind}")
    if b"\x00" in data:
        # Text holds NUL bytes only in UTF-16 (or 32); with no BOM, the NULs must say which.
        text = _utf16_without_bom(data)
        if text is None:
            raise NotText(f"not a text file: looks like {_NUL_BYTES}")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_detected(data)


def binary_kind(data: bytes) -> str | None:
    """What a binary file looks like (by its first bytes), or None when it may be text."""
    if data.startswith(_ALL_SIGNATURES):
        return next(kind for signature, kind in _SIGNATURES if data.startswith(signature))
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 ``data`` that came without a byte-order mark, or None if it is not that.

    Spaces, digits, punctuation and Latin letters are one byte and a NUL in UTF-16, so text in
    Latin, Cyrillic or Greek script has its NULs in one lane: odd bytes in little-endian, even
    ones in big-endian. Text with few such characters (Chinese, say) is left to
    charset-normalizer, taken only when it finds no noise at all. Either way what decodes must
    read as text: no control characters, and not plain ASCII text with stray NULs read in
    pairs (which decodes to nonsense ideographs).
    """
    if len(data) % 2:
        return None
    units = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= UTF16_NUL_SHARE * units and odd > 8 * even:
        encoding = "utf-16-le"
    elif even >= UTF16_NUL_SHARE * units and even > 8 * odd:
        encoding = "utf-16-be"
    else:
        best = _detected(data, ["utf_16_le", "utf_16_be"]).best()
        encoding = best.encoding.replace("_", "-") if best is not None and best.chaos == 0 else None
    if encoding is None or _ascii_in_pairs(data, encoding):
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _CONTROL.search(text) else text


def _ascii_in_pairs(data: bytes, encoding: str, sample: int = 16 * 1024) -> bool:
    """Whether most two-byte units without a NUL read as ideographs made of two printable
    ASCII bytes (U+3030 to U+7E7E): the mark of one-byte text with stray NULs in it. In
    Chinese UTF-16 about one unit in five is such a pair; in Cyrillic or Greek none is."""
    head = data[:sample]
    high, low = (head[1::2], head[0::2]) if encoding == "utf-16-le" else (head[0::2], head[1::2])
    units = [(h, lo) for h, lo in zip(high, low, strict=False) if h and lo]
    pairs = sum(1 for h, lo in units if h >= 0x30 and h in _PRINTABLE_ASCII and lo in _PRINTABLE_ASCII)
    return pairs > 0.5 * len(units)


def _decode_strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise NotText(f"broken {encoding.upper()} text at byte {exc.start}") from exc


def _detected(data: bytes, candidates: list[str]):
    """charset-normalizer's guesses among ``candidates``; loaded only for text that is not
    UTF-8, since loading it costs a command more than most imports of UTF-8 files."""
    from charset_normalizer import from_bytes

    return from_bytes(data, cp_isolation=candidates)


def _decode_detected(data: bytes) -> str:
    matches = list(_detected(data, list(_CANDIDATES)))
    if not matches:
        raise NotText("cannot tell its text encoding")
    best = matches[0]
    # charset-normalizer often ranks cp1250 and cp1252 equal for French or German text;
    # among equally good readings take the more common encoding.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    encodings = {encoding for match in tied for encoding in match.could_be_from_charset}
    chosen = min(encodings, key=lambda e: _CANDIDATES.index(e) if e in _CANDIDATES else len(_CANDIDATES))
    try:
        return data.decode(chosen)
    except UnicodeDecodeError:
        return str(best)
