"""States over time: heatmaps of h (and c) — units × time — up to t, and unit curves."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rnnviz.core.trace_keys import part_key
from rnnviz.gui.colors import DIFFERENCE_COLOR, scale_for
from rnnviz.gui.i18n import tr
from rnnviz.gui.trace_bounds import is_long, part_bound
from rnnviz.gui.units import parse_units
from rnnviz.gui.views.axes import IntegerAxis
from rnnviz.gui.views.colour_legend import ColourLegend, diverging_scale
from rnnviz.gui.views.fade import FutureFade
from rnnviz.gui.views.settle import settle
from rnnviz.gui.views.state_difference import axis_label, difference, toggle_menu
from rnnviz.gui.views.still import keep_as_pixmap

NEAR_STEPS = 128  # a long trace shown around t: at least this many steps on each side
CURVE_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
ORIGINAL_ALPHA = 170  # what if: the original run's curves, lighter and dotted under the edited
ORIGINAL_DASHES = [1.2, 1.8]  # short dashes (in pen widths): unlike c's long dashes
# the other units' dashed and dotted curves: Qt strokes a dashed line wider than one pixel
# as polygons, ~1 ms per 1000-point curve (an edit at T=1000 repainted States in 13 ms);
# one pixel wide it takes the cosmetic fast path. The selected unit's stay wide.
THIN = 1.0
# States' items kept as pixmaps at most (_cache_still): each is up to its plot's size, ~4 MB
# on a 1920×1080 stage, and app.PIXMAP_CACHE_KIB holds 128 MB (4 picked units of an LSTM,
# edited: 8 curves, 8 originals, 4 bands and 2 heatmaps = 22)
CACHED_MOST = 28


class _Heatmap:
    """One units × time image with a fade over future steps and a cursor line."""

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        self.image = pg.ImageItem()
        plot.addItem(self.image)
        self.fade = FutureFade(alpha=235)
        plot.addItem(self.fade)
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#E69F00", width=2))
        self.unit_line = pg.InfiniteLine(angle=0, pen=pg.mkPen("#000000", width=1,
                                                               style=Qt.DashLine))
        plot.addItem(self.cursor)
        plot.addItem(self.unit_line)

    def set_data(self, values: np.ndarray, scale, start: int = 0, steps: int | None = None
                 ) -> None:
        """values (N, H): drawn as H rows (unit 0 at the bottom) × N columns spanning steps
        start .. start + steps - 1 (default: one column per step)."""
        levels, lut = scale
        steps = values.shape[0] if steps is None else steps
        self.image.setImage(values.T, levels=levels, lut=lut, autoLevels=False)
        extent = QRectF(start - 0.5, -0.5, steps, values.shape[1])
        self.image.setRect(extent)
        self.plot.setLimits(xMin=start - 0.5, xMax=start + steps - 0.5)
        self.fade.set_extent(extent)
        self.plot.setRange(xRange=(start - 0.5, start + steps - 0.5),
                           yRange=(-0.5, values.shape[1] - 0.5), padding=0)
        self.units = values.shape[1]

    def move(self, t: int, unit: int) -> None:
        self.cursor.setPos(t)
        self.fade.set_t(t)
        if self.unit_line.value() != unit:
            self.unit_line.setPos(unit)


def _colour_bar(canvas, plot: pg.PlotItem, row: int) -> ColourLegend:
    """A fixed, labelled scale beside a heatmap (diverging: blue < 0 < red), as vectors."""
    bar = ColourLegend([diverging_scale("", 1.0)])
    bar.follow_font(plot.getAxis("bottom"))
    canvas.addItem(bar, row=row, col=1)
    return bar


def _whole_axes() -> dict:
    """Time and units are whole numbers: no tick between two steps or two units."""
    return {"bottom": IntegerAxis("bottom"), "left": IntegerAxis("left")}


class StateView(QWidget):
    """Heatmaps of the selected cell's h (and c) up to t, and curves of picked units."""

    def __init__(self, simulator, parent=None):
        super().__init__(parent)
        self.sim = simulator
        self.units_edit = QLineEdit("0-3")
        self.units_edit.setToolTip(tr("units to plot, e.g. 0, 3, 5-7 (the selected unit is "
                                      "always drawn, thicker)"))
        self.units_error = QLabel()
        self.units_error.setStyleSheet("color: #b2182b")
        self.span = QComboBox()  # a trace too long to hold: its overview, or steps near t
        self.span.addItem(tr("whole sequence"), "whole")
        self.span.addItem(tr("steps around t"), "near")
        self.span.setToolTip(tr("a long sequence: each column is the mean of a bin of steps "
                                "(whole sequence), or one step (around t)"))
        self.span_label = QLabel(tr("show:"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("plot units:")))
        bar.addWidget(self.units_edit, 1)
        bar.addWidget(self.units_error)
        bar.addWidget(self.span_label)
        bar.addWidget(self.span)
        for widget in (self.span_label, self.span):  # shown for a long trace only
            widget.setVisible(False)
        self.window = (0, 0)  # the steps shown (a long trace around t), or (0, 0)
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground("w")
        self.h_plot = self.canvas.addPlot(row=0, col=0, axisItems=_whole_axes())
        self.c_plot = self.canvas.addPlot(row=1, col=0, axisItems=_whole_axes())
        self.curves_plot = self.canvas.addPlot(row=0, col=2, rowspan=2,
                                               title=tr("picked units over time"),
                                               axisItems={"bottom": IntegerAxis("bottom")})
        for plot in (self.h_plot, self.c_plot, self.curves_plot):
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.getViewBox().setMouseEnabled(x=False, y=False)
        self.h_plot.setLabel("left", axis_label("h", False))
        self.c_plot.setLabel("left", axis_label("c", False))
        self.difference_mode = True  # an edited run: heatmaps of edited − original
        self.curves_plot.setLabel("bottom", "t")
        self.c_plot.setXLink(self.h_plot)
        self.curves_plot.setXLink(self.h_plot)
        self.canvas.ci.layout.setColumnStretchFactor(0, 3)
        self.canvas.ci.layout.setColumnStretchFactor(2, 2)
        self.h_map, self.c_map = _Heatmap(self.h_plot), _Heatmap(self.c_plot)
        self.h_bar = _colour_bar(self.canvas, self.h_plot, row=0)
        self.c_bar = _colour_bar(self.canvas, self.c_plot, row=1)
        self.curve_cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#E69F00", width=2))
        self.curves_plot.addItem(self.curve_cursor)
        self.curve_fade = FutureFade(alpha=235)  # curves are drawn whole; the future covered
        self.curves_plot.addItem(self.curve_fade)
        self.legend = self.curves_plot.addLegend(offset=(5, 1), labelTextSize="8pt", colCount=4)
        self.curves: list[pg.PlotDataItem] = []
        self.original_curves: list[pg.PlotDataItem] = []  # what if: the unedited run's
        self.diverge_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(
            DIFFERENCE_COLOR, width=1.5, style=Qt.DashLine))  # where the runs part
        self.diverge_line.setVisible(False)
        self.curves_plot.addItem(self.diverge_line)
        self.bands: dict[int, pg.FillBetweenItem] = {}  # a long trace's min–max per unit
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        self._drawn = None  # what the curves were last drawn for
        self._curve_pool: list = []  # the curve items, kept in the plot and reused
        self._original_pool: list = []
        self._legend_names: list[str] = []
        self.units_edit.textChanged.connect(self._on_selection_changed)
        self.span.currentIndexChanged.connect(self._on_selection_changed)
        for plot in (self.h_plot, self.c_plot):
            plot.scene().sigMouseClicked.connect(self._on_click)
        simulator.trace_changed.connect(self._on_selection_changed)
        simulator.selection_changed.connect(self._on_selection_changed)
        simulator.cursor_changed.connect(self._on_cursor_changed)

    def picked_units(self) -> list[int]:
        units, error = parse_units(self.units_edit.text(), self.sim.spec.hidden_size)
        self.units_error.setText(error)
        return sorted(set(units) | {self.sim.unit})

    def _on_selection_changed(self, *_args) -> None:
        sim = self.sim
        if sim.trace is None:
            return
        spec, long = sim.spec, is_long(sim.trace)
        # a new trace arrives with trace_changed and selection_changed together: drawn once
        # (rebuilding the curves is most of an edit's repaint)
        drawn = (sim.trace, sim.snapshot.original, sim.layer, sim.direction, sim.batch_index,
                 sim.unit, self.units_edit.text(), self.span.currentIndex(),
                 self.showing_difference())
        if not long and self._drawn is not None and len(self._drawn) == len(drawn) \
                and all(a is b if i < 2 else a == b
                        for i, (a, b) in enumerate(zip(self._drawn, drawn))):
            self._on_cursor_changed(sim.t)
            return
        self._drawn = drawn
        if self.span.isVisibleTo(self) != long:
            self.span.setVisible(long)
            self.span_label.setVisible(long)
        h, start, steps, xs = self._series("h")  # (N, H_out): steps, or bins of them
        bounded = (spec.cell != "rnn" or spec.nonlinearity == "tanh") and not spec.proj_size
        h_scale = scale_for("h", 1.0 if bounded else
                            part_bound(sim.trace, sim.layer, sim.direction, "h"))
        self._draw_map("h", h, h_scale, start, steps)
        is_lstm = spec.cell == "lstm"
        self._show_c_row(is_lstm)
        c = None
        if is_lstm:
            c = self._series("c")[0]
            c_scale = scale_for("c", part_bound(sim.trace, sim.layer, sim.direction, "c"))
            self._draw_map("c", c, c_scale, start, steps)
        title = tr("picked units: h solid, c dashed") if is_lstm else tr("picked units: h")
        if self._original() is not None:
            title += tr(" — dotted, lighter: the original run")
        if len(xs) and long and self.span.currentData() == "whole":
            bin_steps = sim.trace.overview.bin_steps
            title += tr(" — mean of every {n} steps, band: min to max").format(
                n=f"{bin_steps:,}")
        if title != self.curves_plot.titleLabel.text:  # set again, it is laid out again
            self.curves_plot.setTitle(title)
        self._draw_curves(h, c, xs, start, steps)
        settle(self.canvas.ci.layout, self.h_plot, self.c_plot, self.curves_plot)
        self._on_cursor_changed(sim.t)

    def _draw_map(self, name: str, values: np.ndarray, scale, start: int, steps: int) -> None:
        """One heatmap with its colour bar and label: the values, or edited − original."""
        heatmap, bar, plot = (self.h_map, self.h_bar, self.h_plot) if name == "h" else \
            (self.c_map, self.c_bar, self.c_plot)
        diff = self.showing_difference()
        if diff:
            sim = self.sim
            values, scale = difference(self._original(), sim.layer, sim.direction, name,
                                       sim.batch_index, values)
        heatmap.set_data(values, scale, start, steps)
        bar.set_scales([diverging_scale("Δ" if diff else "", scale[0][1])])
        label = axis_label(name, diff)
        if plot.getAxis("left").labelText != label:  # set again, it is laid out again
            plot.setLabel("left", label)

    def showing_difference(self) -> bool:
        """Whether the heatmaps show edited − original now (an edited run, the mode on)."""
        return self.difference_mode and self._original() is not None

    def set_difference_mode(self, on: bool) -> None:
        self.difference_mode = bool(on)
        self._on_selection_changed()

    def _original(self):
        """What if: the unedited run beside the edited one shown, or None."""
        snap = self.sim.snapshot
        if snap is None or snap.original is None or is_long(self.sim.trace):
            return None
        return snap.original

    def _draw_originals(self, xs: np.ndarray, units: list[int], is_lstm: bool) -> None:
        """The original run's curves of the picked units, in their colours, thinner, faint
        and dotted, under the edited run's; and the step from which the two differ."""
        original, snap = self._original(), self.sim.snapshot
        at = None if original is None else snap.diverges_at
        self.diverge_line.setVisible(at is not None)
        if at is not None:
            self.diverge_line.setPos(at - 0.5)
        wanted = []
        if original is not None:
            b, layer, direction = self.sim.batch_index, self.sim.layer, self.sim.direction
            parts = ["h", "c"] if is_lstm else ["h"]
            for j, unit in enumerate(units):
                color = pg.mkColor(CURVE_COLORS[j % len(CURVE_COLORS)])
                color.setAlpha(ORIGINAL_ALPHA)
                for part in parts:
                    values = original.part(layer, direction, part)[:, b, unit]
                    pen = pg.mkPen(color, width=2.4 if unit == self.sim.unit else THIN,
                                   style=Qt.CustomDashLine)
                    pen.setDashPattern(ORIGINAL_DASHES)
                    wanted.append((values, pen, (part, unit)))
        self.original_curves = self._reuse(self._original_pool, xs, wanted, z=-2)
        for curve, (_, _, what) in zip(self.original_curves, wanted):
            curve.original = what

    def _series(self, name: str) -> tuple[np.ndarray, int, int, np.ndarray]:
        """(values (N, units), first step, steps spanned, x of each column) of a part of
        the selected cell: every step; a long trace's overview (bin means) or the whole
        chunks around t (self.window)."""
        sim, b = self.sim, self.sim.batch_index
        trace = sim.trace
        key = part_key(sim.layer, sim.direction, name)
        if not is_long(trace):
            self.window = (0, trace.length)
            values = trace.parts[key][:, b]
            return values, 0, len(values), np.arange(len(values), dtype=float)
        if self.span.currentData() == "whole":
            overview = trace.overview
            self.window = (0, trace.length)
            centres = overview.starts() + (overview.counts() - 1) / 2
            return overview.mean(key)[:, b], 0, overview.bins * overview.bin_steps, centres
        start, stop = trace.near(sim.t, NEAR_STEPS)
        self.window = (start, stop)
        values = trace.store.steps(key, start, stop)[:, b]
        return values, start, stop - start, np.arange(start, stop, dtype=float)

    def _bands(self, xs: np.ndarray, units: list[int]) -> None:
        """A long trace's overview: each picked unit's h, min to max over every bin, in its
        curve's colour (a bin's mean alone hides what oscillates within it)."""
        for band in self.bands.values():
            self.curves_plot.removeItem(band)
        self.bands = {}
        sim = self.sim
        if not is_long(sim.trace) or self.span.currentData() != "whole":
            return
        key = part_key(sim.layer, sim.direction, "h")
        overview, b = sim.trace.overview, sim.batch_index
        for j, unit in enumerate(units):
            lo = pg.PlotDataItem(xs, overview.lo[key][:, b, unit])
            hi = pg.PlotDataItem(xs, overview.hi[key][:, b, unit])
            color = pg.mkColor(CURVE_COLORS[j % len(CURVE_COLORS)])
            color.setAlpha(110 if unit == sim.unit else 60)
            band = pg.FillBetweenItem(lo, hi, brush=pg.mkBrush(color))
            band.setZValue(-5)
            self.curves_plot.addItem(band)
            self.bands[unit] = band

    def _reuse(self, pool: list, xs: np.ndarray, wanted: list, z: float = 0.0) -> list:
        """Curves for `wanted` (values, pen, name): the pool's items given new data and pens,
        more made when needed, the rest hidden. Items stay in the plot: removing and adding
        them again cost most of an edit's repaint."""
        while len(pool) < len(wanted):
            item = self.curves_plot.plot([], [])
            item.setZValue(z)
            pool.append(item)
        for item, (values, pen, _name) in zip(pool, wanted):
            # the same curve (an original run's, the same after every edit): left as it
            # is, its path kept
            if not (item.isVisible() and item.opts["pen"] == pen
                    and _same(item.xData, xs) and _same(item.yData, values)):
                item.setData(xs, values, pen=pen)
            item.setVisible(True)
        for item in pool[len(wanted):]:
            item.setData([], [])
            item.setVisible(False)
        return pool[:len(wanted)]

    def _draw_curves(self, h: np.ndarray, c: np.ndarray | None, xs: np.ndarray,
                     start: int = 0, steps: int = 0) -> None:
        units = [u for u in self.picked_units() if u < h.shape[1]]
        wanted = []
        for j, unit in enumerate(units):
            color = CURVE_COLORS[j % len(CURVE_COLORS)]
            width = 3 if unit == self.sim.unit else 1.5
            if is_long(self.sim.trace) and self.span.currentData() == "whole":
                width /= 3  # bin means, thin over their min–max bands
            wanted.append((h[:, unit], pg.mkPen(color, width=width), f"h[{unit}]"))
            if c is not None:  # dashed, same colour; the plot's title says so
                dashed = width if unit == self.sim.unit else min(width, THIN)
                wanted.append((c[:, unit], pg.mkPen(color, width=dashed, style=Qt.DashLine),
                               None))
        self.curves = self._reuse(self._curve_pool, xs, wanted)
        names = [(curve, name) for curve, (_, _, name) in zip(self.curves, wanted) if name]
        if [n for _, n in names] != self._legend_names:  # the legend only when it changes
            self.legend.clear()
            for curve, name in names:
                self.legend.addItem(curve, name)
            self._legend_names = [n for _, n in names]
        self._bands(xs, units)
        self._draw_originals(xs, units, c is not None)
        lo, hi = self._curve_range(h, c)
        for curve in self.original_curves:
            peak = float(np.abs(curve.yData).max()) if len(curve.yData) else 0.0
            lo, hi = min(lo, -peak), max(hi, peak)
        for unit in self.bands:
            edges = self._curve_range(*(np.asarray(v) for v in self.band_values(unit)))
            lo, hi = min(lo, edges[0]), max(hi, edges[1])
        self.curves_plot.setYRange(lo, hi, padding=0.05)
        self.curve_fade.set_extent(QRectF(start - 0.5, 2 * lo, steps + 1, 2 * (hi - lo)))
        self._cache_still(not is_long(self.sim.trace) or self.span.currentData() == "whole")

    def _cache_still(self, whole: bool) -> None:
        """The whole sequence stays put while t moves: its heatmaps, curves and bands are
        kept as pixmaps, and a step or a scrub repaints only the cursor and the fade over
        them (a long trace's 15,000-point bands are otherwise stroked again at every
        scrub: States' paint 2.0 → 0.85 ms). Around t the range moves with t, and a cache
        would be redrawn at every step. At most CACHED_MOST of them (still.py): many units
        picked would overflow Qt's pixmap cache, which then redraws every item at every
        paint."""
        items = [c.curve for c in self._curve_pool + self._original_pool]
        items += list(self.bands.values())
        items += [self.h_map.image, self.c_map.image]
        keep = whole and sum(item.isVisible() for item in items) <= CACHED_MOST
        for item in items:
            keep_as_pixmap(item, keep)

    def band_values(self, unit: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """A unit's band, lower and upper edges (default: the selected unit's)."""
        band = self.bands[self.sim.unit if unit is None else unit]
        return band.curves[0].yData, band.curves[1].yData

    def _show_c_row(self, show: bool) -> None:
        """The c heatmap only for LSTM; without it, h takes the whole column."""
        layout = self.canvas.ci
        present = self.c_plot in layout.items
        if show and not present:
            layout.addItem(self.c_plot, row=1, col=0)
            layout.addItem(self.c_bar, row=1, col=1)
        elif not show and present:
            layout.removeItem(self.c_plot)
            layout.removeItem(self.c_bar)
        self.c_plot.setVisible(show)
        self.c_bar.setVisible(show)

    @staticmethod
    def _curve_range(h: np.ndarray, c: np.ndarray | None) -> tuple[float, float]:
        peak = max(1.0, float(np.abs(h).max()), float(np.abs(c).max()) if c is not None else 0)
        return -peak, peak

    def _on_cursor_changed(self, t: int) -> None:
        sim = self.sim
        if sim.trace is None:
            return
        start, stop = self.window
        if not start <= t < stop:  # a long trace shown around t: t left the steps drawn
            self._on_selection_changed()
            return
        for heatmap in (self.h_map, self.c_map):
            if hasattr(heatmap, "units"):
                heatmap.move(t, sim.unit)
        self.curve_cursor.setPos(t)
        self.curve_fade.set_t(t)

    def _on_click(self, event) -> None:
        for plot in (self.h_plot, self.c_plot):
            if plot.isVisible() and plot.sceneBoundingRect().contains(event.scenePos()):
                if event.button() == Qt.RightButton and self._original() is not None:
                    # what if: the difference or the values
                    toggle_menu(self, self.difference_mode, self.set_difference_mode) \
                        .popup(event.screenPos().toPoint())
                    return
                pos = plot.getViewBox().mapSceneToView(event.scenePos())
                self.sim.select(unit=int(round(pos.y())))
                self.sim.seek(int(round(pos.x())))
                return


def _same(shown, values) -> bool:
    """Whether a curve's data (None when empty) is `values`, bit for bit."""
    return shown is not None and np.array_equal(shown, values)
