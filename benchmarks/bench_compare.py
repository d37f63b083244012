"""How long comparing two long copies takes: ``python benchmarks/bench_compare.py [WORDS]``
(default 10,000 words a text).

It joins articles of the Lee corpus (real news text) into one text of WORDS words in paragraphs,
makes copies of it as republishers do (rewrapped, a word changed in one paragraph in ten, a
paragraph dropped, a byline and a footer added), and a text of other articles, then times
``catalog.stories.compare.compare`` on each pair (median of 5) against one
``difflib.SequenceMatcher`` over the whole texts' words, the baseline the two-step alignment
avoids (autojunk off, as the comparison needs every word aligned). Target (issue 18): two
10,000-word articles compared well under a second.
"""

import difflib
import random
import statistics
import sys
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))

from real_text import lee_articles

from catalog.stories import compare as compare_module
from catalog.stories.compare import compare
from catalog.stories.text import comparable_words


def long_text(articles: list[str], words: int) -> str:
    paragraphs, count = [], 0
    for article in articles:
        sentences = article.split(". ")
        for start in range(0, len(sentences), 3):
            paragraph = ". ".join(sentences[start : start + 3])
            paragraphs.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                return "\n\n".join(paragraphs)
    return "\n\n".join(paragraphs)


def republished(text: str, rng: random.Random) -> str:
    paragraphs = text.split("\n\n")
    del paragraphs[len(paragraphs) // 2]
    for index in range(0, len(paragraphs), 10):
        words = paragraphs[index].split()
        words[rng.randrange(len(words))] = "reportedly"
        paragraphs[index] = " ".join(words)
    body = "\n\n".join(textwrap.fill(paragraph, 64) for paragraph in paragraphs)
    return f"By A. Writer via The Daily Example\n\n{body}\n\nSubscribe to our newsletter for more.\n"


def timed(work, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        compare_module._paragraphs.cache_clear()  # each run reads both texts afresh
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    words = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    articles = lee_articles()
    rng = random.Random(18)
    text = long_text(articles * 20, words)
    shuffled = list(articles)
    rng.shuffle(shuffled)
    other = long_text(shuffled * 20, words)
    pairs = {
        "identical": (text, text),
        "republished": (text, republished(text, rng)),
        "different": (text, other),
    }
    print(f"{len(comparable_words(text)):,} words a text")
    for name, (left, right) in pairs.items():
        seconds = timed(lambda left=left, right=right: compare(left, right))
        result = compare(left, right)
        one, two = comparable_words(left), comparable_words(right)
        baseline = timed(
            lambda one=one, two=two: difflib.SequenceMatcher(None, one, two, autojunk=False).get_opcodes(), 1
        )
        print(
            f"{name:<12} compare {seconds * 1000:8.1f} ms   one SequenceMatcher {baseline * 1000:8.1f} ms   "
            f"ratio {seconds / baseline:5.2f}   added {result.added:,} removed {result.removed:,} "
            f"changed {result.changed:,} kept {result.kept:.3f}"
        )


if __name__ == "__main__":
    main()
