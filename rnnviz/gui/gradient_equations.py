"""The local Jacobian factors of the backward pass for the selected unit (numpy only).

In gradient mode the equation view adds how ∂L/∂(state) moves one step back, term by
term, with the live numbers: for LSTM the cell-state path (∂c_t/∂c_t−1 = f_t, the
factor that keeps gradients alive), for GRU the direct path z_t and the paths through
r, z and n, for the Elman RNN act′ · W_hh. "One step back" is the step this direction
came from: t−1 forwards, t+1 for the reverse direction (which runs from the last step to
the first), and weights keep torch's suffixes (W_hh_l0_reverse). Each sum is recomputed
here from the weights, the trace and ∂L/∂ at step t, and tests check it equals autograd's
value.
"""

from __future__ import annotations

import numpy as np

from rnnviz.gui.equations import Line
from rnnviz.gui.i18n import tr


def _g(v: float) -> str:
    return f"{v:.3g}".replace("-", "−")


def _f(v: float) -> str:
    return f"{v:.3f}".replace("-", "−")


def gradient_lines(spec, weights, trace, grads, layer: int, direction: str, t: int, b: int,
                   k: int) -> list[Line]:
    """Lines for unit k of the (layer, direction) cell at step t, batch element b."""
    key = f"l{layer}_{direction}"
    dh = grads.arrays[f"{key}_dh"][t, b]  # (H_out,)
    sfx = f"_l{layer}" + ("_reverse" if direction == "bwd" else "")
    before, after = ("t−1", "t+1") if direction == "fwd" else ("t+1", "t−1")
    lines = []
    if k < len(dh):
        lines.append(Line("h", f"∂L/∂h_t[{k}]",
                          tr("what L receives through h_t[{k}], all paths").format(k=k),
                          "", float(dh[k]),
                          tr("‖∂L/∂h_t‖ = {norm} over all units").format(
                              norm=_g(float(np.linalg.norm(dh)))),
                          scientific=True))
    part = {name: trace.part(layer, direction, name)[t, b] for name in spec.parts}
    if spec.cell == "lstm":
        lines += _lstm_lines(spec, weights, trace, grads, key, sfx, part, dh, t, b, k,
                             (before, after), direction)
    elif spec.cell == "gru":
        h_prev = trace.previous_state(layer, direction, "h", t)[b]
        lines.append(_gru_line(weights, sfx, part, h_prev, dh, k, before))
    else:
        lines.append(_rnn_line(spec, weights, sfx, part["h"], dh, k, before))
    total = _previous_total(grads, key, t, b, k, direction)
    if total is not None and spec.cell != "lstm":
        lines[-1] = _with_note(lines[-1], tr("∂L/∂h_{before}[{k}] = {total} in all; the "
                                             "rest comes from the layer above or L itself")
                               .format(before=before, k=k, total=_g(total)))
    return lines


def _with_note(line: Line, note: str) -> Line:
    return Line(line.part, line.lhs, line.formula, line.numbers, line.value, note, line.pre,
                line.scientific)


def _previous_total(grads, key: str, t: int, b: int, k: int, direction: str) -> float | None:
    dh = grads.arrays[f"{key}_dh"]
    before = t - 1 if direction == "fwd" else t + 1
    return float(dh[before, b, k]) if 0 <= before < len(dh) and k < dh.shape[-1] else None


def _lstm_lines(spec, weights, trace, grads, key, sfx, part, dh, t, b, k, neighbours,
                direction):
    """∂L/∂c_t = ∂L/∂c_{t+1}·f_{t+1} + ∂L/∂h_t·o_t·(1 − tanh² c_t): two paths, both local
    (t+1 is the next step in the direction's order: t−1 for the reverse direction)."""
    before, after = neighbours
    steps = trace.length
    nxt = t + 1 if direction == "fwd" else t - 1
    dc_next = float(grads.arrays[f"{key}_dc"][nxt, b, k]) if 0 <= nxt < steps else 0.0
    f_next = float(trace.part(*_layer_dir(key), "f")[nxt, b, k]) if 0 <= nxt < steps else 0.0
    o, c = float(part["o"][k]), float(part["c"][k])
    squash = 1 - np.tanh(c) ** 2
    if spec.proj_size:  # h = W_hr·m: the gradient reaching m_t[k]
        dm = float(weights["weight_hr" + sfx][:, k] @ dh)
        into, name = dm, "∂L/∂m_t"
    else:
        into, name = float(dh[k]), "∂L/∂h_t"
    recomputed = dc_next * f_next + into * o * squash
    fprod = float(grads.arrays[f"{key}_fprod"][t, b, k])
    return [
        Line("c", f"∂L/∂c_t[{k}]", f"∂L/∂c_{after}·f_{after} + {name}·o_t·(1 − tanh² c_t)",
             f"{_g(dc_next)}×{_f(f_next)} + {_g(into)}×{_f(o)}×{_f(squash)}",
             float(grads.arrays[f"{key}_dc"][t, b, k]),
             tr("cell-state path: ∂c_t/∂c_{before} = f_t, no squashing and no weights")
             .format(before=before),
             pre=recomputed, scientific=True),
        _forget_product_line(k, f_next, fprod, 0 <= nxt < steps, after,
                             steps - 1 if direction == "fwd" else 0),
    ]


def _forget_product_line(k: int, f_next: float, fprod: float, more: bool, after: str,
                         last: int) -> Line:
    """∏ of the forget gates still ahead of c_t in this direction's order (to step `last`)."""
    formula = f"f_{after} × … × f_{last}" if more else tr("no step after t: 1")
    return Line("f", tr("∏ f after t [{k}]").format(k=k), formula,
                f"{_f(f_next)} × …" if more else "", fprod,
                tr("the share of c_t that reaches this direction's last step (t = {last}) "
                   "along the c path alone").format(last=last), scientific=True)


def _layer_dir(key: str) -> tuple[int, str]:
    layer, direction = key[1:].split("_")
    return int(layer), direction


def _rnn_line(spec, weights, sfx, h, dh, k, before) -> Line:
    """∂L/∂h_{t−1}[k] through h_t = Σ_j ∂L/∂h_t[j]·act′_j·W_hh[j, k]."""
    w = weights["weight_hh" + sfx]
    slope = (h > 0).astype(float) if spec.nonlinearity == "relu" else 1 - h ** 2
    recomputed = float((dh * slope) @ w[:, k])
    act = "1[h_t>0]" if spec.nonlinearity == "relu" else "(1 − h_t²)"
    own = f"{_g(float(dh[k]))}×{_f(float(slope[k]))}×{_f(float(w[k, k]))}"
    return Line("h", tr("∂L/∂h_{before}[{k}] via h_t").format(before=before, k=k),
                f"Σ_j ∂L/∂h_t[j]·{act}[j]·W_hh{sfx}[j,{k}]",
                tr("own unit: {product} + {n} others").format(product=own, n=len(h) - 1),
                recomputed, pre=recomputed, scientific=True)


def _gru_line(weights, sfx, part, h_prev, dh, k, before) -> Line:
    """h = (1−z)·n + z·h_prev: the direct path z, and the paths through z, n and r."""
    H = len(h_prev)
    w_hh = weights["weight_hh" + sfx]
    b_hh = weights.get("bias_hh" + sfx)
    w_hr, w_hz, w_hn = w_hh[:H], w_hh[H:2 * H], w_hh[2 * H:]
    r, z, n = part["r"], part["z"], part["n"]
    hn = w_hn @ h_prev + (0 if b_hh is None else b_hh[2 * H:])
    dn = dh * (1 - z) * (1 - n ** 2)
    direct = float(dh[k] * z[k])
    via_z = float((dh * (h_prev - n) * z * (1 - z)) @ w_hz[:, k])
    via_n = float((dn * r) @ w_hn[:, k])
    via_r = float((dn * hn * r * (1 - r)) @ w_hr[:, k])
    total = direct + via_z + via_n + via_r
    return Line("z", tr("∂L/∂h_{before}[{k}] via h_t").format(before=before, k=k),
                tr("∂L/∂h_t[k]·z_t[k] + via z + via n + via r"),
                f"{_g(float(dh[k]))}×{_f(float(z[k]))} {_sg(via_z)} {_sg(via_n)} {_sg(via_r)}",
                total, pre=total, scientific=True)


def _sg(v: float) -> str:
    return ("+ " if v >= 0 else "− ") + _g(abs(v))
