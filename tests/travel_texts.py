"""Copies of the seed article as republishers make them, for the tests of claims across copies.

- ``original``: the seed article (AntiWar.com, 29 June 2022) under a headline;
- ``rewrapped``: a day later at Reuters, lines broken at 60 columns, curly quotes made
  straight, one word hyphenated where its line breaks, "Subscribe to our newsletter." added;
- ``excerpt``: two days later, the first three paragraphs and "Read the rest at …";
- ``changed``: three days later, a few words of one paragraph changed (``CHANGED``) and another
  paragraph rewritten entirely (``REWRITTEN``);
- ``other``: an article of its own, a copy of nothing.
"""

import textwrap
from pathlib import Path

from tests.helpers import SEED_FILE

#: Sentences of the seed article, as it writes them: claims the tests mark.
CONFIDENCE = (
    'White House officials are "losing confidence" that Ukraine will be able to retake all the territory'
)
WHETHER = (
    '"Whether Ukraine can take back these territories is in large part, if not entirely, a function of how '
    "much support we give them,” a congressional aide told CNN."
)
GOAL = (
    "Zelensky has repeatedly stated that Ukraine’s goal is to drive Russia out of all territory it has "
    "captured since it invaded."
)
CASUALTIES = (
    "Ukraine is taking heavy casualties, with officials admitting they are losing between 100 and 200 "
    "troops each day."
)
#: GOAL as the ``changed`` copy writes it: two words of twenty-two changed.
CHANGED = (
    "Zelensky has repeatedly said that Ukraine’s aim is to drive Russia out of all territory it has "
    "captured since it invaded."
)
#: CASUALTIES as the ``changed`` copy writes it: nothing of it left.
REWRITTEN = "Kyiv concedes that its losses at the front are grave and mounting by the week."

OUTLETS = {
    "original": "AntiWar.com",
    "rewrapped": "Reuters",
    "excerpt": "Daily Bugle",
    "changed": "The Courier",
}


def seed_paragraphs() -> list[str]:
    body = SEED_FILE.read_text(encoding="utf-8").partition("\n\n")[2]
    return [paragraph for paragraph in body.split("\n\n") if paragraph.strip()]


def texts() -> dict[str, str]:
    """The five article files' texts, by name."""
    paragraphs = seed_paragraphs()
    body = "\n\n".join(paragraphs)
    straight = body.replace("’", "'").replace("“", '"').replace("”", '"')
    wrapped = "\n\n".join(textwrap.fill(paragraph, 60) for paragraph in straight.split("\n\n"))
    wrapped = wrapped.replace("these territories", "these terri-\ntories", 1)
    assert "terri-\ntories" in wrapped
    changed = body.replace(GOAL, CHANGED).replace(CASUALTIES, REWRITTEN)
    assert changed.count(CHANGED) == 1 and REWRITTEN in changed
    return {
        "original": f" date 2022-06-29 Authored by Dave DeCamp via AntiWar.com,\n\n"
        f"US officials doubt Ukraine can retake its land\n\n{body}\n",
        "rewrapped": f" date 2022-06-30 via Reuters,\n\nUS doubts Ukraine can win back territory\n\n"
        f"{wrapped}\n\nSubscribe to our newsletter.\n",
        "excerpt": " date 2022-07-01 via Daily Bugle,\n\nUKRAINE LOSING, OFFICIALS SAY\n\n"
        + "\n\n".join(paragraphs[:3])
        + "\n\nRead the rest at https://example.org/x\n",
        "changed": f" date 2022-07-02 via The Courier,\n\nWashington loses faith in a Ukrainian victory\n\n{changed}\n",
        "other": " date 2022-07-03 via The Gazette,\n\nHarbour bridge reopens after repairs\n\n"
        "The harbour bridge reopened on Sunday after eleven weeks of repairs to its deck, the city "
        "council said. Engineers replaced 400 metres of steel plating and repainted the towers.\n\n"
        '"We are grateful for the patience of drivers," the mayor said, adding that tolls would '
        "stay at 2 dollars until the end of the year.\n",
    }


def write_texts(folder: Path) -> dict[str, Path]:
    """The article files, written under ``folder``: their paths by name."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, text in texts().items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def import_texts(folder: Path) -> dict[str, int]:
    """Import the article files into the open catalogue: their article ids by name."""
    from catalog.importing import import_paths

    paths = write_texts(folder)
    report = import_paths(list(paths.values()))
    ids = {item.path: item.article_id for item in report.imported}
    return {name: ids[str(path)] for name, path in paths.items()}
