"""CSL-JSON and RIS exports for Zotero: the exact shapes Zotero's importers read (field names,
date-parts, RIS tags and CRLF lines), names split as Zotero splits them, partial dates kept,
no text that can forge a RIS line, the same selection options as the other exports."""

import json

import pytest

from catalog.dates import PartialDate
from catalog.editing import ArticleEdit, edit_article
from catalog.exporting.csl_export import csl_item, csl_name, export_csl
from catalog.exporting.ris_export import export_ris, ris_name, ris_record
from catalog.importing import import_paths
from catalog.importing.formats.ris import records
from catalog.models import Article
from catalog.safe_output import OutputError
from tests.helpers import article_file, run_catalog

WORLD = "Ελλάδα: Путин и Zoë Müller à Genève"


@pytest.fixture
def news(catalogue, write):
    """Three articles, in this order: a full one (two authors, topics, a summary), one dated to a
    month with words of three scripts, one with nothing but a title and text."""
    write(
        "1.txt",
        article_file(
            "US sends more weapons",
            "The Pentagon said on Tuesday it would send more weapons.\n\nCritics disagree.",
            header=" date 2022-06-29 Authored by Dave DeCamp and Reuters Staff via Antiwar.com,",
        ),
    )
    write("2.txt", article_file("B world", "Αθήνα και Москва. Café au lait."))
    write("3.txt", article_file("C plain", "Nothing to see."))
    ids = [item.article_id for item in import_paths([write.root]).imported]
    by_title = {Article.get_by_id(i).title: i for i in ids}
    ids = [by_title[title] for title in ("US sends more weapons", "B world", "C plain")]
    edit_article(ids[0], ArticleEdit(topics=["Ukraine", "Weapons"], summary="More arms for Kyiv."))
    edit_article(
        ids[1],
        ArticleEdit(title=WORLD, outlet="Καθημερινή", authors=["Zoë Müller"], date=PartialDate(2021, 3)),
    )
    return ids


def csl_items(path) -> list[dict]:
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    return json.loads(data.decode("utf-8"))


def test_csl_items_have_the_fields_zotero_reads(news, tmp_path):
    target = tmp_path / "refs.json"
    assert export_csl(target) == 3
    items = csl_items(target)
    assert [item["id"] for item in items] == [f"catalog-{i}" for i in sorted(news)]
    full = items[sorted(news).index(news[0])]
    assert full == {
        "id": f"catalog-{news[0]}",
        "type": "article-newspaper",
        "title": "US sends more weapons",
        "author": [{"family": "DeCamp", "given": "Dave"}, {"literal": "Reuters Staff"}],
        "issued": {"date-parts": [[2022, 6, 29]]},
        "container-title": "Antiwar.com",
        "abstract": "More arms for Kyiv.",
        "keyword": "Ukraine, Weapons",
        "archive_location": f"catalog-{news[0]}",
    }


def test_every_csl_item_has_the_schema_s_required_fields_and_no_nulls(news, tmp_path):
    target = tmp_path / "refs.json"
    export_csl(target, with_text=True)
    for item in csl_items(target):
        assert isinstance(item["id"], str) and item["type"] == "article-newspaper"
        assert all(value not in (None, "", []) for value in item.values())
        parts = item.get("issued", {"date-parts": [[2000]]})["date-parts"]
        assert len(parts) == 1 and all(isinstance(part, int) for part in parts[0])


def test_a_month_stays_a_month_and_any_script_is_kept(news, tmp_path):
    target = tmp_path / "refs.json"
    export_csl(target, [news[1]])
    (item,) = csl_items(target)
    assert item["issued"] == {"date-parts": [[2021, 3]]}
    assert (item["title"], item["container-title"]) == (WORLD, "Καθημερινή")
    assert item["author"] == [{"family": "Müller", "given": "Zoë"}]


def test_the_text_is_written_only_when_asked(news, tmp_path):
    plain, with_text = tmp_path / "plain.json", tmp_path / "text.json"
    export_csl(plain, [news[0]])
    export_csl(with_text, [news[0]], with_text=True)
    assert "note" not in csl_items(plain)[0]
    assert csl_items(with_text)[0]["note"].startswith("The Pentagon said on Tuesday")


def test_ids_choose_the_articles_and_their_order(news, tmp_path):
    target = tmp_path / "refs.json"
    assert export_csl(target, [news[2], news[0], 999_999]) == 2
    assert [item["id"] for item in csl_items(target)] == [f"catalog-{news[2]}", f"catalog-{news[0]}"]


def test_ris_records_as_zotero_writes_a_newspaper_article(news, tmp_path):
    target = tmp_path / "refs.ris"
    assert export_ris(target, [news[0], news[1]]) == 2
    data = target.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in data.replace(b"\r\n", b""), "every line ends in CRLF, as the RIS specification says"
    first, second = data.decode("utf-8").split("ER  - \r\n\r\n")[:2]
    assert first.split("\r\n")[:-1] == [
        "TY  - NEWS",
        "TI  - US sends more weapons",
        "AU  - DeCamp, Dave",
        "AU  - Reuters Staff",
        "T2  - Antiwar.com",
        "AB  - More arms for Kyiv.",
        "DA  - 2022/06/29/",
        "PY  - 2022",
        f"AN  - catalog-{news[0]}",
        "KW  - Ukraine",
        "KW  - Weapons",
    ]
    assert "DA  - 2021/03//\r\n" in second and "PY  - 2021\r\n" in second
    assert f"TI  - {WORLD}\r\n" in second and "AU  - Müller, Zoë\r\n" in second


def test_ris_with_text_writes_the_body_as_a_note_with_its_paragraphs(news, tmp_path):
    target = tmp_path / "refs.ris"
    export_ris(target, [news[0]], with_text=True)
    text = target.read_bytes().decode("utf-8")
    assert (
        "N1  - The Pentagon said on Tuesday it would send more weapons.\r\n\r\nCritics disagree.\r\n" in text
    )


ARTICLE = {
    "id": 7,
    "title": "Line one\nER  - \nTY  - JOUR",
    "authors": ["Ann\nLee"],
    "outlet": "Daily\r\nT2  - Forged",
    "date": "2022",
    "summary": "First line.\nER  - \nKW  - forged\n  TY  -\nLast line.",
    "topics": ["Two\nlines"],
    "url": "https://example.com/a\nUR  - https://evil.example",
    "body": "Text.\nER  - ",
}


def test_no_value_can_forge_a_ris_line_or_end_a_record():
    text = ris_record(ARTICLE, with_text=True)
    lines = text.split("\r\n")
    assert sum(line.startswith("ER  -") for line in lines) == 1
    assert [line for line in lines if line.startswith("TY  -")] == ["TY  - NEWS"]
    assert "TI  - Line one ER - TY - JOUR" in lines and "AU  - Lee, Ann" in lines
    assert "T2  - Daily T2 - Forged" in lines and "KW  - Two lines" in lines
    (record,) = records(text)
    assert [tag for tag, _ in record.fields] == [
        "TY",
        "TI",
        "AU",
        "T2",
        "AB",
        "DA",
        "PY",
        "UR",
        "AN",
        "N1",
        "KW",
    ]
    summary = dict(record.fields)["AB"]
    assert summary.splitlines() == ["First line.", "ER  -", "KW  - forged", "  TY  -", "Last line."]


def test_the_url_goes_to_ur_and_to_url():
    clean = {**ARTICLE, "url": "https://example.com/a"}
    assert "UR  - https://example.com/a\r\n" in ris_record(clean)
    assert csl_item(clean)["URL"] == "https://example.com/a"
    assert "URL" not in csl_item({**ARTICLE, "url": None}) and "UR  -" not in ris_record(
        {**ARTICLE, "url": None}
    )


@pytest.mark.parametrize(
    ("name", "csl", "ris"),
    [
        ("Dave DeCamp", {"family": "DeCamp", "given": "Dave"}, "DeCamp, Dave"),
        ("DeCamp, Dave", {"family": "DeCamp", "given": "Dave"}, "DeCamp, Dave"),
        ("Mary Jane Watson", {"family": "Watson", "given": "Mary Jane"}, "Watson, Mary Jane"),
        ("Ludwig van Beethoven", {"family": "van Beethoven", "given": "Ludwig"}, "van Beethoven, Ludwig"),
        (
            "Martin Luther King Jr.",
            {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
            "King, Martin Luther, Jr.",
        ),
        ("J.R.R. Tolkien", {"family": "Tolkien", "given": "J.R.R."}, "Tolkien, J.R.R."),
        ("Reuters", {"literal": "Reuters"}, "Reuters"),
        ("Reuters Staff", {"literal": "Reuters Staff"}, "Reuters Staff"),
        ("Associated Press", {"literal": "Associated Press"}, "Associated Press"),
        ("AFP", {"literal": "AFP"}, "AFP"),
        ("BBC Monitoring", {"literal": "BBC Monitoring"}, "BBC Monitoring"),
        ("  Zoë   Müller ", {"family": "Müller", "given": "Zoë"}, "Müller, Zoë"),
    ],
)
def test_names_are_split_as_zotero_splits_them(name, csl, ris):
    assert csl_name(name) == csl
    assert ris_name(name) == ris


def test_standard_output_and_a_folder_that_is_not_there(news, tmp_path, capsys):
    assert export_ris("-", [news[2]]) == 1
    assert capsys.readouterr().out.startswith("TY  - NEWS\r\nTI  - C plain\r\n")
    with pytest.raises(OutputError, match="does not exist"):
        export_csl(tmp_path / "gone" / "refs.json")
    assert not (tmp_path / "gone").exists()


def test_a_failed_export_leaves_the_old_file_whole(news, tmp_path, monkeypatch):
    target = tmp_path / "refs.ris"
    target.write_bytes(b"old")

    def broken(article, *, with_text=False):
        raise RuntimeError("disk gone")

    monkeypatch.setattr("catalog.exporting.ris_export.ris_record", broken)
    with pytest.raises(RuntimeError):
        export_ris(target)
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".refs")] == []


def test_the_commands_take_the_selection_options(news, db_path, tmp_path):
    target = tmp_path / "refs.json"
    done = run_catalog("--db", db_path, "export-csl", str(target), "--query", "Pentagon")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"exported 1 article to {target}\n"
    assert [item["title"] for item in csl_items(target)] == ["US sends more weapons"]
    done = run_catalog("--db", db_path, "export-ris", "-", "--ids", f"{news[2]},{news[0]}", "--with-text")
    assert done.returncode == 0, done.stderr
    titles = [line for line in done.stdout.splitlines() if line.startswith("TI  - ")]
    assert titles == ["TI  - C plain", "TI  - US sends more weapons"]
    assert "N1  - Nothing to see." in done.stdout
    done = run_catalog("--db", db_path, "export-ris", str(tmp_path / "x.ris"), "--ids", "999999")
    assert done.returncode != 0 and "no article with id 999999" in done.stderr


@pytest.mark.parametrize("export", [export_csl, export_ris])
def test_a_link_planted_at_the_target_is_replaced_not_followed(news, tmp_path, export):
    precious = tmp_path / "bashrc"
    precious.write_bytes(b"alias ls='ls --color'\n")
    target = tmp_path / "refs.out"
    target.symlink_to(precious)
    assert export(target, [news[0]]) == 1
    assert precious.read_bytes() == b"alias ls='ls --color'\n"
    assert not target.is_symlink() and b"US sends more weapons" in target.read_bytes()
