"""Ranges over a whole trace, for fixed scales: from the arrays, or from the overview of a
trace too long to hold (rnnviz.core.long_trace), which keeps every bin's min and max."""

from __future__ import annotations

import numpy as np

from rnnviz.core.trace_keys import part_key
from rnnviz.gui.colors import bound_of_peak, state_bound


def is_long(trace) -> bool:
    return getattr(trace, "store", None) is not None


def part_bound(trace, layer: int, direction: str, name: str) -> float:
    """state_bound of one part over every step."""
    if is_long(trace):
        return bound_of_peak(trace.overview.bound(part_key(layer, direction, name)))
    return state_bound(trace.part(layer, direction, name))


def input_bound(trace, layer: int) -> float:
    """state_bound of what `layer` reads: x, or the layer below's h (both directions)."""
    if layer == 0 or not is_long(trace):
        return state_bound(trace.layer_input(layer))
    return max(part_bound(trace, layer - 1, d, "h") for d in trace.spec.directions())


def value_range(trace, which: str, b: int, t: int = 0) -> tuple[float, float]:
    """As whole_range, remembered per trace (read at every step; a trace never changes:
    over a whole trace of T=20,000 steps, H=256, finding it took 6 ms a step)."""
    if is_long(trace) and not trace_has_overview(trace, which):
        return whole_range(trace, which, b, t)  # over the chunk of t: it moves with t
    memo = trace.__dict__.setdefault("_ranges", {})
    if (which, b) not in memo:
        memo[which, b] = whole_range(trace, which, b, t)
    return memo[which, b]


def trace_has_overview(trace, which: str) -> bool:
    top = trace.spec.num_layers - 1
    keys = ["y"] if which == "y" else [part_key(top, d, "h") for d in trace.spec.directions()]
    return all(k in trace.overview.lo for k in keys)


def whole_range(trace, which: str, b: int, t: int = 0) -> tuple[float, float]:
    """(min, max) of the finite values of `which` ("y": the head's output, "output": the
    top layer's) for batch element b, over every step (a long trace whose head is too wide
    for its overview: over the chunk of step t)."""
    if not is_long(trace):
        values = (trace.y if which == "y" else trace.output)[:, b]
        finite = values[np.isfinite(values)]
        return (float(finite.min()), float(finite.max())) if finite.size else (-1.0, 1.0)
    overview = trace.overview
    top = trace.spec.num_layers - 1
    keys = ["y"] if which == "y" else [part_key(top, d, "h") for d in trace.spec.directions()]
    if not all(k in overview.lo for k in keys):
        start, stop = trace.near(t, 0)
        return value_range(trace.window(start, stop), which, b)
    lo = np.concatenate([overview.lo[k][:, b] for k in keys]).ravel()
    hi = np.concatenate([overview.hi[k][:, b] for k in keys]).ravel()
    lo, hi = lo[np.isfinite(lo)], hi[np.isfinite(hi)]
    return (float(lo.min()) if lo.size else -1.0, float(hi.max()) if hi.size else 1.0)


def row_bound(trace, row, b: int) -> float | None:
    """The colour bound of a graph row over the whole of a long trace (None: not long, the
    row's own values decide). x is held whole; h and c come from the overview."""
    if not is_long(trace):
        return None
    memo = trace.__dict__.setdefault("_row_bounds", {})
    key = (row.kind, row.layer, row.direction, b)
    if key not in memo:
        spec = trace.spec
        if row.kind == "x":
            memo[key] = state_bound(trace.x[:, b])
        elif row.kind == "layer":
            memo[key] = part_bound(trace, row.layer, row.direction, "h")
        elif row.kind == "cat":
            memo[key] = max(part_bound(trace, row.layer, d, "h") for d in spec.directions())
        else:
            lo, hi = value_range(trace, "y", b)
            memo[key] = bound_of_peak(max(abs(lo), abs(hi)))
    return memo[key]
