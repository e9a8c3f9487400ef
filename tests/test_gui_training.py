"""Training from the panel: the curve updates, the window stays responsive, and the
trained network is then stepped through like any other."""

import time

import numpy as np
import pytest
from gui_support import load
from PySide6.QtCore import Qt, QTimer

from rnnviz.core.files.checkpoint import read_sidecar
from rnnviz.gui.config import Config


def test_train_from_the_panel_then_step_through(qtbot, window, tmp_path):
    load(qtbot, window, Config(cell="lstm", hidden_size=8, length=30))
    panel = window.training_panel
    panel.task.setCurrentText("sign")
    panel.steps.setValue(150)
    panel.batch.setValue(16)
    from rnnviz.gui.training_run import warmed_up

    qtbot.waitUntil(warmed_up.is_set, timeout=30_000)  # one-time imports, started at launch

    gaps, last = [], [time.perf_counter()]

    def beat():  # the GUI thread's heartbeat while training runs
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heart = QTimer(interval=10)
    heart.timeout.connect(beat)
    with qtbot.waitSignal(window.sim.trace_changed, timeout=60_000):
        qtbot.mouseClick(panel.start_button, Qt.LeftButton)
        last[0] = time.perf_counter()  # measure while training runs, from the click's return
        heart.start()
        qtbot.waitUntil(lambda: panel.curves_view.loss_curve.getData()[0] is not None and
                        len(panel.curves_view.loss_curve.getData()[0]) > 3, timeout=30_000)
    heart.stop()
    assert panel.run.result is not None and panel.run.result.stopped is None
    steps, losses = panel.curves_view.loss_curve.getData()
    assert steps[-1] == 150 and np.all(np.isfinite(losses))
    assert max(gaps) < 0.25, f"the window froze for {max(gaps) * 1e3:.0f} ms"

    # the trained network is in the simulator, with the task's head and example input
    sim = window.sim
    assert sim.spec.head.output_size == 2 and sim.spec.head.activation == "softmax"
    assert sim.length == 20 and any("task 'sign'" in n for n in sim.notes())
    np.testing.assert_allclose(sim.snapshot.network.params["weight_hh_l0"],
                               panel.run.result.network.params["weight_hh_l0"])
    qtbot.keyClick(window, Qt.Key_End)
    assert sim.t == 19
    assert window.output_view.values.sum() == pytest.approx(1, abs=1e-5)

    out = tmp_path / "mine.pt"
    panel.write_checkpoint(out)
    assert out.is_file() and read_sidecar(out)["task"] == "sign"


def test_impossible_settings_are_refused_and_nothing_starts(qtbot, window):
    load(qtbot, window, Config(cell="gru", hidden_size=4, length=10))
    panel = window.training_panel
    panel.lr.setMinimum(0.0)
    panel.lr.setValue(0.0)
    panel.start()
    assert "learning rate" in window.last_error and panel.run is None
    assert window.sim.spec.hidden_size == 4  # the network shown is untouched


def test_stop_keeps_the_weights_reached_and_shows_them(qtbot, window):
    load(qtbot, window, Config(cell="gru", hidden_size=6, length=10))
    panel = window.training_panel
    panel.task.setCurrentText("adding")
    panel.steps.setValue(100_000)
    with qtbot.waitSignal(window.sim.trace_changed, timeout=60_000):
        panel.start()
        qtbot.waitUntil(lambda: panel.progress.value() > 5, timeout=30_000)
        panel.stop()
    result = panel.run.result
    assert result.stopped.startswith("stopped by the user")
    assert window.sim.spec.input_size == 2 and window.sim.length == 40


def test_weights_in_a_temporary_folder_are_not_remembered_after_exit(qtbot, window,
                                                                     monkeypatch):
    """Trained weights are kept in the data folder (test_trained_in_window.py); when it
    cannot be written they go to a temporary folder, gone after exit: not remembered."""
    import rnnviz.gui.panels.training_panel as training_panel

    def unwritable():
        raise PermissionError("read-only data folder")

    monkeypatch.setattr(training_panel, "new_kept_path", unwritable)
    load(qtbot, window, Config(cell="gru", hidden_size=4, length=10))
    panel = window.training_panel
    panel.task.setCurrentText("sign")
    panel.steps.setValue(5)
    with qtbot.waitSignal(window.sim.trace_changed, timeout=60_000):
        panel.start()
    from rnnviz.gui.training_run import is_scratch

    assert is_scratch(window.sim.config.model)
    window.close()
    saved = window.restore_settings()
    assert saved.model is None and saved.preset == "sine"


def test_a_plain_checkpoint_after_a_text_one_gets_the_default_input(qtbot, window, tmp_path):
    import torch
    from torch import nn

    from rnnviz.cli import main

    main(["train", "--task", "chars", "--hidden-size", "4", "--steps", "2",
          "-o", str(tmp_path / "c.pt")])
    load(qtbot, window, Config())
    with qtbot.waitSignal(window.sim.trace_changed, timeout=30_000):
        window.open_model_file(str(tmp_path / "c.pt"))
    assert window.sim.snapshot.sequence.vocab
    torch.save(nn.GRU(1, 3).state_dict(), tmp_path / "plain.pt")
    with qtbot.waitSignal(window.sim.trace_changed, timeout=30_000):
        window.open_model_file(str(tmp_path / "plain.pt"))
    assert window.sim.config.preset == "sine" and window.last_error == ""


def test_train_a_reverser_from_the_panel_then_watch_it_decode(qtbot, window):
    load(qtbot, window, Config(cell="rnn", hidden_size=64, length=10))
    panel = window.training_panel
    panel.task.setCurrentText("reverse")
    assert "N→M encoder–decoder" in panel.goal.text()
    panel.steps.setValue(300)
    panel.batch.setValue(64)
    panel.lr.setValue(0.005)
    with qtbot.waitSignal(window.sim.trace_changed, timeout=60_000):
        qtbot.mouseClick(panel.start_button, Qt.LeftButton)
    result = panel.run.result
    assert result.stopped is None and result.evals[-1][1] > 0.9  # greedy whole sequences
    sim = window.sim
    s2s = sim.snapshot.s2s
    assert s2s is not None and sim.config.topology == "seq2seq"
    example = sim.input_sequence.text
    assert s2s.decoded(0) == example[::-1]
    assert window.graph.blocks[1].written == example[::-1]
