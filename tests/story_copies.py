"""Three copies of the seed article (a real republished news story) as article files, for the
tests of stories in the window: the whole text as AntiWar.com published it, the same text
rewrapped by another outlet with a newsletter footer, and a newsletter's excerpt (its first
three paragraphs and a link to the rest). An import of the three makes one story."""

import textwrap
from pathlib import Path

from tests.helpers import SEED_FILE

#: (file name, outlet, date, headline) of each copy; the first is the first appearance.
COPIES = (
    ("whole.txt", "AntiWar.com", "2022-06-29", "White House Losing Confidence Ukraine Can Retake Territory"),
    ("rewrapped.txt", "Daily Digest", "2022-06-30", "WHITE HOUSE LOSING CONFIDENCE IN UKRAINE"),
    ("excerpt.txt", "The Morning Letter", "2022-07-02", "Officials doubt Kyiv can win back the Donbas"),
)


def seed_paragraphs() -> list[str]:
    """The seed article's paragraphs, its header line left out."""
    text = SEED_FILE.read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return paragraphs[1:]


def copy_texts() -> list[str]:
    """The three copies' bodies, in the order of ``COPIES``."""
    paragraphs = seed_paragraphs()
    whole = "\n\n".join(paragraphs)
    rewrapped = "\n\n".join(textwrap.fill(p, 60) for p in paragraphs) + "\n\nSubscribe to our newsletter."
    excerpt = "\n\n".join(paragraphs[:3]) + "\n\nRead the rest at https://example.org/x"
    return [whole, rewrapped, excerpt]


def write_copies(folder: Path) -> list[Path]:
    """The three copies as article files under ``folder`` (made), each with its outlet and date."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for (name, outlet, date, title), body in zip(COPIES, copy_texts()):
        header = f" date {date} Authored by Dave DeCamp via {outlet},"
        path = folder / name
        path.write_text(f"{header}\n\n{title}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def write_other(folder: Path, name: str = "other.txt", *, date: str = "2022-07-05") -> Path:
    """An article of its own (a different report): in no story."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    body = (
        'Budget talks in Brussels resumed on Monday, and the E.U. said a deal was "within reach".\n\n'
        "Ministers from 27 countries met for 11 hours; the Dutch minister said 1.5 bn euros "
        "were still in dispute, and Hungary's envoy left early."
    )
    path.write_text(f" date {date} Authored by Anna Berg via Euro Wire,\n\n{body}\n", encoding="utf-8")
    return path
