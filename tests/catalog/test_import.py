"""Importing files and folders into a catalogue: articles, names, duplicates and failures."""

import datetime

import pytest

from catalog.articles import get_article, iter_articles
from catalog.importing import import_paths, reading
from catalog.models import Article, ArticleAuthor, Author, Outlet
from catalog.search import fulltext
from tests.helpers import SEED_FILE, SEED_FOLDER, article_file


def test_importing_the_seed_folder_gives_one_complete_article(catalogue):
    report = import_paths([SEED_FOLDER])
    assert report.summary() == "1 imported, 0 duplicates, 0 failed"
    [article] = list(iter_articles(with_body=True))
    assert article["date"] == "2022-06-29"
    assert article["authors"] == ["Dave DeCamp"]
    assert article["outlet"] == "AntiWar.com"
    assert article["title"].startswith("According to a report from CNN")
    assert article["source"] == str(SEED_FILE)
    assert article["version"] == 1
    assert "Zelensky aide Podolyak" in article["body"]


def test_same_text_is_imported_once(catalogue, write):
    first = write("a.txt", article_file("Headline", "Body text."))
    crlf_copy = write("b.txt", article_file("Headline", "Body text.").replace("\n", "\r\n") + "\n\n  ")
    report = import_paths([first, crlf_copy])
    assert len(report.imported) == 1
    [duplicate] = report.duplicates
    assert duplicate.path == str(crlf_copy)
    assert duplicate.reason == f"duplicate of Headline (id {report.imported[0].article_id})"


def test_importing_the_same_folder_again_changes_nothing(catalogue, write):
    write("one.txt", article_file("One", "First."))
    write("two.txt", article_file("Two", "Second."))
    import_paths([write.root])
    before = list(iter_articles(with_body=True))
    again = import_paths([write.root])
    assert again.summary() == "0 imported, 2 duplicates, 0 failed"
    assert list(iter_articles(with_body=True)) == before


def test_bad_files_are_reported_and_the_rest_imported(catalogue, write):
    write("a-good.txt", article_file("Good one", "First text."))
    write("b-empty.txt", b"")
    write("c-image.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    (write.root / "d-folder.txt").mkdir()
    write("e-good.txt", article_file("Good two", "Second text."))
    report = import_paths([write.root, write.root / "missing.txt"])
    assert [get_article(item.article_id)["title"] for item in report.imported] == ["Good one", "Good two"]
    reasons = {item.path.rsplit("/", 1)[-1]: item.reason for item in report.failed}
    assert reasons == {
        "b-empty.txt": "empty file",
        "c-image.txt": "not a text file: looks like a PNG image",
        "d-folder.txt": "a folder, not a file",
        "missing.txt": "no such file or folder",
    }
    assert Article.select().count() == 2


def test_names_are_shared_case_insensitively(catalogue, write):
    write(
        "1.txt", article_file("A", "x.", header=" date 2022-01-01 Authored by dave decamp via AntiWar.com,")
    )
    write(
        "2.txt", article_file("B", "y.", header=" date 2022-01-02 Authored by Dave DeCamp via Antiwar.com,")
    )
    import_paths([write.root])
    assert [o.name for o in Outlet.select()] == ["AntiWar.com"]
    assert [a.name for a in Author.select()] == ["dave decamp"]
    assert Article.select().where(Article.outlet.is_null(False)).count() == 2


def test_authors_keep_their_by_line_order(catalogue, write):
    path = write(
        "a.txt", article_file("A", "x.", header=" date 2022-01-01 Authored by Zed Z, Amy A and Mo M,")
    )
    import_paths([path])
    [article] = list(iter_articles())
    assert article["authors"] == ["Zed Z", "Amy A", "Mo M"]
    assert ArticleAuthor.select().count() == 3


def test_headerless_file_is_an_article_with_unknown_metadata(catalogue, write):
    path = write("plain.txt", "Nothing but a paragraph of words.\n")
    report = import_paths([path])
    article = get_article(report.imported[0].article_id)
    assert (article["date"], article["authors"], article["outlet"]) == (None, [], None)
    assert article["title"] == "Nothing but a paragraph of words."


def test_legacy_encoded_file_comes_through_exactly(catalogue, write):
    body = "Le ministre a déclaré à l’AFP: « Nous n’avons rien à cacher », selon Zoë Müller. " * 2
    path = write("legacy.txt", article_file("Déclaration du ministre", body.strip()), encoding="cp1252")
    report = import_paths([path])
    article = get_article(report.imported[0].article_id)
    assert article["title"] == "Déclaration du ministre"
    assert article["body"] == body.strip()


def test_progress_is_reported_and_cancel_keeps_whole_batches(catalogue, write, monkeypatch):
    monkeypatch.setattr(reading, "BATCH_SIZE", 2)
    for number in range(5):
        write(f"{number}.txt", article_file(f"Article {number}", f"Text {number}."))
    seen = []
    report = import_paths(
        [write.root], progress=lambda done, path: seen.append((done, path)), cancelled=lambda: len(seen) >= 2
    )
    assert report.cancelled
    assert seen == [(2, str(write.root / "1.txt")), (4, str(write.root / "3.txt"))]
    assert [a.title for a in Article.select().order_by(Article.id)] == [
        "Article 0",
        "Article 1",
        "Article 2",
        "Article 3",
    ]
    assert fulltext.problems() == []


def test_imported_timestamps_are_recent(catalogue, write):
    import_paths([write("a.txt", article_file("A", "x."))])
    article = Article.get()
    age = datetime.datetime.now(datetime.UTC).replace(tzinfo=None) - article.imported_at
    assert datetime.timedelta(0) <= age < datetime.timedelta(minutes=1)


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("cp1252", b""),
    ],
)
def test_each_encoding_keeps_names_and_quotes_exactly(catalogue, write, encoding, bom):
    header = " date 2023-04-05 Authored by José Müller and Zoë Dupré via Le Monde diplomatique,"
    body = "« Nous n’avons rien à cacher », a-t-il dit — “exactly” so. " * 3
    text = article_file("Déclaration du ministre", body.strip(), header=header).replace("\n", "\r\n")
    path = write("article.txt", bom + text.encode(encoding))
    report = import_paths([path])
    article = get_article(report.imported[0].article_id)
    assert article["authors"] == ["José Müller", "Zoë Dupré"]
    assert article["outlet"] == "Le Monde diplomatique"
    assert article["date"] == "2023-04-05"
    assert article["title"] == "Déclaration du ministre"
    assert article["body"] == body.strip()


def test_utf16_without_bom_imports_and_invisible_or_nul_text_is_reported(catalogue, write):
    write("a-good.txt", article_file("Good one", "Text."))
    write("b-utf16.txt", article_file("Déclaration", "« Non », dit-il.").encode("utf-16-le"))
    write("c-invisible.txt", "\u200b\u00a0\n\u2060\ufeff\u3000\n".encode())
    write("d-nul.txt", b"\xff\xfe" + article_file("Nul", "A\x00B.").encode("utf-16-le"))
    report = import_paths([write.root])
    assert [get_article(item.article_id)["title"] for item in report.imported] == ["Good one", "Déclaration"]
    reasons = {item.path.rsplit("/", 1)[-1]: item.reason for item in report.failed}
    assert reasons == {
        "c-invisible.txt": "empty file",
        "d-nul.txt": "not a text file: looks like binary data (it contains NUL characters)",
    }
    assert Article.select().count() == 2


def test_a_file_whose_value_the_database_refuses_does_not_take_its_batch_with_it(
    catalogue, write, monkeypatch
):
    """The database refuses one file's value (on PostgreSQL an index row over its size limit, say,
    which catalog.limits now keeps out before the database sees it): that file is reported, and
    the rest of its batch is stored. The refusal is made here as the database makes it."""
    import sqlite3

    from catalog.importing import article_writer

    for number in range(5):
        write(f"{number}.txt", article_file(f"Good {number}", f"Text number {number}."))
    write("refused.txt", article_file("Refused", "A text the database will not take."))
    insert = article_writer.ArticleWriter._insert

    def refuse_one(self, new):
        if any(item.text.title == "Refused" for item in new):
            error = sqlite3.IntegrityError("CHECK constraint failed: a value this database refuses")
            error.sqlite_errorcode = 275  # SQLITE_CONSTRAINT_CHECK
            raise error
        return insert(self, new)

    monkeypatch.setattr(article_writer.ArticleWriter, "_insert", refuse_one)
    report = import_paths([write.root], workers=0)
    stored = sorted(get_article(item.article_id)["title"] for item in report.imported)
    assert stored == [f"Good {number}" for number in range(5)]
    [failed] = report.failed
    assert failed.path.endswith("refused.txt") and failed.reason.startswith("could not be stored (CHECK")
    assert Article.select().count() == 5


def test_moved_article_files_are_named_where_they_are_now(catalogue, tmp_path):
    from catalog.articles import move_sources

    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (inbox / "sub" / "a.txt").write_text(article_file("First", "One text."), encoding="utf-8")
    (tmp_path / "inbox-old.txt").write_text(article_file("Beside", "Another text."), encoding="utf-8")
    import_paths([inbox, tmp_path / "inbox-old.txt"])
    assert move_sources(f"{inbox}/", "/mnt/shared/articles") == 1
    sources = sorted(article["source"] for article in iter_articles())
    assert sources == ["/mnt/shared/articles/sub/a.txt", str(tmp_path / "inbox-old.txt")]  # not inbox-old
