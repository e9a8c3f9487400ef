"""The selected cell's inner diagram, with every gate's live vector inside it."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QMenu,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rnnviz.gui.colors import scale_for
from rnnviz.gui.i18n import tr
from rnnviz.gui.step_text import StepText
from rnnviz.gui.trace_bounds import input_bound, part_bound
from rnnviz.gui.views.cell_diagram import build_diagram, hidden_keys
from rnnviz.gui.views.diagram_parts import TextSizes, cell_names
from rnnviz.gui.views.edit_menu import ask_edit


def cell_vectors(sim, trace=None) -> dict[str, np.ndarray]:
    """Every vector the diagram shows, for the selected cell at the cursor (of `trace`:
    default the one shown; what if: the original run's)."""
    trace, spec = sim.trace if trace is None else trace, sim.spec
    layer, direction, t, b = sim.layer, sim.direction, sim.t, sim.batch_index
    vectors = {name: trace.part(layer, direction, name)[t, b] for name in spec.parts}
    vectors["x"] = trace.layer_input(layer)[t, b]
    vectors["h_prev"] = trace.previous_state(layer, direction, "h", t)[b]
    if spec.cell == "lstm":
        vectors["c_prev"] = trace.previous_state(layer, direction, "c", t)[b]
    if spec.cell == "rnn":
        vectors["h_box"] = vectors["h"]
    return vectors


def cell_scales(sim) -> dict[str, tuple]:
    """Fixed scales for the selected cell, over the whole trace (never per step)."""
    trace, spec = sim.trace, sim.spec
    scales = {"x": scale_for("x", input_bound(trace, sim.layer))}
    bounded = spec.cell != "rnn" or spec.nonlinearity == "tanh"
    h_scale = scale_for("h", 1.0 if bounded and not spec.proj_size else
                        part_bound(trace, sim.layer, sim.direction, "h"))
    scales.update(h=h_scale, h_prev=h_scale, h_box=h_scale)
    if spec.cell == "lstm":
        c_scale = scale_for("c", part_bound(trace, sim.layer, sim.direction, "c"))
        scales.update(c=c_scale, c_prev=c_scale)
    return scales


def rank_parts(spec) -> list[str]:
    """The parts top-k can rank units by: h first (the default), then the cell's others."""
    return ["h"] + [part for part in spec.parts if part != "h"]


def top_units(ranking: np.ndarray, k: int, selected: int = -1) -> np.ndarray | None:
    """The k units of largest |ranking|, always with `selected`, ascending; None: all."""
    if not k or len(ranking) <= k:
        return None
    order = np.argsort(-np.abs(ranking), kind="stable")[:k]
    if 0 <= selected < len(ranking) and selected not in order:
        order[-1] = selected  # the selected unit never vanishes: it takes the last place
    return np.sort(order)


def shown_units(spec, vectors: dict[str, np.ndarray], rank: str, k: int,
                selected: int) -> dict[str, np.ndarray | None]:
    """One set of units for every hidden-unit glyph, so a column is one unit in every box.

    With a projection, h has proj_size units of its own: ranking by h then ranks the hidden
    units by m (h before the projection), and h / h_prev share a set ranked by |h|.
    """
    ranking = vectors.get(rank, vectors["h"])
    if len(ranking) != spec.hidden_size:
        ranking = vectors["m"]
    hidden = top_units(ranking, k, selected)
    own = {"x": top_units(vectors["x"], k)}
    if spec.proj_size:
        own["h"] = own["h_prev"] = top_units(vectors["h"], k)
    return {key: hidden if key in hidden_keys(spec) else own.get(key) for key in vectors}


def _extrapolate(short: tuple[int, int] | None, floor: int, wanted: int) -> int:
    """The floor at which the wanted floor stops growing, from two tries (linear)."""
    if short is None or short[0] == floor:
        return wanted
    slope = (wanted - short[1]) / (floor - short[0])
    if slope >= 0.9:  # barely converging, or not at all
        return wanted
    return max(wanted, math.ceil(floor + (wanted - floor) / (1 - slope)))


class _FittedView(QGraphicsView):
    """A graphics view that says when it was resized: its own size is the one to fit (the
    parent's resize event comes before the layout has sized the view).

    Signals: resized()
    """

    resized = Signal()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class CellView(QWidget):
    """Diagram of the selected (layer, direction) cell at step t; click a unit to select it.

    The diagram is rebuilt when what it says changes (cell kind, layer, direction) and when
    a minimum text size (`set_min_text_px`) needs a larger layout at the current size.
    """

    def __init__(self, simulator, parent=None):
        super().__init__(parent)
        self.sim = simulator
        self.scene = QGraphicsScene(self)
        self.view = _FittedView(self.scene)
        self.view.resized.connect(self._layout)
        self.view.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.view.setBackgroundBrush(Qt.white)
        self.title = StepText()  # a narrow dock wraps the title instead of widening
        self.title.setObjectName("viewTitle")
        self.top_k = QCheckBox(tr("top-k units"))
        self.top_k.setToolTip(tr("For large hidden sizes: show only k units, the same ones in "
                                 "every box (the largest |value| of the part chosen next to "
                                 "it, and always the selected unit), labelled by unit index"))
        self.k = QSpinBox()
        self.k.setRange(2, 64)
        self.k.setValue(16)
        self.rank = QComboBox()
        self.rank.setToolTip(tr("top-k: rank the units by |value| of this part at t (with a "
                                "projection, h ranks the gates' units by m = o ⊙ tanh(c))"))
        self.rank.addItem(tr("by |{part}|").format(part="h"), "h")
        self.rank.setEnabled(False)
        self.top_k.toggled.connect(self.rank.setEnabled)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.top_k)
        bar.addWidget(self.k)
        bar.addWidget(self.rank)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._diagram = None
        self._key = None  # what the diagram says: rebuilt when it changes
        self._floor = 0  # text floor of the diagram built (scene units)
        self._min_text_px = 0.0
        self.top_k.toggled.connect(self._on_cursor_changed)
        self.k.valueChanged.connect(self._on_cursor_changed)
        self.rank.currentIndexChanged.connect(self._on_cursor_changed)
        # what the values were last drawn for: a new trace comes with trace_changed,
        # cursor_changed and selection_changed together, and is drawn once
        self._drawn: tuple | None = None
        simulator.trace_changed.connect(self._on_trace_changed)
        simulator.cursor_changed.connect(self._on_step)
        simulator.selection_changed.connect(self._on_selected)

    @property
    def glyphs(self):
        return {} if self._diagram is None else self._diagram.glyphs

    @property
    def diagram(self):
        return self._diagram

    def set_min_text_px(self, px: float) -> None:
        """No text of the diagram smaller than `px` pixels on screen (0: as designed)."""
        self._min_text_px = max(0.0, float(px))
        self._layout()

    # ----- building ------------------------------------------------------------------------------
    def _on_trace_changed(self) -> None:
        self.title.release()  # a new trace: its title may be shorter
        parts = rank_parts(self.sim.spec)
        if [self.rank.itemData(i) for i in range(self.rank.count())] != parts:
            chosen = self.rank.currentData()
            self.rank.blockSignals(True)
            self.rank.clear()
            for part in parts:
                self.rank.addItem(tr("by |{part}|").format(part=part), part)
            self.rank.setCurrentIndex(max(0, self.rank.findData(chosen)))
            self.rank.blockSignals(False)
        self._on_selection_changed()

    def _now(self) -> tuple:
        sim = self.sim
        return sim.snapshot, sim.t, sim.layer, sim.direction, sim.unit, sim.batch_index

    def _drawn_now(self) -> bool:
        drawn, now = self._drawn, self._now()
        return drawn is not None and drawn[0] is now[0] and drawn[1:] == now[1:]

    def _on_step(self, *_args) -> None:
        if not self._drawn_now():
            self._on_cursor_changed()

    def _on_selected(self) -> None:
        if not self._drawn_now():
            self._on_selection_changed()

    def _on_selection_changed(self) -> None:
        sim = self.sim
        if sim.snapshot is None:
            return
        spec = sim.spec
        key = (spec.cell, spec.nonlinearity, bool(spec.proj_size), spec.bias,
               cell_names(spec, sim.layer, sim.direction))
        if key != self._key:
            self._key = key
            self._build(self._floor)
            self._layout()
        else:
            self._refresh()

    def _build(self, floor: float) -> None:
        sim = self.sim
        names = cell_names(sim.spec, sim.layer, sim.direction)
        self._diagram = build_diagram(self.scene, sim.spec, names, TextSizes().floored(floor))
        self._floor = floor
        for key, glyph in self._diagram.glyphs.items():
            glyph.on_unit_clicked = self._on_unit_clicked
            glyph.on_unit_menu = lambda unit, where, key=key: self._show_menu(key, unit, where)
        self._refresh()

    def _layout(self) -> None:
        """Fit the diagram; while its text would be under the minimum, rebuild it with
        larger text. The layout grows with its text (the view then zooms out), so the floor
        needed is a fixed point, found by extrapolating from the floors tried. Where there
        is none (the view is too small for text that big) the largest text reached wins."""
        if self._diagram is None:
            return
        self._fit()
        reached: dict[int, float] = {}  # floor tried -> its text size on screen (px)
        short = None  # the last (floor, wanted) whose text came out too small
        for _ in range(8):
            wanted = self._wanted_floor()
            reached[self._floor] = self._floor * self.view.transform().m11()
            if wanted <= self._floor:
                if wanted == self._floor or wanted in reached:
                    return
                floor = wanted  # room to spare: smaller text fits, and stays enough
            else:
                floor = _extrapolate(short, self._floor, wanted)
                short = (self._floor, wanted)
                if floor in reached:
                    break
            self._build(floor)
            self._fit()
        if self._wanted_floor() > self._floor:
            best = max(reached, key=reached.get)
            if best != self._floor:
                self._build(best)
                self._fit()

    def _wanted_floor(self) -> int:
        scale = self.view.transform().m11()
        viewport = self.view.viewport().size()
        if self._min_text_px <= 0 or scale <= 0 or min(viewport.width(), viewport.height()) < 50:
            return 0
        return math.ceil(self._min_text_px / scale)

    def _fit(self) -> None:
        self.view.fitInView(self.scene.sceneRect(), Qt.KeepAspectRatio)

    # ----- updating ------------------------------------------------------------------------------
    def _refresh(self) -> None:
        for key, scale in cell_scales(self.sim).items():
            if key in self.glyphs:
                self.glyphs[key].set_scale(scale)
        self._on_cursor_changed()

    def _on_cursor_changed(self, *_args) -> None:
        if self._diagram is None:
            return
        sim, spec = self.sim, self.sim.spec
        k = self.k.value() if self.top_k.isChecked() else 0
        vectors = cell_vectors(sim)
        units = shown_units(spec, vectors, self.rank.currentData() or "h", k, sim.unit)
        hidden = hidden_keys(spec)
        snap = sim.snapshot
        original = None if snap.original is None or snap.s2s is not None else \
            cell_vectors(sim, snap.original)
        for key, values in vectors.items():
            glyph = self.glyphs.get(key)
            if glyph is not None:
                glyph.set_values(values, sim.unit if key in hidden else -1, units[key])
                glyph.set_original(None if original is None else original.get(key))
        arrow = {"fwd": "→", "bwd": "←"}[sim.direction]
        where = tr("layer {n}").format(n=sim.layer + 1) + (
            f" {arrow}" if spec.bidirectional else "")
        said = "" if original is None else tr(" — edited; dashes: original")
        self.title.setText(tr("<b>{title} cell</b> — {where}, t = {t}, unit {unit} "
                              "selected").format(title=spec.title(), where=where, t=sim.t,
                                                 unit=sim.unit) + said)
        self._drawn = self._now()

    def _on_unit_clicked(self, unit: int) -> None:
        self.sim.select(unit=unit)

    # ----- right-click: what if? ----------------------------------------------------------------
    def _show_menu(self, key: str, unit: int, where) -> None:
        menu = self.unit_menu(key, unit)
        if not menu.isEmpty():
            menu.exec(where.toPoint() if hasattr(where, "toPoint") else where)

    def unit_menu(self, key: str, unit: int) -> QMenu:
        """The menu of a right-click on unit `unit` of the glyph `key` ("f", "c", "h_prev",
        "x", …): clamp that part from t on, or change the input, prefilled with its value."""
        menu = QMenu(self)
        snap = self.sim.snapshot
        if snap is None or snap.s2s is not None or hasattr(snap.trace, "window"):
            return menu  # edits: single networks that fit in memory
        edit = self.edit_for(key, unit)
        if edit is not None:
            kind, text, prefill = edit
            menu.addAction(text, lambda: ask_edit(self, kind, prefill))
        return menu

    def edit_for(self, key: str, unit: int) -> tuple[str, str, str] | None:
        """(kind, menu text, prefill) of the edit a glyph's unit offers, or None."""
        sim = self.sim
        layer, direction, t, b = sim.layer, sim.direction, sim.t, sim.batch_index
        where = f"l{layer}.{direction}."
        if key == "x":
            if layer > 0:
                return None  # the layer below's h: hold that layer's h instead
            value = float(sim.trace.x[t, b, unit])
            row = sim.trace.x[t, b]
            values = ",".join(f"{v:.4g}" for v in row) if len(row) > 1 else f"{value:.4g}"
            return "edit-x", tr("Change the input at t = {t}…").format(t=t), f"{t}={values}"
        if key in ("h_prev", "c_prev"):
            part = key[0]
            step = t - 1 if direction == "fwd" else t + 1
            if not 0 <= step < sim.trace.length:
                return None  # the initial state: not a step of the run
            value = float(sim.trace.part(layer, direction, part)[step, b, unit])
            return ("clamp", tr("Hold {part}[{unit}] at t = {t}…").format(
                part=part, unit=unit, t=step),
                    f"{where}{part}[{unit}]={value:.3g}@{step}")
        part = "h" if key == "h_box" else key
        if part not in sim.spec.parts:
            return None
        value = float(sim.trace.part(layer, direction, part)[t, b, unit])
        return ("clamp", tr("Clamp {part}[{unit}] from t = {t} on…").format(
            part=part, unit=unit, t=t),
                f"{where}{part}[{unit}]={value:.3g}@{t}:")

