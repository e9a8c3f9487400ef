"""What-if edits (core/interventions.py; `rnnviz trace --edit-x/--clamp/--set/--baseline`).

Every kind of edit is compared with an independent reference: torch.nn's formulas written
out one step at a time below (no rnnviz cell or engine code), taking the same edits. The
steps before an edit reaches must be the original's bits; the textbook identities of a held
gate (f = 1, i = 0, z = 1) must hold; bad edits must be refused naming the fix.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
import pytest
import torch

from rnnviz.cli import main
from rnnviz.core.edited_run import edited_input, first_divergence, run_edited, with_weights
from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.tracefile import read_trace_file
from rnnviz.core.interventions import Clamp, Edits, check_edits, parse_clamp, parse_edits, parse_set
from rnnviz.core.network import Network
from rnnviz.core.spec import HeadSpec, NetworkSpec
from rnnviz.core.states import random_state
from rnnviz.core.trace import compute_trace

T, B, IN, H = 8, 2, 3, 3
CELLS = {"lstm": ("lstm", "tanh"), "gru": ("gru", "tanh"), "rnn_tanh": ("rnn", "tanh"),
         "rnn_relu": ("rnn", "relu")}
SHAPES = {"1x": (1, False), "2x": (2, False), "2x_bi": (2, True)}
TOL = {torch.float64: 1e-12, torch.float32: 1e-6}


# ----- networks and their original runs (built once) --------------------------------------------
@pytest.fixture(autouse=True, scope="module")
def one_thread():
    """Tensors of a few numbers: two threads only wait for each other (10x slower here)."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@functools.cache
def setup(cell: str, shape: str, dtype: torch.dtype = torch.float64, proj: int = 0):
    kind, nonlinearity = CELLS[cell]
    layers, bidirectional = SHAPES[shape]
    spec = NetworkSpec(kind, IN, H, num_layers=layers, nonlinearity=nonlinearity,
                       bidirectional=bidirectional, proj_size=proj, head=HeadSpec(2, "softmax"))
    net = Network.random(spec, seed=3, dtype=dtype)
    x = np.random.default_rng(7).standard_normal((T, B, IN))
    initial = random_state(spec, B, seed=11, scale=0.5)  # t = 0 reads a non-zero state
    original = compute_trace(net, x, initial=initial, device="cpu")
    return net, original


# ----- the reference: torch.nn's formulas, step by step, with the same edits --------------------
@dataclass(frozen=True)
class Hold:
    """A clamp as the reference reads it (written by hand, not parsed)."""

    part: str
    value: float
    layer: int | None = None
    direction: str | None = None
    units: tuple[int, ...] | None = None
    start: int = 0
    stop: int | None = None

    def active(self, layer: int, direction: str, t: int) -> bool:
        stop = T if self.stop is None else self.stop
        return (self.layer in (None, layer) and self.direction in (None, direction)
                and self.start <= t < stop)


@dataclass(frozen=True)
class Case:
    """One what-if: the flags as typed, and what they mean, written out for the reference."""

    edit_x: tuple[str, ...] = ()
    clamp: tuple[str, ...] = ()
    set_: tuple[str, ...] = ()
    rows: tuple[tuple[int, tuple[float, ...]], ...] = ()  # (step, the new x row)
    holds: tuple[Hold, ...] = ()
    weights: tuple[tuple[str, tuple, str, float], ...] = ()  # (name, index, "set"|"scale", v)
    ids: str = field(default="", compare=False)

    def edits(self) -> Edits:
        return parse_edits(self.edit_x, self.clamp, self.set_)


def reference_params(net: Network, case: Case) -> dict[str, torch.Tensor]:
    params = {k: v.clone() for k, v in net.params.items()}
    for name, index, op, value in case.weights:
        if op == "scale":
            params[name][index] = params[name][index] * value
        else:
            params[name][index] = value
    return params


def reference_x(original, case: Case) -> np.ndarray:
    x = original.x.copy()
    for step, row in case.rows:
        x[step] = np.broadcast_to(np.asarray(row, dtype=np.float64), x.shape[2:])
    return x


def reference_run(spec: NetworkSpec, params, x: np.ndarray, initial, holds) -> dict:
    """Every part of every step, the top layer's output, h_n, c_n and the head's y."""
    dtype = params["weight_ih_l0"].dtype
    dirs = ("fwd", "bwd") if spec.bidirectional else ("fwd",)
    D, Hc = len(dirs), spec.hidden_size
    layer_in = torch.from_numpy(x).to(dtype)
    out: dict[str, np.ndarray] = {}
    h_n, c_n = [], []
    with torch.no_grad():
        for layer in range(spec.num_layers):
            tops = []
            for d, direction in enumerate(dirs):
                sfx = f"_l{layer}" + ("_reverse" if direction == "bwd" else "")
                w_ih, w_hh = params["weight_ih" + sfx], params["weight_hh" + sfx]
                b_ih, b_hh = params["bias_ih" + sfx], params["bias_hh" + sfx]
                w_hr = params.get("weight_hr" + sfx)
                h = torch.from_numpy(initial.h0[layer * D + d]).to(dtype)
                c = torch.from_numpy(initial.c0[layer * D + d]).to(dtype) \
                    if spec.cell == "lstm" else None
                store: dict[str, list] = {p: [None] * T for p in spec.parts}
                steps = range(T) if direction == "fwd" else range(T - 1, -1, -1)
                for t in steps:
                    held = [k for k in holds if k.active(layer, direction, t)]

                    def hold(name, v, held=held):
                        for k in held:
                            if k.part == name:
                                v = v.clone()
                                v[:, slice(None) if k.units is None else list(k.units)] = \
                                    k.value
                        return v

                    gi = layer_in[t] @ w_ih.T + b_ih
                    gh = h @ w_hh.T + b_hh
                    if spec.cell == "lstm":
                        i = hold("i", torch.sigmoid(gi[:, :Hc] + gh[:, :Hc]))
                        f = hold("f", torch.sigmoid(gi[:, Hc:2 * Hc] + gh[:, Hc:2 * Hc]))
                        g = hold("g", torch.tanh(gi[:, 2 * Hc:3 * Hc] + gh[:, 2 * Hc:3 * Hc]))
                        o = hold("o", torch.sigmoid(gi[:, 3 * Hc:] + gh[:, 3 * Hc:]))
                        c = hold("c", f * c + i * g)
                        now = {"i": i, "f": f, "g": g, "o": o, "c": c}
                        m = o * torch.tanh(c)
                        if w_hr is not None:
                            m = hold("m", m)
                            now["m"] = m
                            m = m @ w_hr.T
                        h = hold("h", m)
                    elif spec.cell == "gru":
                        r = hold("r", torch.sigmoid(gi[:, :Hc] + gh[:, :Hc]))
                        z = hold("z", torch.sigmoid(gi[:, Hc:2 * Hc] + gh[:, Hc:2 * Hc]))
                        n = hold("n", torch.tanh(gi[:, 2 * Hc:] + r * gh[:, 2 * Hc:]))
                        h = hold("h", (1 - z) * n + z * h)
                        now = {"r": r, "z": z, "n": n}
                    else:
                        a = gi + gh
                        h = hold("h", torch.tanh(a) if spec.nonlinearity == "tanh"
                                 else torch.relu(a))
                        now = {}
                    now["h"] = h
                    for name, value in now.items():
                        store[name][t] = value
                for name, values in store.items():
                    out[f"l{layer}_{direction}_{name}"] = torch.stack(values).numpy()
                tops.append(torch.stack(store["h"]))
                h_n.append(store["h"][-1 if direction == "fwd" else 0])
                if c is not None:
                    c_n.append(store["c"][-1 if direction == "fwd" else 0])
            layer_in = torch.cat(tops, dim=-1)
        logits = layer_in @ params["head.weight"].T + params["head.bias"]
        out["output"] = layer_in.numpy()
        out["y_logits"], out["y"] = logits.numpy(), torch.softmax(logits, -1).numpy()
        out["h_n"] = torch.stack(h_n).numpy()
        if c_n:
            out["c_n"] = torch.stack(c_n).numpy()
    return out


# ----- the edits tried on each network ----------------------------------------------------------
VALUE = {"i": 0.8, "f": 1.0, "o": 0.25, "r": 0.6, "z": 1.0, "g": -0.5, "n": 0.4, "c": 0.3,
         "h": -0.2, "m": 0.1}


def x_case(text: str, step: int, row) -> Case:
    return Case(edit_x=(text,), rows=((step, tuple(np.atleast_1d(row))),), ids=f"x:{text}")


def clamp_case(text: str, hold: Hold) -> Case:
    return Case(clamp=(text,), holds=(hold,), ids=f"clamp:{text}")


def set_case(text: str, name: str, index: tuple, op: str, value: float) -> Case:
    return Case(set_=(text,), weights=((name, index, op, value),), ids=f"set:{text}")


def cases_for(spec: NetworkSpec) -> list[Case]:
    """The edits tried on one network: every part held (all units, every step), every form
    of units and steps spread over the parts, input rows, weights by each kind of index."""
    bi, deep = spec.bidirectional, spec.num_layers > 1
    cases = [x_case("3=0.7", 3, 0.7), x_case("5=0.1,-2,0.5", 5, (0.1, -2.0, 0.5))]
    if deep:
        cases += [x_case("0=1.5", 0, 1.5), x_case(f"{T - 1}=-1", T - 1, -1.0)]
    variants = [
        lambda p, v: clamp_case(f"{p}[0,2]={v}@2:6", Hold(p, v, units=(0, 2), start=2, stop=6)),
        lambda p, v: clamp_case(f"{p}[1]={v}@4", Hold(p, v, units=(1,), start=4, stop=5)),
        lambda p, v: clamp_case(f"{p}[0:2]={v}@5:", Hold(p, v, units=(0, 1), start=5)),
    ]
    if deep:
        variants += [
            lambda p, v: clamp_case(f"l1.{p}[1]={v}@2:5", Hold(p, v, 1, None, (1,), 2, 5)),
            lambda p, v: clamp_case(f"l0.{p}={v}@3:", Hold(p, v, layer=0, start=3)),
        ]
    if bi:
        variants += [
            lambda p, v: clamp_case(f"bwd.{p}={v}@3:6", Hold(p, v, None, "bwd", None, 3, 6)),
            lambda p, v: clamp_case(f"l0.fwd.{p}[0]={v}@4:", Hold(p, v, 0, "fwd", (0,), 4)),
            lambda p, v: clamp_case(f"l1.bwd.{p}[2]={v}@6", Hold(p, v, 1, "bwd", (2,), 6, 7)),
        ]
    parts = spec.parts
    cases += [clamp_case(f"{p}={VALUE[p]}", Hold(p, VALUE[p])) for p in parts]
    for k in range(max(len(parts), len(variants))):  # each part, and each form, at least once
        p = parts[k % len(parts)]
        cases.append(variants[k % len(variants)](p, VALUE[p]))
    rows = len(spec.gates) * H
    if not deep:
        cases += [
            set_case("weight_hh_l0[1, 2]=0", "weight_hh_l0", (1, 2), "set", 0.0),
            set_case("weight_ih_l0[2]=0.5", "weight_ih_l0", (2,), "set", 0.5),
            set_case("weight_hh_l0[:, 1]*=0.5", "weight_hh_l0", (slice(None), 1), "scale",
                     0.5),
            set_case("weight_hh_l0*=2", "weight_hh_l0", (), "scale", 2.0),
            set_case("head.weight[0, 1]=2", "head.weight", (0, 1), "set", 2.0),
        ]
    elif not bi:
        cases += [
            set_case(f"bias_ih_l0[0:{H}]=0", "bias_ih_l0", (slice(0, H),), "set", 0.0),
            set_case("rnn.weight_ih_l1[0, 0]=3", "weight_ih_l1", (0, 0), "set", 3.0),  # a file's
            set_case("head.bias*=0", "head.bias", (), "scale", 0.0),  # prefix; the head only
        ]
    else:
        cases += [
            set_case("weight_ih_l1[:, 0]=0", "weight_ih_l1", (slice(None), 0), "set", 0.0),
            set_case("weight_hh_l0_reverse[0, 0]=1.5", "weight_hh_l0_reverse", (0, 0), "set",
                     1.5),
            set_case("bias_hh_l1_reverse[1:4]*=-1", "bias_hh_l1_reverse", (slice(1, 4),),
                     "scale", -1.0),
            set_case(f"bias_hh_l0[{rows - 1}]=-1", "bias_hh_l0", (rows - 1,), "set", -1.0),
        ]
    first = spec.gates[0] if spec.cell != "rnn" else "h"
    cases.append(Case(  # several at once, the later clamp winning on a shared unit
        edit_x=("6=0.3",), clamp=(f"{first}=0.5@4:", f"{first}[1]=0.9@5:7"),
        set_=("head.weight[1]*=-1",), rows=((6, (0.3,)),),
        holds=(Hold(first, 0.5, start=4), Hold(first, 0.9, units=(1,), start=5, stop=7)),
        weights=(("head.weight", (1,), "scale", -1.0),), ids="combined"))
    return cases


def all_cases():
    """float64: every network shape; float32: the two-layer bidirectional ones."""
    out = []
    runs = [(shape, torch.float64) for shape in SHAPES] + [("2x_bi", torch.float32)]
    for shape, dtype in runs:
        for cell in CELLS:
            net, _ = setup(cell, shape, dtype)
            for case in cases_for(net.spec):
                name = f"{cell}-{shape}-{str(dtype)[6:]}-{case.ids}"
                out.append(pytest.param(cell, shape, dtype, case, id=name))
    return out


def edited_run(cell, shape, dtype, case, proj=0):
    net, original = setup(cell, shape, dtype, proj)
    edits = case.edits()
    assert check_edits(edits, net, T) is not None
    x = edited_input(original.x, edits)
    return net, original, run_edited(net, original, edits, x)


def assert_matches_reference(net, original, edited, case, dtype):
    x = reference_x(original, case)
    np.testing.assert_array_equal(edited.x, x)
    want = reference_run(net.spec, reference_params(net, case), x, original.initial,
                         case.holds)
    tol = TOL[dtype]
    for key in [*original.parts, "output", "y", "y_logits", "h_n", "c_n"]:
        got = edited.parts[key] if key in edited.parts else getattr(edited, key)
        if key == "c_n" and got is None:
            continue
        assert got.dtype == original.x.dtype, key
        np.testing.assert_allclose(got, want[key], rtol=0, atol=tol, err_msg=key)


def untouched(spec: NetworkSpec, case: Case) -> tuple[dict, np.ndarray]:
    """Per part key, the steps no edit can reach (a mask); and the same for the output.
    Forward, a layer direction is reached from the first step an input row, a clamp or a
    weight of its own touches; backward, from the last; a layer reads both below it."""
    everywhere = {name for name, *_ in case.weights if not name.startswith("head.")}
    moved = np.zeros(T, bool)
    for step, _ in case.rows:
        moved[step] = True
    keep = {}
    for layer in range(spec.num_layers):
        below = np.zeros(T, bool)
        for direction in spec.directions():
            sfx = f"_l{layer}" + ("_reverse" if direction == "bwd" else "")
            reached = moved.copy()
            if any(n.endswith(sfx) for n in everywhere):
                reached[:] = True
            for k in case.holds:
                if k.layer in (None, layer) and k.direction in (None, direction):
                    reached[k.start:T if k.stop is None else k.stop] = True
            hit = np.flatnonzero(reached)
            changed = np.zeros(T, bool)
            if len(hit):
                if direction == "fwd":
                    changed[hit[0]:] = True
                else:
                    changed[:hit[-1] + 1] = True
            for part in spec.parts:
                keep[f"l{layer}_{direction}_{part}"] = ~changed
            below |= changed
        moved = below
    return keep, ~moved


def assert_unreached_steps_keep_their_bits(net, original, edited, case):
    keep, output_kept = untouched(net.spec, case)
    for key, mask in keep.items():
        assert np.array_equal(edited.parts[key][mask], original.parts[key][mask]), key
    assert np.array_equal(edited.output[output_kept], original.output[output_kept])
    if not any(name.startswith("head.") for name, *_ in case.weights):
        assert np.array_equal(edited.y[output_kept], original.y[output_kept])
        assert np.array_equal(edited.y_logits[output_kept], original.y_logits[output_kept])
    steps = [s for s, _ in case.rows] + [k.start for k in case.holds]
    if case.weights or not steps:
        return
    first = min(steps)  # the first step any edit touches: layer 0 fwd is the original's
    assert keep["l0_fwd_h"][:first].all()
    for part in net.spec.parts:
        key = f"l0_fwd_{part}"
        assert np.array_equal(edited.parts[key][:first], original.parts[key][:first]), key
    if not net.spec.bidirectional:  # one direction: every layer and the output, before it
        for key in original.parts:
            assert np.array_equal(edited.parts[key][:first], original.parts[key][:first]), key
        assert np.array_equal(edited.y[:first], original.y[:first])


# ----- 1 and 2. each kind of edit equals the hand-written loop, and what it cannot reach --------
# ----- keeps the original's bits ----------------------------------------------------------------
@pytest.mark.parametrize("cell, shape, dtype, case", all_cases())
def test_edit_equals_the_loop_and_unreached_steps_keep_their_bits(cell, shape, dtype, case):
    net, original, edited = edited_run(cell, shape, dtype, case)
    assert_matches_reference(net, original, edited, case, dtype)
    assert_unreached_steps_keep_their_bits(net, original, edited, case)


@pytest.mark.parametrize("case", [
    clamp_case("m[1]=0.1@2:5", Hold("m", 0.1, units=(1,), start=2, stop=5)),
    clamp_case("h[0]=-0.2@3", Hold("h", -0.2, units=(0,), start=3, stop=4)),
    clamp_case("f=1@4:", Hold("f", 1.0, start=4)),
    set_case("weight_hr_l0[1, 2]=0", "weight_hr_l0", (1, 2), "set", 0.0),
    set_case("weight_hr_l1_reverse*=0.5", "weight_hr_l1_reverse", (), "scale", 0.5),
], ids=lambda c: c.ids)
def test_projected_lstm_edits_equal_the_loop(case):
    net, original, edited = edited_run("lstm", "2x_bi", torch.float64, case, proj=2)
    assert_matches_reference(net, original, edited, case, torch.float64)
    assert_unreached_steps_keep_their_bits(net, original, edited, case)


def test_the_reference_itself_is_the_original_run():
    for cell in CELLS:
        for shape in SHAPES:
            net, original = setup(cell, shape)
            want = reference_run(net.spec, dict(net.params), original.x, original.initial, ())
            for key in [*original.parts, "output", "y", "h_n"]:
                got = original.parts[key] if key in original.parts else getattr(original, key)
                np.testing.assert_allclose(got, want[key], rtol=0, atol=1e-12, err_msg=key)


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32], ids=["f64", "f32"])
def test_no_edits_give_the_original_bit_for_bit(cell, shape, dtype):
    net, original = setup(cell, shape, dtype)
    edited = run_edited(net, original, Edits(), edited_input(original.x, Edits()))
    for key in original.parts:
        assert np.array_equal(edited.parts[key], original.parts[key]), key
    for key in ("x", "output", "h_n", "y", "y_logits"):
        assert np.array_equal(getattr(original, key), getattr(edited, key)), key
    if original.c_n is not None:  # the fused layer's own c_n, not the c part's last step
        assert np.array_equal(edited.c_n, original.c_n)
    assert first_divergence(original, edited) is None


def test_no_edits_keep_c_n_bit_for_bit():
    net, original = setup("lstm", "1x")
    edited = run_edited(net, original, Edits(), original.x)
    assert np.array_equal(edited.c_n, original.c_n)


def test_an_input_edit_changes_nothing_before_it_and_something_from_it():
    net, original = setup("lstm", "2x", torch.float32)
    edits = parse_edits(["4=2.5"])
    edited = run_edited(net, original, edits, edited_input(original.x, edits))
    for key in original.parts:
        assert np.array_equal(edited.parts[key][:4], original.parts[key][:4]), key
        assert not np.array_equal(edited.parts[key][4], original.parts[key][4]), key
    assert np.array_equal(edited.y[:4], original.y[:4])
    assert first_divergence(original, edited) == 4


def test_weight_edits_leave_the_network_itself_alone():
    net, _ = setup("gru", "2x_bi")
    before = {k: v.clone() for k, v in net.params.items()}
    edited = with_weights(net, parse_edits(set_=["weight_hh_l0[0, 0]=9", "head.bias*=0"]))
    assert edited.params["weight_hh_l0"][0, 0] == 9 and not edited.params["head.bias"].any()
    for k, v in net.params.items():
        assert torch.equal(v, before[k]), k


# ----- 3. the textbook identities of a held gate ------------------------------------------------
def previous(arr: np.ndarray, start_row: np.ndarray, direction: str) -> np.ndarray:
    """x_{t-1} (fwd) or x_{t+1} (bwd) for every t, with the initial state at the edge."""
    if direction == "fwd":
        return np.concatenate([start_row[None], arr[:-1]])
    return np.concatenate([arr[1:], start_row[None]])


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("start", [0, 3])
def test_lstm_forget_gate_one_is_perfect_memory(shape, start):
    net, original = setup("lstm", shape)
    edits = parse_edits(clamp=[f"f=1@{start}:"])
    edited = run_edited(net, original, edits, original.x)
    D = net.spec.num_directions
    for layer in range(net.spec.num_layers):
        for d, direction in enumerate(net.spec.directions()):
            part = functools.partial(edited.part, layer, direction)
            c, i, g, f = part("c"), part("i"), part("g"), part("f")
            c_prev = previous(c, original.initial.c0[layer * D + d], direction)
            steps = slice(start, None)  # every held step, the first one included
            assert (f[steps] == 1).all()
            # 1 * c is c: the identity holds to the bit, not only to 1e-12
            assert np.array_equal(c[steps], c_prev[steps] + i[steps] * g[steps])
    # the first held step reads the original's c_{start-1}
    if start:
        assert np.array_equal(edited.part(0, "fwd", "c")[start - 1],
                              original.part(0, "fwd", "c")[start - 1])


def test_lstm_input_gate_zero_writes_nothing():
    net, original = setup("lstm", "1x")
    edited = run_edited(net, original, parse_edits(clamp=["i=0@2:"]), original.x)
    c, f = edited.part(0, "fwd", "c"), edited.part(0, "fwd", "f")
    assert (edited.part(0, "fwd", "i")[2:] == 0).all()
    assert np.array_equal(c[2:], f[2:] * c[1:-1])  # + 0 * g: exactly f c
    assert np.array_equal(c[:2], original.part(0, "fwd", "c")[:2])


def test_lstm_output_gate_zero_silences_h_and_c_clamp_is_read_next_step():
    net, original = setup("lstm", "1x")
    edits = parse_edits(clamp=["o[1]=0@3:5", "c[2]=0@5:6"])
    edited = run_edited(net, original, edits, original.x)
    part = functools.partial(edited.part, 0, "fwd")
    assert (part("h")[3:5, :, 1] == 0).all() and (part("h")[3:5, :, 0] != 0).all()
    assert (part("c")[5, :, 2] == 0).all()
    # step 6 reads the held c_5 = 0: c_6 = f_6 * 0 + i_6 g_6 on that unit
    np.testing.assert_allclose(part("c")[6, :, 2], (part("i") * part("g"))[6, :, 2],
                               rtol=0, atol=1e-15)


@pytest.mark.parametrize("shape", SHAPES)
def test_gru_update_gate_one_copies_the_state(shape):
    net, original = setup("gru", shape)
    edited = run_edited(net, original, parse_edits(clamp=["z=1@3:"]), original.x)
    for layer in range(net.spec.num_layers):
        h = edited.part(layer, "fwd", "h")
        for t in range(3, T):  # h_t = (1 - 1) n_t + 1 h_{t-1}: the state at step 2, exactly
            assert np.array_equal(h[t], h[2]), (layer, t)
    # units only: the held units copy, the others move
    edited = run_edited(net, original, parse_edits(clamp=["l0.z[1]=1@0:"]), original.x)
    h = edited.part(0, "fwd", "h")
    h0 = original.initial.h0[0]
    assert (h[:, :, 1] == h0[:, 1]).all()
    assert not (h[:, :, 0] == h0[:, 0]).all()


def test_gru_bwd_update_gate_one_copies_backwards():
    net, original = setup("gru", "2x_bi")
    edited = run_edited(net, original, parse_edits(clamp=["l0.bwd.z=1@0:5"]), original.x)
    h = edited.part(0, "bwd", "h")
    for t in range(0, 5):  # bwd steps 4, 3, .., 0 copy h_5, the original's
        assert np.array_equal(h[t], original.part(0, "bwd", "h")[5])
    assert np.array_equal(h[5:], original.part(0, "bwd", "h")[5:])
    assert np.array_equal(edited.part(0, "fwd", "h"), original.part(0, "fwd", "h"))


def test_rnn_h_clamp_is_injected_and_read_by_the_next_step():
    net, original = setup("rnn_tanh", "1x")
    edited = run_edited(net, original, parse_edits(clamp=["h=0@4"]), original.x)
    h = edited.part(0, "fwd", "h")
    assert (h[4] == 0).all()
    p = net.params
    want = np.tanh(original.x[5] @ p["weight_ih_l0"].numpy().T + p["bias_ih_l0"].numpy()
                   + p["bias_hh_l0"].numpy())  # W_hh · 0 drops out
    np.testing.assert_allclose(h[5], want, rtol=0, atol=1e-12)


# ----- parsing and its round trip ----------------------------------------------------------------
@pytest.mark.parametrize("text, want, described", [
    ("f=1", Clamp("f", 1.0), "f=1"),
    ("l1.z[0:4]=0@10:", Clamp("z", 0.0, 1, None, (0, 1, 2, 3), 10, None), "l1.z[0:4]=0@10:"),
    ("bwd.c[3]=0@7:8", Clamp("c", 0.0, None, "bwd", (3,), 7, 8), "bwd.c[3]=0@7:8"),
    ("c[3]=0@7", Clamp("c", 0.0, None, None, (3,), 7, 8), "c[3]=0@7:8"),
    ("l0.fwd.i[1,5]=0.5@:3", Clamp("i", 0.5, 0, "fwd", (1, 5), 0, 3), "l0.fwd.i[1,5]=0.5@0:3"),
    (" h = -0.25 @ 2 : 4 ", Clamp("h", -0.25, None, None, None, 2, 4), "h=-0.25@2:4"),
])
def test_clamp_parses_and_describes(text, want, described):
    got = parse_clamp(text)
    assert got == want
    assert got.describe() == described
    assert parse_clamp(got.describe()) == got  # the meta's words parse back to the same edit


def test_set_parses_indices_and_scale():
    assert parse_set("weight_hh_l0[3, 5]=0").index == (3, 5)
    s = parse_set("bias_ih_l0[8:16]=0")
    assert s.index == (slice(8, 16),) and not s.scale
    s = parse_set("weight_hh_l0[:, 2]*=0.5")
    assert s.index == (slice(None), 2) and s.scale and s.value == 0.5
    assert parse_set("head.weight=0").index == ()


# ----- 4. refusals, with the valid names ---------------------------------------------------------
LSTM_ERRORS = [
    (dict(clamp=["q=1"]), ["no part 'q'", "i, f, g, o, c, h"]),
    (dict(clamp=["l2.f=1"]), ["no layer l2", "l0, l1"]),
    (dict(clamp=["f[3]=1"]), ["unit 3", "0..2"]),
    (dict(clamp=["f[0:5]=1"]), ["unit 3", "0..2"]),
    (dict(clamp=["f=1@8"]), ["steps 8..8", "0..7"]),
    (dict(clamp=["f=1@3:9"]), ["steps 3..8", "0..7"]),
    (dict(clamp=["f=1@5:5"]), ["0..7"]),
    (dict(edit_x=["8=1"]), ["step 8", "0..7"]),
    (dict(edit_x=["-1=1"]), ["step -1", "0..7"]),
    (dict(set_=["weight_hh_l9=0"]), ["no parameter 'weight_hh_l9'", "weight_ih_l0",
                                     "weight_hh_l1", "head.weight"]),
    (dict(set_=["weight_hh_l0[12, 0]=0"]), ["index 12", "0..11", "(12, 3)"]),
    (dict(set_=["weight_hh_l0[0, 3]=0"]), ["index 3 of dimension 1", "0..2"]),
    (dict(set_=["bias_ih_l0[0, 0]=0"]), ["1 dimension", "indexed with 2"]),
    (dict(set_=["bias_ih_l0[20:30]=0"]), ["selects no entry"]),
]


@pytest.mark.parametrize("flags, words", LSTM_ERRORS, ids=lambda v: str(v)[:40])
def test_check_refuses_with_the_valid_ones(flags, words):
    net, _ = setup("lstm", "2x")
    edits = parse_edits(flags.get("edit_x"), flags.get("clamp"), flags.get("set_"))
    with pytest.raises(RnnvizError) as caught:
        check_edits(edits, net, T)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message, message


def test_direction_on_a_unidirectional_net_and_a_part_of_another_cell():
    net, _ = setup("gru", "1x")
    with pytest.raises(RnnvizError, match="no direction 'bwd'; this network runs fwd"):
        check_edits(parse_edits(clamp=["bwd.z=1"]), net, T)
    with pytest.raises(RnnvizError, match="no part 'c'.*r, z, n, h"):
        check_edits(parse_edits(clamp=["c=0"]), net, T)
    net, _ = setup("rnn_relu", "1x")
    with pytest.raises(RnnvizError, match="no part 'f'.*parts are h"):
        check_edits(parse_edits(clamp=["f=1"]), net, T)


@pytest.mark.parametrize("parse, text, words", [
    (parse_clamp, "f=one", ["'one' is not a number"]),
    (parse_clamp, "f=nan", ["finite"]),
    (parse_clamp, "f", ["PART[UNITS]=VALUE", "f=1"]),
    (parse_clamp, "f[a]=1", ["'a' is not a whole number"]),
    (parse_clamp, "f[]=1", ["no units"]),
    (parse_clamp, "f[2:]=1", ["needs its end"]),
    (parse_clamp, "f=1@x", ["'x' is not a whole number"]),
    (parse_set, "weight_hh_l0[0,0]=big", ["'big' is not a number"]),
    (parse_set, "weight_hh_l0[0,0]", ["NAME[INDEX]=VALUE"]),
    (parse_set, "weight_hh_l0[x]=0", ["'x' is not a whole number"]),
    (lambda t: parse_edits([t]), "5", ["STEP=VALUES"]),
    (lambda t: parse_edits([t]), "a=1", ["'a' is not a whole number"]),
])
def test_parse_refuses_with_the_form_to_write(parse, text, words):
    with pytest.raises(RnnvizError) as caught:
        parse(text)
    for word in words:
        assert word in str(caught.value), str(caught.value)


@pytest.mark.parametrize("text, words", [
    ("3=abc", ["'abc' is not a number"]),
    ("3=1,2", ["2 values for 3 features", "give one"]),
    ("3=1,2,3,4", ["4 values for 3 features"]),
])
def test_input_values_of_the_wrong_shape_are_refused(text, words):
    _, original = setup("gru", "1x")
    with pytest.raises(RnnvizError) as caught:
        edited_input(original.x, parse_edits([text]))
    for word in words:
        assert word in str(caught.value)


def test_a_symbol_outside_the_vocabulary_is_refused_and_one_inside_is_one_hot():
    x = np.zeros((4, 1, 3))
    out = edited_input(x, parse_edits(["1=b"]), vocab="abc")
    assert out[1, 0].tolist() == [0, 1, 0] and not out[[0, 2, 3]].any()
    with pytest.raises(RnnvizError, match="'z' is not one of the input's characters 'abc'"):
        edited_input(x, parse_edits(["1=z"]), vocab="abc")
    assert np.array_equal(edited_input(x, parse_edits(["2=0.5"]), vocab="abc")[2], [[0.5] * 3])


def test_a_gate_held_outside_its_range_is_a_note_not_an_error():
    net, _ = setup("lstm", "1x")
    notes = check_edits(parse_edits(clamp=["f=1.5", "g=-2", "c=5", "i=1"]), net, T)
    assert len(notes) == 2
    assert "sigmoid gate is held at 1.5, outside [0, 1]" in notes[0]
    assert "tanh, held at -2, outside [-1, 1]" in notes[1]
    assert check_edits(parse_edits(clamp=["f=0", "o=1", "g=-1"]), net, T) == []


def test_a_padded_batch_is_refused():
    net, _ = setup("gru", "1x")
    x = np.random.default_rng(0).standard_normal((T, B, IN))
    padded = compute_trace(net, x, device="cpu", lengths=[T, T - 2])
    with pytest.raises(RnnvizError, match="padded batch"):
        run_edited(net, padded, parse_edits(clamp=["z=1"]), padded.x)


# ----- 5. the command line -----------------------------------------------------------------------
def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


LSTM_ARGS = ("trace", "--cell", "lstm", "--hidden-size", "3", "--length", "16", "--dtype",
             "float64")


def test_cli_clamp_writes_edits_divergence_and_originals(tmp_path, capsys):
    code, _, err = run(capsys, *LSTM_ARGS, "--clamp", "f=1@10:", "-o", str(tmp_path / "e.npz"))
    assert code == 0, err
    code, _, _ = run(capsys, *LSTM_ARGS, "-o", str(tmp_path / "p.npz"))
    assert code == 0
    _, meta, edited = read_trace_file(tmp_path / "e.npz")
    _, plain_meta, plain = read_trace_file(tmp_path / "p.npz")
    assert meta["edits"] == ["f=1@10:"] and meta["diverges_at"] == 10
    assert "edits" not in plain_meta and not any(k.startswith("orig_") for k in plain)
    for part in "ifgoch":
        assert np.array_equal(edited[f"orig_l0_fwd_{part}"], plain[f"l0_fwd_{part}"])
        assert np.array_equal(edited[f"l0_fwd_{part}"][:10], plain[f"l0_fwd_{part}"][:10])
    assert np.array_equal(edited["orig_output"], plain["output"])
    assert "orig_x" not in edited  # the input did not change
    c, i, g = edited["l0_fwd_c"], edited["l0_fwd_i"], edited["l0_fwd_g"]
    assert (edited["l0_fwd_f"][10:] == 1).all()
    np.testing.assert_allclose(c[10:], c[9:-1] + i[10:] * g[10:], rtol=0, atol=1e-12)
    assert np.array_equal(edited["c_n"][0], c[-1])


def test_cli_baseline_is_the_unedited_run_in_its_own_file(tmp_path, capsys):
    out, base = tmp_path / "e.npz", tmp_path / "b.npz"
    code, _, err = run(capsys, *LSTM_ARGS, "--clamp", "l0.i[0]=0@3:", "--set",
                       "bias_ih_l0[0]=1", "--baseline", str(base), "-o", str(out))
    assert code == 0, err
    run(capsys, *LSTM_ARGS, "-o", str(tmp_path / "p.npz"))
    _, meta, edited = read_trace_file(out)
    _, base_meta, baseline = read_trace_file(base)
    _, _, plain = read_trace_file(tmp_path / "p.npz")
    assert not any(k.startswith("orig_") for k in edited)
    assert meta["edits"] == ["l0.i[0]=0@3:", "bias_ih_l0[0]=1"]
    assert meta["diverges_at"] == 0  # a weight edit reaches every step
    assert base_meta["edits"] == [] and base_meta["baseline_of"] == str(out)
    assert sorted(baseline) == sorted(plain)
    for key, value in plain.items():
        assert np.array_equal(baseline[key], value), key
    assert (edited["l0_fwd_i"][3:, :, 0] == 0).all()


def test_cli_text_edit_x_is_the_symbols_one_hot(tmp_path, capsys):
    out = tmp_path / "t.npz"
    code, _, err = run(capsys, "trace", "--preset", "text", "--text", "hello", "--vocab",
                       "ahelo", "--cell", "gru", "--hidden-size", "3", "--edit-x", "2=a",
                       "-o", str(out))
    assert code == 0, err
    _, meta, arrays = read_trace_file(out)
    assert meta["edits"] == ["x[2] = a"] and meta["diverges_at"] == 2
    assert arrays["x"][2, 0].tolist() == [1, 0, 0, 0, 0]
    assert arrays["orig_x"][2, 0].tolist() == [0, 0, 0, 1, 0]  # the 'l' it replaced
    assert np.array_equal(arrays["x"][[0, 1, 3, 4]], arrays["orig_x"][[0, 1, 3, 4]])
    for part in "rznh":
        assert np.array_equal(arrays[f"l0_fwd_{part}"][:2], arrays[f"orig_l0_fwd_{part}"][:2])


def test_cli_sigmoid_out_of_range_is_a_note(tmp_path, capsys):
    code, _, err = run(capsys, "trace", "--cell", "gru", "--hidden-size", "2", "--length",
                       "6", "--clamp", "z=1.5", "-o", str(tmp_path / "n.npz"))
    assert code == 0 and (tmp_path / "n.npz").exists()
    assert "note:" in err and "outside [0, 1]" in err


@pytest.mark.parametrize("extra, words", [
    (["--clamp", "q=1"], ["no part 'q'", "i, f, g, o, c, h"]),
    (["--clamp", "l1.f=1"], ["no layer l1", "l0"]),
    (["--clamp", "bwd.f=1"], ["no direction 'bwd'"]),
    (["--clamp", "f[7]=1"], ["unit 7", "0..2"]),
    (["--clamp", "f=1@20"], ["0..15"]),
    (["--clamp", "f=yes"], ["'yes' is not a number"]),
    (["--edit-x", "16=1"], ["step 16", "0..15"]),
    (["--edit-x", "2=1,2"], ["2 values for 1 features"]),
    (["--edit-x", "2=up"], ["'up' is not a number"]),
    (["--set", "weight_hh_l7=0"], ["no parameter", "weight_ih_l0, weight_hh_l0"]),
    (["--set", "weight_hh_l0[12]=0"], ["index 12", "0..11"]),
    (["--baseline", "{d}/b.npz"], ["--baseline", "add --edit-x, --clamp or --set"]),
    (["--clamp", "f=1", "--baseline", "{d}/b.npz", "--set", "bias_ih_l0[40]=1"], ["index 40"]),
])
def test_cli_bad_edits_exit_2_with_one_line_and_no_file(tmp_path, capsys, extra, words):
    out = tmp_path / "e.npz"
    extra = [a.format(d=tmp_path) for a in extra]
    code, stdout, err = run(capsys, *LSTM_ARGS, *extra, "-o", str(out))
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("rnnviz trace: error:"), err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err
    assert list(tmp_path.iterdir()) == []


def test_cli_text_symbol_not_in_the_vocabulary(tmp_path, capsys):
    code, _, err = run(capsys, "trace", "--preset", "text", "--text", "hello", "--edit-x",
                       "2=z", "-o", str(tmp_path / "t.npz"))
    assert code == 2 and err.count("\n") == 1
    assert "'z' is not one of the input's characters 'ehlo'" in err
    assert list(tmp_path.iterdir()) == []


# ----- faults this file found, fixed: kept so they stay fixed ------------------------------------
def test_a_head_edit_diverges_at_step_0():
    net, original = setup("gru", "1x")
    edits = parse_edits(set_=["head.weight[0, 0]=5"])
    edited = run_edited(net, original, edits, original.x)
    assert not np.array_equal(edited.y[0], original.y[0])
    assert first_divergence(original, edited) == 0


def test_cli_orig_y_has_the_layout_of_y(tmp_path, capsys):
    code, _, err = run(capsys, "trace", "--cell", "gru", "--hidden-size", "3", "--length", "6",
                       "--topology", "n2one", "--head", "softmax", "--output-size", "2",
                       "--clamp", "z=1@2:", "-o", str(tmp_path / "n.npz"))
    assert code == 0, err
    _, _, arrays = read_trace_file(tmp_path / "n.npz")
    assert arrays["orig_y"].shape == arrays["y"].shape


def test_cli_token_edit_updates_the_tokens(tmp_path, capsys):
    class Model(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = torch.nn.Embedding(5, 3)
            self.rnn = torch.nn.GRU(3, 4)
            self.fc = torch.nn.Linear(4, 5)

    torch.manual_seed(0)
    model = Model()
    torch.save(model.state_dict(), tmp_path / "m.pt")
    code, _, err = run(capsys, "trace", "--model", str(tmp_path / "m.pt"), "--tokens",
                       "1,2,3,4", "--edit-x", "1=#0", "-o", str(tmp_path / "t.npz"))
    assert code == 0, err
    _, meta, arrays = read_trace_file(tmp_path / "t.npz")
    assert meta["diverges_at"] == 1
    np.testing.assert_array_equal(arrays["x"][1, 0], model.embedding.weight[0].detach())
    assert arrays["tokens"][:, 0].tolist() == [1, 0, 3, 4]
