"""The output at step t, as the head gives it: y_t, softmax probabilities p_t, or log-softmax
log-probabilities log p_t (with the probabilities beside them); for text, the top guesses.

Every bar and axis says what it is: a log-softmax head's outputs are log p ≤ 0, not
probabilities, so they are drawn as such and p = exp(log p) is written next to them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from rnnviz.gui.colors import PART_COLORS
from rnnviz.gui.equations import layer_output_name
from rnnviz.gui.i18n import tr
from rnnviz.gui.step_text import StepText
from rnnviz.gui.trace_bounds import value_range
from rnnviz.gui.views.settle import settle


@dataclass(frozen=True)
class Shown:
    """What the output plot shows at step t, and how it is labelled."""

    values: np.ndarray  # (O,) the bars
    what: str  # the caption's description of the bars
    axis: str  # the value axis' title: "y", "p", "log p" or the top layer's h
    y_range: tuple[float, float]  # fixed over the whole trace
    probs: np.ndarray | None = None  # (O,) probabilities, when the head gives them


def output_now(sim) -> Shown:
    """The head's output at t for the selected batch element, labelled by the head kind."""
    trace, spec, b, t = sim.trace, sim.spec, sim.batch_index, sim.t
    if spec.head is None:
        lo, hi = _range(sim, "output", b, t)
        peak = max(1.0, abs(lo), abs(hi))
        name = layer_output_name(spec, spec.num_layers - 1)
        return Shown(trace.output[t, b], tr("no output head: the top layer's output {name}")
                     .format(name=name), name, (-peak, peak))
    now = trace.y[t, b]  # (O,) what the head outputs, after its activation
    if spec.head.activation == "softmax":
        return Shown(now, tr("p_t = softmax(y_t), the probabilities"), "p", (0.0, 1.0), now)
    lo, hi = _range(sim, "y", b, t)  # over the whole trace: the axis never rescales
    if spec.head.activation == "log_softmax":
        lo = min(lo, -1e-3)
        return Shown(now, tr("log p_t = log_softmax(y_t), the log-probabilities"),
                     "log p", (1.05 * lo, 0.0), np.exp(now))
    pad = 0.05 * max(hi - lo, 1e-6)
    return Shown(now, tr("y_t = W_ho h_t + b_ho (no activation)"), "y",
                 (min(lo, 0) - pad, max(hi, 0) + pad))


def _range(sim, which: str, b: int, t: int) -> tuple[float, float]:
    """The bars' value range over the whole run; with edits, over the original run too."""
    lo, hi = value_range(sim.trace, which, b, t)
    original = getattr(sim.snapshot, "original", None)
    if original is not None:
        was = value_range(original, which, b, t)
        lo, hi = min(lo, was[0]), max(hi, was[1])
    return lo, hi


def original_now(sim) -> tuple[np.ndarray, np.ndarray | None] | None:
    """What if: the original run's bars at t and its probabilities (as output_now gives the
    edited run's), or None when nothing is edited."""
    snap = sim.snapshot
    original = None if snap is None else snap.original
    if original is None or snap.s2s is not None:
        return None
    spec, b, t = sim.spec, sim.batch_index, sim.t
    if spec.head is None:
        return original.output[t, b], None
    now = original.y[t, b]
    activation = spec.head.activation
    probs = now if activation == "softmax" else np.exp(now) \
        if activation == "log_softmax" else None
    return now, probs


MAX_NAMED_TICKS = 40  # more characters than this: numbered ticks (the caption names the best)
MAX_NAMED_WORDS = 10  # words are wider: named ticks for a few classes only


def char_label(ch: str) -> str:
    """A character as a tick label: visible space, escaped control characters."""
    return "␣" if ch == " " else repr(ch)[1:-1]


def top_predictions(probs: np.ndarray, vocab: str, k: int = 3) -> list[tuple[str, float]]:
    order = np.argsort(-probs, kind="stable")[:k]
    return [(vocab[j], float(probs[j])) for j in order]


def integer_ticks(count: int, most: int = 12) -> list[tuple[int, str]]:
    """Whole-number ticks 0 … count−1, every 1, 2, 5, 10, 20 … so at most `most` show."""
    scale = 1
    while True:
        for step in (scale, 2 * scale, 5 * scale):
            if count <= step * most:
                return [(j, str(j)) for j in range(0, count, step)]
        scale *= 10


class OutputView(QWidget):
    def __init__(self, simulator, parent=None):
        super().__init__(parent)
        self.sim = simulator
        self.caption = StepText()  # changes at every step: repainted, not re-laid out
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.getViewBox().setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=PART_COLORS["y"])
        self.plot.addItem(self.bars)
        # what if: the original run's value of each output, a dashed outline over its bar
        self.original_bars = pg.BarGraphItem(x=[], height=[], width=0.86, brush=None,
                                             pen=pg.mkPen("#1A1A1A", width=2,
                                                          style=Qt.DashLine))
        self.original_bars.setZValue(5)
        self.plot.addItem(self.original_bars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.caption)
        layout.addWidget(self.plot, 1)
        self.values = np.zeros(0)
        self.probs: np.ndarray | None = None  # the probabilities at t, when the head gives them
        self.original_values: np.ndarray | None = None  # what if: the original run's bars at t
        # what the bars were last drawn for: a new trace comes with trace_changed,
        # cursor_changed and selection_changed together, and is drawn once
        self._drawn: tuple | None = None
        simulator.trace_changed.connect(self._on_trace_changed)
        simulator.cursor_changed.connect(self._on_step)
        simulator.selection_changed.connect(self._on_selection_changed)

    def _now(self) -> tuple:
        sim = self.sim
        return sim.snapshot, sim.trace, sim.t, sim.batch_index

    def _drawn_now(self) -> bool:
        drawn, now = self._drawn, self._now()
        return drawn is not None and drawn[0] is now[0] and drawn[1] is now[1] \
            and drawn[2:] == now[2:]

    def _on_step(self, *_args) -> None:
        if not self._drawn_now():
            self._refresh()

    def _on_selection_changed(self) -> None:
        # the bars are the head's or the top layer's: only another batch element changes them
        if self._drawn is None or self._drawn[3] != self.sim.batch_index:
            self._on_trace_changed()

    def _vocab(self):
        """The head's outputs by name (a str of characters or a tuple of names), or None."""
        snap = self.sim.snapshot
        if snap.output_vocab:  # a decoder: the symbols it writes
            return snap.output_vocab
        if snap.classes:  # --classes, or the vocabulary of a model that predicts its tokens
            return snap.classes
        seq, spec = snap.sequence, self.sim.spec
        if seq.vocab and spec.head is not None and spec.head.output_size == len(seq.vocab):
            return seq.vocab
        return None

    def _what(self) -> str:
        """What a named output is (a key): the next character or token, a symbol written,
        a class."""
        snap = self.sim.snapshot
        if snap.output_vocab:
            return "symbol"
        if snap.classes:
            return "token" if snap.classes == snap.sequence.token_names else "class"
        return "character"

    def _unit_title(self, vocab) -> str:
        if vocab:
            return {"symbol": tr("symbol written"), "token": tr("next token"),
                    "class": tr("class"), "character": tr("next character")}[self._what()]
        return tr("output unit") if self.sim.spec.head is not None else tr("unit")

    def _on_trace_changed(self) -> None:
        if self.sim.trace is None:
            return
        self.caption.release()  # a new trace: its captions may be shorter
        shown = output_now(self.sim)
        count = len(shown.values)
        self.plot.setXRange(-0.6, count - 0.4, padding=0)
        self.plot.setYRange(*shown.y_range, padding=0.04)  # room for the end ticks' labels
        vocab = self._vocab()
        axis = self.plot.getAxis("bottom")
        # outputs are indexed, not measured: whole-number ticks only, no minor ones
        words = vocab is not None and any(len(name) > 1 for name in vocab)
        named = vocab is not None and len(vocab) <= (MAX_NAMED_WORDS if words else
                                                      MAX_NAMED_TICKS)
        ticks = [[(j, char_label(ch)) for j, ch in enumerate(vocab)] if named else
                 integer_ticks(count), []]
        if ticks != axis._tickLevels:  # set again, the axis is measured and drawn again
            axis.setTicks(ticks)
        for side, title in (("bottom", self._unit_title(vocab)), ("left", shown.axis)):
            if self.plot.getAxis(side).labelText != title:  # set again, it is laid out again
                self.plot.setLabel(side, title)
        self._refresh()
        settle(self.plot.getPlotItem().layout, self.plot.getPlotItem())

    def _refresh(self, *_args) -> None:
        if self.sim.trace is None:
            return
        self._drawn = self._now()
        shown = output_now(self.sim)
        snapshot, where = self.sim.snapshot, self.sim.where()
        self.plot.setVisible(snapshot.half != "enc")
        if snapshot.half == "enc":  # the encoder writes nothing: its last state is the context
            self._show_none(tr("<b>{where}</b> — the encoder has no output; its final state "
                               "becomes the context c the decoder starts from").format(
                                   where=where))
            return
        if not self.sim.trace.has_output(self.sim.t):
            self._show_none(tr("<b>output at {where}</b> — none at this step: N→1 has one "
                               "output, at the last step (t = {last})").format(
                                   where=where, last=self.sim.trace.length - 1))
            return
        self.values, self.probs = shown.values, shown.probs
        self.bars.setOpts(x=np.arange(len(shown.values)), height=shown.values, width=0.7)
        original = original_now(self.sim)
        self.original_values = None if original is None else original[0]
        # drawn where the runs differ at t (before the edits they are the same bars)
        differs = original is not None and not np.array_equal(original[0], shown.values)
        self.original_bars.setOpts(x=np.arange(len(shown.values)) if differs else [],
                                   height=original[0] if differs else [], width=0.86)
        text = tr("<b>output at {where}</b> — {what}").format(where=where, what=shown.what)
        if original is not None:
            text += tr(" (dashed outline: the original run)")
        log_p = self.sim.spec.head is not None and self.sim.spec.head.activation == "log_softmax"
        if shown.probs is not None:
            text += "<br>" + self._guesses(shown.probs, log_p)
            if original is not None and original[1] is not None:
                text += self._original_guess(shown.probs, original[1])
        self.caption.setText(text)

    def _original_guess(self, probs: np.ndarray, was: np.ndarray) -> str:
        """What the original run's top guess was, when the edit changed it."""
        top, was_top = int(np.argmax(probs)), int(np.argmax(was))
        if top == was_top:
            return ""
        vocab = self._vocab()
        name = f"'{vocab[was_top]}'" if vocab else tr("output {n}").format(n=was_top)
        return "<br><i>" + tr("original run: {name} {p}").format(
            name=name, p=f"{was[was_top]:.2f}") + "</i>"

    def _show_none(self, caption: str) -> None:
        self.values, self.probs, self.original_values = np.zeros(0), None, None
        self.bars.setOpts(x=[], height=[], width=0.7)
        self.original_bars.setOpts(x=[], height=[], width=0.86)
        self.caption.setText(caption)

    def _guesses(self, probs: np.ndarray, log_p: bool) -> str:
        """The most likely outputs with their probabilities (for text: the characters)."""
        vocab = self._vocab()
        order = np.argsort(-probs, kind="stable")[:3]
        names = [f"'{vocab[j]}'" if vocab else tr("output {n}").format(n=j) for j in order]
        said = {"symbol": tr("writes"), "class": tr("most likely"), "token": tr("next token"),
                "character": tr("next character")}[self._what()] if vocab else \
            tr("most likely")
        said += " (p = exp(log p))" if log_p else ""  # the bars are log p: say what these are
        return f"{said}: " + ", ".join(f"{name} {probs[j]:.2f}" for name, j in zip(names, order))
