"""How the views redraw: an edit (a new trace of the same shapes) and a scrub through a
long trace do only the work that changed, and each view paints once, with what it shows
unchanged (rnnviz bench --part gui / long time these)."""

from __future__ import annotations

import numpy as np
import pytest
from gui_support import load
from PySide6.QtCore import QEvent, QObject

from rnnviz.gui.config import Config

EDITED = Config(cell="lstm", hidden_size=32, num_layers=2, length=60)


class _Paints(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget):
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _obj, event):  # noqa: N802
        if event.type() == QEvent.Paint:
            self.count += 1
        return False


def _edit(qtbot, window, step: int) -> None:
    load(qtbot, window, EDITED.with_(edits=f"clamp f=1@{step}:"))


def test_an_edit_draws_every_view_once_and_keeps_the_arrows(qtbot, window):
    _edit(qtbot, window, 5)
    qtbot.wait(50)  # the edits dock has appeared and laid out
    graph, states = window.graph, window.state_view
    arrows = {key: (item.xData.copy(), item.yData.copy())
              for key, item in graph._arrows.items() if item.xData is not None}
    calls = {"arrows": 0, "output": 0, "cell": 0}

    def counted(name, method):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return method(*args, **kwargs)
        return wrapper

    graph._draw_arrows = counted("arrows", graph._draw_arrows)
    window.output_view._refresh = counted("output", window.output_view._refresh)
    window.cell_view._on_cursor_changed = counted("cell", window.cell_view._on_cursor_changed)
    paints = _Paints(states.canvas.viewport())
    _edit(qtbot, window, 20)
    # settled before the paint: every plot already at its range
    for plot in (states.h_plot, states.c_plot, states.curves_plot):
        assert not plot.getViewBox()._matrixNeedsUpdate
    qtbot.wait(50)
    assert paints.count == 1
    assert calls == {"arrows": 0, "output": 1, "cell": 1}
    for key, (xs, ys) in arrows.items():  # the same steps and rows: the same arrows
        np.testing.assert_array_equal(graph._arrows[key].xData, xs)
        np.testing.assert_array_equal(graph._arrows[key].yData, ys)
    # and every view shows the new edited run
    sim = window.sim
    assert sim.snapshot.diverges_at == 20
    t, layer, unit = sim.t, sim.layer, sim.unit
    np.testing.assert_array_equal(window.cell_view.glyphs["f"].values,
                                  sim.trace.part(layer, "fwd", "f")[t, 0])
    np.testing.assert_array_equal(states.curves[0].yData, sim.trace.part(layer, "fwd", "h")
                                  [:, 0, min(states.picked_units())])
    np.testing.assert_array_equal(window.output_view.values, sim.trace.output[t, 0])
    diff = sim.trace.part(1, "fwd", "c")[:, 0] - sim.snapshot.original.part(1, "fwd", "c")[:, 0]
    np.testing.assert_array_equal(graph.shown["", "layer 2", "Δc"], diff)
    assert unit == sim.unit


def test_another_batch_element_redraws_the_output(qtbot, window):
    load(qtbot, window, Config(cell="gru", hidden_size=6, length=20, batch=3))
    window.sim.seek(7)
    window.sim.select(batch=2)
    np.testing.assert_array_equal(window.output_view.values, window.sim.trace.output[7, 2])


def test_the_gradient_arrows_come_and_go(qtbot, window):
    """Arrows sized by gradients are drawn anew; without them the plain ones come back."""
    load(qtbot, window, Config(cell="rnn", hidden_size=4, length=12, preset="noise"))
    with qtbot.waitSignal(window.sim.gradients_changed, timeout=30_000):
        window.gradient_view.objective.setCurrentText("sum of h_T")
    graph = window.graph
    assert graph._arrows_drawn is None  # never reused: the widths follow the gradients
    assert any(bucket >= 0 for (kind, bucket), item in graph._arrows.items()
               if item.xData is not None and len(item.xData))
    with qtbot.waitSignal(window.sim.gradients_changed, timeout=10_000):
        window.gradient_view.objective.setCurrentText("off")
    assert {bucket for (kind, bucket), item in graph._arrows.items()
            if item.xData is not None and len(item.xData)} == {-2}


@pytest.fixture
def long_window(window, monkeypatch, qtbot):
    monkeypatch.setenv("RNNVIZ_LONG_TRACE_MIB", "1")
    load(qtbot, window, Config(cell="lstm", hidden_size=16, length=8000))
    assert type(window.sim.trace).__name__ == "LongTrace"
    return window


def test_a_scrub_shifts_the_long_windows_arrows(qtbot, long_window):
    """Windows of different lengths share their arrows (moved, not rebuilt), and every
    pair of neighbouring columns drawn has its time arrow."""
    from rnnviz.gui.views.graph_layout import NODE_HALF_WIDTH

    graph, sim = long_window.graph, long_window.sim
    sim.seek(500)  # away from the end, where the arrows stop with the sequence
    drawn = []
    original = graph._draw_arrows
    graph._draw_arrows = lambda *args: (drawn.append(1), original(*args))
    lengths = set()
    for t in (1000, 1031, 4000, 4020, 6500, 2222):
        sim.seek(t)
        block = graph.blocks[0]
        lengths.add(block.length)
        h = graph._arrows["h", -2]
        starts = h.xData[::2] + h.pos().x()  # where each arrow leaves its column
        columns = np.arange(block.offset, block.offset + block.length - 1)
        left = np.round(starts - NODE_HALF_WIDTH).astype(int)
        assert set(columns) <= set(left)  # an arrow out of every column but the last
        assert left.min() == block.offset  # none before the window
    assert len(lengths) > 1 and not drawn
