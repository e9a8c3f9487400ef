"""Choosing an animation: step range, frames per second, panel, GIF or MP4."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
)

from rnnviz.gui.capture import PANELS


class AnimationDialog(QDialog):
    def __init__(self, length: int, has_mp4: bool, mp4_missing: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Export an animation")
        self.first = QSpinBox()
        self.first.setRange(0, length - 1)
        self.last = QSpinBox()
        self.last.setRange(0, length - 1)
        self.last.setValue(length - 1)
        self.fps = QDoubleSpinBox()
        self.fps.setRange(0.5, 50)  # GIF frame times are whole hundredths: 50 fps at most
        self.fps.setValue(8)
        self.panel = QComboBox()
        self.panel.addItems(list(PANELS))
        self.format = QComboBox()
        self.format.addItem("GIF", ".gif")
        self.format.addItem("MP4", ".mp4")
        note = QLabel("" if has_mp4 else mp4_missing)
        note.setWordWrap(True)
        if not has_mp4:  # say what is missing rather than hide the choice
            self.format.model().item(1).setEnabled(False)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b2182b")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("from step", self.first)
        form.addRow("to step", self.last)
        form.addRow("frames per second", self.fps)
        form.addRow("panel", self.panel)
        form.addRow("format", self.format)
        form.addRow(note)
        form.addRow(self.problem)
        form.addRow(buttons)

    def _on_ok(self) -> None:
        if self.last.value() < self.first.value():
            self.problem.setText("the range is empty: 'to' must be at least 'from'")
            return
        self.accept()

    def choice(self) -> tuple[int, int, float, str, str]:
        return (self.first.value(), self.last.value(), self.fps.value(),
                self.panel.currentText(), self.format.currentData())
