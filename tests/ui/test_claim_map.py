"""The claim map: drawn from a real claim graph, plain text only, clickable, first appearance marked."""

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsTextItem

from catalog.catalogue import close_catalogue, open_catalogue
from catalog.claims.store import RELATIONS, add_claim_by_text, claim_graph, get_claim, link_claims
from catalog.importing import import_paths
from tests.helpers import article_file
from ui.widgets.claim_map import FIRST_APPEARANCE, RELATION_COLOURS, ClaimMapDialog

MARKUP = "<b>bold</b> & <script>"
ARTICLES = [
    ("Budget day", "The minister said taxes will fall next year.", " date 2022-03-01 via Daily,"),
    ("Tax promises", "The radio repeated that taxes will fall next year.", " date 2022-03-05 via Weekly,"),
    (
        "Deficit fears",
        f"Critics said the deficit would grow instead. A reader wrote {MARKUP} in the comments.",
        " date 2022-03-09 via Fact Desk,",
    ),
]


@pytest.fixture
def claims(tmp_path):
    """Four claims over three dated articles, linked by four different relations; the oldest is ``a``."""
    open_catalogue(str(tmp_path / "c.sqlite3"))
    paths = []
    for number, (title, body, header) in enumerate(ARTICLES):
        path = tmp_path / f"{number}.txt"
        path.write_text(article_file(title, body, header=header), encoding="utf-8")
        paths.append(path)
    articles = [item.article_id for item in import_paths(paths).imported]
    ids = {
        "a": add_claim_by_text(articles[0], "taxes will fall next year", claimant="Minister"),
        "b": add_claim_by_text(articles[1], "taxes will fall next year", verdict="false"),
        "c": add_claim_by_text(articles[2], "the deficit would grow instead"),
        "d": add_claim_by_text(articles[2], MARKUP),
    }
    link_claims(ids["b"], ids["a"], "repeats")
    link_claims(ids["c"], ids["b"], "contradicts")
    link_claims(ids["c"], ids["a"], "debunks")
    link_claims(ids["d"], ids["c"], "cites")
    yield ids
    close_catalogue()


@pytest.fixture
def dialog(qtbot, claims):
    shown = ClaimMapDialog(claim_graph(claims["b"], steps=2), claims["b"])
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def node_texts(claim_map, claim_id: int) -> list[str]:
    item = claim_map.node_item(claim_id)
    return [child.toPlainText() for child in item.childItems() if isinstance(child, QGraphicsTextItem)]


def test_the_map_draws_every_claim_and_its_links(dialog, claims, tmp_path):
    claim_map = dialog.map
    assert (dialog.objectName(), dialog.windowTitle(), claim_map.objectName()) == (
        "claimMapDialog",
        "Claim Map",
        "claimMap",
    )
    assert claim_map.node_count() == len(claims)
    assert sorted(claim_map.edge_labels()) == ["cites", "contradicts", "debunks", "repeats"]
    assert dialog.header.text() == "“taxes will fall next year” and 3 linked claims"
    image = claim_map.grab().toImage()
    assert image.save(str(tmp_path / "claim_map.png"))
    background = image.pixel(2, 2)
    pixels = [image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)]
    assert len(set(pixels)) > 3
    assert sum(pixel != background for pixel in pixels) > len(pixels) // 50


def test_relations_have_distinct_colours():
    assert set(RELATION_COLOURS) == set(RELATIONS)
    assert len({colour.name() for colour in RELATION_COLOURS.values()}) == len(RELATIONS)


def test_claim_text_shows_literally_never_as_markup(dialog, claims):
    texts = node_texts(dialog.map, claims["d"])
    assert any(MARKUP in text for text in texts)
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in dialog.map.node_item(claims["d"]).toolTip()


def test_each_node_heads_with_outlet_and_date(dialog, claims):
    assert node_texts(dialog.map, claims["b"])[0] == "Weekly · 2022-03-05"


def test_clicking_a_node_chooses_its_claim(dialog, claims, qtbot):
    claim = get_claim(claims["c"])
    centre = dialog.map.node_rect(claims["c"]).center().toPoint()
    assert dialog.map.viewport().rect().contains(centre)
    with qtbot.waitSignal(dialog.claim_chosen, timeout=2000) as chosen:
        qtbot.mouseClick(dialog.map.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert chosen.args == [claim["article_id"], claims["c"]]


def test_the_oldest_claim_is_marked_as_the_first_appearance(dialog, claims):
    first = dialog.map.node_item(claims["a"])
    assert first.badge is not None and first.badge.text() == FIRST_APPEARANCE
    others = [dialog.map.node_item(claims[name]) for name in "bcd"]
    assert all(item.badge is None for item in others)


def test_dragging_the_map_from_a_node_does_not_choose_it(dialog, claims):
    """A press on a node that turns into a pan of the map is not a click on the claim."""
    chosen = []
    dialog.claim_chosen.connect(lambda *args: chosen.append(args))
    viewport = dialog.map.viewport()
    start = dialog.map.node_rect(claims["c"]).center()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, point, button, buttons in (
        (QEvent.Type.MouseButtonPress, start, left, left),
        (QEvent.Type.MouseMove, start + QPointF(40, 0), none, left),
        (QEvent.Type.MouseButtonRelease, start + QPointF(40, 0), left, none),
    ):
        event = QMouseEvent(
            kind, point, viewport.mapToGlobal(point), button, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(viewport, event)
    assert chosen == []
