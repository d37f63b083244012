"""Stories: copies of an article found at import, their first appearance, and a person's
splits and joins, on real text (the seed article) made into the copies republishers make."""

import shutil
import textwrap

import pytest

from catalog import migrations, stories
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.conflicts import StepRefused
from catalog.db import database
from catalog.editing import delete_articles, undelete_articles
from catalog.importing.importer import import_paths
from tests.helpers import SEED_FILE, cli_outcome

SEED_HEADER, SEED_BODY = SEED_FILE.read_text(encoding="utf-8").split("\n", 1)
PARAGRAPHS = [paragraph for paragraph in SEED_BODY.strip().split("\n\n") if paragraph.strip()]
OWN_TEXT = [
    (
        "Grain ships left the port of Odesa on Monday under an agreement brokered by Turkey and the "
        "United Nations, the first such departures since the spring, port officials said."
    ),
    (
        "Insurers remain wary of the Black Sea routes, and freight rates for the few vessels willing "
        "to sail have tripled since February, according to brokers in London and Istanbul."
    ),
    (
        "Farmers in the south say their silos are still full of last year's harvest, and that the new "
        "crop will rot in the fields unless the corridor stays open through the autumn."
    ),
    (
        "A spokesman for the ministry of agriculture declined to give figures, but said exports could "
        "reach three million tonnes a month if the arrangement held."
    ),
]


def header(date: str | None, outlet: str, author: str = "Staff") -> str:
    return (
        f" date {date} Authored by {author} via {outlet}," if date else f" Authored by {author} via {outlet},"
    )


def republished(date: str | None = "2022-06-30", outlet: str = "ZeroHedge") -> str:
    """The seed's text rewrapped, quotes straightened, a lead-in and a newsletter footer added."""
    wrapped = "\n\n".join(textwrap.fill(p.replace("’", "'").replace("“", '"'), 64) for p in PARAGRAPHS)
    return (
        f"{header(date, outlet)}\n\nThis story was originally published by AntiWar.com.\n\n"
        f"{wrapped}\n\nSubscribe to our newsletter for more stories like this.\n"
    )


def excerpt(date: str | None = "2022-07-02", outlet: str = "Blog") -> str:
    return (
        f"{header(date, outlet)}\n\n"
        + "\n\n".join(PARAGRAPHS[:3])
        + "\n\nRead the rest at https://antiwar.com/x\n"
    )


def edited(date: str | None = "2022-07-01", outlet: str = "Wire") -> str:
    """Last paragraph dropped, a "Related:" line inserted, a few words changed."""
    paragraphs = PARAGRAPHS[:-1]
    paragraphs = [paragraphs[0].replace("White House", "Biden administration"), *paragraphs[1:]]
    paragraphs.insert(2, "Related: Russia steps up its offensive in the Donbas")
    return f"{header(date, outlet)}\n\n" + "\n\n".join(paragraphs) + "\n"


def follow_up(date: str = "2022-07-05") -> str:
    """A new article quoting one paragraph of the seed: not a copy."""
    return (
        f"{header(date, 'Daily')}\n\n"
        + "\n\n".join(
            [
                OWN_TEXT[0],
                OWN_TEXT[1],
                f"As AntiWar.com reported: “{PARAGRAPHS[3]}”",
                OWN_TEXT[2],
                OWN_TEXT[3],
            ]
        )
        + "\n"
    )


def earnings(company: str, cents: int, city: str) -> str:
    """One report of a template: not a copy of another filled with other names and figures."""
    return (
        f"{header('2022-08-01', 'Markets Wire')}\n\n"
        f"{company} reported quarterly earnings of {cents} cents a share on Tuesday, beating the "
        f"{cents - 4} cents analysts had expected, and said revenue rose {cents % 9 + 2} percent "
        f"to {cents * 3} million dollars. Shares of the {city}-based company rose {cents % 5 + 1} "
        f"percent in early trading. The company said it expected demand to stay strong in the "
        f"{['first', 'second', 'third'][cents % 3]} quarter and raised its forecast for the year to "
        f"{cents * 4} cents a share.\n"
    )


@pytest.fixture
def story_files(write):
    write("a-original.txt", SEED_FILE.read_text(encoding="utf-8"))
    write("b-republished.txt", republished())
    write("c-excerpt.txt", excerpt())
    write("d-edited.txt", edited())
    write("e-follow-up.txt", follow_up())
    write("f-earnings.txt", earnings("Acme Industries", 87, "Denver"))
    write("g-earnings.txt", earnings("Borealis Foods", 52, "Toronto"))
    return write.root


def ids_by_file() -> dict[str, int]:
    rows = database.execute_sql('SELECT "source_path", "id" FROM "article"').fetchall()
    return {path.rsplit("/", 1)[-1].split(".")[0].split("-")[0]: article_id for path, article_id in rows}


def test_an_import_groups_republications_excerpts_and_edited_copies_with_their_original(
    catalogue, story_files
):
    import_paths([story_files])
    found = ids_by_file()

    [story] = stories.stories()

    assert sorted(story.articles) == sorted(found[name] for name in "abcd")
    assert story.first == found["a"]  # the earliest date: the seed, 2022-06-29
    assert [copy.article_id for copy in story.copies] == [found[name] for name in "abdc"]  # by date
    assert found["e"] not in story.articles and found["f"] not in story.articles


def test_a_story_says_how_much_of_the_first_each_copy_keeps(catalogue, story_files):
    import_paths([story_files])
    found = ids_by_file()

    story = stories.story_of(found["c"])
    shares = {copy.article_id: copy.share for copy in story.copies}

    assert shares[found["a"]] == 1.0
    assert shares[found["b"]] == 1.0  # rewrapped, restyled, lead-in and footer: all of the text
    assert 0.85 < shares[found["d"]] < 1.0  # the last paragraph dropped, words changed
    assert 0.1 < shares[found["c"]] < 0.5  # three paragraphs of the first
    assert stories.story_of(found["e"]) is None


def test_an_undated_copy_never_comes_first(catalogue, write):
    write("a.txt", republished(date=None, outlet="Undated"))
    write("b.txt", SEED_FILE.read_text(encoding="utf-8").replace("2022-06-29", "2023-01-05"))
    import_paths([write.root])
    found = ids_by_file()

    [story] = stories.stories()

    assert story.first == found["b"]
    assert story.copies[-1].date is None
    [heading] = stories.stories_with_copies()  # the sidebar's list names the same first
    assert (heading.first, heading.count) == (found["b"], 2)


def test_copies_arriving_in_later_imports_join_the_story(catalogue, story_files, tmp_path):
    import_paths([story_files / "a-original.txt"])
    import_paths([story_files / "c-excerpt.txt"])
    import_paths([story_files])

    [story] = stories.stories()

    assert len(story.copies) == 4


def test_a_person_splits_an_article_out_and_it_stays_out_when_copies_are_found_again(catalogue, story_files):
    import_paths([story_files])
    found = ids_by_file()

    decision = stories.split_article(found["c"])

    assert stories.story_of(found["c"]) is None
    assert len(stories.story_of(found["a"]).copies) == 3
    stories.rebuild()
    assert stories.story_of(found["c"]) is None
    stories.undo_decision(decision)
    assert len(stories.story_of(found["c"]).copies) == 4
    stories.redo_decision(decision)
    assert stories.story_of(found["c"]) is None


def test_a_person_joins_two_stories_and_the_join_survives_a_rebuild(catalogue, story_files):
    import_paths([story_files])
    found = ids_by_file()

    decision = stories.join_stories(found["a"], found["e"])

    assert found["e"] in stories.story_of(found["a"]).articles
    stories.rebuild()
    assert found["e"] in stories.story_of(found["a"]).articles
    stories.undo_decision(decision)
    assert stories.story_of(found["e"]) is None


def test_undoing_a_split_someone_else_changed_since_is_refused_and_changes_nothing(catalogue, story_files):
    import_paths([story_files])
    found = ids_by_file()
    decision = stories.split_article(found["c"])
    stories.join_stories(found["c"], found["a"])  # another desk puts it back its own way

    with pytest.raises(stories.StoryConflict, match="someone else"):
        stories.undo_decision(decision)

    assert found["c"] in stories.story_of(found["a"]).articles


def test_splitting_an_article_in_no_story_is_refused_in_words(catalogue, story_files):
    import_paths([story_files])

    with pytest.raises(StepRefused, match="in no story"):
        stories.split_article(ids_by_file()["e"])
    with pytest.raises(StepRefused, match="one story already"):
        stories.join_stories(ids_by_file()["a"], ids_by_file()["b"])


def test_deleting_the_article_that_joined_two_copies_regroups_them_and_undo_brings_it_back(catalogue, write):
    # a and c share only the opening paragraph: each is a copy of b, not of the other.
    write("a.txt", f"{header('2022-06-29', 'A')}\n\n" + "\n\n".join(PARAGRAPHS[:5]) + "\n")
    write("b.txt", f"{header('2022-06-30', 'B')}\n\n" + "\n\n".join(PARAGRAPHS) + "\n")
    write("c.txt", f"{header('2022-07-01', 'C')}\n\n" + "\n\n".join(PARAGRAPHS[:1] + PARAGRAPHS[5:]) + "\n")
    import_paths([write.root])
    found = ids_by_file()
    assert sorted(stories.story_of(found["a"]).articles) == sorted(found.values())

    deleted = delete_articles([found["b"]])

    assert stories.stories() == []  # a and c share nothing: b was what joined them
    undelete_articles(deleted)
    assert len(stories.story_of(found["a"]).copies) == 3


def test_an_undone_delete_brings_back_the_articles_split(catalogue, story_files):
    import_paths([story_files])
    found = ids_by_file()
    stories.split_article(found["c"])

    undelete_articles(delete_articles([found["c"]]))

    assert stories.story_of(found["c"]) is None
    assert len(stories.story_of(found["a"]).copies) == 3


def test_an_edited_text_is_compared_again(catalogue, story_files):
    from catalog.body_editing import edit_body
    from catalog.models import Article

    import_paths([story_files])
    found = ids_by_file()
    article = Article.get_by_id(found["e"])

    edit_body(found["e"], SEED_BODY.strip() + "\n\nA line of our own.", expect_version=article.version)

    assert found["e"] in stories.story_of(found["a"]).articles


def test_copies_cli_lists_every_story_with_the_first_appearance_first(
    catalogue, story_files, capsys, db_path
):
    import_paths([story_files])
    found = ids_by_file()

    code, out, _ = cli_outcome(capsys, "copies", "--json", "--db", db_path)
    assert code == 0
    import json

    assert json.loads(out) == [
        {"story": min(found[n] for n in "abcd"), "first": found["a"], "articles": [found[n] for n in "abdc"]}
    ]

    code, out, _ = cli_outcome(capsys, "copies", str(found["c"]), "--json", "--db", db_path)
    story = json.loads(out)
    assert code == 0 and story["first"] == found["a"]
    assert [copy["id"] for copy in story["articles"]] == [found[n] for n in "abdc"]
    assert story["articles"][0]["share"] == 1.0 and story["articles"][0]["first"] is True
    assert set(story["articles"][1]) == {"id", "title", "outlet", "date", "first", "share"}

    code, out, _ = cli_outcome(capsys, "copies", "--db", db_path)
    assert code == 0 and "(first)" in out and "(copy)" in out and "ZeroHedge" in out


def test_copies_cli_on_an_article_alone_a_missing_one_and_a_wrong_use(
    catalogue, story_files, capsys, db_path
):
    import json

    import_paths([story_files])
    found = ids_by_file()

    code, out, _ = cli_outcome(capsys, "copies", str(found["e"]), "--json", "--db", db_path)
    alone = json.loads(out)
    assert code == 0 and alone["story"] is None and [a["id"] for a in alone["articles"]] == [found["e"]]
    assert alone["articles"][0]["date"] == "2022-07-05"

    code, _, err = cli_outcome(capsys, "copies", "9999", "--db", db_path)
    assert code == 1 and err.strip() == "catalog: no article with id 9999"

    code, _, err = cli_outcome(capsys, "copies", "12", "--rebuild", "--db", db_path)
    assert code == 2 and "--rebuild" in err

    code, out, err = cli_outcome(capsys, "copies", "--rebuild", "--json", "--db", db_path)
    assert code == 0 and len(json.loads(out)) == 1 and "1 story with copies" in err


def test_a_catalogue_from_before_stories_finds_them_when_upgraded(tmp_path, monkeypatch, story_files):
    old_steps = tmp_path / "old-steps"
    shutil.copytree(
        migrations.MIGRATIONS_DIR,
        old_steps,
        ignore=lambda _, names: [
            n for n in names if n.startswith("__") or (n[:4].isdigit() and int(n[:4]) > 15)
        ],
    )
    with monkeypatch.context() as patched:
        patched.setattr(migrations, "MIGRATIONS_DIR", str(old_steps))
        location = str(tmp_path / "v15.sqlite3")
        open_catalogue(location)
        assert migrations.schema_version(database.obj) == 15
        import_paths([story_files])
        close_catalogue()

    open_catalogue(location)
    try:
        assert migrations.schema_version(database.obj) == migrations.latest_version()
        [story] = stories.stories()
        assert len(story.copies) == 4
    finally:
        close_catalogue()


def test_a_json_import_and_a_catalogue_copy_keep_stories_and_splits(
    catalogue, story_files, tmp_path, capsys, db_path
):
    import_paths([story_files])
    found = ids_by_file()
    stories.split_article(found["c"])
    target = str(tmp_path / "copy.sqlite3")
    close_catalogue()

    code, _, err = cli_outcome(capsys, "copy", "--from", db_path, "--to", target)
    assert code == 0, err

    open_catalogue(target)
    try:
        [story] = stories.stories()
        assert sorted(story.articles) == sorted(found[n] for n in "abd")
    finally:
        close_catalogue()
    open_catalogue(db_path)


@pytest.mark.parametrize(
    "line, kind",
    [
        ("By John Smith", "header"),
        ("BY JANE DOE via Reuters", "header"),
        (" date 2022-06-29 Authored by Dave DeCamp via AntiWar.com,", "header"),
        ("This story was originally published by ProPublica.", "lead-in"),
        ("Republished with permission from The Conversation.", "lead-in"),
        ("“Editor’s note: this piece has been updated.", "lead-in"),
        ("Subscribe to our newsletter for more.", "footer"),
        ("© 2022 Reuters. All rights reserved.", "footer"),
        ("Read the rest at https://example.org/a", "footer"),
        ("Related: Ukraine war enters a new phase", "related"),
        ("By the time he arrived the house was empty.", None),
        ("Support for the measure has grown since 2019.", None),
        ("From the start, the war was hard.", None),
        ("", None),
        ("Subscribe " + "x" * 500, None),
    ],
)
def test_boilerplate_lines_are_told_from_the_articles_own(line, kind):
    assert stories.text.boilerplate_kind(line) == kind


def test_a_sentence_starting_like_a_byline_inside_the_text_is_the_articles_own():
    body = "Officials met on Monday.\n\nBy John Smith's account, nobody agreed.\n\nTalks resume soon.\n\nSubscribe now for more."
    kinds = [(body[span.start : span.end], span.kind) for span in stories.boilerplate_spans(body)]

    assert kinds == [("Subscribe now for more.", "footer")]


def test_short_texts_and_empty_bodies_are_nobodys_copies(catalogue, write):
    write("a.txt", f"{header('2022-01-01', 'A')}\n\nPhoto: Reuters\n")
    write("b.txt", f"{header('2022-01-02', 'B')}\n\nOfficials met. Nothing was agreed.\n")
    write("c.txt", f"{header('2022-01-03', 'C')}\n\nOfficials met. Nothing was agreed. Talks resume.\n")
    write("d.txt", b"\x00\x01\x02 binary junk \xff\xfe")
    import_paths([write.root])

    assert stories.stories() == []


def test_copies_held_together_by_the_one_split_out_or_deleted_stay_one_story(catalogue, write):
    # Imported in one batch, the excerpt (the smallest id) is compared with both others, and
    # the other two are not compared with each other: they were one story through it.
    write("a-excerpt.txt", excerpt())
    write("b-republished.txt", republished())
    write("c-original.txt", SEED_FILE.read_text(encoding="utf-8"))
    import_paths([write.root])
    found = ids_by_file()

    stories.split_article(found["a"])
    assert sorted(stories.story_of(found["b"]).articles) == sorted([found["b"], found["c"]])

    delete_articles([found["a"]])
    assert sorted(stories.story_of(found["b"]).articles) == sorted([found["b"], found["c"]])


def test_a_closing_line_no_pattern_knows_leaves_the_footers_above_it_footers():
    body = (
        "Officials met on Monday.\n\nTalks resume soon.\n\nRead the rest at https://example.org/a\n\n"
        "The post Officials Meet appeared first on AntiWar.com."
    )
    unusual = "Officials met on Monday.\n\nTalks resume soon.\n\nRead the rest at https://example.org/a\n\nA line of ours."

    assert [span.kind for span in stories.boilerplate_spans(body)] == ["footer", "footer"]
    assert [span.kind for span in stories.boilerplate_spans(unusual)] == ["footer", "footer"]
    assert stories.boilerplate_spans("Officials met on Monday.\n\nHe declined to comment.") == []
