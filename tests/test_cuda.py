"""The trace on a CUDA GPU equals torch.nn on that GPU (TF32 off) and the CPU trace.

Skipped where there is no CUDA device (CI); run on a real GPU when one is lent.
"""

import itertools

import numpy as np
import pytest
import torch

from rnnviz.core.network import Network
from rnnviz.core.spec import HeadSpec, NetworkSpec
from rnnviz.core.states import random_state
from rnnviz.core.trace import compute_trace

pytestmark = [
    pytest.mark.cuda,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device"),
]

TOL = {torch.float32: 1e-5, torch.float64: 1e-10}
CONFIGS = [
    NetworkSpec("lstm", 3, 8, num_layers=2, bidirectional=True),
    NetworkSpec("lstm", 3, 8, num_layers=3, proj_size=3, bias=False),
    NetworkSpec("gru", 3, 8, num_layers=2, bidirectional=True, head=HeadSpec(4, "softmax")),
    NetworkSpec("rnn", 3, 8, nonlinearity="relu", num_layers=2),
    NetworkSpec("rnn", 3, 8, bidirectional=True, bias=False),
]


@pytest.fixture(autouse=True)
def no_tf32():
    saved = torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32
    torch.backends.cuda.matmul.allow_tf32 = torch.backends.cudnn.allow_tf32 = False
    yield
    torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32 = saved


@pytest.mark.parametrize("spec, dtype, method", list(itertools.product(
    CONFIGS, [torch.float32, torch.float64], ["fast", "step"])))
def test_cuda_trace_matches_torch_on_cuda(spec, dtype, method):
    net = Network.random(spec, seed=1, dtype=dtype)
    x = np.random.default_rng(0).standard_normal((40, 3, spec.input_size))
    init = random_state(spec, 3, seed=1)
    trace = compute_trace(net, x, initial=init, device="cuda", dtype=dtype, method=method)
    assert trace.device.device.type == "cuda" and trace.device.reason is None

    module = net.to_rnn_module().cuda()
    h0 = torch.from_numpy(init.h0).to("cuda", dtype)
    hx = (h0, torch.from_numpy(init.c0).to("cuda", dtype)) if spec.cell == "lstm" else h0
    with torch.no_grad():
        out, hidden = module(torch.from_numpy(x).to("cuda", dtype), hx)
    h_n, c_n = hidden if spec.cell == "lstm" else (hidden, None)
    tol = TOL[dtype]
    np.testing.assert_allclose(trace.output, out.cpu().numpy(), atol=tol, rtol=0)
    np.testing.assert_allclose(trace.h_n, h_n.cpu().numpy(), atol=tol, rtol=0)
    if c_n is not None:
        np.testing.assert_allclose(trace.c_n, c_n.cpu().numpy(), atol=tol, rtol=0)

    cpu = compute_trace(net, x, initial=init, device="cpu", dtype=dtype, method="step")
    for key, value in cpu.parts.items():
        np.testing.assert_allclose(trace.parts[key], value, atol=tol, rtol=0, err_msg=key)
    if spec.head is not None:
        np.testing.assert_allclose(trace.y, cpu.y, atol=tol, rtol=0)


def test_tracing_leaves_the_users_tf32_setting_alone():
    torch.backends.cudnn.allow_tf32 = True
    net = Network.random(NetworkSpec("lstm", 1, 4), seed=0)
    compute_trace(net, np.zeros((5, 1, 1)), device="cuda")
    assert torch.backends.cudnn.allow_tf32 is True


def test_every_topology_on_cuda_equals_the_cpu():
    from rnnviz.core.run import run_model
    from rnnviz.core.seq2seq import Seq2Seq, make_seq2seq_spec

    spec = make_seq2seq_spec(NetworkSpec("lstm", 4, 8, bidirectional=True), "abcde",
                             cell="gru", context="input", context_map=True)
    model = Seq2Seq.random(spec, seed=1, dtype=torch.float64)
    x = np.random.default_rng(0).normal(size=(6, 2, 4))
    cpu, _ = run_model(model, x, topology="seq2seq", steps=5, device="cpu")
    gpu, _ = run_model(model, x, topology="seq2seq", steps=5, device="cuda")
    assert gpu.device.device.type == "cuda"
    for key, value in cpu.arrays().items():
        np.testing.assert_allclose(gpu.arrays()[key], value, atol=1e-10, err_msg=key)
    net = Network.random(NetworkSpec("gru", 4, 8, head=HeadSpec(3)), seed=2,
                         dtype=torch.float64)
    for topology in ("n2one", "one2n"):
        a, _ = run_model(net, x, topology=topology, feed="first", device="cpu")
        b, _ = run_model(net, x, topology=topology, feed="first", device="cuda")
        np.testing.assert_allclose(b.arrays()["y"], a.arrays()["y"], atol=1e-10)
