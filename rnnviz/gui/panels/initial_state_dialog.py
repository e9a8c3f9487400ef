"""Editing h0 (and c0) by hand: one row per layer and direction, one column per unit."""

from __future__ import annotations

import json

import numpy as np
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from rnnviz.gui.core_text import translate_message
from rnnviz.gui.i18n import tr


def _row_names(spec, state: str) -> list[str]:
    arrows = {"fwd": "→", "bwd": "←"}
    return [tr("{state} layer {layer} {arrow}").format(state=state, layer=layer + 1,
                                                        arrow=arrows[d])
            for layer in range(spec.num_layers) for d in spec.directions()]


class InitialStateDialog(QDialog):
    """A table of the initial state; values() gives the JSON for Config.init_values."""

    def __init__(self, spec, h0: np.ndarray, c0: np.ndarray | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Initial state h0 / c0"))
        self.spec = spec
        names = _row_names(spec, "h0") + (_row_names(spec, "c0") if c0 is not None else [])
        width = spec.hidden_size
        self.table = QTableWidget(len(names), width)
        self.table.setVerticalHeaderLabels(names)
        self.table.setHorizontalHeaderLabels([str(k) for k in range(width)])
        rows = list(h0) + (list(c0) if c0 is not None else [])
        for r, row in enumerate(rows):
            for k in range(width):
                text = f"{row[k]:.4g}" if k < len(row) else ""
                item = QTableWidgetItem(text)
                self.table.setItem(r, k, item)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b2182b")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("The same state starts every sequence of the batch. "
                                   "Cells beyond h's size (LSTM with proj_size) are "
                                   "ignored.")))
        layout.addWidget(self.table)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(min(1200, 120 + 70 * width), 160 + 30 * len(names))
        self._values = ""

    def _read(self) -> dict:
        spec, layers = self.spec, self.spec.num_layers * self.spec.num_directions
        rows = []
        for r in range(self.table.rowCount()):
            width = spec.hidden_out if r < layers else spec.hidden_size
            row = []
            for k in range(width):
                item = self.table.item(r, k)
                text = item.text().strip() if item else ""
                try:
                    value = float(text)
                except ValueError:
                    raise ValueError(tr("row {row}, unit {unit}: {text} is not a number")
                                     .format(row=r + 1, unit=k, text=repr(text))) from None
                if not np.isfinite(value):
                    raise ValueError(tr("row {row}, unit {unit}: give a finite number")
                                     .format(row=r + 1, unit=k))
                row.append(value)
            rows.append(row)
        values = {"h0": rows[:layers]}
        if spec.cell == "lstm":
            values["c0"] = rows[layers:]
        return values

    def _on_ok(self) -> None:
        try:
            self._values = json.dumps(self._read())
        except ValueError as exc:
            self.problem.setText(translate_message(str(exc)))
            return
        self.accept()

    def values(self) -> str:
        return self._values
