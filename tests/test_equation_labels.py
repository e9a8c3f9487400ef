"""The equations name what the running model really computes, where it is, with its numbers.

Layer l > 1 reads h of layer l−1 (not x), the reverse direction's recurrence comes from
t+1 (not t−1), every weight carries torch's `_l{k}` / `_reverse` suffix and says where
it is in the state_dict, and the head's lines equal the trace's outputs.
"""

import re

import numpy as np
import pytest
import torch
from torch import nn

from rnnviz.core.files.modelio import network_from_state_dict
from rnnviz.core.gradients import compute_gradients
from rnnviz.core.network import Network
from rnnviz.core.spec import HeadSpec, NetworkSpec
from rnnviz.core.trace import compute_trace
from rnnviz.gui.equations import head_lines, line_texts, unit_equations
from rnnviz.gui.gradient_equations import gradient_lines

ACTS = {"σ": lambda v: 1 / (1 + np.exp(-v)), "tanh": np.tanh, "relu": lambda v: max(v, 0.0)}


def _run(spec, steps=6, batch=2, seed=1):
    net = Network.random(spec, seed=seed, dtype=torch.float64)
    x = np.random.default_rng(seed).normal(size=(steps, batch, spec.input_size))
    return net, compute_trace(net, x, device="cpu")


def _numbers(text: str) -> list[float]:
    """The signed numbers of a substituted line ("0.035 − 1.338" → [0.035, −1.338])."""
    text = text.replace("−", "-").replace("- ", "-").replace("+ ", "+")
    return [float(v) for v in re.findall(r"[-+]?\d+\.\d+", text)]


def _text(lines) -> str:
    return "\n".join("\n".join(line_texts(line)) for line in lines)


def test_layer_two_reverse_of_a_bidirectional_lstm_reads_h1_and_t_plus_1():
    spec = NetworkSpec("lstm", 3, 4, num_layers=2, bidirectional=True)
    net, trace = _run(spec)
    lines = unit_equations(spec, net.numpy(), trace, 1, "bwd", 2, 1, 3)
    gates = {line.lhs[0]: line for line in lines}
    for g in "ifgo":
        formula = gates[g].formula
        assert "·[h¹→; h¹←]_t" in formula and "x_t" not in formula
        assert f"W_i{g}_l1_reverse[3]" in formula and f"b_h{g}_l1_reverse[3]" in formula
        assert "h_t+1" in formula and "t−1" not in formula
    assert gates["c"].formula == "f·c_t+1 + i·g"
    assert "t−1" not in _text(lines)
    # the forward direction of layer 1 reads x and h_t−1, with layer 1's suffix
    first = unit_equations(spec, net.numpy(), trace, 0, "fwd", 2, 1, 3)
    assert "W_if_l0[3]·x_t" in first[1].formula and "h_t−1" in first[1].formula
    assert "reverse" not in _text(first)


def test_each_gate_note_names_the_state_dict_rows_that_recompute_it():
    spec = NetworkSpec("lstm", 3, 4, num_layers=2, bidirectional=True)
    net, trace = _run(spec)
    weights, k, t, b = net.numpy(), 2, 3, 0
    x = trace.layer_input(1)[t, b]
    h = trace.previous_state(1, "bwd", "h", t)[b]
    for j, line in enumerate(unit_equations(spec, weights, trace, 1, "bwd", t, b, k)[:4]):
        start, stop = map(int, re.search(r"rows (\d+):(\d+)", line.note).groups())
        assert (start, stop) == (4 * j, 4 * j + 4)
        assert ["(0:H)", "(H:2H)", "(2H:3H)", "(3H:4H)"][j] in line.note
        row = start + k
        pre = (weights["weight_ih_l1_reverse"][row] @ x + weights["bias_ih_l1_reverse"][row]
               + weights["weight_hh_l1_reverse"][row] @ h + weights["bias_hh_l1_reverse"][row])
        assert pre == pytest.approx(line.pre, abs=1e-12)
        act = ACTS[line.formula.split("(")[0]]
        assert act(line.pre) == pytest.approx(line.value, abs=1e-9)  # the trace's value
        assert sum(_numbers(line_texts(line)[1])[:4]) == pytest.approx(line.pre, abs=3e-3)


def test_gru_reverse_h_line_says_kept_and_added_and_they_sum_to_h():
    spec = NetworkSpec("gru", 3, 5, num_layers=2, bidirectional=True)
    net, trace = _run(spec)
    lines = unit_equations(spec, net.numpy(), trace, 1, "bwd", 1, 0, 4)
    n_line, h_line = lines[2], lines[3]
    assert "W_in_l1_reverse[4]·[h¹→; h¹←]_t" in n_line.formula
    assert "W_hn_l1_reverse[4]·h_t+1" in n_line.formula
    assert "rows 10:15 (2H:3H) of weight_ih_l1_reverse" in n_line.note
    assert h_line.formula == "(1−z)·n + z·h_t+1"
    kept, added = _numbers(h_line.note)
    assert h_line.note.startswith("kept z·h_t+1 = ") and ", added (1−z)·n = " in h_line.note
    assert "took" not in h_line.note and "of the new" not in h_line.note
    assert kept + added == pytest.approx(h_line.value, abs=2e-3)


def test_one_direction_deeper_layers_use_a_plain_superscript():
    spec = NetworkSpec("gru", 2, 3, num_layers=3)
    net, trace = _run(spec)
    assert "·h²_t" in unit_equations(spec, net.numpy(), trace, 2, "fwd", 0, 0, 0)[0].formula


def test_elman_reverse_keeps_torch_names_with_suffixes():
    spec = NetworkSpec("rnn", 3, 4, nonlinearity="relu", bidirectional=True)
    net, trace = _run(spec)
    (line,) = unit_equations(spec, net.numpy(), trace, 0, "bwd", 1, 0, 2)
    assert line.formula == ("relu(W_ih_l0_reverse[2]·x_t + b_ih_l0_reverse[2] + "
                            "W_hh_l0_reverse[2]·h_t+1 + b_hh_l0_reverse[2])")
    assert line.note == ("in the state_dict: weight_ih_l0_reverse, bias_ih_l0_reverse, "
                         "weight_hh_l0_reverse, bias_hh_l0_reverse")


def test_proj_lstm_names_weight_hr():
    spec = NetworkSpec("lstm", 3, 5, proj_size=2, bias=False)
    net, trace = _run(spec)
    lines = unit_equations(spec, net.numpy(), trace, 0, "fwd", 1, 0, 1)
    assert lines[0].formula == "σ(W_ii_l0[1]·x_t + W_hi_l0[1]·h_t−1)"
    assert lines[0].note == "in the state_dict: rows 0:5 (0:H) of weight_ih_l0, weight_hh_l0"
    assert lines[-1].formula.startswith("W_hr_l0 · m_t") and "weight_hr_l0" in lines[-1].note


@pytest.mark.parametrize("activation", ["none", "softmax", "log_softmax"])
def test_head_lines_equal_the_trace(activation):
    spec = NetworkSpec("lstm", 3, 4, num_layers=2, bidirectional=True,
                       head=HeadSpec(5, activation))
    net, trace = _run(spec, steps=5, batch=3)
    weights = net.numpy()
    for t in range(trace.length):
        for b in range(trace.batch):
            lines = head_lines(spec, weights, trace, t, b)
            k = int(np.argmax(trace.y[t, b]))
            y = lines[0]
            assert y.lhs == f"y_t[{k}]" and y.formula == f"W_ho[{k}]·[h²→; h²←]_t + b_ho[{k}]"
            assert y.value == trace.y_logits[t, b, k]
            wh = weights["head.weight"][k] @ trace.output[t, b]
            assert _numbers(y.numbers) == pytest.approx([wh, weights["head.bias"][k]], abs=6e-4)
            assert "W_ho = linear.weight, b_ho = linear.bias" in y.note
            assert f"k = {k}: the largest of the 5 outputs" in y.note
            _check_activation_lines(activation, lines[1:], trace.y[t, b], trace.y_logits[t, b], k)


def _check_activation_lines(activation, lines, out, logits, k):
    lse = np.log(np.exp(logits).sum())
    if activation == "none":
        assert lines == []
    elif activation == "softmax":
        (p,) = lines
        assert p.lhs == f"p_t[{k}]" and p.formula.startswith(f"softmax(y_t)[{k}] = ")
        assert p.value == out[k]
        numerator, total = _numbers(p.numbers.replace("exp(", "").replace(")", ""))
        assert np.exp(numerator) / total == pytest.approx(out[k], abs=2e-3)
    else:
        log_p, p = lines
        assert log_p.lhs == f"log p_t[{k}]" and log_p.value == out[k] <= 0
        assert log_p.formula == f"y_t[{k}] − log Σ_j exp(y_t[j])"
        assert _numbers(log_p.numbers) == pytest.approx([logits[k], -lse], abs=6e-4)
        assert p.lhs == f"p_t[{k}]" and p.value == pytest.approx(np.exp(out[k]), rel=1e-12)
        assert p.formula == f"exp(log p_t[{k}])" and "probability" in p.note


def test_no_head_no_line_and_n_to_1_only_at_the_last_step():
    spec = NetworkSpec("gru", 2, 3)
    net, trace = _run(spec)
    assert head_lines(spec, net.numpy(), trace, 2, 0) == []
    spec = NetworkSpec("gru", 2, 3, head=HeadSpec(1))
    net, trace = _run(spec)
    trace.topology = "n2one"
    last = trace.length - 1
    assert all(head_lines(spec, net.numpy(), trace, t, 0) == [] for t in range(last))
    (y,) = head_lines(spec, net.numpy(), trace, last, 0)
    assert y.formula == "W_ho[0]·h_t + b_ho[0]" and y.value == trace.y[last, 0, 0]
    assert not y.note.startswith("k =")  # one output: nothing to choose


def test_a_loaded_checkpoint_names_its_own_modules():
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = nn.GRU(3, 4, num_layers=2)
            self.fc = nn.Linear(4, 6, bias=False)

    torch.manual_seed(0)
    net = network_from_state_dict(Model().state_dict())
    x = np.random.default_rng(0).normal(size=(4, 1, 3))
    trace = compute_trace(net, x, device="cpu")
    lines = unit_equations(net.spec, net.numpy(), trace, 1, "fwd", 2, 0, 1)
    assert lines[0].note.endswith("of encoder.weight_ih_l1, encoder.bias_ih_l1, "
                                  "encoder.weight_hh_l1, encoder.bias_hh_l1")
    (y,) = head_lines(net.spec, net.numpy(), trace, 2, 0)
    assert y.note.endswith("W_ho = fc.weight") and "b_ho" not in y.formula


def test_reverse_gradient_lines_talk_about_t_plus_1():
    spec = NetworkSpec("lstm", 2, 3, bidirectional=True)
    net = Network.random(spec, seed=3, dtype=torch.float64)
    x = np.random.default_rng(0).normal(size=(5, 1, 2))
    trace = compute_trace(net, x, device="cpu")
    grads = compute_gradients(net, x, "h_T")
    back = gradient_lines(spec, net.numpy(), trace, grads, 0, "bwd", 2, 0, 1)
    dc, fprod = back[1], back[2]
    assert dc.formula.startswith("∂L/∂c_t−1·f_t−1 + ")  # the reverse runs on to t−1
    assert "∂c_t/∂c_t+1 = f_t" in dc.note
    assert fprod.formula == "f_t−1 × … × f_0" and "(t = 0)" in fprod.note
    ahead = gradient_lines(spec, net.numpy(), trace, grads, 0, "fwd", 2, 0, 1)
    assert "∂c_t/∂c_t−1 = f_t" in ahead[1].note and ahead[2].formula == "f_t+1 × … × f_4"
    last = gradient_lines(spec, net.numpy(), trace, grads, 0, "bwd", 0, 0, 1)[2]
    assert last.formula == "no step after t: 1" and last.value == 1.0
    spec = NetworkSpec("rnn", 2, 3, bidirectional=True)
    net = Network.random(spec, seed=3, dtype=torch.float64)
    trace = compute_trace(net, x, device="cpu")
    grads = compute_gradients(net, x, "h_T")
    line = gradient_lines(spec, net.numpy(), trace, grads, 0, "bwd", 2, 0, 1)[-1]
    assert line.lhs == "∂L/∂h_t+1[1] via h_t" and "W_hh_l0_reverse[j,1]" in line.formula


class _TwoCells(nn.Module):
    """The PyTorch examples' time-sequence model: nn.LSTMCell after nn.LSTMCell."""

    def __init__(self):
        super().__init__()
        self.lstm1 = nn.LSTMCell(1, 4)
        self.lstm2 = nn.LSTMCell(4, 4)
        self.linear = nn.Linear(4, 1)


def test_stacked_cells_are_named_by_their_own_tensors():
    torch.manual_seed(0)
    net = network_from_state_dict(_TwoCells().double().state_dict())
    x = np.random.default_rng(0).normal(size=(5, 1, 1))
    trace = compute_trace(net, x, device="cpu")
    for layer, cell in ((0, "lstm1"), (1, "lstm2")):
        lines = unit_equations(net.spec, net.numpy(), trace, layer, "fwd", 2, 0, 1)
        assert lines[0].note == (f"in the state_dict: rows 0:4 (0:H) of {cell}.weight_ih, "
                                 f"{cell}.bias_ih, {cell}.weight_hh, {cell}.bias_hh")
        assert f"_l{layer}" not in lines[0].note
