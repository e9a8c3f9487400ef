"""The selected unit's equations with live numbers, and how each term moved c and h."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTextBrowser, QVBoxLayout, QWidget

from rnnviz.gui.equations import equations_html, unit_equations


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
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.text, 1)
        self.lines = []
        self.unit.valueChanged.connect(lambda k: self.sim.select(unit=k))
        simulator.trace_changed.connect(self._refresh)
        simulator.cursor_changed.connect(self._refresh)
        simulator.selection_changed.connect(self._refresh)

    def _refresh(self, *_args) -> None:
        sim = self.sim
        if sim.trace is None:
            return
        self.unit.blockSignals(True)
        self.unit.setRange(0, sim.spec.hidden_size - 1)
        self.unit.setValue(sim.unit)
        self.unit.blockSignals(False)
        self.lines = unit_equations(sim.spec, sim.snapshot.network.numpy(), sim.trace,
                                    sim.layer, sim.direction, sim.t, sim.batch_index, sim.unit)
        arrow = {"fwd": "→", "bwd": "←"}[sim.direction]
        self.header.setText(f"t = {sim.t}, layer {sim.layer + 1} {arrow}, batch "
                            f"{sim.batch_index}")
        self.text.setHtml(equations_html(self.lines))
