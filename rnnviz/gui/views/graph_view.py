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
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsRectItem

from rnnviz.gui.colors import PART_COLORS, SEQUENTIAL_LUT, scale_for, state_bound
from rnnviz.gui.views.fade import FutureFade
from rnnviz.gui.views.graph_blocks import (
    Block,
    context_row,
    graph_blocks,
    graph_title,
    position_at,
    x_of,
)
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
        self.rows: list[Row] = []  # the shown half's rows (selections refer to them)
        self.blocks: list = []  # one network, or an encoder and a decoder (graph_blocks.py)
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
        for item in self._images + self._labels:
            self.removeItem(item)
        self._images, self._labels = [], []
        b = self.sim.batch_index
        self._batch = b
        self.blocks = graph_blocks(self.sim.snapshot, b)
        self.block = next(k for k in self.blocks if k.half == self.sim.snapshot.half)
        self.rows = self.block.rows  # the half shown: the one selections refer to
        grads = self.sim.gradients if self.gradient_mode else None
        for block in self.blocks:
            self._draw_block(block, self._grads(block), b)
        if self.sim.snapshot.s2s is not None:
            self._draw_context(b)
        self.getPlotItem().setTitle(graph_title(self.sim.snapshot, grads is not None))
        self._draw_arrows()
        self._draw_step_labels()
        self._name_rows()
        bottom = min(k.rows[0].bottom for k in self.blocks) - 0.35
        top = max(k.rows[-1].top for k in self.blocks) + (0.8 if len(self.blocks) > 1 else 0.1)
        self.setYRange(bottom, top, padding=0.02)
        columns = self.blocks[-1].x0 + self.blocks[-1].length
        self.setXRange(-0.6, min(columns, VISIBLE_STEPS) - 0.3, padding=0)  # room for the frame
        self.getViewBox().setLimits(xMin=-1.5, xMax=columns + 0.5)
        self._fade.set_extent(QRectF(-0.5, bottom - 0.25, columns + 1, top - bottom + 0.35))

    def _name_rows(self) -> None:
        """Row names on the left axis; a decoder's on the right axis (its rows differ)."""
        sides = [("left", self.blocks[0]), ("right", self.blocks[1] if len(self.blocks) > 1
                                             else None)]
        for side, block in sides:
            if block is None:
                self.hideAxis(side)
                continue
            self.showAxis(side)
            axis = self.getAxis(side)
            ticks = self._block_ticks(block)
            axis.setTicks([ticks])
            metrics = QFontMetricsF(axis.style.get("tickFont") or self.font())
            axis.setWidth(int(max(metrics.horizontalAdvance(t) for _, t in ticks)) + 16)

    def _draw_block(self, block: Block, grads, b: int) -> None:
        trace, spec = block.trace, block.spec
        gradient_scale = (GRADIENT_LEVELS, SEQUENTIAL_LUT)
        for row in block.rows:
            values, part = row_values(trace, row, b)
            scale = row_scale(spec, part, values)
            g = None if grads is None else gradient_values(grads, row, b)
            if g is not None:
                values, scale = log_magnitude(g), gradient_scale
            present = {"x": block.has_input, "y": block.has_output}.get(row.kind)
            top = row.top
            if row.kind == "layer" and spec.cell == "lstm":
                c = trace.part(row.layer, row.direction, "c")[:, b]
                c_scale = scale_for("c", state_bound(c))
                if grads is not None:
                    c = log_magnitude(grads.arrays[f"l{row.layer}_{row.direction}_dc"][:, b])
                    c_scale = gradient_scale
                self._add_strip(c, c_scale, block.x0, top - C_STRIP, C_STRIP)
                top -= C_STRIP + 0.05
            self._add_strip(values, scale, block.x0, row.bottom, top - row.bottom, present)

    def _draw_context(self, b: int) -> None:
        """The context vector c between the encoder and the decoder, with its arrows."""
        s2s = self.sim.snapshot.s2s
        encoder, decoder = self.blocks
        row = context_row(encoder)
        x = decoder.x0 - 1
        values = s2s.context_mapped[b][None]  # (1, C): one column
        scale = scale_for("c", state_bound(values))
        if self.gradient_mode and self.sim.s2s_gradients is not None:  # ∂L/∂c, like the rest
            values = log_magnitude(self.sim.s2s_gradients.context[b][None])
            scale = (GRADIENT_LEVELS, SEQUENTIAL_LUT)
        self._add_strip(values, scale, x, row.bottom, row.height)
        label = pg.TextItem("c", color=PART_COLORS["c"], anchor=(0.5, 1))
        label.setPos(x, row.top + 0.02)
        self.addItem(label)
        self._labels.append(label)
        top = max(r.top for block in self.blocks for r in block.rows) + 0.75  # above the symbols
        for block, text in ((encoder, "encoder"), (decoder, "decoder")):
            title = pg.TextItem(f"{text}: {block.spec.title()}", color="#333333", anchor=(0, 0))
            title.setPos(block.x0 - 0.4, top)
            self.addItem(title)
            self._labels.append(title)

    def _block_ticks(self, block: Block) -> list[tuple[float, str]]:
        """Row names; an LSTM layer names its c strip and its h strip."""
        ticks = []
        for row in block.rows:
            if row.kind == "layer" and block.spec.cell == "lstm":
                ticks.append((row.top - C_STRIP / 2, "c"))
                ticks.append(((row.bottom + row.top - C_STRIP) / 2, f"{row.label}  h"))
            else:
                ticks.append((row.y, row.label))
        return ticks

    def _add_strip(self, values: np.ndarray, scale, x0: float, bottom: float, height: float,
                   present: np.ndarray | None = None) -> None:
        levels, lut = scale
        image = pg.ImageItem(strip_image(values, levels, lut, present))
        image.setRect(QRectF(x0 - 0.5, bottom, values.shape[0], height))
        self.addItem(image)
        self._images.append(image)

    def _grads(self, block: Block):
        """The gradients drawn on a block (seq2seq: that half's), or None."""
        return self.sim.gradients_for(block.half) if self.gradient_mode else None

    def _draw_arrows(self) -> None:
        """Time arrows between neighbouring nodes, arrows up between rows, and for seq2seq
        the context's arrows and the decoder's feedback (its output, fed as the next input).

        In gradient mode each arrow's width follows ‖∂L/∂·‖ at its head: the gradient
        about to flow back along it (thick: large; hairline: vanished; magenta: NaN/inf).
        """
        groups: dict[str, list] = {"h": [], "c": [], "up": [], "feed": []}
        heads = []
        for block in self.blocks:
            self._block_arrows(block, self._grads(block), groups, heads)
        if self.sim.snapshot.s2s is not None:
            self._context_arrows(groups, heads)
        for kind, segments in groups.items():
            self._set_arrows(kind, segments)
        spots = []
        for xs, ys, symbol in heads:
            ys = np.broadcast_to(ys, np.shape(xs))
            spots.extend({"pos": (x, y), "symbol": symbol} for x, y in zip(xs, ys))
        self._heads.setData(spots)

    def _block_arrows(self, block: Block, grads, groups, heads) -> None:
        spec, steps = block.spec, block.length
        t = np.arange(steps - 1, dtype=float) + block.x0
        gap = (NODE_HALF_WIDTH + 0.02, 1 - NODE_HALF_WIDTH - 0.06)
        for row in block.rows:
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
        columns = np.arange(steps, dtype=float) + block.x0
        for below, above, dx in vertical_links(block.rows):
            shown = block.has_input if below.kind == "x" else \
                block.has_output if above.kind == "y" else np.ones(steps, bool)
            norms = None if grads is None else arrow_norms(grads, above, "h", self._batch)
            xs = columns[shown] + dx
            groups["up"].append((xs, xs, np.full(len(xs), below.top),
                                 np.full(len(xs), above.bottom - 0.03),
                                 None if norms is None else norms[shown]))
            heads.append((xs, np.full(len(xs), above.bottom - 0.05), "t1"))
        if block.half == "dec" and steps > 1:  # greedy feedback: y_t becomes x_t+1
            y_row, x_row = block.rows[-1], block.rows[0]
            x0 = columns[:-1] + 0.2
            groups["feed"].append((x0, x0 + 0.6, np.full(steps - 1, y_row.bottom),
                                   np.full(steps - 1, x_row.top), None))

    def _context_arrows(self, groups, heads) -> None:
        encoder, decoder = self.blocks
        row = context_row(encoder)
        x = decoder.x0 - 1
        y = row.y
        groups["h"].append((np.array([x - 1 + NODE_HALF_WIDTH + 0.02]),
                            np.array([x - NODE_HALF_WIDTH - 0.06]), np.array([y]), np.array([y]),
                            None))
        heads.append((np.array([x - NODE_HALF_WIDTH - 0.06]), y, "t2"))
        targets = ([r for r in decoder.rows if r.kind == "layer"]
                   if self.sim.snapshot.s2s.spec.context == "init" else [decoder.rows[0]])
        for target in targets:  # h0 of every decoder layer, or its input at every step
            x1 = decoder.x0 - NODE_HALF_WIDTH - 0.06
            groups["c"].append((np.array([x + NODE_HALF_WIDTH + 0.02]), np.array([x1]),
                                np.array([y]), np.array([target.y]), None))
            heads.append((np.array([x1]), target.y, "t2"))

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
        """Under each column the symbol fed there (text input, a decoder's previous symbol);
        above a decoder's outputs the symbol it wrote."""
        for block in self.blocks:
            if block.fed is not None:
                for t, char in enumerate(block.fed):
                    self._label(block.x0 + t, block.rows[0].bottom - 0.02, char, (0.5, 0))
            if block.written is not None:
                for t, char in enumerate(block.written):
                    self._label(block.x0 + t, block.rows[-1].top + 0.02, char, (0.5, 1),
                                color="#1A1A1A", bold=True)

    def _label(self, x: float, y: float, char: str, anchor, color: str = "#333333",
               bold: bool = False) -> None:
        text = repr(char)[1:-1] or " "
        label = pg.TextItem(text, color=color, anchor=anchor)
        if bold:
            font = QFont(label.textItem.font())
            font.setBold(True)
            label.setFont(font)
        label.setPos(x, y)
        self.addItem(label)
        self._labels.append(label)

    # ----- per step: two rectangles ----------------------------------------------------------
    def _on_cursor_changed(self, _t: int) -> None:
        if not self.rows:
            return
        x = x_of(self.blocks, self.sim.position)  # seq2seq: past the context, in the decoder
        bottom = min(k.rows[0].bottom for k in self.blocks) - 0.08
        top = max(k.rows[-1].top for k in self.blocks) + 0.08
        self._column.setRect(QRectF(x - 0.42, bottom, 0.84, top - bottom))
        self._fade.set_t(x)
        self._follow(x)
        self._on_selection_changed()

    def _follow(self, x: float) -> None:
        """Keep the current column in view: slide the visible window when it leaves it."""
        (x0, x1), _ = self.getViewBox().viewRange()
        if x0 + 0.5 <= x <= x1 - 0.5:
            return
        width = x1 - x0
        start = x - width + 1.6 if x > x1 - 0.5 else x - 0.6
        self.setXRange(start, start + width, padding=0)

    def _on_selection_changed(self) -> None:
        if self.rows and self._batch != self.sim.batch_index:  # another sequence: recolour
            self._on_trace_changed()
            self._on_cursor_changed(self.sim.t)
            return
        row = self.selected_row()
        if row is not None:
            x = x_of(self.blocks, self.sim.position)
            self._selected.setRect(QRectF(x - 0.38, row.bottom - 0.04, 0.76, row.height + 0.08))

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
        found = position_at(self.blocks, pos.x())
        if found is None:
            return
        block, t = found
        row = min(block.rows, key=lambda r: abs(r.y - pos.y()))
        if abs(row.y - pos.y()) > row.height / 2 + 0.1:
            return
        self.sim.seek(block.offset + t)  # first: it may switch to the other half
        if row.selectable:
            self.sim.select(layer=row.layer, direction=row.direction)


ARROW_COLORS = {"h": ("#555555", 1.5), "c": (PART_COLORS["c"], 2.0), "up": ("#999999", 1.0),
                "feed": ("#B0B0B0", 1.0)}


def _arrow_pen(kind: str, bucket: int):
    """Plain arrows (bucket -2), gradient widths (0..5), or NaN/inf (-1, magenta)."""
    color, width = ARROW_COLORS[kind]
    if bucket == -1:
        return pg.mkPen(NONFINITE_RGB, width=ARROW_WIDTHS[-1])
    if kind == "feed":  # the decoder's output fed back as its next input
        return pg.mkPen(color, width=width, style=Qt.DashLine)
    return pg.mkPen(color, width=width if bucket == -2 else ARROW_WIDTHS[bucket])


def _join(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    if not parts:
        return np.zeros(0), np.zeros(0)
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
