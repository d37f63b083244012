"""How long each text kept in the catalogue may be, and the one check every way in applies.

Files, ``import-json``, edits (window and command line), claims, names and saved searches all
check a value here before anything is written, so the same text is refused the same way
whichever way it comes, in words naming the field and the limit.

The limits are far above real use (a headline is under 150 characters, a name under 80) and
keep every indexed value under PostgreSQL's b-tree limit of about 2,700 bytes per index row in
UTF-8: a title of 500 characters is at most 2,000 bytes; a name of 200 characters at most 2,400
bytes even as its case-folded key (NFC and case folding can turn one character into 12 bytes);
a claimant of 300 characters at most 1,200. Free text that is not indexed (summaries, notes,
explanations) may be long, but not so long that the window stalls showing it. An article's text
may be as long as the largest file the import takes (``--max-size`` up to 1 GiB): a file of N
bytes decodes to at most N characters.

Text that no catalogue can store is refused too, whatever its length: the NUL character
(PostgreSQL's text cannot hold it) and lone surrogates (``"\\ud800"`` in JSON: not text at all).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    what: str  #: the field as people call it: "title", "outlet name"
    characters: int
    plural: bool = False  #: "the notes are …"


TITLE = Limit("title", 500)
OUTLET = Limit("outlet name", 200)
AUTHOR = Limit("author name", 200)
TOPIC = Limit("topic", 200)  #: the whole path: Politics/Elections/…
CLAIMANT = Limit("claimant", 300)
CLAIM_TEXT = Limit("claim text", 20_000)  #: when marked; later edits of the article may widen it
EXPLANATION = Limit("verdict explanation", 100_000)
CLAIM_NOTES = Limit("claim notes", 100_000, plural=True)
LINK_NOTE = Limit("link note", 10_000)
SUMMARY = Limit("summary", 100_000)
NOTES = Limit("notes", 100_000, plural=True)
SOURCE = Limit("source path", 32_768)  #: 4,096 bytes of path, each perhaps shown as a 4-character escape
SAVED_SEARCH_NAME = Limit("saved search name", 200)
SAVED_SEARCH_QUERY = Limit("saved search query", 10_000)
BODY = Limit("article text", 1024**3)

#: The name limit of each kind of name, as names_admin calls them.
NAMES = {"outlet": OUTLET, "author": AUTHOR, "topic": TOPIC}

_CHUNK = 1 << 20  # characters encoded at a time when looking for lone surrogates


class OverLimit(ValueError):
    """A value that cannot be kept as it is; ``str()`` names the field, ``reason`` does not."""

    def __init__(self, limit: Limit, reason: str):
        super().__init__(f"the {limit.what} {reason}")
        self.limit = limit
        self.reason = reason


def check(limit: Limit, value: str | None) -> str | None:
    """``value`` unchanged if it may be stored as ``limit``'s field; else OverLimit saying why."""
    if value is None:
        return None
    if len(value) > limit.characters:
        raise OverLimit(
            limit,
            f"{'are' if limit.plural else 'is'} {len(value):,} characters long; "
            f"at most {limit.characters:,} are allowed",
        )
    char = _unstorable(value)
    if char is not None:
        what = "a NUL character (\\x00)" if char == "\x00" else f"a lone surrogate (\\u{ord(char):04x})"
        raise OverLimit(limit, f"{'contain' if limit.plural else 'contains'} {what}, which cannot be stored")
    return value


def _unstorable(value: str) -> str | None:
    """The first NUL or lone surrogate in ``value``, if any: a few microseconds for an article."""
    if "\x00" in value:
        return "\x00"
    if value.isascii():
        return None
    for start in range(0, len(value), _CHUNK):  # a slice at a time: memory stays small
        try:
            value[start : start + _CHUNK].encode("utf-8")
        except UnicodeEncodeError as exc:  # in UTF-8, only a surrogate cannot be encoded
            return exc.object[exc.start]
    return None


def check_all(limit: Limit, values) -> list[str]:
    """``check`` each of ``values`` (a list of names); returns them as a list."""
    return [check(limit, value) for value in values]


def check_file_article(article) -> None:
    """The title, names and text of an article read from a file (an ``ArticleText``): a file
    whose header names an author in 10,000 characters is reported, not imported."""
    check(TITLE, article.title)
    check(OUTLET, article.outlet)
    check_all(AUTHOR, article.authors)
    check(BODY, article.body)
    # What the other formats bring (catalog.importing.formats): a page's address, an abstract.
    check(SOURCE, getattr(article, "url", None))
    check(NOTES, getattr(article, "notes", ""))
    check(SUMMARY, getattr(article, "summary", ""))
    check_all(TOPIC, getattr(article, "topics", ()))
