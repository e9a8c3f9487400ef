"""Axes shared by the plots: time in whole steps, and row labels that keep their room.

Time is a whole number everywhere (a half step does not exist), so every time axis is an
`IntegerAxis` (and so are other counts: units, optimizer steps). Axes whose labels are
words ("layer 1 h", "this: GRU 1×5") are `LabelAxis`: their width follows the widest
label in the tick font they have *now*, so a font made larger later (presentation mode,
the stage) never pushes a label out of sight.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontMetricsF

from rnnviz.gui.views.axis_specs import horizontal_draw_specs
from rnnviz.gui.views.still import keep_as_pixmap

MIN_TICK_GAP_EM = 1.2  # blank space between neighbouring time labels, in the font's em


def tick_font(axis: pg.AxisItem) -> QFont:
    """The font an axis draws its tick labels with (pyqtgraph: the application font if unset)."""
    return QFont(axis.style["tickFont"] or QFont())


def step_spacing(pixels_per_step: float, label_pixels: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50 … steps that leaves room for every label."""
    if pixels_per_step <= 0:
        return 1
    spacing = 1
    while spacing * pixels_per_step < label_pixels:
        spacing = spacing * 5 // 2 if str(spacing)[0] == "2" else spacing * 2
        if spacing > 10**12:  # a degenerate range; any whole number will do
            break
    return spacing


class LabelAxis(pg.AxisItem):
    """An axis that, upright, is always wide enough for its widest tick label.

    pyqtgraph skips a label wider than the axis, and an axis given a fixed width keeps it
    when the font grows: that is how row names vanished. This axis recomputes its width
    whenever its ticks, range or font change (pyqtgraph signals no font change: the
    setters are overridden), and emits `font_changed` so items beside it follow. Axes
    whose plots must line up (a strip under curves) are joined with `share_width` and all
    take the widest one's width. A width given with `setWidth` is a minimum: the axis is
    never narrower than its labels need.

    Signals: font_changed — the tick font changed.
    """

    font_changed = Signal()

    def __init__(self, orientation: str = "left", **kwargs):
        self.partners: list[LabelAxis] = [self]
        self.min_width = 0
        super().__init__(orientation, **kwargs)
        # still.py: most axes stand still while t moves (row names, units, a whole
        # sequence's time), and a step repaints their views whole (8 of the window's 9
        # axes: ~0.3 ms a step). An axis that moves with t turns this off (the graph's time)
        keep_as_pixmap(self)

    def share_width(self, *others: LabelAxis) -> None:
        group = self.partners
        for other in others:
            group.extend(a for a in other.partners if a not in group)
        for axis in group:
            axis.partners = group
        self.fit()

    def setTicks(self, ticks) -> None:  # noqa: N802
        if ticks is not None and ticks == self._tickLevels:
            return  # the same labels (an edit's new trace): nothing to measure or draw again
        super().setTicks(ticks)
        self.fit()

    def setLabel(self, *args, **kwargs) -> None:  # noqa: N802
        super().setLabel(*args, **kwargs)
        if hasattr(self, "label"):  # the base constructor sets a label before it has one
            self.fit()

    def linkedViewChanged(self, view, newRange=None) -> None:  # noqa: N802, N803
        super().linkedViewChanged(view, newRange)
        if self._tickLevels is None:  # automatic ticks: their labels follow the range
            self.fit()

    def setStyle(self, **kwargs) -> None:  # noqa: N802
        super().setStyle(**kwargs)
        if "tickFont" in kwargs:
            self._on_font()

    def setTickFont(self, font: QFont | None) -> None:  # noqa: N802
        super().setTickFont(font)
        self._on_font()

    def _on_font(self) -> None:
        self.picture = None
        self.fit()
        self.font_changed.emit()

    def labels(self) -> list[str]:
        """The tick labels drawn now: the given ones, or those of the current range."""
        if self._tickLevels is not None:
            return [text for level in self._tickLevels for _, text in level]
        lo, hi = self.range
        strings = []
        for spacing, values in self.tickValues(lo, hi, max(self.size().height(), 1)):
            strings.extend(self.tickStrings(values, self.autoSIPrefixScale * self.scale,
                                            spacing))
        return strings

    def needed_width(self) -> int:
        if not self.isVisible() or self.orientation not in ("left", "right"):
            return 0
        metrics = QFontMetricsF(tick_font(self))
        text = max((metrics.horizontalAdvance(s) for s in self.labels()), default=0.0)
        width = text + self.style["tickTextOffset"][0] + max(0, self.style["tickLength"]) + 4
        if self.label.isVisible():  # the axis title, turned on its side
            width += self.label.boundingRect().height() * 0.8
        return int(math.ceil(width))

    def setWidth(self, w: int | None = None) -> None:  # noqa: N802
        self.min_width = w or 0
        self.fit()

    def fit(self) -> None:
        if self.orientation not in ("left", "right"):  # across a horizontal axis: its height
            return
        self.partners[:] = [a for a in self.partners if shiboken6.isValid(a)]  # a plot closed
        if self not in self.partners:  # being deleted itself
            return
        width = max(max(axis.needed_width(), axis.min_width) for axis in self.partners)
        for axis in self.partners:
            if axis.fixedWidth != width:
                pg.AxisItem.setWidth(axis, width)

    def paint(self, p, opt, widget) -> None:
        if self.picture is None:  # about to measure anew: a label font set behind our back
            self.fit()
        super().paint(p, opt, widget)


class IntegerAxis(LabelAxis):
    """An axis of whole numbers (time steps, units): ticks on integers only, spaced 1, 2, 5,
    10, 20, 50 … apart so the labels never crowd, however long the sequence.

    `set_segments` makes it count steps per segment: an encoder–decoder graph has the
    encoder's steps 0…N−1, a column for the context (no tick), then the decoder's 0…M−1.
    Upright (units), it keeps the width of its labels like any LabelAxis.
    """

    def __init__(self, orientation: str = "bottom", **kwargs):
        self.segments: list[tuple[float, int]] | None = None  # (x of step 0, steps)
        self._labelled = 1  # the spacing of the labelled ticks, set with the tick values
        super().__init__(orientation, **kwargs)
        # whole numbers need no SI prefix: an empty plot's tiny range made it "t (x0.001)"
        self.enableAutoSIPrefix(False)
        # text for the first tick level only: the every-step ticks between labels are never
        # labelled, and pyqtgraph would lay out and draw an empty string for each of them
        # (the graph's time axis, drawn anew at every step: 1.0 → 0.65 ms a paint)
        self.setStyle(maxTextLevel=0)

    def generateDrawSpecs(self, p):  # noqa: N802
        # a time axis is laid out anew at every step: the lean version where it applies
        specs = horizontal_draw_specs(self, p)
        return specs if specs is not None else super().generateDrawSpecs(p)

    def set_segments(self, segments: list[tuple[float, int]] | None) -> None:
        self.segments = segments
        self.picture = None
        self.update()

    def tickValues(self, minVal: float, maxVal: float, size: float):  # noqa: N802
        lo, hi = sorted((minVal, maxVal))
        if size <= 0 or not math.isfinite(hi - lo) or hi - lo <= 0:
            return []
        metrics = QFontMetricsF(tick_font(self))
        gap = MIN_TICK_GAP_EM * metrics.horizontalAdvance("M")
        if self.orientation in ("left", "right"):  # labels stacked: their height counts
            label = metrics.height() + gap / 2
        else:
            widest = str(max(abs(math.floor(lo)), abs(math.ceil(hi))))  # steps are never < 0
            label = metrics.horizontalAdvance(widest) + gap
        pixels_per_step = size / (hi - lo)
        spacing = step_spacing(pixels_per_step, label)
        self._labelled = spacing
        levels = [(spacing, self._values(lo, hi, spacing))]
        if spacing > 1 and pixels_per_step >= 6:  # unlabelled ticks on every step
            levels.append((1, self._values(lo, hi, 1)))
        return levels

    def _values(self, lo: float, hi: float, spacing: int) -> list[float]:
        segments = self.segments or [(0.0, None)]
        values = []
        for x0, steps in segments:
            first = max(math.ceil((lo - x0) / spacing) * spacing, 0)
            last = math.floor(hi - x0) if steps is None else min(math.floor(hi - x0), steps - 1)
            values.extend(x0 + t for t in range(first, last + 1, spacing))
        return values

    def tickStrings(self, values, scale, spacing) -> list[str]:  # noqa: N802
        if spacing < self._labelled:
            return [""] * len(values)  # the every-step ticks between labels stay unlabelled
        return [str(self._step(v)) for v in values]

    def _step(self, x: float) -> int:
        for x0, steps in self.segments or []:
            if x0 <= x < x0 + steps:
                return int(round(x - x0))
        return int(round(x))
