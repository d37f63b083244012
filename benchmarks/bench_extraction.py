"""How well and how fast web pages' article text is extracted:
``python benchmarks/bench_extraction.py [--pages N]``.

Quality: precision, recall and F1 of the body against a ground truth, measured as the public
article-extraction benchmarks measure it (ScrapingHub's article-extraction-benchmark,
``evaluate.py``): both texts are cut into word tokens (``\\w+``), runs of 4 consecutive tokens
("shingles") are counted, and a page's true positives, false positives and false negatives are
the shingles the two share, the extra ones and the missing ones, normalised so that each page
weighs the same; precision and recall are the means over the pages, F1 their harmonic mean.

Ground truth: the real news pages (CNN, Wired, Time, cleveland.com, Fox 13, Yonhap; English,
Spanish, Chinese, Japanese, Arabic, Thai, Latvian…) with their expected article text that the
newspaper4k project ships as test data (``tests/data/html/*.html`` beside ``tests/data/txt/``)
in its source package. The script fetches that package once with ``pip download`` into the
benchmarks' cache folder (``CATALOG_BENCH_CACHE``, default ``~/.cache/catalog-bench``), as
``real_text.py`` does for the Lee corpus; nothing of it is committed. Caveat: the expected
texts were made for newspaper's own tests and follow its idea of an article body (captions
and bylines sometimes in, sometimes out); the comparison between methods is what counts.

Methods: ``trafilatura alone`` (``trafilatura.extract(html)``, its default call), ``ours``
(``catalog.importing.formats.html.extract_page``), and two fallbacks evaluated for pages where
ours finds little (under 150 words): trafilatura with ``favor_recall``, and readability-lxml
(only where it is installed: ``pip install readability-lxml``); and trafilatura with
``favor_precision``, a setting weighed and not taken (it empties or halves some real pages).
Speed: pages a second of each
method on the same pages, and of ours on the 109 real pages of the project's web-page corpus
when it is on this machine (``CATALOG_WEB_PAGES`` or ``shared/corpora/web-pages``).

``--warc-mb 1024`` instead writes a web archive of 1 GB (photos and real-text pages) into a
temporary folder and reads it range by range in a child process, printing that process's
peak memory: the archive is streamed, never held whole.
"""

import argparse
import gzip
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))

from real_text import cache_folder

from catalog.importing.formats.html import extract_page

#: The source package that holds the ground truth, pinned so the figures can be reproduced.
GROUND_TRUTH_PACKAGE = "newspaper4k==0.9.6"
SHINGLE = 4
#: Ours is "short" below this many words: where a fallback is tried.
SHORT_WORDS = 150
_TOKEN = re.compile(r"\w+")


def ground_truth() -> list[tuple[str, bytes, str]]:
    """(name, page's bytes, expected article text) of every page with an expected text."""
    folder = cache_folder() / "newspaper4k-truth"
    if not folder.exists():
        _fetch_ground_truth(folder)
    pages = []
    for html in sorted((folder / "html").glob("*.html")):
        expected = folder / "txt" / f"{html.stem}.txt"
        if expected.exists() and expected.read_text(encoding="utf-8").strip():
            pages.append((html.stem, html.read_bytes(), expected.read_text(encoding="utf-8")))
    return pages


def _fetch_ground_truth(folder: Path) -> None:
    """Unpack the package's pages and expected texts (and nothing else) into ``folder``."""
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary",
                ":all:",
                "-q",
                "-d",
                scratch,
            ]
            + [GROUND_TRUTH_PACKAGE],
            check=True,
        )
        [archive] = Path(scratch).glob("newspaper4k-*.tar.gz")
        staging = Path(scratch) / "truth"
        with tarfile.open(archive) as source:
            for member in source.getmembers():
                parts = Path(member.name).parts
                if member.isfile() and parts[1:4] in (("tests", "data", "html"), ("tests", "data", "txt")):
                    target = staging / parts[3] / parts[-1]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(source.extractfile(member).read())
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging.rename(folder)


def shingles(text: str) -> Counter:
    """The text's runs of SHINGLE word tokens, counted (a text shorter than that: one run)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)) if tokens)


def page_counts(expected: str, extracted: str) -> tuple[float, float, float]:
    """A page's (true positives, false positives, false negatives) over shingles, summing to 1."""
    want, got = shingles(expected), shingles(extracted)
    shared = sum((want & got).values())
    extra = sum((got - want).values())
    missing = sum((want - got).values())
    total = shared + extra + missing
    return (shared / total, extra / total, missing / total) if total else (0.0, 0.0, 0.0)


def scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Precision and recall averaged over pages (ScrapingHub's conventions for empty ones),
    and F1 of the two."""
    precisions = [_ratio(tp, fp, fn, fp) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [_ratio(tp, fp, fn, fn) for tp, fp, fn in counts if tp + fn > 0]
    precision, recall = statistics.mean(precisions or [0.0]), statistics.mean(recalls or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _ratio(tp: float, fp: float, fn: float, wrong: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + wrong) if tp + wrong else 0.0


def trafilatura_alone(html: bytes) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def ours(html: bytes) -> str:
    page = extract_page(html)
    return page.body if page else ""


def ours_then_recall(html: bytes) -> str:
    """Ours, and where it finds little, trafilatura favouring recall (the longer of the two)."""
    import trafilatura

    body = ours(html)
    if len(body.split()) >= SHORT_WORDS:
        return body
    wider = trafilatura.extract(html, favor_recall=True, include_comments=False) or ""
    return max(body, wider, key=len)


def ours_then_readability(html: bytes) -> str:
    """Ours, and where it finds little, readability-lxml's summary as text (the longer)."""
    from lxml import html as lxml_html
    from readability import Document

    body = ours(html)
    if len(body.split()) >= SHORT_WORDS:
        return body
    summary = lxml_html.fromstring(Document(html).summary())
    paragraphs = (" ".join(block.text_content().split()) for block in summary.iter("p", "li", "h2", "h3"))
    wider = "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
    return max(body, wider, key=len)


def precision_first(html: bytes) -> str:
    """trafilatura favouring precision (evaluated, not used: see the README's figures)."""
    import trafilatura

    return trafilatura.extract(html, favor_precision=True, include_comments=False) or ""


def methods() -> dict:
    chosen = {
        "trafilatura alone": trafilatura_alone,
        "ours": ours,
        "ours + favor_recall": ours_then_recall,
        "favor_precision": precision_first,
    }
    try:
        import readability  # noqa: F401
    except ImportError:
        print("readability-lxml is not installed: its fallback is not measured")
    else:
        chosen["ours + readability"] = ours_then_readability
    return chosen


def measure(pages: list[tuple[str, bytes, str]]) -> None:
    print(
        f"{len(pages)} pages with an expected text ({GROUND_TRUTH_PACKAGE} test data), shingles of {SHINGLE}"
    )
    print(f"{'method':<22} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/s':>8}")
    for name, extract in methods().items():
        extract(pages[0][1])  # load the extractor's modules before timing
        started = time.perf_counter()
        outputs = [extract(html) for _, html, _ in pages]
        rate = len(pages) / (time.perf_counter() - started)
        precision, recall, f1 = scores(
            [page_counts(want, got) for (_, _, want), got in zip(pages, outputs, strict=True)]
        )
        print(f"{name:<22} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {rate:>8.1f}")


def corpus_speed(limit: int | None) -> None:
    """Ours and trafilatura alone on the project's real pages: pages a second."""
    folder = _corpus_folder()
    if folder is None:
        print("the corpus of real web pages is not on this machine: its speed is not measured")
        return
    pages = [gzip.decompress(path.read_bytes()) for path in sorted(folder.glob("*.html.gz"))][:limit]
    for name, extract in (("trafilatura alone", trafilatura_alone), ("ours", ours)):
        started = time.perf_counter()
        empty = sum(not extract(html) for html in pages)
        rate = len(pages) / (time.perf_counter() - started)
        print(f"{len(pages)} real pages of the corpus, {name}: {rate:.1f} pages/s ({empty} without text)")


def _corpus_folder() -> Path | None:
    repo = Path(__file__).resolve().parent.parent
    for candidate in (os.environ.get("CATALOG_WEB_PAGES"), repo.parent / "shared/corpora/web-pages"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    shared = Path("/work/shared/corpora/web-pages")
    return shared if shared.is_dir() else repo / "tests" / "fixtures" / "web-pages"


def build_warc(path: Path, megabytes: int) -> tuple[int, int]:
    """A .warc.gz of about ``megabytes`` MB at ``path``: a crawl's mix of photos (200 KB of
    incompressible bytes each) and, every fifth record, a news page of real text (the Lee
    corpus). Returns (records, pages)."""
    from io import BytesIO

    from real_text import lee_articles
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    articles, records, pages = lee_articles(), 0, 0
    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=True)
        while output.tell() < megabytes * 1024 * 1024:
            records += 1
            if records % 5:
                uri, kind, payload = (
                    f"https://news.example/photo/{records}.jpg",
                    "image/jpeg",
                    os.urandom(200_000),
                )
            else:
                pages += 1
                paragraphs = "".join(f"<p>{articles[(pages + n) % len(articles)]}</p>" for n in range(4))
                html = f"<html><head><title>Story {pages}</title></head><body><article>{paragraphs}</article></body></html>"
                uri, kind, payload = (
                    f"https://news.example/story/{pages}",
                    "text/html; charset=utf-8",
                    html.encode(),
                )
            http = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=BytesIO(payload), http_headers=http)
            )
    return records, pages


def read_warc(path: str) -> None:
    """Cut the archive into ranges and read every range, as the import's workers would (one
    after the other here); print the time and this process's peak memory."""
    import resource

    from catalog.importing.formats import Extracted, Piece, warc

    started = time.perf_counter()
    spans = list(warc.spans(path, 10 * 1024 * 1024))
    cut = time.perf_counter() - started
    articles = failed = 0
    for start, stop, first in spans:
        for result in warc.read(Piece(path=path, format="warc", start=start, stop=stop, first_number=first)):
            articles, failed = (
                articles + isinstance(result, Extracted),
                failed + (not isinstance(result, Extracted)),
            )
    total = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(spans)} ranges found in {cut:.1f} s; {articles} articles, {failed} failed, in {total:.1f} s")
    print(f"peak memory of the reading process: {peak:.0f} MB")


def warc_memory(megabytes: int) -> None:
    """Build a web archive of ``megabytes`` MB and read it in a child process of its own."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "crawl.warc.gz"
        records, pages = build_warc(path, megabytes)
        print(
            f"web archive of {path.stat().st_size / 1024 / 1024:,.0f} MB: {records:,} records, {pages:,} pages"
        )
        subprocess.run([sys.executable, __file__, "--read-warc", str(path)], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pages", type=int, default=None, help="measure speed on the first N corpus pages only"
    )
    parser.add_argument(
        "--warc-mb", type=int, help="instead: the memory of reading a web archive of this many MB"
    )
    parser.add_argument("--read-warc", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read_warc:
        read_warc(args.read_warc)
    elif args.warc_mb:
        warc_memory(args.warc_mb)
    else:
        measure(ground_truth())
        corpus_speed(args.pages)


if __name__ == "__main__":
    main()
