"""The graph's arrows paint only the pairs in view, and the picture is the one every pair
would give."""

import numpy as np
import pyqtgraph as pg
import pytest
from gui_support import load
from PySide6.QtGui import QImage, QPainter

from rnnviz.gui.config import Config
from rnnviz.gui.views.culled_lines import CULL_FROM, CulledPairs


def _arrows(steps: int) -> tuple[np.ndarray, np.ndarray]:
    """Time arrows t -> t+1 at y = 1 and arrows up at each t, as pairs, as the graph's."""
    t = np.arange(steps, dtype=float)
    across = np.stack([t + 0.2, t + 0.8], 1).ravel(), np.full(2 * steps, 1.0)
    up = np.repeat(t, 2), np.tile([0.1, 0.9], steps)
    return np.concatenate([across[0], up[0]]), np.concatenate([across[1], up[1]])


def _picture(qtbot, item, x_range, plot=None) -> QImage:
    """The plot holding `item` (a new one, or `plot`) as painted at x_range."""
    if plot is None:
        plot = pg.PlotWidget(background="w")  # the lines drawn in colour stand out
        qtbot.addWidget(plot)
    item._plot = plot  # kept while the item is
    plot.resize(400, 300)
    if item.getViewBox() is None:
        plot.addItem(item)
    plot.setXRange(*x_range, padding=0)
    plot.setYRange(0, 1.2, padding=0)
    plot.getViewBox().updateMatrix()  # moved now, as the graph moves its view (_follow)
    plot.show()
    qtbot.waitExposed(plot)
    image = QImage(plot.size(), QImage.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    plot.render(painter)
    painter.end()
    return image


# a path (thin pens), drawLines (wide ones, up to the graph's widest gradient arrow); view
# edges inside the nodes, and just past an arrow up (a wide pen reaches into the view)
@pytest.mark.parametrize("width", [1.0, 2.0, 5.6])
@pytest.mark.parametrize("view", [(1000.4, 1024.6), (1000.02, 1010.02), (999.99, 1009.98)])
def test_culled_pairs_paint_as_all_pairs_would(qtbot, width, view):
    x, y = _arrows(3000)
    culled = CulledPairs(x, y, pen=pg.mkPen("r", width=width))
    plain = pg.PlotCurveItem(x, y, pen=pg.mkPen("r", width=width), connect="pairs")
    seen = _picture(qtbot, culled, view)
    chosen = culled._in_view()
    assert chosen is not None and 0 < len(chosen[0]) < 200  # ~25 steps' arrows, not 6000
    assert np.all((chosen[0] >= view[0] - 1) & (chosen[0] <= view[1] + 1))
    empty = _picture(qtbot, pg.PlotCurveItem([], []), view)
    assert seen != empty  # the lines show: the comparison below can fail
    assert seen == _picture(qtbot, plain, view)


def test_culled_pairs_follow_the_view_and_new_data(qtbot):
    x, y = _arrows(3000)
    culled = CulledPairs(x, y, pen=pg.mkPen("k", width=2))
    _picture(qtbot, culled, (10, 30))
    first = culled._in_view()[0].copy()
    _picture(qtbot, culled, (2000, 2020), culled._plot)
    moved = culled._in_view()[0]
    assert moved.min() >= 1998 and first.max() <= 31
    culled.setData(x, y * 0.5)  # the same range, new data: chosen again
    assert np.array_equal(culled._in_view()[0], moved)
    assert culled._in_view()[1].max() == 0.5  # not 1.0: the new y


def test_few_pairs_are_drawn_as_pyqtgraph_draws_them(qtbot):
    x, y = _arrows(CULL_FROM // 4)
    culled = CulledPairs(x, y, pen=pg.mkPen("k"))
    _picture(qtbot, culled, (0, 10))
    assert culled._in_view() is None


def test_graph_of_a_long_whole_trace_paints_the_arrows_in_view(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=8, length=5000))
    graph = window.graph
    for t in (2500, 4000, 4001):  # the view follows t: the arrows in view follow it
        window.sim.seek(t)
        graph.grab()  # painted: the pairs in view chosen
        assert graph.blocks[0].trace is window.sim.trace  # the whole trace is drawn
        (x0, x1), _ = graph.getViewBox().viewRange()
        assert x0 <= t <= x1
        culled = 0
        for item in graph._arrows.values():
            x, _ = item.getData()
            if x is None or len(x) < 2 * CULL_FROM:
                continue
            chosen = item._in_view()
            assert chosen is not None and 0 < len(chosen[0]) < 4 * (x1 - x0 + 4)
            assert np.all((chosen[0] >= x0 - 1) & (chosen[0] <= x1 + 1))
            culled += 1
        assert culled >= 2  # the time arrows and the arrows up, at least


def test_culled_pairs_keep_their_bounds_as_the_view_moves(qtbot):
    """The view moves at every step: the pairs' bounds in view units (the pen's padding)
    follow it, their data bounds are not searched again."""
    x, y = _arrows(3000)
    culled = CulledPairs(x, y, pen=pg.mkPen("k", width=2))
    plain = pg.PlotCurveItem(x, y, pen=pg.mkPen("k", width=2), connect="pairs")
    _picture(qtbot, culled, (10, 30))
    _picture(qtbot, plain, (10, 30))
    culled.boundingRect()
    found = list(culled._boundsCache)  # the data's bounds, found once
    assert found[0] is not None
    for view in ((500, 540), (2000, 2010)):
        _picture(qtbot, culled, view, culled._plot)
        _picture(qtbot, plain, view, plain._plot)
        assert culled.boundingRect() == plain.boundingRect()  # padding for the new view
        assert all(a is b for a, b in zip(culled._boundsCache, found))  # not searched again
    culled.setData(x * 2, y)  # new data: found anew
    assert culled.boundingRect().right() > 5000
