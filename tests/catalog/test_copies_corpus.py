"""Stories found in a generated corpus of copies, as `catalog copies --json` shows them.

The corpus (tests/story_texts.py) holds 4 originals made from real text, one copy of one of
them for each kind of change a republisher makes (and four combinations), 2 follow-ups that
quote a paragraph, and templated reports: every copy must be in its original's story, the
original first; no follow-up with the article it quotes, no templated report with another.
"""

import json
import os

import pytest

from tests.helpers import cli_outcome
from tests.story_texts import copies_corpus


@pytest.fixture
def imported(tmp_path, db_path, capsys):
    """(truth, stories with file names, {file name: id}) of the corpus imported with `catalog import`."""
    folder = tmp_path / "corpus"
    truth = copies_corpus(folder)
    code, out, err = cli_outcome(capsys, "--db", db_path, "import", str(folder))
    assert (code, err) == (0, ""), out
    assert out.startswith(f"{len(truth.group)} files: {len(truth.group)} imported, 0 duplicates, 0 failed")
    code, listing, _ = cli_outcome(capsys, "--db", db_path, "list", "--json")
    ids = {os.path.relpath(article["source"], folder): article["id"] for article in json.loads(listing)}
    code, out, err = cli_outcome(capsys, "--db", db_path, "copies", "--json")
    assert (code, err) == (0, "")
    return truth, json.loads(out), ids


def test_every_kind_of_copy_is_in_its_originals_story(imported):
    truth, stories, ids = imported
    story_of = {article: number for number, story in enumerate(stories) for article in story["articles"]}
    missed = [
        (name, kinds)
        for name, kinds in truth.kinds.items()
        if ids[name] not in story_of
        or story_of[ids[name]] != story_of.get(ids[truth.first[truth.group[name]]])
    ]
    assert missed == []


def test_the_stories_are_the_groups_of_copies_and_begin_with_the_original(imported):
    truth, stories, ids = imported
    name_of = {article_id: name for name, article_id in ids.items()}
    expected = {
        frozenset(ids[name] for name in names) for names in truth.members().values() if len(names) > 1
    }
    assert {frozenset(story["articles"]) for story in stories} == expected
    for story in stories:
        assert set(story) == {"story", "first", "articles"}
        first = name_of[story["first"]]
        assert truth.role[first] == "original"
        assert story["articles"][0] == story["first"]


def test_no_follow_up_or_templated_report_is_grouped(imported):
    truth, stories, ids = imported
    grouped = {article for story in stories for article in story["articles"]}
    assert truth.follow_ups and truth.templated
    for follow_up, _quoted in truth.follow_ups:
        assert ids[follow_up] not in grouped
    for batch in truth.templated:
        assert not any(ids[name] in grouped for name in batch)


def test_one_articles_story_gives_each_copys_share_of_the_first(imported, db_path, capsys):
    truth, _stories, ids = imported
    excerpt = next(name for name, kinds in truth.kinds.items() if kinds == ["excerpt"])
    code, out, err = cli_outcome(capsys, "--db", db_path, "copies", str(ids[excerpt]), "--json")
    assert (code, err) == (0, "")
    story = json.loads(out)
    original = ids[truth.first[truth.group[excerpt]]]
    assert story["first"] == original
    copies = {entry["id"]: entry for entry in story["articles"]}
    assert set(copies) == {ids[name] for name in truth.members()[truth.group[excerpt]]}
    assert copies[original]["share"] == 1.0
    assert 0.3 <= copies[ids[excerpt]]["share"] < 1.0
