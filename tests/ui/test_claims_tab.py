"""The Claims tab at 1200×760: the claims, the chosen claim's fields and its links at once,
no text cut; Suggested Links keeps its place; Link Claim offers other articles' claims."""

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QScrollArea

from catalog.claims.store import add_claim_by_text, claims_of_article, get_claim, link_claims, links_of
from catalog.models import Article
from tests.helpers import article_file
from tests.ui.driving import import_and_wait
from ui.dialogs.claim_suggestions import SuggestionsDialog
from ui.dialogs.link_claim import LinkClaimDialog

# From a real report (the seed article's story): long enough to wrap over three lines.
LONG_CLAIM = (
    'White House officials are "losing confidence" that Ukraine will be able to retake all the '
    "territory Russia has captured since it invaded the country in February, according to a report from CNN."
)
REPEATS = [
    (
        "Radio",
        "Bo Chan",
        "Weekly",
        "2022-03-05",
        "Farm news first. The radio said taxes will fall next year.",
    ),
    (
        "Paper",
        "Cy Diaz",
        "Daily",
        "2022-03-06",
        "Markets rose. A paper wrote that taxes will fall next year.",
    ),
    ("Blog", "", "Blogs", "2022-03-07", "Weather today. A blog repeated that taxes will fall next year."),
]


@pytest.fixture
def desk(window, qtbot, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    body = f"{LONG_CLAIM} The minister said taxes will fall next year. Critics disagreed."
    (folder / "0.txt").write_text(
        article_file("Budget day", body, header=" date 2022-03-01 Authored by Ann Lee via Daily,"),
        encoding="utf-8",
    )
    for number, (title, author, outlet, date, text) in enumerate(REPEATS, 1):
        by = f" Authored by {author}" if author else ""
        header = f" date {date}{by} via {outlet},"
        (folder / f"{number}.txt").write_text(article_file(title, text, header=header), encoding="utf-8")
    import_and_wait(qtbot, window, [str(folder)])
    window.ids = {title: i for i, title in Article.select(Article.id, Article.title).tuples()}
    return window


def test_claims_fields_and_links_show_together_uncut_at_1200_by_760(desk, qtbot):
    budget = desk.ids["Budget day"]
    claim = add_claim_by_text(budget, LONG_CLAIM, claimant="Unnamed US officials", verdict="mostly false")
    for title in ("Radio", "Paper"):
        other = add_claim_by_text(desk.ids[title], "taxes will fall next year")
        link_claims(other, claim, "contradicts", "a note")
    desk.resize(1200, 760)
    desk.show()
    qtbot.waitExposed(desk)
    desk.articles.select_article(budget)
    desk.detail.show_article_claims(budget)
    assert desk.detail.show_claim(claim)
    qtbot.wait(50)
    panel = desk.detail.claims_panel
    scroll = panel.findChild(QScrollArea, "claimsScroll")
    viewport = scroll.viewport()
    assert scroll.verticalScrollBar().maximum() == 0, "the Claims tab scrolls"
    for view, rows in ((panel.claims_view, 1), (panel.links_view, 2)):
        assert view.isVisible() and view.model().rowCount() == rows
        bottom = view.mapTo(viewport, QPoint(0, view.height())).y()
        assert bottom <= viewport.height(), f"{view.objectName()} is below the tab's edge"
        assert view.visualRect(view.model().index(0, 0)).bottom() <= view.viewport().height()
    assert panel.editor.quote.text() == f"“{LONG_CLAIM}”"
    for label in panel.findChildren(QLabel):
        if not label.isVisible():
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            assert needed <= label.height(), f"{label.text()!r} is cut: {needed} > {label.height()}"
        else:
            assert label.sizeHint().width() <= label.width(), f"{label.text()!r} is cut"
    verdict = panel.findChild(QComboBox, "verdictCombo")
    assert verdict.currentText() == "Mostly false" and verdict.sizeHint().width() <= verdict.width()
    # What the tab needs, for whoever lays out the window (a test, not a guess).
    assert scroll.widget().minimumSizeHint().height() <= viewport.height()


def suggestions_of(desk, qtbot) -> SuggestionsDialog:
    desk.articles.select_article(desk.ids["Budget day"])
    claim = add_claim_by_text(desk.ids["Budget day"], "The minister said taxes will fall next year.")
    desk.detail.show_article_claims(desk.ids["Budget day"], keep=claim)
    qtbot.mouseClick(desk.detail.claims_panel.buttons["suggest"], Qt.MouseButton.LeftButton)
    dialog = desk.findChild(SuggestionsDialog, "suggestionsDialog")
    qtbot.waitExposed(dialog)
    dialog.claim_id = claim
    return dialog


def test_suggestions_show_outlet_date_and_claimant_and_keep_the_row_linked(desk, qtbot, qtmodeltester):
    dialog = suggestions_of(desk, qtbot)
    model = dialog.model
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Kind", "Text", "Outlet", "Date", "Claimant", "Article"]
    rows = {
        model.index(r, 5).data(): [model.index(r, c).data() for c in range(5)]
        for r in range(model.rowCount())
    }
    assert rows["Paper"][2:] == ["Daily", "2022-03-06", "Cy Diaz"]
    assert rows["Blog"][2:] == ["Blogs", "2022-03-07", "Blogs"]  # no author: the outlet claims it
    second = model.index(1, 1).data()
    dialog.view.selectRow(1)
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    [view] = links_of(dialog.claim_id)
    assert view.other["text"] in second
    assert dialog.view.currentIndex().row() == 1 and model.index(1, 0).data() == "Passage (linked)"
    assert not dialog.link_button.isEnabled()
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)  # a second click links nothing
    assert len(links_of(dialog.claim_id)) == 1
    dialog.view.selectRow(2)
    third = model.index(2, 1).data()
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    linked = {v.other["text"] for v in links_of(dialog.claim_id)}
    assert len(linked) == 2 and any(text in third for text in linked)
    assert dialog.view.currentIndex().row() == 2
    qtmodeltester.check(model)
    made = [get_claim(v.other["id"]) for v in links_of(dialog.claim_id)]
    assert sorted(c["claimant"] for c in made) == sorted(
        model.index(r, 4).data() for r in sorted(model.linked)
    )
    dialog.close()


def test_link_claim_offers_only_other_articles_claims(desk, qtbot):
    budget = desk.ids["Budget day"]
    own = add_claim_by_text(budget, "Critics disagreed.")
    claim = add_claim_by_text(budget, "The minister said taxes will fall next year.")
    other = add_claim_by_text(desk.ids["Radio"], "taxes will fall next year")
    desk.articles.select_article(budget)
    desk.detail.show_article_claims(budget, keep=claim)
    offered = []

    def look() -> None:
        dialog = desk.findChild(LinkClaimDialog, "linkClaimDialog")
        offered.extend(dialog.model.claim_id(row) for row in dialog.model.rows)
        dialog.reject()

    QTimer.singleShot(0, look)
    qtbot.mouseClick(desk.detail.claims_panel.buttons["link"], Qt.MouseButton.LeftButton)
    assert offered == [other] and own not in offered
    assert len(claims_of_article(budget)) == 2
