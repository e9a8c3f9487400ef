"""Trace behaviour beyond parity: extension, heads, bad input, devices, memory refusals."""

import numpy as np
import pytest
import torch

from rnnviz.core.devices import resolve_device
from rnnviz.core.errors import RnnvizError
from rnnviz.core.memory import check_trace_fits, estimate_trace_bytes
from rnnviz.core.network import Network
from rnnviz.core.spec import HeadSpec, NetworkSpec
from rnnviz.core.states import InitialState, make_initial_state, zeros_state
from rnnviz.core.trace import compute_trace, extend_trace


@pytest.mark.parametrize("bidirectional", [False, True])
@pytest.mark.parametrize("cell", ["lstm", "gru", "rnn"])
def test_extending_equals_computing_the_whole_sequence(cell, bidirectional):
    spec = NetworkSpec(cell, 2, 4, num_layers=2, bidirectional=bidirectional,
                       head=HeadSpec(3, "softmax"))
    net = Network.random(spec, seed=0, dtype=torch.float64)
    x = np.random.default_rng(0).standard_normal((12, 1, 2))
    whole = compute_trace(net, x)
    grown = extend_trace(compute_trace(net, x[:9]), net, x[9:])
    assert grown.length == 12
    for key, value in whole.arrays().items():
        np.testing.assert_allclose(grown.arrays()[key], value, atol=1e-12, err_msg=key)


def test_extension_of_a_forward_network_computes_only_new_steps(monkeypatch):
    import rnnviz.core.trace as trace_mod

    spec = NetworkSpec("lstm", 1, 3)
    net = Network.random(spec, seed=0)
    base = compute_trace(net, np.zeros((50, 1, 1)))
    seen = []
    real = trace_mod.run_layer_fast
    monkeypatch.setattr(trace_mod, "run_layer_fast",
                        lambda n, layer, x, h0, c0: seen.append(x.shape[0]) or real(n, layer, x,
                                                                                    h0, c0))
    extend_trace(base, net, np.ones((1, 1, 1)))
    assert seen == [1]


def test_head_softmax_and_log_softmax():
    for act in ("softmax", "log_softmax", "none"):
        spec = NetworkSpec("gru", 2, 3, head=HeadSpec(4, act))
        net = Network.random(spec, seed=1)
        tr = compute_trace(net, np.ones((5, 2, 2)))
        w, b = net.numpy()["head.weight"], net.numpy()["head.bias"]
        logits = tr.output @ w.T + b
        np.testing.assert_allclose(tr.y_logits, logits, atol=1e-6)
        if act == "softmax":
            np.testing.assert_allclose(tr.y.sum(-1), 1, atol=1e-6)
        if act == "log_softmax":
            np.testing.assert_allclose(np.exp(tr.y).sum(-1), 1, atol=1e-6)
        if act == "none":
            np.testing.assert_array_equal(tr.y, tr.y_logits)
            assert "y_logits" in tr.arrays()  # written for every head (README)


def test_random_init_is_seeded_and_given_state_is_used():
    spec = NetworkSpec("lstm", 1, 3, num_layers=2)
    a = make_initial_state(spec, 2, "random", seed=5)
    b = make_initial_state(spec, 2, "random", seed=5)
    np.testing.assert_array_equal(a.h0, b.h0)
    assert a.h0.shape == (2, 2, 3) and a.c0.shape == (2, 2, 3)
    net = Network.random(spec, seed=0, dtype=torch.float64)
    tr = compute_trace(net, np.zeros((3, 2, 1)), initial=a)
    np.testing.assert_allclose(tr.previous_state(0, "fwd", "h", 0), a.h0[0])
    assert not np.allclose(tr.output, compute_trace(net, np.zeros((3, 2, 1))).output)


@pytest.mark.parametrize("x, match", [
    (np.zeros((5, 1, 3)), "3 feature\\(s\\) per step but the model expects 2"),
    (np.zeros((0, 1, 2)), "empty"),
    (np.array([[[1.0, np.nan]]]), "NaN or inf at step 0, batch 0, feature 1"),
    (np.array([[[1.0, np.inf]]]), "NaN or inf"),
    (np.zeros((2, 2, 2, 2)), "shape"),
])
def test_bad_input(x, match):
    net = Network.random(NetworkSpec("rnn", 2, 3), seed=0)
    with pytest.raises(RnnvizError, match=match):
        compute_trace(net, x)


def test_bad_initial_state_shape():
    spec = NetworkSpec("lstm", 1, 3)
    net = Network.random(spec, seed=0)
    with pytest.raises(RnnvizError, match="h0 has shape"):
        compute_trace(net, np.zeros((2, 1, 1)), initial=InitialState(np.zeros((1, 1, 4)),
                                                                     np.zeros((1, 1, 3))))


def test_spec_validation_messages():
    with pytest.raises(RnnvizError, match="proj_size applies to LSTM only"):
        NetworkSpec("gru", 1, 4, proj_size=2)
    with pytest.raises(RnnvizError, match="smaller than hidden_size"):
        NetworkSpec("lstm", 1, 4, proj_size=4)
    with pytest.raises(RnnvizError, match="Elman RNN only"):
        NetworkSpec("lstm", 1, 4, nonlinearity="relu")
    with pytest.raises(RnnvizError, match="hidden_size must be a whole number"):
        NetworkSpec("lstm", 1, 0)
    with pytest.raises(RnnvizError, match="unknown cell"):
        NetworkSpec("transformer", 1, 4)


def test_memory_refusal_names_the_estimate():
    spec = NetworkSpec("lstm", 8, 4096, num_layers=4, bidirectional=True)
    need = estimate_trace_bytes(spec, 10**6, 8, 4)
    assert need > 2**40
    with pytest.raises(RnnvizError, match=r"needs about .* GiB but only 16.0 GiB"):
        check_trace_fits(spec, 10**6, 8, 4, available=16 * 2**30)
    net = Network.random(NetworkSpec("rnn", 1, 2), seed=0)
    check_trace_fits(net.spec, 100, 1, 4, available=16 * 2**30)


def test_huge_trace_refused_before_any_work(monkeypatch):
    """Too long even as checkpoints (a long trace holds its input): refused with the
    estimate before the input is copied or anything is computed."""
    import rnnviz.core.long_trace as long_trace
    import rnnviz.core.memory as memory

    monkeypatch.setattr(memory, "available_memory_bytes", lambda: 1 * 2**30)
    monkeypatch.setattr(long_trace, "available_memory_bytes", lambda: 1 * 2**30)
    spec = NetworkSpec("lstm", 1, 4)
    net = Network.random(spec, seed=0)
    x = torch.zeros(1, 1, 1).expand(2 * 10**9 // 24, 1, 1)  # a view: no memory used
    with pytest.raises(RnnvizError, match="even kept as checkpoints.*needs about"):
        compute_trace(net, x)


def test_dropout_is_recorded_and_off_while_tracing():
    spec = NetworkSpec("gru", 2, 3, num_layers=2, dropout=0.5)
    net = Network.random(spec, seed=0)
    x = np.ones((4, 1, 2))
    a, b = compute_trace(net, x, device="cpu"), compute_trace(net, x, device="cpu")
    np.testing.assert_array_equal(a.output, b.output)
    module = net.to_rnn_module()
    assert module.dropout == 0.5 and not module.training
    with torch.no_grad():
        np.testing.assert_allclose(a.output, module(torch.ones(4, 1, 2))[0].numpy(), atol=1e-6)


def test_device_fallback_has_a_reason():
    assert resolve_device("cpu").reason is None
    if not torch.cuda.is_available():
        choice = resolve_device("cuda")
        assert choice.device.type == "cpu" and "CUDA" in choice.reason
    choice = resolve_device("cuda:99")
    assert choice.device.type == "cpu" and choice.reason
    with pytest.raises(RnnvizError, match="unknown device"):
        resolve_device("tpu-ish!")
    net = Network.random(NetworkSpec("rnn", 1, 2), seed=0)
    tr = compute_trace(net, np.zeros((2, 1, 1)), device="cuda:99")
    assert tr.device.device.type == "cpu" and tr.device.reason


def test_zero_state_matches_torch_default():
    spec = NetworkSpec("lstm", 1, 2, num_layers=3, bidirectional=True)
    z = zeros_state(spec, 4)
    assert z.h0.shape == (6, 4, 2) and not z.h0.any() and not z.c0.any()


def test_given_initial_state_is_used_for_every_batch_element():
    from rnnviz.core.states import given_state

    spec = NetworkSpec("lstm", 1, 3, num_layers=2)
    state = given_state(spec, 2, [[0.1, 0.2, 0.3], [0, 0, 1]], [[1, 1, 1], [0, 0, 0]])
    assert state.h0.shape == (2, 2, 3) and state.h0[1, 1, 2] == 1 and state.c0[0, 1, 0] == 1
    net = Network.random(spec, seed=0, dtype=torch.float64)
    tr = compute_trace(net, np.zeros((3, 2, 1)), initial=state)
    np.testing.assert_allclose(tr.previous_state(1, "fwd", "h", 0)[0], [0, 0, 1])
    with pytest.raises(RnnvizError, match="h0 has shape \\(1, 3\\) but this network needs"):
        given_state(spec, 1, [[0.1, 0.2, 0.3]])


def test_two_dimensional_batch_first_input_is_one_sequence():
    net = Network.random(NetworkSpec("gru", 2, 3), seed=0)
    x = np.random.default_rng(0).standard_normal((7, 2))
    assert compute_trace(net, x, batch_first=True).x.shape == (7, 1, 2)


def test_input_that_requires_grad_is_accepted():
    net = Network.random(NetworkSpec("lstm", 2, 3), seed=0)
    x = torch.randn(4, 1, 2, requires_grad=True)
    assert compute_trace(net, x).length == 4


@pytest.mark.parametrize("steps", [1, 2, 15, 511, 512, 513, 1024, 5003])
def test_the_cell_state_scan_equals_the_plain_loop(steps):
    """c_t = f_t c_{t-1} + a_t by doubling (short) and in two levels (long: blocks of 16,
    a tail that is not a whole block) equals the step-by-step loop."""
    from rnnviz.core.engine import linear_recurrence

    gen = torch.Generator().manual_seed(steps)
    for dtype, tol in ((torch.float32, 1e-5), (torch.float64, 1e-12)):
        f = torch.rand(steps, 2, 5, dtype=dtype, generator=gen)
        a = torch.randn(steps, 2, 5, dtype=dtype, generator=gen)
        c = c0 = torch.randn(2, 5, dtype=dtype, generator=gen)
        loop = []
        for t in range(steps):
            c = f[t] * c + a[t]
            loop.append(c)
        torch.testing.assert_close(linear_recurrence(f, a, c0), torch.stack(loop), rtol=0,
                                   atol=tol)
