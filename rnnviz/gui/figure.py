"""Figures: a view drawn alone — no widgets — at the size asked for, as PNG, SVG or PDF.

A figure is the stage off screen: the window's own view is borrowed into a Stage that
is never shown on a screen, sized to the figure, zoomed in proportion to that size,
painted, and given back. So a figure, the stage and the window draw with one renderer.
PNG at scale s paints into an s× image with device pixel ratio s (every line and glyph
redrawn, not upscaled); SVG and PDF receive the same vector drawing.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QRect, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QWidget

from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.atomic import atomic_path
from rnnviz.gui.stage import Stage

# A size that suits each view when the user gives none (logical pixels).
FIGURE_SIZES = {"graph": (1600, 800), "cell": (1200, 620), "equations": (1200, 700),
                "states": (1400, 640), "output": (900, 520), "gradients": (1400, 720),
                "training": (1200, 640)}
DPI = 96  # one logical pixel is 1/96 inch in every vector file


def default_size(window, panel: str) -> tuple[int, int]:
    """The size a panel's figure gets by default (the equations: what their lines need)."""
    if panel == "window":
        return window.width(), window.height()
    if panel == "equations":
        from rnnviz.gui.views.equation_figure import natural_size

        return natural_size(window.equation_view)
    return FIGURE_SIZES[panel]


@contextlib.contextmanager
def staged(window, names: list[str], width: int, height: int, *, header: bool = False,
           floor_px: float = 0.0):
    """The views `names` on an off-screen stage of width × height, given back after."""
    stage = Stage(window, header=header, floor_px=floor_px)
    stage.setAttribute(Qt.WA_DontShowOnScreen)
    stage.resize(width, height)
    stage.show()
    try:
        stage.show_views(names)
        settle()
        stage.refresh()  # zoom from the sizes the layout gave each view
        settle()
        warm_up(stage)
        yield stage
    finally:
        stage.release()
        stage.disconnect_simulator()
        stage.hide()
        stage.deleteLater()


def settle() -> None:
    """Let layouts, axis text sizes and deferred updates happen before painting."""
    for _ in range(2):
        QApplication.processEvents()


def warm_up(widget: QWidget) -> None:
    """Paint once and let the layout follow: pyqtgraph measures tick labels while painting
    and widens an axis after, so a picture painted first would show the old widths (a
    window on screen has long been painted; an off-screen one has not)."""
    paint(widget, QImage(max(1, widget.width() // 4), max(1, widget.height() // 4),
                         QImage.Format_ARGB32_Premultiplied))
    settle()


def render_image(widget: QWidget, scale: float = 1.0) -> QImage:
    """The widget at `scale`: an image scale× larger whose every stroke is redrawn."""
    size = widget.size()
    image = QImage(round(size.width() * scale), round(size.height() * scale),
                   QImage.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    with vector_symbols(widget):
        paint(widget, image)
    return image


def write_vector(widget: QWidget, path: str | Path, title: str) -> Path:
    """The widget as SVG or PDF (by the suffix): text stays text, shapes stay paths."""
    path = Path(path)
    size = widget.size()
    with atomic_path(path) as tmp, vector_symbols(widget):
        if path.suffix.lower() == ".pdf":
            device = QPdfWriter(str(tmp))
            device.setResolution(DPI)
            device.setTitle(title)
            device.setCreator("rnnviz")
            points = QSizeF(size.width() * 72 / DPI, size.height() * 72 / DPI)
            device.setPageLayout(QPageLayout(QPageSize(points, QPageSize.Point),
                                             QPageLayout.Portrait, QMarginsF(0, 0, 0, 0)))
        else:
            device = QSvgGenerator()
            device.setFileName(str(tmp))
            device.setResolution(DPI)
            device.setSize(size)
            device.setViewBox(QRect(0, 0, size.width(), size.height()))
            device.setTitle(title)
            device.setDescription("made with rnnviz")
        paint(widget, device)
        del device  # closes the file before it is renamed into place
    return path


def paint(widget: QWidget, device) -> None:
    painter = QPainter(device)
    if not painter.isActive():  # e.g. an SVG or PDF file that cannot be opened
        raise RnnvizError("could not start drawing the picture (is the folder writable?)")
    try:
        painter.setRenderHint(QPainter.TextAntialiasing)
        # QWidget's render, also for views: QGraphicsView.render would draw only the scene
        QWidget.render(widget, painter, QPoint())
    finally:
        finished = painter.end()  # always: a device destroyed mid-paint crashes Qt
    if not finished:
        raise RnnvizError("could not finish writing the picture (is the disk full?)")


@contextlib.contextmanager
def vector_symbols(widget: QWidget):
    """No cached bitmaps while exporting: scatter symbols (arrowheads) drawn as paths, and
    the views' backgrounds and any item kept as a pixmap painted, not blitted."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

    views = widget.findChildren(QGraphicsView)
    if isinstance(widget, QGraphicsView):
        views.append(widget)
    every = [i for v in views for i in v.scene().items()]
    items = [i for v in views if isinstance(v, pg.GraphicsView) for i in v.scene().items()
             if isinstance(i, pg.ScatterPlotItem)]
    cached = [(i, i.cacheMode()) for i in every if i.cacheMode() != QGraphicsItem.NoCache]
    caches = [(view, view.cacheMode()) for view in views]
    for view, _ in caches:
        view.setCacheMode(QGraphicsView.CacheNone)
    for item, _ in cached:
        item.setCacheMode(QGraphicsItem.NoCache)
    for item in items:
        item.setExportMode(True, {"antialias": True})
    try:
        yield
    finally:
        for item in items:
            item.setExportMode(False)
        for item, mode in cached:
            item.setCacheMode(mode)
        for view, mode in caches:
            view.setCacheMode(mode)
