"""The search language, turned into an FTS5 query plus date limits.

    words            all must match (diacritics ignored: Zoe finds Zoë)
    "exact phrase"   the words in this order
    -word, -"phrase" must not match
    a OR b           either
    word*            any word starting so
    author:, outlet:, topic:, title:, claim:   in that field only (a word or a "quoted phrase")
    since:2022-01-01, until:2022-06-30, year:2022   dates (a year or month works too)

Whatever is typed, the result is a valid query: every word is quoted for FTS5, and text that
is not the language (stray quotes, colons, brackets, SQL) is searched as plain words.
"""

import datetime
import re
from dataclasses import dataclass, field

from catalog.dates import DateError, PartialDate, parse_date

FIELDS = {"author": "authors", "outlet": "outlet", "topic": "topics", "title": "title", "claim": "claims"}
DATE_FIELDS = ("since", "until", "year")
MAX_QUERY_LENGTH = 2000  # longer input is cut: no one types more, and FTS5 cost grows with it

# One token: [-] [field:] ( "phrase" | word ) [*]
_TOKEN = re.compile(
    r'(?P<neg>-)?(?:(?P<field>[A-Za-z]+):)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))',
)
_WORD_CHARS = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Term:
    text: str
    column: str | None = None  #: an FTS column, or None for all
    prefix: bool = False
    negated: bool = False

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"' + ("*" if self.prefix else "")
        return f"{self.column} : {quoted}" if self.column else quoted


@dataclass
class ParsedQuery:
    groups: list[list[Term]] = field(default_factory=list)  #: AND of ORs
    excluded: list[Term] = field(default_factory=list)
    since: datetime.date | None = None
    until: datetime.date | None = None

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

    def __bool__(self) -> bool:
        return bool(self.groups or self.excluded or self.since or self.until)


def parse_query(text: str) -> ParsedQuery:
    """The query ``text`` as FTS5 terms and date limits; never raises."""
    query = ParsedQuery()
    pending_or = False
    for match in _TOKEN.finditer(text[:MAX_QUERY_LENGTH]):
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
    return query


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
    prefix = prefix and bool(re.fullmatch(r"\w+", text))
    return Term(text, column, prefix, bool(match["neg"]))


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
    if date.month:
        following = datetime.date(date.year + (date.month == 12), date.month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return datetime.date(date.year, 12, 31)
