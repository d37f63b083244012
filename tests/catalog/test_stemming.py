"""English stemming (issue 17): ``missiles`` finds ``missile``, quotes keep the exact form, an
option of each catalogue (on for new ones), the same articles on SQLite and PostgreSQL (the
parity test runs its queries with stemming on: tests/catalog/test_search_parity.py)."""

import json
import shutil
from pathlib import Path

import pytest

from catalog import migrations, options
from catalog.catalogue import close_catalogue, open_catalogue
from catalog.db import database
from catalog.search.fts5_words import words
from catalog.search.stemming import form_prefixes, forms, stem, stemmable
from tests.helpers import SEED_FILE, article_file, cli_outcome

PARITY_CORPUS = Path(__file__).parent.parent / "fixtures" / "search_parity.json"

ARTICLES = {
    "a.txt": ("Iran tests a missile", "Iran tested a new ballistic missile on Tuesday, officials said."),
    "b.txt": ("Launches in the north", "The missiles were launched from the north; launching goes on."),
    "c.txt": ("A mission to the moon", "The mission lands in May. Missionaries are not involved."),
    "d.txt": ("Dying industries", "Coal is dying, the report says; the industry died slowly."),
    "e.txt": ("Burns unit", "A nurse treated burns. Written by the reporter Ann Burns."),
}


@pytest.fixture
def news(catalogue, write, capsys):
    for name, (title, body) in ARTICLES.items():
        author = "Ann Burns" if name == "e.txt" else "Lee Chan"
        write(
            name,
            article_file(title, body, header=f" date 2022-01-0{len(name)} Authored by {author} via Wire,"),
        )
    code, _, err = cli_outcome(capsys, "--db", catalogue.location, "import", str(write.root))
    assert code == 0, err
    return catalogue


def found(capsys, location: str, query: str) -> set[str]:
    code, out, err = cli_outcome(capsys, "--db", location, "search", "--json", "--", query)
    assert code == 0, err
    return {article["title"] for article in json.loads(out)}


def test_a_word_finds_its_other_forms(news, capsys):
    assert found(capsys, news.location, "missiles") == {"Iran tests a missile", "Launches in the north"}
    assert found(capsys, news.location, "missile") == {"Iran tests a missile", "Launches in the north"}
    assert found(capsys, news.location, "launch") == {"Launches in the north"}
    assert found(capsys, news.location, "dies") == {"Dying industries"}  # dying, died: stem "die"
    # A word that merely starts the same is another word.
    assert "A mission to the moon" not in found(capsys, news.location, "missiles")
    assert found(capsys, news.location, "missions") == {"A mission to the moon"}


def test_quotes_keep_the_exact_form_and_a_prefix_is_a_prefix(news, capsys):
    assert found(capsys, news.location, '"missiles"') == {"Launches in the north"}
    assert found(capsys, news.location, '"missile"') == {"Iran tests a missile"}
    assert found(capsys, news.location, "missil*") == {"Iran tests a missile", "Launches in the north"}
    assert found(capsys, news.location, '"ballistic missiles"') == set()


def test_fields_excluded_words_and_names(news, capsys):
    assert found(capsys, news.location, "title:missiles") == {"Iran tests a missile"}
    everything = {title for title, _ in ARTICLES.values()}
    assert found(capsys, news.location, "-missiles") == everything - {
        "Iran tests a missile",
        "Launches in the north",
    }
    # Names are searched as written: author:Burn is not Ann Burns; the text's "burns" is a word.
    assert found(capsys, news.location, "author:burns") == {"Burns unit"}
    assert found(capsys, news.location, "author:burn") == set()
    assert found(capsys, news.location, "burn") == {"Burns unit"}


def test_the_passage_shown_is_the_form_found(news, capsys):
    code, out, _ = cli_outcome(capsys, "--db", news.location, "search", "--json", "--", "missiles tuesday")
    assert code == 0
    [article] = json.loads(out)
    assert "missile on Tuesday" in article["snippet"]


def test_stemming_is_an_option_of_the_catalogue(news, capsys):
    location = news.location
    code, out, _ = cli_outcome(capsys, "--db", location, "stemming", "--json")
    assert (code, json.loads(out)) == (0, {"stemming": True})
    code, out, _ = cli_outcome(capsys, "--db", location, "stemming", "off")
    assert code == 0 and "English stemming is off" in out
    assert found(capsys, location, "missiles") == {"Launches in the north"}
    code, out, _ = cli_outcome(capsys, "--db", location, "info", "--json")
    assert json.loads(out)["stemming"] is False
    code, out, _ = cli_outcome(capsys, "--db", location, "info")
    assert "English stemming:  off" in out
    assert cli_outcome(capsys, "--db", location, "stemming", "on")[0] == 0
    assert found(capsys, location, "missiles") == {"Iran tests a missile", "Launches in the north"}


def test_a_bad_state_is_a_usage_error(news, capsys):
    code, _, err = cli_outcome(capsys, "--db", news.location, "stemming", "maybe")
    assert code == 2 and "invalid choice: 'maybe'" in err and "Traceback" not in err


def test_new_words_of_an_edit_are_found_in_their_forms(news, capsys):
    """An article edited after the import: its new words are the index's too (on PostgreSQL
    they join ``search_word``)."""
    code, _, err = cli_outcome(capsys, "--db", news.location, "edit", "3", "--summary", "Rockets were fired.")
    assert code == 0, err
    assert found(capsys, news.location, "rocket") == {"A mission to the moon"}


def test_an_upgraded_catalogue_keeps_searching_as_before_until_turned_on(
    db_path, tmp_path, monkeypatch, write, capsys
):
    old_steps = tmp_path / "old-steps"
    shutil.copytree(
        migrations.MIGRATIONS_DIR,
        old_steps,
        ignore=lambda _, names: [
            n for n in names if n.startswith("__") or (n[:4].isdigit() and int(n[:4]) > 14)
        ],
    )
    monkeypatch.setattr(migrations, "MIGRATIONS_DIR", str(old_steps))
    open_catalogue(db_path)
    assert migrations.schema_version(database.obj) == 14
    close_catalogue()
    for name, (title, body) in ARTICLES.items():
        write(name, article_file(title, body))
    assert cli_outcome(capsys, "--db", db_path, "import", str(write.root))[0] == 0
    opened = open_catalogue(db_path)
    if opened.location.startswith("postgresql"):
        database.execute_sql("DELETE FROM search_word")  # as the release before kept none
    close_catalogue()

    monkeypatch.undo()
    assert found(capsys, db_path, "missiles") == {"Launches in the north"}
    code, out, _ = cli_outcome(capsys, "--db", db_path, "stemming")
    assert code == 0 and "English stemming is off" in out
    assert cli_outcome(capsys, "--db", db_path, "stemming", "on")[0] == 0
    assert found(capsys, db_path, "missiles") == {"Iran tests a missile", "Launches in the north"}


def test_a_new_catalogue_stems(catalogue):
    assert options.stemming() is True


def test_the_forms_of_a_word_start_where_the_search_looks(capsys):
    """Every word of real articles starts with one of its stem's prefixes: the words looked at
    hold every form (the parity corpus, the seed article)."""
    texts = [SEED_FILE.read_text(encoding="utf-8")]
    for article in json.loads(PARITY_CORPUS.read_text(encoding="utf-8")):
        texts += [article["title"], article["body"], article["summary"]]
    texts.append(
        "dying lying tying vying skies ugly early only singly gently news generously generalizations"
    )
    vocabulary = {word for text in texts for word in words(text) if stemmable(word)}
    assert len(vocabulary) > 2000
    missed = [word for word in vocabulary if not any(word.startswith(p) for p in form_prefixes(stem(word)))]
    assert missed == []


def test_forms_are_the_words_with_the_same_stem():
    index = sorted(
        ["mission", "missionaries", "missile", "missiles", "missiled", "missing", "general", "generous"]
    )

    def starting(prefix):
        return [word for word in index if word.startswith(prefix)]

    assert forms("missiles", starting) == ["missiles", "missile", "missiled"]
    assert forms("generously", starting) == ["generously", "generous"]  # not general
    assert forms("zoë", starting) == ["zoë"]  # not an English word: as written
    assert forms("1986", starting) == ["1986"]


def test_a_copy_keeps_the_option(news, tmp_path, capsys):
    assert cli_outcome(capsys, "--db", news.location, "stemming", "off")[0] == 0
    close_catalogue()
    target = str(tmp_path / "copy.sqlite3")
    code, _, err = cli_outcome(capsys, "copy", "--from", news.location, "--to", target)
    assert code == 0, err
    code, out, _ = cli_outcome(capsys, "--db", target, "stemming", "--json")
    assert json.loads(out) == {"stemming": False}
    assert found(capsys, target, "missiles") == {"Launches in the north"}


def test_a_read_only_catalogue_keeps_its_option_and_says_why(tmp_path, write, capsys):
    location = tmp_path / "ro.sqlite3"
    write("a.txt", article_file(*ARTICLES["a.txt"]))
    assert cli_outcome(capsys, "--db", str(location), "import", str(write.root))[0] == 0
    close_catalogue()
    location.chmod(0o444)
    try:
        code, _, err = cli_outcome(capsys, "--db", str(location), "stemming", "off")
    finally:
        location.chmod(0o644)
    assert code == 1 and "read-only" in err and "Traceback" not in err
    assert json.loads(cli_outcome(capsys, "--db", str(location), "stemming", "--json")[1]) == {
        "stemming": True
    }
