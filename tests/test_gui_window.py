"""The window, driven by keys and clicks: what each view shows at t is the trace at t."""

import numpy as np
import pytest
from gui_support import grab, load
from PySide6.QtCore import QPoint, Qt

from rnnviz.gui.config import Config, demo_config

CONFIGS = {
    "lstm-2-layers": Config(cell="lstm", hidden_size=6, num_layers=2, length=20,
                            head="softmax", output_size=3),
    "gru-bidirectional": Config(cell="gru", hidden_size=5, num_layers=2, bidirectional=True,
                                length=15),
    "rnn-relu": Config(cell="rnn", nonlinearity="relu", hidden_size=4, length=12,
                       head="linear", output_size=2),
    "lstm-proj-bidir": Config(cell="lstm", hidden_size=6, proj_size=3, bidirectional=True,
                              length=10),
}


def press(qtbot, window, key, times=1):
    for _ in range(times):
        qtbot.keyClick(window, key)


def assert_views_show_step(window):
    """Every view's data equals the trace at the cursor, for the selected cell and unit."""
    sim = window.sim
    tr, spec, t, b = sim.trace, sim.spec, sim.t, sim.batch_index
    layer, d = sim.layer, sim.direction
    # cell view: every glyph holds its part's vector at t
    glyphs = window.cell_view.glyphs
    for name in spec.parts:
        if name in glyphs:
            np.testing.assert_array_equal(glyphs[name].values, tr.part(layer, d, name)[t, b])
    np.testing.assert_array_equal(glyphs["h_prev"].values, tr.previous_state(layer, d, "h", t)[b])
    np.testing.assert_array_equal(glyphs["x"].values, tr.layer_input(layer)[t, b])
    # equations: each line's value is the trace's, and act(recomputed pre) agrees with it
    acts = {"σ": lambda v: 1 / (1 + np.exp(-v)), "tanh": np.tanh, "relu": lambda v: max(v, 0)}
    for line in window.equation_view.lines:
        if line.pre is not None:
            act = next(a for name, a in acts.items() if line.formula.startswith(name))
            assert act(line.pre) == pytest.approx(line.value, abs=1e-5), line.lhs
        if line.lhs.startswith(("i_t", "f_t", "g_t", "o_t", "r_t", "z_t", "n_t", "c_t")):
            assert line.value == pytest.approx(float(tr.part(layer, d, line.lhs[0])[t, b,
                                                                                  sim.unit]))
    # states: the heatmap holds the whole selected h; the fade covers everything after t
    sv = window.state_view
    np.testing.assert_array_equal(sv.h_map.image.image, tr.part(layer, d, "h")[:, b].T)
    assert sv.h_map.fade.covered().left() == pytest.approx(t + 0.5)
    assert window.graph._fade.covered().left() == pytest.approx(t + 0.5)
    assert sv.curve_fade.covered().left() == pytest.approx(t + 0.5)
    picked = [u for u in sv.picked_units() if u < spec.hidden_out]
    h_curves = [c.getData()[1] for c in sv.curves][:: 2 if spec.cell == "lstm" else 1]
    for unit, curve in zip(picked, h_curves):
        np.testing.assert_array_equal(curve, tr.part(layer, d, "h")[:, b, unit])
    # output view
    out = window.output_view.values
    if spec.head is None:
        np.testing.assert_array_equal(out, tr.output[t, b])
    elif spec.head.activation == "log_softmax":  # the bars are log p, as the head outputs
        np.testing.assert_array_equal(out, tr.y[t, b])
    else:
        np.testing.assert_array_equal(out, tr.y[t, b])
    # graph: the highlighted column is t; transport and status bar say t
    column = window.graph._column.rect()
    assert column.center().x() == pytest.approx(t)
    assert window.transport.label.text().startswith(f"t = {t} ")
    assert window.transport.slider.value() == t


def test_launch_demo_is_ready_to_step(qtbot, window):
    assert window.windowTitle() == "rnnviz"
    load(qtbot, window, demo_config())
    assert window.sim.spec.cell == "lstm" and window.sim.t == 0
    press(qtbot, window, Qt.Key_Right)
    assert window.sim.t == 1
    assert_views_show_step(window)
    # the first step already shows something: gates are not all equal
    assert np.ptp(window.cell_view.glyphs["f"].values) > 0


@pytest.mark.parametrize("name", list(CONFIGS))
def test_keys_step_and_every_view_matches_the_trace(qtbot, window, name):
    load(qtbot, window, CONFIGS[name])
    press(qtbot, window, Qt.Key_Right, 4)
    assert window.sim.t == 4
    assert_views_show_step(window)
    press(qtbot, window, Qt.Key_Left)
    assert window.sim.t == 3
    assert_views_show_step(window)
    press(qtbot, window, Qt.Key_End)
    assert window.sim.t == window.sim.length - 1
    assert_views_show_step(window)
    press(qtbot, window, Qt.Key_Home)
    assert window.sim.t == 0
    assert_views_show_step(window)
    spec = window.sim.spec
    window.sim.select(layer=spec.num_layers - 1, direction=spec.directions()[-1], unit=2)
    press(qtbot, window, Qt.Key_Right, 2)
    assert_views_show_step(window)


def test_stepping_back_and_forth_lands_on_identical_pictures(qtbot, window):
    load(qtbot, window, CONFIGS["lstm-2-layers"])
    press(qtbot, window, Qt.Key_Right, 5)
    qtbot.wait(50)
    above_status = window.statusBar().y()  # the status bar shows the last update's timing
    before = grab(window)[:above_status]
    press(qtbot, window, Qt.Key_Right, 3)
    press(qtbot, window, Qt.Key_Left, 3)
    qtbot.wait(50)
    np.testing.assert_array_equal(grab(window)[:above_status], before)


def test_clicking_a_node_selects_its_step_layer_and_direction(qtbot, window):
    load(qtbot, window, CONFIGS["gru-bidirectional"])
    graph = window.graph
    row = next(r for r in graph.rows if r.kind == "layer" and r.layer == 1 and
               r.direction == "bwd")
    scene_pos = graph.getViewBox().mapViewToScene(pg_point(3, row.y))
    view_pos = graph.mapFromScene(scene_pos)
    qtbot.mouseClick(graph.viewport(), Qt.LeftButton, pos=QPoint(int(view_pos.x()),
                                                                   int(view_pos.y())))
    sim = window.sim
    assert (sim.t, sim.layer, sim.direction) == (3, 1, "bwd")
    assert_views_show_step(window)


def pg_point(x, y):
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def test_play_advances_and_stops_at_the_end(qtbot, window):
    load(qtbot, window, Config(cell="gru", hidden_size=3, length=8))
    window.transport.speed.setValue(200)
    press(qtbot, window, Qt.Key_Space)
    assert window.transport.playing
    qtbot.waitUntil(lambda: window.sim.t == 7, timeout=5000)
    qtbot.waitUntil(lambda: not window.transport.playing, timeout=2000)
    assert_views_show_step(window)


def test_typing_text_extends_the_trace(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=4, preset="text", text="hel",
                               vocab="helo wrd", head="softmax", output_size=8))
    assert window.sim.length == 3
    panel = window.input_panel
    with qtbot.waitSignal(window.sim.trace_changed, timeout=10_000):
        panel.text.setFocus()
        panel.text.end(False)
        qtbot.keyClicks(panel.text, "l")
    snap = window.sim.snapshot
    assert snap.extended and window.sim.length == 4 and window.sim.t == 3
    assert snap.sequence.text == "hell"
    assert "next character" in window.output_view.caption.text()
    assert_views_show_step(window)


def test_impossible_configuration_is_refused_while_typing(qtbot, window):
    load(qtbot, window, CONFIGS["lstm-2-layers"])
    before = window.sim.trace
    window.network_panel.proj_size.setValue(6)  # == hidden_size: impossible
    qtbot.wait(400)
    assert "proj_size (6) must be smaller than hidden_size (6)" in \
        window.network_panel.problem.text()
    assert window.sim.trace is before


def test_bad_model_file_reports_and_keeps_the_previous_state(qtbot, window, tmp_path):
    load(qtbot, window, CONFIGS["rnn-relu"])
    before = window.sim.trace
    bad = tmp_path / "junk.pt"
    bad.write_bytes(b"not a checkpoint")
    with qtbot.waitSignal(window.sim.error, timeout=10_000):
        window.start(window.sim.config.with_(model=str(bad)))
    assert "not a torch checkpoint that can be read safely" in window.last_error
    assert window.sim.trace is before and window.isVisible()
    press(qtbot, window, Qt.Key_Right)
    assert_views_show_step(window)


def test_open_model_shows_sizes_read_only_and_names_what_was_found(qtbot, window, tmp_path):
    import torch
    from torch import nn

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.rnn = nn.RNN(3, 5, num_layers=2)
            self.linear = nn.Linear(5, 4)

    path = tmp_path / "model.pt"
    torch.save(Model().state_dict(), path)
    np.savetxt(tmp_path / "x.csv", np.random.default_rng(0).standard_normal((9, 3)),
               delimiter=",")
    load(qtbot, window, Config(model=str(path), input=str(tmp_path / "x.csv")))
    panel = window.network_panel
    assert not panel.hidden_size.isEnabled() and panel.hidden_size.value() == 5
    assert panel.num_layers.value() == 2 and panel.kind.currentText() == "RNN (tanh)"
    assert "found recurrent layer 'rnn'" in panel.notes.text()
    assert "found output head 'linear'" in panel.notes.text()
    assert "assumed tanh" in panel.notes.text()
    shapes = panel.parameters.text()  # the shapes torch.nn gives these parameters
    assert "weight_ih_l0  (5, 3)" in shapes and "weight_hh_l1  (5, 5)" in shapes
    assert "head.weight   (4, 5)" in shapes
    press(qtbot, window, Qt.Key_Right, 2)
    assert_views_show_step(window)


def test_settings_keep_layout_and_last_configuration(qtbot, window):
    config = CONFIGS["rnn-relu"]
    load(qtbot, window, config)
    window.close()
    assert window.restore_settings() == config


def test_unexpected_exception_in_a_slot_is_shown_and_logged(qtbot, window, tmp_path):
    import sys

    from rnnviz.gui.app import install_excepthook

    log = tmp_path / "rnnviz.log"
    install_excepthook(window, log)
    try:
        try:
            raise ValueError("boom")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    assert window.isVisible()


def test_editing_the_initial_state_by_hand(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=3, length=6))
    window.input_panel.init.setCurrentText("given")  # opens the table
    dialog = window.state_dialog
    assert dialog.table.rowCount() == 2  # h0 and c0 of the single layer
    dialog.table.item(0, 1).setText("abc")
    dialog._on_ok()
    assert "not a number" in dialog.problem.text() and dialog.isVisible()
    dialog.table.item(0, 1).setText("0.75")
    dialog.table.item(1, 2).setText("-2")
    with qtbot.waitSignal(window.sim.trace_changed, timeout=10_000):
        dialog._on_ok()
    initial = window.sim.trace.initial
    assert window.sim.config.init == "given"
    assert initial.h0[0, 0, 1] == 0.75 and initial.c0[0, 0, 2] == -2
    np.testing.assert_array_equal(window.cell_view.glyphs["h_prev"].values, initial.h0[0, 0])
    assert_views_show_step(window)


def test_edits_made_while_computing_are_all_kept(qtbot, window):
    load(qtbot, window, Config(cell="gru", hidden_size=6, length=10))
    window.edit({"hidden_size": 9})
    window._apply_pending()  # the first computation is now running (or queued)
    window.edit({"num_layers": 2})
    window._apply_pending()
    qtbot.waitUntil(lambda: window.sim.spec.num_layers == 2, timeout=10_000)
    assert window.sim.spec.hidden_size == 9


def test_head_none_turns_off_a_loaded_models_head(qtbot, window, tmp_path):
    import torch
    from torch import nn

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.rnn = nn.GRU(1, 4)
            self.fc = nn.Linear(4, 2)

    torch.save(Model().state_dict(), tmp_path / "m.pt")
    load(qtbot, window, Config(model=str(tmp_path / "m.pt")))
    assert window.sim.spec.head is not None
    assert window.network_panel.head.currentText() == "linear"
    with qtbot.waitSignal(window.sim.trace_changed, timeout=10_000):
        window.network_panel.head.setCurrentText("none")
    assert window.sim.spec.head is None and window.network_panel.head.currentText() == "none"


def test_typed_initial_state_that_no_longer_fits_falls_back_to_zeros(qtbot, window):
    load(qtbot, window, Config(cell="gru", hidden_size=2, init="given",
                               init_values='{"h0": [[0.5, -0.5]]}'))
    assert window.sim.trace.initial.h0[0, 0, 0] == 0.5
    with qtbot.waitSignal(window.sim.trace_changed, timeout=10_000):
        window.network_panel.hidden_size.setValue(3)
    assert window.sim.config.init == "zeros" and not window.sim.trace.initial.h0.any()
    assert any("no longer fits" in n for n in window.sim.notes())
    assert window.input_panel.init.currentText() == "zeros"


def test_choosing_another_sequence_of_the_batch(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=4, batch=3, length=8))
    press(qtbot, window, Qt.Key_Right, 2)
    window.input_panel.shown.setValue(2)
    assert window.sim.batch_index == 2
    assert_views_show_step(window)
    image = window.graph._images[0].image  # the x row, recoloured for sequence 2
    assert window.graph._batch == 2 and image is not None


def test_the_graph_keeps_t_in_view_when_zoomed_in_to_a_column(qtbot, window):
    """Zoomed in to about one column, stepping forward and jumping keep t's column in view
    (the slot by the right edge shrinks with the view)."""
    load(qtbot, window, Config(cell="gru", hidden_size=4, length=60))
    graph = window.graph
    graph.setXRange(9.6, 10.8, padding=0)
    for t in (10, 11, 12, 30, 31):
        window.sim.seek(t)
        (x0, x1), _ = graph.getViewBox().viewRange()
        assert x0 <= t <= x1, (t, x0, x1)


def test_a_first_network_that_fails_leaves_its_fields_to_fix(qtbot, window):
    """Nothing computed yet and the model missing: the Network panel shows what was asked
    (not its empty defaults), so "Use random weights" gives that network."""
    window.start(Config(cell="lstm", hidden_size=8, num_layers=2, length=20,
                        model="/nonexistent/m.pt"))
    window.sim.wait()
    qtbot.wait(10)
    panel = window.network_panel
    assert "does not exist" in window.last_error and window.sim.snapshot is None
    assert panel.hidden_size.value() == 8 and panel.num_layers.value() == 2
    assert panel.random_button.isEnabled()
    panel.random_button.click()
    qtbot.waitUntil(lambda: window.sim.snapshot is not None, timeout=20_000)
    assert window.sim.spec.hidden_size == 8 and window.sim.spec.num_layers == 2
