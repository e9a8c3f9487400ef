"""What if? An edited run, recomputed exactly (the edits: core/interventions.py).

`run_edited` recomputes each layer and direction from the first step an edit reaches,
with the textbook step (cells.py's formulas, in numpy for speed: edited_steps.py) and
each held part set as it is computed; the steps before it are copied from the original
run, so they are bit for bit the same. The input
and weight edits are made here too (`edited_input`, `with_weights`).
"""

from __future__ import annotations

import numpy as np
import torch

from rnnviz.core.cells import input_projection
from rnnviz.core.edited_steps import gru_steps, lstm_steps, rnn_steps
from rnnviz.core.errors import RnnvizError
from rnnviz.core.interventions import Clamp, Edits, EditX, parse_number, weight_target
from rnnviz.core.network import Network
from rnnviz.core.threads import threads_for, torch_threads
from rnnviz.core.trace import Trace, head_outputs, part_key


def with_weights(network: Network, edits: Edits) -> Network:
    """A copy of the network with the weight edits made (the original is untouched)."""
    if not edits.weights:
        return network
    params = {k: v.clone() for k, v in network.params.items()}
    for w in edits.weights:
        name = weight_target(w, network)
        view = params[name][w.index]
        if w.scale:
            params[name][w.index] = view * w.value
        else:
            params[name][w.index] = w.value
    return Network(network.spec, params)


def edited_tokens(tokens: np.ndarray | None, edits: Edits, token_names) -> np.ndarray | None:
    """The token ids after the input edits (each edited step: the id put there)."""
    if tokens is None or not edits.x:
        return tokens
    out = np.array(tokens, copy=True)
    for e in edits.x:
        out[e.step] = _token_id(e, list(token_names or ()))
    return out


def _token_id(e: EditX, names: list[str]) -> int:
    token = e.value[1:] if e.value.startswith("#") else e.value
    if e.value in names:
        return names.index(e.value)
    if token.isdigit():
        return int(token)
    raise RnnvizError(f"--edit-x {e.describe()}: {e.value!r} is not a token of the "
                      f"vocabulary (give a token, or its id as #12)")


def edited_text(text: str | None, edits: Edits, vocab) -> str | None:
    """The text fed after character edits (one-hot text input)."""
    if text is None or vocab is None or not edits.x:
        return text
    chars = list(text)
    for e in edits.x:
        if len(e.value) == 1 and e.value in vocab and not _looks_numeric(e.value):
            chars[e.step] = e.value
    return "".join(chars)


def edited_input(x: np.ndarray, edits: Edits, vocab=None, token_names=None,
                 network: Network | None = None) -> np.ndarray:
    """x (T, B, I) with the input edits: numbers, or a symbol of the one-hot vocabulary
    (`vocab`) or of the embedding's tokens (`token_names`, the rows from `network`)."""
    out = np.array(x, copy=True)
    features = out.shape[2]
    for e in edits.x:
        out[e.step] = _input_row(e, features, vocab, token_names, network)
    return out


def _input_row(e: EditX, features: int, vocab, token_names, network) -> np.ndarray:
    what = f"--edit-x {e.describe()}"
    if token_names is not None and network is not None:
        return network.embed(np.array([[_token_id(e, list(token_names))]]))[0, 0]
    if vocab is not None and not _looks_numeric(e.value):
        if len(e.value) != 1 or e.value not in vocab:
            raise RnnvizError(f"{what}: {e.value!r} is not one of the input's characters "
                              f"{''.join(vocab)!r}")
        row = np.zeros(features)
        row[list(vocab).index(e.value)] = 1.0
        return row
    values = [parse_number(v, what) for v in e.value.split(",")]
    if len(values) not in (1, features):
        raise RnnvizError(f"{what}: {len(values)} values for {features} features per step; "
                          f"give one (for every feature) or {features}")
    return np.array(values if len(values) == features else values * features)


def _looks_numeric(text: str) -> bool:
    try:
        [float(v) for v in text.split(",")]
    except ValueError:
        return False
    return True


def run_edited(network: Network, original: Trace, edits: Edits, x: np.ndarray) -> Trace:
    """The run of `original` with `edits`, its steps before each edit copied bit for bit.
    `x` is the edited input (edited_input); the original's device and dtype are kept."""
    spec = network.spec
    if getattr(original, "store", None) is not None:
        raise RnnvizError("edits need the whole run in memory; this sequence is kept as "
                          "checkpoints (too long): shorten it to edit it")
    if original.lengths is not None:
        raise RnnvizError("edits on a padded batch (--lengths) are not supported; give the "
                          "sequences one by one")
    # a step loop of small products: on one thread below threads_for's size (the pool's
    # wake-ups cost more than they give, and collapse when another program holds a core)
    with torch_threads(threads_for(original.length, original.batch, spec.hidden_size)):
        return _run_edited(network, original, edits, x)


def _run_edited(network: Network, original: Trace, edits: Edits, x: np.ndarray) -> Trace:
    spec = network.spec
    net = with_weights(network, edits)
    dtype = torch.float64 if original.x.dtype == np.float64 else torch.float32
    steps = original.length
    changed_weights = {w for w in (weight_target(e, network) for e in edits.weights)}
    parts: dict[str, np.ndarray] = {}
    layer_in_new = np.asarray(x, dtype=original.x.dtype)
    h_n, c_n = [], []
    D = spec.num_directions
    for layer in range(spec.num_layers):
        layer_in_old = original.layer_input(layer)
        moved = np.flatnonzero(np.any(layer_in_new != layer_in_old, axis=(1, 2)))
        for direction in spec.directions():
            suffix = f"_l{layer}" + ("_reverse" if direction == "bwd" else "")
            weights_hit = any(n.endswith(suffix) and not n.startswith("head.")
                              for n in changed_weights)
            clamps = [c for c in edits.clamps if c.covers(layer, direction)]
            first = _first_reached(direction, steps, moved, clamps, weights_hit)
            new = _recompute(net, original, layer, direction, layer_in_new, clamps, first,
                             dtype)
            parts.update({part_key(layer, direction, k): v for k, v in new.items()})
            row = layer * D + spec.directions().index(direction)
            last = -1 if direction == "fwd" else 0
            # not reached: the original's final states (the fused layer's, whose last
            # bit may differ from its own c part's)
            h_n.append(original.h_n[row] if first is None else new["h"][last])
            if spec.cell == "lstm":
                c_n.append(original.c_n[row] if first is None else new["c"][last])
        layer_in_new = np.concatenate([parts[part_key(layer, d, "h")]
                                       for d in spec.directions()], axis=-1)
    output = layer_in_new
    y_logits, y = None, None
    if spec.head is not None:
        with torch.no_grad():
            logits, probs = head_outputs(net, torch.from_numpy(output).to(dtype))
        y_logits, y = logits.numpy(), probs.numpy()
        if not any(n.startswith("head.") for n in changed_weights):  # unchanged rows: the
            same = np.all(output == original.output, axis=(1, 2))   # original's bits
            y_logits[same], y[same] = original.y_logits[same], original.y[same]
    return Trace(spec=spec, x=np.asarray(x, dtype=original.x.dtype), parts=parts,
                 output=output, h_n=np.stack(h_n), c_n=np.stack(c_n) if c_n else None,
                 initial=original.initial, y=y, y_logits=y_logits, device=original.device,
                 method="step", topology=original.topology, feed=original.feed,
                 tokens=original.tokens)


def _first_reached(direction: str, steps: int, moved: np.ndarray, clamps: list[Clamp],
                   weights_hit: bool) -> int | None:
    """The first step, in this direction's own order, that an edit reaches (None: none)."""
    if weights_hit:
        return 0 if direction == "fwd" else steps - 1
    starts = [int(t) for t in moved]
    if direction == "fwd":
        starts += [c.start for c in clamps]
        return min(starts) if starts else None
    starts += [(steps if c.stop is None else c.stop) - 1 for c in clamps]
    return max(starts) if starts else None


def _recompute(net: Network, original: Trace, layer: int, direction: str,
               layer_in: np.ndarray, clamps: list[Clamp], first: int | None,
               dtype) -> dict[str, np.ndarray]:
    """Every part of one layer and direction: the original's before `first`, the step
    loop with the clamps from there on (edited_steps.py: cells.py's formulas in numpy)."""
    spec = net.spec
    names = list(spec.parts)
    old = {k: original.part(layer, direction, k) for k in names}
    if first is None:
        return old
    new = {k: v.copy() for k, v in old.items()}
    p = net.cell_params(layer, direction, "cpu", dtype)
    h = original.previous_state(layer, direction, "h", first).astype(new["h"].dtype)
    order = range(first, original.length) if direction == "fwd" else range(first, -1, -1)
    x = torch.from_numpy(np.ascontiguousarray(layer_in)).to(dtype)
    with torch.inference_mode():
        gi = input_projection(p, x).numpy()  # every step's W_ih x_t + b_ih in one product
    # W_hhᵀ contiguous: each step's h W_hhᵀ reads it row by row
    w_hh_t = np.ascontiguousarray(p.w_hh.numpy().T)
    b_hh = None if p.b_hh is None else p.b_hh.numpy()
    holds = _step_holds(clamps, original.length)
    with np.errstate(over="ignore"):  # a sigmoid's e^-x may overflow: 1/inf is its 0
        if spec.cell == "lstm":
            c = original.previous_state(layer, direction, "c", first).astype(h.dtype)
            w_hr_t = None if p.w_hr is None else np.ascontiguousarray(p.w_hr.numpy().T)
            lstm_steps(w_hh_t, b_hh, w_hr_t, gi, h, c, order, holds, new)
        elif spec.cell == "gru":
            gru_steps(w_hh_t, b_hh, gi, h, order, holds, new)
        else:
            rnn_steps(w_hh_t, b_hh, gi, h, spec.nonlinearity, order, holds, new)
    return new


def _step_holds(clamps: list[Clamp], steps: int):
    """holds(t): {part: [(units, value), ...]} for the clamps of one layer and direction
    active at step t (None where none is)."""
    spans = [(c.part, c.start, steps if c.stop is None else c.stop,
              slice(None) if c.units is None else list(c.units), c.value) for c in clamps]

    def holds(t: int):
        held = None
        for part, lo, hi, units, value in spans:
            if lo <= t < hi:
                held = held or {}
                held.setdefault(part, []).append((units, value))
        return held
    return holds


def step_holder(clamps: list[Clamp], t: int, steps: int):
    """The clamp callback of step t for the clamps of one layer and direction."""
    return _holder([c for c in clamps if c.start <= t < (steps if c.stop is None else c.stop)])


def _holder(active: list[Clamp]):
    """The clamp callback of one step: each active clamp sets its units of its part."""
    if not active:
        return lambda _name, value: value

    def hold(name: str, value):
        for c in active:
            if c.part == name:
                value = value.clone()
                if c.units is None:
                    value[...] = c.value
                else:
                    value[..., list(c.units)] = c.value
        return value
    return hold


def changed_parts(original: Trace, edited: Trace) -> list[str]:
    """The keys whose arrays differ (for `orig_…` arrays in a trace file)."""
    keys = [*original.parts, "output", "h_n"] + (["c_n"] if original.c_n is not None else []) \
        + (["y", "y_logits"] if original.y is not None else [])

    def arr(trace, key):
        return trace.parts[key] if key in trace.parts else getattr(trace, key)
    return [k for k in keys if not np.array_equal(arr(original, k), arr(edited, k))]


def first_divergence(original: Trace, edited: Trace) -> int | None:
    """The first step at which any part differs (None: the runs are the same)."""
    steps = np.zeros(original.length, dtype=bool)
    for key in original.parts:
        a, b = original.parts[key], edited.parts[key]
        steps |= np.any(a != b, axis=tuple(range(1, a.ndim)))
    steps |= np.any(original.x != edited.x, axis=(1, 2))
    if original.y is not None:  # a head's weight edit changes y alone
        steps |= np.any(original.y_logits != edited.y_logits, axis=(1, 2))
    hit = np.flatnonzero(steps)
    return int(hit[0]) if len(hit) else None
