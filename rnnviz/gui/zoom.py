"""Zoom: a view's fonts and strokes grown in proportion to the size it is shown at.

pyqtgraph draws in pixels (tick labels, titles, text items, pens), so a view that reads
well at 560 px is unreadable at 1920 px on a projector. `apply_zoom(view, z, floor_px)`
walks a view's widgets and graphics items and gives each font its base size × z (never
less than `floor_px` pixels) and each cosmetic pen its base width × z. The base values
are remembered on each object the first time it is seen, so applying a zoom again — after
a view rebuilt some of its items — is idempotent, and zoom 1 with floor 0 restores them.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

BASE_KEY = 0x52564A  # QGraphicsItem.setData key of an item's remembered base style
PX_PER_PT = 96 / 72  # Qt's logical DPI on every platform rnnviz renders on

# The size at which each view's fonts are right as designed (zoom 1); bigger shows bigger.
DESIGN_SIZES = {"graph": (960, 540), "cell": (700, 380), "equations": (700, 380),
                "states": (960, 400), "output": (640, 360), "gradients": (960, 480),
                "training": (800, 480)}


def zoom_for(view: str, width: float, height: float) -> float:
    """The zoom of `view` shown at width × height: 1 at its design size, never below 1."""
    w, h = DESIGN_SIZES.get(view, (960, 540))
    return max(1.0, min(width / w, height / h))


def scaled_font(base: QFont, zoom: float, floor_px: float) -> QFont:
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else base.pixelSize() / PX_PER_PT
    if size > 0:
        font.setPointSizeF(max(size * zoom, floor_px / PX_PER_PT))
    return font


def apply_zoom(widget: QWidget, zoom: float, floor_px: float = 0.0) -> None:
    """Scale every font and stroke of `widget` (a view) and of its graphics scenes."""
    base = widget.property("rnnviz_base_font")
    if not isinstance(base, QFont):
        base = QFont(widget.font())
        widget.setProperty("rnnviz_base_font", base)
    widget.setFont(scaled_font(base, zoom, floor_px))  # labels and canvases inherit it
    views = widget.findChildren(QGraphicsView)
    if isinstance(widget, QGraphicsView):
        views.append(widget)
    for view in views:
        if isinstance(view, pg.GraphicsView):
            for item in view.scene().items():
                _zoom_item(item, zoom, floor_px, base)
            for item in view.scene().items():  # once their labels have their new size
                if isinstance(item, pg.LegendItem):
                    _fit_legend(item)
    set_min_text = getattr(widget, "set_min_text_px", None)
    if set_min_text is not None:  # views drawn in scene units (the cell) size their own text
        set_min_text(floor_px)


def _remember(item: QGraphicsItem, make):
    # QGraphicsItem's own data store: pyqtgraph items override setData for their data
    saved = QGraphicsItem.data(item, BASE_KEY)
    if saved is None:
        saved = make()
        QGraphicsItem.setData(item, BASE_KEY, saved)
    return saved


def _zoom_item(item, zoom: float, floor_px: float, default_font: QFont) -> None:
    if isinstance(item, pg.AxisItem):
        _zoom_axis(item, zoom, floor_px, default_font)
    elif isinstance(item, pg.LabelItem):
        _zoom_label(item, zoom, floor_px, default_font)
    elif isinstance(item, pg.TextItem):
        base = _remember(item, lambda: QFont(item.textItem.font()))
        item.setFont(scaled_font(base, zoom, floor_px))
    elif isinstance(item, pg.PlotDataItem):
        _zoom_data_item(item, zoom)
    elif isinstance(item, pg.ScatterPlotItem):
        if not isinstance(item.parentItem(), pg.PlotDataItem):  # its PlotDataItem did it
            base = _remember(item, lambda: float(item.opts["size"]))
            item.setSize(base * zoom)
    elif isinstance(item, pg.PlotCurveItem):
        if not isinstance(item.parentItem(), pg.PlotDataItem):
            base = _remember(item, lambda: QPen(item.opts["pen"]))
            item.setPen(_scaled_pen(base, zoom))
    elif isinstance(item, pg.InfiniteLine):
        base = _remember(item, lambda: QPen(item.pen))
        item.setPen(_scaled_pen(base, zoom))
    elif not isinstance(item, pg.GraphicsObject) and hasattr(item, "setPen"):
        _zoom_shape(item, zoom)


def _zoom_axis(axis: pg.AxisItem, zoom: float, floor_px: float, default_font: QFont) -> None:
    base = _remember(axis, lambda: (QFont(axis.style["tickFont"] or default_font),
                                    QFont(axis.label.font()), axis.fixedWidth,
                                    axis.fixedHeight, tuple(axis.style["tickTextOffset"]),
                                    QPen(axis.pen()), (axis.textWidth, axis.textHeight)))
    tick_font, label_font, width, height, offset, pen, text_size = base
    font = scaled_font(tick_font, zoom, floor_px)
    grow = font.pointSizeF() / tick_font.pointSizeF()  # a width fixed for the old labels
    axis.setTickFont(font)
    axis.label.setFont(scaled_font(label_font, zoom, floor_px))
    axis.style["tickTextOffset"] = [round(v * zoom) for v in offset]
    axis.setPen(_scaled_pen(pen, zoom))
    # pyqtgraph only ever grows the room it keeps for labels: start again from the room
    # they had at zoom 1 (a bigger font then measures more on the next paint)
    axis.textWidth, axis.textHeight = text_size
    if axis.orientation in ("left", "right"):  # width across a vertical axis, height across
        axis.setWidth(None if width is None else round(width * grow))
    else:
        axis.setHeight(None if height is None else round(height * grow))
    axis.picture = None
    axis.update()


def _fit_legend(legend: pg.LegendItem) -> None:
    """A legend as large as its labels now are: a label given a smaller font keeps the
    larger size it had (a stage left: the legend stayed as wide as on the stage), and
    pyqtgraph sizes the legend from its labels' current sizes."""
    for _, label in legend.items:
        label.resize(label.effectiveSizeHint(Qt.PreferredSize))
    legend.layout.invalidate()
    legend.updateSize()


def _zoom_label(label: pg.LabelItem, zoom: float, floor_px: float, default_font) -> None:
    def base_points() -> float:
        size = label.opts.get("size")
        if isinstance(size, str) and size.endswith("pt"):
            return float(size[:-2])
        if isinstance(size, str) and size.endswith("px"):
            return float(size[:-2]) / PX_PER_PT
        return default_font.pointSizeF()

    points = _remember(label, base_points)
    size = max(points * zoom, floor_px / PX_PER_PT)
    label.setText(label.text, size=f"{size:.1f}pt")


def _zoom_data_item(item: pg.PlotDataItem, zoom: float) -> None:
    def base():
        pen = item.opts.get("pen")
        return (None if pen is None else QPen(pg.mkPen(pen)), item.opts.get("symbolSize"))

    pen, symbol_size = _remember(item, base)
    if pen is not None:
        item.setPen(_scaled_pen(pen, zoom))
    if symbol_size is not None and item.opts.get("symbol") is not None:
        item.setSymbolSize(symbol_size * zoom)


def _zoom_shape(item, zoom: float) -> None:
    """Plain Qt shapes (the graph's current-step frame, the selection): cosmetic pens only."""
    try:
        pen = item.pen()
    except TypeError:
        return
    if not isinstance(pen, QPen) or not pen.isCosmetic():
        return
    base = _remember(item, lambda: QPen(pen))
    item.setPen(_scaled_pen(base, zoom))


def _scaled_pen(base: QPen, zoom: float) -> QPen:
    pen = QPen(base)
    if base.widthF() > 0:
        pen.setWidthF(base.widthF() * zoom)
    elif zoom > 1:  # a hairline (width 0) is one pixel: grow it too
        pen.setWidthF(zoom)
    return pen
