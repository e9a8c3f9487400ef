"""Backward through time: ∂L/∂h_t, ∂L/∂c_t and ∂L/∂x_t for every step, layer, direction.

The forward pass is the step-by-step reference (cells.py) with autograd on, so every
h_t and c_t is a node whose gradient can be kept (`retain_grad`): the total derivative
of the objective through every path, along time and up the layers. For LSTM the
product of forget gates along the c path says how much of c_t reaches the end.

Objectives: "h_T" (sum of the top layer's final hidden state), "unit:J" (its unit J,
directions concatenated), "y:K" (head output K at the last step), "loss" (the task's
loss, when the targets are known).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch

from rnnviz.core.cells import gru_step, lstm_step, rnn_step
from rnnviz.core.devices import resolve_device
from rnnviz.core.errors import RnnvizError
from rnnviz.core.memory import check_trace_fits
from rnnviz.core.network import Network
from rnnviz.core.states import InitialState, zeros_state
from rnnviz.core.threads import threads_for, torch_threads


@dataclass
class Gradients:
    """Arrays by key: `l{l}_{d}_dh` (T,B,H_out), `_dc`, `_fprod` (T,B,H), `dx` (T,B,I),
    and `..._norm` (T,B) for each. `nonfinite` counts NaN/inf entries (flagged, kept)."""

    objective: str
    loss: float
    arrays: dict[str, np.ndarray] = field(default_factory=dict)
    nonfinite: int = 0


def parse_objective(text: str, network: Network, has_targets: bool) -> tuple[str, int]:
    """("h_T" | "unit" | "y" | "loss", index), or an error listing the valid choices."""
    spec = network.spec
    choices = "h_T, unit:J (0.." + str(spec.output_features - 1) + ")"
    if spec.head is not None:
        choices += f", y:K (0..{spec.head.output_size - 1})"
    if has_targets:
        choices += ", loss"
    kind, _, index = text.partition(":")
    if kind == "h_T" and not index:
        return "h_T", 0
    if kind == "loss" and not index:
        if not has_targets:
            raise RnnvizError("'loss' needs targets, which only a checkpoint trained by rnnviz "
                              f"on its own example input has; choose {choices}")
        return "loss", 0
    if kind in ("unit", "y") and index.isdigit():
        size = spec.output_features if kind == "unit" else (spec.head.output_size
                                                           if spec.head else 0)
        if kind == "y" and spec.head is None:
            raise RnnvizError(f"this network has no output head, so there is no y; "
                              f"choose {choices}")
        if int(index) < size:
            return kind, int(index)
        raise RnnvizError(f"{text}: index out of range; choose {choices}")
    raise RnnvizError(f"unknown objective {text!r}; choose {choices}")


def forward_with_grad(network: Network, x: torch.Tensor, h0: torch.Tensor,
                      c0: torch.Tensor | None, clamps=()):
    """Step-by-step forward with autograd from h0 (L*D, B, H_out), c0 (tensors: a decoder's
    h0 can be the encoder's context); returns per-(layer, dir) (h_t list, c_t list, f_t
    list) and the top layer's output (T, B, D*H_out). `clamps` (interventions.Clamp) hold
    parts at their steps, as in the edited run: a held value is a constant, so no gradient
    flows through the units it holds."""
    from rnnviz.core.edited_run import step_holder
    spec, D = network.spec, network.spec.num_directions
    dev, dtype = x.device, x.dtype
    states, layer_in, steps = {}, x, x.shape[0]
    for layer in range(spec.num_layers):
        outputs = []
        for d, direction in enumerate(spec.directions()):
            p = network.cell_params(layer, direction, dev, dtype)
            h = h0[layer * D + d]
            c = None if c0 is None else c0[layer * D + d]
            hs, cs, fs = [None] * steps, [None] * steps, [None] * steps
            order = range(steps) if direction == "fwd" else range(steps - 1, -1, -1)
            held = [k for k in clamps if k.covers(layer, direction)]
            for t in order:
                hold = step_holder(held, t, steps)
                if spec.cell == "lstm":
                    h, c, parts = lstm_step(p, layer_in[t], h, c, hold)
                    c.retain_grad()
                    cs[t], fs[t] = c, parts["f"].detach()
                elif spec.cell == "gru":
                    h, _ = gru_step(p, layer_in[t], h, hold)
                else:
                    h, _ = rnn_step(p, layer_in[t], h, spec.nonlinearity, hold)
                h.retain_grad()
                hs[t] = h
            states[(layer, direction)] = (hs, cs, fs)
            outputs.append(torch.stack(hs))
        layer_in = torch.cat(outputs, dim=-1)  # (T, B, D*H_out)
    return states, layer_in


def objective_value(network: Network, kind: str, index: int, states, top: torch.Tensor,
                    targets: torch.Tensor | None):
    spec = network.spec
    last = [states[(spec.num_layers - 1, d)][0][-1 if d == "fwd" else 0]
            for d in spec.directions()]
    final = torch.cat(last, dim=-1)  # (B, D*H_out): the top layer's h_n, directions joined
    if kind == "h_T":
        return final.sum()
    if kind == "unit":
        return final[:, index].sum()
    w, b = network.params["head.weight"], network.params.get("head.bias")
    logits = top @ w.to(top).T + (0 if b is None else b.to(top))  # (T, B, O)
    if kind == "y":
        y = logits[-1]
        if spec.head.activation == "softmax":
            y = torch.softmax(y, -1)
        elif spec.head.activation == "log_softmax":
            y = torch.log_softmax(y, -1)
        return y[:, index].sum()
    if targets.dtype == torch.long:  # classification: every step, or the last one
        chosen = logits if targets.ndim == 2 else logits[-1]
        return torch.nn.functional.cross_entropy(chosen.reshape(-1, chosen.shape[-1]),
                                                 targets.reshape(-1))
    chosen = logits if targets.ndim == 3 else logits[-1]
    return torch.nn.functional.mse_loss(chosen, targets.to(chosen))


# autograd keeps every step's gates, states and their gradients, one small tensor each:
# measured ~4× the trace's own bytes (and per-tensor overhead on top)
AUTOGRAD_FACTOR = 6


def compute_gradients(network: Network, x, objective: str = "h_T", *,
                      initial: InitialState | None = None, targets=None,
                      device: str = "cpu", dtype: torch.dtype | None = None,
                      clamps=()) -> Gradients:
    """Every gradient of `objective` for input x (T, B, I) (or (T, I)); `clamps`: the parts
    an edited run holds (core/interventions.py)."""
    spec = network.spec
    kind, index = parse_objective(objective, network, targets is not None)
    dev = resolve_device(device).device
    xt = torch.as_tensor(np.array(x)).detach()  # a copy: inputs may be read-only arrays
    xt = xt.unsqueeze(1) if xt.ndim == 2 else xt
    if xt.ndim != 3 or xt.shape[2] != spec.input_size or xt.shape[0] == 0:
        raise RnnvizError(f"input must be (T, B, {spec.input_size}) with T ≥ 1, "
                          f"got {tuple(xt.shape)}")
    itemsize = torch.empty((), dtype=dtype or network.dtype).element_size()
    check_trace_fits(spec, xt.shape[0], xt.shape[1], AUTOGRAD_FACTOR * itemsize,
                     what="gradients through time of")
    xt = xt.to(device=dev, dtype=dtype or network.dtype).requires_grad_(True)
    initial = initial or zeros_state(spec, xt.shape[1])
    h0 = torch.as_tensor(initial.h0, dtype=xt.dtype, device=dev)
    c0 = None if initial.c0 is None else torch.as_tensor(initial.c0, dtype=xt.dtype, device=dev)
    threads = threads_for(xt.shape[0], xt.shape[1], spec.hidden_size, dev)
    with torch.enable_grad(), torch_threads(threads):
        states, top = forward_with_grad(network, xt, h0, c0, clamps)
        tgt = None if targets is None else torch.as_tensor(targets).to(dev)
        loss = objective_value(network, kind, index, states, top, tgt)
        loss.backward()
    return collect(Gradients(objective, loss.item()), spec, xt, states)


def collect(out: Gradients, spec, xt: torch.Tensor, states) -> Gradients:
    """The gradients kept by a backward pass, as arrays, with their norms and a NaN count."""
    out.arrays["dx"] = _grad(xt)
    for (layer, direction), (hs, cs, fs) in states.items():
        key = f"l{layer}_{direction}"
        out.arrays[f"{key}_dh"] = np.stack([_grad(h) for h in hs])
        if spec.cell == "lstm":
            out.arrays[f"{key}_dc"] = np.stack([_grad(c) for c in cs])
            out.arrays[f"{key}_fprod"] = forget_products(np.stack([f.cpu().numpy()
                                                                   for f in fs]), direction)
    for name in [k for k in out.arrays if k.endswith(("_dh", "_dc")) or k == "dx"]:
        out.arrays[f"{name}_norm"] = np.linalg.norm(out.arrays[name], axis=-1)  # (T, B)
    out.nonfinite = int(sum((~np.isfinite(a)).sum() for a in out.arrays.values()))
    return out


def _grad(t: torch.Tensor) -> np.ndarray:
    return (torch.zeros_like(t) if t.grad is None else t.grad).detach().cpu().numpy()


def forget_products(f: np.ndarray, direction: str) -> np.ndarray:
    """(T, B, H): the product of the forget gates after step t, in the direction's order —
    how much of c_t reaches the last step along the cell-state path alone."""
    ordered = f if direction == "fwd" else f[::-1]
    after = np.ones_like(ordered)
    # product of f_{t+1} .. f_{T-1}: a reversed cumulative product, shifted by one
    after[:-1] = np.cumprod(ordered[::-1], axis=0)[::-1][1:]
    return after if direction == "fwd" else after[::-1]


def compare_gradients(network: Network, x, objective: str, cells: str, seed: int = 0,
                      targets=None, start_seed: int | None = None
                      ) -> list[tuple[str, Gradients]]:
    """The same objective for other networks on the same input.

    `cells` is a comma list: "rnn", "gru", "lstm" (other cell kinds of the same size and
    seed; the network's own kind is skipped) — the comparison the seed articles describe,
    why LSTM and GRU exist — and "untrained": this network before training, rebuilt from
    the seed its training started from (`start_seed`, from the checkpoint's sidecar).
    """
    from rnnviz.core.spec import CELLS

    spec, out = network.spec, []
    for cell in [c.strip().lower() for c in cells.split(",") if c.strip()]:
        if cell == "untrained":
            if start_seed is None:
                raise RnnvizError("--compare untrained needs a checkpoint trained by rnnviz: "
                                  "its .rnnviz.json records the seed training started from")
            # drawn in float32 as training drew it, then cast: float64 draws other numbers
            other = Network.random(spec.with_(notes=()), start_seed).to(network.dtype)
            out.append((f"untrained (seed {start_seed})",
                        compute_gradients(other, x, objective, targets=targets)))
            continue
        if cell not in CELLS:
            raise RnnvizError(f"--compare: unknown entry {cell!r}; use rnn, lstm, gru or "
                              "untrained")
        if cell == spec.cell:
            continue
        other = Network.random(spec.with_(cell=cell, nonlinearity="tanh", proj_size=0,
                                          notes=()), seed, dtype=network.dtype)
        out.append((other.spec.title(), compute_gradients(other, x, objective,
                                                          targets=targets)))
    return out
