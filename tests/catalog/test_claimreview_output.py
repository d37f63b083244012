"""ClaimReview JSON-LD is pasted into a web page's <script> element: nothing in it may end that
element or start another, in the file or on standard output."""

import json

import pytest

from catalog.claims.store import add_claim_by_text
from catalog.importing import import_paths
from tests.helpers import article_file, run_catalog

HOSTILE = "Officials said </script><script>alert(document.cookie)</script> & <!-- nothing else -->"
SEPARATORS = "line\u2028separator and paragraph\u2029separator"


@pytest.fixture
def hostile_claim(catalogue, write):
    write("a.txt", article_file("Budget <b>day</b> & night", f"{HOSTILE} Taxes will fall."))
    [item] = import_paths([write.root]).imported
    add_claim_by_text(
        item.article_id,
        HOSTILE,
        claimant="</SCRIPT >The <i>minister</i>",
        verdict="false",
        explanation=SEPARATORS,
    )
    return catalogue.location


def assert_safe_in_a_script_element(text: str) -> None:
    for unsafe in ("<", ">", "&", "\u2028", "\u2029"):
        assert unsafe not in text, repr(unsafe)
    for escape in ("\\u003c/script\\u003e", "\\u0026", "\\u2028", "\\u2029"):
        assert escape in text, escape
    [review] = json.loads(text)["@graph"]
    assert review["claimReviewed"] == HOSTILE  # a JSON reader gets the text back exactly
    assert review["itemReviewed"]["author"]["name"] == "</SCRIPT >The <i>minister</i>"
    assert review["itemReviewed"]["appearance"]["headline"] == "Budget <b>day</b> & night"
    assert review["reviewBody"] == SEPARATORS


def test_the_file_escapes_what_would_end_a_script_element(hostile_claim, tmp_path):
    target = tmp_path / "reviews.jsonld"
    done = run_catalog(
        "--db", hostile_claim, "export-claimreview", str(target), "--reviewer", "Desk & Co <x>"
    )
    assert done.returncode == 0, done.stderr
    text = target.read_text(encoding="utf-8")
    assert_safe_in_a_script_element(text)
    assert json.loads(text)["@graph"][0]["author"]["name"] == "Desk & Co <x>"


def test_standard_output_escapes_it_too(hostile_claim):
    done = run_catalog("--db", hostile_claim, "export-claimreview", "-", "--reviewer", "Desk")
    assert done.returncode == 0, done.stderr
    assert_safe_in_a_script_element(done.stdout)
