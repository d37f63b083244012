"""Real news text for benchmarks: the Lee corpus (300 Australian news articles, one per line).

Generated words hide what real text has (abbreviations, quotes, numbers, long words), so the
benchmarks run on this. The corpus ships inside the gensim wheel; it is fetched once with
``pip download`` into a cache folder (``CATALOG_BENCH_CACHE``, default ``~/.cache/catalog-bench``)
and read from there. gensim itself is never installed.
"""

import glob
import os
import subprocess
import sys
import tempfile
import zipfile
from functools import cache
from pathlib import Path

CORPUS_MEMBER = "gensim/test/test_data/lee_background.cor"


def cache_folder() -> Path:
    return Path(os.environ.get("CATALOG_BENCH_CACHE", Path.home() / ".cache" / "catalog-bench"))


@cache
def lee_articles() -> list[str]:
    """The 300 articles of the Lee corpus, as plain text."""
    corpus = cache_folder() / "lee_background.cor"
    if not corpus.exists():
        corpus.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as scratch:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", scratch, "gensim"],
                check=True,
            )
            [wheel] = glob.glob(os.path.join(scratch, "gensim-*.whl"))
            with zipfile.ZipFile(wheel) as archive:
                corpus.write_bytes(archive.read(CORPUS_MEMBER))
    return [line.strip() for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]


def real_text(min_chars: int, *, start: int = 0) -> str:
    """At least ``min_chars`` characters of real articles, one paragraph per article, from the
    ``start``-th article on (wrapping around)."""
    articles = lee_articles()
    paragraphs, size, index = [], 0, start
    while size < min_chars:
        paragraph = articles[index % len(articles)]
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        index += 1
    return "\n\n".join(paragraphs)
