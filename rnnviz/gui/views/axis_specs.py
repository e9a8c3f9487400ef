"""A horizontal axis's drawing specs, as pyqtgraph's AxisItem.generateDrawSpecs makes them,
in a fraction of its time.

The graph's time axis moves with t: at every step or scrub it is laid out anew, and
pyqtgraph's general version (any orientation, grids, tick alpha styles, text fill limits)
took ~0.45 ms of that, most of it in Point objects and in laying out each label's text
to measure it. This one covers the case the graph and the plots use — horizontal, no
grid, the axis line not stopped at a tick, labels on the first tick level only — gives
the same specs (tests compare them), and remembers each label's size per font. Other
cases return None: the caller then uses pyqtgraph's.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen

# (font key, the device's logical dpi, text) -> w, h: a size measured on one device is
# never reused on another (a picture, an exported image)
_TEXT_SIZES: dict[tuple[str, int, str], tuple[float, float]] = {}
_MOST_SIZES = 4096  # labels remembered (steps' numbers; cleared when full)


def horizontal_draw_specs(axis, p):
    """(axisSpec, tickSpecs, textSpecs) for a top or bottom `axis` painted with `p`, or None
    where pyqtgraph's own version is needed."""
    style = axis.style
    if axis.orientation not in ("bottom", "top") or axis.grid is not False or \
            any(style["stopAxisAtTick"]) or style["tickAlpha"] is not None or \
            axis._tickLevels is not None or not style["showValues"] or \
            style["maxTextLevel"] != 0:
        return None
    if style["tickFont"] is not None:
        p.setFont(style["tickFont"])
    bounds = axis.mapRectFromParent(axis.geometry())
    bottom = axis.orientation == "bottom"
    edge = bounds.top() + 1.0 if bottom else bounds.bottom() - 1.0
    span = (QPointF(bounds.left() - 1.0, edge), QPointF(bounds.right() + 1.0, edge))
    ends = [axis.mapToDevice(point) for point in span]
    if None in ends:
        return None
    length = math.hypot(ends[1].x() - ends[0].x(), ends[1].y() - ends[0].y())
    if length == 0:
        return None
    levels = axis.tickValues(axis.range[0], axis.range[1], length)
    lo, hi = axis.range
    scale = bounds.width() / (hi - lo) if hi != lo else 1.0
    offset = lo * scale if hi != lo else 0.0
    x_min, x_max = sorted((lo * scale - offset, hi * scale - offset))
    stop = bounds.top() if bottom else bounds.bottom()
    direction = 1 if bottom else -1
    tick_specs, placed = [], []
    for i, (_, values) in enumerate(levels):
        length_i = style["tickLength"] / (i * 0.5 + 1.0)
        pen = axis.tickPen()
        if pen.brush().style() == Qt.BrushStyle.SolidPattern:  # as pyqtgraph: simple pens
            pen, color = QPen(pen), QColor(pen.color())
            color.setAlpha(int(255 / (i + 1)))
            pen.setColor(color)
        xs = []
        for v in values:
            x = v * scale - offset
            if x < x_min or x > x_max:
                xs.append(None)
                continue
            xs.append(x)
            tick_specs.append((pen, QPointF(x, stop), QPointF(x, stop + length_i * direction)))
        placed.append(xs)
    axis_spec = (axis.pen(), span[0], span[1])
    text_specs = []
    tallest = 0.0
    if levels:
        spacing, values = levels[0]
        strings = axis.tickStrings(values, axis.autoSIPrefixScale * axis.scale, spacing)
        gap = max(0, style["tickLength"]) + style["tickTextOffset"][1]
        flags = Qt.AlignmentFlag.AlignHCenter | (Qt.AlignmentFlag.AlignTop if bottom
                                                 else Qt.AlignmentFlag.AlignBottom) \
            | Qt.TextFlag.TextDontClip
        room = axis.boundingRect()
        font = (p.font().key(), p.device().logicalDpiX())
        for x, text in zip(placed[0], strings):
            if x is None:
                continue
            width, height = _text_size(p, font, text)
            tallest = max(tallest, height)
            top = stop + gap if bottom else stop - gap - height
            rect = QRectF(x - width / 2.0, top, width, height)
            if room & rect != rect:
                continue
            text_specs.append((rect, flags, text))
    axis._updateMaxTextSize(tallest)
    return axis_spec, tick_specs, text_specs


def _text_size(p, font: tuple[str, int], text: str) -> tuple[float, float]:
    """pyqtgraph's measure of a label: its box centred in 100×100, 0.8 of its height."""
    size = _TEXT_SIZES.get((*font, text))
    if size is None:
        if len(_TEXT_SIZES) >= _MOST_SIZES:
            _TEXT_SIZES.clear()
        box = p.boundingRect(QRectF(0, 0, 100, 100), Qt.AlignmentFlag.AlignCenter, text)
        size = _TEXT_SIZES[(*font, text)] = (box.width(), box.height() * 0.8)
    return size
