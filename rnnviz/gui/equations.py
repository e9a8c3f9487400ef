"""The selected unit's equations with its live numbers substituted (numpy only).

f_t[3] = σ(W_if[3]·x_t + b_if[3] + W_hf[3]·h_{t−1} + b_hf[3]) = σ(0.42 + 0.10 − 1.10 + 0.05)
       = σ(−0.53) = 0.37
The terms are recomputed here from the weights and the trace's inputs; the result
shown is the trace's own value, and a test checks the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SUB = {"i": "i", "f": "f", "g": "g", "o": "o", "r": "r", "z": "z", "n": "n", "h": ""}


@dataclass(frozen=True)
class Line:
    part: str  # the part this line computes (colour)
    lhs: str  # e.g. "f_t[3]"
    formula: str  # symbolic right-hand side
    numbers: str  # the same with numbers substituted
    value: float  # the trace's value
    note: str = ""  # what the term did (how c and h moved)
    pre: float | None = None  # the pre-activation recomputed here (tests compare act(pre))
    scientific: bool = False  # gradients span many orders of magnitude: 3 significant digits


def _fmt(v: float) -> str:
    return f"{v:+.3f}".replace("+", "+ ").replace("-", "− ")


def _num(v: float) -> str:
    return f"{v:.3f}".replace("-", "−")


class _Terms:
    """Pre-activation terms of row `row` of the stacked weights of one cell."""

    def __init__(self, weights, suffix: str, x: np.ndarray, h_prev: np.ndarray):
        self.w, self.sfx, self.x, self.h = weights, suffix, x, h_prev

    def input(self, row: int) -> tuple[float, float]:
        b = self.w.get("bias_ih" + self.sfx)
        return float(self.w["weight_ih" + self.sfx][row] @ self.x), (0.0 if b is None
                                                                     else float(b[row]))

    def hidden(self, row: int) -> tuple[float, float]:
        b = self.w.get("bias_hh" + self.sfx)
        return float(self.w["weight_hh" + self.sfx][row] @ self.h), (0.0 if b is None
                                                                     else float(b[row]))


def _gate_line(terms: _Terms, part: str, row: int, act: str, value: float, k: int,
               bias: bool) -> Line:
    wx, bx = terms.input(row)
    wh, bh = terms.hidden(row)
    s = SUB[part]
    wi, wh_, bi, bh_ = (f"W_i{s}", f"W_h{s}", f"b_i{s}", f"b_h{s}") if s else \
        ("W_ih", "W_hh", "b_ih", "b_hh")  # the Elman cell: torch's own names
    if bias:
        formula = f"{act}({wi}[{k}]·x_t + {bi}[{k}] + {wh_}[{k}]·h_t−1 + {bh_}[{k}])"
        numbers = f"{act}({_num(wx)} {_fmt(bx)} {_fmt(wh)} {_fmt(bh)})"
    else:
        formula = f"{act}({wi}[{k}]·x_t + {wh_}[{k}]·h_t−1)"
        numbers = f"{act}({_num(wx)} {_fmt(wh)})"
    pre = wx + bx + wh + bh
    return Line(part, f"{part}_t[{k}]", formula, f"{numbers} = {act}({_num(pre)})", value,
                pre=pre)


def unit_equations(spec, weights, trace, layer: int, direction: str, t: int, b: int,
                   k: int) -> list[Line]:
    """Lines for unit k of the (layer, direction) cell at step t, batch element b."""
    sfx = f"_l{layer}" + ("_reverse" if direction == "bwd" else "")
    x = trace.layer_input(layer)[t, b]
    h_prev = trace.previous_state(layer, direction, "h", t)[b]
    terms = _Terms(weights, sfx, x, h_prev)
    part = {name: float(trace.part(layer, direction, name)[t, b, k])
            for name in spec.parts if name != "h" or spec.hidden_out == spec.hidden_size}
    H = spec.hidden_size
    if spec.cell == "rnn":
        act = spec.nonlinearity
        return [_gate_line(terms, "h", k, act, part["h"], k, spec.bias)]
    if spec.cell == "gru":
        return _gru_lines(spec, terms, part, h_prev, k, H)
    lines = [_gate_line(terms, g, j * H + k, "σ" if g != "g" else "tanh", part[g], k, spec.bias)
             for j, g in enumerate("ifgo")]
    c_prev = float(trace.previous_state(layer, direction, "c", t)[b, k])
    f, i, g, o, c = part["f"], part["i"], part["g"], part["o"], part["c"]
    lines.append(Line(
        "c", f"c_t[{k}]", "f·c_t−1 + i·g",
        f"{_num(f)}×{_num(c_prev)} + {_num(i)}×{_num(g)} = {_num(f * c_prev)} {_fmt(i * g)}",
        c, f"forgetting moved c by {_fmt((f - 1) * c_prev)}, writing added {_fmt(i * g)}"))
    h_name = "m" if spec.proj_size else "h"
    h_prev_k = None if spec.proj_size else float(h_prev[k])
    note = "" if h_prev_k is None else \
        f"h moved from {_num(h_prev_k)} by {_fmt(part['h'] - h_prev_k)}"
    lines.append(Line(h_name, f"{h_name}_t[{k}]", "o·tanh(c_t)",
                      f"{_num(o)}×tanh({_num(c)}) = {_num(o)}×{_num(np.tanh(c))}",
                      part[h_name], note))
    if spec.proj_size:
        lines.append(Line("h", "h_t", f"W_hr · m_t  (projects {H} → {spec.proj_size})", "", 0.0))
    return lines


def _gru_lines(spec, terms: _Terms, part, h_prev, k: int, H: int) -> list[Line]:
    lines = [_gate_line(terms, "r", k, "σ", part["r"], k, spec.bias),
             _gate_line(terms, "z", H + k, "σ", part["z"], k, spec.bias)]
    wx, bx = terms.input(2 * H + k)
    wh, bh = terms.hidden(2 * H + k)
    r, z, n, h = part["r"], part["z"], part["n"], part["h"]
    pre = wx + bx + r * (wh + bh)
    formula = (f"tanh(W_in[{k}]·x_t + b_in[{k}] + r·(W_hn[{k}]·h_t−1 + b_hn[{k}]))"
               if spec.bias else f"tanh(W_in[{k}]·x_t + r·(W_hn[{k}]·h_t−1))")
    lines.append(Line("n", f"n_t[{k}]", formula,
                      f"tanh({_num(wx)} {_fmt(bx)} + {_num(r)}×({_num(wh)} {_fmt(bh)})) "
                      f"= tanh({_num(pre)})", n, pre=pre))
    hp = float(h_prev[k])
    lines.append(Line("h", f"h_t[{k}]", "(1−z)·n + z·h_t−1",
                      f"{_num(1 - z)}×{_num(n)} + {_num(z)}×{_num(hp)}", h,
                      f"kept {_num(z * hp)} of the old state, took {_num((1 - z) * n)} "
                      f"of the new"))
    return lines


def line_texts(line: Line) -> tuple[str, str, str]:
    """(equation, numbers substituted = value, note) as plain text rows."""
    head = f"{line.lhs} = {line.formula}"
    value = f"{line.value:.3g}".replace("-", "−") if line.scientific else _num(line.value)
    numbers = f"= {line.numbers} = {value}" if line.numbers else \
        (f"= {value}" if line.scientific else "")
    return head, numbers, line.note
