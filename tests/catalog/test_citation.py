"""Plain-text citations: authors, “title”, outlet, date; what is unknown is left out."""

from catalog.articles import ArticleRow
from catalog.citation import citation


def row(title="Drones over Kyiv", outlet="Reuters", authors=("Ann Lee",), date="2022-06-29"):
    return ArticleRow(1, title, outlet, tuple(authors), date, ())


def test_a_full_citation():
    assert citation(row()) == "Ann Lee. “Drones over Kyiv.” Reuters, 2022-06-29."


def test_two_three_and_many_authors():
    assert citation(row(authors=("A B", "C D"))).startswith("A B and C D. ")
    assert citation(row(authors=("A", "B", "C"))).startswith("A, B and C. ")
    assert citation(row(authors=("A", "B", "C", "D"))).startswith("A et al. ")


def test_unknowns_are_left_out_and_a_missing_date_says_so():
    assert citation(row(authors=(), outlet=None, date=None)) == "“Drones over Kyiv.” n.d."
    assert citation(row(date="2022-06")) == "Ann Lee. “Drones over Kyiv.” Reuters, 2022-06."


def test_a_title_ending_in_a_question_keeps_its_mark_and_odd_spaces_go():
    assert citation(row(title="  Who paid\nfor it? ")) == "Ann Lee. “Who paid for it?” Reuters, 2022-06-29."
