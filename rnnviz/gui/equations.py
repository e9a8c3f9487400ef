"""The selected unit's equations with its live numbers substituted (numpy only).

f_t[3] = σ(W_if_l0[3]·x_t + b_if_l0[3] + W_hf_l0[3]·h_t−1 + b_hf_l0[3])
       = σ(0.42 + 0.10 − 1.10 + 0.05) = σ(−0.53) = 0.37
Every symbol is named from the running model and the position in it: layer l > 1 reads
the layer below's h (h¹_t, or [h¹→; h¹←]_t when bidirectional), the reverse direction's
recurrence comes from t+1, and weights keep torch's `_l{k}` / `_reverse` suffixes, with a
note saying which rows of which state_dict tensor they are. The terms are recomputed here
from the weights and the trace's inputs; the result shown is the trace's own value, and
tests check the two agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from rnnviz.gui.i18n import tr

SUB = {"i": "i", "f": "f", "g": "g", "o": "o", "r": "r", "z": "z", "n": "n", "h": ""}
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class Line:
    part: str  # the part this line computes (colour)
    lhs: str  # e.g. "f_t[3]"
    formula: str  # symbolic right-hand side
    numbers: str  # the same with numbers substituted
    value: float  # the trace's value
    note: str = ""  # what the term did (how c and h moved), or where its weights are
    pre: float | None = None  # the pre-activation recomputed here (tests compare act(pre))
    scientific: bool = False  # gradients span many orders of magnitude: 3 significant digits
    was: float | None = None  # what if: the original run's value, where it differs
    held: bool = False  # what if: the value is held by a clamp (not the formula's result)
    edits: tuple[tuple[str, str], ...] = ()  # (menu text, "set" edit prefilled) of its terms


def _fmt(v: float) -> str:
    return f"{v:+.3f}".replace("+", "+ ").replace("-", "− ")


def _num(v: float) -> str:
    return f"{v:.3f}".replace("-", "−")


# ----- names from the model and the position in it ---------------------------------------
def layer_output_name(spec, layer: int) -> str:
    """What layer `layer` (0-based) hands upwards at step t: h_t, h²_t, [h¹→; h¹←]_t.

    The superscript is the layer's number as the window counts them (1-based); a
    one-layer network needs none.
    """
    sup = str(layer + 1).translate(_SUPERSCRIPT) if spec.num_layers > 1 else ""
    return f"[h{sup}→; h{sup}←]_t" if spec.bidirectional else f"h{sup}_t"


def layer_input_name(spec, layer: int) -> str:
    """What layer `layer` reads at step t: x_t for the first, the layer below's h above it."""
    return "x_t" if layer == 0 else layer_output_name(spec, layer - 1)


def recurrent_step(direction: str) -> str:
    """The step whose state this direction's step t reads: the reverse one runs t+1 → t."""
    return "t−1" if direction == "fwd" else "t+1"


def found_prefix(spec, what: str) -> str | None:
    """The module prefix ("rnn.", "" at top level) the loader reported finding `what` under
    ("recurrent layer" or "output head"), so torch names match the user's own file."""
    for note in spec.notes:
        m = re.match(rf"found {what} '(.*?)'", note)
        if m:
            return "" if m[1] == "(top level)" else m[1] + "."
    return None


@dataclass(frozen=True)
class _Names:
    sfx: str  # torch's parameter suffix, e.g. "_l1_reverse"
    x: str  # what the layer reads at t
    prev: str  # the step of the recurrent state: "t−1" or "t+1"
    module: str  # the recurrent module's prefix in the user's state_dict
    file_sfx: str  # the suffix there: sfx, or "" for a cell's own tensors (lstm2.weight_ih)


def found_cells(spec) -> list[str] | None:
    """The modules of a stack of nn.LSTMCell/GRUCell/RNNCell the loader opened as layers
    ("" for one at the top level), in layer order; None for an nn.RNN/LSTM/GRU."""
    for note in spec.notes:
        m = re.match(r"found (?:RNNCell|GRUCell|LSTMCell) (.*)", note)
        if m:
            names = re.findall(r"'(.*?)' \(layer \d+\)", m[1])
            return ["" if n == "(top level)" else n for n in names]
    return None


def _names(spec, layer: int, direction: str, module: str | None) -> _Names:
    cells = found_cells(spec) if module is None else None
    if cells and layer < len(cells):  # a cell's own tensors: lstm2.weight_ih, no suffix
        return _Names(f"_l{layer}", layer_input_name(spec, layer), recurrent_step(direction),
                      cells[layer] + "." if cells[layer] else "", "")
    if module is None:
        module = found_prefix(spec, "recurrent layer") or ""
    sfx = f"_l{layer}" + ("_reverse" if direction == "bwd" else "")
    return _Names(sfx, layer_input_name(spec, layer), recurrent_step(direction), module, sfx)


def _short(part: str, sfx: str) -> tuple[str, str, str, str]:
    """(W_i·, W_h·, b_i·, b_h·) of a gate; the Elman cell keeps torch's own ih/hh."""
    s = SUB[part]
    kinds = (f"i{s}", f"h{s}") if s else ("ih", "hh")
    return (*(f"W_{k}{sfx}" for k in kinds), *(f"b_{k}{sfx}" for k in kinds))


def _torch_note(names: _Names, part: str, block: int, H: int, bias: bool) -> str:
    """Where a gate's weights are in the state_dict, in the formula's order of terms."""
    m, sfx = names.module, names.file_sfx
    tensors = [f"{m}weight_ih{sfx}", f"{m}bias_ih{sfx}", f"{m}weight_hh{sfx}",
               f"{m}bias_hh{sfx}"][:: 1 if bias else 2]
    if not SUB[part]:  # the Elman cell: whole tensors, its short names are torch's own
        return tr("in the state_dict: {tensors}").format(tensors=", ".join(tensors))
    rows = f"{_times_h(block)}:{_times_h(block + 1)}"
    return tr("in the state_dict: rows {first}:{end} ({rows}) of {tensors}").format(
        first=block * H, end=(block + 1) * H, rows=rows, tensors=", ".join(tensors))


def _times_h(n: int) -> str:
    return {0: "0", 1: "H"}.get(n, f"{n}H")


# ----- the cell ---------------------------------------------------------------------------
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


def _gate_line(terms: _Terms, names: _Names, part: str, block: int, H: int, act: str,
               value: float, k: int, bias: bool) -> Line:
    row = block * H + k
    wx, bx = terms.input(row)
    wh, bh = terms.hidden(row)
    wi, wh_, bi, bh_ = _short(part, names.sfx)
    h_prev = f"h_{names.prev}"
    if bias:
        formula = f"{act}({wi}[{k}]·{names.x} + {bi}[{k}] + {wh_}[{k}]·{h_prev} + {bh_}[{k}])"
        numbers = f"{act}({_num(wx)} {_fmt(bx)} {_fmt(wh)} {_fmt(bh)})"
    else:
        formula = f"{act}({wi}[{k}]·{names.x} + {wh_}[{k}]·{h_prev})"
        numbers = f"{act}({_num(wx)} {_fmt(wh)})"
    pre = wx + bx + wh + bh
    return Line(part, f"{part}_t[{k}]", formula, f"{numbers} = {act}({_num(pre)})", value,
                _torch_note(names, part, block, H, bias), pre=pre,
                edits=_weight_edits(terms, row, (wi, wh_, bi, bh_), k, bias))


def _weight_edits(terms: _Terms, row: int, short: tuple[str, ...], k: int, bias: bool
                  ) -> tuple[tuple[str, str], ...]:
    """What a right-click on a gate's line offers: its biases, and the input and recurrent
    weights that contribute most to it now (largest |w·value|), each with its value."""
    w, sfx = terms.w, terms.sfx
    out = []
    for kind, vector, name in (("hh", terms.h, short[1]), ("ih", terms.x, short[0])):
        weight = w["weight_" + kind + sfx][row]
        if not len(weight):
            continue
        j = int(np.argmax(np.abs(weight * vector)))
        out.append((tr("Set {name}[{k}, {j}] (its largest term now)…").format(
                        name=name, k=k, j=j),
                    f"weight_{kind}{sfx}[{row},{j}]={float(weight[j]):.4g}"))
    if bias:
        for kind, name in (("ih", short[2]), ("hh", short[3])):
            b = w.get("bias_" + kind + sfx)
            if b is not None:
                out.append((tr("Set {name}[{k}]…").format(name=name, k=k),
                            f"bias_{kind}{sfx}[{row}]={float(b[row]):.4g}"))
    return tuple(out)


def unit_equations(spec, weights, trace, layer: int, direction: str, t: int, b: int,
                   k: int, module: str | None = None) -> list[Line]:
    """Lines for unit k of the (layer, direction) cell at step t, batch element b.

    `module`: the recurrent module's prefix in the user's state_dict ("decoder."), when
    the spec's load notes do not say it."""
    names = _names(spec, layer, direction, module)
    x = trace.layer_input(layer)[t, b]
    h_prev = trace.previous_state(layer, direction, "h", t)[b]
    terms = _Terms(weights, names.sfx, x, h_prev)
    part = {name: float(trace.part(layer, direction, name)[t, b, k])
            for name in spec.parts if name != "h" or spec.hidden_out == spec.hidden_size}
    H = spec.hidden_size
    if spec.cell == "rnn":
        return [_gate_line(terms, names, "h", 0, H, spec.nonlinearity, part["h"], k, spec.bias)]
    if spec.cell == "gru":
        return _gru_lines(spec, terms, names, part, h_prev, k, H)
    lines = [_gate_line(terms, names, g, j, H, "σ" if g != "g" else "tanh", part[g], k,
                        spec.bias) for j, g in enumerate("ifgo")]
    c_prev = float(trace.previous_state(layer, direction, "c", t)[b, k])
    f, i, g, o, c = part["f"], part["i"], part["g"], part["o"], part["c"]
    lines.append(Line(
        "c", f"c_t[{k}]", f"f·c_{names.prev} + i·g",
        f"{_num(f)}×{_num(c_prev)} + {_num(i)}×{_num(g)} = {_num(f * c_prev)} {_fmt(i * g)}",
        c, tr("forgetting moved c by {forget}, writing added {write}").format(
            forget=_fmt((f - 1) * c_prev), write=_fmt(i * g))))
    h_name = "m" if spec.proj_size else "h"
    h_prev_k = None if spec.proj_size else float(h_prev[k])
    note = "" if h_prev_k is None else tr("h moved from {was} by {change}").format(
        was=_num(h_prev_k), change=_fmt(part["h"] - h_prev_k))
    lines.append(Line(h_name, f"{h_name}_t[{k}]", "o·tanh(c_t)",
                      f"{_num(o)}×tanh({_num(c)}) = {_num(o)}×{_num(np.tanh(c))}",
                      part[h_name], note))
    if spec.proj_size:
        w_hr = f"W_hr{names.sfx}"
        lines.append(Line("h", "h_t", tr("{w_hr} · m_t  (projects {hidden} → {proj})").format(
                              w_hr=w_hr, hidden=H, proj=spec.proj_size), "", 0.0,
                          tr("in the state_dict: {tensors}").format(
                              tensors=f"{names.module}weight_hr{names.file_sfx}")))
    return lines


def _gru_lines(spec, terms: _Terms, names: _Names, part, h_prev, k: int, H: int) -> list[Line]:
    lines = [_gate_line(terms, names, "r", 0, H, "σ", part["r"], k, spec.bias),
             _gate_line(terms, names, "z", 1, H, "σ", part["z"], k, spec.bias)]
    wx, bx = terms.input(2 * H + k)
    wh, bh = terms.hidden(2 * H + k)
    r, z, n, h = part["r"], part["z"], part["n"], part["h"]
    pre = wx + bx + r * (wh + bh)
    w_in, w_hn, b_in, b_hn = _short("n", names.sfx)
    h_prev_name = f"h_{names.prev}"
    formula = (f"tanh({w_in}[{k}]·{names.x} + {b_in}[{k}] + r·({w_hn}[{k}]·{h_prev_name} + "
               f"{b_hn}[{k}]))" if spec.bias else
               f"tanh({w_in}[{k}]·{names.x} + r·({w_hn}[{k}]·{h_prev_name}))")
    lines.append(Line("n", f"n_t[{k}]", formula,
                      f"tanh({_num(wx)} {_fmt(bx)} + {_num(r)}×({_num(wh)} {_fmt(bh)})) "
                      f"= tanh({_num(pre)})", n, _torch_note(names, "n", 2, H, spec.bias),
                      pre=pre, edits=_weight_edits(terms, 2 * H + k,
                                                   (w_in, w_hn, b_in, b_hn), k, spec.bias)))
    hp = float(h_prev[k])
    lines.append(Line("h", f"h_t[{k}]", f"(1−z)·n + z·{h_prev_name}",
                      f"{_num(1 - z)}×{_num(n)} + {_num(z)}×{_num(hp)}", h,
                      tr("kept z·{h_prev} = {kept}, added (1−z)·n = {added}").format(
                          h_prev=h_prev_name, kept=_num(z * hp), added=_num((1 - z) * n))))
    return lines


# ----- the output head --------------------------------------------------------------------
def _g4(v: float) -> str:
    return f"{v:.4g}".replace("-", "−")


def head_lines(spec, weights, trace, t: int, b: int, k: int | None = None) -> list[Line]:
    """The head at step t for its largest output k: y_t[k] = W_ho[k]·h_t + b_ho[k], then
    the probability (softmax) or log-probability (log-softmax) the head really outputs.

    None where the head writes nothing: no head, or a step without output (N→1)."""
    if spec.head is None or not trace.has_output(t):
        return []
    logits, out = trace.y_logits[t, b], trace.y[t, b]  # (O,) before / after the activation
    k = int(np.argmax(out)) if k is None else k
    bias = weights.get("head.bias")
    wh = float(weights["head.weight"][k] @ trace.output[t, b])
    bk = 0.0 if bias is None else float(bias[k])
    module = found_prefix(spec, "output head")
    module = "linear." if module is None else module  # how rnnviz saves a head
    formula = f"W_ho[{k}]·{layer_output_name(spec, spec.num_layers - 1)}"
    numbers, where = _num(wh), f"W_ho = {module}weight"
    if bias is not None:
        formula, numbers = formula + f" + b_ho[{k}]", numbers + f" {_fmt(bk)}"
        where += f", b_ho = {module}bias"
    which = tr("k = {k}: the largest of the {n} outputs at t; ").format(k=k, n=len(out)) \
        if len(out) > 1 else ""
    lines = [Line("y", f"y_t[{k}]", formula, numbers, float(logits[k]), which + where)]
    if spec.head.activation == "softmax":
        lines.append(_softmax_line(logits, k, float(out[k])))
    elif spec.head.activation == "log_softmax":
        lines += _log_softmax_lines(logits, k, float(out[k]))
    return lines


def _log_sum_exp(logits: np.ndarray) -> float:
    return float(np.logaddexp.reduce(logits.astype(np.float64)))  # no overflow


def _softmax_line(logits: np.ndarray, k: int, p: float) -> Line:
    yk, lse = float(logits[k]), _log_sum_exp(logits)
    numbers = (f"exp({_num(yk)}) / {_g4(np.exp(lse))}" if lse < 700 else
               f"exp({_num(yk)} − {_num(lse)})")  # Σ exp would overflow: shown divided
    return Line("y", f"p_t[{k}]", f"softmax(y_t)[{k}] = exp(y_t[{k}]) / Σ_j exp(y_t[j])",
                numbers, p, tr("the probability of output {k}").format(k=k))


def _log_softmax_lines(logits: np.ndarray, k: int, log_p: float) -> list[Line]:
    yk, lse = float(logits[k]), _log_sum_exp(logits)
    return [Line("y", f"log p_t[{k}]", f"y_t[{k}] − log Σ_j exp(y_t[j])",
                 f"{_num(yk)} − {_num(lse)}", log_p,
                 tr("the head outputs log-probabilities (log-softmax)")),
            Line("y", f"p_t[{k}]", f"exp(log p_t[{k}])", f"exp({_num(log_p)})",
                 float(np.exp(log_p)), tr("the probability of output {k}").format(k=k))]


def with_original(lines: list[Line], originals: list[Line], held=frozenset()) -> list[Line]:
    """What if: the edited run's lines, each with the original run's value where the two
    differ (lines are matched by their left-hand side), and parts held by a clamp marked
    (`held`: the parts, e.g. {"f"}, whose value a clamp sets at this step and unit)."""
    was = {line.lhs: line.value for line in originals}
    out = []
    for line in lines:
        before = was.get(line.lhs)
        differs = before is not None and (before != line.value and not (
            np.isnan(before) and np.isnan(line.value)))
        out.append(replace(line, was=before if differs else None,
                           held=line.part in held and bool(line.numbers)))
    return out


def line_texts(line: Line) -> tuple[str, str, str]:
    """(equation, numbers substituted = value, note) as plain text rows."""
    head = f"{line.lhs} = {line.formula}"

    def shown(v: float) -> str:
        return f"{v:.3g}".replace("-", "−") if line.scientific else _num(v)

    value = shown(line.value)
    if line.held:  # the formula's result is replaced: say so instead of a false "="
        numbers = tr("= {numbers} → held at {value}").format(numbers=line.numbers, value=value)
    else:
        numbers = f"= {line.numbers} = {value}" if line.numbers else \
            (f"= {value}" if line.scientific or line.was is not None else "")
    if line.was is not None and numbers:
        numbers += "   " + tr("(was {value})").format(value=shown(line.was))
    return head, numbers, line.note
