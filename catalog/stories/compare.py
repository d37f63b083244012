"""What changed between two copies: their texts aligned word by word, the words compared as
copies are (case, quote styles and line breaks folded: ``text``) but shown as written.

The comparison is a list of *runs* in reading order, each a stretch of one or both texts:
``equal`` (the same words), ``removed`` (only in the left), ``added`` (only in the right),
``changed`` (left words replaced by right ones), and the boilerplate a republisher adds
(``boilerplate: footer`` and the like, one side only), which is set aside before the texts
are aligned, so a new byline or a "Subscribe…" line is marked as what it is, never as a change.

Alignment in two steps keeps two long texts fast: paragraphs first (equal paragraphs pair off
at once, whatever their line wrapping), then words, only inside the stretches of paragraphs
that differ. ``difflib.SequenceMatcher`` over a whole 10,000-word text can take seconds;
over the differing stretches it takes milliseconds (benchmarks/bench_compare.py).
"""

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from catalog.stories.text import QUOTES, WORD, boilerplate_spans

EQUAL, ADDED, REMOVED, CHANGED = "equal", "added", "removed", "changed"
BOILERPLATE = "boilerplate: "  #: a boilerplate run's kind is this and the Boilerplate's kind
#: Past this many word pairs in one differing stretch, SequenceMatcher ignores the words that
#: are everywhere ("the", "of"; its autojunk) to stay fast; below it, it aligns every word.
EXACT_UP_TO = 4_000_000
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
#: A word as shown: the word compared, with the punctuation written against it ("faith," "(AP)").
_SHOWN_WORD = re.compile(r"[^\w\s]*(" + WORD.pattern + r")[^\w\s]*")


@dataclass(frozen=True, slots=True)
class Run:
    kind: str  #: EQUAL, ADDED, REMOVED, CHANGED, or BOILERPLATE + "header", "footer" …
    left: tuple[int, int]  #: characters of the left text (start == end: none, and where)
    right: tuple[int, int]
    left_words: int
    right_words: int
    #: An equal run that is one whole paragraph of each text (what a reader may skip).
    paragraph: bool = False

    @property
    def boilerplate(self) -> str | None:
        """The boilerplate's kind ("footer" …) for a boilerplate run, else None."""
        return self.kind[len(BOILERPLATE) :] if self.kind.startswith(BOILERPLATE) else None


@dataclass(frozen=True, slots=True)
class Comparison:
    left: str  #: the texts as written
    right: str
    runs: tuple[Run, ...]
    added: int  #: words only in the right (beyond those replacing left words)
    removed: int  #: words only in the left
    changed: int  #: left words replaced by right words (a replace of 3 by 5 is 3 changed, 2 added)
    boilerplate_left: int  #: boilerplate lines of each side
    boilerplate_right: int
    kept: float  #: the share of the left's words (boilerplate aside) found in the right, 0 to 1

    def text(self, run: Run, side: str) -> str:
        """A run's text on one side ("left" or "right"), as written."""
        start, end = getattr(run, side)
        return (self.left if side == "left" else self.right)[start:end]

    @property
    def differences(self) -> int:
        return self.added + self.removed + self.changed

    @property
    def changes(self) -> list[Run]:
        """The runs that are changes (added, removed, changed words), in reading order."""
        return [run for run in self.runs if run.kind in (ADDED, REMOVED, CHANGED)]

    def counterpart(self, side: str, position: int) -> int:
        """Where the other text has what ``side``'s text has at character ``position``: the
        same word in an equal stretch, else the start of what stands there instead (two views
        scrolled together keep each other's text beside them)."""
        other = "right" if side == "left" else "left"
        for run in self.runs:
            start, end = getattr(run, side)
            if end > position or start >= position:
                other_start, other_end = getattr(run, other)
                if run.kind == EQUAL and start <= position:
                    return min(other_start + (position - start), other_end)
                return other_start
        return len(self.right if side == "left" else self.left)


@dataclass(frozen=True, slots=True)
class Side:
    """One compared article, as the comparison's header shows it."""

    article_id: int
    title: str
    outlet: str | None
    date: str | None  #: as catalog.articles gives it ("2022-06", "2022-06-29" …)


@dataclass(frozen=True, slots=True)
class ArticleComparison:
    left: Side
    right: Side
    comparison: Comparison


class NoSuchArticle(LookupError):
    """An id with no article: said as ``no article with id N``."""

    def __init__(self, article_id: int):
        super().__init__(f"no article with id {article_id}")
        self.article_id = article_id


@dataclass(frozen=True, slots=True)
class _Paragraph:
    start: int
    end: int
    words: list[tuple[int, int]]  #: character spans of its words
    folded: tuple[str, ...]  #: the words as compared


def compare(left_body: str, right_body: str) -> Comparison:
    """The comparison of two texts (see the module's docstring)."""
    left_body, right_body = left_body or "", right_body or ""
    left_paragraphs, left_boilerplate = _paragraphs(left_body)
    right_paragraphs, right_boilerplate = _paragraphs(right_body)
    aligned = _align(left_paragraphs, right_paragraphs)
    runs = _with_boilerplate(aligned, left_boilerplate, right_boilerplate)
    counts = {EQUAL: 0, ADDED: 0, REMOVED: 0, CHANGED: 0}
    for run in aligned:
        if run.kind == CHANGED:
            both = min(run.left_words, run.right_words)
            counts[CHANGED] += both
            counts[ADDED] += run.right_words - both
            counts[REMOVED] += run.left_words - both
        else:
            counts[run.kind] += run.left_words or run.right_words
    left_words = sum(len(paragraph.words) for paragraph in left_paragraphs)
    right_words = sum(len(paragraph.words) for paragraph in right_paragraphs)
    if left_words:
        kept = counts[EQUAL] / left_words
    else:
        kept = 0.0 if right_words else 1.0
    return Comparison(
        left_body,
        right_body,
        tuple(runs),
        counts[ADDED],
        counts[REMOVED],
        counts[CHANGED],
        len(left_boilerplate),
        len(right_boilerplate),
        round(kept, 3),
    )


def compare_articles(left_id: int, right_id: int) -> ArticleComparison:
    """Two articles of the open catalogue compared, with what the header shows of each;
    NoSuchArticle when an id has none."""
    from catalog.articles import get_article

    found = {}
    for article_id in (left_id, right_id):
        article = found.get(article_id) or get_article(article_id)
        if article is None:
            raise NoSuchArticle(article_id)
        found[article_id] = article
    left, right = found[left_id], found[right_id]
    return ArticleComparison(_side(left), _side(right), compare(left["body"], right["body"]))


def _side(article: dict) -> Side:
    return Side(article["id"], article["title"], article["outlet"], article["date"])


@lru_cache(maxsize=8)  # a story's first appearance, compared with each of its copies in turn
def _paragraphs(body: str) -> tuple[tuple[_Paragraph, ...], tuple]:
    """The paragraphs of ``body`` that have words, and its boilerplate lines, in order."""
    boilerplate = boilerplate_spans(body)
    # Boilerplate lines part paragraphs as blank lines do, and their words are not compared.
    own, position = [], 0
    for span in boilerplate:
        own.append((position, span.start))
        position = span.end
    own.append((position, len(body)))
    folded_body = body.translate(QUOTES)  # one character for one: the spans hold
    paragraphs = []
    for start, end in own:
        piece_start = start
        for match in [*_PARAGRAPH_BREAK.finditer(body, start, end), None]:
            piece_end = match.start() if match else end
            found = list(_SHOWN_WORD.finditer(folded_body, piece_start, piece_end))
            if found:
                spans = [(m.start(), m.end()) for m in found]
                folded = tuple(m.group(1).casefold() for m in found)
                paragraphs.append(_Paragraph(spans[0][0], spans[-1][1], spans, folded))
            if match:
                piece_start = match.end()
    return tuple(paragraphs), tuple(boilerplate)


def _align(left: tuple[_Paragraph, ...], right: tuple[_Paragraph, ...]) -> list[Run]:
    """Runs over the paragraphs: whole equal paragraphs paired, the rest word by word."""
    runs: list[Run] = []
    matcher = difflib.SequenceMatcher(
        None, [p.folded for p in left], [p.folded for p in right], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for one, other in zip(left[i1:i2], right[j1:j2], strict=True):
                words = len(one.words)
                runs.append(Run(EQUAL, (one.start, one.end), (other.start, other.end), words, words, True))
            continue
        left_at = left[i1].start if i1 < len(left) else (left[-1].end if left else 0)
        right_at = right[j1].start if j1 < len(right) else (right[-1].end if right else 0)
        if i1 > 0 and i1 == i2:
            left_at = left[i1 - 1].end
        if j1 > 0 and j1 == j2:
            right_at = right[j1 - 1].end
        runs.extend(_word_runs(left[i1:i2], right[j1:j2], left_at, right_at))
    return runs


def _word_runs(
    left: tuple[_Paragraph, ...], right: tuple[_Paragraph, ...], left_at: int, right_at: int
) -> list[Run]:
    """Runs over the words of a stretch of differing paragraphs; ``*_at``: where a side with
    no words in the stretch has its (empty) spans."""
    left_spans = [span for p in left for span in p.words]
    right_spans = [span for p in right for span in p.words]
    left_words = [word for p in left for word in p.folded]
    right_words = [word for p in right for word in p.folded]
    exact = len(left_words) * len(right_words) <= EXACT_UP_TO
    matcher = difflib.SequenceMatcher(None, left_words, right_words, autojunk=not exact)
    runs = []
    kinds = {"equal": EQUAL, "insert": ADDED, "delete": REMOVED, "replace": CHANGED}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        left_span = (left_spans[i1][0], left_spans[i2 - 1][1]) if i2 > i1 else _gap(left_spans, i1, left_at)
        right_span = (
            (right_spans[j1][0], right_spans[j2 - 1][1]) if j2 > j1 else _gap(right_spans, j1, right_at)
        )
        runs.append(Run(kinds[tag], left_span, right_span, i2 - i1, j2 - j1))
    return runs


def _gap(spans: list[tuple[int, int]], index: int, default: int) -> tuple[int, int]:
    """An empty span where words would go before ``spans[index]``."""
    at = spans[index - 1][1] if index > 0 else default
    return (at, at)


def _with_boilerplate(runs: list[Run], left_boilerplate, right_boilerplate) -> list[Run]:
    """The aligned runs with each side's boilerplate lines put in where they stand in it."""
    merged = []
    left_pending = [
        Run(BOILERPLATE + span.kind, (span.start, span.end), (None, None), 0, 0) for span in left_boilerplate
    ]
    right_pending = [
        Run(BOILERPLATE + span.kind, (None, None), (span.start, span.end), 0, 0) for span in right_boilerplate
    ]
    left_pending.reverse()
    right_pending.reverse()
    left_at = right_at = 0
    for run in runs:
        while left_pending and left_pending[-1].left[0] < run.left[0]:
            merged.append(_placed(left_pending.pop(), right_at, "right"))
        while right_pending and right_pending[-1].right[0] < run.right[0]:
            merged.append(_placed(right_pending.pop(), left_at, "left"))
        merged.append(run)
        left_at, right_at = run.left[1], run.right[1]
    merged.extend(_placed(run, right_at, "right") for run in reversed(left_pending))
    merged.extend(_placed(run, left_at, "left") for run in reversed(right_pending))
    return merged


def _placed(run: Run, at: int, empty_side: str) -> Run:
    """A boilerplate run with its empty side's span put at ``at``."""
    if empty_side == "right":
        return Run(run.kind, run.left, (at, at), 0, 0)
    return Run(run.kind, (at, at), run.right, 0, 0)
