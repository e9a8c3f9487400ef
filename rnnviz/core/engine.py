"""Computing every part of one layer over a whole sequence, two ways.

`fast`: torch's fused layer gives every h_t of the layer; once h_{t-1} is known for
all t, every gate of every step follows from one batched matrix product, and only
LSTM's cell state needs a recurrence (c_t = f_t c_{t-1} + i_t g_t), solved by a
log-depth scan. Cost: about one extra GEMM over the fused forward.

`step`: the textbook loop over t with cells.py, one small op at a time. It is the
reference the fast path is tested against, and the fallback for devices where the
fused layer is unavailable.

Both return, per direction, a dict part -> (T, B, H) tensor indexed by input time
step (also for the reverse direction), plus the layer's output and final states.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import torch
from torch import Tensor, nn

from rnnviz.core.cells import CellParams, gru_step, lstm_step, rnn_step
from rnnviz.core.network import MODULES, Network, param_suffix
from rnnviz.core.spec import NetworkSpec

# torch warns on every projected-LSTM call that oneDNN falls back to its default
# kernel; the numbers are the same, and the warning would reach every CLI user.
warnings.filterwarnings("ignore", message="LSTM with projections is not supported with oneDNN")


@dataclass
class LayerResult:
    parts: dict[str, dict[str, Tensor]]  # direction -> part -> (T, B, H)
    output: Tensor  # (T, B, D*H_out): the next layer's input
    h_n: Tensor  # (D, B, H_out)
    c_n: Tensor | None  # (D, B, H)   LSTM only


BLOCK = 16  # steps per block of the two-level scan
TWO_LEVEL_FROM = 512  # shorter sequences: the doubling scan alone is faster


def linear_recurrence(f: Tensor, a: Tensor, c0: Tensor) -> Tensor:
    """c_t = f_t * c_{t-1} + a_t for all t (dim 0), with c_{-1} = c0.

    Long sequences in two levels: the recurrence inside every block of BLOCK steps at
    once (BLOCK - 1 whole-array steps, keeping each block's running product of f), the
    blocks' ends chained by the doubling scan below (T / BLOCK of them), then one
    multiply-add that gives every step the c its block started from. T = 1000, H = 256:
    0.7 ms instead of 1.3 ms; T = 5000: 1.5 ms instead of 11 ms (memory traffic: two
    passes instead of log2 T). Short ones (a long trace's chunks) use the doubling scan.
    """
    steps = f.shape[0]
    if steps < TWO_LEVEL_FROM:
        return _doubling_scan(f, a, c0)
    blocks = steps // BLOCK
    body = blocks * BLOCK
    F = f[:body].reshape(blocks, BLOCK, *f.shape[1:])
    A = a[:body].reshape(blocks, BLOCK, *a.shape[1:]).clone(memory_format=torch.contiguous_format)
    A[0, 0].addcmul_(F[0, 0], c0)
    P = F.clone(memory_format=torch.contiguous_format)  # running products of f in a block
    for j in range(1, BLOCK):
        A[:, j].addcmul_(F[:, j], A[:, j - 1])
        P[:, j].mul_(P[:, j - 1])
    ends = _doubling_scan(P[1:, -1], A[1:, -1], A[0, -1])  # true c at the end of blocks 1..
    entered = torch.cat([A[0, -1].unsqueeze(0), ends[:-1]])  # what blocks 1.. start from
    A[1:].addcmul_(P[1:], entered.unsqueeze(1))
    c = A.reshape(body, *f.shape[1:])
    if body == steps:
        return c
    return torch.cat([c, _doubling_scan(f[body:], a[body:], c[-1])])


def _doubling_scan(f: Tensor, a: Tensor, c0: Tensor) -> Tensor:
    """linear_recurrence by doubling, for any length.

    Hillis–Steele doubling scan: after the round with stride d, A[t] is the recurrence
    run over the last 2d steps up to t and F[t] the product of their factors, so log2(T)
    rounds of whole-array ops replace T tiny ones. Only products of the factors appear
    (no division), so it is as stable as the plain loop. c0 is folded into step 0, after
    which A is c itself; two spare buffers take each round's result (no allocations).
    """
    steps = f.shape[0]
    A = a.clone(memory_format=torch.contiguous_format)  # (T, B, H)
    A[0].addcmul_(f[0], c0)
    F = f.clone(memory_format=torch.contiguous_format)
    spare_a, spare_f = torch.empty_like(A), torch.empty_like(F)
    d = 1
    while d < steps:
        spare_a[:d] = A[:d]
        torch.addcmul(A[d:], F[d:], A[:-d], out=spare_a[d:])
        A, spare_a = spare_a, A
        if 2 * d < steps:  # F is not read after the last round
            spare_f[:d] = F[:d]
            torch.mul(F[d:], F[:-d], out=spare_f[d:])
            F, spare_f = spare_f, F
        d *= 2
    return A


def _affine_all(x: Tensor, w: Tensor, b: Tensor | None) -> Tensor:
    """x (T, B, K) @ w.T (+ b) as one GEMM over all T*B rows."""
    flat = x.reshape(-1, x.shape[-1])  # (T*B, K)
    out = flat @ w.T if b is None else torch.addmm(b, flat, w.T)
    return out.reshape(*x.shape[:-1], w.shape[0])  # (T, B, rows)


def _previous(h_seq: Tensor, h0: Tensor, direction: str) -> Tensor:
    """h_{t-1} as seen by step t: shifted by one along time, in the direction's order."""
    if direction == "fwd":
        return torch.cat([h0.unsqueeze(0), h_seq[:-1]])  # (T, B, H_out)
    return torch.cat([h_seq[1:], h0.unsqueeze(0)])


def _ifog(w: Tensor) -> Tensor:
    """Rows i, f, g, o reordered to i, f, o, g: the three sigmoid gates side by side."""
    i, f, g, o = w.chunk(4, dim=0)
    return torch.cat([i, f, o, g])


def _lstm_packed(p: CellParams) -> tuple[Tensor, Tensor, Tensor | None]:
    """W_ih, W_hh and b_ih + b_hh with the rows in i, f, o, g order."""
    bias = None if p.b_ih is None else _ifog(p.b_ih + p.b_hh)
    return _ifog(p.w_ih), _ifog(p.w_hh), bias


def gates_from_hidden(
    spec: NetworkSpec, p: CellParams, x: Tensor, h_seq: Tensor, h0: Tensor, c0: Tensor | None,
    direction: str, packed: tuple | None = None,
) -> dict[str, Tensor]:
    """Every part of every step, given the inputs and the layer's known h_t. `packed`: an
    LSTM's weights as _lstm_packed gives them (cached by the caller: a long trace asks
    for thousands of chunks)."""
    if spec.cell == "rnn":
        return {"h": h_seq}  # the Elman cell has no gates: h is all there is
    h_prev = _previous(h_seq, h0, direction)  # (T, B, H_out)
    if spec.cell == "gru":
        gi = _affine_all(x, p.w_ih, p.b_ih)  # (T, B, 3H)
        gh = _affine_all(h_prev, p.w_hh, p.b_hh)  # (T, B, 3H): n needs W_hn h apart
        i_r, i_z, i_n = gi.chunk(3, dim=-1)
        h_r, h_z, h_n = gh.chunk(3, dim=-1)
        r = torch.sigmoid(i_r + h_r)
        z = torch.sigmoid(i_z + h_z)
        n = torch.tanh(torch.addcmul(i_n, r, h_n))
        return {"r": r, "z": z, "n": n, "h": h_seq}
    w_ih, w_hh, bias = packed or _lstm_packed(p)
    z = _affine_all(x, w_ih, bias)  # (T, B, 4H), columns i, f, o, g
    z.view(-1, z.shape[-1]).addmm_(h_prev.reshape(-1, h_prev.shape[-1]), w_hh.T)
    H = spec.hidden_size
    z[..., : 3 * H].sigmoid_()  # i, f, o: one contiguous block per row
    z[..., 3 * H:].tanh_()  # g
    i, f, o, g = z.split(H, dim=-1)  # (T, B, H) views of one buffer
    a = i * g
    if direction == "fwd":
        c = linear_recurrence(f, a, c0)
    else:
        c = linear_recurrence(f.flip(0), a.flip(0), c0).flip(0)
    parts = {"i": i, "f": f, "g": g, "o": o, "c": c}
    if spec.proj_size:
        parts["m"] = o * c.tanh()
    parts["h"] = h_seq
    return parts


def _fused_layer(network: Network, layer: int, device, dtype) -> nn.RNNBase:
    """A one-layer torch.nn module with this layer's weights, cached on the network."""
    key = (layer, str(device), dtype)
    cache = network.fused_cache
    if key not in cache:
        cache[key] = _build_fused_layer(network, layer, device, dtype)
    return cache[key]


def _build_fused_layer(network: Network, layer: int, device, dtype) -> nn.RNNBase:
    """Built on the meta device and then given the weights: no wasted random init."""
    spec = network.spec
    kwargs = dict(input_size=spec.layer_input_size(layer), hidden_size=spec.hidden_size,
                  num_layers=1, bias=spec.bias, bidirectional=spec.bidirectional,
                  device="meta", dtype=dtype)
    if spec.cell == "rnn":
        kwargs["nonlinearity"] = spec.nonlinearity
    if spec.cell == "lstm":
        kwargs["proj_size"] = spec.proj_size
    module = MODULES[spec.cell](**kwargs)
    weights = {}
    for direction in spec.directions():
        src, dst = param_suffix(layer, direction), param_suffix(0, direction)
        for name, value in network.params.items():
            if name.endswith(src) and not name.startswith("head."):
                weights[name[: -len(src)] + dst] = value.to(device=device, dtype=dtype)
    module.load_state_dict(weights, assign=True)
    if device.type == "cuda":
        module.flatten_parameters()
    return module.eval()


def _params(network: Network, layer: int, direction: str, device, dtype):
    """CellParams and (LSTM) the packed weights of one direction, cached on the network."""
    key = ("params", layer, direction, str(device), dtype)
    cache = network.fused_cache
    if key not in cache:
        p = network.cell_params(layer, direction, device, dtype)
        cache[key] = p, _lstm_packed(p) if network.spec.cell == "lstm" else None
    return cache[key]


def run_recurrence_fast(
    network: Network, layer: int, x: Tensor, h0: Tensor, c0: Tensor | None
) -> tuple[Tensor, Tensor, Tensor | None]:
    """The fused layer alone: output (T, B, D*H_out), h_n and (LSTM) c_n; the parts follow
    from them (layer_parts_fast), on another thread if the caller likes."""
    module = _fused_layer(network, layer, x.device, x.dtype)
    with torch.no_grad():
        if network.spec.cell == "lstm":
            output, (h_n, c_n) = module(x, (h0, c0))
            return output, h_n, c_n
        output, h_n = module(x, h0)
        return output, h_n, None


def layer_parts_fast(
    network: Network, layer: int, x: Tensor, h0: Tensor, c0: Tensor | None, output: Tensor
) -> dict[str, dict[str, Tensor]]:
    """Every part of each direction, from the fused layer's output over x."""
    spec = network.spec
    parts = {}
    width = spec.hidden_out
    with torch.no_grad():
        for d, direction in enumerate(spec.directions()):
            p, packed = _params(network, layer, direction, x.device, x.dtype)
            h_seq = output[..., d * width:(d + 1) * width]  # (T, B, H_out)
            cd = None if c0 is None else c0[d]
            parts[direction] = gates_from_hidden(spec, p, x, h_seq, h0[d], cd, direction,
                                                 packed)
    return parts


def run_layer_fast(
    network: Network, layer: int, x: Tensor, h0: Tensor, c0: Tensor | None
) -> LayerResult:
    """x (T, B, I_l), h0 (D, B, H_out), c0 (D, B, H) -> every part via the fused layer."""
    output, h_n, c_n = run_recurrence_fast(network, layer, x, h0, c0)
    return LayerResult(layer_parts_fast(network, layer, x, h0, c0, output), output, h_n, c_n)


def _step_direction(
    spec: NetworkSpec, p: CellParams, x: Tensor, h: Tensor, c: Tensor | None, direction: str
) -> tuple[dict[str, Tensor], Tensor, Tensor | None]:
    steps = range(x.shape[0]) if direction == "fwd" else range(x.shape[0] - 1, -1, -1)
    per_step: dict[int, dict[str, Tensor]] = {}
    for t in steps:
        if spec.cell == "lstm":
            h, c, parts = lstm_step(p, x[t], h, c)
        elif spec.cell == "gru":
            h, parts = gru_step(p, x[t], h)
        else:
            h, parts = rnn_step(p, x[t], h, spec.nonlinearity)
        per_step[t] = parts
    order = range(x.shape[0])
    stacked = {name: torch.stack([per_step[t][name] for t in order]) for name in spec.parts}
    return stacked, h, c


def run_layer_step(
    network: Network, layer: int, x: Tensor, h0: Tensor, c0: Tensor | None
) -> LayerResult:
    """Same contract as run_layer_fast, computed one step at a time with cells.py."""
    spec = network.spec
    parts, h_last, c_last = {}, [], []
    with torch.no_grad():
        for d, direction in enumerate(spec.directions()):
            p = network.cell_params(layer, direction, x.device, x.dtype)
            cd = None if c0 is None else c0[d]
            parts[direction], h, c = _step_direction(spec, p, x, h0[d], cd, direction)
            h_last.append(h)
            c_last.append(c)
        output = torch.cat([parts[dr]["h"] for dr in spec.directions()], dim=-1)
    c_n = torch.stack(c_last) if spec.cell == "lstm" else None
    return LayerResult(parts, output, torch.stack(h_last), c_n)
