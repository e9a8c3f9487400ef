"""What if in the views: after an edit every view shows the edited run against the original
(the graph by difference, dashed originals, both numbers in the equations, the divergence
marked), and right-clicks offer edits prefilled with the values shown."""

from __future__ import annotations

import numpy as np
import pytest
from gui_support import load
from PySide6.QtCore import Qt

from rnnviz.core.interventions import check_edits, parse_clamp, parse_edit_x, parse_edits, parse_set
from rnnviz.gui.config import Config
from rnnviz.gui.equations import line_texts
from rnnviz.gui.views import state_difference

CLAMPED = Config(cell="lstm", hidden_size=8, length=40, edits="clamp f=1@10:")


@pytest.fixture
def asked(window, monkeypatch):
    """The edits the views ask the window's edit dialog for: (kind, prefill)."""
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "ask_edit", lambda kind, prefill: calls.append(
        (kind, prefill)), raising=False)
    return calls


def _layer_row(graph):
    return next(r for r in graph.rows if r.kind == "layer")


def _checked(window, kind: str, prefill: str) -> None:
    """The prefill parses as its kind's edit and passes check_edits on this network."""
    parse = {"edit-x": parse_edit_x, "clamp": parse_clamp, "set": parse_set}[kind]
    parse(prefill)
    edits = parse_edits(*([prefill] if k == kind else [] for k in ("edit-x", "clamp", "set")))
    check_edits(edits, window.sim.snapshot.network, window.sim.trace.length)


def test_graph_colours_by_difference_then_values(qtbot, window):
    load(qtbot, window, CLAMPED)
    snap, graph = window.sim.snapshot, window.graph
    edited, original = snap.trace, snap.original
    assert original is not None and snap.diverges_at == 10
    assert graph.showing_difference()
    row = _layer_row(graph)
    dh = graph.shown["", row.label, "Δh"]
    dc = graph.shown["", row.label, "Δc"]
    np.testing.assert_array_equal(dh, edited.part(0, "fwd", "h")[:, 0]
                                  - original.part(0, "fwd", "h")[:, 0])
    np.testing.assert_array_equal(dc, edited.part(0, "fwd", "c")[:, 0]
                                  - original.part(0, "fwd", "c")[:, 0])
    assert not dh[:10].any() and not dc[:10].any()  # before the edit: exactly 0 (white)
    assert np.abs(dc[10:]).max() > 0
    titles = [s.title for s in graph.legend.scales]
    assert any("Δh" in t for t in titles) and any("Δc" in t for t in titles)
    for scale in graph.legend.scales:  # symmetric around 0
        assert scale.levels[0] == -scale.levels[1]
    assert "edited − original" in graph.getPlotItem().titleLabel.text
    assert graph._diverge.isVisible() and graph._diverge.value() == pytest.approx(9.5)
    assert window.transport.slider.mark == 10
    # the toggle (right-click anywhere) goes back to the edited run's values
    toggle = next(a for a in graph.context_menu(5.0, -50.0).actions()
                  if a.text().startswith("Colour by difference"))
    assert toggle.isChecked()
    toggle.trigger()
    assert not graph.showing_difference()
    np.testing.assert_array_equal(graph.shown["", row.label, "h"],
                                  edited.part(0, "fwd", "h")[:, 0])
    assert "edited − original" not in graph.getPlotItem().titleLabel.text
    assert graph._diverge.isVisible()  # the mark stays: where the runs part
    graph.set_difference_mode(True)
    assert graph.showing_difference()


def test_nothing_changes_without_edits(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=8, length=40))
    graph = window.graph
    assert window.sim.snapshot.original is None and not graph.showing_difference()
    assert not graph._diverge.isVisible() and window.transport.slider.mark is None
    assert ("", _layer_row(graph).label, "h") in graph.shown
    assert not any(k[2].startswith("Δ") for k in graph.shown)
    assert window.state_view.original_curves == []
    assert window.output_view.original_values is None
    assert all(line.was is None and not line.held for line in window.equation_view.lines)
    assert [a.text() for a in graph.context_menu(5.0, -50.0).actions()] == []


def test_states_and_output_hold_the_original_dashed(qtbot, window):
    load(qtbot, window, CLAMPED)
    original = window.sim.snapshot.original
    window.sim.seek(25)
    states = window.state_view
    units = states.picked_units()
    assert states.original_curves
    for curve in states.original_curves:
        part, unit = curve.original
        assert unit in units
        np.testing.assert_array_equal(curve.yData, original.part(0, "fwd", part)[:, 0, unit])
        assert curve.opts["pen"].style() == Qt.CustomDashLine
    assert {c.original[0] for c in states.original_curves} == {"h", "c"}
    assert "original" in states.curves_plot.titleLabel.text
    output = window.output_view
    np.testing.assert_array_equal(output.original_values, original.output[25, 0])
    assert not np.array_equal(output.values, output.original_values)
    assert "original" in output.caption.text()


def test_states_heatmaps_show_the_difference_then_the_values(qtbot, window):
    """After an edit the heatmaps hold edited − original (0 before the edit, on a fixed
    symmetric scale) under "Δh"/"Δc" labels; the right-click toggle gives the values back."""
    load(qtbot, window, CLAMPED)
    snap, states = window.sim.snapshot, window.state_view
    assert states.showing_difference()
    for name, heatmap, plot, bar in (("h", states.h_map, states.h_plot, states.h_bar),
                                     ("c", states.c_map, states.c_plot, states.c_bar)):
        want = snap.trace.part(0, "fwd", name)[:, 0] - snap.original.part(0, "fwd", name)[:, 0]
        shown = heatmap.image.image.T  # (T, units), as set_data was given it
        np.testing.assert_allclose(shown, want, rtol=0, atol=1e-7)
        assert not shown[:10].any() and np.abs(shown[10:]).max() > 0
        lo, hi = heatmap.image.levels
        assert lo == -hi and hi >= np.abs(want).max()
        assert plot.getAxis("left").labelText.startswith(f"Δ{name}")
        assert bar.scales[0].title == "Δ"
    menu = state_difference.toggle_menu(states, states.difference_mode,
                                        states.set_difference_mode)
    (toggle,) = menu.actions()
    assert toggle.isChecked()
    toggle.trigger()  # back to the values
    assert not states.showing_difference()
    np.testing.assert_array_equal(states.c_map.image.image.T, snap.trace.part(0, "fwd", "c")[:, 0])
    assert states.c_plot.getAxis("left").labelText.startswith("c")
    states.set_difference_mode(True)
    load(qtbot, window, CLAMPED.with_(edits=None))  # no edits: the values, whatever the mode
    assert not states.showing_difference()
    assert states.h_plot.getAxis("left").labelText.startswith("h")


def test_output_names_the_originals_top_guess_when_it_changed(qtbot, window):
    load(qtbot, window, CLAMPED)
    view = window.output_view
    assert view._original_guess(np.array([0.2, 0.8]), np.array([0.3, 0.7])) == ""
    said = view._original_guess(np.array([0.2, 0.8]), np.array([0.6, 0.4]))
    assert "original run" in said and "0.60" in said


def test_equations_show_both_numbers(qtbot, window):
    load(qtbot, window, CLAMPED)
    window.sim.seek(20)
    lines = {line.part: line for line in window.equation_view.lines}
    original = window.sim.snapshot.original
    f = lines["f"]
    assert f.held and f.value == 1.0
    assert f.was == pytest.approx(float(original.part(0, "fwd", "f")[20, 0, 0]))
    numbers = line_texts(f)[1]
    assert "held at 1.000" in numbers and f"(was {f.was:.3f})" in numbers
    c = lines["c"]
    assert c.was == pytest.approx(float(original.part(0, "fwd", "c")[20, 0, 0]))
    assert line_texts(c)[1].endswith(f"(was {c.was:.3f})".replace("-", "−"))
    window.sim.seek(5)  # before the edit: one number, as without edits
    assert all(line.was is None and not line.held for line in window.equation_view.lines)


def test_graph_node_menu_asks_for_prefilled_edits(qtbot, window, asked):
    load(qtbot, window, CLAMPED)
    graph = window.graph
    row = _layer_row(graph)
    menu = graph.context_menu(12.0, row.y)
    texts = [a.text() for a in menu.actions()]
    assert texts[0].startswith("Change the input at t = 12")
    assert any(t.startswith("Hold h[0] here (t = 12)") for t in texts)
    assert any(t.startswith("Hold c[0] here") for t in texts)
    for action in menu.actions():
        if not action.isSeparator() and not action.isCheckable():
            action.trigger()
    kinds = [k for k, _ in asked]
    assert kinds == ["edit-x", "clamp", "clamp"]
    x = window.sim.trace.x[12, 0, 0]
    assert parse_edit_x(asked[0][1]).step == 12
    assert float(parse_edit_x(asked[0][1]).value) == pytest.approx(x, rel=1e-3, abs=1e-4)
    held = parse_clamp(asked[1][1])
    assert (held.layer, held.direction, held.part, held.units, held.start, held.stop) == \
        (0, "fwd", "h", (0,), 12, 13)
    assert held.value == pytest.approx(window.sim.trace.part(0, "fwd", "h")[12, 0, 0],
                                       abs=1e-3)
    for kind, prefill in asked:
        _checked(window, kind, prefill)


def test_text_input_prefill_is_the_character(qtbot, window):
    load(qtbot, window, Config(cell="gru", hidden_size=8, preset="text", text="hello world",
                               edits="edit-x 1=w"))
    graph = window.graph
    x_row = next(r for r in graph.rows if r.kind == "x")
    assert graph.input_prefill(4) == "4=o"
    assert graph.input_prefill(1) == "1=w"  # the edited run's input
    assert graph.context_menu(4.0, x_row.y).actions()[0].text().startswith("Change the input")


def test_cell_and_equation_menus_ask_for_prefilled_edits(qtbot, window, asked):
    load(qtbot, window, CLAMPED)
    window.sim.seek(15)
    window.sim.select(unit=3)
    cell = window.cell_view
    menu = cell.unit_menu("o", 3)
    [action] = menu.actions()
    assert action.text() == "Clamp o[3] from t = 15 on…"
    action.trigger()
    kind, prefill = asked[-1]
    value = window.sim.trace.part(0, "fwd", "o")[15, 0, 3]
    assert (kind, prefill) == ("clamp", f"l0.fwd.o[3]={value:.3g}@15:")
    _checked(window, kind, prefill)
    cell.unit_menu("c_prev", 3).actions()[0].trigger()
    assert asked[-1][1].startswith("l0.fwd.c[3]=") and asked[-1][1].endswith("@14")
    _checked(window, *asked[-1])
    cell.unit_menu("x", 0).actions()[0].trigger()
    assert asked[-1][0] == "edit-x" and asked[-1][1].startswith("15=")
    _checked(window, *asked[-1])
    # an equation's terms: its largest weights and its biases, by torch name
    canvas = window.equation_view.canvas
    g_line = next(line for line in canvas.lines if line.part == "g")
    assert g_line.edits
    y = next(y for y in range(0, canvas.height(), 3) if canvas.line_at(y) is g_line)
    menu = canvas.context_menu(y)
    assert [a.text() for a in menu.actions()] == [text for text, _ in g_line.edits]
    asked.clear()
    for action in menu.actions():
        action.trigger()
    assert [k for k, _ in asked] == ["set"] * len(g_line.edits)
    weights = window.sim.snapshot.network.numpy()
    for _kind, prefill in asked:
        edit = parse_set(prefill)
        assert edit.name.endswith("_l0")
        assert edit.value == pytest.approx(float(weights[edit.name][edit.index]), rel=1e-3)
        _checked(window, "set", prefill)
    assert any(p.startswith("weight_hh_l0[19,") for _k, p in asked)  # g: rows 2H + 3


def test_cell_view_marks_the_originals_values(qtbot, window):
    load(qtbot, window, CLAMPED)
    original = window.sim.snapshot.original
    window.sim.seek(20)
    glyphs = window.cell_view.glyphs
    np.testing.assert_array_equal(glyphs["c"].original, original.part(0, "fwd", "c")[20, 0])
    np.testing.assert_array_equal(glyphs["f"].original, original.part(0, "fwd", "f")[20, 0])
    assert "original" in window.cell_view.title.text()
    window.sim.seek(5)  # before the edit the runs agree: nothing marked
    assert all(g.original is None for g in glyphs.values())


def test_a_float64_runs_small_difference_is_not_rounded_away():
    """Δ is taken in the run's own precision, then stored as float32 for the image."""
    from types import SimpleNamespace

    rng = np.random.default_rng(0)
    before = rng.standard_normal((20, 1, 4))
    after = before[:, 0] + 3e-11 * rng.standard_normal((20, 4))
    original = SimpleNamespace(parts={"l0_fwd_h": before})
    delta, (levels, _lut) = state_difference.difference(original, 0, "fwd", "h", 0, after)
    np.testing.assert_allclose(delta, after - before[:, 0], rtol=1e-6, atol=0)
    assert levels[1] <= 2e-10  # the scale follows the real difference, not float32 noise
