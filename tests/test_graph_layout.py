"""Geometry of the unrolled graph (no Qt): rows, and which row feeds which."""

from rnnviz.core.spec import HeadSpec, NetworkSpec
from rnnviz.gui.views.graph_layout import graph_rows, vertical_links


def names(links):
    return {(a.label, b.label) for a, b, _ in links}


def test_stacked_rows_feed_upwards():
    rows = graph_rows(NetworkSpec("lstm", 1, 4, num_layers=2, head=HeadSpec(3)))
    assert [r.kind for r in rows] == ["x", "layer", "layer", "y"]
    assert all(a.top < b.bottom for a, b in zip(rows, rows[1:]))
    assert names(vertical_links(rows)) == {("x  input", "layer 1"), ("layer 1", "layer 2"),
                                           ("layer 2", "y  output")}


def test_bidirectional_directions_feed_only_their_concatenation():
    rows = graph_rows(NetworkSpec("gru", 1, 4, num_layers=2, bidirectional=True,
                                  head=HeadSpec(2)))
    links = vertical_links(rows)
    assert names(links) == {
        ("x  input", "layer 1 →"), ("x  input", "layer 1 ←"),
        ("layer 1 →", "[→ ; ←] 1"), ("layer 1 ←", "[→ ; ←] 1"),
        ("[→ ; ←] 1", "layer 2 →"), ("[→ ; ←] 1", "layer 2 ←"),
        ("layer 2 →", "[→ ; ←] 2"), ("layer 2 ←", "[→ ; ←] 2"),
        ("[→ ; ←] 2", "y  output"),
    }
    for a, b, dx in links:  # → arrows run left of centre, ← arrows right, never crossing
        directions = {r.direction for r in (a, b) if r.kind == "layer"}
        assert dx < 0 if directions == {"fwd"} else dx > 0 if directions == {"bwd"} else True


def test_strip_image_is_each_values_colour_in_its_columns():
    """Every node pixel, computed pixel by pixel: columns 1-3 of each step's 5 carry the
    value's colour (NaN/inf magenta), 0 and 4 stay transparent, as do absent steps."""
    import numpy as np

    from rnnviz.gui.colors import map_colors, scale_for
    from rnnviz.gui.views.graph_layout import NONFINITE_RGB, PIXELS_PER_STEP, strip_image

    rng = np.random.default_rng(3)
    values = rng.standard_normal((7, 130)).astype(np.float32) * 2  # 130 units: every 3rd
    values[2, 0], values[3, 3], values[4, 6] = np.nan, np.inf, -np.inf
    present = np.array([1, 1, 1, 1, 1, 0, 1], bool)
    for part in ("h", "f"):
        levels, lut = scale_for(part, 1.5)
        image = strip_image(values, levels, lut, present)
        shown = values[:, ::3]
        assert image.shape == (shown.shape[1], 7 * PIXELS_PER_STEP, 4)
        for t in range(7):
            for u in range(shown.shape[1]):
                value = shown[t, u]
                rgb = NONFINITE_RGB if not np.isfinite(value) else \
                    tuple(map_colors(np.array([value]), levels, lut)[0])
                for k in range(PIXELS_PER_STEP):
                    pixel = tuple(image[u, t * PIXELS_PER_STEP + k])
                    node = present[t] and 1 <= k <= 3
                    assert pixel == ((*rgb, 255) if node else (0, 0, 0, 0))
