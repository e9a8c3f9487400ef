"""The window on a trace too long to hold: checkpoints, overview, the steps around t.

RNNVIZ_LONG_TRACE_MIB=1 makes a few thousand steps "long", so these run in seconds; the
million-step case is `rnnviz bench --part long`.
"""

from __future__ import annotations

import sys

import numpy as np
import pytest
from gui_support import load

from rnnviz.core.trace import compute_trace, part_key
from rnnviz.gui.config import Config


@pytest.fixture
def long_window(window, monkeypatch, qtbot):
    monkeypatch.setenv("RNNVIZ_LONG_TRACE_MIB", "1")
    load(qtbot, window, Config(cell="lstm", hidden_size=24, num_layers=2, length=6000,
                               head="softmax", output_size=5))
    assert type(window.sim.trace).__name__ == "LongTrace"
    return window


def reference(window):
    """The same network and input, traced whole (not long)."""
    snap = window.sim.snapshot
    return compute_trace(snap.network, snap.sequence.values, long=False)


def test_every_view_shows_the_step_at_random_places(qtbot, long_window):
    win, sim = long_window, long_window.sim
    full = reference(win)
    rng = np.random.default_rng(0)
    for t in [0, 5999, *rng.integers(0, 6000, 6)]:
        sim.seek(int(t))
        sim.select(layer=int(rng.integers(0, 2)), unit=int(rng.integers(0, 24)))
        t, layer = sim.t, sim.layer
        glyphs = win.cell_view.glyphs
        for name in sim.spec.parts:
            np.testing.assert_allclose(glyphs[name].values, full.part(layer, "fwd", name)[t, 0],
                                       atol=1e-5)
        np.testing.assert_allclose(glyphs["h_prev"].values,
                                   full.previous_state(layer, "fwd", "h", t)[0], atol=1e-5)
        np.testing.assert_allclose(win.output_view.values, full.y[t, 0], atol=1e-5)
        # the graph draws the steps around t, in place: its column is t's
        assert win.graph._column.rect().center().x() == pytest.approx(t)
        block = win.graph.blocks[0]
        assert block.offset <= t < block.offset + block.length
        np.testing.assert_allclose(block.trace.part(layer, "fwd", "h"),
                                   full.part(layer, "fwd", "h")[block.offset:
                                                                block.offset + block.length],
                                   atol=1e-5)
        assert win.transport.slider.value() == t


def test_states_view_shows_the_overview_and_the_steps_around_t(qtbot, long_window):
    win, sim = long_window, long_window.sim
    sv, trace = win.state_view, sim.trace
    assert sv.span.isVisible()
    sim.seek(3210)
    key = part_key(sim.layer, sim.direction, "h")
    overview = trace.overview
    np.testing.assert_array_equal(sv.h_map.image.image, overview.mean(key)[:, 0].T)
    lo, hi = sv.band_values()  # the selected unit's min and max per bin
    np.testing.assert_array_equal(lo, overview.lo[key][:, 0, sim.unit])
    np.testing.assert_array_equal(hi, overview.hi[key][:, 0, sim.unit])
    full = reference(win)  # the bins agree with the whole trace
    whole = full.parts[key][:, 0]
    first = whole[: overview.bin_steps]
    np.testing.assert_allclose(overview.mean(key)[0, 0], first.mean(0), atol=1e-5)
    sv.span.setCurrentIndex(sv.span.findData("near"))
    start, stop = sv.window
    assert start <= sim.t < stop
    np.testing.assert_allclose(sv.h_map.image.image, whole[start:stop].T, atol=1e-5)
    sim.seek(10)  # leaving the steps drawn redraws around the new t
    start, stop = sv.window
    assert start <= 10 < stop
    np.testing.assert_allclose(sv.h_map.image.image, whole[start:stop].T, atol=1e-5)


def test_gradients_are_refused_with_the_reason(qtbot, long_window):
    with qtbot.waitSignal(long_window.sim.error) as said:
        long_window.sim.set_objective("h_T")
    assert "checkpoints" in said.args[0] and "shorten" in said.args[0]
    assert long_window.sim.gradients is None


def test_part_csv_of_a_long_trace_is_complete(qtbot, long_window, tmp_path):
    from rnnviz.export import write_part_csv

    sim = long_window.sim
    path = write_part_csv(sim.trace, 1, "fwd", "c", 0, tmp_path / "c.csv")
    table = np.loadtxt(path, delimiter=",", skiprows=1)
    full = reference(long_window)
    assert table.shape == (6000, 25)
    np.testing.assert_array_equal(table[:, 0], np.arange(6000))
    np.testing.assert_allclose(table[:, 1:], full.part(1, "fwd", "c")[:, 0], atol=1e-5)


def test_a_newer_request_stops_a_long_computation(qtbot, window, monkeypatch):
    """A long first pass reports progress and gives way at once to a newer request."""
    monkeypatch.setenv("RNNVIZ_LONG_TRACE_MIB", "1")
    seen = []
    window.sim.progress.connect(seen.append)
    window.start(Config(cell="lstm", hidden_size=256, length=400_000))  # ~15 s to the end
    qtbot.waitUntil(lambda: len(seen) > 0, timeout=30_000)  # under way
    import time

    start = time.perf_counter()
    load(qtbot, window, Config(cell="gru", hidden_size=8, length=50))
    assert time.perf_counter() - start < 5  # not after the long pass: it stopped
    assert window.sim.spec.cell == "gru" and window.sim.length == 50
    assert 0 < seen[0] < 1


def test_zooming_the_graph_out_draws_a_bounded_window(qtbot, long_window):
    from rnnviz.gui.views.graph_view import MAX_LONG_SPAN

    graph = long_window.graph
    graph.setXRange(0, 5999, padding=0)  # wider than a long trace's graph may show
    (x0, x1), _ = graph.getViewBox().viewRange()
    assert x1 - x0 <= MAX_LONG_SPAN + 1
    block = graph.blocks[0]
    assert block.length <= MAX_LONG_SPAN + 2 * long_window.sim.trace.chunk


def test_graph_colours_are_fixed_over_the_whole_long_trace(qtbot, long_window):
    """The c strips' levels come from the overview: the same wherever the window is."""
    graph, sim = long_window.graph, long_window.sim
    levels = []
    for t in (10, 3000, 5990):
        sim.seek(t)
        levels.append([scale[2] for scale in graph._scales if scale[0] == "c"])
    assert levels[0] == levels[1] == levels[2]
    from rnnviz.gui.colors import bound_of_peak

    peak = max(sim.trace.overview.bound(f"l{layer}_fwd_c") for layer in (0, 1))
    assert max(hi for _, hi in levels[0]) == bound_of_peak(peak)


def test_a_long_traces_animation_frame_equals_its_still(tmp_path, monkeypatch, qapp):
    """The graph of a long trace, stepped frame by frame or opened at the step directly,
    draws the same picture."""
    from PIL import Image

    from rnnviz.cli import main

    monkeypatch.setenv("RNNVIZ_LONG_TRACE_MIB", "1")
    view = ["--cell", "gru", "--hidden-size", "16", "--length", "20000", "--panel", "graph",
            "--size", "900x500"]
    assert main(["animate", *view, "--from", "9000", "--to", "9003",
                 "-o", str(tmp_path / "a.apng")]) == 0
    frames = Image.open(tmp_path / "a.apng")
    for k, step in ((1, 9001), (2, 9002)):  # each: the view slides a column at every step
        still = tmp_path / f"s{step}.png"
        assert main(["snapshot", *view, "--step", str(step), "-o", str(still)]) == 0
        frames.seek(k)
        frame = np.asarray(frames.convert("RGB"))
        np.testing.assert_array_equal(frame, np.asarray(Image.open(still).convert("RGB")),
                                      err_msg=f"t = {step}")


def test_states_keeps_the_still_whole_sequence_as_pixmaps(qtbot, long_window):
    """While t moves over the whole sequence, States' heatmaps, curves and bands are kept
    as pixmaps (a scrub repaints the cursor and fade over them); around t nothing is. The
    picture is the same either way, and Qt's pixmap cache has room for them."""
    from PySide6.QtGui import QPixmapCache
    from PySide6.QtWidgets import QGraphicsItem

    from rnnviz.gui.app import PIXMAP_CACHE_KIB

    win, sim = long_window, long_window.sim
    sv = win.state_view
    win.resize(1400, 900)
    sim.seek(4321)
    qtbot.wait(10)
    items = [sv.h_map.image, sv.c_map.image, *(c.curve for c in sv.curves), *sv.bands.values()]
    assert sv.bands and sv.curves
    assert all(i.cacheMode() == QGraphicsItem.DeviceCoordinateCache for i in items)
    assert QPixmapCache.cacheLimit() >= PIXMAP_CACHE_KIB
    cached = sv.canvas.grab().toImage()
    for item in items:
        item.setCacheMode(QGraphicsItem.NoCache)
    drawn = sv.canvas.grab().toImage()
    assert cached == drawn
    sv.span.setCurrentIndex(sv.span.findData("near"))
    items = [sv.h_map.image, sv.c_map.image, *(c.curve for c in sv.curves)]
    assert all(i.cacheMode() == QGraphicsItem.NoCache for i in items)


def test_graph_reads_ahead_and_draws_after_the_views_of_step_t(qtbot, long_window,
                                                               monkeypatch):
    """A jump whose view reaches back into the chunk before t's: the graph starts that
    chunk on a pool thread as the cursor is about to move, the views of step t read t's
    chunk first (here), and the graph, drawing after them, takes the started one."""
    from rnnviz.core import long_trace

    monkeypatch.setattr(long_trace, "cpu_count", lambda: 2)
    win, sim = long_window, long_window.sim
    store, K = sim.trace.store, sim.trace.chunk
    started, read = [], []
    start, chunk = store.start, store.chunk
    monkeypatch.setattr(store, "start", lambda ks: started.append(list(ks)) or start(ks))
    monkeypatch.setattr(store, "chunk", lambda k: read.append(k) or chunk(k))
    store._cache.clear()
    t = 2 * K + 3  # the view has t near its right edge: it reaches back into chunk 1
    sim.seek(t)
    assert started == [[1]]
    # the started chunk's thread takes the GIL within a millisecond of asking, while
    # this thread runs the views' Python (by default it could wait 5 ms at each call)
    assert sys.getswitchinterval() <= 0.001
    assert read[0] == 2 and 1 in read
    assert not store._started
    block = win.graph.blocks[0]
    assert block.offset < 2 * K <= t < block.offset + block.length
    np.testing.assert_allclose(block.trace.part(0, "fwd", "h"),
                               reference(win).part(0, "fwd", "h")[block.offset:
                                                                  block.offset + block.length],
                               atol=1e-5)


def test_states_keeps_no_pixmaps_when_too_many_would_overflow_the_cache(qtbot, long_window):
    from PySide6.QtWidgets import QGraphicsItem

    from rnnviz.gui.views.state_view import CACHED_MOST

    sv = long_window.state_view
    sv.units_edit.setText("0-23")
    qtbot.wait(10)
    curves = [c.curve for c in sv.curves]
    assert len(curves) + len(sv.bands) + 2 > CACHED_MOST
    assert all(c.cacheMode() == QGraphicsItem.NoCache for c in curves)
    assert sv.h_map.image.cacheMode() == QGraphicsItem.NoCache


def test_a_short_trace_after_the_steps_around_t_keeps_its_still_states(qtbot, long_window,
                                                                       monkeypatch):
    """The span box only matters for a long trace: a short one after 'steps around t' is
    the whole sequence, still while t moves, kept as pixmaps."""
    from PySide6.QtWidgets import QGraphicsItem

    sv = long_window.state_view
    sv.span.setCurrentIndex(sv.span.findData("near"))
    monkeypatch.setenv("RNNVIZ_LONG_TRACE_MIB", "512")
    load(qtbot, long_window, Config(cell="lstm", hidden_size=8, length=50))
    assert type(long_window.sim.trace).__name__ != "LongTrace"
    assert sv.h_map.image.cacheMode() == QGraphicsItem.DeviceCoordinateCache
    assert all(c.curve.cacheMode() == QGraphicsItem.DeviceCoordinateCache for c in sv.curves)
