"""Gradients through time: ‖∂L/∂h_t‖ (and c, x) against t, on a log scale, for an objective."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rnnviz.gui.quiet import quiet

CURVE_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
OBJECTIVES = {"off": None, "sum of h_T": "h_T", "unit of h_T": "unit", "head output y_T":
              "y", "task loss": "loss"}


class GradientView(QWidget):
    """Pick an objective; see how its gradient travels back through time and layers."""

    def __init__(self, simulator, graph, parent=None):
        super().__init__(parent)
        self.sim, self.graph = simulator, graph
        self.objective = QComboBox()
        self.objective.addItems(list(OBJECTIVES))
        self.objective.setToolTip("L whose gradient is shown: the top layer's final hidden "
                                  "state, one unit of it, one head output at the last step, "
                                  "or a trained checkpoint's task loss")
        self.index = QSpinBox()
        self.index.setPrefix("index ")
        self.compare = QLineEdit()
        self.compare.setPlaceholderText("compare: rnn,gru")
        self.compare.setToolTip("overlay the same objective for other cells of the same size "
                                "and seed on the same input (their top layer, dashed)")
        self.colour_graph = QCheckBox("colour the graph by |∂L/∂h|")
        self.colour_graph.setChecked(True)
        self.info = QLabel("choose an objective")
        self.info.setWordWrap(True)
        bar = QHBoxLayout()
        for w in (self.objective, self.index, self.compare, self.colour_graph):
            bar.addWidget(w)
        bar.addStretch(1)
        self.plot = pg.PlotWidget(background="w", title="‖∂L/∂h_t‖ going back through time")
        self.plot.setLogMode(y=True)
        self.plot.setLabel("bottom", "t")
        self.plot.addLegend(offset=(-5, 5), labelTextSize="8pt", colCount=2)
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#E69F00", width=2))
        self.plot.addItem(self.cursor)
        self.curves: dict[str, pg.PlotDataItem] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.info)
        layout.addWidget(self.plot, 1)
        self.plot.setVisible(False)  # shown once there is a gradient to plot
        self.objective.currentTextChanged.connect(self._on_objective)
        self.index.valueChanged.connect(self._on_objective)
        self.compare.editingFinished.connect(self._on_objective)
        simulator.trace_changed.connect(self._show_config)
        self.colour_graph.toggled.connect(self._on_colour)
        simulator.gradients_changed.connect(self._on_gradients)
        simulator.cursor_changed.connect(self.cursor.setPos)

    def objective_text(self) -> str | None:
        kind = OBJECTIVES[self.objective.currentText()]
        return f"{kind}:{self.index.value()}" if kind in ("unit", "y") else kind

    def _show_config(self) -> None:
        """Controls follow the configuration (a launch with --gradients / --compare)."""
        config = self.sim.config
        kind, _, index = (config.gradients or "").partition(":")
        label = next((k for k, v in OBJECTIVES.items() if v == (kind or None)), "off")
        with quiet(self.objective, self.index, self.compare):
            self.objective.setCurrentText(label)
            self.index.setValue(int(index) if index.isdigit() else 0)
            self.compare.setText(config.compare or "")
        self.graph.gradient_mode = bool(config.gradients) and self.colour_graph.isChecked()

    def _on_objective(self, *_args) -> None:
        self.info.setText("computing…" if self.objective_text() else "choose an objective")
        self.graph.set_gradient_mode(bool(self.objective_text()) and
                                     self.colour_graph.isChecked())
        self.sim.set_objective(self.objective_text(), self.compare.text().strip() or None)

    def _on_colour(self, on: bool) -> None:
        self.graph.set_gradient_mode(on and self.objective_text() is not None)

    def _on_gradients(self) -> None:
        for curve in self.curves.values():
            self.plot.removeItem(curve)
        self.plot.plotItem.legend.clear()
        self.curves = {}
        grads = self.sim.gradients
        self.plot.setVisible(grads is not None)
        if grads is None:
            if self.objective_text() is None:
                self.info.setText("choose an objective")
            return
        b = self.sim.batch_index
        names = sorted(k[:-8] for k in grads.arrays if k.endswith("_dh_norm"))
        for j, key in enumerate(names):
            color = CURVE_COLORS[j % len(CURVE_COLORS)]
            self._curve(f"{key}_dh_norm", grads, b, pg.mkPen(color, width=2), f"h {key}")
            if f"{key}_dc_norm" in grads.arrays:
                self._curve(f"{key}_dc_norm", grads, b,
                            pg.mkPen(color, width=1.5, style=Qt.DashLine), f"c {key}")
        self._curve("dx_norm", grads, b, pg.mkPen("#777777", width=1), "x")
        top = f"l{self.sim.spec.num_layers - 1}_fwd_dh_norm"
        for k, (label, other) in enumerate(self.sim.compared):
            color = CURVE_COLORS[(len(names) + k + 2) % len(CURVE_COLORS)]
            self._curve(top, other, b, pg.mkPen(color, width=2.5, style=Qt.DashDotLine),
                        label, key=f"compare:{label}")
        flag = (f" — {grads.nonfinite} entries are NaN/inf (magenta in the graph)"
                if grads.nonfinite else "")
        self.info.setText(f"L = {grads.objective} = {grads.loss:.4g}{flag}")
        self.info.setStyleSheet("color: #b2182b" if grads.nonfinite else "")
        self.cursor.setPos(self.sim.t)

    def _curve(self, array: str, grads, b: int, pen, name: str, key: str | None = None):
        values = grads.arrays[array][:, b]
        shown = np.where(np.isfinite(values) & (values > 0), values, np.nan)  # log axis
        self.curves[key or array] = self.plot.plot(np.arange(len(values)), shown, pen=pen,
                                                   name=name, connect="finite")
