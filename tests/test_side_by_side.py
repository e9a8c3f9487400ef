"""Side by side: the partner run follows the window's cursor and selection, and is the
run it claims to be (the original of an edited run, another cell on the same input)."""

from __future__ import annotations

import numpy as np
import pytest
from gui_support import load

from rnnviz.core.errors import RnnvizError
from rnnviz.gui.config import Config
from rnnviz.gui.side_by_side import SideBySide, partner_config


def _open(qtbot, window, choice):
    side = SideBySide(window.sim)
    qtbot.addWidget(side)
    with qtbot.waitSignal(side.other.trace_changed, timeout=20_000):
        side.choose(choice)
    return side


def test_the_original_beside_the_edited_run_is_the_unedited_trace(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=6, length=30, edits="clamp f=1@10:"))
    side = SideBySide(window.sim)
    qtbot.addWidget(side)
    qtbot.waitUntil(lambda: side.other.snapshot is not None, timeout=20_000)
    original, shown = window.sim.snapshot.original, side.other.trace
    for key in original.parts:
        assert np.array_equal(shown.parts[key], original.parts[key]), key
    window.sim.seek(17)
    assert side.other.position == 17 and side.other.t == 17
    window.sim.select(unit=4)
    assert side.other.unit == 4
    assert "original" in side.titles[1].text() and "LSTM 1×6" in side.titles[1].text()
    side.close()


def test_another_cell_on_the_same_input_follows_the_cursor(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=6, num_layers=2, length=25))
    side = _open(qtbot, window, "GRU")
    assert side.other.spec.cell == "gru" and side.other.spec.hidden_size == 6
    assert side.other.spec.num_layers == 2
    assert np.array_equal(side.other.trace.x, window.sim.trace.x)
    window.sim.seek(11)
    window.sim.select(layer=1)
    assert (side.other.position, side.other.layer) == (11, 1)
    assert side.views[1][0].sim is side.other  # the right-hand graph draws the partner
    with qtbot.waitSignal(side.other.trace_changed, timeout=20_000):
        side.choose("RNN (relu)")
    assert side.other.spec.cell == "rnn" and side.other.spec.nonlinearity == "relu"
    side.close()


def test_partners_that_cannot_exist_are_refused_with_the_reason():
    config = Config(cell="lstm", hidden_size=6)
    with pytest.raises(RnnvizError, match="nothing is edited"):
        partner_config(config, None, "the original (no edits)")
    with pytest.raises(RnnvizError, match="untrained start needs a checkpoint trained"):
        partner_config(config, None, "its untrained start")
    with pytest.raises(RnnvizError, match="a checkpoint's cell is its own"):
        partner_config(config.with_(model="m.pt"), None, "GRU")


def test_a_trained_checkpoint_beside_its_untrained_start(qtbot, window, tmp_path):
    from rnnviz.cli import main
    from rnnviz.core.network import Network
    from rnnviz.core.trace import compute_trace

    model = tmp_path / "m.pt"
    assert main(["train", "--task", "adding", "--cell", "gru", "--hidden-size", "5",
                 "--steps", "5", "--seed", "3", "-o", str(model)]) == 0
    load(qtbot, window, Config(model=str(model)))
    side = _open(qtbot, window, "its untrained start")
    spec = window.sim.spec
    start = Network.random(spec.with_(notes=()), 3)
    want = compute_trace(start, window.sim.trace.x, device="cpu")
    np.testing.assert_allclose(side.other.trace.output, want.output, rtol=0, atol=1e-6)
    assert not np.allclose(side.other.trace.output, window.sim.trace.output)
    side.close()


def test_snapshot_side_by_side_renders_both_runs_or_says_why_not(tmp_path, qapp, capsys):
    from PIL import Image

    from rnnviz.cli import main

    base = ["snapshot", "--cell", "lstm", "--hidden-size", "6", "--length", "20", "--step",
            "12", "--size", "1280x800"]
    out = tmp_path / "side.png"
    assert main([*base, "--clamp", "f=1@5:", "--side-by-side", "original", "-o",
                 str(out)]) == 0
    assert Image.open(out).size == (1280, 800)
    assert "side by side with the original" in capsys.readouterr().out
    assert main([*base, "--side-by-side", "original", "-o", str(tmp_path / "no.png")]) == 2
    assert "nothing is edited" in capsys.readouterr().err
    assert not (tmp_path / "no.png").exists()
    assert main([*base, "--side-by-side", "gru", "--panel", "cell", "-o",
                 str(tmp_path / "both.png")]) == 2
    assert "leave out --panel" in capsys.readouterr().err


def test_the_arrow_keys_step_both_runs_from_the_side_by_side_window(qtbot, window):
    from PySide6.QtCore import Qt

    load(qtbot, window, Config(cell="lstm", hidden_size=4, length=12))
    side = _open(qtbot, window, "GRU")
    window.sim.seek(3)
    qtbot.keyClick(side, Qt.Key_Right)
    assert window.sim.position == 4 and side.other.position == 4
    qtbot.keyClick(side, Qt.Key_End)
    assert side.other.position == 11
    qtbot.keyClick(side, Qt.Key_Home)
    assert window.sim.position == 0 and side.other.position == 0
    side.close()
