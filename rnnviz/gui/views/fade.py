"""FutureFade: covers the steps after t, repainting only the columns that change.

A plain rectangle item that grows or shrinks invalidates its whole old and new area,
so every step would repaint everything right of t. This item keeps a fixed bounding
rectangle and, when t moves, invalidates just the columns between the old and new t.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem


class FutureFade(QGraphicsItem):
    def __init__(self, alpha: int = 200, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.color = QColor(255, 255, 255, alpha)
        self.extent = QRectF()  # the whole area a fade can cover, in view coordinates
        self.t = 0
        self.backward = False  # stepping T → 0: the steps before t are the ones not reached
        self.setZValue(10)
        self.setAcceptedMouseButtons(Qt.NoButton)

    def set_extent(self, extent: QRectF) -> None:
        self.prepareGeometryChange()
        self.extent = QRectF(extent)
        self.update()

    def set_t(self, t: int) -> None:
        old, self.t = self.t, t
        lo, hi = sorted((old, t))
        e = self.extent
        self.update(QRectF(lo - 0.6, e.top(), hi - lo + 1.2, e.height()))

    def set_backward(self, backward: bool) -> None:
        self.backward = backward
        self.update()

    def covered(self) -> QRectF:
        """What is faded now: after t (forward), or before t (backward)."""
        e = self.extent
        if self.backward:
            right = min(max(self.t - 0.5, e.left()), e.right())
            return QRectF(e.left(), e.top(), right - e.left(), e.height())
        left = min(max(self.t + 0.5, e.left()), e.right())
        return QRectF(left, e.top(), e.right() - left, e.height())

    def boundingRect(self) -> QRectF:
        return self.extent

    def paint(self, painter, option, widget=None) -> None:
        painter.fillRect(self.covered(), self.color)
