"""Claims and links: marking, anchoring through edits, linking, suggestions, interchange."""

import datetime
import json

import pytest

from catalog.body_editing import capture_body, edit_body, restore_body
from catalog.browsing import Filters, filtered_ids
from catalog.claims.store import (
    RELATIONS,
    ClaimEdit,
    ClaimError,
    ClaimFilters,
    add_claim,
    add_claim_by_text,
    claim_graph,
    claimant_names,
    claims_of_article,
    delete_claims,
    edit_claim,
    get_claim,
    link_claims,
    links_of,
    list_claims,
    outlet_choices,
    relink,
    restore_claim,
    restore_claims,
    unlink,
)
from catalog.claims.suggestions import accept, suggest_links
from catalog.editing import delete_articles, undelete_articles
from catalog.exporting.claimreview import claimreview_document
from catalog.exporting.json_export import export_json
from catalog.exporting.json_import import ImportJsonError, import_json
from catalog.fingerprints import fingerprint
from catalog.importing import import_paths
from catalog.models import Article, Claim, ClaimLink
from catalog.search import fulltext
from tests.helpers import article_file

MINISTER = "The minister said taxes will fall next year. Critics said the deficit would grow instead."


@pytest.fixture
def news(catalogue, write):
    """Three articles: one with the minister's claim, one repeating it word for word, one unrelated."""
    write(
        "1.txt",
        article_file("Budget day", MINISTER, header=" date 2022-03-01 Authored by Ann Lee via Daily,"),
    )
    write(
        "2.txt",
        article_file(
            "Tax promises",
            "Farm news first. Then the radio repeated that taxes will fall next year, as the minister said.",
            header=" date 2022-03-05 Authored by Bo Chan via Weekly,",
        ),
    )
    write(
        "3.txt",
        article_file(
            "Football",
            "The home side won the derby after extra time in front of a full stadium.",
            header=" date 2022-03-09 Authored by Cy Diaz via Sport,",
        ),
    )
    return [item.article_id for item in import_paths([write.root]).imported]


def body_of(article_id: int) -> str:
    return Article.get_by_id(article_id).body


def test_a_claim_is_a_span_of_the_text_found_even_when_copied_loosely(news):
    one = news[0]
    claim_id = add_claim_by_text(
        one, "taxes will fall next year", claimant="  The  Minister ", verdict="Mostly-False"
    )
    claim = get_claim(claim_id)
    assert body_of(one)[claim["start"] : claim["end"]] == "taxes will fall next year" == claim["text"]
    assert (claim["claimant"], claim["verdict"], claim["claim_date"]) == (
        "The Minister",
        "mostly false",
        "2022-03-01",
    )
    loose = get_claim(add_claim_by_text(one, "CRITICS  said the\ndeficit"))
    assert loose["text"] == "Critics said the deficit"
    with pytest.raises(ClaimError, match="does not occur"):
        add_claim_by_text(one, "taxes will rise")
    with pytest.raises(ClaimError, match="no text to mark"):
        add_claim(one, 10, 10)
    with pytest.raises(ClaimError, match="unknown verdict"):
        add_claim(one, 0, 3, verdict="probably")
    padded = get_claim(add_claim(one, 3, 13))  # " minister " picked up by a mouse: trimmed
    assert padded["text"] == "minister"


def test_claimants_to_choose_from_are_the_claimants_authors_and_outlets(news):
    add_claim_by_text(news[0], "taxes will fall next year", claimant="the minister")
    assert claimant_names() == ["Ann Lee", "Bo Chan", "Cy Diaz", "Daily", "Sport", "the minister", "Weekly"]
    assert [name for name, _id in outlet_choices()] == ["Daily", "Sport", "Weekly"]


def test_offsets_follow_edits_elsewhere_in_the_text(news):
    one = news[0]
    claim_id = add_claim_by_text(one, "the deficit would grow")
    before = capture_body(one)
    change = edit_body(one, "UPDATED: " + MINISTER.replace("next year", "in 2023"))
    claim = get_claim(claim_id)
    assert body_of(one)[claim["start"] : claim["end"]] == "the deficit would grow"
    restore_body(change)
    assert body_of(one) == MINISTER and capture_body(one) == before
    # An edit inside the claim: the claim covers the words that replaced its own.
    edit_body(one, MINISTER.replace("deficit would grow", "deficit would surely grow"))
    assert get_claim(claim_id)["text"] == "the deficit would surely grow"
    with pytest.raises(ClaimError, match="removes all the words of claim"):
        edit_body(one, "The minister said taxes will fall next year.")
    assert "surely" in body_of(one)  # the refused edit changed nothing
    assert filtered_ids(Filters(query="surely")) == [one] and fulltext.problems() == []


def test_claims_edit_delete_and_undo(news):
    one = news[0]
    claim_id = add_claim_by_text(one, "taxes will fall", claimant="Minister")
    before = edit_claim(
        claim_id, ClaimEdit(verdict="false", explanation="Taxes rose.", claim_date=datetime.date(2022, 2, 28))
    )
    assert get_claim(claim_id)["verdict"] == "false" and get_claim(claim_id)["claim_date"] == "2022-02-28"
    assert edit_claim(claim_id, ClaimEdit(verdict="false")) is None  # no change, nothing to undo
    restore_claim(before)
    assert get_claim(claim_id)["verdict"] == "unrated" and get_claim(claim_id)["explanation"] == ""
    other = add_claim_by_text(news[1], "taxes will fall next year")
    link_claims(other, claim_id, "repeats")
    removed = delete_claims([claim_id])
    assert get_claim(claim_id) is None and ClaimLink.select().count() == 0
    assert filtered_ids(Filters(query="claim:minister")) == []
    restore_claims(removed)
    assert get_claim(claim_id)["claimant"] == "Minister" and len(links_of(claim_id)) == 1
    assert filtered_ids(Filters(query="claim:minister")) == [one] and fulltext.problems() == []


def test_links_have_types_directions_and_checks(news):
    a = add_claim_by_text(news[0], "taxes will fall next year")
    b = add_claim_by_text(news[1], "taxes will fall next year")
    link_id = link_claims(b, a, "cites", note=" radio quoting the minister ")
    [seen_from_a] = links_of(a)
    [seen_from_b] = links_of(b)
    assert (seen_from_b.phrase, seen_from_b.other["id"], seen_from_b.other_title) == (
        "cites",
        a,
        "Budget day",
    )
    assert (seen_from_a.phrase, seen_from_a.other_outlet) == ("is cited by", "Weekly")
    assert seen_from_a.link["note"] == "radio quoting the minister"
    link_claims(a, b, "cites")  # the other direction is another link
    link_claims(a, b, "contradicts")
    with pytest.raises(ClaimError, match="already"):
        link_claims(b, a, "contradicts")  # symmetric: the same link either way
    with pytest.raises(ClaimError, match="itself"):
        link_claims(a, a, "supports")
    with pytest.raises(ClaimError, match="unknown relation"):
        link_claims(a, b, "likes")
    with pytest.raises(ClaimError, match="no claim"):
        link_claims(a, 999, "supports")
    row = unlink(link_id)
    assert len(links_of(b)) == 2
    relink(row)
    assert len(links_of(b)) == 3


def test_deleting_an_article_takes_its_claims_and_links_and_undo_brings_them_back(news):
    a = add_claim_by_text(news[0], "taxes will fall next year")
    b = add_claim_by_text(news[1], "taxes will fall next year")
    link_claims(b, a, "repeats")
    deleted = delete_articles([news[0]])
    assert Claim.select().count() == 1 and ClaimLink.select().count() == 0 and fulltext.problems() == []
    undelete_articles(deleted)
    assert get_claim(a)["text"] == "taxes will fall next year" and len(links_of(b)) == 1
    assert fulltext.problems() == []


def test_suggestions_rank_the_article_repeating_the_claim_above_an_unrelated_one(news):
    one, two, three = news
    claim_id = add_claim_by_text(one, "taxes will fall next year")
    found = suggest_links(claim_id)
    assert [s.article_id for s in found] == [two]  # the football report shares no rare word
    [passage] = found
    assert passage.kind == "passage" and "taxes will fall next year" in passage.text
    assert body_of(two)[passage.start : passage.end] == passage.text
    link_id, new_claim = accept(claim_id, passage, "repeats")
    assert get_claim(new_claim)["article_id"] == two and links_of(claim_id)[0].link["id"] == link_id
    third = add_claim_by_text(three, "The home side won the derby")
    assert suggest_links(third) == []
    # Once the passage is a claim, it is offered as a claim, to a claim not yet linked to it.
    fresh = add_claim_by_text(one, "The minister said taxes will fall")
    [offered] = suggest_links(fresh)
    assert (offered.kind, offered.claim_id) == ("claim", new_claim)


def test_claim_map_reaches_two_steps_and_starts_with_the_first_appearance(news):
    one, two, three = news
    a = add_claim_by_text(one, "taxes will fall")
    b = add_claim_by_text(two, "taxes will fall")
    c = add_claim_by_text(three, "The home side won")
    d = add_claim_by_text(one, "the deficit would grow")
    link_claims(b, a, "repeats")
    link_claims(c, b, "contradicts")
    link_claims(d, c, "supports")  # three steps from b's neighbour a
    graph = claim_graph(b, steps=1)
    assert [node.claim["id"] for node in graph.nodes] == [a, b, c]  # by date: 1 March, 5 March, 9 March
    assert {link["relation"] for link in graph.links} == {"repeats", "contradicts"}
    graph = claim_graph(a, steps=2)
    assert {node.claim["id"] for node in graph.nodes} == {a, b, c}
    assert [node.steps for node in graph.nodes] == [0, 1, 2]


def test_list_claims_filters(news):
    a = add_claim_by_text(news[0], "taxes will fall", claimant="Minister", verdict="false")
    add_claim_by_text(news[1], "taxes will fall", verdict="true")
    assert [r.claim["id"] for r in list_claims(ClaimFilters(verdict="false"))] == [a]
    assert [r.claim["id"] for r in list_claims(ClaimFilters(claimant="minister"))] == [a]
    assert [r.claim["id"] for r in list_claims(ClaimFilters(text="MINISTER"))] == [a]
    assert len(list_claims(ClaimFilters(since=datetime.date(2022, 3, 2)))) == 1
    row = list_claims(ClaimFilters(article_id=news[0]))[0]
    assert (row.article_title, row.outlet, row.article_date) == ("Budget day", "Daily", "2022-03-01")
    assert [c["text"] for c in claims_of_article(news[1])] == ["taxes will fall"]


def test_every_relation_round_trips_through_export_and_import(news, tmp_path):
    from catalog.catalogue import close_catalogue, open_catalogue

    claims = [add_claim_by_text(news[0], "taxes will fall"), add_claim_by_text(news[1], "taxes will fall")]
    claims.append(add_claim_by_text(news[2], "The home side won", claimant="Coach", verdict="unproven"))
    for number, relation in enumerate(RELATIONS):
        link_claims(claims[number % 3], claims[(number + 1) % 3], relation, note=f"note {number} «é»")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    export_json(first)
    close_catalogue()
    open_catalogue(str(tmp_path / "empty.sqlite3"))
    report = import_json(first)
    assert (report.articles, report.claims, report.links, report.kept_ids) == (3, 3, 5, True)
    export_json(second)
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    document = json.loads(second.read_text(encoding="utf-8"))
    assert sorted(link["relation"] for link in document["claim_links"]) == sorted(RELATIONS)
    assert fulltext.problems() == [] and filtered_ids(Filters(query="claim:coach")) == [news[2]]
    again = import_json(first)  # into a catalogue that has them: duplicates, nothing doubled
    assert (again.articles, len(again.duplicates), Claim.select().count()) == (0, 3, 3)


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", r"not valid JSON \(line 1"),
        ('{"format": "something-else"}', "not a Catalog export"),
        ('{"format": "catalog-export", "format_version": 99}', "format version 99"),
        ('{"format": "catalog-export", "format_version": 1, "articles": [{"id": 1}]}', '"title" is missing'),
        (
            '{"format": "catalog-export", "format_version": 1, "articles": "many"}',
            '"articles" should be a list',
        ),
    ],
)
def test_import_json_rejects_a_malformed_file_and_changes_nothing(catalogue, tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ImportJsonError, match=message) as raised:
        import_json(bad)
    assert str(raised.value).startswith(str(bad))
    assert Article.select().count() == 0


def test_import_json_checks_claims_against_their_article_before_writing(news, tmp_path):
    add_claim_by_text(news[0], "taxes will fall")
    good = tmp_path / "good.json"
    export_json(good)
    document = json.loads(good.read_text(encoding="utf-8"))
    document["claims"][0]["start"] += 1  # the text is no longer where the claim says
    article = document["articles"][0]
    article["body"] += " A sentence more."  # a new article, were it imported
    article["content_hash"] = fingerprint(article["body"])
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportJsonError, match=r"claims\[0\]: its text is not at"):
        import_json(broken)
    assert Article.select().count() == 3  # the good article before the bad claim was not written


def test_claimreview_lists_rated_claims_with_their_appearance(news):
    add_claim_by_text(news[0], "taxes will fall", claimant="Minister", verdict="mostly false")
    add_claim_by_text(news[1], "taxes will fall")  # unrated: left out
    add_claim_by_text(news[2], "The home side won", verdict="unproven")
    graph = claimreview_document("Fact desk")["@graph"]
    assert [review["claimReviewed"] for review in graph] == ["taxes will fall", "The home side won"]
    first = graph[0]
    assert first["@type"] == "ClaimReview" and first["author"]["name"] == "Fact desk"
    assert (
        first["reviewRating"]["ratingValue"] == 2 and first["reviewRating"]["alternateName"] == "Mostly false"
    )
    assert first["itemReviewed"]["author"]["name"] == "Minister"
    assert first["itemReviewed"]["appearance"]["headline"] == "Budget day"
    assert first["itemReviewed"]["appearance"]["publisher"]["name"] == "Daily"
    assert "ratingValue" not in graph[1]["reviewRating"]


def test_two_people_editing_one_claim_conflict_only_on_the_same_field(news):
    from catalog.claims.store import ClaimConflict, ClaimEdit, edit_claim, get_claim

    claim_id = add_claim(news[0], 0, 20)
    shown = get_claim(claim_id)  # both editors show this
    edit_claim(claim_id, ClaimEdit(verdict="false"), base=shown)  # the first desk
    edit_claim(claim_id, ClaimEdit(notes="Checked with the ministry"), base=shown)  # another field
    claim = get_claim(claim_id)
    assert (claim["verdict"], claim["notes"]) == ("false", "Checked with the ministry")

    with pytest.raises(ClaimConflict) as clash:
        edit_claim(claim_id, ClaimEdit(verdict="true", explanation="Seen"), base=shown)
    [field] = clash.value.fields
    assert (field.name, field.base, field.theirs, field.mine) == ("verdict", "unrated", "false", "true")
    assert "verdict" in str(clash.value)
    assert get_claim(claim_id)["explanation"] == ""  # nothing of the clashing edit was saved
    # The same value both sides chose is no clash.
    edit_claim(claim_id, ClaimEdit(verdict="false"), base=shown)
