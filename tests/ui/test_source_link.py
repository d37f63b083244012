"""The article's web address in the reading pane: a link under the by-line, opened in the
system browser only when clicked and only for http, https and ftp; any other address a page
gave is shown as text and never opened. A container record's source says where in the file."""

import gzip
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import QApplication

from catalog.articles import get_article
from catalog.models import Article, ArticleUrl
from catalog.sources import describe_source, split_source
from tests.helpers import SEED_FILE
from tests.ui.driving import import_and_wait, pane
from ui.widgets.reading_pane import LINK_CHARACTERS, ReadingPane, elide_middle, openable_url

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "web-pages"
BOINGBOING = "https://boingboing.net/2013/07/19/hating-millennials-the-preju.html"
WORDPRESS = (
    "https://en.blog.wordpress.com/2019/06/19/"
    "want-to-see-a-more-diverse-wordpress-contributor-community-so-do-we/"
)


@pytest.fixture
def opened(monkeypatch):
    """The URLs handed to the system's browser (none is, for real)."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(QUrl(url)) or True)
    return urls


def import_page(qtbot, window, tmp_path, name: str) -> dict:
    """A real saved page from the corpus, unpacked into ``tmp_path``, imported and shown."""
    page = tmp_path / name.removesuffix(".gz")
    page.write_bytes(gzip.decompress((PAGES / name).read_bytes()))
    report = import_and_wait(qtbot, window, [str(page)])
    window.importer.report_dialog.close()
    assert report.summary() == "1 imported, 0 duplicates, 0 failed"
    article_id = report.imported[0].article_id
    window.articles.select_article(article_id)
    return get_article(article_id)


def text_point(reading: ReadingPane, text: str) -> QPoint:
    """Where, in the pane's viewport, the middle of ``text``'s first occurrence is drawn."""
    found = reading.document().find(text)
    assert not found.isNull(), text
    middle = QTextCursor(reading.document())
    middle.setPosition((found.selectionStart() + found.selectionEnd()) // 2)
    return reading.cursorRect(middle).center()


def click(qtbot, reading: ReadingPane, point: QPoint) -> None:
    qtbot.mouseClick(reading.viewport(), Qt.MouseButton.LeftButton, pos=point)


def address_line(reading: ReadingPane) -> str | None:
    lines = [line for line in reading.toPlainText().splitlines() if line.startswith("From ")]
    return lines[0] if lines else None


def test_an_imported_page_shows_its_address_and_a_click_opens_it(window, qtbot, tmp_path, opened):
    article = import_page(qtbot, window, tmp_path, "boingboing.net.millenials.html.gz")
    assert article["url"] == BOINGBOING
    reading = pane(window)
    assert address_line(reading) == f"From {BOINGBOING}"
    assert opened == []  # showing the article opens nothing
    point = text_point(reading, "boingboing.net/2013")
    assert reading.anchorAt(point) == BOINGBOING
    with qtbot.waitSignal(reading.link_opened) as link:
        click(qtbot, reading, point)
    assert [url.toString() for url in opened] == [BOINGBOING]
    assert link.args[0].toString() == BOINGBOING


def test_the_address_sits_under_the_byline_above_the_source_and_text(window, qtbot, tmp_path, opened):
    import_page(qtbot, window, tmp_path, "boingboing.net.millenials.html.gz")
    lines = [line for line in pane(window).toPlainText().splitlines() if line.strip()]
    at = lines.index(f"From {BOINGBOING}")
    assert lines[at - 1].startswith("Boing Boing · Cory Doctorow · ")  # the by-line
    assert lines[at + 1].startswith("Source: ") and lines[at + 1].endswith("millenials.html")
    assert len(lines) > at + 2  # the article's text follows


def test_a_long_address_is_elided_in_the_middle_and_opened_whole(window, qtbot, tmp_path, opened):
    import_page(qtbot, window, tmp_path, "blog.wordpress.com.diverse.html.gz")
    reading = pane(window)
    shown = address_line(reading).removeprefix("From ")
    assert len(shown) == LINK_CHARACTERS and "…" in shown
    assert shown.startswith("https://en.blog.wordpress.com/2019/")
    assert shown.endswith("community-so-do-we/")
    click(qtbot, reading, text_point(reading, "en.blog.wordpress"))
    assert [url.toString() for url in opened] == [WORDPRESS]


def test_a_click_in_the_text_opens_nothing(window, qtbot, tmp_path, opened):
    import_page(qtbot, window, tmp_path, "boingboing.net.millenials.html.gz")
    reading = pane(window)
    click(qtbot, reading, text_point(reading, "Source: "))
    lines = [line for line in reading.toPlainText().splitlines() if line.strip()]
    click(qtbot, reading, text_point(reading, lines[-1][:20]))
    assert opened == []


def test_the_link_opens_from_the_keyboard(window, qtbot, tmp_path, opened):
    import_page(qtbot, window, tmp_path, "boingboing.net.millenials.html.gz")
    reading = pane(window)
    window.activateWindow()
    reading.setFocus()
    qtbot.waitUntil(reading.hasFocus)
    qtbot.keyClick(reading, Qt.Key.Key_Tab)  # a text browser's Tab goes from link to link
    assert reading.textCursor().charFormat().anchorHref() == BOINGBOING
    qtbot.keyClick(reading, Qt.Key.Key_Return)
    assert [url.toString() for url in opened] == [BOINGBOING]


@pytest.mark.parametrize(
    "hostile",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)//https://example.org/",
        " javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "smb://attacker.example/share",
        "https:///no-host",
    ],
)
def test_an_address_that_is_not_a_web_one_is_text_and_never_opened(window, qtbot, opened, hostile):
    report = import_and_wait(qtbot, window, [str(SEED_FILE)])
    window.importer.report_dialog.close()
    article_id = report.imported[0].article_id
    ArticleUrl.create(article=article_id, url=hostile)
    window.detail.show_article_id(article_id)
    reading = pane(window)
    assert address_line(reading) == f"From {hostile.strip()}"
    point = text_point(reading, hostile.strip()[:10])
    assert reading.anchorAt(point) == ""  # no link: the pointer stays an I-beam, a click selects
    click(qtbot, reading, point)
    reading.anchorClicked.emit(QUrl(hostile))  # even a forged click on it is refused
    assert opened == []


def test_an_article_without_an_address_has_no_address_line(window, qtbot, opened):
    import_and_wait(qtbot, window, [str(SEED_FILE)])
    window.importer.report_dialog.close()
    assert address_line(pane(window)) is None
    assert pane(window).document().toHtml().count("href=") == 0


def test_the_address_stays_a_link_through_a_zoom(window, qtbot, tmp_path, opened):
    import_page(qtbot, window, tmp_path, "boingboing.net.millenials.html.gz")
    reading = pane(window)
    reading.set_zoom(150)
    click(qtbot, reading, text_point(reading, "boingboing.net/2013"))
    assert [url.toString() for url in opened] == [BOINGBOING]


def test_a_container_records_source_names_the_file_and_the_record(window, qtbot):
    report = import_and_wait(qtbot, window, [str(SEED_FILE)])
    window.importer.report_dialog.close()
    article_id = report.imported[0].article_id
    Article.update(source_path="/desk/mail/inbox.mbox#message=3").where(Article.id == article_id).execute()
    window.detail.show_article_id(article_id)
    assert "Source: /desk/mail/inbox.mbox, message 3" in pane(window).toPlainText().splitlines()


def test_sources_in_words():
    assert split_source("/a/b.txt") == ("/a/b.txt", "")
    assert split_source("/a/inbox.mbox#message=12") == ("/a/inbox.mbox", "message=12")
    assert split_source("/a/f#1.xml#item=https://x.org/a#item=2") == (
        "/a/f#1.xml",
        "item=https://x.org/a#item=2",
    )
    assert describe_source("/a/#notes.txt") == "/a/#notes.txt"
    assert describe_source("/a/feed.xml#item=https://x.org/a") == "/a/feed.xml, item https://x.org/a"
    assert (
        describe_source("/a/crawl.warc.gz#record=https://x.org/") == "/a/crawl.warc.gz, record https://x.org/"
    )
    assert describe_source("/a/feed.xml#item=7\n") == "/a/feed.xml, item 7\\n"


def test_which_addresses_open():
    assert openable_url("https://example.org/a?b=c#d").toString() == "https://example.org/a?b=c#d"
    assert openable_url("HTTP://EXAMPLE.ORG/").scheme() == "http"
    assert openable_url("ftp://ftp.example.org/pub/").host() == "ftp.example.org"
    for address in (
        None,
        "",
        "example.org",
        "javascript:alert(1)",
        "mailto:a@b.org",
        "https://exa mple.org/",
    ):
        assert openable_url(address) is None, address


def test_elide_middle():
    assert elide_middle("short", 10) == "short"
    long = "https://example.org/" + "x" * 100 + "/end.html"
    shown = elide_middle(long, 40)
    assert len(shown) == 40 and shown.startswith("https://example.org/") and shown.endswith("end.html")


def test_the_pane_alone_writes_no_html(qtbot, opened):
    """The title and address go in as text: markup in either is shown, not read."""
    reading = ReadingPane()
    qtbot.addWidget(reading)
    article = {
        "title": "<b>Bold</b>",
        "outlet": None,
        "authors": [],
        "date": None,
        "topics": [],
        "body": "Text.",
        "url": 'https://example.org/"><script>x</script>',
    }
    reading.show_article(article)
    shown = reading.toPlainText().splitlines()
    assert shown[0] == "<b>Bold</b>"
    assert 'From https://example.org/"><script>x</script>' in shown
    assert opened == []


def test_the_whole_address_of_an_elided_link_can_be_copied(window, qtbot, tmp_path, opened):
    import_page(qtbot, window, tmp_path, "blog.wordpress.com.diverse.html.gz")
    reading = pane(window)
    menu = reading.createStandardContextMenu(text_point(reading, "en.blog.wordpress"))
    qtbot.addWidget(menu)
    [copy_link] = [action for action in menu.actions() if "Link Location" in action.text()]
    copy_link.trigger()
    assert QApplication.clipboard().text() == WORDPRESS
    assert opened == []
