"""Honest axes on the graph, states and gradient plots: whole time steps only, a frame that
never strikes through a symbol, a colour legend beside the graph, and row names that stay
visible however large their font grows."""

from pathlib import Path

import numpy as np
import pytest
from gui_support import load
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtSvg import QSvgGenerator

from rnnviz.gui.config import Config
from rnnviz.gui.views.axes import IntegerAxis, step_spacing, tick_font
from rnnviz.gui.views.colour_legend import (
    ColourLegend,
    diverging_scale,
    gradient_scale,
    pick_ticks,
)

REVERSE = Path(__file__).parent.parent / "resources" / "models" / "reverse.pt"


def ticks_now(axis) -> list[float]:
    """Every tick value the axis draws at its current range and size."""
    length = axis.size().width() if axis.orientation in ("top", "bottom") else \
        axis.size().height()
    return [v for _, values in axis.tickValues(*axis.range, length) for v in values]


def test_spacing_is_one_two_five_and_leaves_room_for_labels():
    assert [step_spacing(p, 30) for p in (40, 20, 10, 5, 1, 0.1)] == [1, 2, 5, 10, 50, 500]
    for pixels_per_step in np.geomspace(0.01, 100, 50):
        spacing = step_spacing(pixels_per_step, 30)
        assert spacing * pixels_per_step >= 30
        assert str(spacing).strip("0") in ("1", "2", "5")


@pytest.mark.parametrize("lo, hi", [(-0.5, 4.5), (-0.6, 23.7), (0, 200), (-0.5, 99_999.5)])
def test_integer_axis_ticks_whole_numbers_that_never_crowd(qtbot, lo, hi):
    axis = IntegerAxis("bottom")
    levels = axis.tickValues(lo, hi, 500)
    values = [v for _, vs in levels for v in vs]
    assert values and all(float(v).is_integer() for v in values)
    spacing, labelled = levels[0]
    metrics = QFontMetricsF(tick_font(axis))
    widest = max(metrics.horizontalAdvance(s) for s in axis.tickStrings(labelled, 1, spacing))
    assert spacing * 500 / (hi - lo) > widest  # neighbouring labels keep a gap
    if len(levels) > 1:  # the every-step ticks between the labels carry no text
        assert set(axis.tickStrings(levels[1][1], 1, levels[1][0])) == {""}


def test_every_time_axis_ticks_whole_steps_at_t_5(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=6, length=5, gradients="h_T",
                               compare="gru,rnn"))
    qtbot.waitUntil(lambda: window.sim.gradients is not None, timeout=30_000)
    qtbot.wait(50)
    states, gradients = window.state_view, window.gradient_view
    axes = {"graph": window.graph.getAxis("bottom"),
            "h map": states.h_plot.getAxis("bottom"), "h units": states.h_plot.getAxis("left"),
            "c map": states.c_plot.getAxis("bottom"),
            "curves": states.curves_plot.getAxis("bottom"),
            "gradients": gradients.curve_plot.getAxis("bottom"),
            "strip": gradients.strip.getAxis("bottom")}
    for name, axis in axes.items():
        values = ticks_now(axis)
        assert values, name
        assert all(float(v).is_integer() for v in values), (name, values)
    assert ticks_now(axes["graph"]) == [0, 1, 2, 3, 4]


def test_encoder_decoder_axis_counts_each_half_from_zero(qtbot, window):
    load(qtbot, window, Config(model=str(REVERSE), topology="seq2seq", preset="text",
                               text="bcafh", vocab="abcdefgh"))
    axis = window.graph.getAxis("bottom")
    values = ticks_now(axis)
    assert 5 not in values  # the context's column is no time step
    assert axis.tickStrings(values, 1, 1) == [str(t) for t in range(5)] * 2


def frame_and_symbols(graph):
    """The current-step frame (with its pen) and the symbols' text boxes, in scene pixels."""
    frame = graph._column.mapRectToScene(graph._column.rect())
    pen = graph._column.pen().widthF() / 2
    frame = frame.adjusted(-pen, -pen, pen, pen)
    column = graph._column.rect().center().x()
    symbols = [label.textItem.sceneBoundingRect() for label in graph._labels
               if abs(label.pos().x() - column) < 0.01]
    return frame, symbols


def test_the_frame_never_crosses_the_symbol_fed(qtbot, window):
    load(qtbot, window, Config(cell="rnn", hidden_size=8, preset="text", text="hello world",
                               head="softmax"))
    for t in (0, 4, 10):
        window.sim.seek(t)
        qtbot.wait(20)
        frame, symbols = frame_and_symbols(window.graph)
        assert len(symbols) == 1
        assert symbols[0].top() > frame.bottom() + 1  # below the frame, with a gap


def test_the_frame_never_crosses_a_decoder_symbol(qtbot, window):
    load(qtbot, window, Config(model=str(REVERSE), topology="seq2seq", preset="text",
                               text="bcafh", vocab="abcdefgh"))
    window.sim.seek(8)  # the decoder's step 2: a symbol fed below, one written above
    qtbot.wait(20)
    frame, symbols = frame_and_symbols(window.graph)
    assert len(symbols) == 2
    below, above = sorted(symbols, key=lambda r: -r.top())
    assert below.top() > frame.bottom() + 1 and above.bottom() < frame.top() - 1
    window.graph.resize(500, 260)  # a short view: the symbols keep their room in pixels
    qtbot.wait(50)
    frame, symbols = frame_and_symbols(window.graph)
    plot = window.graph.getViewBox().sceneBoundingRect()
    assert all(plot.contains(s) for s in symbols)
    assert below.top() > frame.bottom() and above.bottom() < frame.top()


def test_the_graph_has_a_colour_legend_beside_the_nodes(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=6, num_layers=2, length=20,
                               head="softmax", output_size=3))
    legend = window.graph.legend
    scales = {s.title: s for s in legend.scales}
    assert scales["p"].levels == (0.0, 1.0)
    h = next(s for t, s in scales.items() if "h" in t.split(", "))
    assert h.levels == (-1.0, 1.0)  # tanh h: the fixed ±1 scale
    c = [s for t, s in scales.items() if "c" in t.replace(", ", " ").split()]
    assert c and all(s.levels[1] >= 1 for s in c)  # ±(the trace's max |c|, at least 1)
    nodes = window.graph.getViewBox().sceneBoundingRect()  # (pyqtgraph pads it by ½ px)
    assert legend.sceneBoundingRect().left() >= nodes.right() - 1  # beside, never over
    with qtbot.waitSignal(window.sim.gradients_changed, timeout=30_000):
        window.gradient_view.objective.setCurrentText("sum of h_T")
    titles = [s.title for s in legend.scales]
    gradient = next(s for s in legend.scales if s.nonfinite)
    assert gradient.levels == (-8.0, 1.0) and "∂L" in gradient.title
    assert "p" in titles  # the head keeps its probabilities: no gradient is kept for y


def svg_of(widget) -> str:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    svg = QSvgGenerator()
    svg.setOutputDevice(buffer)
    svg.setSize(widget.size())
    svg.setViewBox(QRectF(0, 0, widget.width(), widget.height()))
    painter = QPainter(svg)
    widget.render(painter)
    painter.end()
    return bytes(data).decode()


def test_the_legend_is_vectors_and_text(qtbot):
    import pyqtgraph as pg

    canvas = pg.GraphicsLayoutWidget()
    qtbot.addWidget(canvas)
    legend = ColourLegend([diverging_scale("h", 1.0), gradient_scale()])
    canvas.addItem(legend)
    canvas.resize(200, 400)
    canvas.show()
    qtbot.waitExposed(canvas)
    from PySide6.QtWidgets import QGraphicsItem

    from rnnviz.gui.figure import vector_symbols

    # on screen a pixmap, still while t moves; every export draws it as vectors
    assert legend.cacheMode() == QGraphicsItem.DeviceCoordinateCache
    from rnnviz.gui.capture import qimage_rgba

    cached = qimage_rgba(canvas.grab().toImage()).astype(int)
    with vector_symbols(canvas):
        svg = svg_of(canvas)
        drawn = qimage_rgba(canvas.grab().toImage()).astype(int)
    # the pixmap is the picture drawn, but for a few gradient pixels rounded the other way
    assert np.abs(cached - drawn).max() <= 2
    assert legend.cacheMode() == QGraphicsItem.DeviceCoordinateCache
    assert "<image" not in svg
    assert "linearGradient" in svg  # each bar: a rectangle filled with a gradient
    for text in ("0.5", "NaN/inf", "10⁻⁸", "∂L"):
        assert text in svg


def test_colour_bar_ticks_never_overlap():
    for scale in (diverging_scale("", 1.0), diverging_scale("", 2.25), gradient_scale()):
        for length in (5, 20, 40, 70, 150, 400):
            line = 17.0
            kept = pick_ticks(scale.ticks, scale.levels, length, line)
            offsets = sorted(y for _, _, y in kept)
            assert kept and kept[0][1] == scale.ticks[0][1]  # the top end is always kept
            assert all(b - a >= line for a, b in zip(offsets, offsets[1:])), (length, kept)


def test_state_colour_bars_show_levels_without_collisions(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=6, length=20))
    bar = window.state_view.c_bar
    scale = bar.scales[0]
    assert scale.levels[1] == -scale.levels[0] >= 1
    line = QFontMetricsF(bar.legend_font()).height()
    kept = pick_ticks(scale.ticks, scale.levels, bar.size().height() - line, line)
    assert len(kept) >= 2


def big(axis, factor: float = 3.0) -> QFont:
    font = QFont(tick_font(axis))
    font.setPointSizeF(font.pointSizeF() * factor)
    return font


def wide_enough(axis) -> bool:
    metrics = QFontMetricsF(tick_font(axis))
    widest = max(metrics.horizontalAdvance(text) for _, text in axis._tickLevels[0])
    return axis.width() >= widest + axis.style["tickTextOffset"][0]


def test_row_names_survive_a_three_times_larger_font(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=6, num_layers=2, length=10,
                               head="softmax", output_size=3, gradients="h_T",
                               compare="gru"))
    qtbot.waitUntil(lambda: window.sim.gradients is not None, timeout=30_000)
    graph, strip = window.graph, window.gradient_view.strip
    left = graph.getAxis("left")
    assert any("layer 1" in text for _, text in left._tickLevels[0])
    before = left.width()
    left.setStyle(tickFont=big(left))  # as presentation mode sets it
    strip.getAxis("left").setTickFont(big(strip.getAxis("left")))  # as the stage sets it
    qtbot.wait(50)
    assert left.width() > 2 * before
    assert wide_enough(left) and wide_enough(strip.getAxis("left"))
    curves = window.gradient_view.curve_plot.getAxis("left")
    assert curves.width() == strip.getAxis("left").width()  # the strip stays under the curves
    assert graph.legend.legend_font().pointSizeF() == pytest.approx(
        tick_font(left).pointSizeF())  # the legend grows with the row names
    left.setWidth(20)  # a width given from outside is a floor, never a cut
    assert wide_enough(left)


def test_steps_and_units_never_get_an_si_prefix(qtbot, window):
    """A whole-number axis keeps its label plain: a window whose first network failed
    (empty plots, a tiny range) showed "t (x0.001)" and "h: unit (x0.001)"."""
    from PySide6.QtWidgets import QApplication

    window.start(Config(cell="lstm", hidden_size=8, length=20, model="/nonexistent/m.pt"))
    window.sim.wait()
    QApplication.processEvents()
    states = window.state_view
    for plot, side in ((states.h_plot, "left"), (states.c_plot, "left"),
                       (states.curves_plot, "bottom"), (states.h_plot, "bottom")):
        axis = plot.getAxis(side)
        assert not axis.autoSIPrefix
        assert "(x" not in axis.labelString()


def test_the_graph_time_axis_lays_out_the_labelled_ticks_only(qtbot, window, monkeypatch):
    """Every step has a tick and every n-th a label: the text pyqtgraph lays out and draws
    is the labels alone, not an empty string measured for each unlabelled tick (half of
    the time axis's paint at every step went to those)."""
    load(qtbot, window, Config(cell="lstm", hidden_size=6, length=60))
    window.resize(1400, 900)
    qtbot.wait(20)
    window.sim.seek(40)
    axis = window.graph.getAxis("bottom")
    levels = axis.tickValues(*axis.range, axis.size().width())
    assert len(levels) == 2 and levels[1][0] == 1  # labelled ticks, and one on every step
    asked = []
    strings = axis.tickStrings
    monkeypatch.setattr(axis, "tickStrings",
                        lambda values, scale, spacing: asked.append(spacing) or
                        strings(values, scale, spacing))
    image = window.graph.grab()
    painter = QPainter(image)
    try:
        _, ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    assert asked and set(asked) == {levels[0][0]}  # the labelled level only
    drawn = [text for _, _, text in texts]
    assert drawn and all(drawn) and set(drawn) <= {str(int(v)) for v in levels[0][1]}
    assert len(ticks) >= len(levels[1][1])  # the every-step ticks are still drawn


def test_stepping_lays_out_no_axis_title_again(qtbot, window, monkeypatch):
    """The graph's view moves at every step: none of its axes, the hidden ones included,
    lays its title out again (pyqtgraph's default axis did, for an SI prefix), and the
    top one stays hidden."""
    import pyqtgraph as pg

    load(qtbot, window, Config(cell="lstm", hidden_size=6, length=80))
    window.resize(1400, 900)
    qtbot.wait(20)
    relaid = []
    update = pg.AxisItem._updateLabel
    monkeypatch.setattr(pg.AxisItem, "_updateLabel",
                        lambda axis: relaid.append(axis.orientation) or update(axis))
    for t in range(30, 60):
        window.sim.seek(t)
    qtbot.wait(10)
    assert window.graph.getAxis("bottom").range[1] > 40  # the view followed t
    assert relaid == []
    assert not window.graph.getAxis("top").isVisible()


def _specs_seen(specs):
    """Draw specs as plain values: the axis line, each tick (alpha, ends), each label."""
    (_, a0, a1), ticks, texts = specs
    return ((a0, a1), [(pen.color().alpha(), p0, p1) for pen, p0, p1 in ticks],
            [(rect, int(flags), text) for rect, flags, text in texts])


@pytest.mark.parametrize("orientation", ["bottom", "top"])
@pytest.mark.parametrize("lo, hi, width, points", [
    (-0.6, 23.5, 600, None), (500_100.4, 500_124.6, 600, None), (-0.5, 999_999.5, 900, None),
    (3.2, 9.7, 700, 24), (-10.0, 150.0, 1200, 7)])
def test_time_axis_lean_specs_equal_pyqtgraphs(qtbot, orientation, lo, hi, width, points):
    """The time axis is laid out by axis_specs.horizontal_draw_specs at every step: its
    ticks, pens and labels are pyqtgraph's own, at any range, width and font size."""
    import pyqtgraph as pg

    from rnnviz.gui.views.axis_specs import horizontal_draw_specs

    plot = pg.PlotWidget(axisItems={orientation: IntegerAxis(orientation)})
    qtbot.addWidget(plot)
    plot.showAxis(orientation)
    axis = plot.getAxis(orientation)
    if points is not None:
        font = QFont()
        font.setPointSize(points)
        axis.setTickFont(font)
    plot.resize(width, 300)
    plot.setXRange(lo, hi, padding=0)
    plot.show()
    qtbot.waitExposed(plot)
    image = plot.grab()
    painter = QPainter(image)
    try:
        lean = horizontal_draw_specs(axis, painter)
        theirs = pg.AxisItem.generateDrawSpecs(axis, painter)
    finally:
        painter.end()
    assert lean is not None and lean[1]
    if points is None:  # labels that fit the axis's height (a large font needs a taller one)
        assert len(lean[2]) >= 2
    assert _specs_seen(lean) == _specs_seen(theirs)


def test_lean_specs_leave_other_axes_to_pyqtgraph(qtbot):
    import pyqtgraph as pg

    from rnnviz.gui.views.axis_specs import horizontal_draw_specs

    plot = pg.PlotWidget(axisItems={"bottom": IntegerAxis("bottom"), "left": IntegerAxis("left")})
    qtbot.addWidget(plot)
    image = plot.grab()
    painter = QPainter(image)
    try:
        assert horizontal_draw_specs(plot.getAxis("left"), painter) is None  # upright
        plot.getAxis("bottom").setGrid(80)  # a grid: lines across the plot
        assert horizontal_draw_specs(plot.getAxis("bottom"), painter) is None
        assert plot.getAxis("bottom").generateDrawSpecs(painter) is not None  # pyqtgraph's
    finally:
        painter.end()
