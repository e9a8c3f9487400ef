"""The trace's outputs and final states equal torch.nn's, over many configurations."""

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rnnviz.core.network import Network
from rnnviz.core.spec import NetworkSpec
from rnnviz.core.states import random_state, zeros_state
from rnnviz.core.trace import compute_trace

TOL = {torch.float32: 1e-5, torch.float64: 1e-10}


@st.composite
def configs(draw):
    cell = draw(st.sampled_from(["rnn", "lstm", "gru"]))
    hidden = draw(st.integers(2, 9))
    return dict(
        spec=NetworkSpec(
            cell=cell,
            input_size=draw(st.integers(1, 5)),
            hidden_size=hidden,
            num_layers=draw(st.integers(1, 3)),
            nonlinearity=draw(st.sampled_from(["tanh", "relu"])) if cell == "rnn" else "tanh",
            bias=draw(st.booleans()),
            bidirectional=draw(st.booleans()),
            proj_size=draw(st.integers(0, hidden - 1)) if cell == "lstm" else 0,
        ),
        steps=draw(st.integers(1, 12)),
        batch=draw(st.sampled_from([1, 3])),
        batch_first=draw(st.booleans()),
        random_init=draw(st.booleans()),
        dtype=draw(st.sampled_from([torch.float32, torch.float64])),
        method=draw(st.sampled_from(["fast", "step"])),
        seed=draw(st.integers(0, 2**16)),
    )


def torch_reference(net: Network, x: torch.Tensor, initial, batch_first: bool):
    module = net.to_rnn_module()
    module.batch_first = batch_first
    h0 = torch.from_numpy(initial.h0).to(net.dtype)
    hx = (h0, torch.from_numpy(initial.c0).to(net.dtype)) if net.spec.cell == "lstm" else h0
    with torch.no_grad():
        out, hidden = module(x, hx)
    if batch_first:
        out = out.transpose(0, 1)
    h_n, c_n = hidden if net.spec.cell == "lstm" else (hidden, None)
    return out.numpy(), h_n.numpy(), None if c_n is None else c_n.numpy()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(configs())
def test_outputs_and_final_states_match_torch(cfg):
    spec, dtype = cfg["spec"], cfg["dtype"]
    net = Network.random(spec, seed=cfg["seed"], dtype=dtype)
    rng = np.random.default_rng(cfg["seed"])
    shape = (cfg["batch"], cfg["steps"]) if cfg["batch_first"] else (cfg["steps"], cfg["batch"])
    x = torch.from_numpy(rng.standard_normal((*shape, spec.input_size))).to(dtype)
    initial = (random_state(spec, cfg["batch"], cfg["seed"]) if cfg["random_init"]
               else zeros_state(spec, cfg["batch"]))

    trace = compute_trace(net, x, initial=initial, device="cpu", method=cfg["method"],
                          batch_first=cfg["batch_first"])
    out, h_n, c_n = torch_reference(net, x, initial, cfg["batch_first"])

    tol = TOL[dtype]
    np.testing.assert_allclose(trace.output, out, atol=tol, rtol=0)
    np.testing.assert_allclose(trace.h_n, h_n, atol=tol, rtol=0)
    if spec.cell == "lstm":
        np.testing.assert_allclose(trace.c_n, c_n, atol=tol, rtol=0)
    # the last layer's h parts are the output, direction by direction
    top = spec.num_layers - 1
    h_top = np.concatenate([trace.part(top, d, "h") for d in spec.directions()], axis=-1)
    np.testing.assert_allclose(h_top, out, atol=tol, rtol=0)
    for name in spec.parts:
        assert trace.part(0, "fwd", name).shape == (cfg["steps"], cfg["batch"],
                                                    spec.part_size(name))


@settings(max_examples=60, deadline=None)
@given(configs())
def test_fast_parts_equal_step_parts(cfg):
    """The batched gates equal the one-step-at-a-time reference, part by part."""
    spec, dtype = cfg["spec"], cfg["dtype"]
    net = Network.random(spec, seed=cfg["seed"], dtype=dtype)
    x = np.random.default_rng(cfg["seed"]).standard_normal(
        (cfg["steps"], cfg["batch"], spec.input_size))
    initial = random_state(spec, cfg["batch"], cfg["seed"])
    fast = compute_trace(net, x, initial=initial, device="cpu", method="fast")
    step = compute_trace(net, x, initial=initial, device="cpu", method="step")
    assert fast.parts.keys() == step.parts.keys()
    for key in fast.parts:
        np.testing.assert_allclose(fast.parts[key], step.parts[key], atol=TOL[dtype], rtol=0,
                                   err_msg=key)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_long_sequence_parity_float64(cell):
    """1000 steps: the scan-based cell state does not drift from torch's."""
    spec = NetworkSpec(cell, 4, 16, num_layers=2, bidirectional=True)
    net = Network.random(spec, seed=3, dtype=torch.float64)
    x = np.random.default_rng(0).standard_normal((1000, 2, 4))
    trace = compute_trace(net, x, device="cpu")
    out, h_n, c_n = torch_reference(net, torch.from_numpy(x), zeros_state(spec, 2), False)
    np.testing.assert_allclose(trace.output, out, atol=1e-10, rtol=0)
    if cell == "lstm":
        np.testing.assert_allclose(trace.c_n, c_n, atol=1e-10, rtol=0)
        c_fwd_last = trace.part(1, "fwd", "c")[-1]
        np.testing.assert_allclose(c_fwd_last, c_n[2], atol=1e-10, rtol=0)
        np.testing.assert_allclose(trace.part(1, "bwd", "c")[0], c_n[3], atol=1e-10, rtol=0)
