"""Rendering the window, a figure or the stage to pixels: the renderer behind every export.

The window, `rnnviz snapshot` and `rnnviz animate` all go through `render_rgba`, so a
headless picture is the window's own picture. Rendering at scale s draws into an image
s times larger with device pixel ratio s: text and lines are redrawn sharp, not scaled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import numpy as np
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from rnnviz.export import Cancelled
from rnnviz.gui.figure import render_image, settle


def render_rgba(widget: QWidget, scale: float = 1.0) -> np.ndarray:
    """(H, W, 4) uint8 RGBA of the widget as it looks now."""
    return qimage_rgba(render_image(widget, scale))


def qimage_rgba(image: QImage) -> np.ndarray:
    """A QImage's pixels as an (H, W, 4) uint8 RGBA array (a copy)."""
    image = image.convertToFormat(QImage.Format_RGBA8888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(),
                                                               image.bytesPerLine())
    return rows[:, : 4 * image.width()].reshape(image.height(), image.width(), 4).copy()


def step_frames(window, widget: QWidget, steps: Iterable[int], scale: float = 1.0,
                progress: Callable[[int], bool] | None = None) -> Iterator[np.ndarray]:
    """One RGBA frame per step (in the order given: backwards too); `progress(i)`
    returning False cancels (raises Cancelled)."""
    from rnnviz.interrupts import check

    for i, t in enumerate(steps):
        check()  # Ctrl+C / SIGTERM: a signal inside Qt is only recorded; stop here
        if progress is not None and not progress(i):
            raise Cancelled()
        window.sim.seek(t)
        settle()
        yield render_rgba(widget, scale)
