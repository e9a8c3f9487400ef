"""One step of each cell, written as the textbook formulas, in torch.nn's layout.

These are the reference: every function takes one time step and returns the new
state together with every intermediate ("part") by name. The fast trace in
trace.py computes the same parts for all steps at once and is tested against these.

`clamp(name, value)`, when given, may replace each part as soon as it is computed, and
what follows uses the replaced value: a gate held at 1 (interventions.py) feeds the
state update as the textbook writes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch
from torch import Tensor

Parts = dict[str, Tensor]
Clamp = Callable[[str, Tensor], Tensor]


def _keep(_name: str, value: Tensor) -> Tensor:
    return value


@dataclass(frozen=True)
class CellParams:
    """Weights of one (layer, direction), named as in torch.nn without the suffix."""

    w_ih: Tensor  # (G*H, I)   rows stacked in torch's gate order
    w_hh: Tensor  # (G*H, H_out)
    b_ih: Tensor | None  # (G*H,)
    b_hh: Tensor | None  # (G*H,)
    w_hr: Tensor | None = None  # (P, H)   LSTM projection


def _affine(x: Tensor, w: Tensor, b: Tensor | None) -> Tensor:
    return x @ w.T if b is None else torch.addmm(b, x, w.T)


def input_projection(p: CellParams, x: Tensor) -> Tensor:
    """W_ih x_t + b_ih for every step at once (T, B, G*H): what each step's first term is,
    for a loop over many steps (one GEMM instead of T small ones)."""
    return _affine(x.reshape(-1, x.shape[-1]), p.w_ih, p.b_ih).reshape(*x.shape[:-1], -1)


def rnn_step(p: CellParams, x: Tensor, h: Tensor, nonlinearity: str,
             clamp: Clamp = _keep, gi: Tensor | None = None) -> tuple[Tensor, Parts]:
    """h_t = act(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh). `gi`: W_ih x_t + b_ih, if known."""
    gi = _affine(x, p.w_ih, p.b_ih) if gi is None else gi
    a = gi + _affine(h, p.w_hh, p.b_hh)  # (B, H)
    h = clamp("h", torch.tanh(a) if nonlinearity == "tanh" else torch.relu(a))
    return h, {"h": h}


def lstm_step(p: CellParams, x: Tensor, h: Tensor, c: Tensor,
              clamp: Clamp = _keep, gi: Tensor | None = None) -> tuple[Tensor, Tensor, Parts]:
    """One LSTM step; rows of the weights are stacked i, f, g, o as in torch.nn."""
    gi = _affine(x, p.w_ih, p.b_ih) if gi is None else gi
    z = gi + _affine(h, p.w_hh, p.b_hh)  # (B, 4H)
    i, f, g, o = z.chunk(4, dim=-1)  # (B, H) each
    i, f = clamp("i", i.sigmoid()), clamp("f", f.sigmoid())
    g, o = clamp("g", g.tanh()), clamp("o", o.sigmoid())
    c = clamp("c", f * c + i * g)  # (B, H)
    m = o * c.tanh()  # (B, H)
    parts = {"i": i, "f": f, "g": g, "o": o, "c": c}
    if p.w_hr is not None:
        m = clamp("m", m)
        parts["m"] = m
        h = m @ p.w_hr.T  # (B, P)
    else:
        h = m
    h = clamp("h", h)
    parts["h"] = h
    return h, c, parts


def gru_step(p: CellParams, x: Tensor, h: Tensor,
             clamp: Clamp = _keep, gi: Tensor | None = None) -> tuple[Tensor, Parts]:
    """One GRU step; rows stacked r, z, n and n = tanh(W_in x + b_in + r*(W_hn h + b_hn))."""
    gi = _affine(x, p.w_ih, p.b_ih) if gi is None else gi  # (B, 3H)
    gh = _affine(h, p.w_hh, p.b_hh)  # (B, 3H)
    i_r, i_z, i_n = gi.chunk(3, dim=-1)
    h_r, h_z, h_n = gh.chunk(3, dim=-1)
    r = clamp("r", torch.sigmoid(i_r + h_r))
    z = clamp("z", torch.sigmoid(i_z + h_z))
    n = clamp("n", torch.tanh(i_n + r * h_n))
    h = clamp("h", (1 - z) * n + z * h)  # (B, H)
    return h, {"r": r, "z": z, "n": n, "h": h}
