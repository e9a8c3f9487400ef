"""The gradient view: an objective's gradient through time, shown and stepped backward."""

import numpy as np
from gui_support import load
from PySide6.QtCore import Qt

from rnnviz.gui.config import Config


def test_gradient_view_shows_the_norms_and_colours_the_graph(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=6, num_layers=2, length=30))
    view = window.gradient_view
    with qtbot.waitSignal(window.sim.gradients_changed, timeout=30_000):
        view.objective.setCurrentText("sum of h_T")
    grads = window.sim.gradients
    assert grads is not None and grads.objective == "h_T"
    y = view.curves["l1_fwd_dh_norm"].yData  # the values before the log axis
    np.testing.assert_allclose(y, grads.arrays["l1_fwd_dh_norm"][:, 0])
    assert "l0_fwd_dc_norm" in view.curves and "dx_norm" in view.curves
    assert y[-1] > y[0]  # it shrinks going back through time
    assert "log10" in window.graph.getPlotItem().titleLabel.text
    assert view.info.text().startswith("L = h_T = ")
    # a new network recomputes the gradients
    with qtbot.waitSignal(window.sim.gradients_changed, timeout=30_000):
        window.start(window.sim.config.with_(hidden_size=4))
    assert window.sim.gradients.arrays["l1_fwd_dh"].shape == (30, 1, 4)
    with qtbot.waitSignal(window.sim.gradients_changed, timeout=10_000):
        view.objective.setCurrentText("off")
    assert window.sim.gradients is None and "log10" not in \
        window.graph.getPlotItem().titleLabel.text


def test_objective_that_does_not_exist_is_refused(qtbot, window):
    load(qtbot, window, Config(cell="gru", hidden_size=3, length=10))
    with qtbot.waitSignal(window.sim.error, timeout=10_000):
        window.gradient_view.objective.setCurrentText("head output y_T")
    assert "no output head" in window.last_error and "h_T" in window.last_error


def test_backward_mode_steps_from_the_end_toward_zero(qtbot, window):
    load(qtbot, window, Config(cell="rnn", hidden_size=4, length=12))
    window.transport.backward.setChecked(True)
    assert window.sim.t == 11
    qtbot.keyClick(window, Qt.Key_Right)
    qtbot.keyClick(window, Qt.Key_Right)
    assert window.sim.t == 9
    fade = window.graph._fade.covered()
    assert fade.right() == 8.5 and window.graph._fade.backward  # steps before t not reached
    window.transport.speed.setValue(200)
    qtbot.keyClick(window, Qt.Key_Space)
    qtbot.waitUntil(lambda: window.sim.t == 0, timeout=5000)
    qtbot.waitUntil(lambda: not window.transport.playing, timeout=2000)


def test_compare_mode_overlays_other_cells_on_the_same_input(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=8, length=40, preset="noise",
                               gradients="h_T", compare="rnn,gru"))
    qtbot.waitUntil(lambda: window.sim.gradients is not None, timeout=30_000)
    labels = [label for label, _ in window.sim.compared]
    assert labels == ["RNN (tanh) 1×8", "GRU 1×8"]
    view = window.gradient_view
    assert view.objective.currentText() == "sum of h_T" and view.compare.text() == "rnn,gru"
    rnn = window.sim.compared[0][1].arrays["l0_fwd_dh_norm"][:, 0]
    np.testing.assert_allclose(view.curves["compare:RNN (tanh) 1×8"].yData, rnn)
    qtbot.keyClick(window, Qt.Key_Right)  # stepping moves the one cursor over every curve
    assert view.cursor.value() == window.sim.t


def test_arrows_thicken_with_the_gradient_and_equations_show_the_backward_factors(qtbot, window):
    from rnnviz.gui.views.graph_layout import ARROW_WIDTHS, arrow_width_bucket

    load(qtbot, window, Config(cell="lstm", hidden_size=6, length=40, preset="noise"))
    with qtbot.waitSignal(window.sim.gradients_changed, timeout=30_000):
        window.gradient_view.objective.setCurrentText("sum of h_T")
    graph, grads = window.graph, window.sim.gradients
    norms = grads.arrays["l0_fwd_dh_norm"][1:, 0]  # the step each time arrow ends at
    expected = arrow_width_bucket(norms)
    assert expected[-1] > expected[0]  # thick where the gradient starts, thin far back
    drawn = {}
    for (kind, bucket), item in graph._arrows.items():
        if kind == "h" and item.xData is not None and len(item.xData):
            drawn[bucket] = len(item.xData) // 2
            assert item.opts["pen"].widthF() == ARROW_WIDTHS[bucket]
    assert drawn == {int(b): int((expected == b).sum()) for b in np.unique(expected)}
    lhs = [line.lhs for line in window.equation_view.lines]
    assert lhs[:3] == ["∂L/∂h_t[0]", "∂L/∂c_t[0]", "∏ f after t [0]"]
    line = window.equation_view.lines[1]
    assert line.value == grads.arrays["l0_fwd_dc"][window.sim.t, 0, 0]
    with qtbot.waitSignal(window.sim.gradients_changed, timeout=10_000):
        window.gradient_view.objective.setCurrentText("off")
    assert set(b for (k, b), item in graph._arrows.items()
               if item.xData is not None and len(item.xData)) == {-2}  # plain arrows again
    assert not window.equation_view.lines[0].lhs.startswith("∂")


def test_compared_networks_step_together_in_the_strip(qtbot, window):
    load(qtbot, window, Config(cell="gru", hidden_size=5, length=20, preset="noise",
                               gradients="h_T", compare="rnn,lstm"))
    qtbot.waitUntil(lambda: window.sim.gradients is not None, timeout=30_000)
    strip = window.gradient_view.strip
    assert strip.scene() is not None
    assert strip.labels == ["this: GRU 1×5", "RNN (tanh) 1×5", "LSTM 1×5"]
    assert strip.image.image.shape[:2] == (3, 20 * 5)
    qtbot.keyClick(window, Qt.Key_Right)
    qtbot.keyClick(window, Qt.Key_Right)
    assert strip.cursor.value() == window.sim.t == 2
    with qtbot.waitSignal(window.sim.gradients_changed, timeout=30_000):
        window.gradient_view.compare.setText("")
        window.gradient_view.compare.editingFinished.emit()
    assert strip.scene() is None  # one network: the graph already shows it


def test_untrained_compare_needs_a_trained_checkpoint(qtbot, window):
    load(qtbot, window, Config(cell="gru", hidden_size=3, length=10))
    with qtbot.waitSignal(window.sim.error, timeout=10_000):
        window.sim.set_objective("h_T", "untrained")
    assert "trained by rnnviz" in window.last_error
