"""Gate arrays mean what the formulas say, not only that the outputs match."""

import numpy as np
import pytest
import torch

from rnnviz.core.network import Network
from rnnviz.core.spec import NetworkSpec
from rnnviz.core.states import random_state
from rnnviz.core.trace import compute_trace

ATOL = 1e-12


def sigmoid(v):
    return 1 / (1 + np.exp(-v))


def _trace(spec, method="fast", steps=9, batch=2):
    net = Network.random(spec, seed=11, dtype=torch.float64)
    x = np.random.default_rng(5).standard_normal((steps, batch, spec.input_size))
    init = random_state(spec, batch, seed=2)
    return net, compute_trace(net, x, initial=init, device="cpu", method=method)


@pytest.mark.parametrize("method", ["fast", "step"])
@pytest.mark.parametrize("bidirectional", [False, True])
def test_lstm_cell_update(method, bidirectional):
    spec = NetworkSpec("lstm", 3, 5, num_layers=2, bidirectional=bidirectional)
    _, tr = _trace(spec, method)
    for layer in range(2):
        for d in spec.directions():
            i, f, g, o, c, h = (tr.part(layer, d, p) for p in "ifgoch")
            for t in range(tr.length):
                c_prev = tr.previous_state(layer, d, "c", t)
                np.testing.assert_allclose(c[t], f[t] * c_prev + i[t] * g[t], atol=ATOL)
                np.testing.assert_allclose(h[t], o[t] * np.tanh(c[t]), atol=ATOL)
            assert ((0 < i) & (i < 1)).all() and ((0 < f) & (f < 1)).all()
            assert (np.abs(g) < 1).all()


def test_lstm_gates_from_weights():
    """f_t = σ(W_if x_t + b_if + W_hf h_{t-1} + b_hf) with rows stacked i, f, g, o."""
    spec = NetworkSpec("lstm", 3, 4)
    net, tr = _trace(spec)
    w = net.numpy()
    H = spec.hidden_size
    rows = {"i": slice(0, H), "f": slice(H, 2 * H), "o": slice(3 * H, 4 * H)}
    for t in range(tr.length):
        h_prev = tr.previous_state(0, "fwd", "h", t)
        for gate, r in rows.items():
            pre = (tr.x[t] @ w["weight_ih_l0"][r].T + w["bias_ih_l0"][r]
                   + h_prev @ w["weight_hh_l0"][r].T + w["bias_hh_l0"][r])
            np.testing.assert_allclose(tr.part(0, "fwd", gate)[t], sigmoid(pre), atol=ATOL)


def test_lstm_projection():
    spec = NetworkSpec("lstm", 3, 6, proj_size=2)
    net, tr = _trace(spec)
    m, h = tr.part(0, "fwd", "m"), tr.part(0, "fwd", "h")
    o, c = tr.part(0, "fwd", "o"), tr.part(0, "fwd", "c")
    np.testing.assert_allclose(m, o * np.tanh(c), atol=ATOL)
    np.testing.assert_allclose(h, m @ net.numpy()["weight_hr_l0"].T, atol=ATOL)
    assert h.shape[-1] == 2 and c.shape[-1] == 6


@pytest.mark.parametrize("method", ["fast", "step"])
def test_gru_update(method):
    spec = NetworkSpec("gru", 3, 5, bidirectional=True)
    net, tr = _trace(spec, method)
    w = net.numpy()
    H = spec.hidden_size
    for d, sfx in (("fwd", "_l0"), ("bwd", "_l0_reverse")):
        r, z, n, h = (tr.part(0, d, p) for p in "rznh")
        for t in range(tr.length):
            h_prev = tr.previous_state(0, d, "h", t)
            np.testing.assert_allclose(h[t], (1 - z[t]) * n[t] + z[t] * h_prev, atol=ATOL)
            hn = h_prev @ w["weight_hh" + sfx][2 * H:].T + w["bias_hh" + sfx][2 * H:]
            xn = tr.x[t] @ w["weight_ih" + sfx][2 * H:].T + w["bias_ih" + sfx][2 * H:]
            np.testing.assert_allclose(n[t], np.tanh(xn + r[t] * hn), atol=ATOL)


@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
def test_rnn_step(nonlinearity):
    spec = NetworkSpec("rnn", 2, 4, nonlinearity=nonlinearity, bias=False)
    net, tr = _trace(spec)
    w = net.numpy()
    act = np.tanh if nonlinearity == "tanh" else (lambda v: np.maximum(v, 0))
    for t in range(tr.length):
        h_prev = tr.previous_state(0, "fwd", "h", t)
        want = act(tr.x[t] @ w["weight_ih_l0"].T + h_prev @ w["weight_hh_l0"].T)
        np.testing.assert_allclose(tr.part(0, "fwd", "h")[t], want, atol=ATOL)
    if nonlinearity == "relu":
        assert (tr.part(0, "fwd", "h") >= 0).all()


def test_upper_layer_reads_both_directions_of_the_layer_below():
    spec = NetworkSpec("rnn", 2, 3, num_layers=2, bidirectional=True)
    net, tr = _trace(spec)
    inp = tr.layer_input(1)
    assert inp.shape == (tr.length, tr.batch, 6)
    w = net.numpy()
    want = np.tanh(inp[0] @ w["weight_ih_l1"].T + w["bias_ih_l1"]
                   + tr.initial.h0[2] @ w["weight_hh_l1"].T + w["bias_hh_l1"])
    np.testing.assert_allclose(tr.part(1, "fwd", "h")[0], want, atol=ATOL)


def test_reverse_direction_is_indexed_by_input_time():
    """bwd h at t=0 is the reverse pass's last step: h_n's reverse row."""
    spec = NetworkSpec("gru", 2, 3, bidirectional=True)
    _, tr = _trace(spec)
    np.testing.assert_allclose(tr.part(0, "bwd", "h")[0], tr.h_n[1], atol=ATOL)
    np.testing.assert_allclose(tr.part(0, "fwd", "h")[-1], tr.h_n[0], atol=ATOL)
