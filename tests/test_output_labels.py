"""The Output view shows what the head outputs and says so; the Equations view has its line."""

from pathlib import Path

import numpy as np
import pytest
from gui_support import load
from PySide6.QtCore import Qt

from rnnviz.gui.config import Config
from rnnviz.gui.views.output_view import integer_ticks


def _axis_title(window, side: str) -> str:
    return window.output_view.plot.getAxis(side).labelText


def _tick_values(window) -> list[float]:
    ticks = window.output_view.plot.getAxis("bottom")._tickLevels
    return [value for level in ticks for value, _ in level]


def test_log_softmax_bars_are_log_probabilities_with_p_beside_them(qtbot, window):
    load(qtbot, window, Config(cell="gru", hidden_size=5, length=9, head="log_softmax",
                               output_size=4))
    qtbot.keyClick(window, Qt.Key_Right)
    sim, view = window.sim, window.output_view
    log_p = sim.trace.y[sim.t, sim.batch_index]
    np.testing.assert_array_equal(view.values, log_p)
    assert (view.values <= 0).all()
    np.testing.assert_allclose(view.probs, np.exp(log_p))
    assert _axis_title(window, "left") == "log p"
    assert _axis_title(window, "bottom") == "output unit"
    caption = view.caption.text()
    assert "log p_t = log_softmax(y_t)" in caption and "softmax probabilities" not in caption
    best = int(np.argmax(log_p))
    assert f"(p = exp(log p)): output {best} {np.exp(log_p[best]):.2f}" in caption
    assert _tick_values(window) == [0, 1, 2, 3]
    # the equations end with the head: y, log p and p at the largest output, the trace's
    lines = window.equation_view.lines
    assert [line.lhs for line in lines[-3:]] == [f"y_t[{best}]", f"log p_t[{best}]",
                                                 f"p_t[{best}]"]
    assert lines[-3].value == sim.trace.y_logits[sim.t, sim.batch_index, best]
    assert lines[-2].value == log_p[best]
    assert lines[-1].value == pytest.approx(np.exp(log_p[best]))


@pytest.mark.parametrize("head, left", [("softmax", "p"), ("linear", "y"), ("none", "h²_t")])
def test_each_head_kind_labels_its_value_axis(qtbot, window, head, left):
    load(qtbot, window, Config(cell="lstm", hidden_size=4, num_layers=2, length=6, head=head,
                               output_size=3))
    assert _axis_title(window, "left") == left
    sim = window.sim
    expected = sim.trace.output if head == "none" else sim.trace.y
    np.testing.assert_array_equal(window.output_view.values, expected[sim.t, 0])
    if head == "none":
        assert not any(line.lhs.startswith("y_t") for line in window.equation_view.lines)


def test_text_output_is_labelled_by_character(qtbot, window):
    load(qtbot, window, Config(preset="text", text="hello world", cell="rnn", hidden_size=6,
                               head="log_softmax"))
    assert _axis_title(window, "bottom") == "next character"
    assert "next character (p = exp(log p)): '" in window.output_view.caption.text()


def test_integer_ticks_stay_whole_and_few():
    assert [v for v, _ in integer_ticks(5)] == [0, 1, 2, 3, 4]
    for count in (13, 30, 99, 400, 5000):
        values = [v for v, _ in integer_ticks(count)]
        assert len(values) <= 12 and values[0] == 0 and all(isinstance(v, int) for v in values)
        step = values[1] - values[0]
        assert str(step).strip("0") in ("1", "2", "5")


def test_a_seq2seq_decoder_names_its_modules_and_its_head(qtbot, window):
    model = Path(__file__).parent.parent / "resources" / "models" / "reverse.pt"
    load(qtbot, window, Config(model=str(model), topology="seq2seq", preset="text",
                               text="fgcab", vocab="abcdefgh"))
    sim = window.sim
    assert not any(line.lhs.startswith(("y_t", "p_t")) for line in window.equation_view.lines)
    sim.seek(7)  # the decoder's t = 2
    assert sim.snapshot.half == "dec"
    lines = window.equation_view.lines
    assert "of decoder.weight_ih_l0, decoder.bias_ih_l0" in lines[0].note
    y, p = lines[-2:]
    k = int(np.argmax(sim.trace.y[sim.t, 0]))
    assert (y.lhs, p.lhs) == (f"y_t[{k}]", f"p_t[{k}]")
    assert y.value == sim.trace.y_logits[sim.t, 0, k] and p.value == sim.trace.y[sim.t, 0, k]
    assert "W_ho = linear.weight, b_ho = linear.bias" in y.note
    assert _axis_title(window, "bottom") == "symbol written"
