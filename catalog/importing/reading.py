"""Reading and parsing article files a batch at a time, in worker processes for big imports.

Parsing is plain Python and costs as much as writing, so while the main process writes one
batch, workers read the next ones. At most a few batches are in flight, so memory stays flat
however many files there are. Small imports never pay for starting workers.

Workers are forked from a single-threaded process (the command line: the quickest start).
Forking a process that runs other threads (the window: Qt's, the writer's) can copy a lock
another thread held, so there workers come from a fork server instead (a fresh interpreter
started once, that forks each worker from itself: safe beside Qt), or are spawned where there
is no fork server. Both load the caller's main script again, as ``__mp_main__``: a script
that starts an import keeps its work under ``if __name__ == "__main__"``, as every
multiprocessing program must.
"""

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain, islice

from catalog.fingerprints import fingerprint
from catalog.importing.article_text import ArticleText, normalise_newlines, parse_article
from catalog.importing.decoding import NotText
from catalog.importing.extracted import article_of
from catalog.importing.files import DEFAULT_MAX_SIZE, Skipped, path_text, read_file, text_of
from catalog.importing.formats import HEAD_BYTES, Extracted, FormatError, Piece, detect, reader
from catalog.importing.pieces import FileDone, in_pieces
from catalog.limits import OverLimit, check_file_article
from catalog.sources import source_of
from catalog.stories import sketch_of

BATCH_SIZE = 1000
#: A batch also holds at most this many bytes of files (by the sizes they report): a batch is
#: one write transaction, and another desk waits for the catalogue while it is written. 1,000
#: news articles (5 KB each) fit; 1,000 long ones of 300 KB would hold it for seconds.
BATCH_BYTES = 8 * 1024 * 1024
PARENT_CHECK_INTERVAL = 0.5  # seconds


def batches(items: Iterable, max_size: int = DEFAULT_MAX_SIZE) -> Iterator[list]:
    """``items`` in lists of at most BATCH_SIZE files and BATCH_BYTES bytes (a bigger file is a
    batch alone). Files over ``max_size`` weigh nothing: they are refused unread."""
    size, max_bytes = BATCH_SIZE, BATCH_BYTES
    batch: list = []
    weight = 0
    for item in items:
        item_weight = _reported_size(item, max_size)
        if batch and (len(batch) >= size or weight + item_weight > max_bytes):
            yield batch
            batch, weight = [], 0
        batch.append(item)
        weight += item_weight
    if batch:
        yield batch


def _reported_size(item: str | Skipped | Piece, max_size: int) -> int:
    if isinstance(item, Skipped):
        return 0
    if isinstance(item, Piece):
        return (item.stop - item.start) if item.stop is not None else max_size
    try:
        size = os.stat(item).st_size
    except OSError:
        return 0
    return size if size <= max_size else 0


@dataclass(frozen=True, slots=True)
class Failed:
    path: str
    reason: str


@dataclass(frozen=True)
class PreparedArticle:
    """A file read and parsed, ready to be written."""

    path: str  #: as the user gave it (perhaps with bytes that are not UTF-8), for reports
    source: str  #: absolute, as text (``path_text``), for the catalogue
    text: ArticleText
    digest: str  #: the fingerprint of the article's text (catalog.fingerprints)
    file_digest: str = ""  #: of the whole file, as releases before schema 13 took it
    #: The sketch that finds the article's copies (catalog.stories), made here, in the
    #: import's worker processes, rather than in the one process that writes.
    sketch: tuple[int, ...] | None = None


def prepare(
    candidate: str | Skipped | Piece, max_size: int = DEFAULT_MAX_SIZE
) -> list[PreparedArticle | Failed]:
    """Read and parse one file, or one piece of a container: its articles, and a Failed for
    each that is not one (the whole file's, or one record's) saying why."""
    if isinstance(candidate, Skipped):
        return [Failed(candidate.path, candidate.reason)]
    if isinstance(candidate, Piece):
        return _from_reader(candidate)
    try:
        data = read_file(candidate, max_size)
        kind = detect(candidate, data[:HEAD_BYTES])
        if kind != "text":
            found = _from_reader(Piece(candidate, kind, data=data, limit=max_size))
            if _read_as_named(candidate, kind, found):
                return [_text_file(candidate, data)]
            return found
        return [_text_file(candidate, data)]
    except (NotText, OverLimit) as exc:
        return [Failed(candidate, str(exc))]
    except Exception as exc:  # noqa: BLE001 - a file no rule foresaw must not stop the other ten thousand
        return [Failed(candidate, f"could not be read ({type(exc).__name__}: {exc})")]


def _text_file(path: str, data: bytes) -> PreparedArticle:
    text = normalise_newlines(text_of(data))
    article = parse_article(text, fallback_title=os.path.splitext(os.path.basename(path))[0])
    check_file_article(article)
    return PreparedArticle(
        path=path,
        source=path_text(os.path.abspath(path)),
        text=article,
        digest=fingerprint(article.body),
        file_digest=fingerprint(text),
        sketch=tuple(sketch_of(article.body)),
    )


def _read_as_named(path: str, kind: str, found: list) -> bool:
    """Whether a file whose content looked like ``kind`` but gave nothing is read as the text
    its name says it is: a ``.txt`` article that begins like a message or a page."""
    failed_whole = len(found) == 1 and isinstance(found[0], Failed) and found[0].path == path
    return failed_whole and kind in ("eml", "mbox", "html", "ris") and path.casefold().endswith(".txt")


def _from_reader(piece: Piece) -> list[PreparedArticle | Failed]:
    """The articles a format's reader finds in ``piece``; what it cannot read, as Failed."""
    results: list[PreparedArticle | Failed] = []
    try:
        for item in reader(piece.format).read(piece):
            if isinstance(item, Extracted):
                results.append(_prepared(piece.path, item))
            else:
                results.append(Failed(source_of(piece.path, item.place), item.reason))
    except (FormatError, NotText, OverLimit) as exc:
        results.append(Failed(piece.path, str(exc)))
    except MemoryError:
        results.append(Failed(piece.path, "too large to read in the memory there is"))
    except Exception as exc:  # noqa: BLE001 - a reader's library failing on one file stops nothing else
        what = "the rest of it could not be read" if results else "could not be read"
        results.append(Failed(piece.path, f"{what} ({type(exc).__name__}: {exc})"))
    return results


def _prepared(path: str, item: Extracted) -> PreparedArticle | Failed:
    where = source_of(path, item.place)
    try:
        article = article_of(item, fallback_title=_fallback_title(path, item.place))
        check_file_article(article)
    except (NotText, OverLimit) as exc:
        return Failed(where, str(exc))
    source = source_of(path_text(os.path.abspath(path)), item.place)
    return PreparedArticle(
        path=where,
        source=source,
        text=article,
        digest=fingerprint(article.body),
        sketch=tuple(sketch_of(article.body)),
    )


def _fallback_title(path: str, place: str) -> str:
    name = os.path.basename(path)
    for suffix in (".gz", ".html", ".htm", ".xhtml", ".pdf", ".docx", ".eml", ".txt"):
        name = name.removesuffix(suffix) if name.casefold().endswith(suffix) else name
    return f"{name} {place}" if place else name


def prepare_batch(
    candidates: list, max_size: int = DEFAULT_MAX_SIZE, cancelled: Callable[[], bool] | None = None
) -> list[PreparedArticle | Failed | FileDone]:
    """``prepare`` each candidate (in a worker process, or in the importing thread); stops early,
    with what was prepared so far, once ``cancelled()`` says so. After the articles of each file
    (of its last piece, for a container read in pieces) comes a FileDone, for progress."""
    prepared: list = []
    for candidate in candidates:
        if cancelled is not None and cancelled():
            break
        prepared += prepare(candidate, max_size)
        if not isinstance(candidate, Piece) or candidate.last:
            prepared.append(FileDone(candidate if isinstance(candidate, str) else candidate.path))
    return prepared


def prepared_batches(
    candidates: Iterable[str | Skipped],
    max_size: int = DEFAULT_MAX_SIZE,
    *,
    workers: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[list]:
    """Batches of prepared articles and failures, in the candidates' order.

    Read in this thread (a small import), a batch stops early when ``cancelled()`` says so (it
    is asked before each file). Workers read whole batches; the importer writes none once
    cancelled, and those not yet started are never read.
    """
    chunks = batches(in_pieces(candidates, max_size), max_size)
    wanted = reading_workers() if workers is None else min(workers, max_workers())
    # Never more workers than batches: look that far ahead (lists of names: cheap).
    ahead = list(islice(chunks, max(wanted, 2)))
    workers = min(wanted, len(ahead))
    if len(ahead) < 2 or workers < 1:
        for chunk in chain(ahead, chunks):
            yield prepare_batch(chunk, max_size, cancelled)
        return
    yield from _in_workers(chain(ahead, chunks), max_size, workers)


def default_workers() -> int:
    """One process per core beside the writer's, at least one, at most four."""
    return max(1, min(4, (os.cpu_count() or 1) - 1))


def reading_workers() -> int:
    """An import's readers: one process per core, at least one, at most four. The writer
    waits on the disk and the database for much of an import, and web pages, PDFs and the
    rest cost their readers most of it: on two cores two readers extract pages twice as fast
    as one (benchmarks/bench_import.py --formats), and text files take the same time."""
    return max(1, min(4, os.cpu_count() or 1))


def max_workers() -> int:
    """The most workers an import starts, whatever it is asked: twice the cores (more only
    share the same cores, each with a copy of the importing process)."""
    return 2 * (os.cpu_count() or 1)


def start_method() -> str:
    """How workers are started here: see the module's notes."""
    methods = multiprocessing.get_all_start_methods()
    single_threaded = threading.current_thread() is threading.main_thread() and threading.active_count() == 1
    if single_threaded and "fork" in methods:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _worker_context() -> multiprocessing.context.BaseContext:
    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # Loaded once in the server, so each worker starts with it (the main script as well:
        # each worker would load it otherwise).
        context.set_forkserver_preload(["__main__", __name__])
    return context


def _in_workers(chunks: Iterator[list], max_size: int, workers: int) -> Iterator[list]:
    pending: deque[tuple[list, Future]] = deque()
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_worker_context(),
        initializer=_exit_with_parent,
    )
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(prepare_batch, chunk, max_size)))
            # One batch per worker being read while the writer writes another.
            if len(pending) > workers:
                yield _result(*pending.popleft(), max_size)
        while pending:
            yield _result(*pending.popleft(), max_size)
    finally:
        # Cancelled (the importer took no more batches): those not started are never read, and
        # the importer does not wait for those being read (their workers end when they are).
        pool.shutdown(wait=False, cancel_futures=True)


def _exit_with_parent() -> None:
    """Runs in each worker: if the importing process is killed, its workers end too. A forked
    or spawned worker is the importer's child; one from a fork server is the server's child,
    and the server ends with the importer: either way the worker's parent changes."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_INTERVAL)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="exit-with-parent").start()


def _result(chunk: list, future: Future, max_size: int) -> list:
    try:
        return future.result()
    except BrokenProcessPool:
        return prepare_batch(chunk, max_size)  # a worker died (out of memory?): do this batch here
