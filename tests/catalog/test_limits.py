"""The same limits on every way in (catalog.limits): files, import-json, edits, claims, names,
saved searches, article texts, the command line and copy; each refused before anything is
written, in words naming the field and the limit, on either backend."""

import json

import pytest

from catalog import limits
from catalog.body_editing import edit_body
from catalog.browsing import Filters
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.claims.store import (
    ClaimEdit,
    ClaimError,
    add_claim_by_text,
    edit_claim,
    edit_link_note,
    link_claims,
)
from catalog.db import database
from catalog.editing import ArticleEdit, BatchEdit, apply_batch, edit_article, plan_batch
from catalog.exporting.json_export import export_json
from catalog.importing import import_paths
from catalog.limits import OverLimit
from catalog.models import Article, Author, Claim, ClaimLink, Outlet, SavedSearch, Topic
from catalog.names_admin import NameProblem, merge_names, rename_name
from catalog.search.saved import SavedSearchProblem, save_search
from tests.helpers import article_file
from ui.command_line import main

BUDGET = "The minister said taxes will fall next year. Critics said the deficit would grow instead."
RADIO = "Farm news first. Then the radio repeated that taxes will fall next year, as the minister said."


def over(limit: limits.Limit, word: str = "Long") -> str:
    """A value one character over ``limit`` that looks like text (real words, not one letter)."""
    text = (word + " ") * (limit.characters // (len(word) + 1) + 1)
    return text[: limit.characters + 1]


@pytest.fixture
def two(catalogue, write):
    write(
        "1.txt", article_file("Budget day", BUDGET, header=" date 2022-03-01 Authored by Ann Lee via Daily,")
    )
    write("2.txt", article_file("Tax promises", RADIO, header=" date 2022-03-05 via Weekly,"))
    return [item.article_id for item in import_paths([write.root]).imported]


def snapshot() -> list:
    """Everything an edit could change, to show nothing did."""
    return [
        list(Article.select().order_by(Article.id).dicts()),
        [o.name for o in Outlet.select()],
        [a.name for a in Author.select()],
        [t.name for t in Topic.select()],
        list(Claim.select().dicts()),
        list(ClaimLink.select().dicts()),
    ]


# --- the limits themselves -----------------------------------------------------------------


def test_every_indexed_value_fits_a_postgresql_index_row_in_utf8():
    """Four bytes a character (a key can grow 12 bytes from one character when case-folded)
    under PostgreSQL's b-tree limit of about 2,700 bytes per row."""
    for limit in (limits.TITLE, limits.CLAIMANT):
        assert limit.characters * 4 <= 2_600
    for limit in (limits.OUTLET, limits.AUTHOR, limits.TOPIC, limits.SAVED_SEARCH_NAME):
        assert limit.characters * 12 <= 2_600
    assert limits.BODY.characters >= 1024**3  # every file the import takes (--max-size up to 1 GiB)


def test_the_check_names_the_field_and_the_limit():
    with pytest.raises(OverLimit, match="^the title is 501 characters long; at most 500 are allowed$"):
        limits.check(limits.TITLE, over(limits.TITLE))
    with pytest.raises(OverLimit, match=r"^the outlet name contains a NUL character \(\\x00\)"):
        limits.check(limits.OUTLET, "Daily\x00")
    with pytest.raises(
        OverLimit, match=r"^the notes contain a lone surrogate \(\\udc80\), which cannot be stored$"
    ):
        limits.check(limits.NOTES, "caf\udc80")
    assert limits.check(limits.TITLE, "x" * 500) == "x" * 500


# --- files ---------------------------------------------------------------------------------


def test_a_file_whose_header_names_an_author_over_the_limit_is_reported(catalogue, write):
    # (A "header" line of thousands of characters is no header: catalog.importing.header reads
    # at most HEADER_MAX characters, so such a line is part of the text.)
    good = write("good.txt", article_file("Budget day", BUDGET, header=" date 2022-03-01 via Daily,"))
    author = over(limits.AUTHOR, "Dave") * 3
    bad = write(
        "bad.txt", article_file("Tax promises", RADIO, header=f" date 2022-03-05 Authored by {author} via X,")
    )
    report = import_paths([good, bad])
    assert [item.path for item in report.imported] == [str(good)]
    assert [(f.path, f.reason) for f in report.failed] == [
        (str(bad), f"the author name is {len(author.strip()):,} characters long; at most 200 are allowed")
    ]
    assert Author.select().count() == 0


def test_a_file_whose_outlet_is_too_long_is_reported_by_the_command_line(catalogue, write, capsys):
    outlet = over(limits.OUTLET, "Outlet")
    write("bad.txt", article_file("Tax promises", RADIO, header=f" date 2022-03-05 via {outlet},"))
    code = main(["--db", catalogue.location, "import", str(write.root)])
    out = capsys.readouterr().out
    assert code == 1 and "failed: " in out and "the outlet name is 201 characters long" in out


def test_a_file_whose_text_is_over_the_limit_is_reported(catalogue, write, monkeypatch):
    monkeypatch.setattr(limits, "BODY", limits.Limit("article text", 50))  # rather than a 1 GiB file
    report = import_paths([write("long.txt", article_file("Budget day", BUDGET))])
    assert [f.reason for f in report.failed] == [
        "the article text is 89 characters long; at most 50 are allowed"
    ]


# --- edits -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "edit, message",
    [
        (ArticleEdit(title=over(limits.TITLE)), "the title is 501 characters long"),
        (ArticleEdit(outlet=over(limits.OUTLET)), "the outlet name is 201 characters long"),
        (ArticleEdit(authors=["Ann Lee", over(limits.AUTHOR)]), "the author name is 201 characters long"),
        (ArticleEdit(topics=[over(limits.TOPIC)]), "the topic is 201 characters long"),
        (ArticleEdit(add_topics=["Tax", over(limits.TOPIC)]), "the topic is 201 characters long"),
        (ArticleEdit(summary=over(limits.SUMMARY)), "the summary is 100,001 characters long"),
        (ArticleEdit(notes=over(limits.NOTES), title="Fine"), "the notes are 100,001 characters long"),
        (ArticleEdit(title="Budget\x00day"), "the title contains a NUL character"),
    ],
)
def test_an_edit_over_a_limit_changes_nothing(two, edit, message):
    before = snapshot()
    with pytest.raises(OverLimit, match=message):
        edit_article(two[0], edit, expect_version=1)
    assert snapshot() == before


def test_a_batch_edit_over_a_limit_changes_nothing(two):
    before = snapshot()
    with pytest.raises(OverLimit, match="the author name is 201"):
        apply_batch(two, BatchEdit(add_authors=[over(limits.AUTHOR)]))
    with pytest.raises(OverLimit, match="the outlet name is 201"):
        plan_batch(two, BatchEdit(outlet=over(limits.OUTLET)))
    assert snapshot() == before


def test_a_replacement_that_makes_a_title_too_long_names_the_article(two):
    before = snapshot()
    batch = BatchEdit(find_in_titles="s", replace_in_titles="s" * 300)  # "Tax promises": twice
    with pytest.raises(OverLimit, match=rf"the title of article {two[1]} would be 610 characters long"):
        apply_batch(two, batch)
    assert snapshot() == before


def test_article_text_over_the_limit_is_refused(two, monkeypatch):
    from catalog import body_editing

    monkeypatch.setattr(body_editing, "BODY", limits.Limit("article text", len(BUDGET) + 5))
    with pytest.raises(OverLimit, match=f"the article text is {len(BUDGET) + 6} characters long"):
        edit_body(two[0], BUDGET + " More.")
    assert Article.get_by_id(two[0]).body == BUDGET


def test_claims_and_links_over_a_limit_are_refused(two):
    claim = add_claim_by_text(two[0], "taxes will fall")
    other = add_claim_by_text(two[1], "taxes will fall")
    link = link_claims(other, claim, "repeats")
    before = snapshot()
    for attempt, message in [
        (
            lambda: add_claim_by_text(two[0], "the deficit", claimant=over(limits.CLAIMANT)),
            "the claimant is 301",
        ),
        (lambda: add_claim_by_text(two[0], over(limits.CLAIM_TEXT)), "the claim text is 20,001"),
        (
            lambda: edit_claim(claim, ClaimEdit(explanation=over(limits.EXPLANATION))),
            "verdict explanation is 100,001",
        ),
        (lambda: edit_claim(claim, ClaimEdit(notes=over(limits.CLAIM_NOTES))), "the claim notes are 100,001"),
        (lambda: link_claims(claim, other, "supports", over(limits.LINK_NOTE)), "the link note is 10,001"),
        (lambda: edit_link_note(link, over(limits.LINK_NOTE)), "the link note is 10,001"),
    ]:
        with pytest.raises(ClaimError, match=message):
            attempt()
    assert snapshot() == before


def test_names_merged_or_renamed_over_the_limit_are_refused(two):
    before = snapshot()
    with pytest.raises(NameProblem, match="the outlet name is 201"):
        merge_names("outlet", ["Daily", "Weekly"], over(limits.OUTLET))
    with pytest.raises(NameProblem, match="the author name is 201"):
        rename_name("author", "Ann Lee", over(limits.AUTHOR))
    assert snapshot() == before


def test_renaming_a_topic_refuses_a_sub_topic_that_would_grow_too_long(two):
    edit_article(two[0], ArticleEdit(topics=["Tax/" + "Budget " * 25]))
    before = snapshot()
    with pytest.raises(NameProblem, match="the topic is 2[0-9][0-9] characters long"):
        rename_name("topic", "Tax", "Taxes " * 10)
    assert snapshot() == before


def test_saved_searches_over_the_limit_are_refused(catalogue):
    with pytest.raises(SavedSearchProblem, match="the saved search name is 201"):
        save_search(over(limits.SAVED_SEARCH_NAME), Filters(query="tax"))
    with pytest.raises(SavedSearchProblem, match="the saved search query is 10,001"):
        save_search("Tax", Filters(query=over(limits.SAVED_SEARCH_QUERY)))
    assert SavedSearch.select().count() == 0


# --- the command line ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "option, limit",
    [
        ("--title", limits.TITLE),
        ("--outlet", limits.OUTLET),
        ("--author", limits.AUTHOR),
        ("--topic", limits.TOPIC),
        ("--add-topic", limits.TOPIC),
        ("--summary", limits.SUMMARY),
        ("--notes", limits.NOTES),
    ],
)
def test_edit_options_over_a_limit_are_usage_errors(catalogue, two, capsys, option, limit):
    before = snapshot()
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", catalogue.location, "edit", str(two[0]), option, over(limit)])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and err.count("\n") == 1
    assert (
        f"argument {option}: the {limit.what} {'are' if limit.plural else 'is'} {limit.characters + 1:,}"
        in err
    )
    assert f"characters long; at most {limit.characters:,} are allowed" in err
    assert snapshot() == before


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["claims", "add", "1", "--text", "taxes", "--claimant", over(limits.CLAIMANT)],
            "argument --claimant",
        ),
        (["claims", "add", "1", "--text", over(limits.CLAIM_TEXT)], "argument --text"),
        (
            ["claims", "add", "1", "--text", "taxes", "--explanation", over(limits.EXPLANATION)],
            "--explanation",
        ),
        (["claims", "link", "1", "2", "--relation", "repeats", "--note", over(limits.LINK_NOTE)], "--note"),
        (
            ["merge-outlets", "Daily", "--into", over(limits.OUTLET)],
            "argument --into: the outlet name is 201",
        ),
    ],
)
def test_claim_and_name_options_over_a_limit_are_usage_errors(catalogue, two, capsys, args, message):
    add_claim_by_text(two[0], "taxes will fall")
    add_claim_by_text(two[1], "taxes will fall")
    before = snapshot()
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", catalogue.location, *args])
    assert exit_info.value.code == 2 and message in capsys.readouterr().err
    assert snapshot() == before


# --- copy --------------------------------------------------------------------------------------


def test_copying_a_catalogue_that_holds_an_over_long_title_names_the_article(
    tmp_path, db_path, capsys, write
):
    source = str(tmp_path / "source.sqlite3")
    open_catalogue(source)
    write("1.txt", article_file("Budget day", BUDGET))
    write("2.txt", article_file("Tax promises", RADIO))
    import_paths([write.root])
    # Written by an older release, or by hand: somehow it is there.
    database.execute_sql('UPDATE "article" SET "title" = ? WHERE "id" = 2', ("Tax promises " * 500,))
    close_catalogue()
    code = main(["copy", "--from", source, "--to", db_path])
    err = capsys.readouterr().err
    assert code == 1 and "unexpected" not in err and err.count("\n") == 1
    assert err == (
        f"catalog: {source} cannot be copied as it is: "
        "article 2 (title): title is 6,500 characters long; at most 500 are allowed\n"
    )
    open_catalogue(db_path)
    assert Article.select().count() == 0  # nothing half-copied
    close_catalogue()


def test_an_export_of_such_a_catalogue_is_refused_by_import_json_with_the_place(
    tmp_path, db_path, capsys, write
):
    source = str(tmp_path / "source.sqlite3")
    open_catalogue(source)
    import_paths([write("1.txt", article_file("Budget day", BUDGET))])
    database.execute_sql('UPDATE "article" SET "notes" = ?', ("Notes " * 20_000,))
    exported = tmp_path / "export.json"
    export_json(exported)
    close_catalogue()
    code = main(["--db", db_path, "import-json", str(exported)])
    err = capsys.readouterr().err
    assert code == 1
    assert err == (
        f"catalog: {exported}: articles[0].notes: notes are 120,000 characters long; at most 100,000 are allowed\n"
    )
    assert json.loads(exported.read_text(encoding="utf-8"))["articles"][0]["id"] == 1
