"""Colour legends: what a colour means, drawn as vectors beside a plot.

A bar is a rectangle filled with a linear gradient through the colour map's anchors
(the same evenly spaced anchors the lookup tables interpolate, so the bar shows exactly
the colours of the nodes), with tick labels as text: it stays sharp at any size and is
text and a gradient in an SVG. Tick labels that would touch are left out, the ends first
kept, so labels never overlap however short the bar.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QLinearGradient, QPen
from PySide6.QtWidgets import QSizePolicy

from rnnviz.gui.colors import DIVERGING_ANCHORS, SEQUENTIAL_ANCHORS, SEQUENTIAL_LUT
from rnnviz.gui.views.graph_layout import GRADIENT_LEVELS, NONFINITE_RGB
from rnnviz.gui.views.still import keep_as_pixmap

BAR_WIDTH_EM = 0.9  # the bar's width, in the font's em
MAX_BAR_LINES = 9  # a bar is at most this many text lines long (one scale needs no more)
TICK_GAP_LINES = 0.15  # blank space kept between two tick labels, in text lines
PART_ORDER = ("x", "h", "c", "y", "p")  # a legend title names parts bottom-up, as drawn


@dataclass(frozen=True)
class ColourScale:
    title: str  # what the colours are ("h, x", "c", "p"); "" for none
    levels: tuple[float, float]  # the values at the bottom and the top of the bar
    anchors: tuple[str, ...]  # colours from the bottom to the top, evenly spaced
    ticks: tuple[tuple[float, str], ...]  # (value, label), the most important first
    nonfinite: bool = False  # also a swatch for NaN/inf (magenta)


def _number(value: float) -> str:
    return f"{value:g}".replace("-", "−")


def diverging_scale(title: str, bound: float) -> ColourScale:
    """Blue < 0 < red, fixed at ±bound."""
    ticks = ((bound, _number(bound)), (-bound, _number(-bound)), (0.0, "0"),
             (bound / 2, _number(bound / 2)), (-bound / 2, _number(-bound / 2)))
    return ColourScale(title, (-bound, bound), tuple(DIVERGING_ANCHORS), ticks)


def sequential_scale(title: str) -> ColourScale:
    """Viridis on 0..1 (sigmoid gates, probabilities)."""
    ticks = ((1.0, "1"), (0.0, "0"), (0.5, "0.5"), (0.25, "0.25"), (0.75, "0.75"))
    return ColourScale(title, (0.0, 1.0), tuple(SEQUENTIAL_ANCHORS), ticks)


def _power_of_ten(exponent: int) -> str:
    if exponent in (0, 1):
        return "1" if exponent == 0 else "10"
    digits = str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"10{digits}"


def gradient_scale(title: str = "|∂L/∂·|") -> ColourScale:
    """log10 of a gradient's magnitude on the graph's fixed scale, with NaN/inf apart."""
    lo, hi = (int(v) for v in GRADIENT_LEVELS)
    order = [lo, hi, 0, (lo + hi) // 2] + list(range(lo, hi + 1))
    seen = list(dict.fromkeys(order))
    ticks = tuple((float(e), _power_of_ten(e)) for e in seen)
    return ColourScale(title, (float(lo), float(hi)), tuple(SEQUENTIAL_ANCHORS), ticks,
                       nonfinite=True)


def scale_of(title: str, levels: tuple[float, float], lut: np.ndarray) -> ColourScale:
    """The legend entry of a (levels, lookup table) pair as the views use them."""
    if lut is SEQUENTIAL_LUT:
        if tuple(levels) == tuple(GRADIENT_LEVELS):
            return gradient_scale(title)
        return sequential_scale(title)
    return diverging_scale(title, float(levels[1]))


def legend_scales(drawn: list[tuple]) -> list[ColourScale]:
    """One bar per distinct scale among `drawn` ((part name, where, levels, lut) of each
    strip drawn), titled with the parts that use it, in the order drawn. A part shown on
    two scales (each LSTM layer's c has its own bound) says where each one applies."""
    groups: dict[tuple, list[tuple[str, str]]] = {}
    luts = {}
    for name, where, levels, lut in drawn:
        key = (tuple(float(v) for v in levels), lut is SEQUENTIAL_LUT)
        luts[key] = lut
        if (name, where) not in groups.setdefault(key, []):
            groups[key].append((name, where))
    homes: dict[str, int] = {}  # part name -> on how many scales it is shown
    for members in groups.values():
        for name in dict.fromkeys(n for n, _ in members):
            homes[name] = homes.get(name, 0) + 1
    scales = []
    for key, members in groups.items():
        members.sort(key=lambda m: PART_ORDER.index(m[0].lstrip("Δ"))
                     if m[0].lstrip("Δ") in PART_ORDER else 9)
        parts = [name if homes[name] == 1 else f"{name} {where}" for name, where in members]
        scales.append(scale_of(", ".join(dict.fromkeys(parts)), key[0], luts[key]))
    return scales


def pick_ticks(ticks, levels, length: float, line: float) -> list[tuple[float, str, float]]:
    """(value, label, offset from the bar's bottom) of the ticks that fit, in priority
    order: a tick is kept only if its label keeps a gap to every label kept before it."""
    lo, hi = levels
    kept: list[tuple[float, str, float]] = []
    for value, text in ticks:
        if not lo <= value <= hi:
            continue
        y = (value - lo) / (hi - lo) * length
        if all(abs(y - other) >= line * (1 + TICK_GAP_LINES) for _, _, other in kept):
            kept.append((value, text, y))
    return kept


class ColourLegend(pg.GraphicsWidget):
    """One or more labelled colour bars stacked top to bottom, beside a plot.

    Its width follows its font: the tick font of the axis it follows (`follow_font`), so
    it grows with the plot's labels."""

    def __init__(self, scales: list[ColourScale] | None = None):
        super().__init__()
        self.scales: list[ColourScale] = []
        self._font_axis = None
        self.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Expanding)
        self.setFlag(self.GraphicsItemFlag.ItemClipsToShape, False)
        keep_as_pixmap(self)  # still.py: its text and gradients, ~0.1 ms a paint
        self.set_scales(scales or [])

    def follow_font(self, axis) -> None:
        """Draw with `axis`'s tick font, and follow it when it changes."""
        self._font_axis = axis
        axis.font_changed.connect(self.refit)
        self.refit()

    def set_scales(self, scales: list[ColourScale]) -> None:
        self.scales = list(scales)
        self.refit()

    def legend_font(self) -> QFont:
        if self._font_axis is not None and self._font_axis.style["tickFont"] is not None:
            return QFont(self._font_axis.style["tickFont"])
        return QFont()

    def refit(self) -> None:
        """Width for the widest label in the current font; height is the plot's."""
        metrics = QFontMetricsF(self.legend_font())
        em = metrics.horizontalAdvance("M")
        labels = [text for s in self.scales for _, text in s.ticks]
        if any(s.nonfinite for s in self.scales):
            labels.append("NaN/inf")
        ticks = max((metrics.horizontalAdvance(t) for t in labels), default=0.0)
        titles = max((metrics.horizontalAdvance(s.title) for s in self.scales), default=0.0)
        body = BAR_WIDTH_EM * em + 0.3 * em + 0.25 * em + ticks
        width = math.ceil(max(body, titles) + em) if self.scales else 0
        self.setMinimumWidth(width)
        self.setMaximumWidth(width)
        self.setMinimumHeight(metrics.height() * 2 if self.scales else 0)
        self.updateGeometry()
        self.update()

    def paint(self, p, *_args) -> None:
        if not self.scales:
            return
        font = self.legend_font()
        p.setFont(font)
        metrics = QFontMetricsF(font)
        line, em = metrics.height(), metrics.horizontalAdvance("M")
        title_room = line * (1 + TICK_GAP_LINES)
        swatch = line * 1.3 if any(s.nonfinite for s in self.scales) else 0.0
        # besides its bar, a scale needs its title, half a label above and below the bar,
        # and a gap before the next one
        overhead = sum(title_room if s.title else 0.0 for s in self.scales) + \
            len(self.scales) * line * (1 + 2 * TICK_GAP_LINES)
        room = (self.size().height() - overhead - swatch) / len(self.scales)
        length = max(min(room, MAX_BAR_LINES * line), line)
        x, y = 0.5 * em, 0.0
        for scale in self.scales:
            if scale.title:
                p.setPen(QColor("#333333"))
                p.drawText(QRectF(0, y, self.size().width(), line), Qt.AlignHCenter, scale.title)
                y += title_room
            y += line / 2
            self._bar(p, scale, QRectF(x, y, BAR_WIDTH_EM * em, length), line, em)
            y += length + line * (0.5 + 2 * TICK_GAP_LINES)
        if swatch:
            self._swatch(p, QRectF(x, y, BAR_WIDTH_EM * em, line), em)

    def _bar(self, p, scale: ColourScale, rect: QRectF, line: float, em: float) -> None:
        gradient = QLinearGradient(rect.bottomLeft(), rect.topLeft())  # low values at the bottom
        for k, colour in enumerate(scale.anchors):
            gradient.setColorAt(k / (len(scale.anchors) - 1), QColor(colour))
        p.fillRect(rect, gradient)
        p.setPen(QPen(QColor("#555555"), 1))
        p.drawRect(rect)
        tick = rect.right() + 0.3 * em
        for _value, text, offset in pick_ticks(scale.ticks, scale.levels, rect.height(), line):
            y = rect.bottom() - offset
            p.drawLine(QPointF(rect.right(), y), QPointF(tick, y))
            p.drawText(QRectF(tick + 0.25 * em, y - line / 2, self.size().width(), line),
                       Qt.AlignLeft | Qt.AlignVCenter, text)

    def _swatch(self, p, rect: QRectF, em: float) -> None:
        p.fillRect(rect, QColor(*NONFINITE_RGB))
        p.drawText(QRectF(rect.right() + 0.55 * em, rect.top(), self.size().width(),
                          rect.height()), Qt.AlignLeft | Qt.AlignVCenter, "NaN/inf")
