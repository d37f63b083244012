"""The search language, turned into an FTS5 query plus date limits.

    words            all must match (diacritics ignored: Zoe finds Zoë)
    "exact phrase"   the words in this order, as written ("missiles" is not missile)
    -word, -"phrase" must not match
    a OR b           either
    word*            any word starting so
    author:, outlet:, topic:, title:, claim:   in that field only (a word or a "quoted phrase")
    since:2022-01-01, until:2022-06-30, year:2022   dates (a year or month works too)

Whatever is typed, the result is a valid query or a ``QueryError`` saying why not: every word
is quoted for FTS5, text that is not the language (stray quotes, colons, brackets, SQL) is
searched as plain words, and control characters (a pasted NUL, tab or escape) separate words as
spaces do. A lone surrogate (half a character, such as a byte that was not UTF-8 in a
command-line argument) is not text: that is a ``QueryError`` naming it. So are searches too
costly to run: too many words or prefixes (here), a prefix that matches too many words of the
catalogue (``catalog.search.fulltext.check``); they are refused before they run.
"""

import datetime
import re
from dataclasses import dataclass, field

from catalog.dates import DateError, PartialDate, parse_date
from catalog.terminal_text import one_line

FIELDS = {"author": "authors", "outlet": "outlet", "topic": "topics", "title": "title", "claim": "claims"}
DATE_FIELDS = ("since", "until", "year")
MAX_QUERY_LENGTH = 2000  # longer input is cut: no one types more, and FTS5 cost grows with it
#: At most this many words (a phrase counts its words), of which this many prefixes: each word
#: costs a read of its list in the index, and common ones are long (``the`` is in every article).
MAX_QUERY_WORDS = 16
MAX_QUERY_PREFIXES = 4

# One token: [-] [field:] ( "phrase" | word ) [*]
_TOKEN = re.compile(
    r'(?P<neg>-)?(?:(?P<field>[A-Za-z]+):)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))',
)
_WORD_CHARS = re.compile(r"\w", re.UNICODE)
_WORDS = re.compile(r"[^\W_]+")  # words as the index cuts them
#: C0 and C1 control characters: NUL would end FTS5's query text early, and none is a letter.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class QueryError(ValueError):
    """A query that cannot be run; the message says why, for people."""


@dataclass(frozen=True)
class Term:
    text: str
    column: str | None = None  #: an FTS column, or None for all
    prefix: bool = False
    negated: bool = False
    #: In quotes: the words as written, never their other forms (catalog.search.stemming).
    exact: bool = False

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"' + ("*" if self.prefix else "")
        return f"{self.column} : {quoted}" if self.column else quoted


@dataclass
class ParsedQuery:
    groups: list[list[Term]] = field(default_factory=list)  #: AND of ORs
    excluded: list[Term] = field(default_factory=list)
    since: datetime.date | None = None
    until: datetime.date | None = None
    checked: bool = field(default=False, repr=False, compare=False)  #: by catalog.search.fulltext.check

    @property
    def match(self) -> str | None:
        """The FTS5 MATCH expression for the wanted words less the excluded ones, or None when
        there are no wanted words (then ``excluded_match`` is a condition of its own)."""
        if not self.groups:
            return None
        wanted = " AND ".join("(" + " OR ".join(t.fts() for t in group) + ")" for group in self.groups)
        # FTS5's NOT works inside the index: far cheaper than a NOT IN over its matches.
        return f"({wanted}) NOT ({self.excluded_match})" if self.excluded else wanted

    @property
    def excluded_match(self) -> str | None:
        return " OR ".join(t.fts() for t in self.excluded) or None

    @property
    def words(self) -> list[str]:
        """The wanted words and phrases, for highlighting."""
        return [t.text for group in self.groups for t in group]

    @property
    def prefixes(self) -> frozenset[str]:
        """Those of ``words`` that stand for any word starting so (``elect*``)."""
        return frozenset(t.text for group in self.groups for t in group if t.prefix)

    @property
    def prefix_terms(self) -> list[Term]:
        """Every prefix term, wanted or excluded."""
        return [t for group in self.groups for t in group if t.prefix] + [
            t for t in self.excluded if t.prefix
        ]

    def __bool__(self) -> bool:
        return bool(self.groups or self.excluded or self.since or self.until)


def tidy_query(text: str) -> str:
    """``text`` with each control character as a space: what the query means, storable
    anywhere (PostgreSQL refuses a NUL in text)."""
    return _CONTROLS.sub(" ", text)


def parse_query(text: str) -> ParsedQuery:
    """The query ``text`` as FTS5 terms and date limits. Raises ``QueryError`` for text that is
    not text (a lone surrogate) and for more than ``MAX_QUERY_WORDS`` words or
    ``MAX_QUERY_PREFIXES`` prefixes; the database's own checks are ``catalog.search.fulltext.check``."""
    text = tidy_query(text[:MAX_QUERY_LENGTH])
    broken = _SURROGATE.search(text)
    if broken:
        raise QueryError(_broken_text(text, broken.group()))
    query = ParsedQuery()
    pending_or = False
    for match in _TOKEN.finditer(text):
        if match["word"] == "OR" and not match["field"] and not match["neg"]:
            pending_or = bool(query.groups)
            continue
        if _date_limit(query, match):
            continue
        term = _term(match)
        if term is None:
            continue
        if term.negated:
            query.excluded.append(term)
        elif pending_or:
            query.groups[-1].append(term)
        else:
            query.groups.append([term])
        pending_or = False
    # A word said twice asks for nothing more, yet FTS5 would rank it twice over every match.
    query.groups = [list(group) for group in dict.fromkeys(tuple(dict.fromkeys(g)) for g in query.groups)]
    query.excluded = list(dict.fromkeys(query.excluded))
    _check_size(query)
    return query


def _check_size(query: ParsedQuery) -> None:
    terms = [t for group in query.groups for t in group] + query.excluded
    words = sum(max(1, len(_WORDS.findall(t.text))) for t in terms)
    if words > MAX_QUERY_WORDS:
        raise QueryError(
            f"the search has {words:,} words; at most {MAX_QUERY_WORDS:,} can be searched at once: keep the rarest"
        )
    prefixes = len(query.prefix_terms)
    if prefixes > MAX_QUERY_PREFIXES:
        raise QueryError(
            f"the search has {prefixes:,} words ending in *; at most {MAX_QUERY_PREFIXES:,} can be searched at once"
        )


def _broken_text(text: str, surrogate: str) -> str:
    shown = f"the search “{one_line(text)}”"
    if "\udc80" <= surrogate <= "\udcff":  # how Python keeps a byte of an argument that was not UTF-8
        return (
            f"{shown} holds the byte {one_line(surrogate)}, which is not UTF-8 text: type it again "
            "in UTF-8 (a terminal set to another encoding sends such bytes)"
        )
    return f"{shown} holds half a character ({one_line(surrogate)}), which is not text: type it again"


def _term(match: re.Match) -> Term | None:
    field_name = (match["field"] or "").lower()
    column = FIELDS.get(field_name)
    raw = match["phrase"] if match["phrase"] is not None else match["word"]
    if match["field"] and column is None:
        raw = f"{match['field']}:{raw}"  # not a field we know: plain words
    prefix = raw.endswith("*") and match["phrase"] is None
    text = raw.rstrip("*") if prefix else raw
    if not _WORD_CHARS.search(text):
        return None  # punctuation alone finds nothing
    prefix = prefix and text.isalnum()  # one word as the index cuts words (no _ inside)
    return Term(text, column, prefix, bool(match["neg"]), exact=match["phrase"] is not None)


def _date_limit(query: ParsedQuery, match: re.Match) -> bool:
    name = (match["field"] or "").lower()
    if name not in DATE_FIELDS or match["neg"]:
        return False
    value = match["phrase"] if match["phrase"] is not None else match["word"]
    try:
        date = parse_date(value or "")
    except DateError:
        return False
    if date is None:
        return False
    first, last = date.first_day(), _last_day(date)
    if name in ("since", "year"):
        query.since = max(filter(None, (query.since, first)))
    if name in ("until", "year"):
        query.until = min(filter(None, (query.until, last)))
    return True


def _last_day(date: PartialDate) -> datetime.date:
    if date.day:
        return date.first_day()
    if date.month == 12:  # no month after it in year 9999
        return datetime.date(date.year, 12, 31)
    if date.month:
        return datetime.date(date.year, date.month + 1, 1) - datetime.timedelta(days=1)
    return datetime.date(date.year, 12, 31)
