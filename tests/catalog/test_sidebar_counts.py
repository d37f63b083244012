"""The sidebar's years and authors, counted the quick way, say what grouping every article said."""

from catalog.browsing import sidebar_entries
from catalog.dates import PartialDate
from catalog.editing import ArticleEdit, edit_article
from catalog.importing import import_paths
from tests.helpers import article_file

DATES = ["1850-03-01", "2021-01-01", "2021-12-31", "2023-06-15", None, "9999-12-31"]


def test_years_far_apart_and_undated_articles_are_counted_newest_first(catalogue, write):
    for number, date in enumerate(DATES):
        header = f" date {date} Authored by Writer {number % 2} via Daily," if date else ""
        write(f"{number}.txt", article_file(f"Article {number}", f"Text number {number}.", header=header))
    imported = import_paths([write.root]).imported
    assert len(imported) == len(DATES)

    entries = sidebar_entries()
    years = [(e.name, e.id, e.count) for e in entries if e.kind == "year"]
    assert years == [("9999", 9999, 1), ("2023", 2023, 1), ("2021", 2021, 2), ("1850", 1850, 1)]
    authors = [(e.name, e.count) for e in entries if e.kind == "author"]
    assert authors == [("Writer 0", 2), ("Writer 1", 3)]


def test_a_partial_date_counts_in_its_year(catalogue, write):
    write("a.txt", article_file("Undated", "Some text of its own."))
    (item,) = import_paths([write.root]).imported
    edit_article(item.article_id, ArticleEdit(date=PartialDate(2019)))
    assert [(e.name, e.count) for e in sidebar_entries() if e.kind == "year"] == [("2019", 1)]
