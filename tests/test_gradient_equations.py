"""The equation view's backward lines: each local Jacobian sum equals autograd's value."""

import numpy as np
import pytest

from rnnviz.core.gradients import compute_gradients
from rnnviz.core.network import Network
from rnnviz.core.spec import NetworkSpec
from rnnviz.core.trace import compute_trace
from rnnviz.gui.equations import line_texts
from rnnviz.gui.gradient_equations import gradient_lines


def _setup(spec, steps=7, batch=2):
    net = Network.random(spec, seed=3, dtype=__import__("torch").float64)
    x = np.random.default_rng(0).normal(size=(steps, batch, spec.input_size))
    trace = compute_trace(net, x, device="cpu")
    grads = compute_gradients(net, x, "h_T")
    return net, trace, grads


@pytest.mark.parametrize("spec", [
    NetworkSpec("lstm", 3, 4, num_layers=2, bidirectional=True),
    NetworkSpec("lstm", 3, 5, proj_size=2),
])
def test_lstm_cell_path_sum_equals_autograd(spec):
    net, trace, grads = _setup(spec)
    for layer in range(spec.num_layers):
        for direction in spec.directions():
            for t in range(trace.length):
                for k in range(spec.hidden_size):
                    lines = gradient_lines(spec, net.numpy(), trace, grads, layer, direction,
                                           t, 1, k)
                    dc = next(line for line in lines if line.lhs.startswith("∂L/∂c_t"))
                    assert dc.pre == pytest.approx(dc.value, rel=1e-9, abs=1e-12)
                    assert dc.value == grads.arrays[f"l{layer}_{direction}_dc"][t, 1, k]


@pytest.mark.parametrize("spec", [
    NetworkSpec("rnn", 3, 4), NetworkSpec("rnn", 3, 4, nonlinearity="relu", bidirectional=True),
    NetworkSpec("gru", 3, 5), NetworkSpec("gru", 3, 4, bidirectional=True),
])
def test_one_step_back_equals_the_gradient_at_the_previous_step(spec):
    # one layer, objective on the final state: h_{t-1} reaches L only through h_t
    net, trace, grads = _setup(spec)
    for direction in spec.directions():
        dh = grads.arrays[f"l0_{direction}_dh"]
        for t in range(trace.length):
            before = t - 1 if direction == "fwd" else t + 1
            if not 0 <= before < trace.length:
                continue
            for k in range(spec.hidden_size):
                line = gradient_lines(spec, net.numpy(), trace, grads, 0, direction, t, 0, k)[-1]
                assert line.value == pytest.approx(dh[before, 0, k], rel=1e-9, abs=1e-12)


def test_lines_read_as_numbers_not_zeros():
    spec = NetworkSpec("lstm", 2, 3)
    net, trace, grads = _setup(spec, steps=60)
    lines = gradient_lines(spec, net.numpy(), trace, grads, 0, "fwd", 0, 0, 1)
    head, numbers, note = line_texts(lines[0])
    assert head.startswith("∂L/∂h_t[1] =") and "e−" in numbers  # tiny, still shown
    assert "‖∂L/∂h_t‖" in note
