"""The textbook cell figure, drawn from the running model's spec.

LSTM: the c line along the top with ⊗ f and ⊕ i·g, four gate boxes fed by the
[h_{t-1}, x_t] bus, tanh(c) ⊗ o giving h (and the projection when proj_size > 0).
GRU: the h line with z·h_{t-1} and (1−z)·n, r feeding the candidate. RNN: one box.
Every gate box holds a VectorGlyph with the gate's live vector.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from rnnviz.gui.colors import GATE_LABELS, PART_COLORS, scale_for
from rnnviz.gui.views.glyphs import VectorGlyph

SCENE = QRectF(0, 20, 1000, 450)
BOX_W, BOX_H = 150, 120
BUS_Y = 320
LINE = QColor("#555555")


class Diagram:
    """The scene's glyphs by name (gate parts, and x / h_prev / c_prev / c / h states)."""

    def __init__(self, scene: QGraphicsScene):
        self.scene = scene
        self.glyphs: dict[str, VectorGlyph] = {}
        self.font = QFont()
        self.font.setPointSize(11)

    # ----- drawing primitives ------------------------------------------------------------------
    def text(self, x: float, y: float, text: str, color: str = "#222222", size: int = 11,
             bold: bool = False, center: bool = True, anchor_right: bool = False):
        font = QFont(self.font)
        font.setPointSize(size)
        font.setBold(bold)
        item = self.scene.addSimpleText(text, font)
        item.setBrush(QBrush(QColor(color)))
        rect = item.boundingRect()
        left = x - rect.width() if anchor_right else (x - rect.width() / 2 if center else x)
        item.setPos(left, y - rect.height() / 2)
        return item

    def line(self, points: list[tuple[float, float]], color=LINE, width: float = 2,
             arrow: bool = True) -> None:
        path = QPainterPath(QPointF(*points[0]))
        for p in points[1:]:
            path.lineTo(QPointF(*p))
        self.scene.addPath(path, QPen(QColor(color), width))
        if arrow:
            (x0, y0), (x1, y1) = points[-2], points[-1]
            d = QPointF(x1 - x0, y1 - y0)
            length = max((d.x() ** 2 + d.y() ** 2) ** 0.5, 1e-6)
            u = QPointF(d.x() / length, d.y() / length)
            n = QPointF(-u.y(), u.x())
            tip = QPointF(x1, y1)
            head = QPolygonF([tip, tip - u * 10 + n * 5, tip - u * 10 - n * 5])
            self.scene.addPolygon(head, QPen(QColor(color)), QBrush(QColor(color)))

    def op(self, x: float, y: float, symbol: str, r: float = 16) -> None:
        """An operator node: ×, +, tanh, 1−."""
        self.scene.addEllipse(x - r, y - r, 2 * r, 2 * r, QPen(LINE, 2), QBrush(QColor("white")))
        self.text(x, y, symbol, size=11 if len(symbol) > 1 else 16, bold=True)

    def gate(self, name: str, x: float, y: float, activation: str) -> VectorGlyph:
        """A gate box at (x, y) (top-left) with its title and live vector."""
        color = PART_COLORS[name]
        self.scene.addRect(QRectF(x, y, BOX_W, BOX_H), QPen(QColor(color), 3),
                           QBrush(QColor(color).lighter(185)))
        self.text(x + BOX_W / 2, y + 14, GATE_LABELS[name], color, 13, True)
        self.text(x + BOX_W - 8, y + BOX_H - 9, activation, color, 12, True, anchor_right=True)
        return self.glyph(name, QRectF(x + 6, y + 29, BOX_W - 12, BOX_H - 56), color)

    def glyph(self, key: str, rect: QRectF, color: str, part: str | None = None) -> VectorGlyph:
        glyph = VectorGlyph(rect, color, scale_for(part or key))
        self.scene.addItem(glyph)
        self.glyphs[key] = glyph
        return glyph

    def state(self, key: str, x: float, y: float, title: str, part: str) -> VectorGlyph:
        """A labelled state vector (h_{t-1}, c_t, x_t, ...) at (x, y) (top-left)."""
        self.text(x + 70, y - 12, title, PART_COLORS[part], 14, True)
        return self.glyph(key, QRectF(x, y, 140, 56), PART_COLORS[part], part)

    def top_line(self, part: str, ops: list[tuple[float, str]], width: float) -> None:
        """The state carried along the top (LSTM c, GRU h): old glyph → operators → new."""
        self.state(f"{part}_prev", 10, 47, f"{part}(t−1)", part)
        self.state(part, 850, 47, f"{part}(t)", part)
        xs = [150] + [x + side for x, _ in ops for side in (-16, 16)] + [850]
        for k in range(0, len(xs), 2):
            self.line([(xs[k], 70), (xs[k + 1], 70)], PART_COLORS[part], width,
                      arrow=k == len(xs) - 2)
        for x, symbol in ops:
            self.op(x, 70, symbol)

    def bus(self, centres: list[float]) -> None:
        """[h_{t-1}, x_t] bus under the gates, with a branch up into each box."""
        self.line([(140, BUS_Y), (max(centres[-1], 200), BUS_Y)], arrow=False)
        self.line([(80, 306), (80, BUS_Y), (140, BUS_Y)], arrow=False)  # from h_{t-1}
        self.line([(200, 360), (200, BUS_Y)], arrow=False)  # from x_t
        for cx in centres:
            self.line([(cx, BUS_Y), (cx, GATE_Y + BOX_H)])


GATE_Y = 165  # top of the gate boxes; the top line (c or h) runs at y = 70


def build_lstm(scene: QGraphicsScene, proj: bool) -> Diagram:
    d = Diagram(scene)
    c = PART_COLORS["c"]
    d.top_line("c", [(245, "×"), (500, "+")], width=4)
    for name, x, act in (("f", 170, "σ"), ("i", 340, "σ"), ("g", 510, "tanh"), ("o", 680, "σ")):
        d.gate(name, x, GATE_Y, act)
    d.line([(245, GATE_Y), (245, 86)], PART_COLORS["f"])
    d.op(500, 125, "×")
    d.line([(415, GATE_Y), (415, 125), (484, 125)], PART_COLORS["i"])
    d.line([(585, GATE_Y), (585, 125), (516, 125)], PART_COLORS["g"])
    d.line([(500, 109), (500, 86)], c)
    d.op(905, 135, "tanh", 22)
    d.line([(905, 103), (905, 113)], c, arrow=False)
    d.op(905, 225, "×")
    d.line([(905, 157), (905, 209)], c)
    d.line([(830, 225), (889, 225)], PART_COLORS["o"])
    if proj:
        d.line([(905, 241), (905, 262)], PART_COLORS["m"])
        d.state("m", 850, 285, "o·tanh(c)", "m")
        d.text(770, 362, "× W_hr (projection)", PART_COLORS["m"], 12)
        d.line([(905, 341), (905, 376)], PART_COLORS["h"])
        d.state("h", 850, 395, "h(t)", "h")
    else:
        d.line([(905, 241), (905, 336)], PART_COLORS["h"])
        d.state("h", 850, 360, "h(t)", "h")
    d.state("h_prev", 10, 250, "h(t−1)", "h")
    d.state("x", 130, 360, "x(t)", "x")
    d.bus([245, 415, 585, 755])
    return d


def build_gru(scene: QGraphicsScene) -> Diagram:
    d = Diagram(scene)
    h = PART_COLORS["h"]
    d.top_line("h", [(245, "×"), (700, "+")], width=3)
    d.text(340, 52, "z ⊙ h(t−1)", "#555555", 12)
    for name, x, act in (("z", 170, "σ"), ("r", 370, "σ"), ("n", 570, "tanh")):
        d.gate(name, x, GATE_Y, act)
    d.line([(245, GATE_Y), (245, 86)], PART_COLORS["z"])
    d.op(400, 125, "1−", 18)
    d.line([(320, 178), (385, 133)], PART_COLORS["z"])
    d.op(700, 125, "×")
    d.line([(418, 125), (684, 125)], PART_COLORS["z"])
    d.line([(700, GATE_Y), (700, 141)], PART_COLORS["n"])
    d.line([(700, 109), (700, 86)], PART_COLORS["n"])
    d.text(560, 108, "(1−z) ⊙ n", "#555555", 12)
    d.line([(520, 225), (570, 225)], PART_COLORS["r"])
    d.text(640, 352, "n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))", "#555555", 12)
    d.state("x", 130, 360, "x(t)", "x")
    d.bus([245, 445, 645])
    d.line([(80, 103), (80, 306)], h, 2, arrow=False)
    return d


def build_rnn(scene: QGraphicsScene, nonlinearity: str) -> Diagram:
    d = Diagram(scene)
    color = PART_COLORS["h"]
    scene.addRect(QRectF(380, GATE_Y, 240, BOX_H), QPen(QColor(color), 3),
                  QBrush(QColor("#eeeeee")))
    d.text(500, 140, f"h(t) = {nonlinearity}(W_ih x + b_ih + W_hh h(t−1) + b_hh)", color, 13,
           True)
    d.glyph("h_box", QRectF(390, GATE_Y + 15, 220, 90), color, "h")
    d.state("h_prev", 10, 250, "h(t−1)", "h")
    d.state("h", 850, 47, "h(t)", "h")
    d.line([(500, GATE_Y), (500, 70), (850, 70)], color)
    d.state("x", 130, 360, "x(t)", "x")
    d.bus([500])
    return d


def build_diagram(scene: QGraphicsScene, spec) -> Diagram:
    scene.clear()
    scene.setSceneRect(SCENE)
    if spec.cell == "lstm":
        diagram = build_lstm(scene, bool(spec.proj_size))
    elif spec.cell == "gru":
        diagram = build_gru(scene)
    else:
        diagram = build_rnn(scene, spec.nonlinearity)
    live = set(diagram.glyphs.values())
    for item in scene.items():
        if item in live:
            item.setCursor(Qt.PointingHandCursor)
        else:  # static drawing: rendered once, then blitted when a glyph repaints over it
            item.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
    return diagram
