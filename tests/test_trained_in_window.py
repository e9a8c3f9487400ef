"""A network trained in the window: named by what the user knows (task, network, step),
kept in the app's data folder, reopened on the next launch with the gradient objective
and compare list that were on screen, and deleted once something else is shown."""

from pathlib import Path

import numpy as np
from gui_support import load

from rnnviz.gui.config import Config
from rnnviz.gui.kept_weights import is_kept, kept_folder

TRAIN_MS = 60_000


def train(qtbot, window, task: str, steps: int) -> None:
    panel = window.training_panel
    panel.task.setCurrentText(task)
    panel.steps.setValue(steps)
    with qtbot.waitSignal(window.sim.trace_changed, timeout=TRAIN_MS):
        panel.start()
    assert window.last_error == "", window.last_error


def test_trained_network_and_its_input_are_named_by_task_network_and_step(qtbot, window,
                                                                          tmp_path):
    load(qtbot, window, Config(cell="lstm", hidden_size=6, length=10))
    train(qtbot, window, "adding", 7)
    config = window.sim.config
    assert config.model_title == "trained in the window: adding, LSTM 1×6, step 7"
    assert config.input_title == "example of the 'adding' task, 40 steps"
    assert window.sim.length == 40
    # kept beside the test's settings file, not in a temporary folder
    assert kept_folder() == tmp_path / "settings-data" / "trained"
    assert is_kept(config.model) and Path(config.model).is_file()
    assert is_kept(config.input) and Path(config.input).is_file()
    notes = window.network_panel.notes.text()  # nor do the notes cite the kept files
    assert "trained by rnnviz on task 'adding'" in notes and "in this window" in notes
    assert Path(config.model).stem not in notes


def test_a_text_task_brings_its_text_and_no_input_title(qtbot, window):
    load(qtbot, window, Config(cell="gru", hidden_size=4, length=10))
    train(qtbot, window, "chars", 3)
    config = window.sim.config
    assert config.model_title == "trained in the window: chars, GRU 1×4, step 3"
    assert config.preset == "text" and config.input is None and config.input_title is None


def test_weights_shown_mid_training_are_those_of_the_step_they_are_named_by(qtbot, window):
    """While running and while paused: retraining alone for the step in the title reaches
    the very weights shown (one step more or less differs by far more than rounding)."""
    from rnnviz.core.training import Trainer

    load(qtbot, window, Config(cell="gru", hidden_size=4, length=10))
    panel = window.training_panel
    panel.task.setCurrentText("sign")
    panel.steps.setValue(100_000)
    panel.start()
    qtbot.waitUntil(lambda: panel.progress.value() > 3, timeout=TRAIN_MS)
    shown = []
    for pause in (False, True):
        if pause:
            panel.toggle_pause()
            qtbot.wait(100)
        with qtbot.waitSignal(window.sim.trace_changed, timeout=TRAIN_MS):
            panel.show_current()
        title = window.sim.config.model_title
        assert title.startswith("trained in the window: sign, GRU 1×4, step ")
        shown.append((int(title.rsplit(" ", 1)[1]), window.sim.snapshot.network.params))
    panel.stop()
    panel.run.wait(30)
    assert 0 < shown[0][0] <= shown[1][0]
    for step, params in shown:
        alone = Trainer(panel.run.settings.with_(steps=step)).run().network
        for name in ("weight_hh_l0", "head.weight"):
            np.testing.assert_allclose(np.asarray(params[name]), np.asarray(alone.params[name]),
                                       rtol=1e-5, atol=1e-6, err_msg=f"{name} at step {step}")


def test_relaunch_reopens_the_trained_network_objective_and_compare_list(qtbot, window):
    from rnnviz.gui.app import create_window

    load(qtbot, window, Config(cell="lstm", hidden_size=6, length=10))
    train(qtbot, window, "adding", 5)
    shown = window.sim.config
    view = window.gradient_view
    with qtbot.waitSignal(window.sim.gradients_changed, timeout=TRAIN_MS):
        view.objective.setCurrentText("sum of h_T")
    view.compare.setText("untrained,rnn")
    with qtbot.waitSignal(window.sim.gradients_changed, timeout=TRAIN_MS):
        view.compare.editingFinished.emit()
    weights = window.sim.snapshot.network.params["weight_hh_l0"].numpy().copy()
    window.close()
    assert Path(shown.model).is_file()  # closing is not discarding

    _app, again = create_window()
    qtbot.addWidget(again)
    config = again.restore_settings()
    assert (config.model, config.input) == (shown.model, shown.input)
    assert config.model_title == "trained in the window: adding, LSTM 1×6, step 5"
    assert config.input_title == shown.input_title
    assert (config.gradients, config.compare) == ("h_T", "untrained,rnn")
    again.show()
    with qtbot.waitSignal(again.sim.gradients_changed, timeout=TRAIN_MS):
        load(qtbot, again, config)
    np.testing.assert_array_equal(np.asarray(again.sim.snapshot.network.params["weight_hh_l0"]),
                                  weights)
    assert again.sim.length == 40
    assert [label for label, _ in again.sim.compared] == ["untrained (seed 0)",
                                                         "RNN (tanh) 1×6"]
    assert again.gradient_view.objective.currentText() == "sum of h_T"
    assert again.gradient_view.compare.text() == "untrained,rnn"

    # random weights: the kept network is discarded; its example input, still shown, stays
    with qtbot.waitSignal(again.sim.trace_changed, timeout=TRAIN_MS):
        again.network_panel.random_button.click()
    assert again.sim.config.model is None and again.sim.config.model_title is None
    assert not Path(shown.model).exists() and Path(shown.input).is_file()
    assert again.sim.config.input_title == shown.input_title
    with qtbot.waitSignal(again.sim.trace_changed, timeout=TRAIN_MS):
        again.input_panel.preset_button.click()
    assert not Path(shown.input).exists() and again.sim.config.input_title is None
    assert list(kept_folder().iterdir()) == []
    again.persist = False
    again.close()


def test_a_kept_network_deleted_meanwhile_reopens_as_the_demo(qtbot, window):
    from rnnviz.gui.app import create_window
    from rnnviz.gui.config import demo_config

    load(qtbot, window, Config(cell="gru", hidden_size=4, length=10))
    train(qtbot, window, "adding", 3)
    model = Path(window.sim.config.model)
    window.close()
    model.unlink()
    _app, again = create_window()
    qtbot.addWidget(again)
    assert again.restore_settings() is None  # the launch then opens the demo
    load(qtbot, again, demo_config())
    assert list(kept_folder().iterdir()) == []  # what was left of it is gone too
    again.persist = False
    again.close()
