"""How long carrying claims through an edit of an article's text takes: the letter-level difflib
the window used until now against the line/word diff of catalog.claims.anchoring, in one process.

    python benchmarks/bench_anchoring.py [--claims 5] [--sizes 10,40,80] [--full]

For each size, an article of that many KB of real news text (the Lee corpus, see real_text.py)
with several claims (sentences spread over it) is corrected as an editor would: a typo fixed
near the top, a sentence added in the middle, one removed near the end, a word changed inside
a claim. "old" is the former ``reanchor``: a SequenceMatcher over characters, made again for
each claim; it costs the same for every claim, so unless ``--full`` it is timed on the first
claim and multiplied by the number of claims (the output says so). "new" is the whole of it:
``edit_opcodes`` once, then every claim. "save" is ``replace_body`` on a scratch SQLite
catalogue: the transaction the window's write pool runs, index and all.
"""

import argparse
import difflib
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_text import real_text

from catalog.claims.anchoring import ClaimTextNotFound, _carry, edit_opcodes, find_offsets, reanchor


def old_reanchor(old_body: str, new_body: str, start: int, end: int, text: str):
    """The former algorithm, as it was: letter-level difflib for each claim."""
    opcodes = difflib.SequenceMatcher(None, old_body, new_body, autojunk=False).get_opcodes()
    for tag, old_from, old_to, new_from, _ in opcodes:
        if tag == "equal" and old_from <= start and end <= old_to:
            return start + new_from - old_from, end + new_from - old_from
    try:
        return find_offsets(new_body, text, near=start)
    except ClaimTextNotFound:
        pass
    new_start, new_end = _carry(opcodes, start, at_end=False), _carry(opcodes, end, at_end=True)
    return (new_start, new_end) if new_body[new_start:new_end].strip() else None


def article_and_edit(kb: int, claims: int) -> tuple[str, str, list[tuple[int, int, str]]]:
    """Real text of ``kb`` KB, claims on sentences spread over it, and the corrected text."""
    body = real_text(kb * 1000, start=kb)
    spans = []
    for number in range(claims):
        at = body.index(". ", len(body) * (number + 1) // (claims + 1)) + 2
        end = body.index(".", at) + 1
        spans.append((at, end, body[at:end]))
    words = body[spans[0][0] : spans[0][1]].split()
    inside = spans[0][0] + len(" ".join(words[:3])) + 1  # a word inside the first claim
    new = body[:inside] + "reportedly " + body[inside:]
    new = new.replace(" the ", " teh ", 1).replace(" teh ", " the ", 1)  # a typo fixed near the top
    first_space = new.index(" ", 200)
    new = new[:first_space] + "," + new[first_space:]
    middle = new.index(". ", len(new) // 2) + 2
    new = new[:middle] + "The figures were confirmed on Tuesday by the bureau. " + new[middle:]
    late = new.index(". ", len(new) * 9 // 10) + 2
    new = new[:late] + new[new.index(". ", late) + 2 :]
    return body, new, spans


def timed(run) -> tuple[float, object]:
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def bench_save(body: str, new: str, spans) -> float:
    from catalog.body_editing import replace_body
    from catalog.catalogue import close_catalogue, open_catalogue
    from catalog.claims.store import add_claim
    from catalog.models import Article
    from catalog.search import fulltext

    with tempfile.TemporaryDirectory() as scratch:
        open_catalogue(str(Path(scratch) / "bench.sqlite3"))
        try:
            article = Article.create(title="Bench", body=body, content_hash="b" * 64)
            fulltext.index([article.id])
            for start, end, _ in spans:
                add_claim(article.id, start, end)
            seconds, _ = timed(lambda: replace_body(article.id, new))
        finally:
            close_catalogue()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=5)
    parser.add_argument("--sizes", default="10,40,80", help="article sizes in KB")
    parser.add_argument("--full", action="store_true", help="time the old algorithm on every claim")
    options = parser.parse_args()
    print(f"{'size':>7} {'claims':>6} {'old':>10} {'new':>8} {'save':>8} {'old/new':>9}")
    for kb in (int(size) for size in options.sizes.split(",")):
        body, new, spans = article_and_edit(kb, options.claims)
        opcodes_seconds, opcodes = timed(lambda body=body, new=new: edit_opcodes(body, new))
        new_seconds, new_spans = timed(
            lambda body=body, new=new, spans=spans, opcodes=opcodes: [
                reanchor(body, new, *span, opcodes=opcodes) for span in spans
            ]
        )
        new_seconds += opcodes_seconds
        timed_claims = spans if options.full else spans[:1]
        old_seconds, old_spans = timed(
            lambda body=body, new=new, timed_claims=timed_claims: [
                old_reanchor(body, new, *span) for span in timed_claims
            ]
        )
        old_total = old_seconds * len(spans) / len(timed_claims)
        for (start, end), (old_start, old_end) in zip(new_spans, old_spans, strict=False):
            if new[start:end] != new[old_start:old_end]:
                print(f"  note: the two differ on a claim: {new[start:end]!r} / {new[old_start:old_end]!r}")
        save_seconds = bench_save(body, new, spans)
        mark = "" if options.full else "*"
        print(
            f"{len(body) / 1000:>5.0f}KB {len(spans):>6} {old_total:>9.2f}s{mark} {new_seconds:>7.4f}s "
            f"{save_seconds:>7.3f}s {old_total / new_seconds:>8.0f}×"
        )
    if not options.full:
        print(
            "* old: timed on the first claim and multiplied by the claims (each costs the same); --full times all"
        )


if __name__ == "__main__":
    main()
