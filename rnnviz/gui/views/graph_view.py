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

from rnnviz.gui.colors import (
    DIFFERENCE_COLOR,
    PART_COLORS,
    SEQUENTIAL_LUT,
    scale_for,
    state_bound,
)
from rnnviz.gui.i18n import tr
from rnnviz.gui.trace_bounds import is_long, part_bound, row_bound
from rnnviz.gui.views.axes import IntegerAxis, LabelAxis, tick_font
from rnnviz.gui.views.colour_legend import ColourLegend, legend_scales
from rnnviz.gui.views.culled_lines import CulledPairs
from rnnviz.gui.views.fade import FutureFade
from rnnviz.gui.views.graph_blocks import (
    Block,
    block_arrows,
    block_for,
    context_arrows,
    context_row,
    graph_blocks,
    graph_title,
    position_at,
    x_of,
)
from rnnviz.gui.views.graph_edits import EditedRun
from rnnviz.gui.views.graph_follow import END_ROOM, followed
from rnnviz.gui.views.graph_layout import (
    ARROW_WIDTHS,
    C_STRIP,
    GRADIENT_LEVELS,
    NONFINITE_RGB,
    Row,
    arrow_width_bucket,
    gradient_values,
    log_magnitude,
    row_scale,
    row_values,
    strip_image,
)
from rnnviz.gui.views.graph_window import MAX_LONG_SPAN, LongWindow
from rnnviz.gui.views.settle import settle
from rnnviz.gui.views.still import keep_as_pixmap

GRADIENT_NAME = "|∂L/∂·|"  # the legend's title for the gradient colours
def difference_title() -> str:
    return tr("unrolled network — colour: Δ = edited − original (right-click: values)")
VISIBLE_STEPS = 24  # columns shown at once; the window follows t and can be panned
FRAME_PAD = 0.08  # the current-step frame's margin around its column's nodes (view units)
LABEL_GAP = 0.12  # between the frame and a symbol outside it, in the symbol's own height


class GraphView(LongWindow, EditedRun, pg.PlotWidget):
    """Unrolled graph of the Simulator's trace. Click a node to select it."""

    def __init__(self, simulator, parent=None):
        # the hidden top axis too is whole steps: pyqtgraph's default axis lays its (empty)
        # title out again at every range change, for an SI prefix: at every step and scrub
        super().__init__(parent, background="w", axisItems={
            "bottom": IntegerAxis("bottom"), "top": IntegerAxis("top"),
            "left": LabelAxis("left"), "right": LabelAxis("right")})
        self.hideAxis("top")  # given, pyqtgraph shows it
        keep_as_pixmap(self.getAxis("bottom"), False)  # it moves with t: drawn, not cached
        self.sim = simulator
        self.rows: list[Row] = []  # the shown half's rows (selections refer to them)
        self.blocks: list = []  # one network, or an encoder and a decoder (graph_blocks.py)
        self._batch = 0  # the batch element the nodes are coloured for
        self.gradient_mode = False  # colour nodes by |∂L/∂h| instead of h
        # what if: colour nodes by edited − original (when the snapshot has an original)
        self.difference_mode = True
        self.shown: dict[tuple[str, str, str], np.ndarray] = {}  # (half, row, part) -> (T, U)
        self._bounds: dict[str, float] | None = None  # levels of the differences drawn
        self.setMenuEnabled(False)
        self.hideButtons()
        self.getViewBox().setMouseEnabled(x=True, y=False)
        plot = self.getPlotItem()
        plot.setTitle(tr("unrolled network"))
        plot.layout.removeItem(plot.titleLabel)  # across the axes and the legend: a long
        plot.layout.addItem(plot.titleLabel, 0, 0, 1, 4)  # title never widens the plot
        self._images: list[pg.ImageItem] = []
        self._spare: list[pg.ImageItem] = []  # strips a moving window draws into again
        self._moving = False
        self._arrows_drawn = None  # (what the arrows drawn fit, the x they start at)
        self._labels: list[pg.TextItem] = []
        self._titles: list[pg.TextItem] = []  # an encoder–decoder's "encoder: …", "decoder: …"
        self._scales: list[tuple] = []  # (name, where, levels, lut) of every strip drawn
        self.legend = ColourLegend()  # beside the plot (after the right axis): never on a node
        plot.layout.addItem(self.legend, 2, 3)
        self.legend.follow_font(self.getAxis("left"))
        self.getAxis("left").font_changed.connect(self._fit_y)
        # (kind, width bucket) -> its lines: plain curve items, which a shift along x only
        # moves (a PlotDataItem would recompute its data at every move)
        self._arrows: dict[tuple[str, int], pg.PlotCurveItem] = {}
        self._heads = pg.ScatterPlotItem(pen=None, brush=pg.mkBrush("#555555"), size=7)
        self.addItem(self._heads)
        self._fade = FutureFade(alpha=190)
        self._column = QGraphicsRectItem()
        self._column.setPen(pg.mkPen("#E69F00", width=3))
        self._column.setZValue(11)
        self._selected = QGraphicsRectItem()
        self._selected.setPen(pg.mkPen("#000000", width=2, style=Qt.DashLine))
        self._selected.setZValue(12)
        # what if: the first step at which the edited run leaves the original
        self._diverge = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(
            DIFFERENCE_COLOR, width=2.5, style=Qt.DashLine), label=tr("edits reach here"),
            labelOpts={"position": 0.98, "color": DIFFERENCE_COLOR,
                       "anchors": [(0, 0), (0, 0)], "fill": (255, 255, 255, 220)})
        self._diverge.setZValue(13)
        self._diverge.setVisible(False)
        for item in (self._fade, self._column, self._selected, self._diverge):
            self.addItem(item)
        self.scene().sigMouseClicked.connect(self._on_click)
        self.getViewBox().sigResized.connect(self._fit_y)  # symbols keep their room in pixels
        simulator.trace_changed.connect(self._on_trace_changed)
        simulator.seeking.connect(self._read_ahead)
        simulator.cursor_changed.connect(self._on_cursor_changed)
        simulator.selection_changed.connect(self._on_selection_changed)
        simulator.gradients_changed.connect(self._on_gradients_changed)
        self.getViewBox().sigXRangeChanged.connect(self._ensure_drawn)  # panned: draw more

    def set_gradient_mode(self, on: bool) -> None:
        self.gradient_mode = on
        self._on_gradients_changed()

    def _on_gradients_changed(self) -> None:
        if self.sim.trace is not None:
            self._on_trace_changed()
            self._on_cursor_changed(self.sim.t)

    # ----- built once per trace ------------------------------------------------------------
    def _on_trace_changed(self) -> None:
        # the strips are drawn again into the image items there (an edit, a new input of
        # the same shape: no items removed and added); unused ones go at the end
        self._spare, self._images = self._images, []
        for item in self._labels + self._titles:
            self.removeItem(item)
        self._labels, self._titles, self._scales = [], [], []
        before = [(k.x0, k.length) for k in self.blocks]
        b = self.sim.batch_index
        self._batch = b
        p = self.sim.position  # a long trace: the steps around it (_ensure_drawn adds more)
        self.blocks = graph_blocks(self.sim.snapshot, b, (p - VISIBLE_STEPS, p + VISIBLE_STEPS))
        self.block = next(k for k in self.blocks if k.half == self.sim.snapshot.half)
        self.rows = self.block.rows  # the half shown: the one selections refer to
        grads = self.sim.gradients if self.gradient_mode else None
        self.shown = {}
        self._bounds = self._difference_bounds(b) if self.showing_difference() else None
        for block in self.blocks:
            self._draw_block(block, self._grads(block), b)
        if self.sim.snapshot.s2s is not None:
            self._draw_context(b)
        for image in self._spare:
            self.removeItem(image)
        self._spare = []
        title = difference_title() if self._bounds is not None else \
            graph_title(self.sim.snapshot, grads is not None)
        if title != self.getPlotItem().titleLabel.text:  # set again, it is laid out again
            self.getPlotItem().setTitle(title)
        self._mark_divergence()
        self._shift_or_draw_arrows()  # an edit: the arrows there stay
        self._draw_step_labels()
        self._name_rows()
        self.legend.set_scales(legend_scales(self._scales))
        self.getAxis("bottom").set_segments([(k.x0, k.length) for k in self.blocks]
                                            if len(self.blocks) > 1 else None)
        columns = self.blocks[-1].x0 + self.blocks[-1].length
        same = before == [(k.x0, k.length) for k in self.blocks]  # an edit: the view stays
        if self.blocks[0].x0 == 0 and not same:
            self.setXRange(-0.6, min(columns, VISIBLE_STEPS) - 1 + END_ROOM,  # frame's room
                           padding=0)
        # the whole timeline, also when only the steps around t are drawn (a long trace:
        # then zoomed out at most to MAX_LONG_SPAN steps, all recomputed on demand)
        long = self.blocks[0].trace is not self.sim.trace
        self.getViewBox().setLimits(xMin=-1.5, xMax=max(columns, self.sim.length) + 0.5,
                                    maxXRange=MAX_LONG_SPAN if long else None)
        self._fit_y()
        settle(self.getPlotItem().layout, self.getPlotItem())  # a legend grown: one paint

    def _fit_y(self) -> None:
        """The rows fill the height, leaving just the room, in pixels, that the symbols
        outside the frame need (below: the symbol fed; above: the one written, then the
        titles): in view units that room changes with the plot's height and the font."""
        title = self.getPlotItem().titleLabel  # pyqtgraph fixes its row at 30 px
        height, layout = max(30.0, title.item.boundingRect().height()), \
            self.getPlotItem().layout
        if (layout.rowMinimumHeight(0), layout.rowMaximumHeight(0)) != (height, height):
            # set again, the plot is laid out again (a long trace's window moves: each scrub)
            layout.setRowFixedHeight(0, height)
        if not self.blocks:
            return
        line = self._label_height()
        fed = self._fed_height(line, above=False)
        below = fed * (1 + LABEL_GAP) if any(k.fed for k in self.blocks) else line * 0.3
        above = self._fed_height(line, above=True) * (1 + LABEL_GAP) \
            if any(k.written for k in self.blocks) else line * 0.3
        above += line if self._titles else 0.0
        lo = min(k.rows[0].bottom for k in self.blocks) - FRAME_PAD
        hi = max(k.rows[-1].top for k in self.blocks) + FRAME_PAD
        pixels = max(self.getViewBox().height(), 1.0)
        per_pixel = (hi - lo) / max(pixels - below - above, 0.3 * pixels)  # view units
        bottom, top = lo - below * per_pixel, hi + above * per_pixel
        self.setYRange(bottom, top, padding=0)
        for title in self._titles:
            title.setPos(title.pos().x(), top)
        columns = self.blocks[-1].x0 + self.blocks[-1].length
        faded = top - (line if self._titles else 0.0) * per_pixel  # the titles stay clear
        first = self.blocks[0].x0
        self._fade.set_extent(QRectF(first - 0.5, bottom, columns - first + 1, faded - bottom))

    def _fed_height(self, line: float, above: bool) -> float:
        """Pixels the symbols fed need below the nodes (`above`: the symbols written above
        them): a line, or the longest word when the words stand on end."""
        upright = [label for label in self._labels
                   if label.angle == 90 and getattr(label, "above", False) == above]
        if not upright:
            return line
        return max(line, max(label.textItem.boundingRect().width() for label in upright))

    def _label_height(self) -> float:
        """Pixel height of a symbol's box (text and QGraphicsTextItem's margins): its own,
        or the row names' font's if larger (a zoom may reach the axis first)."""
        item = (self._labels or self._titles or [None])[0]
        own = item.textItem.boundingRect().height() if item is not None else 0.0
        return max(own, QFontMetricsF(tick_font(self.getAxis("left"))).height() + 8)

    def _name_rows(self) -> None:
        """Row names on the left axis; a decoder's on the right axis (its rows differ).
        The axes (LabelAxis) keep their width fitted to these names in their current font."""
        sides = [("left", self.blocks[0]), ("right", self.blocks[1] if len(self.blocks) > 1
                                             else None)]
        for side, block in sides:
            if block is None:
                self.hideAxis(side)
                continue
            self.showAxis(side)
            axis = self.getAxis(side)
            axis.setTicks([self._block_ticks(block)])

    # ----- what if: edited − original --------------------------------------------------------
    def _draw_block(self, block: Block, grads, b: int) -> None:
        trace, spec = block.trace, block.spec
        gradient_scale = (GRADIENT_LEVELS, SEQUENTIAL_LUT)
        bounds = self._bounds if block.trace is self.sim.trace else None
        for row in block.rows:
            where = f"{block.half} {row.label}".strip()
            values, part = row_values(trace, row, b)
            scale = row_scale(spec, part, values, row_bound(self.sim.trace, row, b)
                              if block.trace is not self.sim.trace else None)
            name = {"layer": "h", "cat": "h"}.get(row.kind, part)
            g = None if grads is None else gradient_values(grads, row, b)
            c_diff = None
            if g is not None:
                values, scale, name = log_magnitude(g), gradient_scale, GRADIENT_NAME
            elif bounds is not None:
                diffs = dict(self._differences(row, b))
                values, c_diff = diffs[name], diffs.get("c")
                scale, name = scale_for("c", bounds[name]), "Δ" + name
            present = {"x": block.has_input, "y": block.has_output}.get(row.kind, block.real)
            top = row.top
            if row.kind == "layer" and spec.cell == "lstm":
                c = trace.part(row.layer, row.direction, "c")[:, b]
                long = block.trace is not self.sim.trace and is_long(self.sim.trace)
                c_scale = scale_for("c", part_bound(self.sim.trace, row.layer, row.direction,
                                                    "c") if long else state_bound(c))
                c_name = "c"
                if grads is not None:
                    c = log_magnitude(grads.arrays[f"l{row.layer}_{row.direction}_dc"][:, b])
                    c_scale, c_name = gradient_scale, GRADIENT_NAME
                elif c_diff is not None:
                    c, c_scale, c_name = c_diff, scale_for("c", bounds["c"]), "Δc"
                self._add_strip(c, c_scale, block.x0, top - C_STRIP, C_STRIP, block.real)
                self._scales.append((c_name, where, *c_scale))
                self.shown[block.half, row.label, c_name] = c
                top -= C_STRIP + 0.05
            self._add_strip(values, scale, block.x0, row.bottom, top - row.bottom, present)
            self._scales.append((name, where, *scale))
            self.shown[block.half, row.label, name] = values

    def _draw_context(self, b: int) -> None:
        """The context vector c between the encoder and the decoder, with its arrows."""
        s2s = self.sim.snapshot.s2s
        encoder, decoder = self.blocks
        row = context_row(encoder)
        x = decoder.x0 - 1
        values = s2s.context_mapped[b][None]  # (1, C): one column
        scale, name = scale_for("c", state_bound(values)), "c"
        if self.gradient_mode and self.sim.s2s_gradients is not None:  # ∂L/∂c, like the rest
            values = log_magnitude(self.sim.s2s_gradients.context[b][None])
            scale, name = (GRADIENT_LEVELS, SEQUENTIAL_LUT), GRADIENT_NAME
        self._add_strip(values, scale, x, row.bottom, row.height)
        self._scales.append((name, "context", *scale))
        label = pg.TextItem("c", color=PART_COLORS["c"], anchor=(0.5, 1))
        label.setPos(x, row.top + 0.02)
        self.addItem(label)
        self._labels.append(label)
        for block, text in ((encoder, tr("encoder")), (decoder, tr("decoder"))):
            # at the top edge, above the symbols written: _fit_y keeps it there
            title = pg.TextItem(f"{text}: {block.spec.title()}", color="#333333", anchor=(0, 0))
            title.setPos(block.x0 - 0.4, 0)
            self.addItem(title)
            self._titles.append(title)

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
        pixels = strip_image(values, levels, lut, present)
        # the pixels are the colours: no levels (pyqtgraph would find the min and max of
        # every channel, then scale them through makeARGB, at every step of a long trace)
        if self._spare:
            image = self._spare.pop()
            image.setImage(pixels, autoLevels=False, levels=None)
        else:
            image = pg.ImageItem(pixels, autoLevels=False, levels=None)
            self.addItem(image)
        image.setRect(QRectF(x0 - 0.5, bottom, values.shape[0], height))
        self._images.append(image)

    def _grads(self, block: Block):
        """The gradients drawn on a block (seq2seq: that half's), or None."""
        return self.sim.gradients_for(block.half) if self.gradient_mode else None

    def _draw_arrows(self, spans: list[tuple[Block, int]] | None = None) -> None:
        """Time arrows between neighbouring nodes, arrows up between rows, and for seq2seq
        the context's arrows and the decoder's feedback (its output, fed as the next input).
        `spans`: (block, columns) to draw them over (default: each block's own).

        In gradient mode each arrow's width follows ‖∂L/∂·‖ at its head: the gradient
        about to flow back along it (thick: large; hairline: vanished; magenta: NaN/inf).
        """
        self._arrows_drawn = None  # drawn in place (graph_window.py may shift them after)
        for item in [*self._arrows.values(), self._heads]:
            item.setPos(0, 0)
        groups: dict[str, list] = {"h": [], "c": [], "up": [], "feed": []}
        heads = []
        for block, steps in spans or [(block, block.length) for block in self.blocks]:
            block_arrows(block, self._grads(block), self._batch, groups, heads, steps)
        if self.sim.snapshot.s2s is not None:
            context_arrows(self.blocks, self.sim.snapshot.s2s.spec.context, groups, heads)
        for kind, segments in groups.items():
            self._set_arrows(kind, segments)
        xs = [np.atleast_1d(np.asarray(x, dtype=float)) for x, _, _ in heads]
        ys = [np.broadcast_to(y, np.shape(x)).astype(float) for x, (_, y, _) in zip(xs, heads)]
        symbols = [np.full(len(x), symbol, dtype=object) for x, (_, _, symbol) in zip(xs, heads)]
        self._heads.setData(x=np.concatenate(xs) if xs else [],
                            y=np.concatenate(ys) if ys else [],
                            symbol=np.concatenate(symbols) if symbols else [])

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
                item = CulledPairs(pen=_arrow_pen(kind, bucket))
                item.setZValue(-1 if kind == "up" else 0)
                self.addItem(item)
                self._arrows[(kind, bucket)] = item
            item.setData(*_join(parts))

    def _draw_step_labels(self) -> None:
        """Under each column the symbol fed there (text input, a decoder's previous symbol);
        above a decoder's outputs the symbol it wrote."""
        for block in self.blocks:  # outside the frame, a gap away: the frame never crosses them
            bottom, top = self._frame_span(block)
            if block.fed is not None:
                # words (tokens of an Embedding's vocabulary) stand on end: a column is too
                # narrow for them side by side
                upright = any(len(symbol) > 1 for symbol in block.fed)
                for t, char in enumerate(block.fed):
                    if upright:
                        self._label(block.x0 + t, bottom, char, (1 + LABEL_GAP, 0.5),
                                    angle=90)
                    else:
                        self._label(block.x0 + t, bottom, char, (0.5, -LABEL_GAP))
            if block.written is not None:
                upright = any(len(symbol) > 1 for symbol in block.written)  # words, on end
                for t, char in enumerate(block.written):
                    label = self._label(block.x0 + t, top, char, (-LABEL_GAP, 0.5) if upright
                                        else (0.5, 1 + LABEL_GAP), color="#1A1A1A",
                                        bold=True, angle=90 if upright else 0)
                    label.above = True

    @staticmethod
    def _frame_span(block: Block) -> tuple[float, float]:
        """Bottom and top of the current-step frame in a block's columns: its nodes only."""
        return block.rows[0].bottom - FRAME_PAD, block.rows[-1].top + FRAME_PAD

    def _label(self, x: float, y: float, char: str, anchor, color: str = "#333333",
               bold: bool = False, angle: float = 0) -> pg.TextItem:
        text = (repr(char)[1:-1] if len(char) == 1 else char) or " "
        label = pg.TextItem(text, color=color, anchor=anchor, angle=angle)
        if bold:
            font = QFont(label.textItem.font())
            font.setBold(True)
            label.setFont(font)
        label.setPos(x, y)
        label.above = False  # written above the frame (a decoder's symbol), or fed below it
        self.addItem(label)
        self._labels.append(label)
        return label

    # ----- per step: two rectangles ----------------------------------------------------------
    def _on_cursor_changed(self, _t: int) -> None:
        if not self.rows:
            return
        x = x_of(self.blocks, self.sim.position)  # seq2seq: past the context, in the decoder
        bottom, top = self._frame_span(block_for(self.blocks, self.sim.position))
        self._column.setRect(QRectF(x - 0.42, bottom, 0.84, top - bottom))
        self._fade.set_t(x)
        self._follow(x)
        self._ensure_drawn()
        self._on_selection_changed()

    def _follow(self, x: float) -> None:
        """Keep the current column in view (graph_follow.py says where the view goes)."""
        (x0, x1), _ = self.getViewBox().viewRange()
        start = followed(x0, x1, x, self._last_column())
        if start is None:
            return
        self.setXRange(start, start + (x1 - x0), padding=0)
        # pyqtgraph moves the items to the new range just before it paints, and that move
        # asks for a second paint of the whole view; moved now, the view paints once
        self.getViewBox().updateMatrix()

    def _last_column(self) -> float:
        """x of the timeline's last step (a long trace's, beyond the steps drawn)."""
        if hasattr(self.sim.trace, "window"):
            return float(self.sim.length - 1)
        return self.blocks[-1].x0 + self.blocks[-1].length - 1

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

    def node_at(self, x: float, y: float) -> tuple[Block, int, Row] | None:
        """(block, step, row) of the node at view coordinates (x, y), or None."""
        found = position_at(self.blocks, x) if self.rows else None
        if found is None:
            return None
        block, t = found
        row = min(block.rows, key=lambda r: abs(r.y - y))
        if abs(row.y - y) > row.height / 2 + 0.1:
            return None
        return block, t, row

    def _on_click(self, event) -> None:
        if not self.rows:
            return
        pos = self.getViewBox().mapSceneToView(event.scenePos())
        if event.button() == Qt.RightButton:
            event.accept()
            self.context_menu(pos.x(), pos.y()).exec(event.screenPos().toPoint())
            return
        if event.button() != Qt.LeftButton:
            return
        node = self.node_at(pos.x(), pos.y())
        if node is None:
            return
        block, t, row = node
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
