"""Every string is a query or a clear QueryError, on both backends; costly prefixes are refused
before they run; the prefix indexes come with an upgrade. (The command line: test_search_cli.)"""

import shutil

import pytest

from catalog import migrations
from catalog.backends import postgres as postgres_backend
from catalog.browsing import Filters, count_filtered, filtered_ids
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.db import database
from catalog.importing import import_paths
from catalog.search import fulltext
from catalog.search.query import MAX_QUERY_WORDS, QueryError, parse_query
from catalog.search.saved import Saved, SavedSearchProblem, count, save_search
from tests.helpers import article_file


@pytest.fixture
def news(catalogue, write):
    write(
        "1.txt",
        article_file(
            "Tanks roll into Kyiv",
            "Zoë Dupré reports on tanks and drones near Kyiv; Russia denies it.",
            header=" date 2022-03-01 Authored by Dave DeCamp via AntiWar.com,",
        ),
    )
    write(
        "2.txt",
        article_file(
            "Drones over Odesa",
            "The White House said drones were seen over Ukraine's ports.",
            header=" date 2022-07-15 Authored by Ann Lee via Reuters,",
        ),
    )
    return [i.article_id for i in import_paths([write.root]).imported]


def ids(query: str) -> list[int]:
    return sorted(filtered_ids(Filters(query=query), sort="relevance"))


@pytest.mark.parametrize("separator", ["\x00", "\t", "\n", "\x1b", "\x7f", "\x85", "\x00\x00"])
def test_control_characters_separate_words_as_spaces_do(news, separator):
    # A NUL made FTS5 fail ("unterminated string"): now it is a space.
    assert ids(f"drones{separator}odesa") == ids("drones odesa") == [news[1]]
    assert ids(f'"white{separator}house"') == [news[1]]
    assert ids(f"title:kyiv{separator}") == [news[0]]
    assert count_filtered(Filters(query=f"tanks{separator}")) == 1


@pytest.mark.parametrize("query", ["caf\udce9", "\udce9", "kyiv \ud800", "title:\udfff"])
def test_a_lone_surrogate_is_the_query_error_naming_it(news, query):
    with pytest.raises(QueryError) as raised:
        filtered_ids(Filters(query=query), sort="relevance")
    message = str(raised.value)
    assert "\\x" in message or "\\u" in message  # shown as an escape, printable anywhere
    if "\udce9" in query:
        assert "\\xe9" in message and "UTF-8" in message


@pytest.mark.parametrize("query", ["w*", "-t*", "title:a*", "kyiv OR d*", "é*", "1*"])
def test_a_one_letter_prefix_is_refused_with_what_to_type(news, query):
    for run in (
        lambda: filtered_ids(Filters(query=query), sort="relevance"),
        lambda: filtered_ids(Filters(query=query), sort="title"),
        lambda: count_filtered(Filters(query=query)),
    ):
        with pytest.raises(
            QueryError, match=r"matches too many words: type at least 2 letters before the \*"
        ):
            run()
    assert ids("dr*") == [news[0], news[1]]  # two letters are enough


def test_a_prefix_matching_too_many_words_is_refused(sqlite_catalogue, write, monkeypatch):
    write("1.txt", article_file("Words", "wxyza wxyzb wxyzc wxyzd and more"))
    import_paths([write.root])
    monkeypatch.setattr(fulltext, "MAX_PREFIX_WORDS", 3)
    with pytest.raises(QueryError, match="“wxyz\\*” matches too many words: type at least 5 letters"):
        filtered_ids(Filters(query="wxyz*"))
    assert filtered_ids(Filters(query="wxyza*")) == [1]
    assert filtered_ids(Filters(query="wxy*")) == [1]  # three letters: read from the prefix index


def test_repeated_words_are_searched_once_and_long_queries_are_refused(news):
    assert parse_query("the the the").match == '("the")'
    assert parse_query("a OR b a OR b").match == '("a" OR "b")'
    assert ids(" ".join(["drones"] * 200)) == ids("drones")
    with pytest.raises(QueryError, match=f"at most {MAX_QUERY_WORDS} can be searched at once"):
        filtered_ids(Filters(query=" ".join(f"word{n}" for n in range(MAX_QUERY_WORDS + 1))))
    with pytest.raises(QueryError, match="ending in \\*"):
        filtered_ids(Filters(query=" OR ".join(f"w{a}*" for a in "abcdefghij")))


def test_dates_at_the_end_of_the_calendar_are_limits_not_errors(news):
    assert ids("year:9999-12") == [] and ids("until:9999-12") == news
    assert ids("since:0001-01") == news


def test_a_saved_search_must_be_a_query_that_runs(news):
    with pytest.raises(SavedSearchProblem, match="type at least 2 letters"):
        save_search("Everything with w", Filters(query="w*"))
    saved = save_search("Drones", Filters(query="drones\x00"))
    assert count(saved) == 2
    # Saved before such queries were refused: counted as unknown, not an error.
    assert count(Saved(99, "Old", Filters(query="w*"))) is None


def test_filters_with_a_query_that_cannot_run_are_still_filters():
    assert Filters(query="w*") and Filters(query="caf\udce9")


# --- the upgrade ---------------------------------------------------------------------------


def test_an_upgrade_adds_the_prefix_indexes_and_keeps_the_index(tmp_path, monkeypatch, write):
    old_steps = tmp_path / "old-steps"
    shutil.copytree(
        migrations.MIGRATIONS_DIR,
        old_steps,
        ignore=lambda _, names: [
            n for n in names if n.startswith("__") or (n[:4].isdigit() and int(n[:4]) >= 12)
        ],
    )
    monkeypatch.setattr(migrations, "MIGRATIONS_DIR", str(old_steps))
    location = str(tmp_path / "old.sqlite3")
    open_catalogue(location)
    # Stored as an older release stored it (today's import writes what later steps add).
    database.execute_sql(
        "INSERT INTO article (title, body, summary, notes, content_hash, imported_at, updated_at, version) "
        "VALUES ('Kyiv talks', 'Delegations met in Kyiv.', '', '', 'old-hash', '2022-01-01', '2022-01-01', 1)"
    )
    fulltext.index([1])
    close_catalogue()
    monkeypatch.undo()

    opened = open_catalogue(location)
    assert opened.upgraded_from is not None and opened.upgraded_from < 12
    (declared,) = database.execute_sql("SELECT sql FROM sqlite_master WHERE name = 'article_fts'").fetchone()
    assert "prefix='2 3'" in declared and "claims" in declared
    assert fulltext.problems() == []
    assert filtered_ids(Filters(query="dele*")) == [1]
    assert filtered_ids(Filters(query="kyiv")) == [1]
    # The view the index reads is the catalogue's own again, not a leftover of the step.
    assert database.execute_sql("SELECT count(*) FROM article_search").fetchone() == (1,)
    close_catalogue()


# --- PostgreSQL: one tsquery per field, found through the GIN indexes ----------------------


def test_postgres_terms_on_one_field_are_one_tsquery():
    from catalog import pg_search

    parsed = parse_query('kyiv "white house" tanks OR drones -russia title:odesa')
    sql, params = pg_search.condition(parsed.groups, parsed.excluded)
    assert sql.count("@@") == 2  # the whole article once, the title once: each read once
    assert params == [
        "(('kyiv')) & (('white' <-> 'house')) & (('tanks') | ('drones')) & !('russia')",
        "(('odesa'))",
    ]
    sql, params = pg_search.condition(parse_query("title:kyiv OR drones -author:lee").groups, [])
    assert sql.count("@@") == 2 and " OR " in sql  # a group across fields stays a condition


def test_postgres_searches_are_planned_through_the_gin_index(postgres_url, write):
    from catalog.browsing import listing_sql

    open_catalogue(postgres_url)
    write("1.txt", article_file("Drones over Odesa", "The drones were seen over the port."))
    import_paths([write.root])
    database.execute_sql("ANALYZE")
    sql, params = listing_sql(Filters(query="drones -russia"), sort="relevance")
    with fulltext.search_plan(True):
        plan = "\n".join(row[0] for row in database.execute_sql(f"EXPLAIN {sql}", params))
    assert "Bitmap Index Scan on article_search_document" in plan
    assert "Seq Scan on article_search_index" not in plan


def test_postgres_refuses_phrases_it_would_check_in_too_many_articles(postgres_url, write, monkeypatch):
    open_catalogue(postgres_url)
    write("1.txt", article_file("One", "The minister said the port was closed."))
    write("2.txt", article_file("Two", "The minister said nothing; the port opened."))
    write("3.txt", article_file("Three", "The port minister has said it."))
    import_paths([write.root])
    monkeypatch.setattr(postgres_backend, "MAX_PHRASE_CANDIDATES", 3)  # as 40,000 are at 100,000 articles
    with pytest.raises(QueryError, match="the phrase “port minister” is made of words found in too many"):
        filtered_ids(Filters(query='"minister said" "port minister"'))  # 3 articles each: 6 to read
    assert filtered_ids(Filters(query='"the minister said" -nothing')) == [1]  # 3 articles to read
    assert sorted(filtered_ids(Filters(query="port minister"))) == [1, 2, 3]  # words alone: no phrase
