"""What if? Edits to a run — an input, a clamped part, a weight — recomputed exactly.

Three kinds of edit, as the command line writes them (and the window builds them):

- `EditX`   `--edit-x "5=0.7"`: the input at step 5 (one value for every feature, a
  vector `5=0.1,0,2`, or for text and tokens another symbol `5=e`);
- `Clamp`   `--clamp "[lL.][DIR.]PART[UNITS]=VALUE[@FROM:TO]"`: a part of a layer and
  direction held at a value over steps FROM..TO-1 (`f=1`: every layer's forget gate, at
  every step; `l1.z[0:4]=0@10:`; `bwd.c[3]=0@7:8` puts 0 into c_7 of unit 3). Layers
  are counted from 0, as torch's `_l0` names count them. A held state (h or c) is a
  value injected at those steps; the steps after read it;
- `SetWeight` `--set "weight_hh_l0[3, 5]=0"` (or `*=0.5` to scale): an entry, a row,
  a column or a block of a parameter, by its torch name, for the whole run.

`run_edited` recomputes each layer and direction from the first step an edit reaches,
with the textbook step (cells.py) and the clamp applied as each part is computed; the
steps before it are copied from the original run, so they are bit for bit the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import torch

from rnnviz.core.cells import gru_step, input_projection, lstm_step, rnn_step
from rnnviz.core.errors import RnnvizError
from rnnviz.core.network import Network
from rnnviz.core.trace import Trace, head_outputs, part_key

SIGMOID_PARTS = ("i", "f", "o", "r", "z")  # gates in [0, 1]
TANH_PARTS = ("g", "n")  # in [-1, 1]


@dataclass(frozen=True)
class EditX:
    step: int
    value: str  # as typed: numbers, or a symbol of the input's vocabulary

    def describe(self) -> str:
        return f"x[{self.step}] = {self.value}"


@dataclass(frozen=True)
class Clamp:
    part: str
    value: float
    layer: int | None = None  # None: every layer
    direction: str | None = None  # None: every direction
    units: tuple[int, ...] | None = None  # None: every unit
    start: int = 0
    stop: int | None = None  # None: to the end

    def describe(self) -> str:
        where = "" if self.layer is None else f"l{self.layer}."
        where += "" if self.direction is None else f"{self.direction}."
        units = "" if self.units is None else f"[{_ranges(self.units)}]"
        steps = "" if (self.start, self.stop) == (0, None) else \
            f"@{self.start}:{'' if self.stop is None else self.stop}"
        return f"{where}{self.part}{units}={self.value:g}{steps}"

    def covers(self, layer: int, direction: str) -> bool:
        return self.layer in (None, layer) and self.direction in (None, direction)


@dataclass(frozen=True)
class SetWeight:
    name: str  # the network's own name (weight_hh_l0, head.weight), not the file's prefix
    index: tuple  # ints and slices
    value: float
    scale: bool = False  # `*=`: multiply instead of set
    typed: str = ""

    def describe(self) -> str:
        return self.typed or f"{self.name}={self.value:g}"


@dataclass(frozen=True)
class Edits:
    x: tuple[EditX, ...] = ()
    clamps: tuple[Clamp, ...] = ()
    weights: tuple[SetWeight, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.x or self.clamps or self.weights)

    def describe(self) -> list[str]:
        return [e.describe() for e in (*self.x, *self.clamps, *self.weights)]


# ----- parsing -----------------------------------------------------------------------------------
_CLAMP = re.compile(r"^\s*(?:l(?P<layer>\d+)\.)?(?:(?P<dir>fwd|bwd)\.)?(?P<part>[a-z]+)"
                    r"(?:\[(?P<units>[^\]]*)\])?\s*=\s*(?P<value>[^@]+?)\s*"
                    r"(?:@\s*(?P<steps>[^@]*))?\s*$")
_SET = re.compile(r"^\s*(?P<name>[A-Za-z_][\w.]*)\s*(?:\[(?P<index>[^\]]*)\])?\s*"
                  r"(?P<op>\*?=)\s*(?P<value>.+?)\s*$")


def _ranges(units: tuple[int, ...]) -> str:
    if len(units) > 1 and units == tuple(range(units[0], units[-1] + 1)):
        return f"{units[0]}:{units[-1] + 1}"
    return ",".join(str(u) for u in units)


def _number(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise RnnvizError(f"{what}: {text!r} is not a number") from None
    if not np.isfinite(value):
        raise RnnvizError(f"{what}: the value must be finite, got {text}")
    return value


def _whole(text: str, what: str) -> int:
    text = text.strip()
    if not re.fullmatch(r"-?\d+", text):
        raise RnnvizError(f"{what}: {text!r} is not a whole number")
    return int(text)


def parse_edit_x(text: str) -> EditX:
    step, sep, value = text.partition("=")
    if not sep or not value.strip():
        raise RnnvizError(f"--edit-x {text!r}: write STEP=VALUES, e.g. 5=0.7, 5=0.1,0,2 or, "
                          f"for text, 5=e")
    return EditX(_whole(step, f"--edit-x {text!r}"), value.strip())


def _units(text: str, what: str) -> tuple[int, ...]:
    units: list[int] = []
    for piece in text.split(","):
        piece = piece.strip()
        if ":" in piece:
            lo, _, hi = piece.partition(":")
            a, b = _whole(lo or "0", what), _whole(hi, what) if hi.strip() else None
            if b is None:
                raise RnnvizError(f"{what}: a unit range needs its end, e.g. [0:4]")
            units.extend(range(a, b))
        elif piece:
            units.append(_whole(piece, what))
    if not units:
        raise RnnvizError(f"{what}: no units between the brackets; e.g. [3], [0:4], [1,5]")
    return tuple(dict.fromkeys(units))


def parse_clamp(text: str) -> Clamp:
    what = f"--clamp {text!r}"
    m = _CLAMP.match(text)
    if not m:
        raise RnnvizError(f"{what}: write [lL.][fwd.|bwd.]PART[UNITS]=VALUE[@FROM:TO], e.g. "
                          f"f=1, l1.z[0:4]=0@10:, bwd.c[3]=0@7:8")
    start, stop = 0, None
    if m["steps"] is not None:
        steps = m["steps"].strip()
        if ":" in steps:
            lo, _, hi = steps.partition(":")
            start = _whole(lo, what) if lo.strip() else 0
            stop = _whole(hi, what) if hi.strip() else None
        else:
            start = _whole(steps, what)
            stop = start + 1
    return Clamp(m["part"], _number(m["value"], what),
                 None if m["layer"] is None else int(m["layer"]), m["dir"],
                 None if m["units"] is None else _units(m["units"], what), start, stop)


def _index(text: str, what: str) -> tuple:
    out = []
    for piece in text.split(","):
        piece = piece.strip()
        if ":" in piece:
            lo, _, hi = piece.partition(":")
            out.append(slice(_whole(lo, what) if lo.strip() else None,
                             _whole(hi, what) if hi.strip() else None))
        else:
            out.append(_whole(piece, what))
    return tuple(out)


def parse_set(text: str) -> SetWeight:
    what = f"--set {text!r}"
    m = _SET.match(text)
    if not m:
        raise RnnvizError(f"{what}: write NAME[INDEX]=VALUE (or *=FACTOR), e.g. "
                          f"weight_hh_l0[3, 5]=0, bias_ih_l0[8:16]=0, weight_hh_l0[:, 2]*=0.5")
    index = _index(m["index"], what) if m["index"] is not None else ()
    return SetWeight(m["name"], index, _number(m["value"], what), m["op"] == "*=",
                     text.strip())


def parse_edits(edit_x=(), clamp=(), set_=()) -> Edits:
    return Edits(tuple(parse_edit_x(t) for t in edit_x or ()),
                 tuple(parse_clamp(t) for t in clamp or ()),
                 tuple(parse_set(t) for t in set_ or ()))


# ----- checking against a network and a run ------------------------------------------------------
def check_edits(edits: Edits, network: Network, steps: int) -> list[str]:
    """Refuse what names no such part, layer, unit, step or weight (the valid ones listed);
    return notes on what is allowed but unusual (a gate held outside its range)."""
    spec, notes = network.spec, []
    parts = list(spec.parts)
    for e in edits.x:
        if not 0 <= e.step < steps:
            raise RnnvizError(f"--edit-x {e.describe()}: step {e.step} is outside 0..{steps - 1}")
    for c in edits.clamps:
        what = f"--clamp {c.describe()}"
        if c.part not in parts:
            raise RnnvizError(f"{what}: an {spec.title()} has no part {c.part!r}; its parts "
                              f"are {', '.join(parts)}")
        if c.layer is not None and not 0 <= c.layer < spec.num_layers:
            raise RnnvizError(f"{what}: no layer l{c.layer}; this network has "
                              + ", ".join(f"l{k}" for k in range(spec.num_layers))
                              + " (counted from 0, as torch's _l0)")
        if c.direction is not None and c.direction not in spec.directions():
            raise RnnvizError(f"{what}: no direction {c.direction!r}; this network runs "
                              f"{' and '.join(spec.directions())}")
        size = spec.part_size(c.part)
        if c.units is not None and not all(0 <= u < size for u in c.units):
            bad = next(u for u in c.units if not 0 <= u < size)
            raise RnnvizError(f"{what}: unit {bad} is outside 0..{size - 1} (the part "
                              f"{c.part!r} has {size} units)")
        stop = steps if c.stop is None else c.stop
        if not 0 <= c.start < steps or not c.start < stop <= steps:
            raise RnnvizError(f"{what}: steps {c.start}..{stop - 1} are not inside "
                              f"0..{steps - 1}")
        if c.part in SIGMOID_PARTS and not 0 <= c.value <= 1:
            notes.append(f"{what}: a sigmoid gate is held at {c.value:g}, outside [0, 1]")
        if c.part in TANH_PARTS and not -1 <= c.value <= 1:
            notes.append(f"{what}: {c.part} is a tanh, held at {c.value:g}, outside [-1, 1]")
    for w in edits.weights:
        _weight_target(w, network)
    return notes


def _weight_target(w: SetWeight, network: Network) -> str:
    """The network's name of the parameter `w` edits (a file's module prefix is allowed)."""
    names = [n for n in network.params if n != "embedding.weight"]
    name = _head_name(w.name, network)
    if name not in network.params:
        tails = [n for n in names if name.endswith("." + n) or name.endswith(n) and
                 name[: -len(n)].endswith(".")]
        if len(tails) != 1:
            raise RnnvizError(f"--set {w.describe()}: no parameter {w.name!r}; this network "
                              f"has {', '.join(names)}")
        name = tails[0]
    value = network.params[name]
    if len(w.index) > value.ndim:
        raise RnnvizError(f"--set {w.describe()}: {name} has {value.ndim} dimension(s) "
                          f"{tuple(value.shape)}, indexed with {len(w.index)}")
    for k, (i, size) in enumerate(zip(w.index, value.shape)):
        if isinstance(i, int) and not -size <= i < size:
            raise RnnvizError(f"--set {w.describe()}: index {i} of dimension {k} is outside "
                              f"0..{size - 1} ({name} is {tuple(value.shape)})")
    if value[w.index].numel() == 0:
        raise RnnvizError(f"--set {w.describe()}: the index selects no entry of {name} "
                          f"{tuple(value.shape)}")
    return name


def _head_name(name: str, network: Network) -> str:
    """`linear.weight` (how rnnviz exports a head) or the head's own module in the file
    (`decoder.weight` in the word LM) is the network's `head.weight`."""
    module, _, leaf = name.rpartition(".")
    if network.spec.head is None or leaf not in ("weight", "bias") or not module:
        return name
    found = [m[1] for m in (re.match(r"found output head '(.*?)'", n)
                            for n in network.spec.notes) if m]
    return f"head.{leaf}" if module in ("linear", "head", *found) else name


# ----- applying ---------------------------------------------------------------------------------
def with_weights(network: Network, edits: Edits) -> Network:
    """A copy of the network with the weight edits made (the original is untouched)."""
    if not edits.weights:
        return network
    params = {k: v.clone() for k, v in network.params.items()}
    for w in edits.weights:
        name = _weight_target(w, network)
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
    values = [_number(v, what) for v in e.value.split(",")]
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
    net = with_weights(network, edits)
    dtype = torch.float64 if original.x.dtype == np.float64 else torch.float32
    steps = original.length
    changed_weights = {w for w in (_weight_target(e, network) for e in edits.weights)}
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
    path with the clamps from there on."""
    spec = net.spec
    names = list(spec.parts)
    old = {k: original.part(layer, direction, k) for k in names}
    if first is None:
        return old
    new = {k: v.copy() for k, v in old.items()}
    p = net.cell_params(layer, direction, "cpu", dtype)
    h = torch.from_numpy(original.previous_state(layer, direction, "h", first)).to(dtype)
    c = torch.from_numpy(original.previous_state(layer, direction, "c", first)).to(dtype) \
        if spec.cell == "lstm" else None
    order = range(first, original.length) if direction == "fwd" else range(first, -1, -1)
    x = torch.from_numpy(np.ascontiguousarray(layer_in)).to(dtype)
    computed: dict[str, list] = {k: [] for k in names}
    with torch.no_grad():
        gi = input_projection(p, x)  # every step's W_ih x_t + b_ih in one product
        for t in order:
            hold = step_holder(clamps, t, original.length)
            if spec.cell == "lstm":
                h, c, step_parts = lstm_step(p, x[t], h, c, hold, gi[t])
            elif spec.cell == "gru":
                h, step_parts = gru_step(p, x[t], h, hold, gi[t])
            else:
                h, step_parts = rnn_step(p, x[t], h, spec.nonlinearity, hold, gi[t])
            for k in names:
                computed[k].append(step_parts[k])
    steps = list(order)
    lo, hi = min(steps), max(steps) + 1
    for k in names:  # one copy per part, in time order
        values = torch.stack(computed[k] if direction == "fwd" else computed[k][::-1])
        new[k][lo:hi] = values.numpy()
    return new


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


# ----- as the window keeps them: one line per edit ------------------------------------------------
KINDS = ("edit-x", "clamp", "set")  # the command line's flags, without their dashes


def edit_lines(edit_x=(), clamp=(), set_=()) -> str | None:
    """The window's form of the command line's edits: "clamp f=1@10:" per line (None: none)."""
    lines = [f"edit-x {t}" for t in edit_x or ()] + [f"clamp {t}" for t in clamp or ()] \
        + [f"set {t}" for t in set_ or ()]
    return "\n".join(lines) or None


def split_line(line: str) -> tuple[bool, str, str]:
    """(on, kind, spec) of one line; a line starting with '#' is an edit switched off."""
    on = not line.startswith("#")
    kind, _, spec = line.lstrip("#").strip().partition(" ")
    if kind not in KINDS or not spec.strip():
        raise RnnvizError(f"edit {line!r}: write 'clamp f=1@10:', 'edit-x 5=0.7' or "
                          f"'set weight_hh_l0[3,5]=0'")
    return on, kind, spec.strip()


def edits_from_lines(text: str | None) -> Edits:
    """The edits switched on among the window's lines."""
    chosen: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for line in (text or "").splitlines():
        if line.strip():
            on, kind, spec = split_line(line.strip())
            if on:
                chosen[kind].append(spec)
    return parse_edits(chosen["edit-x"], chosen["clamp"], chosen["set"])
