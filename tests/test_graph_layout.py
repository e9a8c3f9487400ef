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
