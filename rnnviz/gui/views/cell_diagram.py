"""The textbook cell figure, drawn from the running model and the position in it.

LSTM: the c line along the top with × f and + i·g, four gate boxes fed by the bus of the
previous h and the input, tanh(c) × o giving h (through W_hr when proj_size > 0).
GRU: the h line with z ⊙ h_prev and (1−z) ⊙ n, r feeding the candidate. RNN: one box.
Every gate box holds a VectorGlyph with the gate's live vector.

Labels say where the cell is: layer l > 1 reads h of layer l−1 (both directions when
bidirectional), and the reverse direction's previous state is that of t+1. The layout is
in scene units and grows with the text (`TextSizes.floored`), so a floor on the text size
makes rows taller and names shorter ("candidate g" → "g") instead of text overlap.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsScene

from rnnviz.gui.colors import GATE_LABELS, PART_COLORS, scale_for
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
            return GATE_LABELS[name] if text_size(GATE_LABELS[name], font)[0] <= room else name

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
        title = self.text([GATE_LABELS[name], name], self.sizes.gate, color, bold=True,
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


LSTM_GATES = {"f": ("σ", 240), "i": ("σ", 398), "g": ("tanh", 556), "o": ("σ", 714)}
LSTM_GATE_W, LSTM_OUT = 146, 825  # gate box width; x of the tanh(c) × o column


def build_lstm(d: Diagram, proj: bool) -> None:
    (forget, add), line_y, below = d.top_line("c", 10, [(240, "×"), (477, "+")], 4)
    times, tanh = d.op_extent("×"), d.op_extent("tanh")
    ig_y = line_y + add.ry + 16 + times[1]  # i × g, under the +
    tanh_y = below + GAP / 2 + tanh[1]
    d.plan_gates({name: act for name, (act, _) in LSTM_GATES.items()}, LSTM_GATE_W)
    box_h = d.gate_height()
    gate_top = max(ig_y + times[1] + 22, below + GAP,
                   tanh_y + tanh[1] + 18 + times[1] - box_h / 2)
    if LSTM_OUT - tanh[0] < LSTM_GATES["o"][1] + LSTM_GATE_W / 2 + 4:  # a wide tanh pill
        gate_top = max(gate_top, tanh_y + tanh[1] + GAP)
    for name, (act, cx) in LSTM_GATES.items():
        d.gate(name, cx - LSTM_GATE_W / 2, gate_top, LSTM_GATE_W, act)
    _lstm_update(d, forget, add, ig_y, gate_top)
    gated = _lstm_output(d, line_y, tanh_y, gate_top + box_h / 2)
    row = d.inputs_below(gate_top + box_h, [cx for _, cx in LSTM_GATES.values()])
    _lstm_hidden(d, gated, row, proj)


def _lstm_update(d: Diagram, forget: Node, add: Node, ig_y: float, gate_top: float) -> None:
    """c(t) = f ⊙ c(prev) + i ⊙ g: f up into the ×, i and g into their × under the +."""
    c = PART_COLORS["c"]
    d.line([(forget.x, gate_top), (forget.x, forget.y + forget.ry)], PART_COLORS["f"])
    ig = d.op(add.x, ig_y, "×")
    (i_x, g_x) = LSTM_GATES["i"][1], LSTM_GATES["g"][1]
    d.line([(i_x, gate_top), (i_x, ig_y), (ig.x - ig.rx, ig_y)], PART_COLORS["i"])
    d.line([(g_x, gate_top), (g_x, ig_y), (ig.x + ig.rx, ig_y)], PART_COLORS["g"])
    d.line([(add.x, ig_y - ig.ry), (add.x, add.y + add.ry)], c)


def _lstm_output(d: Diagram, line_y: float, tanh_y: float, out_y: float) -> Node:
    """tanh(c(t)) × o, in the column right of the gates; returns the × node."""
    c, col = PART_COLORS["c"], LSTM_OUT
    squash = d.op(col, tanh_y, "tanh")
    d.dot(col, line_y, c)
    d.line([(col, line_y), (col, tanh_y - squash.ry)], c)
    gated = d.op(col, out_y, "×")
    d.line([(col, tanh_y + squash.ry), (col, out_y - gated.ry)], c)
    o_right = LSTM_GATES["o"][1] + LSTM_GATE_W / 2
    d.line([(o_right, out_y), (col - gated.rx, out_y)], PART_COLORS["o"])
    return gated


def _lstm_hidden(d: Diagram, gated: Node, row: float, proj: bool) -> None:
    """h(t) under the ×; with a projection, m there and W_hr leftwards into h."""
    col = LSTM_OUT
    if not proj:
        d.state("h", col - STATE_W / 2, row, "h(t)", "h", below=True)
        d.line([(col, gated.y + gated.ry), (col, row)], PART_COLORS["h"])
        return
    m_left = col - STATE_W / 2
    d.state("m", m_left, row, ["o ⊙ tanh(c)", "m"], "m", below=True)
    d.line([(col, gated.y + gated.ry), (col, row)], PART_COLORS["m"])
    half = d.op_extent("W_hr")[0]
    project = d.op(m_left - 20 - half, row + STATE_H / 2, "W_hr")
    h_right = project.x - half - 20
    d.state("h", h_right - STATE_W, row, "h(t)", "h", below=True)
    d.line([(m_left, project.y), (project.x + half, project.y)], PART_COLORS["m"])
    d.line([(project.x - half, project.y), (h_right, project.y)], PART_COLORS["h"])


GRU_GATES = {"z": ("σ", 245), "r": ("σ", 445), "n": ("tanh", 645)}
GRU_GATE_W = 150


def build_gru(d: Diagram, bias: bool) -> None:
    (keep, add), line_y, below = d.top_line("h", 30, [(245, "×"), (645, "+")], 3)
    note = d.text(f"z ⊙ {d.names.state('h')}", d.sizes.word, LINE,
                  max_width=2 * (445 - 245 - keep.rx - 8))
    d.place(note, 445, line_y - 5, v="bottom")
    mix_r = max(d.op_extent("1−")[1], d.op_extent("×")[1])
    note_h = text_size("(1−z)", text_font(d.sizes.word))[1]
    mix_y = max(line_y + add.ry + 24 + mix_r, below + GAP / 2 + note_h / 2)
    d.plan_gates({name: act for name, (act, _) in GRU_GATES.items()}, GRU_GATE_W)
    box_h = d.gate_height()
    gate_top = max(mix_y + mix_r + 24, below + GAP)
    for name, (act, cx) in GRU_GATES.items():
        d.gate(name, cx - GRU_GATE_W / 2, gate_top, GRU_GATE_W, act)
    _gru_mix(d, keep, add, mix_y, gate_top)
    box_mid = gate_top + box_h / 2
    d.line([(445 + GRU_GATE_W / 2, box_mid), (645 - GRU_GATE_W / 2, box_mid)], PART_COLORS["r"])
    bus_y = gate_top + box_h + d.bus_gap
    row = bus_y + 28
    title = d.input_state(40, row, title_width=2 * (110 - 6))
    d.line([(30, line_y), (14, line_y), (14, bus_y)], PART_COLORS["h"], 2, arrow=False)
    d.bus(bus_y, [110], row, [cx for _, cx in GRU_GATES.values()], gate_top + box_h, start=14)
    _gru_formula(d, title, row, bias)


def _gru_mix(d: Diagram, keep: Node, add: Node, y: float, gate_top: float) -> None:
    """h(t) = z ⊙ h(prev) + (1−z) ⊙ n: z up into the ×, and through 1− into n's ×."""
    z, n = PART_COLORS["z"], PART_COLORS["n"]
    d.line([(keep.x, gate_top), (keep.x, keep.y + keep.ry)], z)
    flip, mix = d.op(445, y, "1−"), d.op(add.x, y, "×")
    d.dot(keep.x, y, z)
    d.line([(keep.x, y), (flip.x - flip.rx, y)], z)
    d.line([(flip.x + flip.rx, y), (mix.x - mix.rx, y)], z)
    beside = mix.x + mix.rx + 8
    d.place(d.text(["(1−z) ⊙ n", "(1−z)⊙n"], d.sizes.word, LINE,
                   max_width=RIGHT - 10 - beside), beside, y, "left")
    d.line([(mix.x, gate_top), (mix.x, y + mix.ry)], n)
    d.line([(mix.x, y - mix.ry), (mix.x, add.y + add.ry)], n)


def _gru_formula(d: Diagram, title: Label, row: float, bias: bool) -> None:
    """n's formula beside the input (or under it, across the width, when it is too long)."""
    recurrent = f"+ r ⊙ (W_hn {d.names.state('h')}"
    terms = ["n = tanh(W_in", f"{d.names.input}(t)"] + (
        ["+ b_in", recurrent, "+ b_hn))"] if bias else [recurrent + "))"])
    left = max(230, title.rect.right() + 24)
    formula = d.text(wrapped(terms), d.sizes.word, LINE, max_width=SCENE_W - MARGIN - left,
                     align=Qt.AlignLeft)
    if formula.fits:
        d.place(formula, left, row, "left", "top")
        return
    d.scene.removeItem(formula)
    d.labels.remove(formula)
    formula = d.text(wrapped(terms), d.sizes.word, LINE, align=Qt.AlignLeft)
    d.place(formula, MARGIN, title.rect.bottom() + GAP, "left", "top")


def build_rnn(d: Diagram, nonlinearity: str, bias: bool) -> None:
    n, color = d.names, PART_COLORS["h"]
    terms = [f"h(t) = {nonlinearity}(W_ih", f"{n.input}(t)", *(["+ b_ih"] if bias else []),
             f"+ W_hh {n.state('h')}" + (" + b_hh)" if bias else ")")]
    formula = d.text(wrapped(terms), d.sizes.gate, color, bold=True)
    box_top = d.place(formula, 500, MARGIN, v="top").rect.bottom() + 12
    box = QRectF(380, box_top, 240, PAD + 90 + d.unit_h + PAD)
    d.scene.addRect(box, QPen(QColor(color), 3), QBrush(QColor("#eeeeee")))
    d.glyph("h_box", QRectF(390, box_top + PAD, 220, 90), color, "h")
    mid = box.center().y()
    h_mid = max(mid, box_top + d.title_h + 3 + STATE_H / 2)  # its title under the formula
    d.state("h", RIGHT, h_mid - STATE_H / 2, "h(t)", "h")
    d.line([(box.right(), mid), (735, mid), (735, h_mid), (RIGHT, h_mid)], color)
    d.inputs_below(box.bottom(), [500])


def hidden_keys(spec) -> frozenset[str]:
    """Glyphs indexed by the cell's hidden units (those the window selects, top-k ranks)."""
    keys = frozenset(spec.gates) | {"c", "c_prev", "m", "h_box"}
    return keys if spec.proj_size else keys | {"h", "h_prev"}


def share_unit_labels(diagram: Diagram, keys: set[str]) -> None:
    """Glyphs that show the same units label the same ones: thinned at the narrowest."""
    glyphs = [g for key, g in diagram.glyphs.items() if key in keys]
    narrowest = min((g.rect.width() for g in glyphs), default=None)
    for glyph in glyphs:
        glyph.label_width = narrowest


def build_diagram(scene: QGraphicsScene, spec, names: CellNames,
                  sizes: TextSizes | None = None) -> Diagram:
    """Draw the cell of `spec` into `scene` (cleared first), named by `names`."""
    scene.clear()
    diagram = Diagram(scene, sizes or TextSizes(), names)
    if spec.cell == "lstm":
        build_lstm(diagram, bool(spec.proj_size))
    elif spec.cell == "gru":
        build_gru(diagram, spec.bias)
    else:
        build_rnn(diagram, spec.nonlinearity, spec.bias)
    scene.setSceneRect(QRectF(0, 0, SCENE_W, diagram.bottom + MARGIN))
    share_unit_labels(diagram, hidden_keys(spec))
    for glyph in diagram.glyphs.values():
        glyph.setCursor(Qt.PointingHandCursor)
    return diagram
