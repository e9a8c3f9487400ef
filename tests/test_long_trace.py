"""Long traces (checkpoints + overview + exact recompute), streaming them into an .npz, and
refusals (disk, memory, reads of the whole sequence)."""

import dataclasses
import errno
import itertools
import threading

import numpy as np
import pytest
import torch

from rnnviz.cli import main
from rnnviz.core import long_trace
from rnnviz.core.errors import RnnvizError
from rnnviz.core.files import npz_spool
from rnnviz.core.files.npz_spool import Spool, check_disk
from rnnviz.core.files.tracefile import save_trace
from rnnviz.core.long_trace import (
    CHUNK_MACS,
    CHUNK_RANGE,
    MAX_CHECKPOINTS,
    MAX_SLICE,
    LongTrace,
    check_long_fits,
    chunk_steps,
    estimate_file_bytes,
    file_keys,
)
from rnnviz.core.memory import gib
from rnnviz.core.network import Network
from rnnviz.core.spec import HeadSpec, NetworkSpec
from rnnviz.core.states import InitialState, random_state
from rnnviz.core.trace import Trace, compute_trace, part_key

CHUNK = 16
TOL = {torch.float32: 1e-5, torch.float64: 1e-12}


def make_net(cell="lstm", *, nonlinearity="tanh", proj=0, hidden=8, inputs=3, layers=1,
             bidirectional=False, head="softmax", dtype=torch.float32, seed=0) -> Network:
    spec = NetworkSpec(cell, inputs, hidden, num_layers=layers, nonlinearity=nonlinearity,
                       bidirectional=bidirectional, proj_size=proj,
                       head=None if head is None else HeadSpec(4, head))
    return Network.random(spec, seed=seed, dtype=dtype)


def make_x(net: Network, steps: int, batch: int = 2, seed: int = 1) -> np.ndarray:
    x = np.random.default_rng(seed).standard_normal((steps, batch, net.spec.input_size))
    return x.astype(torch.empty((), dtype=net.dtype).numpy().dtype)


def whole(a, length: int) -> np.ndarray:
    """Every step of a StepArray, read in windows that straddle chunk boundaries."""
    return np.concatenate([a[lo:min(lo + 50, length)] for lo in range(0, length, 50)])


def assert_close(actual, expected, tol, what):
    assert actual.shape == expected.shape, what
    assert actual.dtype == expected.dtype, what
    np.testing.assert_allclose(actual, expected, rtol=tol, atol=tol, err_msg=what)


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir()
                  if p.name.startswith(".rnnviz-spool-") or p.name.endswith(".part"))


# ----- 1. a LongTrace equals the whole trace -----------------------------------------------

CELLS = [("rnn", "tanh", 0), ("rnn", "relu", 0), ("lstm", "tanh", 0), ("lstm", "tanh", 4),
         ("gru", "tanh", 0)]
LENGTHS = [100, 137, 160, 200, 121]
HEADS = ["softmax", "log_softmax", "none"]


def _equality_cases():
    for i, ((cell, nl, proj), bidir, layers, head) in enumerate(
            itertools.product(CELLS, (False, True), (1, 2), (False, True))):
        dtype = torch.float64 if (bidir + layers + head) % 2 else torch.float32
        name = f"{cell}-{nl}{'-proj' if proj else ''}-{'bi' if bidir else 'uni'}-L{layers}-" \
               f"{'head' if head else 'nohead'}-{str(dtype)[6:]}"
        yield pytest.param(cell, nl, proj, bidir, layers, HEADS[i % 3] if head else None,
                           dtype, LENGTHS[i % len(LENGTHS)], id=name)


@pytest.mark.parametrize("cell,nonlinearity,proj,bidir,layers,head,dtype,steps",
                         list(_equality_cases()))
def test_long_trace_equals_whole_trace(cell, nonlinearity, proj, bidir, layers, head, dtype,
                                       steps):
    net = make_net(cell, nonlinearity=nonlinearity, proj=proj, layers=layers,
                   bidirectional=bidir, head=head, dtype=dtype)
    x = make_x(net, steps)
    initial = random_state(net.spec, 2, seed=3, scale=0.5)
    lt = compute_trace(net, x, initial=initial, long=True, chunk=CHUNK)
    st = compute_trace(net, x, initial=initial, long=False)
    assert isinstance(lt, LongTrace) and not isinstance(st, LongTrace)
    assert lt.chunk == CHUNK and lt.length == steps and lt.batch == 2
    tol = TOL[dtype]
    np.testing.assert_array_equal(lt.x, st.x)
    assert set(lt.parts) == set(st.parts)
    for layer in range(layers):
        for d in net.spec.directions():
            for name in net.spec.parts:
                a = lt.part(layer, d, name)
                assert a.shape == st.part(layer, d, name).shape and len(a) == steps
                assert_close(whole(a, steps), st.part(layer, d, name), tol,
                             part_key(layer, d, name))
                for t in (0, CHUNK - 1, CHUNK, steps - 1):
                    assert_close(np.asarray(lt.previous_state(layer, d, "h", t)),
                                 np.asarray(st.previous_state(layer, d, "h", t)), tol,
                                 f"previous h {layer} {d} {t}")
        if layer:
            assert_close(whole(lt.layer_input(layer), steps), st.layer_input(layer), tol,
                         f"input of layer {layer}")
    assert_close(whole(lt.output, steps), st.output, tol, "output")
    if head is None:
        assert lt.y is None and lt.y_logits is None and st.y is None
    else:
        assert_close(whole(lt.y, steps), st.y, tol, "y")
        assert_close(whole(lt.y_logits, steps), st.y_logits, tol, "y_logits")
    assert_close(lt.h_n, st.h_n, tol, "h_n")
    if cell == "lstm":
        assert_close(lt.c_n, st.c_n, tol, "c_n")
    else:
        assert lt.c_n is None and st.c_n is None


def test_size_decides_long_or_whole(monkeypatch):
    net = make_net("gru", hidden=16, inputs=1, head=None)
    x = make_x(net, 3000, batch=1)
    monkeypatch.delenv("RNNVIZ_LONG_TRACE_MIB", raising=False)
    assert type(compute_trace(net, x)) is Trace
    monkeypatch.setenv("RNNVIZ_LONG_TRACE_MIB", "1")
    lt = compute_trace(net, x)
    assert isinstance(lt, LongTrace)
    assert lt.chunk == chunk_steps(net.spec, 3000)  # no chunk given: the size's own
    assert type(compute_trace(net, x, long=False)) is Trace


# ----- 2. recomputing is exact ------------------------------------------------------------

EXACT_NETS = [
    dict(cell="lstm", layers=2, bidirectional=False, head="softmax", dtype=torch.float32),
    dict(cell="gru", layers=2, bidirectional=True, head="softmax", dtype=torch.float64),
    dict(cell="lstm", proj=4, layers=1, bidirectional=True, head=None, dtype=torch.float32),
]


@pytest.mark.parametrize("bins_of", [1, 3])
@pytest.mark.parametrize("kw", EXACT_NETS, ids=["lstm-uni", "gru-bi", "lstm-proj-bi"])
def test_overview_is_min_max_of_the_recomputed_steps(kw, bins_of, monkeypatch):
    if bins_of > 1:  # bins of several chunks (a long sequence's), the last one shorter
        monkeypatch.setattr(long_trace, "bin_chunks", lambda chunks, bins=None: bins_of)
    net = make_net(**kw)
    steps = 200
    lt = compute_trace(net, make_x(net, steps), long=True, chunk=CHUNK)
    ov = lt.overview
    assert ov.bin_steps == bins_of * CHUNK and ov.length == steps
    want = {k for k in lt.parts if k.endswith(("_h", "_c"))} | ({"y"} if lt.y is not None
                                                                 else set())
    assert set(ov.lo) == want
    lt.store._cache.clear()  # everything below is recomputed from the checkpoints
    for key in want:
        assert ov.lo[key].shape == (ov.bins, 2, lt.store.steps(key, 0, 1).shape[-1])
        for b, (start, count) in enumerate(zip(ov.starts(), ov.counts())):
            values = lt.store.steps(key, int(start), int(start + count))
            assert len(values) == count
            assert np.array_equal(ov.lo[key][b], values.min(axis=0).astype(np.float32)), key
            assert np.array_equal(ov.hi[key][b], values.max(axis=0).astype(np.float32)), key
            np.testing.assert_allclose(ov.mean(key)[b], values.mean(axis=0, dtype=np.float64),
                                       rtol=1e-6, atol=1e-6)
        assert ov.bound(key) == max(np.abs(ov.lo[key]).max(), np.abs(ov.hi[key]).max())


def _step_keys(lt):
    keys = [*lt.parts, f"output_l{lt.spec.num_layers - 1}"]
    return keys + (["y", "y_logits"] if lt.y is not None else [])


@pytest.mark.parametrize("kw", EXACT_NETS, ids=["lstm-uni", "gru-bi", "lstm-proj-bi"])
def test_rereading_after_clearing_the_cache_is_bit_identical(kw):
    net = make_net(**kw)
    steps = 150
    lt = compute_trace(net, make_x(net, steps), long=True, chunk=CHUNK)
    for lo, hi in [(0, steps), (7, 41), (CHUNK, 3 * CHUNK), (steps - 5, steps)]:
        first = {k: lt.store.steps(k, lo, hi).copy() for k in _step_keys(lt)}
        w1 = lt.window(lo, hi)
        lt.store._cache.clear()
        w2 = lt.window(lo, hi)
        assert set(w1.parts) == set(w2.parts) == set(lt.parts)
        for key in w1.parts:
            assert np.array_equal(w1.parts[key], w2.parts[key]), key
            assert np.array_equal(w1.parts[key], first[key]), key
        assert np.array_equal(w1.output, w2.output)
        assert np.array_equal(w1.h_n, w2.h_n)
        lt.store._cache.clear()
        for key, value in first.items():
            again = lt.store.steps(key, lo, hi)
            assert again.shape[0] == hi - lo
            assert np.array_equal(again, value), key


@pytest.mark.parametrize("kw", EXACT_NETS, ids=["lstm-uni", "gru-bi", "lstm-proj-bi"])
def test_random_order_reads_equal_in_order_reads(kw, monkeypatch):
    monkeypatch.setattr(long_trace, "CACHE_BYTES", 0)  # CACHE_MIN chunks: reads evict
    net = make_net(**kw)
    steps = 181
    lt = compute_trace(net, make_x(net, steps), long=True, chunk=CHUNK)
    keys = _step_keys(lt)
    in_order = {k: np.concatenate([lt.store.steps(k, lo, min(lo + 50, steps)).copy()
                                   for lo in range(0, steps, 50)]) for k in keys}
    assert len(lt.store._cache) <= long_trace.CACHE_MIN
    order = np.random.default_rng(0).permutation(steps)
    for t in order:
        for key in keys:
            assert np.array_equal(lt.store.steps(key, int(t), int(t) + 1)[0], in_order[key][t])
    a = lt.part(0, "fwd", "h")
    h = in_order[part_key(0, "fwd", "h")]
    picks = [int(t) for t in order[:20]]
    assert np.array_equal(a[picks], h[picks])
    assert np.array_equal(a[np.array(picks)], h[picks])
    assert a[[]].shape == (0, *h.shape[1:])
    assert np.array_equal(a[-1], h[-1]) and np.array_equal(a[np.int64(5)], h[5])
    assert np.array_equal(a[40, 1], h[40, 1]) and a[40, 1, 3] == h[40, 1, 3]
    assert np.array_equal(a[30:70, 0], h[30:70, 0])
    assert np.array_equal(a[10:90:7], h[10:90:7])
    assert np.array_equal(a[-20:], h[-20:])
    with pytest.raises(IndexError):
        a[steps]
    with pytest.raises(IndexError):
        a[-steps - 1]


@pytest.mark.parametrize("where", ["near", "unaligned", "ends"])
@pytest.mark.parametrize("bidir", [False, True])
def test_window_is_a_trace_that_continues_from_its_entry_states(bidir, where):
    net = make_net("lstm", layers=2, bidirectional=bidir, head="softmax", dtype=torch.float64)
    steps = 130
    x = make_x(net, steps)
    lt = compute_trace(net, x, long=True, chunk=CHUNK)
    st = compute_trace(net, x, long=False)
    if where == "near":
        start, stop = lt.near(70, 20)
        assert (start, stop) == (48, 96)
        assert lt.near(0, 5) == (0, CHUNK) and lt.near(steps - 1, 5) == (7 * CHUNK, steps)
    else:
        start, stop = (7, 41) if where == "unaligned" else (0, steps)
    w = lt.window(start, stop)
    assert type(w) is Trace
    assert w.length == stop - start
    for key, value in w.parts.items():
        assert_close(value, st.parts[key][start:stop], 1e-12, key)
    # its own entry states make the same steps again
    again = compute_trace(net, w.x, initial=w.initial, long=False)
    for key, value in w.parts.items():
        assert_close(again.parts[key], value, 1e-12, key)
    assert_close(again.h_n, w.h_n, 1e-12, "h_n")
    assert_close(again.c_n, w.c_n, 1e-12, "c_n")
    assert_close(w.y, st.y[start:stop], 1e-12, "y")


# ----- 3. exact against chaining whole traces chunk by chunk --------------------------------

def _chain_cases():
    for i, ((cell, nl, proj), layers) in enumerate(itertools.product(CELLS, (1, 2))):
        dtype = torch.float64 if i % 2 else torch.float32
        yield pytest.param(cell, nl, proj, layers, dtype,
                           id=f"{cell}-{nl}{'-proj' if proj else ''}-L{layers}-"
                              f"{str(dtype)[6:]}")


@pytest.mark.parametrize("cell,nonlinearity,proj,layers,dtype", list(_chain_cases()))
def test_forward_long_trace_is_bit_identical_to_chained_chunks(cell, nonlinearity, proj,
                                                               layers, dtype):
    net = make_net(cell, nonlinearity=nonlinearity, proj=proj, layers=layers, head="softmax",
                   dtype=dtype)
    steps = 100  # 6 chunks of 16 and one of 4
    x = make_x(net, steps)
    initial = random_state(net.spec, 2, seed=5, scale=0.5)
    lt = compute_trace(net, x, initial=initial, long=True, chunk=CHUNK)
    prev = initial
    for lo in range(0, steps, CHUNK):
        hi = min(lo + CHUNK, steps)
        ref = compute_trace(net, x[lo:hi], initial=prev, long=False)
        for key, value in ref.parts.items():
            got = lt.store.steps(key, lo, hi)
            assert got.dtype == value.dtype
            assert np.array_equal(got, value), f"{key} steps {lo}..{hi - 1}"
        assert np.array_equal(lt.output[lo:hi], ref.output), f"output {lo}"
        assert np.array_equal(lt.y[lo:hi], ref.y), f"y {lo}"
        assert np.array_equal(lt.y_logits[lo:hi], ref.y_logits), f"y_logits {lo}"
        prev = InitialState(ref.h_n, ref.c_n)
    assert np.array_equal(lt.h_n, prev.h0)
    if cell == "lstm":
        assert np.array_equal(lt.c_n, prev.c0)


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_chained_chunks_match_on_two_threads(cell, monkeypatch):
    """Work big enough for the thread pool: both sides on two threads (as an idle two-core
    machine gives them), still bit for bit."""
    from rnnviz.core import trace as trace_module

    monkeypatch.setattr(long_trace, "threads_for", lambda *a, **k: 2)
    monkeypatch.setattr(trace_module, "threads_for", lambda *a, **k: 2)
    net = make_net(cell, hidden=128, inputs=8, layers=2, head="softmax")
    steps, chunk = 300, 64
    x = make_x(net, steps, batch=16)
    lt = compute_trace(net, x, long=True, chunk=chunk)
    assert lt.store.threads == 2
    prev = None
    for lo in range(0, steps, chunk):
        hi = min(lo + chunk, steps)
        ref = compute_trace(net, x[lo:hi], initial=prev, long=False)
        for key, value in ref.parts.items():
            assert np.array_equal(lt.store.steps(key, lo, hi), value), f"{key} {lo}"
        assert np.array_equal(lt.y[lo:hi], ref.y)
        prev = InitialState(ref.h_n, ref.c_n)
    assert np.array_equal(lt.h_n, prev.h0)


@pytest.mark.parametrize("layers,bidir,cell", [(1, False, "lstm"), (2, False, "gru"),
                                               (2, True, "lstm"), (1, True, "rnn")])
def test_parts_beside_the_recurrence_are_bit_identical(layers, bidir, cell, monkeypatch):
    """The first pass with each chunk's parts on a helper thread gives the same bits as
    without (checkpoints, overview, the sink's blocks), and the parts there are computed
    on one torch thread, as every recompute is."""
    import threading

    net = make_net(cell, layers=layers, bidirectional=bidir, head="softmax")
    x = make_x(net, 100)
    runs, seen = {}, []
    real = long_trace.layer_parts_fast

    def recording(*args):
        seen.append((threading.current_thread().name, torch.get_num_threads()))
        return real(*args)

    monkeypatch.setattr(long_trace, "layer_parts_fast", recording)
    for beside in (False, True):
        monkeypatch.setattr(long_trace, "parts_beside", lambda *_a, beside=beside: beside)
        blocks = []
        lt = compute_trace(net, x, long=True, chunk=CHUNK,
                           sink=lambda start, block, kept=blocks: kept.append((start, block)))
        runs[beside] = lt, blocks
    (plain, plain_blocks), (beside, beside_blocks) = runs[False], runs[True]
    if cell != "rnn":  # the Elman cell's parts are h alone: nothing is computed beside
        assert any(name.startswith("rnnviz-parts") for name, _ in seen)
    assert all(threads == 1 for _, threads in seen)
    assert [s for s, _ in plain_blocks] == [s for s, _ in beside_blocks]
    for (_, a), (_, b) in zip(plain_blocks, beside_blocks):
        assert a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)
    for key in plain.store.enter_h:
        assert np.array_equal(plain.store.enter_h[key], beside.store.enter_h[key])
        if cell == "lstm":
            assert np.array_equal(plain.store.enter_c[key], beside.store.enter_c[key])
    for kind in ("lo", "hi", "total"):
        a, b = getattr(plain.overview, kind), getattr(beside.overview, kind)
        assert a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a), kind
    for key in plain.parts:  # and a recompute gives what the first pass gave
        assert np.array_equal(whole(beside.parts[key], 100), whole(plain.parts[key], 100))


def test_an_error_beside_the_recurrence_reaches_the_caller(monkeypatch):
    """A sink that fails on the helper thread (a full disk) stops the first pass with its
    own error, and no chunk is delivered after it."""
    monkeypatch.setattr(long_trace, "parts_beside", lambda *_a: True)
    net = make_net("lstm")
    starts = []

    def sink(start, _block):
        if start == 3 * CHUNK:
            raise OSError(28, "No space left on device")
        starts.append(start)

    with pytest.raises(OSError, match="No space left"):
        compute_trace(net, make_x(net, 200), long=True, chunk=CHUNK, sink=sink)
    assert starts == [0, CHUNK, 2 * CHUNK]


def test_parts_beside_only_with_a_free_core(monkeypatch):
    cpu = torch.device("cpu")
    monkeypatch.setattr(long_trace, "cpu_count", lambda: 2)
    monkeypatch.setattr(long_trace.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(long_trace, "busy_cores", lambda: 0.2)
    assert long_trace.parts_beside(cpu, "fast")
    assert not long_trace.parts_beside(cpu, "step")  # the step method's parts come with it
    assert not long_trace.parts_beside(torch.device("meta"), "fast")  # not the CPU
    monkeypatch.setattr(long_trace, "busy_cores", lambda: 1.0)  # another program on a core
    assert not long_trace.parts_beside(cpu, "fast")
    monkeypatch.setattr(long_trace, "cpu_count", lambda: 1)
    monkeypatch.setattr(long_trace, "busy_cores", lambda: 0.0)
    assert not long_trace.parts_beside(cpu, "fast")


# ----- 4. the sink ----------------------------------------------------------------------

@pytest.mark.parametrize("bidir", [False, True])
def test_sink_gets_every_step_of_every_key_once_in_order(bidir):
    net = make_net("lstm", layers=2, bidirectional=bidir, head="softmax")
    steps = 100
    calls = []

    def sink(start, block):
        calls.append((start, {k: np.array(v, copy=True) for k, v in block.items()}))

    lt = compute_trace(net, make_x(net, steps), long=True, chunk=CHUNK, sink=sink)
    starts = list(range(0, steps, CHUNK))
    seen = {k for _, block in calls for k in block}
    assert file_keys(net.spec) <= seen
    for key in seen:
        count = np.zeros(steps, int)
        for start, block in calls:
            if key in block:
                values = block[key]
                assert start in starts and len(values) == min(CHUNK, steps - start)
                count[start:start + len(values)] += 1
        assert (count == 1).all(), key
    for start, block in calls:  # what the first pass gave is what a recompute gives
        for key, values in block.items():
            assert np.array_equal(lt.store.steps(key, start, start + len(values)), values), key
    if not bidir:  # one sweep: every layer of a chunk, chunk after chunk
        assert [s for s, _ in calls] == starts
        assert all(set(block) == seen for _, block in calls)
        return

    def layer_of(block):
        layers = {int(k[1:].split("_")[0]) for k in block if k.startswith("l")}
        layers |= {int(k.rsplit("l", 1)[1]) for k in block if k.startswith("output_l")}
        assert len(layers) == 1, sorted(block)
        return layers.pop()

    order = [(layer_of(block), s) for s, block in calls]
    assert order == [(layer, s) for layer in (0, 1) for s in reversed(starts)]
    assert all(("y" in block) == (layer_of(block) == 1) for _, block in calls)


# ----- 5. streaming into the .npz ------------------------------------------------------------

def _expected_file_arrays(lt):
    """The per-step arrays a long trace's file must hold, read from the store."""
    out = {}
    for name, value in lt.arrays().items():
        if isinstance(value, long_trace.StepArray):
            out[name] = np.concatenate([lt.store.steps(value.key, lo, min(lo + 50, lt.length))
                                        for lo in range(0, lt.length, 50)])
        else:
            out[name] = np.asarray(value)
    return out


@pytest.mark.parametrize("topology", ["n2n", "n2one"])
@pytest.mark.parametrize("bidir", [False, True])
def test_streamed_file_holds_every_step(tmp_path, topology, bidir, monkeypatch):
    net = make_net("lstm", layers=2, bidirectional=bidir, head="softmax")
    steps = 150
    x = make_x(net, steps)
    spool = Spool(tmp_path, file_keys(net.spec))
    with spool:
        lt = compute_trace(net, x, long=True, chunk=CHUNK, sink=spool)
        st = compute_trace(net, x, long=False)
        lt = dataclasses.replace(lt, topology=topology)
        st = dataclasses.replace(st, topology=topology)
        assert spool.path is not None and spool.path.is_dir()
        save_trace(lt, tmp_path / "own.npz", {"note": "own"})
        with monkeypatch.context() as m:  # a filled spool: nothing is recomputed
            m.setattr(LongTrace, "chunks", lambda self: pytest.fail("recomputed"))
            save_trace(lt, tmp_path / "pre.npz", {"note": "pre"}, spool=spool)
    save_trace(st, tmp_path / "short.npz", {"note": "short"})
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["own.npz", "pre.npz", "short.npz"]
    expected = _expected_file_arrays(lt)
    with np.load(tmp_path / "short.npz") as f:
        short = {k: f[k] for k in f.files}
    for name in ("own.npz", "pre.npz"):
        with np.load(tmp_path / name, allow_pickle=False) as f:
            got = {k: f[k] for k in f.files}
        assert set(got) == set(short) == set(expected) | {"spec", "meta"}, name
        assert str(got["spec"]) == str(short["spec"])
        for key, value in expected.items():
            assert got[key].shape == value.shape == short[key].shape, (name, key)
            assert got[key].dtype == value.dtype == short[key].dtype, (name, key)
            assert np.array_equal(got[key], value), (name, key)
            if value.dtype.kind == "f":
                np.testing.assert_allclose(got[key], short[key], rtol=1e-5, atol=1e-5,
                                           err_msg=key)
            else:
                assert np.array_equal(got[key], short[key]), key
    assert expected["y"].shape == ((1, 2, 4) if topology == "n2one" else (steps, 2, 4))
    if topology == "n2one":
        assert np.array_equal(expected["y"][0], lt.y[steps - 1])
        assert list(expected["output_steps"]) == [steps - 1]
    # the estimate of a file's per-step bytes is what a whole trace's file holds
    if topology == "n2n":
        per_step = sum(v.nbytes for v in short.values() if v.ndim == 3 and len(v) == steps)
        assert estimate_file_bytes(net.spec, steps, 2, 4) == per_step


def test_streaming_needs_no_head_and_keeps_float64(tmp_path):
    net = make_net("gru", layers=2, bidirectional=True, head=None, dtype=torch.float64)
    lt = compute_trace(net, make_x(net, 70), long=True, chunk=CHUNK)
    save_trace(lt, tmp_path / "t.npz")
    with np.load(tmp_path / "t.npz") as f:
        got = {k: f[k] for k in f.files}
    expected = _expected_file_arrays(lt)
    assert set(got) == set(expected) | {"spec", "meta"}
    assert "y" not in got and got["output"].dtype == np.float64
    for key, value in expected.items():
        assert np.array_equal(got[key], value), key
    assert leftovers(tmp_path) == []


# ----- 6. the CLI streams a long trace -------------------------------------------------------

CLI = ["trace", "--cell", "gru", "--hidden-size", "16", "--length", "3000"]


def test_cli_streams_a_long_trace_into_the_same_file(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("RNNVIZ_LONG_TRACE_MIB", raising=False)
    assert main([*CLI, "-o", str(tmp_path / "held.npz")]) == 0
    copied = []
    original = Spool.copy_into

    def spy(self, out, key, steps):
        copied.append(key)
        return original(self, out, key, steps)

    monkeypatch.setattr(Spool, "copy_into", spy)
    monkeypatch.setenv("RNNVIZ_LONG_TRACE_MIB", "1")
    assert main([*CLI, "-o", str(tmp_path / "long.npz")]) == 0
    out = capsys.readouterr().out
    assert "wrote" in out and "T=3000" in out
    assert {"output_l0", "l0_fwd_h", "l0_fwd_r", "l0_fwd_z", "l0_fwd_n"} <= set(copied)
    with np.load(tmp_path / "held.npz") as a, np.load(tmp_path / "long.npz") as b:
        assert sorted(a.files) == sorted(b.files)
        for key in a.files:
            assert a[key].shape == b[key].shape and a[key].dtype == b[key].dtype, key
            if a[key].dtype.kind == "f":
                np.testing.assert_allclose(b[key], a[key], rtol=1e-5, atol=1e-5, err_msg=key)
            else:
                assert np.array_equal(a[key], b[key]), key
        assert a["l0_fwd_h"].shape == (3000, 1, 16)
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["held.npz", "long.npz"]


# ----- 7. refusals -----------------------------------------------------------------------

def test_check_disk_names_both_sizes(tmp_path, monkeypatch):
    monkeypatch.setattr(npz_spool, "free_bytes", lambda folder: 3 << 30)
    with pytest.raises(RnnvizError) as info:
        check_disk(tmp_path, 5 << 30, "this trace file")
    msg = str(info.value)
    assert "this trace file" in msg and gib(5 << 30) in msg and gib(3 << 30) in msg
    assert "5.0 GiB" in msg and "3.0 GiB" in msg and "\n" not in msg
    check_disk(tmp_path, 3 << 30, "this trace file")  # fits exactly
    monkeypatch.setattr(npz_spool, "free_bytes", lambda folder: None)
    check_disk(tmp_path, 1 << 50, "this trace file")  # unknown: let it try


def test_check_disk_reads_the_real_disk(tmp_path, monkeypatch):
    import shutil
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda folder: usage(10 << 20, 9 << 20, 1 << 20))
    with pytest.raises(RnnvizError, match="1 MiB free"):
        check_disk(tmp_path, 2 << 20, "it")


def test_save_refuses_a_long_trace_the_disk_cannot_hold(tmp_path, monkeypatch):
    net = make_net("gru", head="softmax")
    lt = compute_trace(net, make_x(net, 60), long=True, chunk=CHUNK)
    monkeypatch.setattr(npz_spool, "free_bytes", lambda folder: 1000)
    with pytest.raises(RnnvizError, match="disk"):
        save_trace(lt, tmp_path / "t.npz")
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_a_long_trace_the_disk_cannot_hold(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RNNVIZ_LONG_TRACE_MIB", "1")
    monkeypatch.setattr(npz_spool, "free_bytes", lambda folder: 1000)
    assert main([*CLI, "-o", str(tmp_path / "t.npz")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("rnnviz trace: error:") and "\n" not in err
    assert "disk" in err and "T=3000" in err
    assert list(tmp_path.iterdir()) == []


class _FullFile:
    """A spool file whose writes fail as on a full disk once `budget` writes were made."""

    writes = 0

    def __init__(self, fh, budget):
        self._fh, self._budget = fh, budget

    def write(self, data):
        _FullFile.writes += 1
        if _FullFile.writes > self._budget:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self._fh.write(data)

    def __getattr__(self, name):
        return getattr(self._fh, name)


def _fill_disk_after(monkeypatch, budget):
    """Spool writes fail after `budget` of them; the up-front check sees plenty of room."""
    _FullFile.writes = 0
    monkeypatch.setattr(npz_spool, "open",
                        lambda *a, **k: _FullFile(open(*a, **k), budget), raising=False)
    monkeypatch.setattr(npz_spool, "free_bytes", lambda folder: 1 << 40)


def test_cli_full_disk_while_spooling_leaves_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RNNVIZ_LONG_TRACE_MIB", "1")
    _fill_disk_after(monkeypatch, 6)
    assert main([*CLI, "-o", str(tmp_path / "t.npz")]) == 2
    assert _FullFile.writes == 7  # the second chunk's second array
    err = capsys.readouterr().err.strip()
    assert "full" in err and "1024.0 GiB free" in err and "\n" not in err
    assert list(tmp_path.iterdir()) == []


def test_save_full_disk_while_spooling_leaves_nothing(tmp_path, monkeypatch):
    net = make_net("lstm", layers=2, bidirectional=True, head="softmax")
    lt = compute_trace(net, make_x(net, 80), long=True, chunk=CHUNK)
    _fill_disk_after(monkeypatch, 30)
    with pytest.raises(RnnvizError, match="full") as info:
        save_trace(lt, tmp_path / "t.npz")
    assert "nothing was written" in str(info.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("prefilled", [False, True])
def test_full_disk_while_zipping_leaves_nothing(tmp_path, monkeypatch, prefilled):
    net = make_net("gru", layers=2, bidirectional=True, head="softmax")
    spool = Spool(tmp_path, file_keys(net.spec))
    lt = compute_trace(net, make_x(net, 80), long=True, chunk=CHUNK,
                       sink=spool if prefilled else None)
    header = np.lib.format.write_array_header_2_0
    calls = []

    def full_after_two(fh, d):
        calls.append(d["shape"])
        header(fh, d)
        if len(calls) == 3:  # the third streamed array, its header written
            fh.write(b"\0" * 100)
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(np.lib.format, "write_array_header_2_0", full_after_two)
    try:
        with pytest.raises(RnnvizError, match="full"):
            save_trace(lt, tmp_path / "t.npz", spool=spool if prefilled else None)
    finally:
        spool.close()
    assert len(calls) == 3
    assert list(tmp_path.iterdir()) == []


def test_step_array_refuses_the_whole_sequence(monkeypatch):
    net = make_net("rnn", hidden=2, inputs=1, head=None)
    steps = MAX_SLICE + 1000
    lt = compute_trace(net, np.zeros((steps, 1, 1), np.float32), long=True)
    a = lt.part(0, "fwd", "h")
    with pytest.raises(RnnvizError, match="too many"):
        np.asarray(a)
    with pytest.raises(RnnvizError, match="too many"):
        np.array(lt.output)
    with pytest.raises(RnnvizError, match=str(MAX_SLICE)):
        a[:]
    with pytest.raises(RnnvizError, match=str(MAX_SLICE)):
        a[100:100 + MAX_SLICE + 1]
    with pytest.raises(RnnvizError, match=str(MAX_SLICE)):
        lt.store.steps("l0_fwd_h", 0, steps)
    assert a[0:MAX_SLICE].shape == (MAX_SLICE, 1, 2)
    assert a[steps - MAX_SLICE:].shape == (MAX_SLICE, 1, 2)
    monkeypatch.setattr(long_trace, "MAX_SLICE", 10)
    with pytest.raises(RnnvizError, match="11 steps"):
        a[5:16]
    assert a[5:15].shape == (10, 1, 2)


def test_long_trace_refused_when_even_checkpoints_do_not_fit(monkeypatch):
    net = make_net("lstm", hidden=8, head="softmax")
    x = make_x(net, 500)
    monkeypatch.setattr(long_trace, "available_memory_bytes", lambda: 1 << 20)
    with pytest.raises(RnnvizError, match="checkpoints") as info:
        compute_trace(net, x, long=True, chunk=CHUNK)
    msg = str(info.value)
    assert "T=500" in msg and "1 MiB" in msg and "\n" not in msg
    with pytest.raises(RnnvizError, match="checkpoints"):
        check_long_fits(net.spec, 10**9, 1, 4, 1024)
    monkeypatch.setattr(long_trace, "available_memory_bytes", lambda: None)
    check_long_fits(net.spec, 10**9, 1, 4, 1024)  # unknown memory: let it try
    assert isinstance(compute_trace(net, x, long=True, chunk=CHUNK), LongTrace)


# ----- 8. chunk sizes --------------------------------------------------------------------

CHUNK_SPECS = [
    NetworkSpec("rnn", 1, 2),
    NetworkSpec("gru", 3, 16),
    NetworkSpec("lstm", 1, 64, num_layers=2),
    NetworkSpec("lstm", 1, 256),
    NetworkSpec("lstm", 16, 1024, num_layers=2, bidirectional=True),
]


def _macs(spec):
    return sum(len(spec.gates) * spec.hidden_size * (spec.hidden_out + spec.layer_input_size(k))
               for k in range(spec.num_layers)) * spec.num_directions


def _power_of_two(k):
    return k > 0 and k & (k - 1) == 0


@pytest.mark.parametrize("spec", CHUNK_SPECS, ids=lambda s: s.title())
def test_chunk_is_a_power_of_two_near_the_work_target(spec):
    sizes = {chunk_steps(spec, steps) for steps in (1, 100, 10**4, 10**5)}
    assert len(sizes) == 1  # the work decides, not the length (while checkpoints are few)
    k = sizes.pop()
    assert _power_of_two(k) and CHUNK_RANGE[0] <= k <= CHUNK_RANGE[1]
    assert k == CHUNK_RANGE[0] or k * _macs(spec) <= CHUNK_MACS
    assert k == CHUNK_RANGE[1] or 2 * k * _macs(spec) > CHUNK_MACS
    assert CHUNK_RANGE[0] <= chunk_steps(spec, 10**6) <= CHUNK_RANGE[1]


@pytest.mark.parametrize("spec", CHUNK_SPECS, ids=lambda s: s.title())
def test_chunk_grows_to_keep_the_checkpoints_bounded(spec):
    base = chunk_steps(spec, 1000)
    for steps in (10**7, 10**8, 10**9, 10**10):
        k = chunk_steps(spec, steps)
        assert _power_of_two(k) and k >= base
        assert -(-steps // k) <= MAX_CHECKPOINTS, (steps, k)
        assert k == base or -(-steps // (k // 2)) > MAX_CHECKPOINTS  # no longer than needed
    assert chunk_steps(spec, 10**10) > CHUNK_RANGE[1]


def test_bigger_networks_get_shorter_chunks():
    sizes = [chunk_steps(NetworkSpec("lstm", 4, h), 10**5) for h in (8, 32, 64, 128, 256, 1024)]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] == CHUNK_RANGE[1] and sizes[-1] == CHUNK_RANGE[0]
    assert chunk_steps(NetworkSpec("lstm", 4, 128, num_layers=2), 10**5) < \
        chunk_steps(NetworkSpec("lstm", 4, 128), 10**5)
    assert chunk_steps(NetworkSpec("gru", 4, 128, bidirectional=True), 10**5) < \
        chunk_steps(NetworkSpec("gru", 4, 128), 10**5)


# ----- known library bugs (see the report); strict: they fail loudly once fixed ----------

def _small_long_trace():
    net = make_net("gru", head="softmax")
    return compute_trace(net, make_x(net, 50), long=True, chunk=CHUNK)


def test_step_array_negative_stride_slice():
    a = _small_long_trace().part(0, "fwd", "h")
    assert np.array_equal(a[20:5:-1], a[6:21][::-1])


def test_step_array_empty_slice_keeps_the_width():
    a = _small_long_trace().part(0, "fwd", "h")
    assert a[5:5].shape == (0, 2, 8)


def test_step_array_boolean_mask():
    a = _small_long_trace().part(0, "fwd", "h")
    mask = np.zeros(50, bool)
    mask[[3, 40]] = True
    assert a[mask].shape == (2, 2, 8)


def test_a_read_window_cannot_change_the_trace():
    lt = _small_long_trace()
    a = lt.part(0, "fwd", "h")
    before = a[0:4].copy()
    try:
        view = a[0:4]
        view += 1
    except ValueError:  # read-only is a fix too
        pass
    assert np.array_equal(a[0:4], before)


def test_a_filled_spool_serves_two_saves(tmp_path):
    net = make_net("gru", head="softmax")
    with Spool(tmp_path, file_keys(net.spec)) as spool:
        lt = compute_trace(net, make_x(net, 50), long=True, chunk=CHUNK, sink=spool)
        save_trace(lt, tmp_path / "a.npz", spool=spool)
        save_trace(lt, tmp_path / "b.npz", spool=spool)  # the spool is spent: recomputed
    with np.load(tmp_path / "a.npz") as a, np.load(tmp_path / "b.npz") as b:
        assert sorted(a.files) == sorted(b.files)
        for key in a.files:
            assert np.array_equal(a[key], b[key]), key


def two_core_store(monkeypatch, chunks: int):
    """A long trace of `chunks` chunks on a 2-core machine, and its store, cache empty."""
    monkeypatch.setattr(long_trace, "cpu_count", lambda: 2)
    net = make_net()
    lt = compute_trace(net, make_x(net, chunks * CHUNK), long=True, chunk=CHUNK)
    lt.store._cache.clear()
    return lt, lt.store


def chunks_alone_then_counted(kw, steps: int, monkeypatch):
    """A long trace on a 2-core machine, its chunks 0..3 computed alone (one by one, this
    thread), its cache emptied, and `computed`: (chunk, on this thread) of each computed
    from then on."""
    monkeypatch.setattr(long_trace, "cpu_count", lambda: 2)
    net = make_net(**kw)
    lt = compute_trace(net, make_x(net, steps), long=True, chunk=CHUNK)
    store = lt.store
    store._cache.clear()
    alone = {k: store.chunk(k) for k in range(4)}
    store._cache.clear()
    computed = []
    compute = store._compute
    caller = threading.current_thread()

    def counted(k):
        computed.append((k, threading.current_thread() is caller))
        return compute(k)

    monkeypatch.setattr(store, "_compute", counted)
    return lt, alone, computed


@pytest.mark.parametrize("kw", EXACT_NETS, ids=["lstm-uni", "gru-bi", "lstm-proj-bi"])
def test_chunks_computed_side_by_side_equal_chunks_computed_alone(kw, monkeypatch):
    """prefetch recomputes missing chunks on pool threads and the last on the caller's
    (each sets torch's thread count for itself): the arrays are the bits one thread
    computes, chunk by chunk."""
    lt, alone, computed = chunks_alone_then_counted(kw, 4 * CHUNK + 3, monkeypatch)
    store = lt.store
    store.prefetch(range(4))
    assert sorted(computed) == [(0, False), (1, False), (2, False), (3, True)]
    assert sorted(store._cache) == [0, 1, 2, 3]
    for k, block in alone.items():
        side = store.chunk(k)
        assert set(side) == set(block)
        for key in block:
            assert np.array_equal(side[key], block[key]), (k, key)
            assert not side[key].flags.writeable
    store.prefetch(range(4))  # all cached: nothing recomputed
    assert len(computed) == 4


def test_prefetch_failing_here_leaves_no_chunk_computing(monkeypatch):
    """An error in the caller's chunk is raised once the pool's chunks are in: none is
    left running behind the error, and those computed are kept."""
    monkeypatch.setattr(long_trace, "cpu_count", lambda: 2)
    net = make_net(**EXACT_NETS[0])
    lt = compute_trace(net, make_x(net, 4 * CHUNK), long=True, chunk=CHUNK)
    store = lt.store
    store._cache.clear()
    compute = store._compute
    caller = threading.current_thread()

    def failing_here(k):
        if threading.current_thread() is caller:
            raise OSError("no memory for this chunk")
        return compute(k)

    monkeypatch.setattr(store, "_compute", failing_here)
    with pytest.raises(OSError, match="no memory"):
        store.prefetch(range(3))
    assert sorted(store._cache) == [0, 1]


@pytest.mark.parametrize("kw", EXACT_NETS, ids=["lstm-uni", "gru-bi", "lstm-proj-bi"])
def test_chunks_started_ahead_equal_chunks_computed_alone(kw, monkeypatch):
    """LongTrace.start_reading starts the chunks of a span but the one beside a step on
    pool threads and returns at once; reading them takes the pool's result, the bits one
    thread computes alone."""
    lt, alone, computed = chunks_alone_then_counted(kw, 6 * CHUNK + 5, monkeypatch)
    store = lt.store
    lt.start_reading(CHUNK - 3, 3 * CHUNK + 2, beside=2 * CHUNK + 1)  # chunks 0..3, not 2
    assert sorted(store._started) == [0, 1, 3]
    for k in range(4):
        block = store.chunk(k)
        for key in alone[k]:
            assert np.array_equal(block[key], alone[k][key]), (k, key)
    assert sorted(computed) == [(0, False), (1, False), (2, True), (3, False)]
    assert not store._started
    lt.start_reading(0, 4 * CHUNK - 1, beside=0)  # all cached: nothing starts
    assert not store._started and len(computed) == 4


def test_started_chunks_are_bounded_kept_and_their_errors_raised_when_read(monkeypatch):
    lt, store = two_core_store(monkeypatch, 12)
    store.start(range(10))
    assert len(store._started) == long_trace.CACHE_MIN  # never more than the cache keeps
    for future in store._started.values():
        future.result()
    store.start([9])  # the finished ones go to the cache, unread
    assert set(range(long_trace.CACHE_MIN)) <= set(store._cache) and list(store._started) == [9]
    store._started.pop(9).result()
    compute = store._compute

    def failing(k):
        if k == 10:
            raise OSError("no memory for chunk 10")
        return compute(k)

    monkeypatch.setattr(store, "_compute", failing)
    store.start([10])
    with pytest.raises(OSError, match="chunk 10"):
        store.chunk(10)
    monkeypatch.setattr(store, "_compute", compute)  # read again: computed anew
    again = store.chunk(10)["l0_fwd_h"]
    assert np.array_equal(again, lt.part(0, "fwd", "h")[10 * CHUNK:11 * CHUNK])


def test_no_chunk_starts_where_chunks_cannot_run_side_by_side(monkeypatch):
    monkeypatch.setattr(long_trace, "cpu_count", lambda: 1)
    net = make_net()
    lt = compute_trace(net, make_x(net, 4 * CHUNK), long=True, chunk=CHUNK)
    lt.store._cache.clear()
    lt.start_reading(0, 4 * CHUNK - 1, beside=0)
    assert not lt.store._started


def test_prefetch_raises_its_own_error_first_and_keeps_what_the_pool_computed(monkeypatch):
    """Errors on both sides: the caller's is raised, after every pool chunk is done; a
    pool chunk that failed is not kept, the others are. The pool's error alone is raised
    when the caller's chunk succeeds."""
    monkeypatch.setattr(long_trace, "cpu_count", lambda: 2)
    net = make_net()
    lt = compute_trace(net, make_x(net, 4 * CHUNK), long=True, chunk=CHUNK)
    store = lt.store
    compute = store._compute
    caller = threading.current_thread()
    finished = []

    def failing(k, here_fails):
        if k == 0:
            raise ValueError("chunk 0 failed on the pool")
        if threading.current_thread() is caller and here_fails:
            raise OSError("chunk 3 failed here")
        block = compute(k)
        finished.append(k)
        return block

    for here_fails, raised in ((True, OSError), (False, ValueError)):
        store._cache.clear()
        finished.clear()
        monkeypatch.setattr(store, "_compute", lambda k, f=here_fails: failing(k, f))
        with pytest.raises(raised):
            store.prefetch(range(4))
        kept = [1, 2] if here_fails else [1, 2, 3]
        assert sorted(store._cache) == kept and sorted(finished) == kept


def test_start_cancels_what_is_no_longer_asked_for_and_files_guesses_last(monkeypatch):
    """Chunks still queued when another span is asked for are cancelled; a started chunk
    finished but never read goes to the cache as the first to leave it."""
    from concurrent.futures import ThreadPoolExecutor

    lt, store = two_core_store(monkeypatch, 12)
    pool = ThreadPoolExecutor(1)  # one thread: the chunks after the first stay queued
    monkeypatch.setattr(long_trace, "chunk_pool", lambda most: pool)
    gate, compute, ran = threading.Event(), store._compute, []

    def held(k):
        gate.wait(10)
        ran.append(k)
        return compute(k)

    monkeypatch.setattr(store, "_compute", held)
    store.start([5, 6, 7])
    store.start([9])  # 6 and 7 are still queued behind 5: cancelled; 5 runs on
    assert sorted(store._started) == [5, 9]
    gate.set()
    for future in list(store._started.values()):
        future.result()
    store.chunk(9)
    store.start([10])  # 5, finished and never read, goes in as the least recent
    assert list(store._cache) == [5, 9]
    store._started.pop(10).result()
    assert sorted(ran) == [5, 9, 10]  # 6 and 7 were never computed
    pool.shutdown(wait=True)


def test_prefetch_computes_the_missing_chunk_before_waiting_for_a_started_one(monkeypatch):
    lt, store = two_core_store(monkeypatch, 4)
    order, compute = [], store._compute
    caller = threading.current_thread()

    def noted(k):
        order.append((k, threading.current_thread() is caller))
        return compute(k)

    monkeypatch.setattr(store, "_compute", noted)
    store.start([1])
    store.prefetch(range(1, 3))  # 1 started on the pool; 2 computed here right away
    assert (2, True) in order and 2 in store._cache
    assert lt.window(CHUNK, 3 * CHUNK).length == 2 * CHUNK
    assert sorted(order) == [(1, False), (2, True)]
