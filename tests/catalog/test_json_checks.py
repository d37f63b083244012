"""``import-json`` against hostile files: every fault is refused before anything is written, in
one line naming its place (``articles[1].content_hash``), exit code 1, on either backend."""

import copy
import hashlib
import json

import pytest

from catalog.models import Article, Claim, ClaimLink, Outlet
from ui.command_line import main

WHEN = "2026-11-26T13:05:56Z"
BUDGET = "The minister said taxes will fall next year. Critics said the deficit would grow instead."
RADIO = "Farm news first. Then the radio repeated that taxes will fall next year, as the minister said."
CLAIMED = "taxes will fall next year"


def fingerprint(body: str) -> str:
    """Written out here, not imported: the file format's rule, as anyone checking it reads it."""
    return hashlib.sha256(body.strip().encode("utf-8")).hexdigest()


def article(article_id: int, title: str, body: str) -> dict:
    return {
        "id": article_id,
        "title": title,
        "date": "2022-03-01",
        "authors": ["Ann Lee"],
        "outlet": "Daily",
        "topics": ["Economy/Tax"],
        "summary": "",
        "notes": "",
        "source": f"/news/{article_id}.txt",
        "content_hash": fingerprint(body),
        "imported_at": WHEN,
        "updated_at": WHEN,
        "version": 1,
        "body": body,
    }


def claim(claim_id: int, article_id: int, body: str) -> dict:
    start = body.index(CLAIMED)
    return {
        "id": claim_id,
        "article_id": article_id,
        "text": CLAIMED,
        "start": start,
        "end": start + len(CLAIMED),
        "claimant": "The minister",
        "claim_date": "2022-03-01",
        "verdict": "mostly false",
        "explanation": "The budget office expects them to rise.",
        "notes": "",
        "created_at": WHEN,
        "updated_at": WHEN,
    }


def link(link_id: int, source: int, target: int, relation: str = "repeats") -> dict:
    return {
        "id": link_id,
        "source_id": source,
        "target_id": target,
        "relation": relation,
        "note": "",
        "created_at": WHEN,
    }


GOOD = {
    "format": "catalog-export",
    "format_version": 2,
    "schema_version": 13,
    "exported_by": "Catalog (tests)",
    "outlets": ["Daily"],
    "authors": ["Ann Lee"],
    "topics": [{"name": "Economy", "parent": None}, {"name": "Economy/Tax", "parent": "Economy"}],
    "claims": [claim(1, 1, BUDGET), claim(2, 2, RADIO)],
    "claim_links": [link(1, 2, 1)],
    "articles": [article(1, "Budget day", BUDGET), article(2, "Tax promises", RADIO)],
}


@pytest.fixture
def import_file(catalogue, tmp_path, capsys):
    """import_file(document or text) -> (exit code, standard error) of ``catalog import-json``."""

    def run(content) -> tuple[int, str]:
        path = tmp_path / "export.json"
        text = content if isinstance(content, str) else json.dumps(content)
        path.write_text(text, encoding="utf-8")
        code = main(["--db", catalogue.location, "import-json", str(path)])
        return code, capsys.readouterr().err

    run.path = tmp_path / "export.json"
    return run


def refused(import_file, document, place: str) -> str:
    """Import ``document``: it must be refused in one line naming ``place``, nothing written."""
    code, err = import_file(document)
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err and "unexpected error" not in err
    assert err.startswith(f"catalog: {import_file.path}: {place}")
    assert (Article.select().count(), Claim.select().count(), ClaimLink.select().count()) == (0, 0, 0)
    assert Outlet.select().count() == 0
    return err


def test_a_sound_file_goes_in_whole(import_file):
    code, err = import_file(GOOD)
    assert (code, err) == (0, "")
    assert (Article.select().count(), Claim.select().count(), ClaimLink.select().count()) == (2, 2, 1)


def test_a_fingerprint_that_is_not_of_the_text_is_refused(import_file):
    forged = copy.deepcopy(GOOD)
    # The fingerprint of another text, which a file import would later call a duplicate of this.
    forged["articles"][1]["content_hash"] = fingerprint("A different article altogether.")
    err = refused(import_file, forged, "articles[1].content_hash: ")
    assert f"is not the fingerprint of the article's text (that is {fingerprint(RADIO)})" in err


def test_a_claim_linked_to_itself_is_refused(import_file):
    document = copy.deepcopy(GOOD)
    document["claim_links"] = [link(1, 2, 2)]
    assert "links claim 2 to itself" in refused(import_file, document, "claim_links[0]: ")


@pytest.mark.parametrize("version", [-1, 0])
def test_a_version_below_one_is_refused(import_file, version):
    document = copy.deepcopy(GOOD)
    document["articles"][0]["version"] = version
    refused(import_file, document, f"articles[0].version: {version} is not a whole number from 1")


def test_claim_ids_that_appear_twice_are_refused(import_file):
    document = copy.deepcopy(GOOD)
    document["claims"][1]["id"] = 1
    refused(import_file, document, "claims[1].id: claim id 1 appears twice")


def test_link_ids_that_appear_twice_are_refused(import_file):
    document = copy.deepcopy(GOOD)
    document["claim_links"].append(link(1, 1, 2, "supports"))
    refused(import_file, document, "claim_links[1].id: link id 1 appears twice")


def test_the_same_link_twice_is_refused(import_file):
    document = copy.deepcopy(GOOD)
    document["claim_links"].append(link(2, 1, 2))  # "repeats" has no direction: 1–2 is 2–1
    refused(import_file, document, "claim_links[1]: the same link as claim_links[0]")


def test_two_articles_with_one_text_are_refused(import_file):
    document = copy.deepcopy(GOOD)
    document["articles"][1] = article(2, "Tax promises", BUDGET)
    document["claims"][1] = claim(2, 2, BUDGET)
    refused(import_file, document, "articles[1]: the same text as articles[0]")


def test_nesting_a_hundred_thousand_deep_is_refused(import_file):
    text = (
        '{"format": "catalog-export", "format_version": 2, "articles": ' + "[" * 100_000 + "]" * 100_000 + "}"
    )
    refused(import_file, text, "not a Catalog export: its JSON is nested far too deeply")


@pytest.mark.parametrize(
    "place, change",
    [
        ("articles[0].id", lambda d: d["articles"][0].update(id=2**64)),
        ("articles[1].version", lambda d: d["articles"][1].update(version=2**63)),
        ("claims[0].start", lambda d: d["claims"][0].update(start=-(2**70))),
        ("claim_links[0].target_id", lambda d: d["claim_links"][0].update(target_id=2**100)),
    ],
)
def test_whole_numbers_beyond_64_bits_are_refused(import_file, place, change):
    document = copy.deepcopy(GOOD)
    change(document)
    refused(import_file, document, f"{place}: ")


def test_a_number_thousands_of_digits_long_is_refused(import_file):
    text = json.dumps(GOOD).replace('"version": 1', '"version": ' + "9" * 5000, 1)
    refused(import_file, text, "not a Catalog export: it holds a number thousands of digits long")


@pytest.mark.parametrize(
    "place, change",
    [
        ("articles[0].imported_at", lambda d: d["articles"][0].update(imported_at=None)),
        ("claims[1].updated_at", lambda d: d["claims"][1].update(updated_at=None)),
        ("claim_links[0].created_at", lambda d: d["claim_links"][0].update(created_at=None)),
    ],
)
def test_null_timestamps_are_refused(import_file, place, change):
    document = copy.deepcopy(GOOD)
    change(document)
    refused(import_file, document, f"{place}: a time is needed here")


@pytest.mark.parametrize(
    "place, change",
    [
        ("articles[1].title", lambda d: d["articles"][1].update(title="Tax \ud800 promises")),
        ("claims[0].notes", lambda d: d["claims"][0].update(notes="half a pair: \udfff")),
        ("outlets[0]", lambda d: d["outlets"].__setitem__(0, "Daily \udbff")),
    ],
)
def test_lone_surrogates_are_refused(import_file, place, change):
    document = copy.deepcopy(GOOD)
    change(document)
    err = refused(import_file, document, f"{place}: ")
    assert "a lone surrogate" in err


def test_a_title_of_megabytes_is_refused_naming_the_limit(import_file):
    document = copy.deepcopy(GOOD)
    document["articles"][1]["title"] = "Tax promises " * 250_000
    err = refused(import_file, document, "articles[1].title: ")
    assert "title is 3,250,000 characters long; at most 500 are allowed" in err


def test_a_nul_character_is_refused(import_file):
    document = copy.deepcopy(GOOD)
    document["articles"][0]["authors"] = ["Ann\x00Lee"]
    assert "a NUL character" in refused(import_file, document, "articles[0].authors[0]: ")


def test_a_claim_whose_text_is_not_at_its_place_names_it(import_file):
    document = copy.deepcopy(GOOD)
    document["claims"][1]["end"] += 1
    refused(import_file, document, "claims[1]: its text is not at")


def test_a_time_with_an_offset_is_kept_in_utc(import_file):
    document = copy.deepcopy(GOOD)
    document["articles"][0]["updated_at"] = "2026-11-26T15:05:56+02:00"
    assert import_file(document) == (0, "")
    assert str(Article.get_by_id(1).updated_at).startswith("2026-11-26 13:05:56")
