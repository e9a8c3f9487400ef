"""Where each row of the unrolled graph sits: pure geometry, no Qt, testable alone.

Bottom to top, as in the seed articles' figures: the input x_t, then each layer (both
directions for a bidirectional network, then their concatenation), then the output.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.gui.colors import scale_for, state_bound
from rnnviz.gui.i18n import tr

PIXELS_PER_STEP = 5  # 3 coloured + 2 gap: room for the arrow between neighbouring nodes
MAX_ROWS_OF_UNITS = 64  # a node is a thumbnail; the exact values are in the other views
NODE_HALF_WIDTH = 0.3  # nodes span t ± 0.3 (3 of the 5 pixels, centred)
ROW_GAP = 0.55  # vertical room between rows, for the arrows up the layers
HEIGHTS = {"x": 0.5, "layer": 0.7, "lstm": 0.9, "cat": 0.4, "y": 0.5}
C_STRIP = 0.3  # LSTM: the cell-state strip on top of the layer's node
NONFINITE_RGB = (255, 0, 255)  # magenta: a NaN or inf value


@dataclass(frozen=True)
class Row:
    kind: str  # "x" | "layer" | "cat" | "y"
    y: float  # centre in view coordinates
    height: float  # of the node strips
    label: str
    layer: int = -1
    direction: str = "fwd"

    @property
    def selectable(self) -> bool:
        return self.kind == "layer"

    @property
    def bottom(self) -> float:
        return self.y - self.height / 2

    @property
    def top(self) -> float:
        return self.y + self.height / 2


def graph_rows(spec) -> list[Row]:
    """Rows of the unrolled graph for a network spec, bottom (x) to top (y)."""
    layer_height = HEIGHTS["lstm" if spec.cell == "lstm" else "layer"]
    arrows = {"fwd": "→", "bwd": "←"}
    wanted: list[tuple] = [("x", HEIGHTS["x"], tr("x  input"), -1, "fwd")]
    for layer in range(spec.num_layers):
        for direction in spec.directions():
            name = tr("layer {n}").format(n=layer + 1) + (
                f" {arrows[direction]}" if spec.bidirectional else "")
            wanted.append(("layer", layer_height, name, layer, direction))
        if spec.bidirectional:
            wanted.append(("cat", HEIGHTS["cat"], f"[→ ; ←] {layer + 1}", layer, "fwd"))
    if spec.head is not None:
        wanted.append(("y", HEIGHTS["y"], tr("y  output"), -1, "fwd"))
    rows, top = [], None
    for kind, height, label, layer, direction in wanted:
        y = 0.0 if top is None else top + ROW_GAP + height / 2
        rows.append(Row(kind, y, height, label, layer, direction))
        top = y + height / 2
    return rows


def vertical_links(rows: list[Row]) -> list[tuple[Row, Row, float]]:
    """(from, to, x offset) for the arrows up the graph.

    A layer reads the row below it: x, or the previous layer (for a bidirectional
    network, the previous layer's concatenation [→ ; ←]). Both directions of a layer
    feed their concatenation. In a bidirectional network the two directions' arrows are
    offset left (→) and right (←) and pass behind the other direction's nodes, so no
    arrow suggests that one direction feeds the other.
    """
    bidirectional = any(r.kind == "cat" for r in rows)
    links, source = [], rows[0]
    for row in rows[1:]:
        if row.kind == "layer":
            dx = (-0.1 if row.direction == "fwd" else 0.1) if bidirectional else 0.0
            links.append((source, row, dx))
            if not bidirectional:
                source = row
        elif row.kind == "cat":
            for below in rows:
                if below.kind == "layer" and below.layer == row.layer:
                    links.append((below, row, -0.1 if below.direction == "fwd" else 0.1))
            source = row
        else:  # the output head reads the top of the stack
            links.append((source, row, 0.0))
    return links


def unit_stride(units: int) -> int:
    return max(1, int(np.ceil(units / MAX_ROWS_OF_UNITS)))


def strip_image(values: np.ndarray, levels, lut, present: np.ndarray | None = None
                ) -> np.ndarray:
    """(T, U) values -> (U', T*PIXELS_PER_STEP, 4) RGBA, row-major, with transparent gaps.

    `present` (T,) bool: steps that have this node at all (N→1's one output); the others
    are left transparent, not drawn as a value."""
    values = values[:, :: unit_stride(values.shape[1])].T  # (U', T)
    lo, hi = levels
    colours = lut_words(lut)
    idx = np.clip((values - lo) / (hi - lo), 0, 1) * (len(lut) - 1)
    idx = np.nan_to_num(idx).astype(np.intp)
    idx[~np.isfinite(values)] = len(lut)  # NaN/inf shown as such, never clipped
    units, steps = values.shape
    # one 32-bit word per pixel: a colour is copied whole into pixels 1-3 of 0-4
    image = np.zeros((units, steps, PIXELS_PER_STEP), dtype=np.uint32)
    image[:, :, 1:4] = colours[idx][:, :, None]
    if present is not None:
        image[:, ~present] = 0
    return image.view(np.uint8).reshape(units, steps * PIXELS_PER_STEP, 4)


_WORDS: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # id(lut) -> (lut, its words)


def lut_words(lut: np.ndarray) -> np.ndarray:
    """A colour table's opaque RGBA8888 pixels as 32-bit words (one copy of a word is one
    pixel), with the NaN/inf colour after the table's own."""
    kept = _WORDS.get(id(lut))
    if kept is None or kept[0] is not lut:
        rgba = np.full((len(lut) + 1, 4), 255, dtype=np.uint8)
        rgba[:-1, :3] = lut
        rgba[-1, :3] = NONFINITE_RGB
        kept = _WORDS[id(lut)] = (lut, rgba.view(np.uint32)[:, 0])
    return kept[1]


def row_values(trace, row: Row, batch: int) -> tuple[np.ndarray, str]:
    """(T, U) values shown in a row's nodes, and the part name that sets its colours."""
    spec = trace.spec
    if row.kind == "x":
        return trace.x[:, batch], "x"
    if row.kind == "layer":
        return trace.part(row.layer, row.direction, "h")[:, batch], "h"
    if row.kind == "cat":
        return trace.layer_input(row.layer + 1)[:, batch] if row.layer + 1 < spec.num_layers \
            else trace.output[:, batch], "h"
    activation = spec.head.activation
    y = np.exp(trace.y[:, batch]) if activation == "log_softmax" else trace.y[:, batch]
    return y, ("p" if activation != "none" else "y")


def row_scale(spec, part: str, values: np.ndarray, bound: float | None = None):
    """Fixed colour levels: probabilities 0..1; bounded h ±1; other values ±max over T
    (`bound`: that max taken over a whole long trace, when `values` are a window of it)."""
    if part == "p":
        return scale_for("i")  # sequential 0..1
    if part == "h" and not (spec.cell == "rnn" and spec.nonlinearity == "relu") \
            and not spec.proj_size:
        return scale_for("h", 1.0)
    return scale_for("c", state_bound(values) if bound is None else bound)


GRADIENT_LEVELS = (-8.0, 1.0)  # log10 |∂L/∂·|: fixed, so steps and networks compare


def log_magnitude(values: np.ndarray) -> np.ndarray:
    """log10 |values|; NaN/inf stay NaN/inf, so they are drawn as such (never clipped)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log10(np.abs(values) + 1e-30)


def gradient_values(grads, row: Row, batch: int) -> np.ndarray | None:
    """(T, U) gradient magnitudes shown in a row, or None where none is kept (the head)."""
    a = grads.arrays
    if row.kind == "x":
        return a["dx"][:, batch]
    if row.kind == "layer":
        return a[f"l{row.layer}_{row.direction}_dh"][:, batch]
    if row.kind == "cat":
        keys = [k for k in (f"l{row.layer}_fwd_dh", f"l{row.layer}_bwd_dh") if k in a]
        return np.concatenate([a[k][:, batch] for k in keys], axis=-1)
    return None


ARROW_WIDTHS = (0.6, 1.2, 2.0, 3.0, 4.2, 5.6)  # px, thinnest to thickest gradient


def arrow_width_bucket(norms: np.ndarray) -> np.ndarray:
    """Which of ARROW_WIDTHS draws each arrow, from the gradient norm flowing back along it.

    Same fixed log scale as the node colours (GRADIENT_LEVELS), so a thin arrow means a
    small gradient in any network. NaN/inf get -1: drawn apart, in magenta, never clipped.
    """
    lo, hi = GRADIENT_LEVELS
    scaled = (log_magnitude(norms) - lo) / (hi - lo) * len(ARROW_WIDTHS)
    bucket = np.clip(np.nan_to_num(scaled, nan=0.0, posinf=0.0, neginf=0.0), 0,
                     len(ARROW_WIDTHS) - 1).astype(np.intp)
    return np.where(np.isfinite(norms), bucket, -1)


def arrow_norms(grads, row: Row, part: str, batch: int) -> np.ndarray | None:
    """(T,) ‖∂L/∂·‖ of a row's h (or LSTM c) at each step: what flows back along the arrows
    that end there. None for the output row (no gradient is kept for y)."""
    a = grads.arrays
    if row.kind == "x":
        return a["dx_norm"][:, batch]
    if row.kind == "layer":
        return a[f"l{row.layer}_{row.direction}_d{part}_norm"][:, batch]
    if row.kind == "cat":
        return np.linalg.norm(gradient_values(grads, row, batch), axis=-1)
    return None
