"""VectorGlyph: one vector drawn inside the cell diagram, on a fixed scale.

Small vectors are bars around a fixed zero line; large ones a heat strip, or the
top-k units by magnitude as labelled bars. Hovering shows the unit and its value;
clicking a unit selects it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from rnnviz.gui.colors import map_colors

BAR_LIMIT = 32  # up to this many units are drawn as bars


class VectorGlyph(QGraphicsItem):
    def __init__(self, rect: QRectF, color: str, scale, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.rect = rect
        self.color = QColor(color)
        self.levels, self.lut = scale
        self.values = np.zeros(0)
        self._strip: QImage | None = None
        self.selected_unit = -1
        self.top_k = 0  # 0: off; else show only the k largest |values| when there are more
        self.on_unit_clicked: Callable[[int], None] | None = None
        self.setAcceptHoverEvents(True)

    def set_scale(self, scale) -> None:
        self.levels, self.lut = scale
        self._strip = None
        self.update()

    def set_values(self, values: np.ndarray, selected_unit: int = -1) -> None:
        self.values = np.asarray(values, dtype=float)
        self.selected_unit = selected_unit
        self._strip = None  # rebuilt on the next paint that needs it
        self.update()

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-2, -2, 2, 14)

    # ----- which units are drawn where ------------------------------------------------------
    def shown_units(self) -> np.ndarray:
        n = len(self.values)
        if self.top_k and n > self.top_k:
            order = np.argsort(-np.abs(self.values), kind="stable")[: self.top_k]
            return np.sort(order)
        return np.arange(n)

    def unit_at(self, x: float) -> int:
        units = self.shown_units()
        if not len(units):
            return -1
        k = int((x - self.rect.left()) / self.rect.width() * len(units))
        return int(units[min(max(k, 0), len(units) - 1)])

    # ----- painting -----------------------------------------------------------------------------
    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(QPen(QColor("#bbbbbb"), 1))
        painter.setBrush(QColor("#fbfbfb"))
        painter.drawRect(self.rect)
        units = self.shown_units()
        if not len(units):
            return
        if len(units) <= BAR_LIMIT:
            self._paint_bars(painter, units)
        else:
            self._paint_strip(painter, units)

    def _y(self, value: float) -> float:
        lo, hi = self.levels
        frac = (np.clip(value, lo, hi) - lo) / (hi - lo)
        return self.rect.bottom() - frac * self.rect.height()

    def _paint_bars(self, painter: QPainter, units: np.ndarray) -> None:
        r, n = self.rect, len(units)
        width = r.width() / n
        zero = self._y(max(self.levels[0], 0.0))
        painter.setPen(QPen(QColor("#888888"), 1, Qt.DotLine))
        painter.drawLine(QPointF(r.left(), zero), QPointF(r.right(), zero))
        painter.setPen(Qt.NoPen)
        for k, unit in enumerate(units):
            top = self._y(self.values[unit])
            bar = QRectF(r.left() + k * width + width * 0.12, min(top, zero), width * 0.76,
                         max(abs(zero - top), 1.0))
            painter.setBrush(self.color.darker(160) if unit == self.selected_unit else self.color)
            painter.drawRect(bar)
        labelled = self.top_k and len(self.values) > self.top_k
        if labelled or n <= 16:
            self._paint_unit_labels(painter, units, width, labelled)
        if self.selected_unit in units:
            k = int(np.searchsorted(units, self.selected_unit))
            painter.setPen(QPen(QColor("#000000"), 1.5, Qt.DashLine))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(QRectF(r.left() + k * width, r.top(), width, r.height()))

    def _paint_unit_labels(self, painter: QPainter, units, width: float, always: bool) -> None:
        painter.setPen(QColor("#666666"))
        font = QFont(painter.font())
        font.setPointSizeF(max(5.0, min(8.0, width * 0.5)))
        painter.setFont(font)
        for k, unit in enumerate(units):
            if always or len(units) <= 16:
                painter.drawText(QRectF(self.rect.left() + k * width, self.rect.bottom() + 1,
                                        width, 12), Qt.AlignHCenter | Qt.AlignTop, str(unit))

    def _strip_image(self, units: np.ndarray) -> QImage:
        if self._strip is None:
            rgb = map_colors(self.values[units], self.levels, self.lut)  # (n, 3)
            rgba = np.empty((1, len(units), 4), dtype=np.uint8)
            rgba[0, :, :3], rgba[0, :, 3] = rgb, 255
            # .copy(): the QImage must own its pixels once rgba goes out of scope
            self._strip = QImage(rgba.data, len(units), 1, 4 * len(units),
                                 QImage.Format_RGBA8888).copy()
        return self._strip

    def _paint_strip(self, painter: QPainter, units: np.ndarray) -> None:
        painter.drawImage(self.rect, self._strip_image(units))
        if self.selected_unit in units:
            k = int(np.searchsorted(units, self.selected_unit))
            x = self.rect.left() + (k + 0.5) * self.rect.width() / len(units)
            painter.setPen(QPen(QColor("#000000"), 1.5))
            painter.drawLine(QPointF(x, self.rect.top() - 4), QPointF(x, self.rect.top()))

    # ----- interaction ---------------------------------------------------------------------------
    def hoverMoveEvent(self, event) -> None:
        unit = self.unit_at(event.pos().x())
        if unit >= 0:
            self.setToolTip(f"unit {unit}: {self.values[unit]:+.4f}")

    def mousePressEvent(self, event) -> None:
        unit = self.unit_at(event.pos().x())
        if unit >= 0 and self.on_unit_clicked is not None:
            self.on_unit_clicked(unit)
        event.accept()
