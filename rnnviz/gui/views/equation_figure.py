"""The equations as a drawing: every line of the Equations view, fitted to the space.

On the stage and in a figure there is no scroll bar to reach a cut line: the text size
is the largest at which every line fits (never above the view's zoom, and on the stage
never below its minimum text size).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from rnnviz.gui.i18n import tr
from rnnviz.gui.zoom import PX_PER_PT

BASE_PX = 12.0  # the Equations view's own text size at zoom 1
NATURAL_PX = 16.0  # a figure's text size when the user gives no size
MARGIN = 12.0
# on the stage, a few lines of equations grow up to this many times the smallest text the
# stage allows, as far as the room holds them: read from the back of the room
STAGE_GROWTH = 1.8


def natural_size(view) -> tuple[int, int]:
    """A figure size that holds every line at NATURAL_PX (the default Equations figure)."""
    size = view.canvas.content_size(NATURAL_PX)
    title = NATURAL_PX * 2.0
    return max(480, round(size.width() + 2 * MARGIN)), round(size.height() + title + 2 * MARGIN)


class EquationFigure(QWidget):
    """Paints `view`'s header and lines with the canvas's own painter, scaled to fit."""

    def __init__(self, view, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.zoom, self.floor_px = 1.0, 0.0
        sim = view.sim
        self._signals = (sim.trace_changed, sim.cursor_changed, sim.selection_changed,
                         sim.gradients_changed)
        for signal in self._signals:  # after the view's own slots: its lines are current
            signal.connect(self.update)

    def disconnect_simulator(self) -> None:
        for signal in self._signals:
            signal.disconnect(self.update)

    def set_zoom(self, zoom: float, floor_px: float) -> None:
        self.zoom, self.floor_px = zoom, floor_px
        self.update()

    def text_px(self) -> float:
        """The text size used: fits every line, within [floor, max(zoom × base, growth ×
        floor)] (a figure has no floor: its zoom alone)."""
        wanted = max(BASE_PX * self.zoom, self.floor_px * STAGE_GROWTH)
        need = self.view.canvas.content_size(wanted)
        room = QSizeF(self.width() - 2 * MARGIN, self.height() - 2 * MARGIN - 2 * wanted)
        fit = wanted * min(1.0, room.width() / max(need.width(), 1.0),
                           room.height() / max(need.height(), 1.0))
        return max(fit, self.floor_px, 1.0)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setRenderHint(QPainter.TextAntialiasing)
        px = self.text_px()
        font = QFont(self.font())
        font.setPointSizeF(px * 1.05 / PX_PER_PT)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#222222"))
        title = QRectF(MARGIN, MARGIN / 2, self.width() - 2 * MARGIN, px * 1.8)
        painter.drawText(title, Qt.AlignLeft | Qt.AlignVCenter,
                         tr("equations — {header}").format(header=self.view.header.text()))
        body = QRectF(MARGIN, title.bottom() + px * 0.2, self.width() - 2 * MARGIN,
                      self.height() - title.bottom() - MARGIN)
        self.view.canvas.paint_into(painter, body, px)
        painter.end()
