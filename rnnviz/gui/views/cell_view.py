"""The selected cell's inner diagram, with every gate's live vector inside it."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rnnviz.gui.colors import scale_for, state_bound
from rnnviz.gui.views.cell_diagram import SCENE, build_diagram


def cell_vectors(sim) -> dict[str, np.ndarray]:
    """Every vector the diagram shows, for the selected cell at the cursor."""
    trace, spec = sim.trace, sim.spec
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
    scales = {"x": scale_for("x", state_bound(trace.layer_input(sim.layer)))}
    h = trace.part(sim.layer, sim.direction, "h")
    bounded = spec.cell != "rnn" or spec.nonlinearity == "tanh"
    h_scale = scale_for("h", 1.0 if bounded and not spec.proj_size else state_bound(h))
    scales.update(h=h_scale, h_prev=h_scale, h_box=h_scale)
    if spec.cell == "lstm":
        c_scale = scale_for("c", state_bound(trace.part(sim.layer, sim.direction, "c")))
        scales.update(c=c_scale, c_prev=c_scale)
    return scales


class CellView(QWidget):
    """Diagram of the selected (layer, direction) cell at step t; click a unit to select it."""

    def __init__(self, simulator, parent=None):
        super().__init__(parent)
        self.sim = simulator
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.view.setBackgroundBrush(Qt.white)
        self.title = QLabel()
        self.title.setObjectName("viewTitle")
        self.top_k = QCheckBox("top-k units")
        self.top_k.setToolTip("For large hidden sizes: show only the k units with the "
                              "largest |value| in each gate, labelled by unit index")
        self.k = QSpinBox()
        self.k.setRange(2, 64)
        self.k.setValue(16)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.top_k)
        bar.addWidget(self.k)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._diagram = None
        self._shape = None
        self.top_k.toggled.connect(self._on_cursor_changed)
        self.k.valueChanged.connect(self._on_cursor_changed)
        simulator.trace_changed.connect(self._on_trace_changed)
        simulator.cursor_changed.connect(self._on_cursor_changed)
        simulator.selection_changed.connect(self._on_selection_changed)

    @property
    def glyphs(self):
        return {} if self._diagram is None else self._diagram.glyphs

    def _on_trace_changed(self) -> None:
        spec = self.sim.spec
        shape = (spec.cell, spec.nonlinearity, bool(spec.proj_size))
        if shape != self._shape:
            self._diagram = build_diagram(self.scene, spec)
            self._shape = shape
            for glyph in self._diagram.glyphs.values():
                glyph.on_unit_clicked = self._on_unit_clicked
            self._fit()
        self._on_selection_changed()

    def _on_selection_changed(self) -> None:
        if self._diagram is None:
            return
        for key, scale in cell_scales(self.sim).items():
            if key in self.glyphs:
                self.glyphs[key].set_scale(scale)
        self._on_cursor_changed()

    def _on_cursor_changed(self, *_args) -> None:
        if self._diagram is None:
            return
        sim = self.sim
        k = self.k.value() if self.top_k.isChecked() else 0
        for key, values in cell_vectors(sim).items():
            glyph = self.glyphs.get(key)
            if glyph is not None:
                glyph.top_k = k
                unit = sim.unit if len(values) == sim.spec.hidden_size and key != "x" else -1
                glyph.set_values(values, unit)
        arrow = {"fwd": "→", "bwd": "←"}[sim.direction]
        where = f"layer {sim.layer + 1} {arrow}" if sim.spec.bidirectional \
            else f"layer {sim.layer + 1}"
        self.title.setText(f"<b>{sim.spec.title()} cell</b> — {where}, t = {sim.t}, "
                           f"unit {sim.unit} selected")

    def _on_unit_clicked(self, unit: int) -> None:
        self.sim.select(unit=unit)

    def _fit(self) -> None:
        self.view.fitInView(SCENE, Qt.KeepAspectRatio)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()
