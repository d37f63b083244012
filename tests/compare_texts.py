"""A republication of the seed article for the comparison's tests: what a republisher does to
real text (lines rewrapped, a lead-in and a footer added, words changed, the last paragraph
dropped), with what the comparison should find in it."""

import textwrap

from tests.helpers import SEED_FILE

#: The words the copy changes (each phrase is in the seed's text: "losing confidence" twice).
CHANGES = {"losing confidence": "losing faith", "heavy casualties": "severe casualties"}
CHANGED_WORDS = 3
LEAD_IN = "This story was originally published by AntiWar.com and is republished with permission."
FOOTER = "Subscribe to our newsletter for more reporting like this."
COPY_HEADER = " date 2022-07-02 Authored by Jane Roe via Example News,"


def seed_body() -> str:
    """The seed article's text as the catalogue keeps it (its header line is metadata)."""
    return SEED_FILE.read_text(encoding="utf-8").split("\n", 1)[1].strip()


def paragraphs(body: str) -> list[str]:
    return [paragraph.strip() for paragraph in body.split("\n\n") if paragraph.strip()]


def republished(body: str) -> str:
    """The copy's text: rewrapped at 60 columns, the words of CHANGES changed, the last
    paragraph dropped, LEAD_IN before and FOOTER after."""
    text = "\n\n".join(paragraphs(body)[:-1])
    for old, new in CHANGES.items():
        text = text.replace(old, new)
    text = "\n\n".join(textwrap.fill(paragraph, 60) for paragraph in paragraphs(text))
    return f"{LEAD_IN}\n\n{text}\n\n{FOOTER}\n"


def dropped_words() -> int:
    """How many words the copy drops with the seed's last paragraph."""
    return len(paragraphs(seed_body())[-1].split())


def copy_file_text() -> str:
    """The copy as an article file: a header line of its own (date, author, outlet), then text."""
    return f"{COPY_HEADER}\n\n{republished(seed_body())}"
