"""Suggested summaries: an article's most central sentences, picked offline and the same every time.

Extractive on purpose: every sentence of a suggestion is one the article itself says, so a
suggestion never puts words in an outlet's mouth, and people can check it against the text.
Suggestions are written like any other edit (``catalog.editing``), so they are undone, indexed
and versioned the same way.
"""

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from itertools import chain

from catalog.db import checked_write, lock_rows, worth_retrying
from catalog.editing import ArticleState, apply_states, capture
from catalog.models import Article
from catalog.search.matching import fold


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Blank lines in a row are one break: a run of a million newlines is one match, not half a million.
_PARAGRAPH_BREAK = re.compile(r"\n(?:[^\S\n]*\n)+")
# A word and the space after it. Possessive: a run of dots or a long word is read once, so
# splitting stays linear on any input (a lazy word before the end marks made a run of n dots
# cost n² steps).
_TOKEN = re.compile(r"(?<!\S)(\S++)(\s++)")
_END_MARKS = ".!?…"
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«„(["
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # U.S, e.g, i.e: the final dot is matched apart
#: Words a full stop follows without ending the sentence (case-folded, without the dot).
ABBREVIATIONS = _word_set(
    "mr mrs ms dr prof st jr sr gen gov sen rep lt col capt sgt cpl maj adm cmdr rev hon pres "
    "mt ft vs approx dept est inc ltd co corp bros jan feb mar apr jun jul aug sep sept oct nov dec "
    "ул им"
)
#: Abbreviations only before a number ("No. 5"): before a capital, "said no." ends a sentence.
NUMBER_ABBREVIATIONS = _word_set("no nos vol fig ch pp p art")
_WORD = re.compile(r"[^\W_]+")
#: Words too common to say what an article is about (folded; shorter words are dropped anyway).
STOP_WORDS = _word_set(
    """the and for are but not you all any can had her was one our out his has him how its may
    new now see two way who did get let put say she too use that with have this will your from
    they know want been good much some time very when come here just like make many more only
    over such take than them well were what which their there these those would could should
    about after again also because before being between both down during each even ever every
    into most other same since still then through under until upon where while whom whose why
    yet off own per via nor said says told according"""
)
MIN_WORDS = 5  #: shorter sentences (datelines, "He declined.") rarely summarise anything
OVERLONG_WORDS = 500  #: a suggestion longer than this is no summary: it is cut to ``max_words``
WRITE_ATTEMPTS = 5  #: tries of one chunk's write on a shared catalogue
LEAD_BONUS = 0.1  #: the first sentence's head start, as a share of the best score: news puts the point first


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, without surrounding spaces."""
    spans = []
    cut = 0
    for brk in chain(_PARAGRAPH_BREAK.finditer(text), [None]):
        stop = brk.start() if brk else len(text)
        for match in _TOKEN.finditer(text, cut, stop):
            if _ends_sentence(text, match, stop):
                spans.append(_trimmed(text, cut, match.end(1)))
                cut = match.end()
        spans.append(_trimmed(text, cut, stop))
        cut = brk.end() if brk else len(text)
    return [(start, end) for start, end in spans if start < end]


def _ends_sentence(text: str, match: re.Match, stop: int) -> bool:
    """Whether the word ``match`` holds (a word, end marks, closing quotes) ends a sentence."""
    core = match[1].rstrip(_CLOSERS)
    before_marks = core.rstrip(_END_MARKS)
    marks = core[len(before_marks) :]
    if not marks:
        return False
    after = match.end()
    if after >= stop:
        return False  # the paragraph's end cuts there anyway
    following = text[after]
    if not (following.isupper() or following.isdigit() or following in _OPENERS):
        return False
    if marks != ".":
        return True
    word = before_marks.lstrip(_OPENERS)
    key = word.casefold()
    # Any single letter: initials ("J. Smith"), and Russian "г." (year, city) is lower case.
    initial = len(word) == 1 and word.isalpha()
    numbered = following.isdigit() and key in NUMBER_ABBREVIATIONS
    return not (initial or numbered or key in ABBREVIATIONS or _DOTTED.fullmatch(word))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def suggest_summary(body: str, *, sentences: int = 3, max_words: int = 90) -> str:
    """The ``sentences`` most central sentences of ``body`` (fewer if ``max_words`` says so, but at
    least one), in the article's order, joined by single spaces; "" for a body without text.

    Centrality is a one-step TextRank: a sentence scores the sum of its cosine similarities (over
    TF-IDF weighted words, the article's own sentences as documents) to every other sentence.
    """
    texts = [" ".join(body[start:end].split()) for start, end in sentence_spans(body)]
    if len(texts) <= 1:
        return _shortened(texts[0], max_words) if texts else ""
    scores = _centrality([_words(text) for text in texts])
    scores[0] += LEAD_BONUS * max(scores)
    # Rounded, so that sentences equal in all but floating-point noise are ordered by position.
    ranked = sorted(range(len(texts)), key=lambda i: (-round(scores[i], 9), i))
    chosen: list[int] = []
    seen: set[str] = set()
    words = 0
    for i in ranked:
        count = len(texts[i].split())
        if count < MIN_WORDS or texts[i] in seen:
            continue
        if chosen and (len(chosen) >= sentences or words + count > max_words):
            break
        chosen.append(i)
        seen.add(texts[i])
        words += count
    if not chosen:  # only short sentences: the best of them still says more than nothing
        chosen = ranked[:1]
    summary = " ".join(texts[i] for i in sorted(chosen))
    return _shortened(summary, max_words)


def _shortened(summary: str, max_words: int) -> str:
    """A suggestion of one run-on "sentence" (a page without full stops, a list, junk) cut to
    ``max_words`` words: a summary is for reading, and must stay within the summary limit."""
    words = summary.split(" ")
    if len(words) <= OVERLONG_WORDS:
        return summary
    return " ".join(words[:max_words]).rstrip(",;:") + " …"


def _words(sentence: str) -> Counter:
    return Counter(
        word for word in _WORD.findall(fold(sentence)) if len(word) >= 3 and word not in STOP_WORDS
    )


def _centrality(bags: list[Counter]) -> list[float]:
    """Each sentence's summed cosine similarity to all the others.

    With unit vectors u, the sum over j != i of u_i . u_j is u_i . (sum of all u) - 1, so this
    is linear in the article's length rather than quadratic in its sentences.
    """
    document_frequency = Counter(word for bag in bags for word in bag)
    n = len(bags)
    # Smoothed, so that a word in every sentence still links them rather than weighing nothing.
    weight = {word: math.log((1 + n) / (1 + df)) + 1 for word, df in document_frequency.items()}
    units = []
    total: dict[str, float] = {}
    for bag in bags:
        vector = {word: tf * weight[word] for word, tf in bag.items()}
        norm = math.sqrt(sum(value * value for value in vector.values()))
        unit = {word: value / norm for word, value in vector.items()} if norm else {}
        units.append(unit)
        for word, value in unit.items():
            total[word] = total.get(word, 0.0) + value
    return [sum(value * total[word] for word, value in unit.items()) - 1 if unit else 0.0 for unit in units]


@dataclass
class SummaryRun:
    """What ``suggest_summaries`` wrote: ``restore(before)`` undoes it, ``restore(after)`` redoes it."""

    before: list[ArticleState] = field(default_factory=list)
    after: list[ArticleState] = field(default_factory=list)
    filled: int = 0  #: summaries written
    kept: int = 0  #: articles whose person-written summary was left alone
    empty: int = 0  #: articles with no text to summarise
    unchanged: int = 0  #: articles whose summary already is the suggestion


def suggest_summaries(
    ids: Iterable[int],
    *,
    overwrite: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    chunk: int = 200,
) -> SummaryRun:
    """Write suggested summaries for these articles, a transaction per ``chunk`` of them.

    A non-empty summary is someone's work and is kept unless ``overwrite``. Suggestions are
    worked out without holding the catalogue, then written in a short transaction that holds
    the chunk's articles and writes a summary only where it is still what was read: a summary
    someone saves meanwhile is never overwritten, even with ``overwrite`` (it is counted as
    kept). ``cancelled()`` is asked before each chunk; chunks already written stay written and
    are in the returned run.
    """
    ids = list(dict.fromkeys(ids))
    run = SummaryRun()
    for start in range(0, len(ids), chunk):
        if cancelled is not None and cancelled():
            break
        planned = _plan(ids[start : start + chunk], overwrite, run)
        before, after = _write(planned)
        run.kept += len(planned) - len(after)
        run.before += before
        run.after += after
        run.filled += len(after)
        if progress is not None:
            progress(min(start + chunk, len(ids)), len(ids))
    return run


def _plan(chunk_ids: list[int], overwrite: bool, run: SummaryRun) -> dict[int, tuple[str, str]]:
    """``{article id: (its summary as read, the suggestion)}`` for the articles to write; the
    others are counted in ``run``."""
    planned = {}
    query = Article.select(Article.id, Article.body, Article.summary).where(Article.id.in_(chunk_ids))
    for article in query:
        suggestion = suggest_summary(article.body)
        if not suggestion:
            run.empty += 1
        elif suggestion == article.summary:
            run.unchanged += 1
        elif article.summary.strip() and not overwrite:
            run.kept += 1
        else:
            planned[article.id] = (article.summary, suggestion)
    return planned


def _write(planned: dict[int, tuple[str, str]]) -> tuple[list[ArticleState], list[ArticleState]]:
    """Write the planned suggestions whose summary nobody changed since it was read; the states
    before and after of those written."""
    if not planned:
        return [], []
    for attempt in range(WRITE_ATTEMPTS):
        try:
            with checked_write():
                lock_rows("article", sorted(planned))
                before = [state for state in capture(planned) if state.summary == planned[state.id][0]]
                after = [replace(state, summary=planned[state.id][1]) for state in before]
                if before:
                    apply_states(before, after)
                return before, after
        except Exception as exc:
            # A deadlock the server broke, or another desk's write in the way: the chunk again.
            if not worth_retrying(exc) or attempt == WRITE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")
