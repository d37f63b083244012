"""How often suggested links find the claim's partner, and how fast, for the former ranking and
the present one (``catalog.claims.suggestions``), in one process:

    python benchmarks/bench_suggestions.py [--big sqlite:////tmp/bench16/edit-100000.sqlite3?mode=ro]

The catalogue: the Lee corpus (300 real Australian news articles of 2001, many on the same
few stories: the Middle East, Afghanistan, bushfires, Qantas; see real_text.py), on SQLite in a
temporary folder. ``suggestion_pairs.json`` holds 50 pairs written from it: a claim, a real
sentence of one article (marked as a claim), and a restatement of it in other words, written by
hand and put into another article on a related story (each "host" once). The other articles,
and the host around the restatement, are the distractors. For each claim it prints the share
whose restatement is among the first three suggestions (as the dialog lists them), among the
first three passages alone, and among the first ten; and the median time of one suggestion.

``--big LOCATION`` also times both on a large catalogue (read-only: ``?mode=ro``), for claims
made of the first sentence of 20 of its articles spread over it.
"""

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_text import lee_articles

from catalog.backends import backend
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.claims import suggestions
from catalog.claims.store import add_claim_by_text
from catalog.claims.terms import STOP_WORDS
from catalog.importing import import_paths
from catalog.models import Article, Claim, ClaimLink
from catalog.search.matching import fold, word_pattern

PAIRS = Path(__file__).with_name("suggestion_pairs.json")
TOP = 3


# --- the former ranking, as it was (SQLite's bm25 chose the candidates) ---------------------

_OLD_WORD = re.compile(r"\w+")
_OLD_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n\s*\n")


def old_suggest(text: str, article_id: int, claim_id: int | None = None, limit: int = 10) -> list:
    """The former ``suggest_links``: up to ``limit`` claims, then up to ``limit`` passages."""
    terms = old_key_terms(text)
    if not terms:
        return []
    claims = _old_claims(claim_id, article_id, terms, limit)
    return claims + _old_passages(article_id, terms, limit, claims)


def old_key_terms(text: str, count: int = 12) -> list[str]:
    words = [w for w in dict.fromkeys(_OLD_WORD.findall(fold(text))) if len(w) > 2 and w not in STOP_WORDS]
    frequency = {w: backend().articles_with_word(w, 2000) for w in words}
    frequency = {w: n for w, n in frequency.items() if n}
    return sorted(frequency, key=lambda w: (frequency[w], words.index(w)))[:count]


def _old_claims(claim_id, article_id, terms, limit) -> list:
    linked = ClaimLink.select(ClaimLink.target).where(ClaimLink.source == claim_id) | ClaimLink.select(
        ClaimLink.source
    ).where(ClaimLink.target == claim_id)
    skip = {claim_id, *(i for (i,) in linked.tuples())}
    found = []
    for other_id in backend().claims_with_words(terms, limit + len(skip) + 50):
        other = Claim.get_by_id(other_id)
        if other_id in skip or other.article_id == article_id:
            continue
        found.append(("claim", other.article_id, other.start, other.end))
        if len(found) == limit:
            break
    return found


def _old_passages(article_id, terms, limit, taken) -> list:
    pattern = word_pattern(terms)
    marked = {(a, s) for _, a, s, _ in taken}
    found = []
    for other in backend().articles_with_words(terms, article_id, limit * 2):
        body = Article.select(Article.body).where(Article.id == other).scalar() or ""
        best = _old_best_sentence(body, pattern)
        if best is None or (other, best[0]) in marked:
            continue
        if Claim.select().where(Claim.article == other, Claim.start < best[1], Claim.end > best[0]).exists():
            continue
        found.append(("passage", other, *best))
        if len(found) == limit:
            break
    return found


def _old_best_sentence(body: str, pattern):
    best, best_score, start = None, 0, 0
    folded = fold(body)
    for end in [m.start() for m in _OLD_SENTENCE_END.finditer(body)] + [len(body)]:
        score = len({m.group() for m in pattern.finditer(folded, start, end)})
        if score > best_score and body[start:end].strip():
            best, best_score = (start, end), score
        start = end
        while start < len(body) and (body[start].isspace() or body[start] in "\"'”’)"):
            start += 1
    return best


def new_suggest(text: str, article_id: int, claim_id: int | None = None, limit: int = 10) -> list:
    found = suggestions.suggest_for_text(text, article_id, claim_id=claim_id, limit=limit)
    return [(s.kind, s.article_id, s.start, s.end) for s in found]


RANKINGS = (("old", old_suggest), ("new", new_suggest))


# --- the catalogue of pairs ------------------------------------------------------------------


def build(folder: Path) -> list[tuple[int, str, int, tuple[int, int]]]:
    """Import the corpus with each restatement put into its host; mark each claim. Returns
    (claim id, claim text, host article id, the restatement's place in the host)."""
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))
    texts = lee_articles()
    hosted = {pair["host_article"]: pair["restatement"] for pair in pairs}
    files = folder / "articles"
    files.mkdir()
    seen = set()
    for number, text in enumerate(texts):
        if number in hosted:
            text = _put_inside(text, hosted[number])
        if text in seen:
            continue  # the corpus holds a few articles twice
        seen.add(text)
        (files / f"lee-{number:03d}.txt").write_text(f"Lee article {number}\n\n{text}\n", encoding="utf-8")
    open_catalogue(str(folder / "pairs.sqlite3"))
    report = import_paths([files], workers=1)
    ids = {Path(item.path).stem: item.article_id for item in report.imported}
    made = []
    for pair in pairs:
        claim_article = ids[f"lee-{pair['claim_article']:03d}"]
        host = ids[f"lee-{pair['host_article']:03d}"]
        claim_id = add_claim_by_text(claim_article, pair["claim"])
        body = Article.get_by_id(host).body
        start = body.index(pair["restatement"])
        made.append((claim_id, pair["claim"], claim_article, host, (start, start + len(pair["restatement"]))))
    return made


def _put_inside(text: str, sentence: str) -> str:
    """``sentence`` after the sentence of ``text`` nearest its middle."""
    ends = [m.end() for m in re.finditer(r"[.!?]\"?\s+", text)]
    if not ends:
        return f"{text} {sentence}"
    at = min(ends, key=lambda end: abs(end - len(text) // 2))
    return f"{text[:at]}{sentence} {text[at:]}"


def rank_of(found: list, host: int, span: tuple[int, int], kinds=("claim", "passage")) -> int | None:
    listed = [item for item in found if item[0] in kinds]
    for rank, (_, article_id, start, end) in enumerate(listed, 1):
        if article_id == host and start < span[1] and span[0] < end:
            return rank
    return None


def measure(made) -> None:
    print(f"{len(made)} pairs; the partner among the suggestions (list as shown; passages alone):")
    print(f"{'ranking':>8} {'top 3':>7} {'top 3 passages':>15} {'top 10':>7} {'median':>9}")
    for name, suggest in RANKINGS:
        top3 = passages3 = top10 = 0
        seconds = []
        for claim_id, text, article_id, host, span in made:
            started = time.perf_counter()
            found = suggest(text, article_id, claim_id)
            seconds.append(time.perf_counter() - started)
            rank = rank_of(found, host, span)
            passage_rank = rank_of(found, host, span, kinds=("passage",))
            top3 += rank is not None and rank <= TOP
            passages3 += passage_rank is not None and passage_rank <= TOP
            top10 += rank is not None and rank <= 10
        share = len(made) / 100
        print(
            f"{name:>8} {top3 / share:>6.0f}% {passages3 / share:>14.0f}% {top10 / share:>6.0f}% "
            f"{statistics.median(seconds) * 1000:>7.1f}ms"
        )


def misses(made) -> None:
    """Which pairs the present ranking leaves out of the top three, and what it puts there."""
    for claim_id, text, article_id, host, span in made:
        found = suggestions.suggest_for_text(text, article_id, claim_id=claim_id)
        rank = rank_of([(s.kind, s.article_id, s.start, s.end) for s in found], host, span)
        if rank is None or rank > TOP:
            print(f"\nmissed (rank {rank}): {text[:100]}")
            for s in found[:TOP]:
                print(f"   {s.score:6.2f} {s.kind:8} {s.text[:100]}")


def time_big(location: str) -> None:
    open_catalogue(location, create=False)
    count = Article.select().count()
    ids = [row for (row,) in Article.select(Article.id).order_by(Article.id).tuples()]
    chosen = ids[:: max(1, len(ids) // 20)][:20]
    claims = []
    for article_id in chosen:
        body = Article.get_by_id(article_id).body
        sentence = re.split(r"(?<=[.!?])\s+", body.strip(), maxsplit=1)[0][:400]
        claims.append((sentence, article_id))
    print(f"\n{count:,} articles: one suggestion (of 10 + 10), over {len(claims)} claims")
    print(f"{'ranking':>8} {'median':>9} {'slowest':>9}")
    for name, suggest in RANKINGS:
        suggest(*claims[0])  # the first reads the index's pages from disk
        seconds = []
        for text, article_id in claims:
            started = time.perf_counter()
            suggest(text, article_id)
            seconds.append(time.perf_counter() - started)
        print(f"{name:>8} {statistics.median(seconds) * 1000:>7.1f}ms {max(seconds) * 1000:>7.1f}ms")
    close_catalogue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--big", metavar="LOCATION", help="also time both on this (large) catalogue")
    parser.add_argument("--misses", action="store_true", help="list the pairs the new ranking misses")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        made = build(Path(scratch))
        try:
            measure(made)
            if options.misses:
                misses(made)
        finally:
            close_catalogue()
    if options.big:
        time_big(options.big)


if __name__ == "__main__":
    main()
