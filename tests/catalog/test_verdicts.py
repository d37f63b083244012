"""One verdict for every claim of some articles (the table's Mark Verdict), and its undo."""

import pytest

from catalog.browsing import Filters
from catalog.changes import Change, relists
from catalog.claims.store import ClaimEdit, add_claim_by_text, claims_of_article, edit_claim
from catalog.claims.verdicts import any_claims, claim_ids_of, mark_verdicts, revert_verdicts
from catalog.claims.words import ClaimError
from catalog.conflicts import StepClash
from catalog.importing import import_paths
from tests.helpers import article_file


@pytest.fixture
def two(catalogue, write):
    write("a.txt", article_file("Alpha", "Officials said 4,000 troops moved. The E.U. denied it."))
    write("b.txt", article_file("Beta", "Nothing was claimed here at all."))
    return sorted(i.article_id for i in import_paths([write.root]).imported)


def verdicts(article_id):
    return sorted(claim["verdict"] for claim in claims_of_article(article_id))


def test_every_claim_gets_the_verdict_and_undo_gives_each_its_own_back(two):
    first, second = two
    add_claim_by_text(first, "Officials said 4,000 troops moved.")
    kept = add_claim_by_text(first, "The E.U. denied it.")
    edit_claim(kept, ClaimEdit(verdict="true"))
    assert any_claims(two) and not any_claims([second])
    assert len(claim_ids_of(two)) == 2

    changes = mark_verdicts(two, "mostly false")
    assert verdicts(first) == ["mostly false", "mostly false"]
    revert_verdicts(changes, undo=True)
    assert verdicts(first) == ["true", "unrated"]
    revert_verdicts(changes, undo=False)
    assert verdicts(first) == ["mostly false", "mostly false"]


def test_a_claim_that_has_the_verdict_already_is_not_a_change(two):
    claim = add_claim_by_text(two[0], "The E.U. denied it.")
    edit_claim(claim, ClaimEdit(verdict="false"))
    assert mark_verdicts(two, "false") == []


def test_a_verdict_that_does_not_exist_changes_nothing(two):
    add_claim_by_text(two[0], "The E.U. denied it.")
    with pytest.raises(ClaimError):
        mark_verdicts(two, "maybe")
    assert verdicts(two[0]) == ["unrated"]


def test_undo_never_overwrites_a_verdict_someone_changed_since(two):
    claim = add_claim_by_text(two[0], "The E.U. denied it.")
    other = add_claim_by_text(two[0], "Officials said 4,000 troops moved.")
    changes = mark_verdicts(two, "false")
    assert [before["id"] for before, _ in changes] == [claim, other]
    edit_claim(other, ClaimEdit(verdict="mixed"))  # another desk, on the second claim
    with pytest.raises(StepClash):
        revert_verdicts(changes, undo=True)
    assert verdicts(two[0]) == ["false", "mixed"]  # the first claim's undo went back too: all or nothing


def test_a_listing_sorted_by_claims_is_read_again_when_claims_change():
    assert relists(Change(claims=frozenset({1})), Filters(), "claims")
    assert not relists(Change(claims=frozenset({1})), Filters(), "date")
