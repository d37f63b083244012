"""A report's story section (catalog.stories.reporting through catalog.reporting.build_report):
present for the stories among the reported articles, absent when none is in one."""

import datetime

from catalog.importing import import_paths
from catalog.reporting import build_report
from catalog.stories.reporting import COPIES, PASSAGE_LENGTH, story_sections
from tests.compare_texts import CHANGED_WORDS, copy_file_text, dropped_words, paragraphs, seed_body
from tests.helpers import SEED_FILE, article_file

TODAY = datetime.date(2026, 12, 2)


def import_story(write) -> list[int]:
    """The seed (1), its republication (2), and an article of its own (3)."""
    write("copy.txt", copy_file_text())
    write("other.txt", article_file("Harbour reopens", "The harbour reopened on Tuesday after repairs."))
    report = import_paths([SEED_FILE, write.root / "copy.txt", write.root / "other.txt"])
    return [item.article_id for item in report.imported]


def test_a_report_on_a_copy_has_its_story(catalogue, write):
    seed, copy, _other = import_story(write)
    report = build_report([copy], catalogue="Desk", selection="One article", today=TODAY)
    [story] = report.stories
    assert (story.first.article_id, story.first.outlet, story.first.date) == (
        seed,
        "AntiWar.com",
        datetime.date(2022, 6, 29),
    )
    [republished] = story.copies
    assert republished.copy.article_id == copy and republished.copy.outlet == "Example News"
    assert 0.85 < republished.copy.share < 0.97  # the story's measure of what the copy keeps
    assert (republished.changed, republished.added, republished.removed) == (
        CHANGED_WORDS,
        0,
        dropped_words(),
    )
    assert republished.boilerplate == 2
    assert republished.passages[:2] == (("changed", 'confidence"', 'faith"'), ("changed", "heavy", "severe"))
    assert story.reported == {copy} and story.more == 0


def test_no_story_no_section(catalogue, write):
    _, _, other = import_story(write)
    assert build_report([other], catalogue="Desk", selection="One", today=TODAY).stories == []
    assert story_sections([]) == []


def test_a_selection_has_one_section_per_story_in_the_order_of_its_articles(catalogue, write):
    seed, copy, other = import_story(write)
    second = "\n\n".join(
        f"Second story, part {n}: the port authority said ships would wait for days while cranes were fixed."
        for n in range(6)
    )
    write("b1.txt", article_file("Port delays", second, header=" date 2023-01-02 via Harbour News,"))
    write(
        "b2.txt",
        article_file(
            "Port delays (wire)",
            second + "\n\nFollow us on social media.",
            header=" date 2023-01-03 via Wire,",
        ),
    )
    more = [item.article_id for item in import_paths([write.root / "b1.txt", write.root / "b2.txt"]).imported]
    report = build_report([other, more[1], seed, copy], catalogue="Desk", selection="4", today=TODAY)
    assert [story.first.article_id for story in report.stories] == [more[0], seed]
    assert report.stories[0].reported == {more[1]}
    assert report.stories[1].reported == {seed, copy}
    [wire] = report.stories[0].copies
    assert (wire.added, wire.removed, wire.changed, wire.boilerplate, wire.passages) == (0, 0, 0, 1, ())


def test_long_passages_are_cut_and_many_copies_counted(catalogue, write):
    body = seed_body()
    long_paragraph = " ".join(paragraphs(body)[:4])
    for number in range(COPIES + 3):
        text = body.replace(paragraphs(body)[-1], f"{long_paragraph} Copy number {number} adds this line.")
        write(f"c{number:02d}.txt", f" date 2022-07-{number + 1:02d} via Outlet {number},\n\n{text}\n")
    import_paths([SEED_FILE, write.root])
    [story] = story_sections([1])
    assert len(story.copies) == COPIES and story.more == 3
    assert [item.copy.date for item in story.copies] == sorted(item.copy.date for item in story.copies)
    longest = max(len(text) for item in story.copies for _, old, new in item.passages for text in (old, new))
    assert longest <= PASSAGE_LENGTH
    assert any(new.endswith("…") for item in story.copies for _, _, new in item.passages)
