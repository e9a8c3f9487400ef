"""Presentation mode: larger fonts everywhere, for a projector at the back of a room."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

SCALE = 1.5


def set_presentation(window, on: bool) -> None:
    app = QApplication.instance()
    if not hasattr(app, "_rnnviz_base_font"):
        app._rnnviz_base_font = QFont(app.font())
    base = app._rnnviz_base_font
    font = QFont(base)
    if on:
        font.setPointSizeF(base.pointSizeF() * SCALE)
    app.setFont(font)
    window.setFont(font)
    tick = QFont(font)
    tick.setPointSizeF(font.pointSizeF() * 0.9)
    for plot in _plot_items(window):
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setStyle(tickFont=tick)
            axis.label.setFont(tick)
        plot.titleLabel.setText(plot.titleLabel.text, size=f"{font.pointSizeF():.0f}pt")


def _plot_items(window) -> list[pg.PlotItem]:
    items = [w.getPlotItem() for w in window.findChildren(pg.PlotWidget)]
    for canvas in window.findChildren(pg.GraphicsLayoutWidget):
        items.extend(i for i in canvas.ci.items if isinstance(i, pg.PlotItem))
    return items
