"""The rows a table shows for a browse or a search: the first page at once, the rest as needed.

A search's first screenful must come back in milliseconds, yet listing (or even counting) every
match of a common word over 100,000 articles takes a tenth of a second or more. So a listing
reads its first page straight away (a LIMIT stops early), and the full list of ids in a
background thread on a connection of its own; the table counts the rest in when it arrives, or
when it is scrolled past the first page, as Qt's fetchMore pattern does.
"""

from array import array
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass

from catalog.articles import ArticleRow, table_rows
from catalog.browsing import RANK_LIMIT, Filters, listing_sql, more_matches_than, searching
from catalog.db import database, sqlite_path
from catalog.search import fulltext

FIRST_PAGE = 256

#: One reader for every listing: a newer listing queues behind an older one, which it cancels.
_reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="catalog-listing")


@dataclass(frozen=True)
class Listing:
    """What ``filters`` list, in order: the query and its first rows (all of them, if few)."""

    sql: str
    params: list
    head: list[int]
    searching: bool = False  #: the query has words (see fulltext.search_plan)

    @property
    def complete(self) -> bool:
        return len(self.head) < FIRST_PAGE


def make_listing(filters: Filters, *, sort: str = "date", descending: bool = True) -> Listing:
    """The first page of what ``filters`` list; counting and listing the rest wait (RowPager)."""
    ranks = None
    filters = filters.afresh()  # the index's words now (Filters.searched)
    if sort == "relevance" and filters.parsed.groups:
        ranks = not more_matches_than(filters.searched, RANK_LIMIT)
    sql, params = listing_sql(filters, sort=sort, descending=descending, ranked=ranks)
    words = searching(filters.parsed)
    with fulltext.search_plan(words):
        head = [i for (i,) in database.execute_sql(f"{sql} LIMIT {FIRST_PAGE}", params)]
    return Listing(sql, params, head, words)


class RowPager:
    """Table rows of a listing (or a list of ids), fetched a page at a time as they are asked for.

    Holds only the ids (8 bytes each) and the most recently used pages, so a million-row
    table costs a few megabytes and any row, first or last, is one small query away. Until
    the rest of a listing is read, only its first page counts as rows (``complete`` is False);
    ``read_rest`` and ``reveal_rest`` then add the others, as Qt's fetchMore does.
    """

    PAGE_SIZE = 64  # a screenful or two: the first one is drawn sooner
    MAX_PAGES = 256

    def __init__(self, source: Listing | list[int]):
        self._pages: OrderedDict[int, list[ArticleRow]] = OrderedDict()
        self._row_by_id: dict[int, int] | None = None
        self._rest: Future | None = None
        self._listing = source if isinstance(source, Listing) else None
        self._head = list(source.head) if self._listing else []
        self._ids: array | None = None  # every id, once read
        if self._listing is None or self._listing.complete:
            self._ids = array("q", self._head if self._listing else source)
        elif reads_in_background():
            self._rest = _reader.submit(_read_ids, database.obj, source)
        self._shown = len(self._ids) if self._ids is not None else len(self._head)

    def __len__(self) -> int:
        return self._shown

    @property
    def complete(self) -> bool:
        """Whether every row is counted in (no rest waits to be read or revealed)."""
        return self._ids is not None and self._shown == len(self._ids)

    def rest_ready(self) -> bool:
        """Whether revealing the rest would not wait for the catalogue."""
        return self._ids is not None or self._rest is None or self._rest.done()

    def read_rest(self) -> tuple[int, bool]:
        """Read every id (waiting for the background read if need be): how many rows there are,
        and whether the first page is still the same (else the table must reset)."""
        if self._ids is None:
            ids = self._read_rest()
            self._same_head = list(ids[: len(self._head)]) == self._head
            self._ids = ids
        return len(self._ids), getattr(self, "_same_head", True)

    def read_next_page(self) -> list[int]:
        """While the rest is still being read: the ids of the page after those shown, read at
        once (a LIMIT after an OFFSET the index skips: a millisecond), so that scrolling never
        waits for the whole listing. Counted in by ``show_next_page``."""
        if self._ids is not None or self._listing is None:
            return []
        sql = f"{self._listing.sql} LIMIT {FIRST_PAGE} OFFSET {len(self._head)}"
        with fulltext.search_plan(self._listing.searching):
            return [i for (i,) in database.execute_sql(sql, self._listing.params)]

    def show_next_page(self, ids: list[int]) -> None:
        """Count in ``read_next_page``'s ids (between a model's begin and end of inserting); a
        short page is the listing's end: nothing more waits to be read."""
        self._head += ids
        self._shown = len(self._head)
        if len(ids) < FIRST_PAGE:
            self.close()
            self._ids = array("q", self._head)

    def reveal_rest(self) -> None:
        """Count the rows ``read_rest`` read (between a model's begin and end of inserting)."""
        self.read_rest()
        self._shown = len(self._ids)
        self._pages.clear()
        self._row_by_id = None

    def __getitem__(self, row: int) -> ArticleRow:
        number = row // self.PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self._pages[number] = self._fetch(number)
            if len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        self._pages.move_to_end(number)
        return page[row - number * self.PAGE_SIZE]

    def id_at(self, row: int) -> int:
        return self.ids_between(row, row + 1)[0]

    def ids_between(self, start: int, stop: int) -> list[int]:
        stop = min(stop, self._shown)
        if self._ids is None:
            return self._head[start:stop]
        return list(self._ids[start:stop])

    def row_of(self, article_id: int) -> int | None:
        if self._ids is None:
            return self._head.index(article_id) if article_id in self._head else None
        if self._row_by_id is None:  # built on first use: most tables never need it
            self._row_by_id = {article_id: row for row, article_id in enumerate(self._ids[: self._shown])}
        return self._row_by_id.get(article_id)

    def forget(self, article_ids=None) -> list[int]:
        """The rows read so far that show these articles (None: every article), their pages
        dropped so that they are read again (the articles changed, in fields that do not move
        them). A row never read was never drawn: it is read as it is when it comes into view."""
        wanted = None if article_ids is None else set(article_ids)
        rows = []
        for number, page in list(self._pages.items()):
            found = [
                number * self.PAGE_SIZE + i
                for i, row in enumerate(page)
                if wanted is None or row.id in wanted
            ]
            if found:
                rows += found
                del self._pages[number]
        return sorted(rows)

    def close(self) -> None:
        """The table moved on: a read that has not started need not run."""
        if self._rest is not None:
            self._rest.cancel()

    def _read_rest(self) -> array:
        if self._rest is not None and not self._rest.cancelled():
            with suppress(Exception):  # else read it again here, where errors surface as usual
                return self._rest.result()
        with fulltext.search_plan(self._listing.searching):
            return _id_array(database.execute_sql(self._listing.sql, self._listing.params))

    def _fetch(self, number: int) -> list[ArticleRow]:
        ids = self.ids_between(number * self.PAGE_SIZE, (number + 1) * self.PAGE_SIZE)
        found = table_rows(ids)
        # An article deleted since the ids were read shows as such until the next reload.
        return [found.get(i) or ArticleRow(i, "(deleted)", None, (), None, ()) for i in ids]


def reads_in_background() -> bool:
    """A second connection sees the same catalogue, unless it lives only in this one's memory."""
    location = getattr(database.obj, "database", None)
    return bool(location) and sqlite_path(str(location)) != ":memory:"


def _read_ids(db, listing: Listing) -> array:
    try:
        with fulltext.search_plan(listing.searching, db):
            return _id_array(db.execute_sql(listing.sql, listing.params))
    finally:
        db.close()  # this thread's connection only; the next listing may be another catalogue


def _id_array(cursor) -> array:
    """The ids a cursor gives, 8 bytes each (a list of a million ints would take 36 MB), made
    where they are read: on the background reader's thread, not the window's."""
    ids = array("q")
    while rows := cursor.fetchmany(10_000):
        ids.extend(i for (i,) in rows)
    return ids
