"""The unrolled graph: one column per time step, one row per layer (and direction).

Each node is a strip of its hidden vector (LSTM: with the cell state above it), in
fixed colour scales. Arrows carry h (and c) along time and h up the layers. The
whole trace is coloured once per trace; a step only moves the highlight and the fade
over future steps, so stepping costs two rectangle moves.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGraphicsRectItem

from rnnviz.gui.colors import PART_COLORS, SEQUENTIAL_LUT, scale_for, state_bound
from rnnviz.gui.views.fade import FutureFade
from rnnviz.gui.views.graph_layout import (
    ARROW_WIDTHS,
    C_STRIP,
    GRADIENT_LEVELS,
    NODE_HALF_WIDTH,
    NONFINITE_RGB,
    Row,
    arrow_norms,
    arrow_width_bucket,
    gradient_values,
    graph_rows,
    log_magnitude,
    row_scale,
    row_values,
    strip_image,
    vertical_links,
)

VISIBLE_STEPS = 24  # columns shown at once; the window follows t and can be panned


class GraphView(pg.PlotWidget):
    """Unrolled graph of the Simulator's trace. Click a node to select it."""

    def __init__(self, simulator, parent=None):
        super().__init__(parent, background="w")
        self.sim = simulator
        self.rows: list[Row] = []
        self._batch = 0  # the batch element the nodes are coloured for
        self.gradient_mode = False  # colour nodes by |∂L/∂h| instead of h
        self.setMenuEnabled(False)
        self.hideButtons()
        self.getViewBox().setMouseEnabled(x=True, y=False)
        self.getPlotItem().setTitle("unrolled network")
        self._images: list[pg.ImageItem] = []
        self._labels: list[pg.TextItem] = []
        self._arrows: dict[tuple[str, int], pg.PlotDataItem] = {}  # (kind, width bucket)
        self._heads = pg.ScatterPlotItem(pen=None, brush=pg.mkBrush("#555555"), size=7)
        self.addItem(self._heads)
        self._fade = FutureFade(alpha=190)
        self._column = QGraphicsRectItem()
        self._column.setPen(pg.mkPen("#E69F00", width=3))
        self._column.setZValue(11)
        self._selected = QGraphicsRectItem()
        self._selected.setPen(pg.mkPen("#000000", width=2, style=Qt.DashLine))
        self._selected.setZValue(12)
        for item in (self._fade, self._column, self._selected):
            self.addItem(item)
        self.scene().sigMouseClicked.connect(self._on_click)
        simulator.trace_changed.connect(self._on_trace_changed)
        simulator.cursor_changed.connect(self._on_cursor_changed)
        simulator.selection_changed.connect(self._on_selection_changed)
        simulator.gradients_changed.connect(self._on_gradients_changed)

    def set_gradient_mode(self, on: bool) -> None:
        self.gradient_mode = on
        self._on_gradients_changed()

    def _on_gradients_changed(self) -> None:
        if self.sim.trace is not None:
            self._on_trace_changed()
            self._on_cursor_changed(self.sim.t)

    # ----- built once per trace ------------------------------------------------------------
    def _on_trace_changed(self) -> None:
        trace, spec = self.sim.trace, self.sim.spec
        for item in self._images + self._labels:
            self.removeItem(item)
        self._images, self._labels = [], []
        self.rows = graph_rows(spec)
        steps, b = trace.length, self.sim.batch_index
        self._batch = b
        grads = self.sim.gradients if self.gradient_mode else None
        gradient_scale = (GRADIENT_LEVELS, SEQUENTIAL_LUT)
        for row in self.rows:
            values, part = row_values(trace, row, b)
            scale = row_scale(spec, part, values)
            g = None if grads is None else gradient_values(grads, row, b)
            if g is not None:
                values, scale = log_magnitude(g), gradient_scale
            top = row.top
            if row.kind == "layer" and spec.cell == "lstm":
                c = trace.part(row.layer, row.direction, "c")[:, b]
                c_scale = scale_for("c", state_bound(c))
                if grads is not None:
                    c = log_magnitude(grads.arrays[f"l{row.layer}_{row.direction}_dc"][:, b])
                    c_scale = gradient_scale
                self._add_strip(c, c_scale, top - C_STRIP, C_STRIP)
                top -= C_STRIP + 0.05
            self._add_strip(values, scale, row.bottom, top - row.bottom)
        self.getPlotItem().setTitle(
            "unrolled network — |∂L/∂·| (log10 scale, fixed 1e-8 … 10)" if grads is not None
            else "unrolled network")
        self._draw_arrows(steps)
        self._draw_step_labels()
        axis = self.getAxis("left")
        ticks = self._row_ticks()
        axis.setTicks([ticks])
        metrics = QFontMetricsF(axis.style.get("tickFont") or self.font())
        axis.setWidth(int(max(metrics.horizontalAdvance(label) for _, label in ticks)) + 16)
        self.setYRange(self.rows[0].bottom - 0.35, self.rows[-1].top + 0.1, padding=0.02)
        width = min(steps, VISIBLE_STEPS)
        self.setXRange(-0.6, width - 0.4, padding=0)
        self.getViewBox().setLimits(xMin=-1.5, xMax=steps + 0.5)
        bottom, top = self.rows[0].bottom - 0.6, self.rows[-1].top + 0.2
        self._fade.set_extent(QRectF(-0.5, bottom, steps + 1, top - bottom))

    def _row_ticks(self) -> list[tuple[float, str]]:
        """Row names on the left axis; an LSTM layer names its c strip and its h strip."""
        ticks = []
        for row in self.rows:
            if row.kind == "layer" and self.sim.spec.cell == "lstm":
                ticks.append((row.top - C_STRIP / 2, "c"))
                ticks.append(((row.bottom + row.top - C_STRIP) / 2, f"{row.label}  h"))
            else:
                ticks.append((row.y, row.label))
        return ticks

    def _add_strip(self, values: np.ndarray, scale, bottom: float, height: float) -> None:
        levels, lut = scale
        image = pg.ImageItem(strip_image(values, levels, lut))
        image.setRect(QRectF(-0.5, bottom, values.shape[0], height))
        self.addItem(image)
        self._images.append(image)

    def _draw_arrows(self, steps: int) -> None:
        """Time arrows between neighbouring nodes, and arrows up between rows.

        In gradient mode each arrow's width follows ‖∂L/∂·‖ at its head: the gradient
        about to flow back along it (thick: large; hairline: vanished; magenta: NaN/inf).
        """
        spec = self.sim.spec
        grads = self.sim.gradients if self.gradient_mode else None
        t = np.arange(steps - 1, dtype=float)
        groups: dict[str, list] = {"h": [], "c": [], "up": []}
        heads = []
        gap = (NODE_HALF_WIDTH + 0.02, 1 - NODE_HALF_WIDTH - 0.06)
        for row in self.rows:
            if row.kind != "layer":
                continue
            forward = row.direction == "fwd"
            y_h = (row.bottom + row.top - (C_STRIP if spec.cell == "lstm" else 0)) / 2
            start, end = (t + gap[0], t + gap[1]) if forward else (t + 1 - gap[0], t + 1 - gap[1])
            head_t = slice(1, None) if forward else slice(0, -1)  # the step each arrow ends at
            parts = [("h", y_h)] + ([("c", row.top - C_STRIP / 2)] if spec.cell == "lstm" else [])
            for part, y in parts:
                norms = None if grads is None else arrow_norms(grads, row, part, self._batch)
                groups[part].append((start, end, np.full_like(start, y), np.full_like(start, y),
                                     None if norms is None else norms[head_t]))
                heads.append((end, y, "t2" if forward else "t3"))
        columns = np.arange(steps, dtype=float)
        for below, above, dx in vertical_links(self.rows):
            norms = None if grads is None else arrow_norms(grads, above, "h", self._batch)
            groups["up"].append((columns + dx, columns + dx, np.full(steps, below.top),
                                 np.full(steps, above.bottom - 0.03), norms))
            heads.append((columns + dx, np.full(steps, above.bottom - 0.05), "t1"))
        for kind, segments in groups.items():
            self._set_arrows(kind, segments)
        spots = []
        for xs, ys, symbol in heads:
            ys = np.broadcast_to(ys, np.shape(xs))
            spots.extend({"pos": (x, y), "symbol": symbol} for x, y in zip(xs, ys))
        self._heads.setData(spots)

    def _set_arrows(self, kind: str, segments: list) -> None:
        """One line item per (kind, width): pyqtgraph draws a whole item with one pen."""
        buckets: dict[int | None, list] = {}
        for x0, x1, y0, y1, norms in segments:
            which = np.full(len(x0), -2) if norms is None else arrow_width_bucket(norms)
            for bucket in np.unique(which):
                chosen = which == bucket
                buckets.setdefault(int(bucket), []).append(
                    (np.stack([x0[chosen], x1[chosen]], 1).ravel(),
                     np.stack([y0[chosen], y1[chosen]], 1).ravel()))
        for key, item in self._arrows.items():
            if key[0] == kind and key[1] not in buckets:
                item.setData([], [])
        for bucket, parts in buckets.items():
            item = self._arrows.get((kind, bucket))
            if item is None:
                item = pg.PlotDataItem(pen=_arrow_pen(kind, bucket), connect="pairs")
                item.setZValue(-1 if kind == "up" else 0)
                self.addItem(item)
                self._arrows[(kind, bucket)] = item
            item.setData(*_join(parts))

    def _draw_step_labels(self) -> None:
        """Under each column: the character fed at that step (text input)."""
        sequence = self.sim.snapshot.sequence
        if sequence.text is None:
            return
        for t, char in enumerate(sequence.text):
            label = pg.TextItem(repr(char)[1:-1] or " ", color="#333333", anchor=(0.5, 0))
            label.setPos(t, self.rows[0].bottom - 0.02)
            self.addItem(label)
            self._labels.append(label)

    # ----- per step: two rectangles ----------------------------------------------------------
    def _on_cursor_changed(self, t: int) -> None:
        if not self.rows:
            return
        bottom, top = self.rows[0].bottom - 0.08, self.rows[-1].top + 0.08
        self._column.setRect(QRectF(t - 0.42, bottom, 0.84, top - bottom))
        self._fade.set_t(t)
        self._follow(t)
        self._on_selection_changed()

    def _follow(self, t: int) -> None:
        """Keep t in view: slide the visible window when t leaves it."""
        (x0, x1), _ = self.getViewBox().viewRange()
        if x0 + 0.5 <= t <= x1 - 0.5:
            return
        width = x1 - x0
        start = t - width + 1.6 if t > x1 - 0.5 else t - 0.6
        self.setXRange(start, start + width, padding=0)

    def _on_selection_changed(self) -> None:
        if self.rows and self._batch != self.sim.batch_index:  # another sequence: recolour
            self._on_trace_changed()
            self._on_cursor_changed(self.sim.t)
            return
        row = self.selected_row()
        if row is not None:
            self._selected.setRect(QRectF(self.sim.t - 0.38, row.bottom - 0.04, 0.76,
                                          row.height + 0.08))

    def selected_row(self) -> Row | None:
        for row in self.rows:
            if row.kind == "layer" and row.layer == self.sim.layer \
                    and row.direction == self.sim.direction:
                return row
        return None

    def _on_click(self, event) -> None:
        if not self.rows or event.button() != Qt.LeftButton:
            return
        pos = self.getViewBox().mapSceneToView(event.scenePos())
        t = int(round(pos.x()))
        row = min(self.rows, key=lambda r: abs(r.y - pos.y()))
        if abs(row.y - pos.y()) > row.height / 2 + 0.1 or not 0 <= t < self.sim.length:
            return
        if row.selectable:
            self.sim.select(layer=row.layer, direction=row.direction)
        self.sim.seek(t)


ARROW_COLORS = {"h": ("#555555", 1.5), "c": (PART_COLORS["c"], 2.0), "up": ("#999999", 1.0)}


def _arrow_pen(kind: str, bucket: int):
    """Plain arrows (bucket -2), gradient widths (0..5), or NaN/inf (-1, magenta)."""
    color, width = ARROW_COLORS[kind]
    if bucket == -1:
        return pg.mkPen(NONFINITE_RGB, width=ARROW_WIDTHS[-1])
    return pg.mkPen(color, width=width if bucket == -2 else ARROW_WIDTHS[bucket])


def _join(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    if not parts:
        return np.zeros(0), np.zeros(0)
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
