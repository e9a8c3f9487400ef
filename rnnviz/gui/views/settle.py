"""Settle a pyqtgraph view before it paints, so that one change paints once.

pyqtgraph leaves three things to the paint: an axis measures its tick labels (and takes
the width they need) only while it draws them; a layout whose items changed size (that
axis, a colour bar whose labels got wider) is laid out by a request queued behind the
paint; and a view box moves its items to a new range just before it paints. Each asks
for a second paint of the whole view, which an edit then waits for. Done here, right
after the change, the one paint shows it all, exactly as before.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QPainter, QPicture


def settle(layout, *plots) -> None:
    """Measure the axes of each plot (a PlotItem or a ViewBox) whose labels changed, lay
    out `layout` (a QGraphicsLayout) now, then place each plot's items at its range."""
    for plot in plots:
        for side in getattr(plot, "axes", {}).values():
            measure(side["item"])
    if layout is not None:
        layout.activate()
    for plot in plots:
        view = plot.getViewBox() if hasattr(plot, "getViewBox") else plot
        view.updateMatrix()


def measure(axis: pg.AxisItem) -> None:
    """Draw an axis into its cached picture now, as its paint would (the same calls): it
    takes the room its labels need before the layout, and its paint replays the picture."""
    if axis.picture is not None or not axis.isVisible():
        return  # unchanged since drawn (pyqtgraph drops the picture at every change)
    if hasattr(axis, "fit"):  # a LabelAxis fits its width to its labels before drawing
        axis.fit()
    picture = QPicture()
    painter = QPainter(picture)
    try:
        if axis.style["tickFont"]:
            painter.setFont(axis.style["tickFont"])
        specs = axis.generateDrawSpecs(painter)
        if specs is not None:
            axis.drawPicture(painter, *specs)
    finally:
        painter.end()
    axis.picture = picture
