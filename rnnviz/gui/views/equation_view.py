"""The selected unit's equations with live numbers, and how each term moved c and h.

Painted directly with QPainter (three short lines per equation): re-laying out rich
text every step cost more than the rest of the window together.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rnnviz.gui.colors import PART_COLORS
from rnnviz.gui.equations import Line, line_texts, unit_equations
from rnnviz.gui.gradient_equations import gradient_lines
from rnnviz.gui.quiet import quiet


class EquationCanvas(QWidget):
    """Draws equation lines: the left-hand side in its gate's colour, then the numbers."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lines: list[Line] = []
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Minimum)
        self.setAttribute(Qt.WA_OpaquePaintEvent)

    def set_lines(self, lines: list[Line]) -> None:
        resized = len(lines) != len(self.lines)
        self.lines = lines
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetricsF(bold)
        widest = max((metrics.horizontalAdvance(text) for _, text, _, _ in self._rows()),
                     default=0.0)
        if int(widest) + 30 > self.minimumWidth():  # long lines scroll instead of clipping
            self.setMinimumWidth(int(widest) + 30)
        if resized:
            self.updateGeometry()
        self.update()

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

    def sizeHint(self) -> QSize:
        height = QFontMetricsF(self.font()).lineSpacing() * (3 * len(self.lines) + 1)
        return QSize(400, int(height))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setRenderHint(QPainter.TextAntialiasing)
        base = QFont(self.font())
        spacing = QFontMetricsF(base).lineSpacing()
        y = 4.0
        for color, text, bold, italic in self._rows():
            font = QFont(base)
            font.setBold(bold)
            font.setItalic(italic)
            painter.setFont(font)
            painter.setPen(QColor(color))
            indent = 6 if bold else 22
            painter.drawText(QRectF(indent, y, self.width() - indent, spacing),
                             Qt.AlignLeft | Qt.AlignVCenter, text)
            y += spacing + (4 if italic or not bold else 0)


class EquationView(QWidget):
    """Equations of unit `sim.unit` of the selected cell at step t."""

    def __init__(self, simulator, parent=None):
        super().__init__(parent)
        self.sim = simulator
        self.unit = QSpinBox()
        self.unit.setPrefix("unit ")
        self.unit.setToolTip("which unit's equations to show (also: click a bar in the cell view)")
        self.header = QLabel()
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
        self.unit.valueChanged.connect(lambda k: self.sim.select(unit=k))
        simulator.trace_changed.connect(self._refresh)
        simulator.cursor_changed.connect(self._refresh)
        simulator.selection_changed.connect(self._refresh)
        simulator.gradients_changed.connect(self._refresh)

    def _refresh(self, *_args) -> None:
        sim = self.sim
        if sim.trace is None:
            return
        if self.unit.maximum() != sim.spec.hidden_size - 1 or self.unit.value() != sim.unit:
            with quiet(self.unit):
                self.unit.setRange(0, sim.spec.hidden_size - 1)
                self.unit.setValue(sim.unit)
        weights = sim.snapshot.network.numpy()
        args = (sim.trace, sim.layer, sim.direction, sim.t, sim.batch_index, sim.unit)
        self.lines = unit_equations(sim.spec, weights, *args)
        if sim.gradients is not None:  # backward: how ∂L/∂· moves one step back, here
            self.lines = gradient_lines(sim.spec, weights, args[0], sim.gradients,
                                        *args[1:]) + self.lines
        arrow = {"fwd": "→", "bwd": "←"}[sim.direction]
        self.header.setText(f"{sim.where()}, layer {sim.layer + 1} {arrow}, batch "
                            f"{sim.batch_index}")
        self.canvas.set_lines(self.lines)
