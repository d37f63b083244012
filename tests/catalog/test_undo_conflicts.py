"""Undo and redo, checked in the catalogue: only the fields a step changed, only where they still
hold what it wrote; clashes named per field; refusals in words; all or nothing."""

import pytest

from catalog.articles import get_article
from catalog.body_editing import capture_body, edit_body, replace_body, revert_body
from catalog.claims.store import (
    ClaimEdit,
    add_claim_by_text,
    delete_claims,
    edit_claim,
    get_claim,
    link_claims,
    links_of,
    remove_claims,
    restore_claims,
    revert_claim,
    stored,
)
from catalog.conflicts import StepClash, StepGone, StepRefused
from catalog.editing import (
    ArticleEdit,
    BatchEdit,
    apply_batch_change,
    delete_articles,
    edit_article,
    edit_article_change,
    revert_states,
    undelete_articles,
)
from catalog.importing import import_paths
from catalog.models import Article, Claim
from catalog.names_admin import merge_names, rename_name, undo_name_change
from catalog.search import fulltext
from tests.helpers import article_file

MINISTER = "The minister said taxes will fall next year. Critics said the deficit would grow instead."


@pytest.fixture
def ids(catalogue, write):
    write(
        "1.txt",
        article_file("Budget day", MINISTER, header=" date 2022-03-01 Authored by Ann Lee via Daily,"),
    )
    write(
        "2.txt",
        article_file("Radio", "Farm news first. Taxes will fall.", header=" date 2022-03-05 via Weekly,"),
    )
    write(
        "3.txt",
        article_file("Football", "The home side won the derby.", header=" date 2022-03-09 via Daily,"),
    )
    return [item.article_id for item in import_paths([write.root]).imported]


def test_undo_puts_back_only_the_fields_the_edit_changed(ids):
    before, after = edit_article_change(ids[0], ArticleEdit(title="Mine", topics=["Tax"]))
    edit_article(ids[0], ArticleEdit(summary="Theirs.", authors=["Bo Chan"]))  # another desk
    assert revert_states(after, before) == []
    article = get_article(ids[0])
    assert (article["title"], article["topics"], article["summary"], article["authors"]) == (
        "Budget day",
        [],
        "Theirs.",
        ["Bo Chan"],
    )
    assert fulltext.problems() == []


def test_a_field_changed_since_is_a_clash_naming_it_and_nothing_is_written(ids):
    before, after = edit_article_change(ids[0], ArticleEdit(title="Mine", outlet="Monthly"))
    edit_article(ids[0], ArticleEdit(outlet="Evening Post"))
    with pytest.raises(StepClash) as raised:
        revert_states(after, before)
    [clash] = raised.value.fields
    assert (clash.key, clash.base, clash.theirs, clash.mine) == (
        f"{ids[0]}:outlet",
        "Monthly",
        "Evening Post",
        "Daily",
    )
    assert "someone else changed the outlet of “Mine” since" in str(raised.value)
    assert get_article(ids[0])["title"] == "Mine"  # nothing written
    revert_states(after, before, choices={clash.key: False})  # keep theirs
    assert (get_article(ids[0])["title"], get_article(ids[0])["outlet"]) == ("Budget day", "Evening Post")
    revert_states(before, after, choices={clash.key: True})  # redo anyway
    assert (get_article(ids[0])["title"], get_article(ids[0])["outlet"]) == ("Mine", "Monthly")


def test_a_field_someone_already_put_back_is_no_clash(ids):
    before, after = edit_article_change(ids[0], ArticleEdit(title="Mine"))
    edit_article(ids[0], ArticleEdit(title="Budget day"))
    revert_states(after, before)
    assert get_article(ids[0])["title"] == "Budget day"


def test_batch_undo_skips_articles_deleted_meanwhile_and_is_gone_when_all_are(ids):
    plan = apply_batch_change(ids, BatchEdit(outlet="Monthly"))
    delete_articles([ids[1]])
    assert revert_states(plan.after, plan.before) == [ids[1]]
    assert [get_article(i)["outlet"] for i in (ids[0], ids[2])] == ["Daily", "Daily"]
    delete_articles([ids[0], ids[2]])
    with pytest.raises(StepGone, match="deleted by someone else"):
        revert_states(plan.before, plan.after)


def test_undo_refuses_to_put_back_a_name_merged_away_meanwhile(ids):
    before, after = edit_article_change(ids[1], ArticleEdit(outlet="Daily"))  # was Weekly
    merge_names("outlet", ["Weekly"], "Evening Post")
    with pytest.raises(StepRefused, match="outlet it would put back was merged"):
        revert_states(after, before)
    assert get_article(ids[1])["outlet"] == "Daily"


def test_claim_edits_undo_field_by_field(ids):
    claim_id = add_claim_by_text(ids[0], "taxes will fall next year")
    before = edit_claim(claim_id, ClaimEdit(verdict="false", notes="mine"))
    after = get_claim(claim_id)
    edit_claim(claim_id, ClaimEdit(explanation="Theirs."))
    revert_claim(after, before)
    claim = get_claim(claim_id)
    assert (claim["verdict"], claim["notes"], claim["explanation"]) == ("unrated", "", "Theirs.")
    revert_claim(before, after)
    edit_claim(claim_id, ClaimEdit(verdict="true"))
    with pytest.raises(StepClash) as raised:
        revert_claim(after, before)
    assert [f.key for f in raised.value.fields] == ["verdict"] and raised.value.kind == "claim"
    delete_claims([claim_id])
    with pytest.raises(StepGone):
        revert_claim(after, before)


def test_undoing_a_mark_asks_when_the_claim_was_changed_or_linked_since(ids):
    claim_id = add_claim_by_text(ids[0], "taxes will fall next year")
    made = stored([claim_id])
    other = add_claim_by_text(ids[1], "Taxes will fall")
    link_claims(other, claim_id, "repeats")  # someone else linked it
    with pytest.raises(StepClash) as raised:
        remove_claims(made)
    [clash] = raised.value.fields
    assert clash.key == f"{claim_id}:claim" and "links" in clash.theirs
    assert remove_claims(made, choices={clash.key: False}).claims == []  # kept
    removed = remove_claims(made, choices={clash.key: True})
    assert get_claim(claim_id) is None and len(removed.links) == 1
    assert restore_claims(removed).claims and len(links_of(other)) == 1  # redo brings link and all


def test_a_removed_claim_comes_back_on_its_words_after_the_text_changed(ids):
    claim_id = add_claim_by_text(ids[0], "the deficit would grow")
    removed = delete_claims([claim_id])
    edit_body(ids[0], "UPDATED: " + MINISTER)
    restore_claims(removed)
    claim = get_claim(claim_id)
    assert get_article(ids[0])["body"][claim["start"] : claim["end"]] == "the deficit would grow"
    removed = delete_claims([claim_id])
    edit_body(ids[0], "The minister said taxes will fall next year.")
    with pytest.raises(StepRefused, match="no longer in its article's text"):
        restore_claims(removed)
    assert get_claim(claim_id) is None


def test_restoring_claims_is_all_or_nothing(ids):
    first = add_claim_by_text(ids[0], "taxes will fall next year")
    second = add_claim_by_text(ids[1], "Taxes will fall")
    link_claims(first, second, "repeats")
    removed = delete_claims([first])
    delete_claims([second])  # the claim at the link's other end, gone for good
    with pytest.raises(StepRefused, match=f"claim {second}, at the other end of a link"):
        restore_claims(removed)
    assert Claim.select().count() == 0


def test_undelete_refuses_in_words_and_restores_nothing(ids, write):
    deleted = delete_articles([ids[0]])
    import_paths([write.root / "1.txt"])  # the same text, imported again meanwhile
    with pytest.raises(StepRefused, match="“Budget day” is in the catalogue again, as article"):
        undelete_articles(deleted)
    assert Article.select().count() == 3


def test_redo_of_a_delete_asks_for_articles_changed_since_the_undo(ids):
    deleted = delete_articles(ids[:2])
    undelete_articles(deleted)
    edit_article(ids[1], ArticleEdit(notes="Checked."))
    with pytest.raises(StepClash) as raised:
        delete_articles(deleted.ids, expect=deleted)
    [clash] = raised.value.fields
    assert clash.key == f"{ids[1]}:article" and clash.theirs == "its details changed"
    again = delete_articles(deleted.ids, expect=deleted, choices={clash.key: False})
    assert again.ids == [ids[0]] and get_article(ids[1])["notes"] == "Checked."


def test_undo_of_a_merge_leaves_other_desks_changes_and_refuses_a_taken_name(ids):
    change = merge_names("outlet", ["Weekly"], "Daily")
    edit_article(ids[1], ArticleEdit(title="Radio, retitled"))
    undo_name_change(change)
    assert (get_article(ids[1])["outlet"], get_article(ids[1])["title"]) == ("Weekly", "Radio, retitled")
    change = merge_names("outlet", ["Weekly"], "Daily")
    edit_article(ids[2], ArticleEdit(outlet="WEEKLY"))  # a new Weekly
    with pytest.raises(StepRefused, match="someone else made an outlet named “WEEKLY” meanwhile"):
        undo_name_change(change)
    assert get_article(ids[1])["outlet"] == "Daily"  # nothing changed


def test_undo_of_a_rename_asks_when_renamed_again(ids):
    change = rename_name("author", "Ann Lee", "Ann Li")
    rename_name("author", "Ann Li", "A. Li")
    with pytest.raises(StepClash) as raised:
        undo_name_change(change)
    [clash] = raised.value.fields
    assert (clash.name, clash.theirs, clash.mine) == ("name", "A. Li", "Ann Lee")
    undo_name_change(change, choices={clash.key: True})
    assert get_article(ids[0])["authors"] == ["Ann Lee"]


def test_text_undo_checks_the_text_and_carries_claims_marked_since(ids):
    before, after = replace_body(ids[0], "BREAKING. " + MINISTER)
    theirs = add_claim_by_text(ids[0], "the deficit would grow")
    revert_body(after, before)
    claim = get_claim(theirs)
    assert MINISTER[claim["start"] : claim["end"]] == "the deficit would grow"
    revert_body(before, after)
    edit_body(ids[0], "BREAKING NEWS. " + MINISTER)
    with pytest.raises(StepClash) as raised:
        revert_body(after, before)
    [clash] = raised.value.fields
    assert clash.key == "text" and "BREAKING NEWS" in clash.theirs and clash.mine.startswith("The minister")
    revert_body(after, before, choices={"text": True})
    assert capture_body(ids[0]).body == MINISTER


def test_a_text_saved_beside_another_desks_summary_and_refused_beside_their_text(ids):
    article = get_article(ids[0])
    edit_article(ids[0], ArticleEdit(summary="Theirs."))
    replace_body(ids[0], "BREAKING. " + MINISTER, expect_version=article["version"], base=article["body"])
    article_now = get_article(ids[0])
    assert article_now["body"].startswith("BREAKING.") and article_now["summary"] == "Theirs."
    from catalog.editing import VersionConflict

    with pytest.raises(VersionConflict) as raised:
        replace_body(ids[0], MINISTER + " Mine.", expect_version=article["version"], base=article["body"])
    [clash] = raised.value.fields
    assert clash.name == "text" and "BREAKING." in clash.theirs
