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

The edited run itself is recomputed in edited_run.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from rnnviz.core.errors import RnnvizError
from rnnviz.core.network import Network

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


def parse_number(text: str, what: str) -> float:
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


def _span(piece: str, what: str) -> tuple[int | None, int | None]:
    """'a:b', 'a:', ':b' → (a or None, b or None): a unit range, a step range, a slice."""
    lo, _, hi = piece.partition(":")
    return (_whole(lo, what) if lo.strip() else None,
            _whole(hi, what) if hi.strip() else None)


def _units(text: str, what: str) -> tuple[int, ...]:
    units: list[int] = []
    for piece in text.split(","):
        piece = piece.strip()
        if ":" in piece:
            a, b = _span(piece, what)
            if b is None:
                raise RnnvizError(f"{what}: a unit range needs its end, e.g. [0:4]")
            units.extend(range(a or 0, b))
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
            first, stop = _span(steps, what)
            start = first or 0
        else:
            start = _whole(steps, what)
            stop = start + 1
    return Clamp(m["part"], parse_number(m["value"], what),
                 None if m["layer"] is None else int(m["layer"]), m["dir"],
                 None if m["units"] is None else _units(m["units"], what), start, stop)


def _index(text: str, what: str) -> tuple:
    out = []
    for piece in text.split(","):
        piece = piece.strip()
        if ":" in piece:
            out.append(slice(*_span(piece, what)))
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
    return SetWeight(m["name"], index, parse_number(m["value"], what), m["op"] == "*=",
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
        weight_target(w, network)
    return notes


def weight_target(w: SetWeight, network: Network) -> str:
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
