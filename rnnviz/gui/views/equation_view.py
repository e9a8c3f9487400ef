"""The selected unit's equations with live numbers, and how each term moved c and h.

Painted directly with QPainter (three short lines per equation): re-laying out rich
text every step cost more than the rest of the window together.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rnnviz.gui.colors import PART_COLORS
from rnnviz.gui.equations import (
    Line,
    found_prefix,
    head_lines,
    line_texts,
    unit_equations,
    with_original,
)
from rnnviz.gui.gradient_equations import gradient_lines
from rnnviz.gui.i18n import tr
from rnnviz.gui.quiet import quiet
from rnnviz.gui.step_text import StepText
from rnnviz.gui.views.edit_menu import ask_edit


class EquationCanvas(QWidget):
    """Draws equation lines: the left-hand side in its gate's colour, then the numbers.

    Everything is measured in units of the font's pixel size, so the same rows drawn at
    another size (a figure, the stage) are the same picture, only bigger."""

    # margins and gaps as fractions of the font's pixel size (at 12 px: 4, 6, 22, 30 px)
    TOP, INDENT, NUMBERS_INDENT, RIGHT, GAP = 1 / 3, 0.5, 1.8, 2.5, 1 / 3

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lines: list[Line] = []
        self._widths: dict[tuple, float] = {}
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Minimum)
        self.setAttribute(Qt.WA_OpaquePaintEvent)

    def set_lines(self, lines: list[Line]) -> None:
        resized = len(lines) != len(self.lines)
        self.lines = lines
        width = self.content_size(self.pixel_size()).width()
        if int(width) > self.minimumWidth():  # long lines scroll instead of clipping
            self.setMinimumWidth(int(width))
        if resized:
            self.updateGeometry()
        self.update()

    def pixel_size(self) -> float:
        """The widget font's size in pixels (the screen's rows use it)."""
        return float(QFontInfo(self.font()).pixelSize())

    def _rows(self) -> list[tuple[str, str, bool, bool]]:
        """(colour, text, bold, italic) for every row that is drawn."""
        rows = []
        for line in self.lines:
            head, numbers, note = line_texts(line)
            rows.append((PART_COLORS.get(line.part, "#222222"), head, True, False))
            if numbers:
                rows.append(("#222222", numbers, False, False))
            if note:
                rows.append(("#555555", note, False, True))
        return rows

    def line_at(self, y: float) -> Line | None:
        """The equation line whose rows are at widget y (the screen's font), or None."""
        px = self.pixel_size()
        spacing = QFontMetricsF(self._fonts(px)[False, False]).lineSpacing()
        top = self.TOP * px
        for line in self.lines:
            _head, numbers, note = line_texts(line)
            bottom = top + spacing + (self._advance(False, False, spacing, px) if numbers
                                      else 0.0) + (self._advance(False, True, spacing, px)
                                                   if note else 0.0)
            if top <= y < bottom:
                return line
            top = bottom
        return None

    def context_menu(self, y: float) -> QMenu:
        """Right-click on a line: set one of its weights (prefilled with its value)."""
        menu = QMenu(self)
        line = self.line_at(y)
        for text, prefill in (line.edits if line is not None else ()):
            menu.addAction(text, lambda p=prefill: ask_edit(self, "set", p))
        return menu

    def contextMenuEvent(self, event) -> None:
        menu = self.context_menu(event.pos().y())
        if not menu.isEmpty():
            menu.exec(event.globalPos())

    def _fonts(self, pixel_size: float) -> dict[tuple[bool, bool], QFont]:
        fonts = {}
        for bold, italic in ((True, False), (False, False), (False, True)):
            font = QFont(self.font())
            font.setPixelSize(max(1, round(pixel_size)))
            font.setBold(bold)
            font.setItalic(italic)
            fonts[bold, italic] = font
        return fonts

    def _advance(self, bold: bool, italic: bool, spacing: float, px: float) -> float:
        """How far down the next row starts: numbers and notes leave a gap after them."""
        return spacing + (self.GAP * px if italic or not bold else 0.0)

    def _width(self, metrics: QFontMetricsF, key: tuple, text: str) -> float:
        """A row's advance, remembered: formulas and notes repeat from step to step."""
        width = self._widths.get((key, text))
        if width is None:
            if len(self._widths) > 2000:  # many selections later: start again
                self._widths.clear()
            width = self._widths[key, text] = metrics.horizontalAdvance(text)
        return width

    def content_size(self, pixel_size: float) -> QSizeF:
        """The size every row needs with a font of `pixel_size` pixels, margins included."""
        fonts = self._fonts(pixel_size)
        metrics = {style: QFontMetricsF(font) for style, font in fonts.items()}
        spacing = metrics[False, False].lineSpacing()
        width, height = 0.0, self.TOP * pixel_size * 2
        for _, text, bold, italic in self._rows():
            indent = (self.INDENT if bold else self.NUMBERS_INDENT) * pixel_size
            key = (fonts[bold, italic].key(), bold, italic)
            width = max(width, indent + self._width(metrics[bold, italic], key, text))
            height += self._advance(bold, italic, spacing, pixel_size)
        return QSizeF(width + self.RIGHT * pixel_size, height)

    def paint_into(self, painter: QPainter, rect: QRectF, pixel_size: float,
                   visible: QRectF | None = None) -> None:
        """Draw every row into `rect` with a font of `pixel_size` pixels (screen and figures).

        `rect` should be at least content_size(pixel_size): rows are not clipped. Rows
        outside `visible` (the exposed part of a scrolled widget) are skipped."""
        fonts = self._fonts(pixel_size)
        metrics = QFontMetricsF(fonts[False, False])
        spacing = metrics.lineSpacing()
        painter.save()
        painter.setRenderHint(QPainter.TextAntialiasing)
        y = rect.top() + self.TOP * pixel_size
        for color, text, bold, italic in self._rows():
            if visible is None or (y < visible.bottom() and y + spacing > visible.top()):
                painter.setFont(fonts[bold, italic])
                painter.setPen(QColor(color))
                indent = (self.INDENT if bold else self.NUMBERS_INDENT) * pixel_size
                # the baseline that centres the text in its row (drawText at a point is
                # cheaper than laying it out in a rectangle)
                baseline = y + (spacing - metrics.height()) / 2 + metrics.ascent()
                painter.drawText(QPointF(rect.left() + indent, baseline), text)
            y += self._advance(bold, italic, spacing, pixel_size)
        painter.restore()

    def sizeHint(self) -> QSize:
        return QSize(400, int(self.content_size(self.pixel_size()).height()) + 1)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("white"))
        self.paint_into(painter, QRectF(self.rect()), self.pixel_size(), QRectF(event.rect()))


class EquationView(QWidget):
    """Equations of unit `sim.unit` of the selected cell at step t."""

    def __init__(self, simulator, parent=None):
        super().__init__(parent)
        self.sim = simulator
        self.unit = QSpinBox()
        self.unit.setPrefix(tr("unit "))
        self.unit.setToolTip(tr("which unit's equations to show (also: click a bar in the cell "
                                "view)"))
        self.header = StepText()  # changes at every step: repainted, not re-laid out
        bar = QHBoxLayout()
        bar.addWidget(self.header, 1)
        bar.addWidget(self.unit)
        self.canvas = EquationCanvas()
        scroll = QScrollArea()
        scroll.setWidget(self.canvas)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.lines: list[Line] = []
        self._edited_weights = (None, None)  # (snapshot, its weights with the weight edits)
        self._shown = None  # what the lines were last made for
        self.unit.valueChanged.connect(lambda k: self.sim.select(unit=k))
        simulator.trace_changed.connect(self._refresh)
        simulator.cursor_changed.connect(self._refresh)
        simulator.selection_changed.connect(self._refresh)
        simulator.gradients_changed.connect(self._refresh)

    def _refresh(self, *_args) -> None:
        sim = self.sim
        if sim.trace is None:
            return
        # a new trace comes with trace_changed, cursor_changed and selection_changed
        # together: the lines are made once for what they show
        shown = (sim.trace, sim.snapshot.original, sim.gradients, sim.t, sim.layer,
                 sim.direction, sim.batch_index, sim.unit)
        if self._shown is not None and all(
                a is b if i < 3 else a == b for i, (a, b) in enumerate(zip(self._shown, shown))):
            return
        self._shown = shown
        if self.unit.maximum() != sim.spec.hidden_size - 1 or self.unit.value() != sim.unit:
            with quiet(self.unit):
                self.unit.setRange(0, sim.spec.hidden_size - 1)
                self.unit.setValue(sim.unit)
        original = sim.snapshot.original if sim.snapshot.s2s is None else None
        weights = sim.snapshot.network.numpy() if original is None else self._weights()
        args = (sim.trace, sim.layer, sim.direction, sim.t, sim.batch_index, sim.unit)
        # a seq2seq's halves are saved under these modules (rnnviz.core.files.seq2seq_io),
        # unless the loader found them elsewhere (the tutorial's encoder.gru.)
        module = None if found_prefix(sim.spec, "recurrent layer") is not None else \
            {"enc": "encoder.", "dec": "decoder."}.get(sim.snapshot.half)
        heads = head_lines(sim.spec, weights, sim.trace, sim.t, sim.batch_index)
        self.lines = unit_equations(sim.spec, weights, *args, module=module) + heads
        if original is not None:  # what if: the original's value beside each edited one
            was_weights = sim.snapshot.network.numpy()
            k = _head_unit(heads)
            originals = unit_equations(sim.spec, was_weights, original, *args[1:],
                                       module=module) + head_lines(
                sim.spec, was_weights, original, sim.t, sim.batch_index, k)
            self.lines = with_original(self.lines, originals, self._held())
        if sim.gradients is not None:  # backward: how ∂L/∂· moves one step back, here
            self.lines = gradient_lines(sim.spec, weights, args[0], sim.gradients,
                                        *args[1:]) + self.lines
        arrow = {"fwd": "→", "bwd": "←"}[sim.direction]
        header = tr("{t}, layer {layer} {arrow}, batch {batch}").format(
            t=sim.where(), layer=sim.layer + 1, arrow=arrow, batch=sim.batch_index)
        if original is not None:
            header += tr(" — <b>edited run</b>; (was …): the original's value")
        self.header.setText(header)
        self.canvas.set_lines(self.lines)

    def _weights(self) -> dict:
        """The edited run's weights (with its weight edits), kept for its snapshot."""
        snap = self.sim.snapshot
        if self._edited_weights[0] is not snap:
            from rnnviz.core.edited_run import with_weights
            from rnnviz.core.interventions import edits_from_lines

            network = with_weights(snap.network, edits_from_lines(snap.config.edits))
            self._edited_weights = (snap, network.numpy())
        return self._edited_weights[1]

    def _held(self) -> frozenset:
        """The parts a clamp holds for the selected cell and unit at t."""
        from rnnviz.core.interventions import edits_from_lines

        sim = self.sim
        held = set()
        for c in edits_from_lines(sim.snapshot.config.edits).clamps:
            stop = sim.trace.length if c.stop is None else c.stop
            if c.covers(sim.layer, sim.direction) and c.start <= sim.t < stop \
                    and (c.units is None or sim.unit in c.units):
                held.add(c.part)
        return frozenset(held)



def _head_unit(heads: list[Line]) -> int | None:
    """The output k the head's lines show (y_t[k]), so the original's show the same k."""
    if not heads:
        return None
    return int(heads[0].lhs.rsplit("[", 1)[1].rstrip("]"))
