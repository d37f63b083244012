"""Reading CSL-JSON and RIS back as articles: what ``export-csl`` and ``export-ris`` write comes
back whole (a round trip), files as Zotero and EndNote write them are read, and bad input of
every kind is reported in words, per item where the rest can still be read."""

import codecs
import datetime
import json
import pickle

import pytest

from benchmarks.real_text import lee_articles
from catalog.articles import iter_articles
from catalog.dates import PartialDate
from catalog.editing import ArticleEdit, edit_article
from catalog.exporting.csl_export import export_csl
from catalog.exporting.json_export import export_json
from catalog.exporting.ris_export import export_ris
from catalog.importing import import_paths
from catalog.importing.formats import Extracted, FormatError, Piece, RecordFailed, csl, detect, ris
from catalog.models import Article
from tests.helpers import SEED_FILE, article_file, run_catalog

SPEECH = (
    "The minister said on Tuesday that taxes would fall next year.\n\n"
    "Critics said the plan would cost 4 billion euros.\n\n"
    "The vote is due in June."
)

#: Each test of both formats runs with (reader module, export function, file suffix).
BOTH_FORMATS = pytest.mark.parametrize(
    ("module", "export", "suffix"), [(csl, export_csl, "json"), (ris, export_ris, "ris")]
)


@pytest.fixture
def news(catalogue, write):
    """Three articles: a full one, one dated to a month only (three scripts, a topic with a
    comma), one to a year."""
    write(
        "1.txt",
        article_file(
            "Taxes to fall",
            SPEECH,
            header=" date 2022-06-29 Authored by Dave DeCamp and Reuters Staff via Antiwar.com,",
        ),
    )
    write("2.txt", article_file("Αθήνα", "Αθήνα και Москва. Café au lait."))
    write("3.txt", article_file("Year only", "Nothing to see."))
    ids = [item.article_id for item in import_paths([write.root]).imported]
    by_title = {Article.get_by_id(i).title: i for i in ids}
    ids = [by_title[title] for title in ("Taxes to fall", "Αθήνα", "Year only")]
    edit_article(
        ids[0], ArticleEdit(topics=["Economy", "Tax cuts"], summary="Taxes fall.\n\nCritics object.")
    )
    edit_article(ids[1], ArticleEdit(outlet="Καθημερινή", authors=["Zoë Müller"], date=PartialDate(2021, 3)))
    edit_article(ids[1], ArticleEdit(topics=["Greece, politics", "Russia"]))  # a topic with a comma
    edit_article(ids[2], ArticleEdit(date=PartialDate(2019), authors=["Ludwig van Beethoven"]))
    return ids


def read_file(module, path) -> list:
    name = module.__name__.rsplit(".", 1)[1]
    return list(module.read(Piece(str(path), name, data=path.read_bytes())))


def read_bytes(module, data: bytes, name: str = "refs") -> list:
    kind = module.__name__.rsplit(".", 1)[1]
    return list(module.read(Piece(f"/tmp/{name}.{kind}", kind, data=data)))


def as_iso(day) -> str | None:
    """An extracted date as the catalogue would show it: 2021-03 for a month."""
    if day is None:
        return None
    precision = getattr(day, "precision", "day")
    return PartialDate.from_stored(day, precision).iso()


@BOTH_FORMATS
def test_what_the_exports_write_comes_back_whole(news, tmp_path, module, export, suffix):
    target = tmp_path / f"refs.{suffix}"
    export(target, with_text=True)
    extracted = read_file(module, target)
    assert all(isinstance(article, Extracted) for article in extracted)
    stored = list(iter_articles(with_body=True))
    assert len(extracted) == len(stored) == 3
    for article, back in zip(stored, extracted, strict=True):
        assert back.place == f"item=catalog-{article['id']}"
        assert back.title == article["title"]
        assert back.body == article["body"]
        assert list(back.authors) == article["authors"]
        assert as_iso(back.date) == article["date"]
        assert back.outlet == article["outlet"]
        assert back.summary == article["summary"]
        assert list(back.topics) == article["topics"]
        assert back.notes == ""


@BOTH_FORMATS
def test_real_articles_come_back_word_for_word(catalogue, write, tmp_path, module, export, suffix):
    write("seed.txt", SEED_FILE.read_bytes())
    for number, text in enumerate(lee_articles()[:40]):
        title, _, rest = text.partition(". ")
        write(f"lee{number}.txt", article_file(title, rest.replace(". ", ".\n\n", 3)))
    assert len(import_paths([write.root]).imported) == 41
    target = tmp_path / f"real.{suffix}"
    export(target, with_text=True)
    stored = list(iter_articles(with_body=True))
    back = read_file(module, target)
    assert [(a.title, a.body, list(a.authors)) for a in back] == [
        (article["title"], article["body"], article["authors"]) for article in stored
    ]


@BOTH_FORMATS
def test_without_the_text_the_body_is_the_summary_else_the_title(news, tmp_path, module, export, suffix):
    target = tmp_path / f"refs.{suffix}"
    export(target, [news[0], news[2]])
    first, second = read_file(module, target)
    assert first.body == "Taxes fall.\n\nCritics object." and first.summary == first.body
    assert second.body == "Year only" and second.summary == ""


def test_partial_dates_survive_pickling_into_the_import_s_workers():
    month = csl.partial_day(2021, 3)
    assert (month, month.precision) == (datetime.date(2021, 3, 1), "month")
    back = pickle.loads(pickle.dumps(month))
    assert (back, back.precision) == (month, "month")
    assert type(csl.partial_day(2021, 3, 5)) is datetime.date
    with pytest.raises(ValueError):
        csl.partial_day(2021, 2, 30)


def test_export_files_are_detected_by_their_content(news, tmp_path):
    export_csl(tmp_path / "refs.json")
    export_ris(tmp_path / "refs.ris")
    export_ris(tmp_path / "refs.txt")  # a RIS file under another name
    for name, kind in (("refs.json", "csl"), ("refs.ris", "ris"), ("refs.txt", "ris")):
        assert detect(str(tmp_path / name), (tmp_path / name).read_bytes()[:4096]) == kind


@pytest.mark.parametrize(("command", "suffix"), [("export-csl", "json"), ("export-ris", "ris")])
def test_a_round_trip_through_the_command_line(news, db_path, tmp_path, command, suffix):
    target = tmp_path / f"refs.{suffix}"
    done = run_catalog("--db", db_path, command, str(target), "--with-text")
    assert done.returncode == 0, done.stderr
    copy = tmp_path / "copy.sqlite3"
    done = run_catalog("--db", str(copy), "import", str(target))
    assert done.returncode == 0, done.stderr
    assert run_catalog("--db", str(copy), "export-json", str(tmp_path / "copy.json")).returncode == 0
    export_json(tmp_path / "original.json")
    keys = ("title", "body", "authors", "date", "outlet", "summary", "topics")

    def shown(path):
        articles = json.loads(path.read_text(encoding="utf-8"))["articles"]
        return sorted(tuple(json.dumps(article[key]) for key in keys) for article in articles)

    assert shown(tmp_path / "copy.json") == shown(tmp_path / "original.json")
    # Imported again: the same places in the same file, the same texts: nothing new.
    assert run_catalog("--db", str(copy), "import", str(target)).returncode == 0
    assert run_catalog("--db", str(copy), "export-json", str(tmp_path / "again.json")).returncode == 0
    assert shown(tmp_path / "again.json") == shown(tmp_path / "original.json")


# --- CSL-JSON as others write it ---------------------------------------------------------------

ZOTERO_BOOK = """[
\t{
\t\t"id": "http://zotero.org/users/96641/items/BDQRTS3T",
\t\t"type": "book",
\t\t"title": "Stochastic biomathematical models: With applications to neuronal modeling",
\t\t"publisher": "Springer",
\t\t"author": [{"family": "Bachar", "given": "Mostafa"}],
\t\t"issued": {"date-parts": [["2013", 1, 1]]}
\t}
]"""

ZOTERO_NEWS = {
    "id": "http://zotero.org/users/local/x/items/ABCD1234",
    "type": "article-newspaper",
    "title": "Pentagon sends\nmore weapons",
    "container-title": "The Guardian",
    "URL": "https://www.theguardian.com/world/2022/jun/29/weapons",
    "abstract": "<p>The Pentagon said on Tuesday.</p><p>Critics &amp; allies disagree.</p>",
    "note": "Publisher: Guardian News",
    "author": [
        {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
        {"literal": "Guardian staff reporter"},
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
    ],
    "issued": {"date-parts": [[2022, 6]]},
    "keyword": "Ukraine; Weapons, NATO",  # a semicolon: topics holding a comma
    "tags": [{"tag": "Defence"}, "NATO"],
}


def test_a_zotero_csl_export_of_a_book_is_an_article_too():
    (book,) = read_bytes(csl, ZOTERO_BOOK.encode())
    assert book.title.startswith("Stochastic biomathematical models")
    assert book.authors == ("Mostafa Bachar",)
    assert book.date == datetime.date(2013, 1, 1) and type(book.date) is datetime.date
    assert book.body == book.title and book.place == "item=http://zotero.org/users/96641/items/BDQRTS3T"


def test_one_item_alone_with_every_field_zotero_writes():
    (article,) = read_bytes(csl, json.dumps(ZOTERO_NEWS).encode())
    assert article.title == "Pentagon sends more weapons"
    assert article.authors == ("Ludwig van Beethoven", "Guardian staff reporter", "Martin Luther King Jr.")
    assert as_iso(article.date) == "2022-06"
    assert (article.outlet, article.url) == ("The Guardian", ZOTERO_NEWS["URL"])
    assert article.summary == "The Pentagon said on Tuesday.\n\nCritics & allies disagree."
    assert article.body == article.summary
    assert article.topics == ("Ukraine", "Weapons, NATO", "Defence", "NATO")
    assert article.notes == "note: Publisher: Guardian News"


@pytest.mark.parametrize(
    ("issued", "expected"),
    [
        ({"date-parts": [[2022]]}, "2022"),
        ({"date-parts": [["2022", "6", "29"]]}, "2022-06-29"),
        ({"date-parts": [[2022, 0, 0]]}, "2022"),
        ({"raw": "29 June 2022"}, "2022-06-29"),
        ({"literal": "June 2022"}, "2022-06"),
        ("2022-06-29", "2022-06-29"),
        (None, None),
    ],
)
def test_dates_from_date_parts_raw_or_literal(issued, expected):
    item = {"id": 1, "type": "webpage", "title": "A page", "issued": issued}
    (article,) = read_bytes(csl, json.dumps(item).encode())
    assert as_iso(article.date) == expected and article.notes == ""


def test_a_date_that_is_none_is_noted_not_fatal():
    item = {"id": 1, "type": "webpage", "title": "A page", "issued": {"date-parts": [[2022, 13, 40]]}}
    (article,) = read_bytes(csl, json.dumps(item).encode())
    assert article.date is None and article.notes.startswith("date not understood: ")


def test_encodings_a_bom_utf16_and_a_legacy_one():
    item = {"id": "a", "type": "article", "title": "Zoë à Genève"}
    text = json.dumps([item], ensure_ascii=False)
    for data in (
        codecs.BOM_UTF8 + text.encode("utf-8"),
        codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        text.encode("cp1252"),
    ):
        (article,) = read_bytes(csl, data)
        assert article.title == "Zoë à Genève"


def test_a_catalog_export_is_sent_to_import_json(news, tmp_path):
    export_json(tmp_path / "all.json")
    with pytest.raises(FormatError, match="a Catalog JSON export, not CSL-JSON: use catalog import-json"):
        read_file(csl, tmp_path / "all.json")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"name": "settings", "size": 3}', 'an object without "type"'),
        (b"[1, 2, 3]", 'none of its entries is an item with a "type"'),
        (b'[{"title": "no type"}]', 'none of its entries is an item with a "type"'),
        (b"[]", "an empty CSL-JSON list"),
        (b'"just text"', "neither a list of items nor an item"),
        (b'[{"id": 1, "type": "book",', "not valid JSON"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
    ],
)
def test_json_that_is_no_csl_is_refused_in_words(data, reason):
    with pytest.raises(FormatError, match=reason):
        read_bytes(csl, data)


def test_bad_items_are_reported_one_by_one_and_the_rest_read():
    items = [
        {"id": "good", "type": "article-newspaper", "title": "Kept"},
        {"type": "book", "title": "No id"},
        {"id": "x", "title": "No type"},
        "a string",
        {"id": "empty", "type": "book"},
        {"id": "good", "type": "book", "title": "Same id again"},
        {"id": 7, "type": ["book"], "title": "A type that is a list"},
    ]
    found = read_bytes(csl, json.dumps(items).encode())
    assert [type(thing).__name__ for thing in found] == [
        "Extracted",
        "RecordFailed",
        "RecordFailed",
        "RecordFailed",
        "RecordFailed",
        "Extracted",
        "RecordFailed",
    ]
    assert [thing.place for thing in found] == [
        "item=good",
        "item=2",
        "item=x",
        "item=4",
        "item=empty",
        "item=6",
        "item=7",
    ]
    assert "without 'id' (CSL-JSON requires both)" in found[1].reason
    assert "without 'type'" in found[2].reason
    assert "not a CSL item (a JSON str" in found[3].reason
    assert "no title, abstract or note" in found[4].reason
    assert "not text" in found[6].reason


# --- RIS as others write it --------------------------------------------------------------------

ENDNOTE = """TY  - JOUR
A1  - Baldwin,S.A.
A1  - Fugaccia,I.
T1  - Blood-brain barrier breach following
cortical contusion in the rat
JO  - J.Neurosurg.
Y1  - 1996
VL  - 85
RP  - Not In File
KW  - cortical contusion
KW  - blood-brain barrier
N2  - Adult Fisher 344 rats were subjected to a unilateral impact to the dorsal cortex.
ER  - 
"""

ZOTERO_RIS = (
    "TY  - NEWS\r\nTI  - Pentagon sends more weapons\r\nAU  - DeCamp, Dave\r\nT2  - Antiwar.com\r\n"
    "AB  - The Pentagon said.\r\nDA  - 2022/06/29/\r\nPY  - 2022\r\nUR  - https://news.antiwar.com/a\r\n"
    "N1  - <p>First paragraph of the note.</p>\r\n<p>Second &amp; last paragraph of the note.</p>\r\n"
    "KW  - Ukraine, Weapons\r\nER  - ,\r\n\r\n"
)


def test_an_endnote_record_with_a_continued_title():
    (article,) = read_bytes(ris, ENDNOTE.encode())
    assert article.title == "Blood-brain barrier breach following cortical contusion in the rat"
    assert article.authors == ("S.A. Baldwin", "I. Fugaccia")
    assert (article.outlet, as_iso(article.date)) == ("J.Neurosurg.", "1996")
    assert article.topics == ("cortical contusion", "blood-brain barrier")
    assert article.summary.startswith("Adult Fisher 344 rats") and article.body == article.summary
    assert article.place == "item=1" and article.notes == ""


def test_a_zotero_record_its_html_note_is_the_text():
    (article,) = read_bytes(ris, ZOTERO_RIS.encode())
    assert (article.title, article.authors, article.outlet) == (
        "Pentagon sends more weapons",
        ("Dave DeCamp",),
        "Antiwar.com",
    )
    assert article.date == datetime.date(2022, 6, 29) and article.url == "https://news.antiwar.com/a"
    assert article.body == "First paragraph of the note.\n\nSecond & last paragraph of the note."
    assert article.summary == "The Pentagon said." and article.topics == ("Ukraine", "Weapons")


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ("PY  - 2022\nDA  - 2022/06/29/", "2022-06-29"),
        ("DA  - 2022/06//", "2022-06"),
        ("DA  - 2022/00/05/", "2022"),
        ("Y1  - 2022/6/9/Spring", "2022-06-09"),
        ("DA  - June 29, 2022", "2022-06-29"),
        ("PY  - 2022-06", "2022-06"),
    ],
)
def test_ris_dates(dates, expected):
    (article,) = read_bytes(ris, f"TY  - NEWS\nTI  - A title\n{dates}\nER  - \n".encode())
    assert as_iso(article.date) == expected and article.notes == ""


def test_encodings_of_ris_files():
    text = "TY  - NEWS\r\nTI  - Zoë à Genève\r\nAU  - Müller, Zoë\r\nER  - \r\n"
    for data in (
        codecs.BOM_UTF8 + text.encode("utf-8"),
        codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        text.encode("cp1252"),
    ):
        (article,) = read_bytes(ris, data)
        assert (article.title, article.authors) == ("Zoë à Genève", ("Zoë Müller",))


def test_malformed_ris_is_reported_per_record_and_the_rest_read():
    text = (
        "Exported by SomeTool 1.0\n"
        "TY  - NEWS\nTI  - First\nDA  - sometime soon\n"
        "TY  - NEWS\nID  - two\nTI  - Second, its first has no ER\nER  - \n"
        "TY  - BOOK\nAU  - Nobody, Anne\nER  - \n"
        "TY  - NEWS\nID  - two\nTI  - Same ID again\nER  - \n"
        "TY  - NEWS\nTI  - Cut short\nAB  - The file ends"
    )
    found = read_bytes(ris, text.encode())
    assert [type(thing).__name__ for thing in found] == [
        "RecordFailed",
        "Extracted",
        "Extracted",
        "RecordFailed",
        "Extracted",
        "Extracted",
    ]
    stray, first, second, empty, repeat, cut = found
    assert stray.place == "line=1" and "text outside any record" in stray.reason
    assert "Exported by SomeTool" in stray.reason
    assert first.date is None and "no ER line before the next record (line 5)" in first.notes
    assert "date not understood: 'sometime soon'" in first.notes
    assert (second.place, second.notes) == ("item=two", "")
    assert empty.place == "item=3" and "no title, abstract or notes" in empty.reason
    assert repeat.place == "item=4"
    assert cut.title == "Cut short" and "the file ends inside this record" in cut.notes


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "no RIS records"),
        (b"Just some text\nwith no records\n", "no RIS records"),
        (b"PK\x03\x04\x00\x00binary", "not a text file"),
    ],
)
def test_a_file_with_no_record_is_refused_in_words(data, reason):
    with pytest.raises(FormatError, match=reason):
        read_bytes(ris, data)


def test_stray_text_is_said_once_per_stretch():
    text = "junk\nmore junk\nTY  - NEWS\nTI  - A\nER  - \nafter\nTY  - NEWS\nTI  - B\nER  - \n\x1a"
    found = read_bytes(ris, text.encode())
    assert [thing.place for thing in found] == ["line=1", "item=1", "line=6", "item=2"]
    assert all(isinstance(thing, RecordFailed) for thing in found[::2])


def test_an_abstract_that_only_looks_like_markup_stays_as_written():
    item = {
        "id": 1,
        "type": "article",
        "title": "T",
        "abstract": "Troops moved <10 km> east &amp; <west side>.",
    }
    (article,) = read_bytes(csl, json.dumps(item).encode())
    assert article.summary == "Troops moved <10 km> east &amp; <west side>."
