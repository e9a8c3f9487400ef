"""The unrolled graph of a trace too long to hold (a LongTrace): only the steps in view
are drawn, recomputed from the trace's checkpoints as the view moves (graph_view.py)."""

from __future__ import annotations

import numpy as np

from rnnviz.gui.views.graph_blocks import graph_blocks
from rnnviz.gui.views.graph_layout import NODE_HALF_WIDTH

MAX_LONG_SPAN = 512  # a long trace: the most steps the graph draws at once (zoomed out)


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
        first = max(0, int(np.ceil(x0 - NODE_HALF_WIDTH)))  # columns with a node in view
        last = min(self.sim.length - 1, int(np.floor(x1 + NODE_HALF_WIDTH)),
                   first + MAX_LONG_SPAN)
        # a step more each side: the arrows into and out of the edge columns show too
        need = max(0, first - 1), min(self.sim.length - 1, last + 1)
        if not block.offset <= need[0] <= need[1] < block.offset + block.length:
            self._move_window(first, last)

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
        """A window as long as the last one, with the same steps present, has the same
        arrows moved along x: the items are shifted, not rebuilt (a scrub saves ~1.5 ms)."""
        block = self.block
        key = (block.length, block.has_input.tobytes(), block.has_output.tobytes(),
               tuple(block.rows), block.spec.cell)
        drawn = self._arrows_drawn
        if drawn is not None and drawn[0] == key:
            dx = block.x0 - drawn[1]
            for item in [*self._arrows.values(), self._heads]:
                item.setPos(dx, 0)
            return
        self._draw_arrows()
        self._arrows_drawn = (key, block.x0)
