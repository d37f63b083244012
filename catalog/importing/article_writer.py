"""Writing batches of parsed articles: duplicate check, names, rows and full-text index in one go."""

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from catalog import stories
from catalog.backends import backend
from catalog.db import checked_write, database, placeholders, worth_retrying
from catalog.db_errors import is_busy
from catalog.fingerprints import earlier_holders
from catalog.ids import last_handed_out
from catalog.importing.reading import PreparedArticle
from catalog.models import Article, ArticleAuthor, ArticleTopic, ArticleUrl, Author, Outlet, Topic, utc_now
from catalog.names import NameCache, TopicCache

#: (id, None) for an article written; (id, title) of the article it duplicates otherwise.
Outcome = tuple[int | None, str | None]

_ARTICLE_FIELDS = (
    Article.id,
    Article.title,
    Article.body,
    Article.date,
    Article.date_precision,
    Article.outlet,
    Article.summary,
    Article.notes,
    Article.source_path,
    Article.content_hash,
    Article.imported_at,
    Article.updated_at,
    Article.version,
)
_AUTHOR_FIELDS = (ArticleAuthor.article, ArticleAuthor.author, ArticleAuthor.position)
_TOPIC_FIELDS = (ArticleTopic.article, ArticleTopic.topic)
_URL_FIELDS = (ArticleUrl.article, ArticleUrl.url)
_LOOKUP_CHUNK = 500
SHARED_RETRIES = 5
#: Seconds a batch waits for another desk's write (SQLite has one writer at a time) before it
#: is reported not stored. Batches are short (reading.BATCH_BYTES), so a desk rarely waits long.
BUSY_WAIT = 120.0
#: Milliseconds of each try for SQLite's write lock, so the wait can be told and cancelled.
BUSY_TRY_MS = 250
WAITING = "waiting for another desk's write…"


class ImportCancelled(Exception):
    """The user cancelled while the import waited for the catalogue."""


def _insert_sql(model, fields) -> str:
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    return f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({placeholders(len(fields))})'


class ArticleWriter:
    """Writes batches; remembers outlet and author ids across batches of one import."""

    def __init__(
        self,
        *,
        dry_run: bool = False,
        status: Callable[[str], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ):
        """``status(text)`` hears when a batch waits for another desk (and ``""`` when it goes
        on); ``cancelled()`` is asked while it waits."""
        self.dry_run = dry_run
        self.outlets = NameCache(Outlet)
        self.authors = NameCache(Author)
        self.topics = TopicCache(Topic)
        self._dry_run_seen: dict[str, str] = {}
        self._status = status or (lambda text: None)
        self._cancelled = cancelled or (lambda: False)

    def write_batch(self, batch: Sequence[PreparedArticle]) -> list[Outcome]:
        """Write the new articles of ``batch`` in one transaction; one outcome per item.

        While another desk writes (SQLite), waits up to BUSY_WAIT seconds, saying so; raises
        ImportCancelled if the user cancels meanwhile.
        """
        if self.dry_run:
            known = {**known_texts(batch), **self._dry_run_seen}
            new = _first_new(batch, known)
            self._dry_run_seen.update((digest, (None, item.text.title)) for digest, item in new.items())
            return _outcomes(batch, known, new, ids={})
        attempt, waiting_since = 0, None
        while True:
            try:
                # On SQLite the write lock is taken first, so ids handed out below stay ours.
                with _short_lock_waits(), checked_write():
                    known = known_texts(batch)
                    new = _first_new(batch, known)
                    ids = dict(zip(new, self._insert(list(new.values()))))
                    outcomes = _outcomes(batch, known, new, ids)
            except BaseException as exc:
                self._forget()
                if not isinstance(exc, Exception):
                    raise
                if is_busy(exc) and (waiting_since is None or time.monotonic() - waiting_since < BUSY_WAIT):
                    if waiting_since is None:
                        waiting_since = time.monotonic()
                        self._status(WAITING)
                    if self._cancelled():
                        raise ImportCancelled from None
                    continue
                # On a shared catalogue another desk stored one of these files (or names) first,
                # or the server broke a deadlock between two imports: the batch again finds
                # theirs and goes through. (SQLite's one write lock rules these out.)
                attempt += 1
                if not worth_retrying(exc) or attempt == SHARED_RETRIES:
                    raise
            else:
                if waiting_since is not None:
                    self._status("")
                return outcomes

    def _forget(self) -> None:
        # Names created inside the rolled-back transaction no longer exist.
        self.outlets.forget()
        self.authors.forget()
        self.topics.forget()

    def _insert(self, new: Sequence[PreparedArticle]) -> list[int]:
        if not new:
            return []
        now = utc_now()
        rows = [self._article_row(item, now) for item in new]
        if backend().one_writer:
            ids = self._insert_sqlite(rows)
        else:
            ids = [Article.insert(dict(zip(_ARTICLE_FIELDS[1:], row[1:]))).execute() for row in rows]
        author_rows = [
            (article_id, author_id, position)
            for article_id, item in zip(ids, new)
            for position, author_id in enumerate(
                dict.fromkeys(filter(None, map(self.authors.id_for, item.text.authors)))
            )
        ]
        if author_rows:
            database.connection().cursor().executemany(
                _insert_sql(ArticleAuthor, _AUTHOR_FIELDS), author_rows
            )
        self._insert_extras(ids, new)
        backend().index_new(ids)
        stories.detect_new([(article_id, item.text.body, item.sketch) for article_id, item in zip(ids, new)])
        return ids

    def _insert_extras(self, ids: list[int], new: Sequence[PreparedArticle]) -> None:
        """The topics and web addresses that formats other than text files bring."""
        topic_rows = [
            (article_id, topic_id)
            for article_id, item in zip(ids, new)
            for topic_id in dict.fromkeys(filter(None, map(self.topics.id_for, item.text.topics)))
        ]
        url_rows = [(article_id, item.text.url) for article_id, item in zip(ids, new) if item.text.url]
        cursor = database.connection().cursor()
        if topic_rows:
            cursor.executemany(_insert_sql(ArticleTopic, _TOPIC_FIELDS), topic_rows)
        if url_rows:
            cursor.executemany(_insert_sql(ArticleUrl, _URL_FIELDS), url_rows)

    def _insert_sqlite(self, rows: list[tuple]) -> list[int]:
        # One executemany of one statement is twice as fast as peewee's insert_many here;
        # ids are handed out by us, under the write lock, so they come back in order. They
        # start past every id ever handed out (sqlite_sequence), never at a deleted one.
        last_id = last_handed_out("article")
        ids = list(range(last_id + 1, last_id + 1 + len(rows)))
        database.connection().executemany(
            _insert_sql(Article, _ARTICLE_FIELDS),
            [(article_id, *row[1:]) for article_id, row in zip(ids, rows)],
        )
        return ids

    def _article_row(self, item: PreparedArticle, now) -> tuple:
        text = item.text
        outlet_id = self.outlets.id_for(text.outlet) if text.outlet else None
        return (
            None,
            text.title,
            text.body,
            text.date.isoformat() if text.date else None,
            _precision(text.date),
            outlet_id,
            text.summary,
            text.notes,
            item.source,
            item.digest,
            str(now),
            str(now),
            1,
        )


def _precision(date) -> str | None:
    """ "year" or "month" for a date known only so far (a CSL-JSON or RIS item's); None, the
    stored form of "day", for a whole date."""
    precision = getattr(date, "precision", "day")
    return None if precision == "day" else precision


@contextmanager
def _short_lock_waits() -> Iterator[None]:
    """On SQLite, each try for the write lock waits BUSY_TRY_MS rather than the connection's
    busy timeout, so ``write_batch`` can say it waits, and stop waiting on Cancel."""
    with backend().short_lock_waits(BUSY_TRY_MS):
        yield


def _first_new(batch: Sequence[PreparedArticle], known: dict) -> dict[str, PreparedArticle]:
    """The first item of each text not yet in the catalogue, by content hash."""
    new: dict[str, PreparedArticle] = {}
    for item in batch:
        if item.digest not in known:
            new.setdefault(item.digest, item)
    return new


def _outcomes(batch, known: dict, new: dict, ids: dict) -> list[Outcome]:
    outcomes = []
    for item in batch:
        if item.digest in known:
            outcomes.append(known[item.digest])
        elif new[item.digest] is item:
            outcomes.append((ids.get(item.digest), None))
        else:  # a second copy within this batch
            outcomes.append((ids.get(item.digest), new[item.digest].text.title))
    return outcomes


def known_texts(batch: Sequence[PreparedArticle]) -> dict[str, Outcome]:
    """``existing_articles`` by the batch's fingerprints, and by their files' fingerprints as a
    release before schema 13 took them (of the whole file: kept as earlier ones), so a file
    whose article's text was corrected then is still a duplicate."""
    known = existing_articles([item.digest for item in batch])
    unknown = [item for item in batch if item.digest not in known and item.file_digest]
    if unknown:
        found = earlier_holders([item.file_digest for item in unknown])
        known.update((item.digest, found[item.file_digest]) for item in unknown if item.file_digest in found)
    return known


def existing_articles(digests: Sequence[str]) -> dict[str, Outcome]:
    """``{content hash: (id, title)}`` of the articles in the catalogue that have, or had, these texts."""
    found: dict[str, Outcome] = {}
    for start in range(0, len(digests), _LOOKUP_CHUNK):
        chunk = list(digests[start : start + _LOOKUP_CHUNK])
        # Plain SQL: this runs once per batch on the import's hot path.
        rows = database.execute_sql(
            f'SELECT "content_hash", "id", "title" FROM "article" WHERE "content_hash" IN ({placeholders(len(chunk))})',
            chunk,
        )
        found.update((digest, (article_id, title)) for digest, article_id, title in rows)
    # Texts the catalogue had before (since corrected, or fingerprinted by an older release).
    found.update(earlier_holders([digest for digest in digests if digest not in found]))
    return found
