"""Thousands of random strings thrown at the search: each is a query (results come back, on
the backend under test) or the one documented QueryError, with a message; never anything else."""

import shutil
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from catalog.browsing import Filters, count_filtered, filtered_ids, snippets
from catalog.importing import import_paths
from catalog.listing import make_listing
from catalog.search.query import QueryError, parse_query
from tests.helpers import article_file

# Hypothesis keeps caches in .hypothesis under the working folder, from the moment strategies
# are built: elsewhere, before any is (the tests write nothing into the working tree).
HYPOTHESIS_HOME = tempfile.mkdtemp(prefix="catalog-tests-hypothesis-")
set_hypothesis_home_dir(HYPOTHESIS_HOME)

#: Pieces of the search language and of what breaks parsers: quotes, brackets, operators of
#: FTS5 and of tsquery, field names, dates, control characters, half characters, odd letters.
PIECES = [
    *('"', "'", "(", ")", "*", ":", "-", "--", "^", "+", "&", "|", "!", "<->", "\\", "%", "_", ";"),
    *(" ", " OR ", "OR", " AND ", "NOT ", "NEAR(", "NEAR/3", ",", "{", "}", "[", "]", "''", ":*"),
    *("author:", "outlet:", "topic:", "title:", "claim:", "body:", "rank:", "article_fts:"),
    *("since:", "until:", "year:", "2022", "2022-06", "9999-12", "0000-00-00", "-1", "1e308"),
    *("\x00", "\t", "\n", "\r", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u200b", "\ufeff", "\u202e"),
    *("\ud800", "\udce9", "\udfff", "\U0001f642", "\u0301", "e\u0301", "ß", "İ", "ﬁ", "½", "٣"),
    *("tanks", "Kyiv", "zoë", "dro", "drones", "white house", "w", "wh", "th", "a", "x" * 300),
]
queries = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=6),
    ),
    max_size=14,
).map("".join)

FUZZ = settings(
    max_examples=1500,
    deadline=None,
    database=None,  # nothing written into the working tree
    derandomize=True,  # the same strings on every run and backend
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module", autouse=True)
def hypothesis_home():
    yield
    shutil.rmtree(HYPOTHESIS_HOME, ignore_errors=True)


@pytest.fixture
def news(catalogue, write):
    write(
        "1.txt",
        article_file(
            "Tanks roll into Kyiv",
            "Zoë Dupré reports on tanks and drones near Kyiv. The White House said so.",
            header=" date 2022-03-01 Authored by Dave DeCamp via AntiWar.com,",
        ),
    )
    write("2.txt", article_file("Drones over Odesa", "Whole wheat; what when where why who 2022 ½ ﬁne."))
    import_paths([write.root])
    return catalogue


def run_everywhere(query: str) -> None:
    """The query as the command line, the window and the exports run it."""
    ranked = filtered_ids(Filters(query=query), sort="relevance")
    assert set(filtered_ids(Filters(query=query), sort="title")) == set(ranked)
    assert count_filtered(Filters(query=query)) == len(ranked)
    assert make_listing(Filters(query=query), sort="relevance").head == ranked[:256]
    snippets(ranked, query)


@FUZZ
@given(query=queries)
def test_any_string_is_a_query_or_a_query_error(news, query):
    try:
        run_everywhere(query)
    except QueryError as exc:
        assert str(exc).strip()


@settings(max_examples=3000, deadline=None, database=None, derandomize=True)
@given(query=queries)
def test_the_parser_alone_never_fails_otherwise(query):
    try:
        parsed = parse_query(query)
    except QueryError as exc:
        assert str(exc).strip()
        return
    assert "\x00" not in (parsed.match or "") and "\x00" not in (parsed.excluded_match or "")
