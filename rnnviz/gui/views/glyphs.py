"""The cell diagram's two kinds of item: a text Label and a VectorGlyph, both vector.

Sizes are in scene units, never points: the diagram is fitted to its view, so a font in
points would be scaled twice and would change size with the paint device's resolution
(the screen's 96 dpi, QSvgGenerator's default 72). A VectorGlyph draws one vector on a
fixed scale: bars around a fixed zero line, or a heat strip at one pixel per unit when
there are many, with unit indices under it (thinned so they never collide). Hovering
shows the unit and its value; clicking a unit selects it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from rnnviz.gui.views.graph_layout import lut_words
from rnnviz.gui.views.still import keep_as_pixmap

BAR_LIMIT = 32  # up to this many units are drawn as bars


def text_font(size: float, bold: bool = False) -> QFont:
    """The application's font at `size` scene units (rounded up: a floor stays a floor)."""
    font = QFont()
    font.setPixelSize(max(1, math.ceil(size - 1e-6)))
    font.setBold(bold)
    return font


def text_size(text: str, font: QFont) -> tuple[float, float]:
    """Width and height of `text` (lines split at '\\n') in `font`."""
    metrics = QFontMetricsF(font)
    lines = text.split("\n")
    return max(metrics.horizontalAdvance(line) for line in lines), metrics.height() * len(lines)


class Label(QGraphicsItem):
    """Text drawn as text (a `<text>` in SVG): the first of `choices` that fits `max_width`.

    Choices go from the fullest to the shortest ("candidate g", "g"); when none fits, the
    last is drawn anyway, at full size: small text is never the way out.
    """

    def __init__(self, choices: Sequence[str], size: float, color: str, *, bold: bool = False,
                 max_width: float = math.inf, align: Qt.AlignmentFlag = Qt.AlignHCenter):
        super().__init__()
        self.align = align | Qt.AlignVCenter  # of the lines within the text's rect
        self.font = text_font(size, bold)
        self.color = QColor(color)
        fitting = [c for c in choices if text_size(c, self.font)[0] <= max_width]
        self.text = fitting[0] if fitting else choices[-1]
        self.fits = bool(fitting)
        self.width, self.height = text_size(self.text, self.font)
        self.rect = QRectF(0, 0, self.width, self.height)
        keep_as_pixmap(self)  # still.py: the cell view's 18 labels, ~0.25 ms a step

    def place(self, x: float, y: float, h: str = "center", v: str = "center",
              bounds: tuple[float, float] = (-math.inf, math.inf)) -> Label:
        """Put the text's h ("left"/"center"/"right") and v side at (x, y), kept in bounds."""
        left = {"left": x, "center": x - self.width / 2, "right": x - self.width}[h]
        left = min(max(left, bounds[0]), bounds[1] - self.width)
        top = {"top": y, "center": y - self.height / 2, "bottom": y - self.height}[v]
        self.prepareGeometryChange()
        self.rect = QRectF(left, top, self.width, self.height)
        return self

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-2, -2, 2, 2)  # antialiased edges

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setFont(self.font)
        painter.setPen(self.color)
        # never clipped: hinting at a small scale may make the text a hair wider than measured
        painter.drawText(self.rect, self.align | Qt.TextDontClip, self.text)


class VectorGlyph(QGraphicsItem):
    """One live vector on a fixed scale, with its unit indices underneath."""

    def __init__(self, rect: QRectF, color: str, scale, unit_size: float = 14.0,
                 parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.rect = rect
        self.color = QColor(color)
        self.levels, self.lut = scale
        self.values = np.zeros(0)
        self.units: np.ndarray | None = None  # the units shown (a shared top-k); None: all
        self.unit_font = text_font(unit_size)
        self.label_height = QFontMetricsF(self.unit_font).height()
        self._label_width: float | None = None  # thin unit labels as if this wide
        self._strip: QImage | None = None
        self._labels: list[tuple[int, QRectF]] = []
        self._labels_key: tuple | None = None
        self._indices = UnitIndices(self)
        self.selected_unit = -1
        self.original: np.ndarray | None = None  # what if: the original run's values
        self.on_unit_clicked: Callable[[int], None] | None = None
        # a right-click on a unit: (unit, screen position) -> the owner's menu
        self.on_unit_menu: Callable[[int, object], None] | None = None
        self.setAcceptHoverEvents(True)

    @property
    def label_width(self) -> float | None:
        """Unit labels are thinned as if the glyph were this wide (None: its own width)."""
        return self._label_width

    @label_width.setter
    def label_width(self, width: float | None) -> None:
        self._label_width = width
        self._indices.update()

    def set_scale(self, scale) -> None:
        self.levels, self.lut = scale
        self._strip = None
        self.update()

    def set_values(self, values: np.ndarray, selected_unit: int = -1,
                   units: np.ndarray | None = None) -> None:
        before = self._which_labels()
        self.values = np.asarray(values, dtype=float)
        self.selected_unit = selected_unit
        self.units = None if units is None else np.asarray(units, dtype=int)
        self._strip = None  # rebuilt on the next paint that needs it
        self.update()
        if self._which_labels() != before:
            self._indices.update()  # its kept pixmap is drawn anew

    def _which_labels(self) -> tuple:
        """What the unit labels depend on (not the values)."""
        return self.shown_units().tobytes(), self.selected_unit

    def set_original(self, values: np.ndarray | None) -> None:
        """What if: the original run's values, marked on each bar (None: no edits, or the
        same values)."""
        values = None if values is None else np.asarray(values, dtype=float)
        if values is not None and np.array_equal(values, self.values, equal_nan=True):
            values = None
        if values is None and self.original is None:
            return
        self.original = values
        self.update()

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-5, -5, 2, self.label_height + 2)

    # ----- which units are drawn where ------------------------------------------------------
    def shown_units(self) -> np.ndarray:
        return np.arange(len(self.values)) if self.units is None else self.units

    def unit_at(self, x: float) -> int:
        units = self.shown_units()
        if not len(units):
            return -1
        k = int((x - self.rect.left()) / self.rect.width() * len(units))
        return int(units[min(max(k, 0), len(units) - 1)])

    def unit_labels(self) -> list[tuple[int, QRectF]]:
        """(unit, rect) of each index drawn: every 1st, 2nd, 4th … column, whichever step
        keeps them apart, and always the selected unit (its neighbours give way).

        The choice is made at `label_width` (the narrowest glyph sharing these units), so
        every box of the diagram labels the same units."""
        units = self.shown_units()
        if not len(units):
            return []
        # the same at every step unless these change (values don't matter): kept, since
        # placing them is a Python loop over the units at every paint
        key = (units.tobytes(), self.selected_unit, self.rect.getRect(), self.label_width,
               self.unit_font.key())
        if key != self._labels_key:
            metrics = QFontMetricsF(self.unit_font)
            chosen = self._labelled_columns(units, metrics,
                                            self.label_width or self.rect.width())
            column = self.rect.width() / len(units)
            self._labels = [(int(units[k]), self._label_rect(str(units[k]), k, column, metrics))
                            for k in chosen]
            self._labels_key = key
        return self._labels

    def _labelled_columns(self, units: np.ndarray, metrics, width: float) -> list[int]:
        column = width / len(units)
        gap = 0.2 * self.unit_font.pixelSize()  # digits carry their own side bearings
        stride = 1
        while stride * column < metrics.horizontalAdvance(str(int(units.max()))) + gap \
                and stride < len(units):
            stride *= 2
        order = list(range(0, len(units), stride))
        if self.selected_unit in units:
            order.insert(0, int(np.searchsorted(units, self.selected_unit)))
        placed: dict[int, QRectF] = {}
        for k in order:
            rect = self._label_rect(str(units[k]), k, column, metrics, width)
            spaced = rect.adjusted(-gap / 2, 0, gap / 2, 0)
            if all(not spaced.intersects(r) for r in placed.values()):
                placed[k] = rect
        return sorted(placed)

    def _label_rect(self, text: str, k: int, column: float, metrics,
                    width: float | None = None) -> QRectF:
        width = self.rect.width() if width is None else width
        size = metrics.horizontalAdvance(text)
        left = self.rect.left() + (k + 0.5) * column - size / 2
        left = min(max(left, self.rect.left()), self.rect.left() + width - size)  # inside
        return QRectF(left, self.rect.bottom() + 1, size, self.label_height)

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
        if self.original is not None:  # what if: where the original run's bar ended
            painter.setPen(QPen(QColor("#1A1A1A"), max(1.5, width * 0.06), Qt.DashLine))
            for k, unit in enumerate(units):
                y = self._y(self.original[unit])
                painter.drawLine(QPointF(r.left() + k * width + width * 0.04, y),
                                 QPointF(r.left() + (k + 1) * width - width * 0.04, y))
            painter.setPen(Qt.NoPen)
        if self.selected_unit in units:
            k = int(np.searchsorted(units, self.selected_unit))
            painter.setPen(QPen(QColor("#000000"), 1.5, Qt.DashLine))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(QRectF(r.left() + k * width, r.top(), width, r.height()))

    def _strip_image(self, units: np.ndarray) -> QImage:
        if self._strip is None:
            # colours as map_colors gives them (NaN: the first), as whole RGBA words
            lo, hi = self.levels
            idx = np.clip((self.values[units] - lo) / (hi - lo), 0, 1) * (len(self.lut) - 1)
            idx[np.isnan(idx)] = 0
            rgba = lut_words(self.lut)[idx.astype(np.intp)]
            # .copy(): the QImage must own its pixels once rgba goes out of scope
            self._strip = QImage(rgba.data, len(units), 1, 4 * len(units),
                                 QImage.Format_RGBA8888).copy()
        return self._strip

    def _paint_strip(self, painter: QPainter, units: np.ndarray) -> None:
        painter.save()
        painter.setRenderHint(QPainter.SmoothPixmapTransform, False)  # one block per unit
        # an image scaled with antialiasing on takes Qt's slow path (~70 µs a strip, most of
        # the cell view's repaint at every step); off, only its edge pixels snap to the grid
        painter.setRenderHint(QPainter.Antialiasing, False)
        painter.drawImage(self.rect, self._strip_image(units))
        painter.restore()
        if self.selected_unit in units:
            k = int(np.searchsorted(units, self.selected_unit))
            x = self.rect.left() + (k + 0.5) * self.rect.width() / len(units)
            painter.setPen(QPen(QColor("#000000"), 1.5))
            painter.drawLine(QPointF(x, self.rect.top() - 4), QPointF(x, self.rect.top()))

    # ----- interaction ---------------------------------------------------------------------------
    def hoverMoveEvent(self, event) -> None:
        unit = self.unit_at(event.pos().x())
        if unit >= 0:
            was = "" if self.original is None else f" (original {self.original[unit]:+.4f})"
            self.setToolTip(f"unit {unit}: {self.values[unit]:+.4f}{was}")

    def mousePressEvent(self, event) -> None:
        unit = self.unit_at(event.pos().x())
        if event.button() == Qt.RightButton:
            if unit >= 0 and self.on_unit_menu is not None:
                self.on_unit_menu(unit, event.screenPos())
        elif unit >= 0 and self.on_unit_clicked is not None:
            self.on_unit_clicked(unit)
        event.accept()


class UnitIndices(QGraphicsItem):
    """A VectorGlyph's unit indices, under it. They change with the units shown or the one
    selected, not with the values: kept as a pixmap (still.py), they are not drawn again
    at every step (the cell view's repaint: 1.6 → 1.1 ms a step). Clicks and hovers go
    through to the glyph."""

    def __init__(self, glyph: VectorGlyph):
        super().__init__(glyph)
        self.glyph = glyph
        self.setAcceptedMouseButtons(Qt.NoButton)
        keep_as_pixmap(self)

    def boundingRect(self) -> QRectF:
        rect = self.glyph.rect  # the labels are kept within the glyph's width
        return QRectF(rect.left() - 2, rect.bottom(), rect.width() + 4,
                      self.glyph.label_height + 3)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(QColor("#555555"))
        painter.setFont(self.glyph.unit_font)
        for unit, rect in self.glyph.unit_labels():
            painter.drawText(rect, Qt.AlignCenter | Qt.TextDontClip, str(unit))
