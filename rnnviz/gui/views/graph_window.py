"""The unrolled graph of a trace too long to hold (a LongTrace): only the steps in view
are drawn, recomputed from the trace's checkpoints as the view moves (graph_view.py)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from rnnviz.gui.views.graph_blocks import graph_blocks
from rnnviz.gui.views.graph_follow import followed
from rnnviz.gui.views.graph_layout import NODE_HALF_WIDTH

MAX_LONG_SPAN = 512  # a long trace: the most steps the graph draws at once (zoomed out)
ARROW_STEPS = 128  # a long trace: arrows are drawn over a whole multiple of this many steps


class LongWindow:
    """GraphView's part for long traces: which steps to draw, and drawing them into the
    strips already there."""

    def _ensure_drawn(self, *_args) -> None:
        """A long trace: the steps in view are drawn (after a step, a jump or a pan)."""
        if not self.blocks or self.sim.snapshot is None or self.sim.snapshot.s2s is not None:
            return
        block = self.blocks[0]
        if block.trace is self.sim.trace or self._moving:
            return  # the whole trace is drawn
        (x0, x1), _ = self.getViewBox().viewRange()
        first, last, need = self._columns(x0, x1)
        if not self._drawn(*need):
            self._move_window(first, last)

    def _drawn(self, lo: int, hi: int) -> bool:
        """Whether steps lo..hi are among those drawn now."""
        block = self.blocks[0]
        return block.offset <= lo <= hi < block.offset + block.length

    def _columns(self, x0: float, x1: float) -> tuple[int, int, tuple[int, int]]:
        """first, last: the columns with a node in a view from x0 to x1; and the steps the
        graph needs drawn for it, a step more each side (the arrows into and out of the
        edge columns show too)."""
        first = max(0, int(np.ceil(x0 - NODE_HALF_WIDTH)))
        last = min(self.sim.length - 1, int(np.floor(x1 + NODE_HALF_WIDTH)),
                   first + MAX_LONG_SPAN)
        return first, last, (max(0, first - 1), min(self.sim.length - 1, last + 1))

    def _read_ahead(self, position: int) -> None:
        """A long trace about to move to `position` (Simulator.seeking): the chunks of the
        steps the view will then need, but the chunk holding `position`, start computing
        on pool threads (LongTrace.start_reading). The views that show that step read its
        chunk on this thread meanwhile, and the graph, made after them (MainWindow),
        draws last: a view across a chunk edge then hardly waits for the other chunk
        (LSTM H=256 in the window: ~0.01 ms typically, with the GIL handed over within
        1 ms (app.GIL_SWITCH_S), against 1-2 ms when the two were computed side by side
        as the graph asked)."""
        trace = self.sim.trace
        if not self.blocks or not hasattr(trace, "start_reading") or \
                self.sim.snapshot.s2s is not None or self.blocks[0].trace is trace:
            return
        (x0, x1), _ = self.getViewBox().viewRange()
        start = followed(x0, x1, float(position), self._last_column())
        if start is not None:
            x0, x1 = start, start + (x1 - x0)
        _, _, (lo, hi) = self._columns(x0, x1)
        if not self._drawn(lo, hi):
            try:
                trace.start_reading(lo, hi, beside=position)
            except RuntimeError:  # the pool is shut down (the app is closing): the chunks
                pass  # are computed when read, as without the read-ahead

    def _move_window(self, first: int, last: int) -> None:
        """A long trace: the chunks holding steps first..last, drawn into the items already
        there (rows, names, scales and legend stay: the scales come from the whole trace)."""
        self._moving = True  # setLimits may move the view: no second move from inside
        try:
            self._redraw_window(first, last)
        finally:
            self._moving = False

    def _redraw_window(self, first: int, last: int) -> None:
        b = self.sim.batch_index
        self.blocks = graph_blocks(self.sim.snapshot, b, (first, last))
        self.block = self.blocks[0]
        for label in self._labels:
            self.removeItem(label)
        self._labels, self._scales = [], []
        self._spare, self._images = self._images, []
        self._draw_block(self.block, None, b)
        for image in self._spare:
            self.removeItem(image)
        self._spare = []
        self._shift_or_draw_arrows()
        self._draw_step_labels()
        self._fit_y()

    def _shift_or_draw_arrows(self) -> None:
        """Arrows that fit the blocks drawn last but for where they start (the same steps
        present, the same rows: a long trace's window moved along, an edit, a new input of
        the same length) are the items there, shifted along x, not rebuilt (an edit or a
        scrub saves ~1-2 ms). Arrows sized by gradients are always drawn anew."""
        spans = self._arrow_spans()
        key = None if any(self._grads(block) is not None for block in self.blocks) \
            else arrows_key(spans, self.sim.snapshot)
        drawn, x0 = self._arrows_drawn, self.blocks[0].x0
        if key is not None and drawn is not None and drawn[0] == key:
            for item in [*self._arrows.values(), self._heads]:
                item.setPos(x0 - drawn[1], 0)
            return
        self._draw_arrows(spans)  # at the blocks' own x
        self._arrows_drawn = None if key is None else (key, x0)

    def _arrow_spans(self) -> list:
        """(block, columns) the arrows are drawn over: each block's own columns; a long
        trace's window, stretched to a whole multiple of ARROW_STEPS columns (fewer at the
        sequence's end), so that windows of any length up to it share their arrows. The
        arrows past the window's last column are never in view: the window holds every
        column in view and one more on each side (_ensure_drawn)."""
        block = self.blocks[0]
        if len(self.blocks) > 1 or block.trace is self.sim.trace:
            return [(block, block.length) for block in self.blocks]
        steps = min(-(-block.length // ARROW_STEPS) * ARROW_STEPS, self.sim.length - block.offset)
        has_input, has_output = self.sim.trace.step_masks(block.offset, block.offset + steps)
        return [(replace(block, has_input=has_input, has_output=has_output), steps)]


def arrows_key(spans: list, snapshot) -> tuple:
    """What the arrows over `spans` ((block, columns) each) depend on, but for the x where
    the first one starts."""
    x0 = spans[0][0].x0
    context = None if snapshot.s2s is None else snapshot.s2s.spec.context
    return context, tuple(
        (block.half, block.x0 - x0, steps, tuple(block.rows), block.spec.cell,
         block.has_input.tobytes(), block.has_output.tobytes(),
         None if block.real is None else block.real.tobytes()) for block, steps in spans)
