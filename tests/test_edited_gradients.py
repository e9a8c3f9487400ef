"""Gradients of an edited run (`rnnviz grads --clamp …`, the window's Gradients panel with
edits): autograd through the same held parts, against a hand-written torch loop."""

from __future__ import annotations

import json

import numpy as np
import torch

from rnnviz.cli import main
from rnnviz.core.edited_run import with_weights
from rnnviz.core.gradients import compute_gradients
from rnnviz.core.interventions import parse_edits
from rnnviz.core.network import Network
from rnnviz.core.spec import NetworkSpec


def _lstm_loop(params, x, hold_f_from: int, hidden: int):
    """An LSTM by hand (torch.nn's formulas), f held at 1 from a step; returns h_T summed."""
    w_ih, w_hh = params["weight_ih_l0"], params["weight_hh_l0"]
    b = params["bias_ih_l0"] + params["bias_hh_l0"]
    h = torch.zeros(x.shape[1], hidden, dtype=x.dtype)
    c = torch.zeros_like(h)
    for t in range(x.shape[0]):
        i, f, g, o = (x[t] @ w_ih.T + h @ w_hh.T + b).chunk(4, dim=-1)
        i, f, g, o = i.sigmoid(), f.sigmoid(), g.tanh(), o.sigmoid()
        if t >= hold_f_from:
            f = torch.ones_like(f)
        c = f * c + i * g
        h = o * c.tanh()
    return h.sum()


def test_gradients_through_a_held_forget_gate_equal_autograd_by_hand():
    net = Network.random(NetworkSpec("lstm", 2, 5), seed=4, dtype=torch.float64)
    x = np.random.default_rng(1).normal(size=(12, 2, 2))
    edits = parse_edits(clamp=["f=1@6:"])
    grads = compute_gradients(net, x, "h_T", clamps=edits.clamps)
    xt = torch.from_numpy(x).requires_grad_(True)
    _lstm_loop(net.params, xt, 6, 5).backward()
    np.testing.assert_allclose(grads.arrays["dx"], xt.grad.numpy(), rtol=0, atol=1e-12)
    plain = compute_gradients(net, x, "h_T")
    assert not np.allclose(plain.arrays["dx"], grads.arrays["dx"])


def test_a_held_unit_passes_no_gradient_back():
    net = Network.random(NetworkSpec("gru", 1, 4), seed=2, dtype=torch.float64)
    x = np.random.default_rng(0).normal(size=(8, 1, 1))
    held = parse_edits(clamp=["h=0@3"])  # every unit of h_3 set to 0: the past is cut off
    grads = compute_gradients(net, x, "h_T", clamps=held.clamps)
    assert np.all(grads.arrays["dx"][:4] == 0) and np.any(grads.arrays["dx"][4:] != 0)


def test_weight_edits_change_the_gradients_as_the_edited_network_does():
    net = Network.random(NetworkSpec("rnn", 2, 3), seed=1, dtype=torch.float64)
    x = np.random.default_rng(3).normal(size=(6, 1, 2))
    edits = parse_edits(set_=["weight_hh_l0[:, 1]*=0"])
    edited = with_weights(net, edits)
    assert edited.params["weight_hh_l0"][:, 1].abs().sum() == 0
    assert net.params["weight_hh_l0"][:, 1].abs().sum() > 0  # the original is untouched
    a = compute_gradients(edited, x, "h_T")
    b = compute_gradients(net, x, "h_T")
    assert not np.allclose(a.arrays["dx"], b.arrays["dx"])


def test_cli_grads_takes_the_edits_and_records_them(tmp_path, capsys):
    out = tmp_path / "g.npz"
    assert main(["grads", "--cell", "lstm", "--hidden-size", "5", "--length", "12",
                 "--clamp", "f=1@6:", "-o", str(out)]) == 0
    with np.load(out) as f:
        meta = json.loads(str(f["meta"]))
        edited = f["dx"]
    assert meta["edits"] == ["f=1@6:"]
    plain = tmp_path / "p.npz"
    assert main(["grads", "--cell", "lstm", "--hidden-size", "5", "--length", "12",
                 "-o", str(plain)]) == 0
    with np.load(plain) as f:
        assert not np.allclose(f["dx"], edited)
    assert main(["grads", "--cell", "lstm", "--hidden-size", "5", "--length", "12",
                 "--clamp", "q=1", "-o", str(tmp_path / "bad.npz")]) == 2
    assert "no part 'q'" in capsys.readouterr().err
    assert not (tmp_path / "bad.npz").exists()


def test_the_window_shows_the_edited_runs_gradients(qtbot, window):
    from gui_support import load

    from rnnviz.gui.config import Config

    with qtbot.waitSignal(window.sim.gradients_changed, timeout=30_000):
        load(qtbot, window, Config(cell="lstm", hidden_size=5, length=15, edits="clamp f=1@6:",
                                   gradients="h_T"))
    snap = window.sim.snapshot
    want = compute_gradients(snap.network, snap.trace.x, "h_T",
                             clamps=parse_edits(clamp=["f=1@6:"]).clamps)
    np.testing.assert_allclose(window.sim.gradients.arrays["dx"], want.arrays["dx"], atol=1e-6)
    assert window.last_error == ""
