"""The output at step t: y_t (or softmax probabilities) as bars; for text, the top guesses."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from rnnviz.gui.colors import PART_COLORS


def output_now(sim) -> tuple[np.ndarray, str, tuple[float, float]]:
    """(values, what they are, fixed y range over the whole trace)."""
    trace, spec, b = sim.trace, sim.spec, sim.batch_index
    if spec.head is None:
        values = trace.output[:, b]
        peak = max(1.0, float(np.abs(values).max()))
        return values[sim.t], "no output head: the top layer's output h_t", (-peak, peak)
    if spec.head.activation != "none":
        probs = trace.y[:, b] if spec.head.activation == "softmax" else np.exp(trace.y[:, b])
        return probs[sim.t], "softmax probabilities", (0.0, 1.0)
    values = trace.y[:, b]
    lo, hi = float(values.min()), float(values.max())
    pad = 0.05 * max(hi - lo, 1e-6)
    return values[sim.t], "y_t = W_ho h_t + b_ho", (min(lo, 0) - pad, max(hi, 0) + pad)


def char_label(ch: str) -> str:
    """A character as a tick label: visible space, escaped control characters."""
    return "␣" if ch == " " else repr(ch)[1:-1]


def top_predictions(probs: np.ndarray, vocab: str, k: int = 3) -> list[tuple[str, float]]:
    order = np.argsort(-probs, kind="stable")[:k]
    return [(vocab[j], float(probs[j])) for j in order]


class OutputView(QWidget):
    def __init__(self, simulator, parent=None):
        super().__init__(parent)
        self.sim = simulator
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.getViewBox().setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=PART_COLORS["y"])
        self.plot.addItem(self.bars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.caption)
        layout.addWidget(self.plot, 1)
        self.values = np.zeros(0)
        simulator.trace_changed.connect(self._on_trace_changed)
        simulator.cursor_changed.connect(self._refresh)
        simulator.selection_changed.connect(self._on_trace_changed)

    def _vocab(self) -> str | None:
        if self.sim.snapshot.output_vocab:  # a decoder: the symbols it writes
            return self.sim.snapshot.output_vocab
        seq, spec = self.sim.snapshot.sequence, self.sim.spec
        if seq.vocab and spec.head is not None and spec.head.output_size == len(seq.vocab):
            return seq.vocab
        return None

    def _on_trace_changed(self) -> None:
        if self.sim.trace is None:
            return
        values, _, (lo, hi) = output_now(self.sim)
        self.plot.setRange(xRange=(-0.6, len(values) - 0.4), yRange=(lo, hi), padding=0)
        vocab = self._vocab()
        axis = self.plot.getAxis("bottom")
        if vocab:
            axis.setTicks([[(j, char_label(ch)) for j, ch in enumerate(vocab)]])
        elif len(values) <= 24:  # whole-number ticks: outputs are indexed, not measured
            axis.setTicks([[(j, str(j)) for j in range(len(values))]])
        else:
            axis.setTicks(None)
        self._refresh()

    def _refresh(self, *_args) -> None:
        if self.sim.trace is None:
            return
        values, what, _ = output_now(self.sim)
        snapshot, where = self.sim.snapshot, self.sim.where()
        self.plot.setVisible(snapshot.half != "enc")
        if snapshot.half == "enc":  # the encoder writes nothing: its last state is the context
            self.values = np.zeros(0)
            self.bars.setOpts(x=[], height=[], width=0.7)
            self.caption.setText(f"<b>{where}</b> — the encoder has no output; its final "
                                 f"state becomes the context c the decoder starts from")
            return
        if self.sim.t not in self.sim.trace.output_steps:
            self.values = np.zeros(0)
            self.bars.setOpts(x=[], height=[], width=0.7)
            self.caption.setText(f"<b>output at {where}</b> — none at this step: N→1 has one "
                                 f"output, at the last step (t = {self.sim.trace.length - 1})")
            return
        self.values = values
        self.bars.setOpts(x=np.arange(len(values)), height=values, width=0.7)
        text = f"<b>output at {where}</b> — {what}"
        vocab = self._vocab()
        if vocab and self.sim.spec.head.activation != "none":
            guesses = ", ".join(f"'{c}' {p:.0%}" for c, p in top_predictions(values, vocab))
            wrote = snapshot.half == "dec"
            text += f"<br>{'writes' if wrote else 'next character'}: {guesses}"
        self.caption.setText(text)
