"""Gradients through time: ‖∂L/∂h_t‖ (and c, x) against t, on a log scale, for an objective."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rnnviz.gui.choices import fill, select
from rnnviz.gui.colors import SEQUENTIAL_LUT
from rnnviz.gui.i18n import tr
from rnnviz.gui.quiet import quiet
from rnnviz.gui.views.axes import IntegerAxis, LabelAxis, tick_font
from rnnviz.gui.views.graph_layout import GRADIENT_LEVELS, log_magnitude, strip_image

CURVE_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
MIN_CURVES_HEIGHT = 50  # px kept for the curves above the compare strip
OBJECTIVES = ("off", "h_T", "unit", "y", "loss")  # the combo's keys ("off": none)


def objective_titles() -> dict[str, str]:
    return {"off": tr("off"), "h_T": tr("sum of h_T"), "unit": tr("unit of h_T"),
            "y": tr("head output y_T"), "loss": tr("task loss")}


class GradientView(QWidget):
    """Pick an objective; see how its gradient travels back through time and layers."""

    def __init__(self, simulator, graph, parent=None):
        super().__init__(parent)
        self.sim, self.graph = simulator, graph
        self.objective = QComboBox()
        fill(self.objective, OBJECTIVES, objective_titles())
        self.objective.setToolTip(tr("L whose gradient is shown: the top layer's final hidden "
                                     "state, one unit of it, one head output at the last "
                                     "step, or a trained checkpoint's task loss"))
        self.index = QSpinBox()
        self.index.setPrefix(tr("index "))
        self.compare = QLineEdit()
        self.compare.setPlaceholderText(tr("compare: rnn,gru"))
        self.compare.setToolTip(tr("overlay the same objective for other cells of the same "
                                   "size and seed on the same input (their top layer, dashed)"))
        self.colour_graph = QCheckBox(tr("colour the graph by |∂L/∂h|"))
        self.colour_graph.setChecked(True)
        self.info = QLabel(tr("choose an objective"))
        self.info.setWordWrap(True)
        bar = QHBoxLayout()
        for w in (self.objective, self.index, self.compare, self.colour_graph):
            bar.addWidget(w)
        bar.addStretch(1)
        # the legend sits right of the curves, not over them: the dock is short
        self.plot = pg.GraphicsLayoutWidget()
        self.plot.setBackground("w")
        self.curve_plot = self.plot.addPlot(row=0, col=0, axisItems={
            "bottom": IntegerAxis("bottom"), "left": LabelAxis("left")})
        self.curve_plot.setLogMode(y=True)
        self.curve_plot.setLabel("left", "‖∂L/∂h_t‖")
        # a log axis with an SI prefix ("(x0.001)") misreads every decade: plain numbers
        self.curve_plot.getAxis("left").enableAutoSIPrefix(False)
        self.curve_plot.setMenuEnabled(False)
        self.curve_plot.hideButtons()
        self.legend = pg.LegendItem(labelTextSize="8pt")
        self.legend.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)  # rows stay tight
        self.plot.addItem(self.legend, row=0, col=1, rowspan=2)  # not a floor under the curves
        self.plot.ci.layout.setAlignment(self.legend, Qt.AlignTop)
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#E69F00", width=2))
        self.curve_plot.addItem(self.cursor)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.strip = NetworkStrip(self.curve_plot)  # compared networks side by side
        # one width, the widest label's in the current font: the strip's steps line up
        # under the curves, and no network's name is cut
        self.curve_plot.getAxis("left").share_width(self.strip.getAxis("left"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
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
        simulator.cursor_changed.connect(self._on_cursor)

    def objective_text(self) -> str | None:
        kind = self.objective.currentData()
        kind = None if kind in (None, "off") else kind
        return f"{kind}:{self.index.value()}" if kind in ("unit", "y") else kind

    def _show_config(self) -> None:
        """Controls follow the configuration (a launch with --gradients / --compare)."""
        config = self.sim.config
        kind, _, index = (config.gradients or "").partition(":")
        with quiet(self.objective, self.index, self.compare):
            select(self.objective, kind if kind in OBJECTIVES else "off")
            self.index.setValue(int(index) if index.isdigit() else 0)
            self.compare.setText(config.compare or "")
        self.graph.gradient_mode = bool(config.gradients) and self.colour_graph.isChecked()

    def _on_objective(self, *_args) -> None:
        self.info.setText(tr("computing…") if self.objective_text() else
                          tr("choose an objective"))
        self.graph.set_gradient_mode(bool(self.objective_text()) and
                                     self.colour_graph.isChecked())
        self.sim.set_objective(self.objective_text(), self.compare.text().strip() or None)

    def _on_colour(self, on: bool) -> None:
        self.graph.set_gradient_mode(on and self.objective_text() is not None)

    def _on_gradients(self) -> None:
        for curve in self.curves.values():
            self.curve_plot.removeItem(curve)
        self.legend.clear()
        self.curves = {}
        grads = self.sim.gradients
        self.plot.setVisible(grads is not None)
        self._show_strip(grads is not None and bool(self.sim.compared))
        if grads is None:
            if self.objective_text() is None:
                self.info.setText(tr("choose an objective"))
            return
        b = self.sim.batch_index
        s2s = self.sim.snapshot.s2s
        self.curve_plot.getAxis("bottom").set_segments(  # the graph's columns: each half's t
            None if s2s is None else [(0, s2s.enc.length), (s2s.enc.length + 1, s2s.dec.length)])
        if self.sim.s2s_gradients is not None:
            self._seq2seq_curves(self.sim.s2s_gradients, b)
            return
        names = sorted(k[:-8] for k in grads.arrays if k.endswith("_dh_norm"))
        for j, key in enumerate(names):
            color = CURVE_COLORS[j % len(CURVE_COLORS)]
            where = _layer_name(key, self.sim.spec.bidirectional)
            self._curve(f"{key}_dh_norm", grads, b, pg.mkPen(color, width=2), f"h {where}")
            if f"{key}_dc_norm" in grads.arrays:
                self._curve(f"{key}_dc_norm", grads, b,
                            pg.mkPen(color, width=1.5, style=Qt.DashLine), f"c {where}")
        self._curve("dx_norm", grads, b, pg.mkPen("#777777", width=1), "x")
        top = f"l{self.sim.spec.num_layers - 1}_fwd_dh_norm"
        for k, (label, other) in enumerate(self.sim.compared):
            color = CURVE_COLORS[(len(names) + k + 2) % len(CURVE_COLORS)]
            self._curve(top, other, b, pg.mkPen(color, width=2.5, style=Qt.DashDotLine),
                        label, key=f"compare:{label}")
        this = tr("this: {title}").format(title=self.sim.spec.title())
        rows = [(this, grads)] + list(self.sim.compared)
        self.strip.show_networks([(label, g.arrays[top][:, b]) for label, g in rows])
        # room for the strip whole (its t axis included) and curves above it: a short dock
        # grows rather than cutting the axis off
        self.plot.setMinimumHeight(self.strip.minimumHeight() + MIN_CURVES_HEIGHT)
        self._show_value(grads)

    def _show_value(self, grads) -> None:
        flag = (tr(" — {n} entries are NaN/inf (magenta in the graph)").format(
            n=grads.nonfinite) if grads.nonfinite else "")
        self.info.setText(f"L = {grads.objective} = {grads.loss:.4g}{flag}")
        self.info.setStyleSheet("color: #b2182b" if grads.nonfinite else "")
        self._on_cursor()

    def _on_cursor(self, *_args) -> None:
        """The cursor sits on the graph's column of the step (a decoder's after c)."""
        self.cursor.setPos(self.sim.column())
        self.strip.cursor.setPos(self.sim.column())

    def _seq2seq_curves(self, grads, b: int) -> None:
        """Both halves on the graph's columns: the encoder's, ‖∂L/∂c‖ at the context's
        column, then the decoder's: the gradient leaving the decoder and entering the
        encoder through c is seen on one axis."""
        s2s = self.sim.snapshot.s2s
        halves = (("encoder", 0, grads.enc, s2s.enc.spec), ("decoder", s2s.enc.length + 1,
                                                            grads.dec, s2s.dec.spec))
        said = {"encoder": tr("encoder"), "decoder": tr("decoder")}
        j = 0
        for name, x0, half, spec in halves:
            for key in sorted(k[:-8] for k in half.arrays if k.endswith("_dh_norm")):
                color = CURVE_COLORS[j % len(CURVE_COLORS)]
                j += 1
                where = f"{said[name]} h {_layer_name(key, spec.bidirectional)}"
                self._curve(f"{key}_dh_norm", half, b, pg.mkPen(color, width=2), where,
                            key=f"{name}:{key}_dh_norm", x0=x0)
        self._curve("dx_norm", grads.enc, b, pg.mkPen("#777777", width=1),
                    f"{said['encoder']} x",
                    key="encoder:dx_norm")
        norm = np.linalg.norm(grads.context[b])
        point = self.curve_plot.plot([s2s.enc.length], [norm] if norm > 0 else [np.nan],
                                     pen=None, symbol="o", symbolBrush="#E69F00")
        self.legend.addItem(point, tr("‖∂L/∂c‖ (context)"))
        self.curves["context"] = point
        self._show_value(grads)
        if self.sim.config.compare:
            self.info.setText(self.info.text() + " — compare overlays single networks only")

    def _show_strip(self, on: bool) -> None:
        if on and self.strip.scene() is None:
            self.plot.addItem(self.strip, row=1, col=0)
        elif not on and self.strip.scene() is not None:
            self.plot.removeItem(self.strip)
            self.plot.setMinimumHeight(0)
        self.curve_plot.showAxis("bottom", not on)  # the strip's t axis serves both

    def _curve(self, array: str, grads, b: int, pen, name: str, key: str | None = None,
               x0: int = 0):
        values = grads.arrays[array][:, b]
        shown = np.where(np.isfinite(values) & (values > 0), values, np.nan)  # log axis
        curve = self.curve_plot.plot(x0 + np.arange(len(values)), shown, pen=pen,
                                     connect="finite")
        self.legend.addItem(curve, name)
        self.curves[key or array] = curve


def _layer_name(key: str, bidirectional: bool) -> str:
    """"l1_bwd" -> "layer 2 ←" (as the graph names its rows)."""
    layer, direction = key[1:].split("_")
    arrow = {"fwd": " →", "bwd": " ←"}[direction] if bidirectional else ""
    return tr("layer {n}").format(n=int(layer) + 1) + arrow


class NetworkStrip(pg.PlotItem):
    """One row per network, one column per step, coloured by log10 ‖∂L/∂h_t‖ of its top
    layer on the graph's fixed scale: the networks side by side, under one cursor, so
    where a gradient dies out is seen at a glance. Sits under the curves, sharing t."""

    ROW_PIXELS = 20

    def __init__(self, curves: pg.PlotItem):
        super().__init__(axisItems={"bottom": IntegerAxis("bottom"), "left": LabelAxis("left")})
        self.setMenuEnabled(False)
        self.hideButtons()
        self.setMouseEnabled(x=True, y=False)
        self.setXLink(curves)
        self.setLabel("bottom", "t   (colour: log10 ‖∂L/∂h_t‖ of the top layer, 1e-8 … 10)")
        self.image = pg.ImageItem()
        self.addItem(self.image)
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#E69F00", width=2))
        self.addItem(self.cursor)
        self.labels: list[str] = []
        for name in ("left", "bottom"):  # rows and the axis below grow with their font
            self.getAxis(name).font_changed.connect(self._fit_height)

    def show_networks(self, rows: list[tuple[str, np.ndarray]]) -> None:
        """rows: (label, (T,) norms), top to bottom."""
        self.labels = [label for label, _ in rows]
        values = np.stack([norms for _, norms in rows[::-1]], axis=1)  # (T, R), bottom first
        rgba = strip_image(log_magnitude(values), GRADIENT_LEVELS, SEQUENTIAL_LUT)
        self.image.setImage(rgba, levels=None)  # row-major: row 0 at the bottom
        self.image.setRect(QRectF(-0.5, 0, values.shape[0], len(rows)))
        self.getAxis("left").setTicks([[(len(rows) - 1 - i + 0.5, label)
                                        for i, label in enumerate(self.labels)]])
        self.setYRange(0, len(rows), padding=0)
        self._fit_height()

    def _fit_height(self) -> None:
        """A row per network, each tall enough for its name; then the t axis and its title."""
        row = max(self.ROW_PIXELS, QFontMetricsF(tick_font(self.getAxis("left"))).height() * 1.15)
        bottom = QFontMetricsF(tick_font(self.getAxis("bottom"))).height()
        title = self.getAxis("bottom").label.boundingRect().height()
        height = math.ceil(row * max(len(self.labels), 1) + bottom + title + 8)
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)
