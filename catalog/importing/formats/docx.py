"""Word documents (``.docx``): the paragraphs, and title, author and date from the properties.

The title is the first paragraph when it is styled as a title or heading (and is then not
repeated in the body), else the document's title property, else a first paragraph that reads
as a headline; with none of these the import titles the article from its body.
"""

import datetime
import io
import re
import zipfile
from collections.abc import Iterator

from catalog.importing.article_text import is_headline
from catalog.importing.formats import Extracted, FormatError, Piece, RecordFailed

#: Names producers and templates put in the author property, which name nobody.
_NO_AUTHOR = {"", "python-docx", "author", "user", "windows user", "microsoft office user", "administrator"}
_NO_TITLE = re.compile(r"(?i)^(untitled|document\d*|.*\.(docx?|rtf|odt|txt))$")
_HEADING_STYLE = re.compile(r"(?i)^(title|heading\b.*)$")
#: What a zip holds when it is another kind of document.
_OTHER_PACKAGES = (
    ("xl/", "an Excel workbook"),
    ("ppt/", "a PowerPoint presentation"),
    ("content.xml", "an OpenDocument file (save it as .docx)"),
)
#: How many times the file's size its text may unpack to (a small zip can unpack to gigabytes).
_UNPACK_RATIO = 20


#: What python-docx and lxml raise on a damaged package (a missing part, broken XML, a part
#: cut short): whichever error the damage leads to.
_DAMAGE = (
    KeyError,
    ValueError,
    AttributeError,
    TypeError,
    IndexError,
    zipfile.BadZipFile,
    OSError,
    SyntaxError,
    EOFError,
)


def read(piece: Piece) -> Iterator[Extracted | RecordFailed]:
    data = piece.data or b""
    _check_package(data, piece.limit)
    from docx.opc.exceptions import OpcError

    try:
        article = _article(data)
    except (OpcError, *_DAMAGE) as exc:
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise FormatError(f"a damaged Word document ({reason})") from None
    yield article


def _article(data: bytes) -> Extracted:
    import docx

    document = docx.Document(io.BytesIO(data))
    paragraphs = _paragraphs(document)
    if not paragraphs:
        raise FormatError("a Word document with no text in it")
    properties = _properties(document)
    title, body = _title_and_body(paragraphs, properties.get("title", ""))
    if not body:
        body, title = [title], ""
    return Extracted(
        body="\n\n".join(body),
        title=title,
        authors=properties.get("authors", ()),
        date=properties.get("date"),
    )


def _check_package(data: bytes, limit: int) -> None:
    """A Word document's zip, whole and of a sane unpacked size; otherwise say what it is."""
    if not data:
        raise FormatError("an empty file")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            entries = package.infolist()
    except zipfile.BadZipFile as exc:
        raise FormatError(f"a damaged Word document: not a readable zip ({exc})") from None
    names = [entry.filename for entry in entries]
    if "word/document.xml" not in names:
        kind = next(
            (what for prefix, what in _OTHER_PACKAGES if any(n.startswith(prefix) for n in names)), ""
        )
        raise FormatError(f"not a Word document: {kind or 'a zip file with no word/document.xml in it'}")
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > max(limit, len(data) * _UNPACK_RATIO):
        raise FormatError(f"a Word document that unpacks to {unpacked:,} bytes, more than the limit")


def _paragraphs(document) -> list[tuple[str, str]]:
    """(text, style name) of each non-empty paragraph in order; a table's row is one paragraph,
    its cells apart by " | "."""
    from docx.table import Table

    found = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            found += [(row, "Table") for row in _table_rows(block)]
            continue
        text = " ".join(block.text.split())
        if text:
            found.append((text, block.style.name if block.style is not None else ""))
    return found


def _table_rows(table) -> list[str]:
    rows = []
    for row in table.rows:
        cells = [" ".join(cell.text.split()) for cell in row.cells]
        # A merged cell is returned once per column it spans.
        cells = [
            cell for index, cell in enumerate(cells) if cell and (index == 0 or cell != cells[index - 1])
        ]
        if cells:
            rows.append(" | ".join(cells))
    return rows


def _properties(document) -> dict:
    """Title, authors and creation date from the core properties, where they name something."""
    core = document.core_properties
    found: dict = {}
    title = " ".join((core.title or "").split())
    if title and not _NO_TITLE.match(title):
        found["title"] = title
    author = " ".join((core.author or "").split())
    if author.casefold() not in _NO_AUTHOR:
        found["authors"] = tuple(name.strip() for name in re.split(r"\s*[;,]\s*", author) if name.strip())
    if isinstance(core.created, datetime.datetime):
        found["date"] = core.created.date()
    return found


def _title_and_body(paragraphs: list[tuple[str, str]], core_title: str) -> tuple[str, list[str]]:
    (first, style), texts = paragraphs[0], [text for text, _ in paragraphs]
    if _HEADING_STYLE.match(style or "") and len(first) <= 300:
        return first, texts[1:]
    if core_title:
        if core_title.casefold().split() == first.casefold().split():
            return core_title, texts[1:]
        return core_title, texts
    if is_headline(first) and len(texts) > 1:
        return first, texts[1:]
    return "", texts
