"""Line pairs that paint only the pairs in view.

pyqtgraph's PlotCurveItem (connect="pairs") hands every segment to QPainter at each paint
(drawLines for wide pens, one path for thin or antialiased ones), and Qt strokes them
all before clipping. The unrolled graph of a whole trace has three arrows a step: at
T = 20,000 they took ~9 ms of every step's paint, for the ~24 columns in view (a step
painted in 26 ms; 11 once culled). CulledPairs hands over only the segments reaching into
the view's x-range: all of them when the view holds them all, so a picture of the whole
view, on screen or exported, is the same.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.PlotCurveItem import arrayToLineSegments

# below this many segments culling saves less than it costs (a mask and a copy per paint)
CULL_FROM = 512


class CulledPairs(pg.PlotCurveItem):
    """connect="pairs" lines that paint the segments overlapping the view's x-range."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, connect="pairs", **kwargs)
        self._range = None  # the view's x-range the pairs in view were chosen for
        self._chosen = None  # their x, y
        self._culled_segments = None  # PrimitiveArray for drawLines (wide pens)
        self._culled_path = None  # QPainterPath (thin or antialiased pens)

    def updateData(self, *args, **kwargs):  # noqa: N802 (pyqtgraph's name)
        self._range = None  # new data: choose again
        super().updateData(*args, **kwargs)

    def viewTransformChanged(self):  # noqa: N802 (pyqtgraph's name)
        # the view moved (at every step the graph follows t): the pen's padding in view
        # units changes, the data's bounds do not. pyqtgraph forgets both, and finding
        # them again is a pass over every point (T = 20,000: 40,000 a kind of arrow)
        self._boundingRect = None
        self.prepareGeometryChange()

    def _in_view(self) -> tuple[np.ndarray, np.ndarray] | None:
        """x, y of the pairs reaching into the view, or None to draw them all (few, or no
        view yet). Chosen again only when the view's x-range or the data change."""
        x, y = self.getData()
        if x is None or len(x) < 2 * CULL_FROM:
            return None
        box = self.getViewBox()
        # not viewRect(): PlotCurveItem's viewTransformChanged leaves its cache stale
        view = None if box is None else self.mapRectFromView(box.viewRect())
        if view is None:
            return None
        # a wide pen (and its square cap) reaches half its width past a pair's ends: a
        # pair that far outside the range still shows at the view's edge
        pens = [self.opts[k] for k in ("pen", "shadowPen") if self.opts[k] is not None]
        reach = max([pen.widthF() for pen in pens] + [1.0]) / 2 + 1.0  # pixels
        margin = reach * view.width() / max(box.width(), 1.0)
        where = (view.left() - margin, view.right() + margin)
        if where != self._range:
            pairs = len(x) // 2
            x0, x1 = x[:2 * pairs:2], x[1:2 * pairs:2]
            keep = np.repeat((np.maximum(x0, x1) >= where[0]) & (np.minimum(x0, x1) <= where[1]),
                             2)
            self._chosen = x[:2 * pairs][keep], y[:2 * pairs][keep]
            self._culled_segments = self._culled_path = None
            self._range = where
        return self._chosen

    def _getLineSegments(self):  # noqa: N802 (pyqtgraph's name)
        chosen = self._in_view()
        if chosen is None:
            return super()._getLineSegments()
        if self._culled_segments is None:
            self._culled_segments = arrayToLineSegments(
                *chosen, connect="pairs", finiteCheck=not self.opts["skipFiniteCheck"])
        return self._culled_segments.drawargs()

    def getPath(self):  # noqa: N802 (pyqtgraph's name)
        chosen = self._in_view()
        if chosen is None:
            return super().getPath()
        if self._culled_path is None:
            self._culled_path = self.generatePath(*chosen)
        return self._culled_path
