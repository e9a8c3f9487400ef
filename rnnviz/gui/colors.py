"""One colour per gate everywhere, and fixed colour scales that never rescale per step.

Sigmoid gates live in [0, 1]: a sequential map (viridis) with fixed levels 0..1.
Signed values (tanh parts, states) use a diverging blue–white–red map centred at 0.
"""

from __future__ import annotations

import numpy as np

# Gate colours (Okabe–Ito based: distinguishable with the common colour-vision deficiencies).
PART_COLORS = {
    "i": "#009E73",  # input gate: green (lets new content in)
    "f": "#D55E00",  # forget gate: vermilion (erases memory)
    "g": "#CC79A7",  # candidate: reddish purple (the content itself)
    "o": "#0072B2",  # output gate: blue
    "c": "#E69F00",  # cell state: orange (the memory line)
    "m": "#56B4E9",  # pre-projection hidden
    "h": "#333333",  # hidden state: near black
    "r": "#D55E00",  # GRU reset gate: like forget, it drops old state
    "z": "#009E73",  # GRU update gate: like input, it mixes in the new
    "n": "#CC79A7",  # GRU candidate
    "x": "#7F7F7F",  # input
    "y": "#6A3D9A",  # output head
}

# Short names for the gate boxes of the cell diagram (English; gate_labels(): the window's
# language).
GATE_LABELS = {
    "i": "input i", "f": "forget f", "g": "candidate g", "o": "output o",
    "r": "reset r", "z": "update z", "n": "candidate n",
}


def gate_labels() -> dict[str, str]:
    """GATE_LABELS in the window's language (the letter stays: it is the equations')."""
    from rnnviz.gui.i18n import tr

    return {"i": tr("input i"), "f": tr("forget f"), "g": tr("candidate g"),
            "o": tr("output o"), "r": tr("reset r"), "z": tr("update z"),
            "n": tr("candidate n")}

SIGMOID_PARTS = frozenset("ifozr")  # values in (0, 1)

_VIRIDIS = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"]
_DIVERGING = ["#2166ac", "#67a9cf", "#f7f7f7", "#ef8a62", "#b2182b"]


def _hex_rgb(color: str) -> tuple[int, int, int]:
    return tuple(int(color[k:k + 2], 16) for k in (1, 3, 5))


def lookup_table(anchors: list[str], n: int = 256) -> np.ndarray:
    """(n, 3) uint8 colours interpolated linearly between evenly spaced anchors."""
    rgb = np.array([_hex_rgb(c) for c in anchors], dtype=float)  # (k, 3)
    pos = np.linspace(0, 1, len(anchors))
    t = np.linspace(0, 1, n)
    return np.stack([np.interp(t, pos, rgb[:, j]) for j in range(3)], axis=1).astype(np.uint8)


SEQUENTIAL_LUT = lookup_table(_VIRIDIS)
DIVERGING_LUT = lookup_table(_DIVERGING)
SEQUENTIAL_ANCHORS, DIVERGING_ANCHORS = _VIRIDIS, _DIVERGING


def scale_for(part: str, bound: float = 1.0) -> tuple[tuple[float, float], np.ndarray]:
    """Fixed levels and colour table for a part: 0..1 for sigmoid gates, ±bound otherwise."""
    if part in SIGMOID_PARTS:
        return (0.0, 1.0), SEQUENTIAL_LUT
    return (-bound, bound), DIVERGING_LUT


def state_bound(values: np.ndarray) -> float:
    """Symmetric level for an unbounded state (c, relu h): the trace's max |value|, ≥ 1.

    Taken over the whole trace, so the picture does not rescale while stepping.
    """
    return bound_of_peak(float(np.abs(values).max()) if values.size else 1.0)


def bound_of_peak(peak: float) -> float:
    """The level for a largest |value| of `peak`: at least 1, rounded up to a quarter."""
    return max(1.0, float(np.ceil(peak * 4) / 4))


def map_colors(values: np.ndarray, levels: tuple[float, float], lut: np.ndarray) -> np.ndarray:
    """Values -> (…, 3) uint8 colours with fixed levels (clipped)."""
    lo, hi = levels
    idx = np.clip((values - lo) / (hi - lo), 0, 1) * (len(lut) - 1)
    return lut[np.nan_to_num(idx).astype(np.intp)]


def nice_bound(peak: float) -> float:
    """A round symmetric level (1, 2 or 5 × 10^k) at or above `peak`: a difference between
    two runs can be small, so unlike state_bound there is no floor of 1."""
    if not np.isfinite(peak) or peak <= 0:
        return 1.0
    exponent = np.floor(np.log10(peak))
    for step in (1.0, 2.0, 5.0, 10.0):
        bound = float(step * 10.0 ** exponent)
        if bound >= peak * (1 - 1e-9):
            return float(f"{bound:.6g}")
    return float(10.0 ** (exponent + 1))


DIFFERENCE_COLOR = "#B2182B"  # the divergence mark: the diverging map's red end
