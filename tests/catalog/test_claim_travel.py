"""A claim across the copies of its article: its passage found in each copy as the copy writes
it, marked there in one step and linked as repeats, and the outlets that carried it.

The copies are the seed article as republishers make them (tests/travel_texts.py): rewrapped
with straight quotes and a hyphenated line end, an excerpt, and one with a few words changed
and a paragraph rewritten. Run on both backends.
"""

import datetime
import json

import pytest

from catalog.claims.store import (
    ClaimEdit,
    ClaimError,
    add_claim_by_text,
    edit_claim,
    get_claim,
    link_claims,
    links_of,
    remove_claims,
    stored,
)
from catalog.claims.travel import (
    carriers,
    claim_graph_with_copies,
    mark,
    mark_in_copies,
    passages_in_copies,
)
from catalog.conflicts import StepClash
from catalog.editing import delete_articles
from catalog.models import Article, Claim, ClaimLink
from tests import travel_texts as texts
from tests.helpers import cli_outcome


@pytest.fixture
def copies(catalogue, tmp_path):
    """The five articles imported: their ids by name; the first four are one story."""
    return texts.import_texts(tmp_path / "files")


def body(article_id: int) -> str:
    return Article.get_by_id(article_id).body


def found(claim_id: int) -> dict[int, object]:
    return {passage.article_id: passage for passage in passages_in_copies(claim_id)}


def test_the_copies_are_one_story(copies):
    from catalog.stories import story_of

    story = story_of(copies["original"], shares=False)
    assert story.articles == [copies[name] for name in ("original", "rewrapped", "excerpt", "changed")]


def test_a_claim_is_found_in_each_copy_as_that_copy_writes_it(copies):
    claim = add_claim_by_text(copies["original"], texts.CONFIDENCE)
    passages = found(claim)
    assert set(passages) == {copies["rewrapped"], copies["excerpt"], copies["changed"]}
    rewrapped = passages[copies["rewrapped"]]
    # Its lines broken where the copy breaks them: the span covers exactly those words.
    assert body(rewrapped.article_id)[rewrapped.start : rewrapped.end] == (
        'White House officials are\n"losing confidence" that Ukraine will be able to retake all\nthe territory'
    )
    for passage in passages.values():
        assert passage.exact and passage.claim_id is None
        assert body(passage.article_id)[passage.start : passage.end] == passage.text
    assert [passage.outlet for passage in passages_in_copies(claim)] == [
        "Reuters",
        "Daily Bugle",
        "The Courier",
    ]


def test_a_claim_across_a_line_broken_with_a_hyphen_is_found_with_its_quote_marks(copies):
    claim = add_claim_by_text(copies["original"], texts.WHETHER)
    passage = found(claim)[copies["rewrapped"]]
    assert passage.exact
    assert passage.text == (
        '"Whether Ukraine can take back these terri-\ntories is in large\npart, if not entirely, a '
        'function of how much support we\ngive them," a congressional aide told CNN.'
    )


def test_a_passage_changed_by_a_few_words_is_found_and_said_to_be_changed(copies):
    claim = add_claim_by_text(copies["original"], texts.GOAL)
    passages = found(claim)
    assert set(passages) == {copies["rewrapped"], copies["changed"]}  # not in the excerpt
    changed = passages[copies["changed"]]
    assert (changed.exact, changed.text) == (False, texts.CHANGED)
    assert passages[copies["rewrapped"]].exact


def test_a_passage_rewritten_entirely_is_not_found(copies):
    claim = add_claim_by_text(copies["original"], texts.CASUALTIES)
    assert list(found(claim)) == [copies["rewrapped"]]
    assert copies["changed"] not in found(claim)


def test_a_claim_of_an_article_without_copies_has_no_passages_and_marks_nothing(copies):
    claim = add_claim_by_text(copies["other"], "tolls would stay at 2 dollars")
    assert passages_in_copies(claim) == []
    assert mark_in_copies(claim) == []
    assert [(carrier.article_id, carrier.first) for carrier in carriers(claim)] == [(copies["other"], True)]


def test_a_claim_that_does_not_exist(copies):
    assert passages_in_copies(987654) == []
    with pytest.raises(ClaimError, match="no claim with id 987654"):
        mark_in_copies(987654)


def test_marking_in_copies_makes_a_claim_in_each_linked_as_repeating_it(copies):
    claim = add_claim_by_text(
        copies["original"],
        texts.GOAL,
        claimant="Volodymyr Zelensky",
        claim_date=datetime.date(2022, 6, 1),
        verdict="mostly true",
        explanation="He said so on 1 June.",
        notes="checked by the desk",
    )
    made = mark_in_copies(claim)
    assert len(made) == 2
    passages = found(claim)
    for new in made:
        copy = get_claim(new)
        passage = passages[copy["article_id"]]
        assert passage.claim_id == new
        assert (copy["start"], copy["end"], copy["text"]) == (passage.start, passage.end, passage.text)
        # The statement's fields travel with it; the desk's notes about one marking do not.
        assert (
            copy["claimant"],
            copy["claim_date"],
            copy["verdict"],
            copy["explanation"],
            copy["notes"],
        ) == (
            "Volodymyr Zelensky",
            "2022-06-01",
            "mostly true",
            "He said so on 1 June.",
            "",
        )
        [link] = links_of(new)
        # Each copy is later than the original: its claim repeats the original's.
        assert (link.link["relation"], link.outgoing, link.other["id"]) == ("repeats", True, claim)
    # Idempotent: every copy has it now.
    assert mark_in_copies(claim) == []
    assert Claim.select().count() == 3 and ClaimLink.select().count() == 2


def test_the_earlier_copys_claim_is_the_one_repeated(copies):
    """Marked on Reuters' copy (30 June): the original (29 June) gets a claim that Reuters'
    repeats; the later copies' claims repeat Reuters'."""
    claim = add_claim_by_text(copies["rewrapped"], "Ukraine is taking heavy casualties")
    marked = mark(claim)
    assert marked.articles == [copies["original"]]
    [original] = marked.claims
    [link] = ClaimLink.select().dicts()
    assert (link["source"], link["target"], link["relation"]) == (claim, original, "repeats")


def test_a_copy_that_has_the_claim_already_is_left_as_it_is(copies):
    claim = add_claim_by_text(copies["original"], texts.CONFIDENCE)
    # Reuters' copy: the desk marked a longer claim over the same words.
    overlapping = add_claim_by_text(
        copies["rewrapped"], "According to a report from CNN, White House officials"
    )
    # The excerpt: linked by hand as repeating it, on other words.
    elsewhere = add_claim_by_text(copies["excerpt"], "Unnamed US officials told CNN")
    link_claims(elsewhere, claim, "repeats")
    passages = found(claim)
    assert passages[copies["rewrapped"]].claim_id == overlapping
    assert passages[copies["excerpt"]].claim_id == elsewhere
    assert passages[copies["changed"]].claim_id is None
    marked = mark(claim)
    assert marked.articles == [copies["changed"]]


def test_only_the_copies_asked_for_are_marked(copies):
    claim = add_claim_by_text(copies["original"], texts.CONFIDENCE)
    marked = mark(claim, [copies["excerpt"], copies["other"]])  # "other" is no copy: nothing there
    assert marked.articles == [copies["excerpt"]]


def test_a_deleted_copy_is_not_offered(copies):
    claim = add_claim_by_text(copies["original"], texts.CONFIDENCE)
    delete_articles([copies["excerpt"]])
    assert set(found(claim)) == {copies["rewrapped"], copies["changed"]}
    assert len(mark_in_copies(claim)) == 2


def test_undoing_the_marking_removes_its_claims_and_links_unless_someone_changed_them(copies):
    claim = add_claim_by_text(copies["original"], texts.CONFIDENCE)
    marked = mark(claim)
    made = stored(marked.claims, marked.links)
    edit_claim(marked.claims[0], ClaimEdit(verdict="false"))  # another desk, meanwhile
    with pytest.raises(StepClash):
        remove_claims(made)
    assert Claim.select().count() == 4  # nothing was taken out
    edit_claim(marked.claims[0], ClaimEdit(verdict="unrated"))
    remove_claims(made)
    assert [row.id for row in Claim.select()] == [claim]
    assert ClaimLink.select().count() == 0
    assert len(found(claim)) == 3  # offered again


def test_who_carried_the_claim_and_when(copies):
    claim = add_claim_by_text(copies["rewrapped"], texts.CONFIDENCE)
    mark(claim, [copies["excerpt"]])
    listed = carriers(claim)
    # By date: the original (29 June) not marked, then Reuters' claim, the excerpt's, the Courier's passage.
    assert [(c.outlet, c.date, c.claim_id is not None, c.first) for c in listed] == [
        ("AntiWar.com", datetime.date(2022, 6, 29), False, True),
        ("Reuters", datetime.date(2022, 6, 30), True, False),
        ("Daily Bugle", datetime.date(2022, 7, 1), True, False),
        ("The Courier", datetime.date(2022, 7, 2), False, False),
    ]


def test_the_map_of_a_claim_holds_its_copies_by_the_day_each_outlet_carried_it(copies):
    claim = add_claim_by_text(copies["original"], texts.GOAL, claim_date=datetime.date(2022, 6, 1))
    mark(claim, [copies["changed"]])
    graph = claim_graph_with_copies(claim)
    assert [(node.outlet, node.published) for node in graph.nodes] == [
        ("AntiWar.com", "2022-06-29"),
        ("The Courier", "2022-07-02"),
    ]
    assert [node.date for node in graph.nodes] == ["2022-06-01", "2022-06-01"]  # the statement's day
    assert [passage.article_id for passage in graph.passages] == [copies["rewrapped"]]
    assert [carrier.outlet for carrier in graph.carriers] == ["AntiWar.com", "Reuters", "The Courier"]


def test_catalog_claims_copies_lists_and_marks(copies, db_path, capsys):
    claim = add_claim_by_text(copies["original"], texts.GOAL)
    code, out, err = cli_outcome(capsys, "claims", "copies", str(claim), "--json", "--db", db_path)
    assert (code, err) == (0, "")
    listed = json.loads(out)
    assert listed == [
        {
            "article": copies["rewrapped"],
            "start": listed[0]["start"],
            "end": listed[0]["end"],
            "exact": True,
            "claim": None,
        },
        {
            "article": copies["changed"],
            "start": listed[1]["start"],
            "end": listed[1]["end"],
            "exact": False,
            "claim": None,
        },
    ]
    assert body(copies["changed"])[listed[1]["start"] : listed[1]["end"]] == texts.CHANGED
    code, out, err = cli_outcome(capsys, "claims", "copies", str(claim), "--mark", "--db", db_path)
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == f"marked claim {claim} in 2 copies"
    assert "changed" in out and "Reuters" in out
    code, out, _ = cli_outcome(capsys, "claims", "copies", str(claim), "--mark", "--json", "--db", db_path)
    assert [item["claim"] is not None for item in json.loads(out)] == [True, True]
    assert Claim.select().count() == 3  # marked once


def test_catalog_claims_copies_refuses_bad_input(copies, db_path, capsys):
    code, out, err = cli_outcome(capsys, "claims", "copies", "424242", "--db", db_path)
    assert (code, out, err) == (1, "", "catalog: no claim with id 424242\n")
    code, _, err = cli_outcome(capsys, "claims", "copies", "seven", "--db", db_path)
    assert code == 2 and "'seven' is not an id" in err
    alone = add_claim_by_text(copies["other"], "tolls would stay at 2 dollars")
    code, out, err = cli_outcome(capsys, "claims", "copies", str(alone), "--db", db_path)
    assert (code, out, err) == (0, f"claim {alone} is in no other copy of its article\n", "")
    code, out, _ = cli_outcome(capsys, "claims", "copies", str(alone), "--json", "--db", db_path)
    assert (code, json.loads(out)) == (0, [])
