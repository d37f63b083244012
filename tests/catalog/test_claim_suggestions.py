"""Ranking suggested links: rare words and names over generic ones, the same on both backends;
the claimant a passage gets when it becomes a claim."""

import pytest

from catalog.claims.store import add_claim_by_text, get_claim
from catalog.claims.suggestions import accept, proposed_claimant, suggest_links
from catalog.claims.terms import names_in
from catalog.importing import import_paths
from tests.helpers import article_file

IRAN_CLAIM = "Iran tested a new ballistic missile that can reach Israel, state television said."
NORTH_KOREA = [
    (
        "Another launch",
        (
            "North Korea launched another ballistic missile on Tuesday, its fourth missile test this month. "
            "The missile test was condemned in Seoul. Analysts said the ballistic missile test showed progress. "
            "Japan said the missile fell into the sea after the test."
        ),
    ),
    (
        "Missile tests go on",
        (
            "Pyongyang carried out a new missile test, firing two ballistic missiles from its east coast. "
            "The test came days after another missile launch. The United States called the missile tests a threat."
        ),
    ),
    (
        "Launch before talks",
        (
            "Kim Jong Un watched the test of a new ballistic missile, state media said on Thursday. "
            "The missile test, the latest of many, was the longest flight yet for a North Korean missile."
        ),
    ),
]
OTHER_NEWS = [
    "Rain is expected across the state on Friday, with storms in the south.",
    "The home side won the derby after extra time in front of a full stadium.",
    "Shares fell on Wall Street as oil prices rose for a third day.",
    "The council will vote on the new library budget next week.",
    "A heatwave kept beaches full and firefighters on alert over the weekend.",
    "Parliament passed the water bill after a long night of debate.",
]
IRAN_REPORT = (
    "Tehran, Sunday. Officials in Iran said the missile flew 2,000 km before it came down in the desert. "
    "Analysts expect more tests."
)


@pytest.fixture
def missiles(catalogue, write):
    """A claim about Iran's missile test; three reports of North Korea's launches, full of
    "missile" and "test"; one report of the Iranian test that says "missile" once."""
    write(
        "iran.txt",
        article_file("Iran's test", f"{IRAN_CLAIM} The launch near Semnan was the first in Iran this year."),
    )
    for number, (title, body) in enumerate(NORTH_KOREA):
        write(f"nk{number}.txt", article_file(title, body, header=f" date 2023-05-0{number + 1} via Wire,"))
    for number, body in enumerate(OTHER_NEWS):
        write(f"other{number}.txt", article_file(f"Other news {number}", body))
    write("iran-report.txt", article_file("Desert launch", IRAN_REPORT, header=" date 2023-05-07 via Daily,"))
    imported = {item.path.rsplit("/", 1)[-1]: item.article_id for item in import_paths([write.root]).imported}
    return imported, add_claim_by_text(imported["iran.txt"], IRAN_CLAIM)


def test_a_report_about_iran_ranks_above_north_korea_s_launches(missiles):
    articles, claim_id = missiles
    found = suggest_links(claim_id)
    assert found[0].article_id == articles["iran-report.txt"]
    assert (
        found[0].text == "Officials in Iran said the missile flew 2,000 km before it came down in the desert."
    )
    by_article = {article: name for name, article in articles.items()}
    # The same order, scores and all, on SQLite and on PostgreSQL (this test runs on both).
    assert [(by_article[s.article_id], round(s.score, 3)) for s in found] == [
        ("iran-report.txt", 4.664),
        ("nk2.txt", 2.423),
        ("nk1.txt", 2.083),
        ("nk0.txt", 1.334),
        ("other0.txt", 0.811),  # "state"
        ("other3.txt", 0.681),  # "new"
    ]


def test_claims_and_passages_are_ranked_together(missiles):
    articles, claim_id = missiles
    # A claim made in a North Korea report: offered, but below the Iranian passage.
    other = add_claim_by_text(articles["nk0.txt"], "Japan said the missile fell into the sea after the test.")
    found = suggest_links(claim_id)
    assert found[0].article_id == articles["iran-report.txt"] and found[0].kind == "passage"
    assert any(s.kind == "claim" and s.claim_id == other for s in found)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


def test_names_are_capitalised_words_not_starting_a_sentence():
    text = "The United Nations said North Korea's launch was a threat. Analysts in Seoul agreed."
    assert names_in(text) == [("united", "nations"), ("north", "korea"), ("seoul",)]
    # A capitalised first word is a name when the article writes it so inside a sentence.
    assert names_in("Iran tested a missile.") == []
    assert names_in("Iran tested a missile.", "Officials in Iran said so.") == [("iran",)]


def test_a_passage_that_becomes_a_claim_is_claimed_by_its_author_or_else_its_outlet(catalogue, write):
    write("a.txt", article_file("One", "The bridge will open in May, the council said. Works go on."))
    write(
        "b.txt",
        article_file(
            "Two",
            "Drivers heard the bridge will open in May this year.",
            header=" date 2022-03-05 Authored by Ann Lee via Daily,",
        ),
    )
    write(
        "c.txt",
        article_file(
            "Three", "Cyclists were told the bridge will open in May.", header=" date 2022-03-06 via Weekly,"
        ),
    )
    ids = [item.article_id for item in import_paths([write.root]).imported]
    claim_id = add_claim_by_text(ids[0], "The bridge will open in May, the council said.")
    assert proposed_claimant(ids[1]) == "Ann Lee" and proposed_claimant(ids[2]) == "Weekly"
    found = {s.article_id: s for s in suggest_links(claim_id)}
    assert found[ids[1]].claimant == "Ann Lee" and found[ids[2]].claimant == "Weekly"
    _, new_claim = accept(claim_id, found[ids[1]])
    assert get_claim(new_claim)["claimant"] == "Ann Lee"


def test_a_sentence_already_a_claim_is_not_offered_but_another_of_its_article_is(catalogue, write):
    write("a.txt", article_file("One", "The harbour tunnel will close for repairs in June."))
    write(
        "b.txt",
        article_file(
            "Two",
            "The harbour tunnel will close in June, officials said. Repairs to the harbour tunnel start in June.",
        ),
    )
    ids = [item.article_id for item in import_paths([write.root]).imported]
    marked = add_claim_by_text(ids[1], "The harbour tunnel will close in June, officials said.")
    claim_id = add_claim_by_text(ids[0], "The harbour tunnel will close for repairs in June.")
    found = suggest_links(claim_id)
    assert [(s.kind, s.text, s.claim_id) for s in found] == [
        ("passage", "Repairs to the harbour tunnel start in June.", None),
        ("claim", "The harbour tunnel will close in June, officials said.", marked),
    ]
