"""The claim map: a claim and the claims linked to it, laid out left to right in time order.

Each node is a claim where an outlet carried it, headed by the outlet and the day its article
appeared. Drawn with the claim's copies (``catalog.claims.travel.claim_graph_with_copies``), the
map also shows the claim's passage in copies of its article that lack it (dashed, joined to the
claim by a dotted line), and a line above it names every outlet that carried the claim, by date.

Nodes alternate between two rows so that links between neighbours cross the band between the
rows, and links along one row bow out above or below it; no link has to pass behind a node.
Every piece of claim text goes in as plain text, so a claim quoting ``<b>`` shows ``<b>``.
"""

import html
import math
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from catalog.claims.store import PHRASES, RELATIONS, SYMMETRIC

#: Mid-tone colours: dark enough to read on a light base, light enough to read on a dark one.
RELATION_COLOURS = {
    "repeats": QColor("#6f8fb5"),
    "supports": QColor("#3f9e55"),
    "contradicts": QColor("#e0782a"),
    "cites": QColor("#9270c8"),
    "debunks": QColor("#cf3b3b"),
}
#: Dashes tell relations apart for readers who cannot tell the colours apart.
RELATION_STYLES = {"cites": Qt.PenStyle.DashLine}

FIRST_APPEARANCE = "First appearance"
TEXT_WIDTH = 220
PADDING = 10
NODE_WIDTH = TEXT_WIDTH + 2 * PADDING
COLUMN_STEP = 170  #: less than a node's width: the two rows interleave
BAND = 130  #: height of the gap between the rows, where links between them run
ELIDE_AT = 90
EDGE_WIDTH = 2.0
ARROW_SIZE = 11.0
MIN_FIT_SCALE = 0.5  #: below this text is too small to read; a bigger map scrolls instead
NODE_RADIUS = 8.0


def elided(text: str, limit: int = ELIDE_AT) -> str:
    """Collapse whitespace and cut at a word near ``limit`` so every node stays a similar size."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    at_word = cut.rpartition(" ")[0]
    if len(at_word) >= limit // 2:
        cut = at_word
    return cut.rstrip(" ,.;:") + "…"


def node_heading(outlet: str | None, date: str | None) -> str:
    return f"{outlet or 'Unknown outlet'} · {date or 'date unknown'}"


def node_tooltip(node) -> str:
    """Rich text for Qt's tooltip, with every field escaped so claim text never turns into markup."""
    claim = node.claim
    lines = [
        f"<p style='white-space:pre-wrap'>{html.escape(claim['text'])}</p>",
        f"<b>Claimant:</b> {html.escape(claim.get('claimant') or 'unknown')}",
        f"<b>Made on:</b> {html.escape(claim.get('claim_date') or 'date unknown')}",
        f"<b>Verdict:</b> {html.escape(claim.get('verdict') or 'unrated')}",
        f"<b>Article:</b> {html.escape(node.article_title or '')}",
    ]
    return "<br>".join(lines)


@dataclass(frozen=True)
class PassageNode:
    """A claim's passage in a copy that lacks the claim, drawn as a node of its own."""

    passage: object  #: catalog.claims.travel.Passage

    @property
    def claim(self) -> dict:
        return {"id": None, "article_id": self.passage.article_id, "text": self.passage.text}

    @property
    def outlet(self) -> str | None:
        return self.passage.outlet

    @property
    def article_title(self) -> str:
        return ""

    @property
    def when(self) -> str | None:
        return self.passage.date.isoformat() if self.passage.date else None


def passage_tooltip(node: PassageNode) -> str:
    passage = node.passage
    how = "the same words" if passage.exact else "the same passage, a few words changed"
    return (
        f"<p style='white-space:pre-wrap'>{html.escape(passage.text)}</p>"
        f"<b>Not marked yet:</b> {how}, in {html.escape(passage.outlet or 'an unknown outlet')}'s copy."
        "<br>Click to open it; Claims ▸ Mark in All Copies marks it."
    )


def relation_pen(relation: str, width: float = EDGE_WIDTH) -> QPen:
    pen = QPen(RELATION_COLOURS[relation], width)
    pen.setStyle(RELATION_STYLES.get(relation, Qt.PenStyle.SolidLine))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def arrow_head(tip: QPointF, towards: QPointF, size: float = ARROW_SIZE) -> QPolygonF:
    """A triangle with its point at ``tip``, coming from the direction of ``towards``."""
    angle = math.atan2(tip.y() - towards.y(), tip.x() - towards.x())
    spread = math.radians(26)
    return QPolygonF(
        [
            tip,
            tip - QPointF(math.cos(angle - spread) * size, math.sin(angle - spread) * size),
            tip - QPointF(math.cos(angle + spread) * size, math.sin(angle + spread) * size),
        ]
    )


class NodeItem(QGraphicsPathItem):
    """One claim: a rounded box with its outlet and date over the start of its text."""

    def __init__(self, node, palette: QPalette, *, focused: bool, first: bool):
        super().__init__()
        self.node = node
        self.claim_id = node.claim["id"]
        self.article_id = node.claim["article_id"]
        self.setData(0, self.claim_id)
        self.setToolTip(node_tooltip(node))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(2)
        self.heading = self._text(node_heading(node.outlet, node.when), palette, bold=True, scale=0.9)
        self.body = self._text(elided(node.claim["text"]), palette)
        self.body.setPos(PADDING, PADDING + self.heading.boundingRect().height())
        self.heading.setPos(PADDING, PADDING)
        height = self.body.pos().y() + self.body.boundingRect().height() + PADDING
        self.box = QRectF(0, 0, NODE_WIDTH, height)
        path = QPainterPath()
        path.addRoundedRect(self.box, NODE_RADIUS, NODE_RADIUS)
        self.setPath(path)
        self.setBrush(palette.color(QPalette.ColorRole.Base))
        self.setPen(self._border(palette, focused))
        self.badge = Badge(FIRST_APPEARANCE, palette, self) if first else None

    def _text(self, text: str, palette: QPalette, *, bold: bool = False, scale: float = 1.0):
        item = QGraphicsTextItem(self)
        item.setPlainText(text)
        item.setTextWidth(TEXT_WIDTH)
        item.document().setDocumentMargin(0)
        item.setDefaultTextColor(palette.color(QPalette.ColorRole.Text))
        font = QFont(item.font())
        font.setBold(bold)
        if scale != 1.0 and font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
        item.setFont(font)
        item.setAcceptHoverEvents(False)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        return item

    @staticmethod
    def _border(palette: QPalette, focused: bool) -> QPen:
        """The claim the map is drawn for stands out by a thick border in the highlight colour."""
        if focused:
            return QPen(palette.color(QPalette.ColorRole.Highlight), 3.5)
        colour = palette.color(QPalette.ColorRole.Text)
        colour.setAlphaF(0.45)
        return QPen(colour, 1.2)

    @property
    def on_top_row(self) -> bool:
        return self.pos().y() < 0

    def centre_x(self) -> float:
        return self.pos().x() + self.box.width() / 2

    def anchors(self, side: str, towards: list[float]) -> list[QPointF]:
        """Points on the top or bottom border for links heading to ``towards`` (x of their other ends,
        already in order): one link leans toward its other end, several spread along the border."""
        y = self.pos().y() + (0.5 if side == "top" else self.box.height() - 0.5)
        reach = NODE_WIDTH / 2 - NODE_RADIUS - 8
        centre = self.centre_x()
        if len(towards) == 1:
            return [QPointF(centre + max(-reach, min(reach, (towards[0] - centre) * 0.3)), y)]
        step = 2 * reach / (len(towards) - 1)
        return [QPointF(centre - reach + index * step, y) for index in range(len(towards))]


class PassageItem(NodeItem):
    """A passage in a copy, not a claim yet: a dashed box; clicking it opens the copy there."""

    def __init__(self, node: PassageNode, palette: QPalette, *, first: bool):
        super().__init__(node, palette, focused=False, first=first)
        self.passage = node.passage
        if not self.passage.exact:
            self.heading.setPlainText(f"{self.heading.toPlainText()} · words changed")
        self.setToolTip(passage_tooltip(node))
        pen = self._border(palette, False)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setBrush(palette.color(QPalette.ColorRole.Window))


class Badge(QGraphicsPathItem):
    """A pill on a node's top border: the oldest claim on the map is marked as the first appearance."""

    def __init__(self, text: str, palette: QPalette, parent: QGraphicsItem):
        super().__init__(parent)
        self.label = QGraphicsSimpleTextItem(text, self)
        font = QFont(self.label.font())
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.85)
        self.label.setFont(font)
        self.label.setBrush(palette.color(QPalette.ColorRole.HighlightedText))
        size = self.label.boundingRect().size()
        rect = QRectF(0, 0, size.width() + 14, size.height() + 4)
        path = QPainterPath()
        path.addRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        self.setPath(path)
        self.setBrush(palette.color(QPalette.ColorRole.Highlight))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.label.setPos(7, 2)
        self.setPos(PADDING, -rect.height() / 2)

    def text(self) -> str:
        return self.label.text()


class EdgeLabel(QGraphicsPathItem):
    """The relation's name on a small pill, so it reads even where it sits on its line."""

    def __init__(self, relation: str, palette: QPalette):
        super().__init__()
        self.label = QGraphicsSimpleTextItem(relation, self)
        font = QFont(self.label.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.85)
        font.setBold(True)
        self.label.setFont(font)
        self.label.setBrush(RELATION_COLOURS[relation])
        size = self.label.boundingRect().size()
        self.rect = QRectF(
            -size.width() / 2 - 6, -size.height() / 2 - 2, size.width() + 12, size.height() + 4
        )
        path = QPainterPath()
        path.addRoundedRect(self.rect, self.rect.height() / 2, self.rect.height() / 2)
        self.setPath(path)
        self.setBrush(palette.color(QPalette.ColorRole.Window))
        self.setPen(QPen(RELATION_COLOURS[relation], 1))
        self.label.setPos(-size.width() / 2, -size.height() / 2)
        self.setZValue(3)

    def text(self) -> str:
        return self.label.text()


class EdgeLine(QGraphicsPathItem):
    """A link's curve; only the line itself, not the area under an arc, answers the mouse."""

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(EDGE_WIDTH + 8)
        return stroker.createStroke(self.path())


@dataclass
class Edge:
    """A link as drawn: its two nodes, and where its line meets their borders."""

    link: dict
    source: NodeItem
    target: NodeItem
    bend: float  #: extra curve for a second link between the same two claims
    start: QPointF = field(default_factory=QPointF)
    end: QPointF = field(default_factory=QPointF)

    @property
    def across(self) -> bool:
        """True when the link runs across the band between the rows rather than along one row."""
        return self.source.on_top_row != self.target.on_top_row

    def side(self, node: NodeItem) -> str:
        """Which border of ``node`` the link leaves from: the band side for links across it."""
        facing_band = "bottom" if node.on_top_row else "top"
        away_from_band = "top" if node.on_top_row else "bottom"
        return facing_band if self.across else away_from_band

    def other(self, node: NodeItem) -> NodeItem:
        return self.target if node is self.source else self.source


class ClaimMap(QGraphicsView):
    """Draws a ``ClaimGraph``; clicking a claim emits ``claim_chosen(article_id, claim_id)``, a
    passage not marked ``passage_chosen(article_id, start, end)``."""

    claim_chosen = Signal(int, int)
    passage_chosen = Signal(int, int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("claimMap")
        self.setAccessibleName("Claim map")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(self.palette().color(QPalette.ColorRole.Window))
        self._nodes: dict[int, NodeItem] = {}
        self._passages: dict[int, PassageItem] = {}  #: by the copy's article id
        self._labels: list[EdgeLabel] = []
        self._pressed: tuple[QPoint, NodeItem] | None = None
        self._focus: int | None = None
        self._zoomed = False

    # --- drawing ---------------------------------------------------------------------

    def show_graph(self, graph, focus_claim_id: int) -> None:
        """Replace whatever was drawn with ``graph``, the claim ``focus_claim_id`` standing out."""
        self.scene().clear()
        self._nodes, self._passages, self._labels = {}, {}, []
        self._zoomed = False
        self._focus = focus_claim_id
        palette = self.palette()
        timeline = sorted(
            [*graph.nodes, *(PassageNode(passage) for passage in getattr(graph, "passages", []))],
            key=lambda node: (node.when is None, node.when or ""),  # stable: claims keep their order
        )
        items = []
        for index, node in enumerate(timeline):
            if isinstance(node, PassageNode):
                item = PassageItem(node, palette, first=index == 0)
                self._passages[item.article_id] = item
            else:
                item = NodeItem(node, palette, focused=node.claim["id"] == focus_claim_id, first=index == 0)
                self._nodes[item.claim_id] = item
            self.scene().addItem(item)
            items.append(item)
        self._place_nodes(items)
        edges = self._edges(graph.links) + self._passage_edges()
        self._anchor(edges)
        for edge in edges:
            self._draw_edge(edge, palette)
        rect = self.scene().itemsBoundingRect().adjusted(-24, -24, 24, 24)
        self.scene().setSceneRect(rect)
        self.fit()

    def _place_nodes(self, items: list[NodeItem]) -> None:
        """Odd-numbered nodes go on the lower row: row one hangs above the band, row two below it."""
        for index, item in enumerate(items):
            x = index * COLUMN_STEP
            item.setPos(x, -item.box.height() if index % 2 == 0 else BAND)

    def _edges(self, links: list[dict]) -> list[Edge]:
        """Links between claims on the map; a second link between the same pair curves apart."""
        edges, seen = [], {}
        for link in links:
            source, target = self._nodes.get(link["source_id"]), self._nodes.get(link["target_id"])
            if source is None or target is None:
                continue
            pair = frozenset((source.claim_id, target.claim_id))
            count = seen.get(pair, 0)
            seen[pair] = count + 1
            bend = 0.0 if count == 0 else 28.0 * ((count + 1) // 2) * (1 if count % 2 else -1)
            edges.append(Edge(link, source, target, bend))
        return edges

    def _passage_edges(self) -> list[Edge]:
        """A dotted line from each passage not marked to the claim the map is drawn for."""
        focus = self._nodes.get(self._focus)
        if focus is None:
            return []
        return [
            Edge({"relation": "repeats", "note": "", "passage": True}, item, focus, 0.0)
            for item in self._passages.values()
        ]

    @staticmethod
    def _anchor(edges: list[Edge]) -> None:
        """Give each link its own point on each node's border, ordered so lines leaving one border do
        not cross there: across the band by where the other end is, arcs so the longest is outermost."""
        ends: dict[tuple[int, str], list[tuple[tuple, Edge, bool]]] = {}
        for edge in edges:
            for node, is_start in ((edge.source, True), (edge.target, False)):
                other_x = edge.other(node).centre_x()
                if edge.across:
                    key = (other_x, edge.bend)
                else:
                    key = (other_x > node.centre_x(), -other_x, edge.bend)
                ends.setdefault((id(node), edge.side(node)), []).append((key, edge, is_start))
        for (_, side), group in ends.items():
            group.sort(key=lambda end: end[0])
            node = group[0][1].source if group[0][2] else group[0][1].target
            points = node.anchors(side, [edge.other(node).centre_x() for _, edge, _ in group])
            for point, (_, edge, is_start) in zip(points, group):
                if is_start:
                    edge.start = point
                else:
                    edge.end = point

    def _draw_edge(self, edge: Edge, palette: QPalette) -> None:
        relation = edge.link["relation"]
        start, control, end = self._route(edge)
        path = QPainterPath(start)
        path.quadTo(control, end)
        line = EdgeLine(path)
        line.setZValue(1)
        if edge.link.get("passage"):  # not a link yet: no name on it
            pen = relation_pen(relation, EDGE_WIDTH * 0.75)
            pen.setStyle(Qt.PenStyle.DotLine)
            line.setPen(pen)
            line.setToolTip(passage_tooltip(PassageNode(edge.source.passage)))
            self.scene().addItem(line)
            return
        line.setPen(relation_pen(relation))
        line.setToolTip(self._edge_tooltip(edge))
        self.scene().addItem(line)
        if relation not in SYMMETRIC:
            head = QGraphicsPolygonItem(arrow_head(end, path.pointAtPercent(0.94)))
            head.setBrush(RELATION_COLOURS[relation])
            head.setPen(QPen(RELATION_COLOURS[relation], 1))
            head.setZValue(1)
            self.scene().addItem(head)
        self._place_label(EdgeLabel(relation, palette), path)

    def _route(self, edge: Edge) -> tuple[QPointF, QPointF, QPointF]:
        """Start, control point and end of a link's curve.

        Between the rows the link runs straight across the band; along one row it arcs over (or
        under) the nodes between its ends, higher the farther apart they are."""
        start, end = edge.start, edge.end
        if edge.across:
            return start, (start + end) / 2 + self._normal(start, end) * edge.bend, end
        top_row = edge.source.on_top_row
        rise = 28 + 0.1 * abs(end.x() - start.x()) + abs(edge.bend)
        peak = min(start.y(), end.y()) - rise if top_row else max(start.y(), end.y()) + rise
        middle_y = (start.y() + end.y()) / 2
        return start, QPointF((start.x() + end.x()) / 2, 2 * peak - middle_y), end

    @staticmethod
    def _normal(start: QPointF, end: QPointF) -> QPointF:
        line = QLineF(start, end)
        if line.length() == 0:
            return QPointF(0, 0)
        unit = line.normalVector().unitVector()
        return QPointF(unit.dx(), unit.dy())

    def _place_label(self, label: EdgeLabel, path: QPainterPath) -> None:
        """Put the label at the middle of its link, or slide it along the link until it sits clear of the
        labels and nodes already placed."""
        for t in (0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8):
            label.setPos(path.pointAtPercent(t))
            if not self._crowded(label):
                break
        else:
            label.setPos(path.pointAtPercent(0.5))
        self.scene().addItem(label)
        self._labels.append(label)

    def _crowded(self, label: EdgeLabel) -> bool:
        rect = label.rect.translated(label.pos()).adjusted(-3, -3, 3, 3)
        boxes = [other.rect.translated(other.pos()) for other in self._labels]
        boxes += [node.sceneBoundingRect() for node in [*self._nodes.values(), *self._passages.values()]]
        return any(rect.intersects(box) for box in boxes)

    def _edge_tooltip(self, edge: Edge) -> str:
        source_phrase = PHRASES[edge.link["relation"]][0]
        text = f"“{elided(edge.source.node.claim['text'], 60)}” {source_phrase} “"
        text += f"{elided(edge.target.node.claim['text'], 60)}”"
        if edge.link.get("note"):
            text += f"\n\n{edge.link['note']}"
        return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"

    # --- reading back -----------------------------------------------------------------

    def node_count(self) -> int:
        return len(self._nodes)

    def node_item(self, claim_id: int) -> NodeItem:
        return self._nodes[claim_id]

    def node_rect(self, claim_id: int) -> QRectF:
        """Where the claim's node is in viewport coordinates, for clicking it."""
        return QRectF(self.mapFromScene(self._nodes[claim_id].sceneBoundingRect()).boundingRect())

    def passage_items(self) -> dict[int, "PassageItem"]:
        """The passages not marked, by their copy's article id."""
        return dict(self._passages)

    def passage_rect(self, article_id: int) -> QRectF:
        return QRectF(self.mapFromScene(self._passages[article_id].sceneBoundingRect()).boundingRect())

    def timeline(self) -> list[NodeItem]:
        """Every node, claims and passages, left to right."""
        return sorted([*self._nodes.values(), *self._passages.values()], key=lambda item: item.pos().x())

    def edge_labels(self) -> list[str]:
        return [label.text() for label in self._labels]

    # --- view -------------------------------------------------------------------------

    def fit(self) -> None:
        """Show the whole map, shrunk if it must be but never blown up past its natural size; a map
        too big to read whole opens at the smallest readable size, around the claim it is drawn for."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self.resetTransform()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        scale = self.transform().m11()
        if scale > 1.0:
            self.resetTransform()
            self.centerOn(rect.center())
        elif scale < MIN_FIT_SCALE:
            self.resetTransform()
            self.scale(MIN_FIT_SCALE, MIN_FIT_SCALE)
            focus = self._nodes.get(self._focus)
            self.centerOn(focus.sceneBoundingRect().center() if focus else rect.center())

    def showEvent(self, event):
        super().showEvent(event)
        if not self._zoomed:
            self.fit()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if not self._zoomed:
            self.fit()

    def wheelEvent(self, event):
        """Ctrl+wheel zooms (up to twice natural size); the plain wheel scrolls as usual."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        if 0.1 < self.transform().m11() * factor < 2.0:
            self.scale(factor, factor)
            self._zoomed = True
        event.accept()

    # --- clicking ---------------------------------------------------------------------

    def _node_at(self, position: QPoint) -> NodeItem | None:
        item = self.itemAt(position)
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        return item

    def mousePressEvent(self, event):
        """Remember which node a left press landed on; the release decides whether it was a click."""
        position = event.position().toPoint()
        node = self._node_at(position) if event.button() == Qt.MouseButton.LeftButton else None
        self._pressed = (position, node) if node else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event):
        """A click, not a drag of the map, on the node the press landed on chooses its claim."""
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, None
        if pressed is None or event.button() != Qt.MouseButton.LeftButton:
            return
        position = event.position().toPoint()
        moved = (position - pressed[0]).manhattanLength()
        if moved <= 4 and self._node_at(position) is pressed[1]:
            if isinstance(pressed[1], PassageItem):
                passage = pressed[1].passage
                self.passage_chosen.emit(passage.article_id, passage.start, passage.end)
            else:
                self.claim_chosen.emit(pressed[1].article_id, pressed[1].claim_id)


def legend_swatch(relation: str) -> QPixmap:
    """A short stretch of the relation's line, with an arrowhead if the relation has a direction."""
    pixmap = QPixmap(QSize(30, 12))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(relation_pen(relation))
    end = QPointF(29 if relation in SYMMETRIC else 22, 6)
    painter.drawLine(QPointF(2, 6), end)
    if relation not in SYMMETRIC:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(RELATION_COLOURS[relation]))
        painter.drawPolygon(arrow_head(QPointF(29, 6), QPointF(0, 6), 9))
    painter.end()
    return pixmap


def passage_swatch() -> QPixmap:
    """A small dashed box: a passage in a copy, not marked yet."""
    pixmap = QPixmap(QSize(22, 14))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QPalette().color(QPalette.ColorRole.Text)
    colour.setAlphaF(0.6)
    pen = QPen(colour, 1.2)
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawRoundedRect(QRectF(1, 1, 20, 12), 3, 3)
    painter.end()
    return pixmap


def legend(*, passages: bool = False) -> QWidget:
    """The relations' colours in a row, each explained in words on hover; with ``passages``,
    the dashed box of a passage not marked too."""
    row = QWidget()
    row.setObjectName("claimMapLegend")
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for relation in RELATIONS:
        swatch = QLabel()
        swatch.setPixmap(legend_swatch(relation))
        word = QLabel(relation)
        word.setTextFormat(Qt.TextFormat.PlainText)
        note = "either way round" if relation in SYMMETRIC else "the arrow points from A to B"
        for widget in (swatch, word):
            widget.setToolTip(f"A {PHRASES[relation][0]} B: {note}")
        layout.addWidget(swatch)
        layout.addWidget(word)
        layout.addSpacing(10)
    if passages:
        swatch, word = QLabel(), QLabel("in a copy, not marked")
        swatch.setPixmap(passage_swatch())
        for widget in (swatch, word):
            widget.setToolTip("The claim's words in a copy of its article that lacks the claim")
        layout.addWidget(swatch)
        layout.addWidget(word)
    layout.addStretch(1)
    return row


#: Outlets named in the "Carried by" line at most; the rest are counted.
CARRIERS_NAMED = 8


def carried_line(carriers: list) -> str:
    """ "Carried by 4 outlets, 2022-06-29 to 2022-07-02: AntiWar.com (first), Reuters, …": who
    carried the claim, in the order they did (``catalog.claims.travel.carriers``); empty when
    only one did."""
    if len(carriers) < 2:
        return ""
    names: dict[str, bool] = {}  # outlet: marked there
    for carrier in carriers:
        name = carrier.outlet or "unknown outlet"
        names[name] = names.get(name, False) or carrier.claim_id is not None
    dates = [carrier.date for carrier in carriers if carrier.date]
    span = f", {min(dates).isoformat()} to {max(dates).isoformat()}" if len(set(dates)) > 1 else ""
    shown = []
    for index, (name, marked) in enumerate(names.items()):
        if index == CARRIERS_NAMED:
            shown.append(f"and {len(names) - CARRIERS_NAMED} more")
            break
        notes = (["first"] if index == 0 and carriers[0].date else []) + ([] if marked else ["not marked"])
        shown.append(name + (f" ({', '.join(notes)})" if notes else ""))
    count = len(names)
    return f"Carried by {count} outlet{'s' if count != 1 else ''}{span}: {', '.join(shown)}"


def graph_summary(graph, focus_claim_id: int) -> str:
    """“Claim text…” and N linked claims: what the map is about, in one line."""
    focus = next((node for node in graph.nodes if node.claim["id"] == focus_claim_id), None)
    if focus is None:
        return f"{len(graph.nodes)} claim{'s' if len(graph.nodes) != 1 else ''}"
    text = elided(focus.claim["text"], 80)
    others = len(graph.nodes) - 1
    if others == 0:
        return f"“{text}” has no linked claims"
    return f"“{text}” and {others} linked claim{'s' if others != 1 else ''}"


class ClaimMapDialog(QDialog):
    """A window around a ``ClaimMap``, meant to be shown non-modally beside the main window."""

    claim_chosen = Signal(int, int)
    passage_chosen = Signal(int, int, int)

    def __init__(self, graph, focus_claim_id: int, parent=None):
        super().__init__(parent)
        self.setObjectName("claimMapDialog")
        self.setWindowTitle("Claim Map")
        self.resize(900, 560)
        self.header = QLabel(graph_summary(graph, focus_claim_id))
        self.header.setObjectName("claimMapHeader")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        font = QFont(self.header.font())
        font.setBold(True)
        self.header.setFont(font)
        self.map = ClaimMap(self)
        self.map.claim_chosen.connect(self.claim_chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.map.passage_chosen.connect(self.passage_chosen)
        carriers = getattr(graph, "carriers", [])
        self.carried = QLabel(carried_line(carriers))
        self.carried.setObjectName("claimMapCarriers")
        self.carried.setTextFormat(Qt.TextFormat.PlainText)
        self.carried.setWordWrap(True)
        self.carried.setVisible(bool(self.carried.text()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.carried)
        layout.addWidget(self.map, 1)
        hint = QLabel("Click a claim to open its article. Drag to pan; Ctrl+wheel zooms.")
        hint.setEnabled(False)
        layout.addWidget(legend(passages=bool(getattr(graph, "passages", []))))
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.map.show_graph(graph, focus_claim_id)
