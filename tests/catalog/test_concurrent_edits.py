"""Two people saving at the same moment, each on their own connection: a save checked against
the version it started from never overwrites the other's unseen."""

import threading
import time

import pytest

from catalog import editing
from catalog.articles import get_article
from catalog.claims.store import ClaimConflict, ClaimEdit, add_claim, edit_claim, get_claim
from catalog.db import database
from catalog.editing import ArticleEdit, VersionConflict, edit_article
from catalog.importing.importer import import_paths
from tests.helpers import article_file


@pytest.fixture
def two_articles(catalogue, write):
    write("a.txt", article_file("Budget day", "The minister said taxes would fall next year."))
    write("b.txt", article_file("Match day", "The home side won the derby after extra time."))
    return [item.article_id for item in import_paths([write.root]).imported]


@pytest.fixture
def slow_reads(monkeypatch):
    """Each save pauses between reading the article and writing it: the moment a second save
    would read the same version, if nothing kept it out."""
    capture = editing.capture

    def slow(ids):
        found = capture(ids)
        time.sleep(0.3)
        return found

    monkeypatch.setattr(editing, "capture", slow)


def at_once(*saves):
    """Run each save on its own thread (its own connection), started together; their outcomes."""
    start = threading.Barrier(len(saves))
    outcomes: list = [None] * len(saves)

    def run(index, save):
        start.wait()
        try:
            outcomes[index] = save()
        except Exception as exc:  # noqa: BLE001 - the outcome under test
            outcomes[index] = exc
        finally:
            database.obj.close()

    threads = [threading.Thread(target=run, args=(i, save)) for i, save in enumerate(saves)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_the_same_field_of_one_article_one_wins_the_other_is_told(two_articles, slow_reads):
    article_id = two_articles[0]
    shown = get_article(article_id)
    outcomes = at_once(
        lambda: edit_article(article_id, ArticleEdit(title="Mine"), expect_version=1, base=shown),
        lambda: edit_article(article_id, ArticleEdit(title="Theirs"), expect_version=1, base=shown),
    )
    conflicts = [o for o in outcomes if isinstance(o, VersionConflict)]
    assert len(conflicts) == 1, outcomes
    [field] = conflicts[0].fields
    saved = get_article(article_id)
    assert saved["version"] == 2
    assert field.name == "title" and field.theirs == saved["title"] and field.mine != saved["title"]


def test_different_fields_and_different_articles_all_save(two_articles, slow_reads):
    one, two = two_articles
    shown = get_article(one)
    outcomes = at_once(
        lambda: edit_article(one, ArticleEdit(title="New title"), expect_version=1, base=shown),
        lambda: edit_article(one, ArticleEdit(summary="A summary"), expect_version=1, base=shown),
        lambda: edit_article(two, ArticleEdit(title="Other article"), expect_version=1),
    )
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    first = get_article(one)
    assert (first["title"], first["summary"], first["version"]) == ("New title", "A summary", 3)
    assert get_article(two)["title"] == "Other article"


def test_one_claim_edited_at_once_the_same_field_conflicts(two_articles):
    claim_id = add_claim(two_articles[0], 0, 20)
    shown = get_claim(claim_id)
    outcomes = at_once(
        lambda: edit_claim(claim_id, ClaimEdit(verdict="false"), base=shown),
        lambda: edit_claim(claim_id, ClaimEdit(verdict="true"), base=shown),
        lambda: edit_claim(claim_id, ClaimEdit(notes="Asked the ministry"), base=shown),
    )
    assert sum(isinstance(o, ClaimConflict) for o in outcomes) == 1, outcomes
    claim = get_claim(claim_id)
    assert claim["verdict"] in ("false", "true") and claim["notes"] == "Asked the ministry"


def test_two_desks_importing_the_same_folder_at_once_store_each_article_once(catalogue, tmp_path):
    from catalog.models import Article, Author, Outlet
    from catalog.search import fulltext
    from tests.helpers import make_article_files

    make_article_files(tmp_path / "same", 300, paragraphs=1)
    reports = at_once(*[lambda: import_paths([tmp_path / "same"], workers=1)] * 2)
    assert not [r for r in reports if isinstance(r, Exception)], reports
    assert [len(r.failed) for r in reports] == [0, 0], [r.failed[:1] for r in reports]
    assert sum(len(r.imported) for r in reports) == 300
    assert sum(len(r.duplicates) for r in reports) == 300
    assert Article.select().count() == 300
    assert Author.select().count() == 7 and Outlet.select().count() == 5  # names made once
    assert fulltext.problems() == []
