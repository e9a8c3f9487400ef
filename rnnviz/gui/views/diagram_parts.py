"""The cell diagram's parts: names from the model and position, text sizes, and the
Diagram that places labelled boxes, states, operators and arrows in scene units.

The builders of each cell kind (cell_diagram.py) are written with these parts.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsScene

from rnnviz.gui.colors import PART_COLORS, gate_labels, scale_for
from rnnviz.gui.views.glyphs import Label, VectorGlyph, text_font, text_size

SCENE_W = 1000  # the scene's height follows from the text sizes
MARGIN, GAP, PAD = 12, 10, 6
STATE_W, STATE_H = 140, 56  # a state vector (c, h, x …)
RIGHT = 850  # left edge of the new state's vector, top right
GATE_GLYPH_H = 60
LINE, INK = "#555555", "#222222"
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class CellNames:
    """What the diagram calls the cell's inputs, from its place in the network."""

    prev: str  # the recurrence's other step: "t−1", or "t+1" in the reverse direction
    input: str  # "x", or the layer below's h: "h¹", "[h¹→; h¹←]"
    input_part: str  # whose colour the input takes: "x" or "h"

    def state(self, part: str) -> str:
        return f"{part}({self.prev})"


def cell_names(spec, layer: int, direction: str) -> CellNames:
    """Names for the cell of `layer` (0-based) and `direction` ("fwd" | "bwd")."""
    prev = "t−1" if direction == "fwd" else "t+1"
    if layer == 0:
        return CellNames(prev, "x", "x")
    below = str(layer).translate(SUPERSCRIPT)  # layer below, numbered from 1 as the window does
    name = f"[h{below}→; h{below}←]" if spec.bidirectional else f"h{below}"
    return CellNames(prev, name, "h")


@dataclass(frozen=True)
class TextSizes:
    """Text sizes in scene units (the scene is 1000 wide, fitted to the view)."""

    state: float = 19  # titles of state vectors: c(t−1), h(t), x(t)
    gate: float = 18  # gate box titles and their activation
    op: float = 22  # × and + in their circles
    word: float = 16  # tanh, 1−, W_hr in their pills; notes and formulas
    unit: float = 17  # unit indices under each vector

    def floored(self, floor: float) -> TextSizes:
        return TextSizes(*(max(getattr(self, f.name), floor) for f in fields(self)))


@dataclass(frozen=True)
class Node:
    """An operator's centre and half extents."""

    x: float
    y: float
    rx: float
    ry: float


def wrapped(terms: list[str]) -> list[str]:
    """A formula on one line, then broken between its terms into lines of at most 1/2,
    1/3 … of its length (greedily), for the narrower places."""
    total = len(" ".join(terms))
    choices: list[str] = []
    for parts in range(1, len(terms) + 1):
        lines: list[str] = []
        for term in terms:
            if lines and len(lines[-1]) + 1 + len(term) <= total / parts:
                lines[-1] += " " + term
            else:
                lines.append(term)
        choice = "\n".join(lines)
        if choice not in choices:
            choices.append(choice)
    return choices


class Diagram:
    """The scene's glyphs by name (gate parts, and x / h_prev / c_prev / c / h states),
    and every text in it (`labels`)."""

    def __init__(self, scene: QGraphicsScene, sizes: TextSizes, names: CellNames):
        self.scene, self.sizes, self.names = scene, sizes, names
        self.glyphs: dict[str, VectorGlyph] = {}
        self.labels: list[Label] = []
        self.bottom = 0.0  # lowest point drawn so far
        self.unit_h = text_size("0", text_font(sizes.unit))[1] + 2
        self.title_h = text_size("h(t)", text_font(sizes.state, True))[1]
        self.bus_gap = 30.0  # between the gate boxes and the bus (see plan_gates)
        self.act_in_title = True

    # ----- drawing primitives ------------------------------------------------------------------
    def text(self, choices: str | list[str], size: float, color: str = INK, *,
             bold: bool = False, max_width: float = SCENE_W - 2 * MARGIN,
             align: Qt.AlignmentFlag = Qt.AlignHCenter) -> Label:
        label = Label([choices] if isinstance(choices, str) else choices, size, color,
                      bold=bold, max_width=max_width, align=align)
        self.scene.addItem(label)
        self.labels.append(label)
        return label

    def place(self, label: Label, x: float, y: float, h: str = "center",
              v: str = "center") -> Label:
        label.place(x, y, h, v, bounds=(MARGIN / 2, SCENE_W - MARGIN / 2))
        self.bottom = max(self.bottom, label.rect.bottom())
        return label

    def line(self, points: list[tuple[float, float]], color: str = LINE, width: float = 2,
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

    def dot(self, x: float, y: float, color: str = LINE) -> None:
        """A junction where a line branches."""
        self.scene.addEllipse(x - 4, y - 4, 8, 8, QPen(Qt.NoPen), QBrush(QColor(color)))

    def op_extent(self, symbol: str) -> tuple[float, float]:
        """Half width and half height of an operator node: a circle for one symbol,
        a pill around a word (tanh, 1−, W_hr)."""
        size = self.sizes.word if len(symbol) > 1 else self.sizes.op
        width, height = text_size(symbol, text_font(size, True))
        if len(symbol) > 1:
            return width / 2 + 0.5 * size, max(height / 2 + 3, 16)
        r = max(16.0, 0.55 * height + 2)
        return r, r

    def op(self, x: float, y: float, symbol: str) -> Node:
        rx, ry = self.op_extent(symbol)
        pen, brush = QPen(QColor(LINE), 2), QBrush(QColor("white"))
        if len(symbol) > 1:
            self.scene.addPath(_pill(QRectF(x - rx, y - ry, 2 * rx, 2 * ry)), pen, brush)
        else:
            self.scene.addEllipse(x - rx, y - ry, 2 * rx, 2 * ry, pen, brush)
        size = self.sizes.word if len(symbol) > 1 else self.sizes.op
        self.place(self.text(symbol, size, bold=True), x, y)
        return Node(x, y, rx, ry)

    def gate_height(self, glyph_h: float = GATE_GLYPH_H) -> float:
        title = text_size("Xg", text_font(self.sizes.gate, True))[1]
        return PAD + title + 4 + glyph_h + self.unit_h + PAD

    def plan_gates(self, gates: dict[str, str], width: float) -> None:
        """Where the activations go: in the title row ("forget f  σ") when no box's title
        has to be shortened for it, else beside the arrow into each box (under the boxes)."""
        font = text_font(self.sizes.gate, True)

        def title(name: str, room: float) -> str:  # the full name if it fits, else the letter
            label = gate_labels()[name]
            return label if text_size(label, font)[0] <= room else name

        self.act_in_title = all(
            title(name, width - 16) == title(name, width - 26 - text_size(act, font)[0])
            and text_size(name, font)[0] + text_size(act, font)[0] + 26 <= width
            for name, act in gates.items())
        if not self.act_in_title:
            self.bus_gap = max(self.bus_gap, text_size("tanh", font)[1] + 8)

    def gate(self, name: str, x: float, y: float, width: float, activation: str) -> QRectF:
        """A gate box (top-left at x, y): its title over the live vector, and its activation
        (σ or tanh of what the bus brings) beside the title or the arrow coming in."""
        color = PART_COLORS[name]
        box = QRectF(x, y, width, self.gate_height())
        self.scene.addRect(box, QPen(QColor(color), 3), QBrush(QColor(color).lighter(185)))
        act = self.text(activation, self.sizes.gate, color, bold=True)
        title = self.text([gate_labels()[name], name], self.sizes.gate, color, bold=True,
                          max_width=width - 16)
        if self.act_in_title:
            self.place(title, x + 8, y + PAD, "left", "top")
            self.place(act, x + width - 8, y + PAD, "right", "top")
        else:
            self.place(title, x + width / 2, y + PAD, v="top")
            self.place(act, x + width / 2 + 8, box.bottom() + self.bus_gap / 2, "left")
        top = y + PAD + title.height + 4
        self.glyph(name, QRectF(x + 6, top, width - 12, GATE_GLYPH_H), color)
        return box

    def glyph(self, key: str, rect: QRectF, color: str, part: str | None = None) -> VectorGlyph:
        glyph = VectorGlyph(rect, color, scale_for(part or key), self.sizes.unit)
        self.scene.addItem(glyph)
        self.glyphs[key] = glyph
        self.bottom = max(self.bottom, rect.bottom() + self.unit_h)
        return glyph

    def state(self, key: str, x: float, y: float, title: str | list[str], part: str, *,
              below: bool = False, title_width: float = STATE_W + 20) -> VectorGlyph:
        """A titled state vector (top-left at x, y): title above, or below its unit labels."""
        glyph = self.glyph(key, QRectF(x, y, STATE_W, STATE_H), PART_COLORS[part], part)
        label = self.text(title, self.sizes.state, PART_COLORS[part], bold=True,
                          max_width=title_width)
        if below:
            self.place(label, x + STATE_W / 2, y + STATE_H + self.unit_h + 2, v="top")
        else:
            self.place(label, x + STATE_W / 2, y - 3, v="bottom")
        return glyph

    def input_state(self, x: float, y: float, title_width: float) -> Label:
        """The layer's input (x, or the layer below's h) at (x, y), titled below."""
        names = self.names
        title = f"{names.input}(t)"
        choices = [title, title.replace("; ", ";\n")] if "; " in title else [title]
        self.state("x", x, y, choices, names.input_part, below=True, title_width=title_width)
        return self.labels[-1]

    def top_line(self, part: str, left: float, ops: list[tuple[float, str]],
                 width: float) -> tuple[list[Node], float, float]:
        """The state carried along the top (LSTM c, GRU h): its previous value at `left`,
        the operators on the line, its new value on the right. Returns the operators, the
        line's y and the bottom of the row."""
        top = MARGIN + self.title_h + 3
        line_y = top + STATE_H / 2
        self.state(f"{part}_prev", left, top, self.names.state(part), part)
        self.state(part, RIGHT, top, f"{part}(t)", part)
        nodes = [self.op(x, line_y, symbol) for x, symbol in ops]
        xs = [left + STATE_W] + [x for n in nodes for x in (n.x - n.rx, n.x + n.rx)] + [RIGHT]
        for k in range(0, len(xs), 2):
            self.line([(xs[k], line_y), (xs[k + 1], line_y)], PART_COLORS[part], width,
                      arrow=k == len(xs) - 2)
        return nodes, line_y, top + STATE_H + self.unit_h

    def bus(self, y: float, sources: list[float], row: float, gates: list[float],
            gate_bottom: float, start: float | None = None) -> None:
        """The bus of previous h and input under the gates, fed from below at `sources`
        (and from the left at `start`, where the previous h comes round from the top)."""
        self.line([(min(sources + [start or SCENE_W]), y), (max(gates), y)], arrow=False)
        for x in sources:
            self.line([(x, row), (x, y)], arrow=False)
        for cx in gates:
            self.line([(cx, y), (cx, gate_bottom)])

    def inputs_below(self, gate_bottom: float, gates: list[float]) -> float:
        """h_prev and the input under the bus that feeds the gates; returns their row's top."""
        bus_y = gate_bottom + self.bus_gap
        row = bus_y + 28
        self.state("h_prev", 10, row, self.names.state("h"), "h", below=True)
        self.input_state(230, row, title_width=280)
        self.bus(bus_y, [80, 300], row, gates, gate_bottom)
        return row


def _pill(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    radius = rect.height() / 2
    path.addRoundedRect(rect, radius, radius)
    return path
