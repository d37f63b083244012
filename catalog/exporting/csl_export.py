"""Articles as CSL-JSON for Zotero and citation processors: one ``article-newspaper`` item each.

The shape is the one Zotero's "CSL JSON" import reads (``Zotero.Utilities.Item.itemFromCSLJSON``):
``type``, ``title``, ``author`` as ``family``/``given`` (or ``literal`` for one word or an
organisation), ``issued`` as ``date-parts`` (a year or a month stays a year or a month),
``container-title`` (Zotero's Publication), ``URL``, ``abstract`` and ``archive_location``
(Loc. in Archive: the article's id here). Topics go in ``keyword``, the CSL variable for them,
which citation processors read but Zotero's CSL import leaves out: it has no tags in CSL-JSON
(export RIS to take topics to Zotero as tags). ``with_text`` adds the article's text as ``note``
(Zotero puts it in Extra), so ``catalog import`` of the file gets the text back.
"""

import json
import re
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import TextIO

from catalog.articles import iter_articles
from catalog.db import database
from catalog.safe_output import output_stream

CSL_TYPE = "article-newspaper"  #: Zotero's newspaperArticle
ID_PREFIX = "catalog-"  #: an item's id: ``catalog-17`` for article 17
_CHUNK = 500  # ids per IN (...) query, as in catalog.articles

#: Words that make a by-line an organisation (kept whole, as a ``literal`` name), not a person.
ORGANISATION_WORDS = frozenset(
    """staff reporters reporter correspondent correspondents desk editorial editors board agency
    agencies press news newsroom service services bureau team wire wires associated reuters afp
    inc ltd llc plc corp company group foundation institute university ministry department office
    council committee government organisation organization association network media online tv
    radio bbc cnn times post journal herald tribune guardian gazette""".split()  # noqa: SIM905
)
#: Lower-case words that begin a family name ("Ludwig van Beethoven": family "van Beethoven").
PARTICLES = frozenset(
    "van von de der den del della di da du dos das la le ten ter bin ibn al el".split()  # noqa: SIM905
)
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def export_csl(target: str | Path, ids: list[int] | None = None, *, with_text: bool = False) -> int:
    """Write the articles ``ids`` (all when None, in id order) to ``target`` (``-`` for
    standard output) as a CSL-JSON list; returns how many. ``with_text``: each article's text
    as the item's ``note``."""
    with output_stream(target) as out:
        return write_csl(out, ids, with_text=with_text)


def write_csl(out: TextIO, ids: list[int] | None = None, *, with_text: bool = False) -> int:
    """Stream the list to ``out`` an item at a time (memory stays flat for any catalogue)."""
    count = 0
    out.write("[")
    with database.atomic():  # one consistent snapshot
        for article in articles_in_order(ids, with_body=with_text):
            item = json.dumps(csl_item(article, with_text=with_text), ensure_ascii=False, indent="\t")
            out.write(("," if count else "") + "\n" + item)
            count += 1
    out.write("\n]\n")
    return count


def articles_in_order(ids: list[int] | None, *, with_body: bool = False) -> Iterator[dict]:
    """Article objects: all in id order when ``ids`` is None, else in the order of ``ids``
    (a sorted table's, a search's) without those that do not exist; a chunk at a time."""
    if ids is None:
        articles = iter_articles(with_body=with_body)
        while chunk := list(islice(articles, _CHUNK)):
            yield from chunk
        return
    ids = list(dict.fromkeys(ids))
    for start in range(0, len(ids), _CHUNK):
        wanted = ids[start : start + _CHUNK]
        found = {article["id"]: article for article in iter_articles(with_body=with_body, ids=wanted)}
        yield from (found[i] for i in wanted if i in found)


def csl_item(article: dict, *, with_text: bool = False) -> dict:
    """One article as a CSL-JSON item; empty values are left out (CSL has no nulls)."""
    item = {
        "id": f"{ID_PREFIX}{article['id']}",
        "type": CSL_TYPE,
        "title": article["title"],
        "author": [csl_name(name) for name in article["authors"]],
        "issued": {"date-parts": [date_parts(article["date"])]} if article["date"] else None,
        "container-title": article["outlet"],
        "URL": article.get("url"),
        "abstract": article["summary"],
        "keyword": keywords(article["topics"]),
        "archive_location": f"{ID_PREFIX}{article['id']}",
        "note": article.get("body") if with_text else None,
    }
    return {key: value for key, value in item.items() if value}


def keywords(topics: list[str]) -> str:
    """Topics as CSL's one ``keyword`` string: apart by commas, or by semicolons when a topic
    holds a comma ("Russia, sanctions"), so a reader can split them back."""
    return ("; " if any("," in topic for topic in topics) else ", ").join(topics)


def date_parts(iso: str) -> list[int]:
    """``2022-06-29`` → ``[2022, 6, 29]``; a partial date keeps its parts: ``2022-06`` →
    ``[2022, 6]``, ``2022`` → ``[2022]``."""
    return [int(part) for part in iso.split("-")]


def csl_name(name: str) -> dict:
    """A by-line as CSL splits it, the way Zotero does: "Dave DeCamp" → family DeCamp, given
    Dave; "DeCamp, Dave" the same; a particle goes with the family name ("van Beethoven"), a
    suffix apart ("Jr."); one word or an organisation ("Reuters Staff") stays whole, ``literal``."""
    name = " ".join(name.split())
    if name.count(",") == 1:
        family, given = (part.strip() for part in name.split(","))
        if family and given and given.casefold() not in SUFFIXES:
            return {"family": family, "given": given}
    words = name.split()
    if len(words) < 2 or is_organisation(words):
        return {"literal": name}
    suffix = None
    if len(words) > 2 and words[-1].casefold() in SUFFIXES:
        suffix = words.pop()
        words[-1] = words[-1].rstrip(",")
    start = next((i for i in range(1, len(words) - 1) if words[i] in PARTICLES), len(words) - 1)
    parts = {"family": " ".join(words[start:]), "given": " ".join(words[:start])}
    return parts | ({"suffix": suffix} if suffix else {})


def is_organisation(words: list[str]) -> bool:
    """Whether a by-line's words name an organisation: a telling word ("Staff", "Agency"), an
    acronym ("AFP", "BBC"), digits or an ampersand."""
    for word in words:
        bare = re.sub(r"\W", "", word)
        if bare.casefold() in ORGANISATION_WORDS or "&" in word or any(c.isdigit() for c in word):
            return True
        if len(bare) > 1 and word.isupper() and "." not in word:  # AFP, not J.R.R.
            return True
    return False
