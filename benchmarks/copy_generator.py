"""A corpus of copies made from real articles, with the truth of which file copies which.

    python benchmarks/copy_generator.py FOLDER [--originals N] [--seed 7] [--truth FILE]

Originals are built from real sentences (the Lee corpus by default: 300 Australian news
articles): paragraphs are runs of 2-4 consecutive sentences of one source article, an original
is 5-9 paragraphs dealt from a shuffled pool without replacement. When the pool runs out it is
cut again at other sentence boundaries, and each reused paragraph has its numbers and some of
its names swapped, so that originals do not collide by chance even at 100,000 articles.

Beside the originals it makes what detection must tell apart:

- **copies** of about half the originals (1-4 each), each with one to three of the changes a
  republication makes (``KINDS``): line wrapping, whitespace, quote styles, a byline, a
  lead-in, a footer, a "Related:" line, the last paragraph dropped, a few words changed, the
  headline rewritten or upper-cased, an excerpt with "Read the rest at", no header (undated).
  One copy in four is taken from an earlier copy (``copy-of-copy``: it keeps that copy's
  changes and adds its own). A dated copy is dated after what it copies;
- **follow-ups** (1 per 10 originals): a new article of its own paragraphs that quotes one or
  two paragraphs of an original verbatim. Not a copy;
- **templated reports** (about 5 % of the files), in pairs and triples: earnings, weather and
  match reports written from one template with other companies, places and figures. Not copies.

Files are written in the collection's format (a ``date … Authored by … via …,`` header, a
headline, paragraphs between blank lines), shuffled so that copies are often imported before
their original, as ``FOLDER/NNN/NNNNNN.txt``; every body differs (the catalogue drops exact
duplicates). The truth (``Truth``) says which group each file is in, which file is each group's
first appearance, and what was changed in each copy.
"""

import argparse
import dataclasses
import datetime
import json
import random
import re
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from catalog.fingerprints import fingerprint
from catalog.importing.article_text import parse_article

#: The changes a copy can carry, as the truth names them.
KINDS = (
    "wrapping",
    "whitespace",
    "quotes",
    "byline",
    "lead-in",
    "footer",
    "related",
    "drop-last",
    "words",
    "headline",
    "excerpt",
    "undated",
    "copy-of-copy",
)
OUTLETS = (
    "AntiWar.com",
    "Reuters",
    "The Guardian",
    "ABC News",
    "The Sydney Morning Herald",
    "The Age",
    "Al Jazeera",
    "Common Dreams",
    "ZeroHedge",
    "Consortium News",
    "The Conversation",
    "Yahoo News",
    "MSN",
    "Daily Telegraph",
    "Brisbane Times",
    "SBS News",
    "The West Australian",
    "Crikey",
    "Newsweek",
    "Truthout",
    "Mother Jones",
    "The Hill",
    "Mediaite",
    "Raw Story",
)
AUTHORS = (
    "Dave DeCamp",
    "Kyle Anzalone",
    "Sarah O'Connor",
    "Zoë Martin",
    "Jan Nowak",
    "Ana López",
    "Kim Lee",
    "Sam O'Neil",
    "Priya Raman",
    "Tom McGregor",
    "Lucy Chen",
    "Matt Brennan",
    "Fatima Haddad",
    "Ben Whitlam",
    "Grace Okafor",
    "Jack Fraser",
)
LEAD_INS = (
    "This story was originally published by {outlet}.",
    "Republished with permission from {outlet}.",
    "This article first appeared on {outlet} and is republished here under a Creative Commons license.",
    "Originally published at {outlet}. Reposted with permission.",
    "This article was originally published on {outlet}.",
    "Editor's note: this story was first published by {outlet} and is reproduced with permission.",
    "The following article is reprinted from {outlet}.",
    "Via {outlet}:",
    "Our partners at {outlet} reported this story. We are sharing it with our readers.",
)
FOOTERS = (
    "Subscribe to our newsletter to get the day's top stories in your inbox.",
    "© {year} {outlet}. All rights reserved.",
    "Subscribe to our newsletter for more stories like this. © {year} {outlet}. All rights reserved.",
    "Support independent journalism: subscribe to our newsletter today.",
    "Copyright {year} {outlet}. This material may not be published, broadcast, rewritten or redistributed.",
    "Sign up for our free daily newsletter and never miss a story.",
    "The post appeared first on {outlet}.",
    "Follow {outlet} on Twitter and Facebook for the latest news.",
    "Got a news tip? Email the newsroom at tips@{outlet}.",
)
RELATED = ("Related: {headline}", "RELATED: {headline}", "Related story: {headline}", "Read more: {headline}")
READ_MORE = "Read the rest at https://{domain}/{year}/{slug}"

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_NOT_ENDS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Jan|Feb|Aug|Sept|Oct|Nov|Dec|[A-Z])\.)$"
)
_NUMBER = re.compile(r"\d+")
_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{3,}\b")
_WORD = re.compile(r"\b[a-z]{4,}\b")


@dataclasses.dataclass
class Truth:
    """What the generator made. File names are paths relative to the corpus folder."""

    group: dict[str, int] = dataclasses.field(default_factory=dict)  #: file -> group id
    role: dict[str, str] = dataclasses.field(default_factory=dict)  #: original, copy, follow-up, templated
    kinds: dict[str, list[str]] = dataclasses.field(default_factory=dict)  #: copy -> its changes
    first: dict[int, str] = dataclasses.field(default_factory=dict)  #: group -> its first appearance
    follow_ups: list[tuple[str, str]] = dataclasses.field(default_factory=list)  #: (follow-up, original)
    templated: list[tuple[str, ...]] = dataclasses.field(default_factory=list)  #: reports of one template

    def members(self) -> dict[int, list[str]]:
        """Each group's files."""
        groups: dict[int, list[str]] = {}
        for name, group in self.group.items():
            groups.setdefault(group, []).append(name)
        return groups

    def copy_pairs(self) -> set[frozenset[str]]:
        """Every pair of files that are copies of each other (one group)."""
        pairs = set()
        for files in self.members().values():
            pairs.update(frozenset((a, b)) for i, a in enumerate(files) for b in files[i + 1 :])
        return pairs

    def to_json(self) -> str:
        data = dataclasses.asdict(self)
        data["first"] = {str(group): name for group, name in self.first.items()}
        return json.dumps(data, indent=1, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "Truth":
        data = json.loads(text)
        return cls(
            group=data["group"],
            role=data["role"],
            kinds=data["kinds"],
            first={int(group): name for group, name in data["first"].items()},
            follow_ups=[tuple(pair) for pair in data["follow_ups"]],
            templated=[tuple(names) for names in data["templated"]],
        )


@dataclasses.dataclass
class _Article:
    paragraphs: list[str]
    headline: str | None
    date: datetime.date | None
    author: str | None
    outlet: str | None
    wrapped: bool = False
    role: str = "original"
    group: int = 0
    kinds: tuple[str, ...] = ()
    quotes: int | None = None  #: the group a follow-up quotes; a templated report's batch
    #: The paragraphs a republisher added (bylines, lead-ins, footers…), spaces collapsed.
    added: frozenset[str] = frozenset()

    def text(self) -> str:
        parts = []
        if self.date is not None:
            header = f" date {self.date.isoformat()}"
            if self.author:
                header += f" Authored by {self.author}"
            if self.outlet:
                header += f" via {self.outlet}"
            parts.append(header + ",")
        if self.headline:
            parts.append(self.headline)
        parts.extend(self.paragraphs)
        return "\n\n".join(parts) + "\n"


def split_sentences(text: str) -> list[str]:
    """``text``'s sentences (a sentence does not end after Mr., Dr., an initial…)."""
    sentences, start = [], 0
    text = " ".join(text.split())
    for match in _SENTENCE_END.finditer(text):
        piece = text[start : match.start()]
        if _NOT_ENDS.search(piece):
            continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    if text[start:].strip():
        sentences.append(text[start:].strip())
    return sentences


class ParagraphDealer:
    """Real paragraphs, none dealt twice until the pool is used up; reused ones are varied."""

    def __init__(self, sources: Sequence[str], rng: random.Random):
        self.rng = rng
        self.articles = [sentences for sentences in map(split_sentences, sources) if sentences]
        if not self.articles:
            raise ValueError("no sentences in the source texts")
        self.names = sorted({name for text in sources for name in _NAME.findall(text)}) or ["Smith"]
        self.words = sorted({word for text in sources for word in _WORD.findall(text)})
        # Words by their last two letters (said/paid, reports/leaders, running/meeting): a
        # swapped word keeps the shape of the one it replaces.
        self.like: dict[str, list[str]] = {}
        for word in self.words:
            self.like.setdefault(word[-2:], []).append(word)
        self.passes = 0
        self.pool: list[str] = []

    def _refill(self) -> None:
        self.passes += 1
        pool = []
        for sentences in self.articles:
            # Another cut of the same sentences on each pass: paragraphs of later passes start
            # and end elsewhere, so no paragraph is dealt twice as it was.
            at = 0 if self.passes == 1 else self.rng.randrange(min(4, len(sentences)))
            while at < len(sentences):
                size = self.rng.randint(2, 4)
                if len(sentences) - (at + size) == 1:  # no paragraph of one lone sentence
                    size += 1
                pool.append(" ".join(sentences[at : at + size]))
                at += size
        self.rng.shuffle(pool)
        self.pool = pool

    def paragraph(self) -> str:
        if not self.pool:
            self._refill()
        paragraph = self.pool.pop()
        return paragraph if self.passes == 1 else self._varied(paragraph)

    def paragraphs(self, count: int) -> list[str]:
        return [self.paragraph() for _ in range(count)]

    def _varied(self, paragraph: str) -> str:
        """``paragraph`` with other figures, some other names and one word in five swapped for
        another of the same ending: the same kind of text, not the same text (two variants of
        one sentence share few runs of five words)."""
        rng, names = self.rng, self.names
        swaps: dict[str, str] = {}

        def number(match: re.Match) -> str:
            digits = match.group()
            first = "0" if digits[0] == "0" else str(rng.randint(1, 9))
            return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

        def name(match: re.Match) -> str:
            word = match.group()
            if word not in swaps:
                swaps[word] = rng.choice(names) if rng.random() < 0.6 else word
            return swaps[word]

        def word(match: re.Match) -> str:
            return rng.choice(self.like[match.group()[-2:]]) if rng.random() < 0.2 else match.group()

        return _WORD.sub(word, _NAME.sub(name, _NUMBER.sub(number, paragraph)))


def headline_of(paragraph: str, rng: random.Random, words: int | None = None) -> str:
    """A headline from the opening words of ``paragraph`` (no closing full stop, so it reads as one)."""
    tokens = paragraph.split()[: words or rng.randint(6, 11)]
    headline = " ".join(tokens).strip(".,;:!?-\"'“”‘’()")
    return headline[:1].upper() + headline[1:]


def _later(date: datetime.date, rng: random.Random) -> datetime.date:
    return date + datetime.timedelta(days=rng.randint(1, 60))


def _domain(outlet: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", outlet.casefold().removesuffix(".com")) + ".com"


def _slug(headline: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", headline.casefold())[:8]) or "story"


def _wrap(paragraphs: list[str], width: int) -> list[str]:
    return [textwrap.fill(p, width=width, break_long_words=False, break_on_hyphens=False) for p in paragraphs]


def _unwrap(paragraphs: list[str]) -> list[str]:
    return [" ".join(p.split("\n")) for p in paragraphs]


_CURLY = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _swap_quotes(text: str) -> str:
    if any(mark in text for mark in "“”‘’"):
        return text.translate(_CURLY)
    text = re.sub(r'(^|[\s(\[])"', "\\1“", text)
    text = text.replace('"', "”")
    text = re.sub(r"(^|[\s(\[])'", "\\1‘", text)
    return text.replace("'", "’")


class _CopyMaker:
    """Applies the changes of ``KINDS`` to a copy of an original."""

    def __init__(self, rng: random.Random, dealer: ParagraphDealer):
        self.rng = rng
        self.dealer = dealer

    def make(self, original: _Article, kinds: list[str], root: _Article | None = None) -> _Article:
        """A copy of ``original`` with ``kinds`` of changes; ``root``: the first appearance when
        ``original`` is itself a copy (a republication of a republication)."""
        rng = self.rng
        if root is not None and original.date is None:  # an undated copy republished: dated after the first
            original = dataclasses.replace(original, date=root.date, author=root.author, outlet=root.outlet)
        outlet = rng.choice([o for o in OUTLETS if o != original.outlet])
        copy = _Article(
            paragraphs=list(original.paragraphs),
            headline=original.headline,
            date=_later(original.date, rng),
            author=rng.choice([original.author, rng.choice(AUTHORS)]),
            outlet=outlet,
            wrapped=original.wrapped,
            added=original.added,
            role="copy",
            group=original.group,
        )
        done = []
        for kind in kinds:
            before = (copy.paragraphs[:], copy.headline, copy.date)
            getattr(self, "_" + kind.replace("-", "_"))(copy, original)
            if (copy.paragraphs, copy.headline, copy.date) != before:
                done.append(kind)
        if root is not None:
            done = [*original.kinds, *done, "copy-of-copy"]
        copy.kinds = tuple(dict.fromkeys(done))
        return copy

    def _wrapping(self, copy: _Article, original: _Article) -> None:
        if copy.wrapped:
            copy.paragraphs, copy.wrapped = _unwrap(copy.paragraphs), False
        else:
            copy.paragraphs, copy.wrapped = _wrap(copy.paragraphs, self.rng.choice((72, 72, 64, 78))), True

    def _whitespace(self, copy: _Article, original: _Article) -> None:
        rng = self.rng
        spaced = []
        for paragraph in copy.paragraphs:
            paragraph = re.sub(r"(?<=[.!?]) (?=\S)", lambda m: rng.choice(("  ", " ", "   ")), paragraph)
            if rng.random() < 0.4:
                paragraph = rng.choice(("\t", "    ", "  ")) + paragraph
            spaced.append(paragraph + ("\n" if rng.random() < 0.3 else ""))
        copy.paragraphs = spaced

    def _quotes(self, copy: _Article, original: _Article) -> None:
        copy.paragraphs = [_swap_quotes(p) for p in copy.paragraphs]
        if copy.headline:
            copy.headline = _swap_quotes(copy.headline)

    def _byline(self, copy: _Article, original: _Article) -> None:
        rng = self.rng
        if rng.random() < 0.25:  # a wire dateline run into the first paragraph
            city = rng.choice(_CITIES).upper()
            copy.paragraphs[0] = f"{city} ({copy.outlet or original.outlet}) - {copy.paragraphs[0]}"
            return
        byline = rng.choice(("By {author}, {outlet}", "By {author}", "{author} | {outlet}"))
        self._add(copy, 0, byline.format(author=rng.choice(AUTHORS), outlet=copy.outlet))

    def _lead_in(self, copy: _Article, original: _Article) -> None:
        self._add(copy, 0, self.rng.choice(LEAD_INS).format(outlet=original.outlet))

    def _footer(self, copy: _Article, original: _Article) -> None:
        year = (copy.date or original.date).year
        self._add(copy, len(copy.paragraphs), self.rng.choice(FOOTERS).format(outlet=copy.outlet, year=year))

    def _related(self, copy: _Article, original: _Article) -> None:
        other = headline_of(self.dealer.paragraph(), self.rng)
        at = self.rng.randint(1, max(1, len(copy.paragraphs) - 1))
        self._add(copy, at, self.rng.choice(RELATED).format(headline=other))

    def _drop_last(self, copy: _Article, original: _Article) -> None:
        if len(copy.paragraphs) >= 3:
            copy.paragraphs.pop()

    def _words(self, copy: _Article, original: _Article) -> None:
        rng, vocabulary = self.rng, self.dealer.words
        for _ in range(rng.randint(1, 5)):
            at = rng.randrange(len(copy.paragraphs))
            words = list(_WORD.finditer(copy.paragraphs[at]))
            if not words:
                continue
            word = rng.choice(words)
            text = copy.paragraphs[at]
            copy.paragraphs[at] = text[: word.start()] + rng.choice(vocabulary) + text[word.end() :]

    def _headline(self, copy: _Article, original: _Article) -> None:
        if not copy.headline:
            return
        if self.rng.random() < 0.5:
            copy.headline = copy.headline.upper()
        else:
            copy.headline = headline_of(
                self.rng.choice(original.paragraphs[1:] or original.paragraphs), self.rng
            )

    @staticmethod
    def _add(copy: _Article, at: int, paragraph: str) -> None:
        copy.paragraphs.insert(at, paragraph)
        copy.added = copy.added | {" ".join(paragraph.split())}

    def _excerpt(self, copy: _Article, original: _Article) -> None:
        # Cut by the article's own paragraphs, not the lines a republisher added; an excerpt
        # of an excerpt (two or three paragraphs left) would be a quote, not a copy: not made.
        text = [p for p in original.paragraphs if " ".join(p.split()) not in original.added]
        if len(text) < 4:
            return
        keep = min(len(text) - 1, max(2, round(len(text) * self.rng.uniform(0.3, 0.6))))
        body = [p for p in copy.paragraphs if p not in text[keep:]]
        read_more = READ_MORE.format(
            domain=_domain(original.outlet), year=original.date.year, slug=_slug(original.headline or body[0])
        )
        copy.paragraphs = body
        self._add(copy, len(body), read_more)

    def _undated(self, copy: _Article, original: _Article) -> None:
        copy.date = copy.author = copy.outlet = None


def _excerpt_safe(kinds: list[str]) -> list[str]:
    """The excerpt first (it cuts by the original's paragraphs) and never with the last paragraph dropped."""
    if "excerpt" in kinds:
        kinds = ["excerpt"] + [k for k in kinds if k not in ("excerpt", "drop-last")]
    return kinds


# Templates of reports that are alike by design: the wire writes each from one form.
TEMPLATES = (
    (
        "{company} reports {direction} {quarter} profit",
        (
            "{company} said on {weekday} its net profit for the {quarter} {rose} {pct} per cent to ${profit} million, on revenue of ${revenue} million.",
            "Analysts polled by {pollster} had expected a profit of ${expected} million.",
            "Chief executive {person} said demand in {region} had been {demand} and that the company would {plan}.",
            "The board declared a dividend of {cents} cents a share, payable on {payday}.",
            "Shares in {company} {moved} {move} per cent to ${price} in {city} trading.",
        ),
    ),
    (
        "{city} weather: {sky} with a top of {top}",
        (
            "The Bureau of Meteorology forecasts a {sky} {weekday} in {city}, with a top of {top} degrees after an overnight low of {low}.",
            "Winds from the {wind} will reach {speed} kilometres an hour in the afternoon.",
            "{rain}",
            "{region} can expect {outlook} through to {later}, the bureau's {person} said.",
            "Residents were reminded that a total fire ban remains in place in {district}.",
        ),
    ),
    (
        "{home} {result} {away} at {ground}",
        (
            "{home} {result} {away} by {margin} points at {ground} on {weekday} night in front of a crowd of {crowd}.",
            "{star} kicked {goals} goals for {home}, while {other} was best on ground for {away}.",
            "{home} led by {lead} at half-time before {away} {rallied} in the third quarter.",
            "Coach {person} said the side would {training} before next week's match against {next}.",
            "The result leaves {home} {place} on the ladder with {wins} wins from {games} games.",
        ),
    ),
)
_COMPANIES = (
    "Qantas",
    "Telstra",
    "BHP Billiton",
    "Woolworths",
    "Rio Tinto",
    "Westpac",
    "Coles Myer",
    "Santos",
    "Fosters",
    "Amcor",
    "Orica",
    "Boral",
    "Lend Lease",
    "Brambles",
    "Mayne",
)
_CITIES = ("Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Hobart", "Darwin", "Canberra")
_REGIONS = (
    "Asia",
    "Europe",
    "the United States",
    "New Zealand",
    "Queensland",
    "the Pacific",
    "the Middle East",
)
_TEAMS = (
    "Carlton",
    "Essendon",
    "Collingwood",
    "Geelong",
    "Richmond",
    "Hawthorn",
    "Sydney",
    "Brisbane",
    "Adelaide",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _fill(template: tuple[str, tuple[str, ...]], rng: random.Random) -> tuple[str, list[str]]:
    home, away, nxt = rng.sample(_TEAMS, 3)
    slots = {
        "company": rng.choice(_COMPANIES),
        "direction": rng.choice(("higher", "lower", "record", "flat")),
        "quarter": rng.choice(("first-quarter", "second-quarter", "half-year", "full-year", "third-quarter")),
        "weekday": rng.choice(_WEEKDAYS),
        "rose": rng.choice(("rose", "fell", "climbed", "slipped", "jumped")),
        "pct": f"{rng.randint(1, 60)}.{rng.randint(0, 9)}",
        "profit": f"{rng.randint(20, 2900)}.{rng.randint(0, 9)}",
        "revenue": f"{rng.randint(300, 19000):,}",
        "expected": f"{rng.randint(20, 2900)}.{rng.randint(0, 9)}",
        "pollster": rng.choice(("Reuters", "Bloomberg", "Dow Jones", "IRESS")),
        "person": f"{rng.choice(AUTHORS).split()[0]} {rng.choice(('Smith', 'Jones', 'Walker', 'Nguyen', 'Ryan', 'Kelly'))}",
        "region": rng.choice(_REGIONS),
        "demand": rng.choice(("strong", "weaker than expected", "steady", "patchy", "better than forecast")),
        "plan": rng.choice(
            (
                "cut costs by a further 10 per cent",
                "review its operations",
                "keep its guidance unchanged",
                "look for acquisitions",
            )
        ),
        "training": rng.choice(("work on its defence", "rest several injured players", "train at home")),
        "cents": str(rng.randint(3, 95)),
        "payday": f"{rng.choice(('March', 'April', 'September', 'October'))} {rng.randint(1, 28)}",
        "moved": rng.choice(("rose", "fell", "gained", "lost")),
        "move": f"{rng.randint(0, 9)}.{rng.randint(1, 9)}",
        "price": f"{rng.randint(1, 40)}.{rng.randint(10, 99)}",
        "city": rng.choice(_CITIES),
        "sky": rng.choice(("sunny", "cloudy", "showery", "stormy", "fine", "windy")),
        "top": str(rng.randint(14, 43)),
        "low": str(rng.randint(2, 24)),
        "wind": rng.choice(("north", "south-west", "east", "north-west", "south")),
        "speed": str(rng.randint(15, 90)),
        "rain": rng.choice(
            (
                "No rain is expected.",
                f"Up to {rng.randint(2, 40)} millimetres of rain could fall in the evening.",
                "Isolated showers are likely along the coast.",
            )
        ),
        "outlook": rng.choice(("similar conditions", "cooler weather", "a hot spell", "storms")),
        "later": rng.choice(_WEEKDAYS),
        "district": rng.choice(
            ("the Hunter", "the Illawarra", "Gippsland", "the Riverina", "the Blue Mountains")
        ),
        "home": home,
        "away": away,
        "next": nxt,
        "result": rng.choice(("beat", "defeated", "lost to", "edged out")),
        "margin": str(rng.randint(1, 90)),
        "ground": rng.choice(("the MCG", "the SCG", "the Gabba", "Subiaco", "Football Park", "Docklands")),
        "crowd": f"{rng.randint(12000, 91000):,}",
        "star": f"{rng.choice(AUTHORS).split()[0]} {rng.choice(('Brown', 'Lloyd', 'Hird', 'Riewoldt', 'Akermanis'))}",
        "other": f"{rng.choice(AUTHORS).split()[0]} {rng.choice(('Judd', 'Buckley', 'Voss', 'Ricciuto', 'Kouta'))}",
        "goals": str(rng.randint(2, 9)),
        "lead": str(rng.randint(1, 40)),
        "rallied": rng.choice(("hit back", "faded", "kicked five goals", "held on")),
        "place": rng.choice(("top", "second", "fourth", "sixth", "last")),
        "wins": str(rng.randint(1, 12)),
        "games": str(rng.randint(12, 20)),
    }
    headline, sentences = template
    return headline.format(**slots), [sentence.format(**slots) for sentence in sentences]


def _templated(rng: random.Random, group: int) -> list[_Article]:
    template = rng.choice(TEMPLATES)
    date = datetime.date(2002, 1, 1) + datetime.timedelta(days=rng.randrange(1500))
    reports, first_group = [], group
    for _ in range(rng.choice((2, 2, 3))):
        headline, sentences = _fill(template, rng)
        # One paragraph per two sentences, as the wire sends them.
        paragraphs = [" ".join(sentences[at : at + 2]) for at in range(0, len(sentences), 2)]
        reports.append(
            _Article(
                paragraphs,
                headline,
                date,
                rng.choice(AUTHORS),
                rng.choice(OUTLETS),
                role="templated",
                group=group,
                quotes=first_group,
            )
        )
        group += 1
    return reports


def _pick_kinds(rng: random.Random, original: _Article) -> list[str]:
    kinds = rng.sample(KINDS[:-1], rng.choice((1, 1, 2, 2, 3)))
    if "headline" in kinds and not original.headline:
        kinds.remove("headline")
    return _excerpt_safe(kinds) or ["words"]


def generate(
    folder: Path,
    originals: int,
    seed: int = 7,
    *,
    sources: Sequence[str] | None = None,
    truth_file: Path | None = None,
    paragraphs: tuple[int, int] = (5, 9),
    copy_plans: Sequence[Sequence[str]] | None = None,
    follow_ups: int | None = None,
    templated_share: float = 0.05,
) -> Truth:
    """Write ``originals`` originals with their copies, follow-ups and templated reports under
    ``folder``; ``sources`` are the real texts to build them from (default the Lee corpus).

    ``paragraphs``: the least and most paragraphs of an original. ``copy_plans``: instead of
    random copies, one copy per plan with exactly those changes (``KINDS``), dealt to the
    originals in turn (all of which then have a headline); a plan with ``copy-of-copy`` copies
    the original's latest copy. ``follow_ups``: how many (default
    one per ten originals).
    """
    if sources is None:
        from benchmarks.real_text import lee_articles

        sources = lee_articles()
    rng = random.Random(seed)
    dealer = ParagraphDealer(sources, rng)
    maker = _CopyMaker(rng, dealer)
    articles: list[_Article] = []
    group = 0
    made: list[_Article] = []
    for _ in range(originals):
        text = dealer.paragraphs(rng.randint(*paragraphs))
        original = _Article(
            text,
            headline_of(text[0], rng) if copy_plans is not None or rng.random() < 0.7 else None,
            datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randrange(8000)),
            rng.choice(AUTHORS),
            rng.choice(OUTLETS),
            group=group,
        )
        if rng.random() < 0.2:
            original.paragraphs, original.wrapped = _wrap(text, 72), True
        made.append(original)
        articles.append(original)
        if copy_plans is None and rng.random() < 0.5:
            copies: list[_Article] = []
            for _ in range(rng.randint(1, 4)):
                # One copy in four is taken from an earlier copy, as aggregators take syndicated text.
                if copies and rng.random() < 0.25:
                    source = rng.choice(copies)
                    copies.append(maker.make(source, _pick_kinds(rng, source), root=original))
                else:
                    copies.append(maker.make(original, _pick_kinds(rng, original)))
            articles.extend(copies)
        group += 1
    latest: dict[int, _Article] = {}  # each original's latest copy, for a plan's copy of a copy
    for number, plan in enumerate(copy_plans or ()):
        original = made[number % originals]
        kinds = _excerpt_safe([kind for kind in plan if kind != "copy-of-copy"])
        if "copy-of-copy" in plan and original.group in latest:
            copy = maker.make(latest[original.group], kinds, root=original)
        else:
            copy = maker.make(original, kinds)
        latest[original.group] = copy
        articles.append(copy)
    for original in rng.sample(made, originals // 10 if follow_ups is None else follow_ups):
        own = dealer.paragraphs(rng.randint(4, 6))
        # Quoted from the last paragraphs, which no excerpt keeps: an excerpt made mostly of
        # the quoted paragraph would be a copy of the follow-up, by the issue's own measure.
        count = len(original.paragraphs)
        quoted = rng.sample(
            original.paragraphs[max(2, round(count * 0.6)) :], 2 if count >= 7 and rng.random() < 0.3 else 1
        )
        for paragraph in quoted:
            own.insert(rng.randint(1, len(own)), paragraph)
        articles.append(
            _Article(
                own,
                headline_of(own[0], rng),
                _later(original.date, rng),
                rng.choice(AUTHORS),
                rng.choice(OUTLETS),
                role="follow-up",
                group=group,
                quotes=original.group,
            )
        )
        group += 1
    templated_files = round(len(articles) * templated_share / (1 - templated_share))
    made_templated = 0
    while made_templated < templated_files:
        reports = _templated(rng, group)
        articles.extend(reports)
        group += len(reports)
        made_templated += len(reports)
    return _write(folder, articles, rng, maker, truth_file)


def _write(
    folder: Path, articles: list[_Article], rng: random.Random, maker: _CopyMaker, truth_file: Path | None
) -> Truth:
    # Made in order, originals before their copies: a copy whose changes leave its body as
    # another's (an undated copy is the original's text without its header) changes a word more.
    seen: set[str] = set()
    texts: dict[int, str] = {}
    for article in articles:
        text = article.text()
        digest = fingerprint(parse_article(text).body)
        while digest in seen:
            maker._words(article, article)
            article.kinds = tuple(dict.fromkeys((*article.kinds, "words")))
            text = article.text()
            digest = fingerprint(parse_article(text).body)
        seen.add(digest)
        texts[id(article)] = text
    rng.shuffle(articles)
    truth = Truth()
    original_of: dict[int, str] = {}
    for number, article in enumerate(articles):
        text = texts[id(article)]
        name = f"{number // 1000:03d}/{number:06d}.txt"
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        truth.group[name] = article.group
        truth.role[name] = article.role
        if article.role == "copy":
            truth.kinds[name] = list(article.kinds)
        elif article.role == "original":
            original_of[article.group] = name
    for name, role in truth.role.items():
        if role in ("original", "follow-up", "templated"):
            truth.first[truth.group[name]] = name
    names = {id(article): f"{number // 1000:03d}/{number:06d}.txt" for number, article in enumerate(articles)}
    truth.follow_ups = sorted(
        (names[id(article)], original_of[article.quotes])
        for article in articles
        if article.role == "follow-up"
    )
    batches: dict[int, list[str]] = {}
    for article in articles:
        if article.role == "templated":
            batches.setdefault(article.quotes, []).append(names[id(article)])
    truth.templated = sorted(tuple(sorted(batch)) for batch in batches.values())
    if truth_file is not None:
        truth_file.write_text(truth.to_json(), encoding="utf-8")
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--originals", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--truth", type=Path, help="where to write the truth as JSON (default FOLDER/truth.json)"
    )
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    truth = generate(
        args.folder, args.originals, args.seed, truth_file=args.truth or args.folder / "truth.json"
    )
    roles = {}
    for role in truth.role.values():
        roles[role] = roles.get(role, 0) + 1
    print(
        f"{len(truth.role):,} files in {args.folder}: "
        + ", ".join(f"{n:,} {r}" for r, n in sorted(roles.items()))
    )


if __name__ == "__main__":
    main()
