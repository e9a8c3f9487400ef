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

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsScene

from rnnviz.gui.colors import PART_COLORS
from rnnviz.gui.views.diagram_parts import (
    GAP,
    LINE,
    MARGIN,
    PAD,
    RIGHT,
    SCENE_W,
    STATE_H,
    STATE_W,
    CellNames,
    Diagram,
    Node,
    TextSizes,
    wrapped,
)
from rnnviz.gui.views.glyphs import Label, text_font, text_size

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
