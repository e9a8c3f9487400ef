"""Rendering the window or one panel to pixels or SVG: the renderer behind every export.

The window, `rnnviz snapshot` and `rnnviz animate` all go through `render_rgba`, so a
headless picture is the window's own picture. Rendering at scale s draws into an image
s times larger with device pixel ratio s: text and lines are redrawn sharp, not scaled.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QWidget

from rnnviz.core.atomic import atomic_path
from rnnviz.export import Cancelled

PANELS = ("window", "graph", "cell", "states", "equations", "output", "gradients")


def panel_widget(window, name: str) -> QWidget:
    widgets = {"window": window, "graph": window.graph, "cell": window.cell_view,
               "states": window.state_view, "equations": window.equation_view,
               "output": window.output_view, "gradients": window.gradient_view}
    return widgets[name]


def render_qimage(widget: QWidget, scale: float = 1.0) -> QImage:
    size = widget.size()
    image = QImage(QSize(round(size.width() * scale), round(size.height() * scale)),
                   QImage.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    _paint(widget, image)
    return image


def render_rgba(widget: QWidget, scale: float = 1.0) -> np.ndarray:
    """(H, W, 4) uint8 RGBA of the widget as it looks now."""
    return qimage_rgba(render_qimage(widget, scale))


def qimage_rgba(image: QImage) -> np.ndarray:
    """A QImage's pixels as an (H, W, 4) uint8 RGBA array (a copy)."""
    image = image.convertToFormat(QImage.Format_RGBA8888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(),
                                                               image.bytesPerLine())
    return rows[:, : 4 * image.width()].reshape(image.height(), image.width(), 4).copy()


def write_svg(widget: QWidget, path: str | Path, title: str) -> Path:
    """The widget drawn as vector graphics (text stays text, images are embedded)."""
    size = widget.size()
    with atomic_path(path) as tmp, _vector_symbols(widget):
        generator = QSvgGenerator()
        generator.setFileName(str(tmp))
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle(title)
        generator.setDescription("made with rnnviz")
        _paint(widget, generator)
    return Path(path)


@contextlib.contextmanager
def _vector_symbols(widget: QWidget):
    """Scatter symbols (arrowheads) as paths, not bitmap fragments, while writing SVG."""
    views = widget.findChildren(pg.GraphicsView)
    if isinstance(widget, pg.GraphicsView):
        views.append(widget)
    items = [i for v in views for i in v.scene().items() if isinstance(i, pg.ScatterPlotItem)]
    for item in items:
        item.setExportMode(True, {"antialias": True})
    try:
        yield
    finally:
        for item in items:
            item.setExportMode(False)


def _paint(widget: QWidget, device) -> None:
    painter = QPainter(device)
    try:
        # QWidget's render, also for views: QGraphicsView.render would draw only the scene
        QWidget.render(widget, painter, QPoint())
    finally:
        painter.end()  # always: a device destroyed mid-paint crashes Qt


def step_frames(window, widget: QWidget, steps: range, scale: float = 1.0,
                progress: Callable[[int], bool] | None = None) -> Iterator[np.ndarray]:
    """One RGBA frame per step; `progress(i)` returning False cancels (raises Cancelled)."""
    for i, t in enumerate(steps):
        if progress is not None and not progress(i):
            raise Cancelled()
        window.sim.seek(t)
        QApplication.processEvents()
        yield render_rgba(widget, scale)
