"""Articles as RIS for Zotero, EndNote and other reference managers: one ``NEWS`` record each.

Written the way Zotero's RIS translator writes and reads a newspaper article: ``TAG  - value``
lines ending in CRLF (the RIS specification's line end), UTF-8, ``TY  - NEWS`` first and
``ER  - `` last, a blank line between records. ``TI`` title; ``AU`` one author a line as
"Family, Given" (an organisation whole); ``T2`` the outlet (Zotero's Publication for NEWS);
``AB`` the summary; ``DA`` the date as ``YYYY/MM/DD/`` (a year or a month as ``2022///`` or
``2022/06//``) and ``PY`` its year; ``UR`` the URL; ``AN`` the article's id (Zotero's Loc. in
Archive: an ``ID`` line would turn into a note); ``KW`` one topic a line (Zotero's tags).
``with_text`` adds the article's text as ``N1`` (a note in Zotero).

A value is one line, except the summary and the text, whose lines follow their tag's line as
RIS readers expect; a line of them that looks like a tag (``ER  - ``) is indented by a space, so
no text can end a record or forge a field.
"""

import re
from pathlib import Path
from typing import TextIO

from catalog.db import database
from catalog.exporting.csl_export import ID_PREFIX, articles_in_order, csl_name
from catalog.safe_output import output_stream

RIS_TYPE = "NEWS"
LINE_END = "\r\n"
#: What RIS readers take for a tag line: Zotero's pattern (one or two spaces before the dash).
TAG_LINE = re.compile(r"[A-Z][A-Z0-9] {1,2}-(?: |$)")


def export_ris(target: str | Path, ids: list[int] | None = None, *, with_text: bool = False) -> int:
    """Write the articles ``ids`` (all when None, in id order) to ``target`` (``-`` for
    standard output) as RIS records; returns how many. ``with_text``: each article's text as
    an ``N1`` note."""
    # newline="": the CRLF line ends are written as they are, on every system.
    with output_stream(target, newline="") as out:
        return write_ris(out, ids, with_text=with_text)


def write_ris(out: TextIO, ids: list[int] | None = None, *, with_text: bool = False) -> int:
    """Stream the records to ``out`` one at a time; returns how many."""
    count = 0
    with database.atomic():  # one consistent snapshot
        for article in articles_in_order(ids, with_body=with_text):
            out.write(ris_record(article, with_text=with_text))
            count += 1
    return count


def ris_record(article: dict, *, with_text: bool = False) -> str:
    """One article as a RIS record, blank line after it included."""
    lines = [tag_line("TY", RIS_TYPE), tag_line("TI", article["title"])]
    lines += [tag_line("AU", ris_name(name)) for name in article["authors"]]
    lines.append(tag_line("T2", article["outlet"]))
    lines.append(text_lines("AB", article["summary"]))
    if article["date"]:
        lines += [tag_line("DA", ris_date(article["date"])), tag_line("PY", article["date"][:4])]
    lines.append(tag_line("UR", article.get("url")))
    lines.append(tag_line("AN", f"{ID_PREFIX}{article['id']}"))
    if with_text:
        lines.append(text_lines("N1", article.get("body")))
    lines += [tag_line("KW", topic) for topic in article["topics"]]
    lines.append("ER  - " + LINE_END)
    return "".join(lines) + LINE_END


def tag_line(tag: str, value: str | None) -> str:
    """``TAG  - value`` on one line (breaks inside the value made spaces); "" for no value."""
    value = " ".join((value or "").split())
    return f"{tag}  - {value}{LINE_END}" if value else ""


def text_lines(tag: str, text: str | None) -> str:
    """A text of several lines (and paragraphs): the first on the tag's line, the others
    after it; a line that a reader would take for a tag gets a space in front."""
    lines = [line.rstrip() for line in (text or "").strip().splitlines()]
    if not lines:
        return ""
    rest = [" " + line if TAG_LINE.match(line) else line for line in lines[1:]]
    return "".join(f"{line}{LINE_END}" for line in [f"{tag}  - {lines[0]}", *rest])


def ris_name(name: str) -> str:
    """An author as RIS and Zotero want one: "Family, Given" (", Suffix" after); an organisation
    or a single word whole."""
    parts = csl_name(name)
    if "literal" in parts:
        return parts["literal"]
    return ", ".join(part for part in (parts["family"], parts["given"], parts.get("suffix")) if part)


def ris_date(iso: str) -> str:
    """``2022-06-29`` → ``2022/06/29/``; ``2022-06`` → ``2022/06//``; ``2022`` → ``2022///``."""
    parts = iso.split("-") + ["", ""]
    return f"{parts[0]}/{parts[1]}/{parts[2]}/"
