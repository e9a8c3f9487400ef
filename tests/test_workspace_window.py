"""A workspace saved from the window and opened in a new one shows the same thing: the
configuration, the trace's numbers, the cursor, the selection and the layout."""

from __future__ import annotations

import json

import numpy as np
from gui_support import load

from rnnviz.gui.config import Config
from rnnviz.gui.workspace_io import open_in_window, save_window


def test_save_then_open_reproduces_the_window(qtbot, window, tmp_path):
    data = tmp_path / "x.csv"
    data.write_text("\n".join(f"{np.sin(0.3 * t):.4f}" for t in range(30)))
    load(qtbot, window, Config(cell="gru", hidden_size=5, num_layers=2, input=str(data),
                               edits="clamp z=1@12:", gradients="h_T"))
    window.sim.seek(17)
    window.sim.select(layer=1, unit=3)
    path = save_window(window, tmp_path / "talk.rnnviz")
    saved = json.loads(path.read_text())
    assert saved["config"]["input"] == "x.csv" and saved["cursor"]["position"] == 17
    before = {k: v.copy() for k, v in window.sim.trace.parts.items()}

    from rnnviz.gui.app import create_window

    _app, other = create_window()
    qtbot.addWidget(other)
    other.resize(1400, 900)
    other.show()
    with qtbot.waitSignal(other.sim.gradients_changed, timeout=30_000):
        notes = open_in_window(other, path)
    qtbot.wait(50)
    assert notes == []
    sim = other.sim
    assert sim.config.edits == "clamp z=1@12:" and sim.config.gradients == "h_T"
    assert (sim.position, sim.layer, sim.unit) == (17, 1, 3)
    for key, value in before.items():
        assert np.array_equal(sim.trace.parts[key], value), key
    # the docks: the same ones shown, floating, tabbed together and in the same areas (Qt
    # lays their sizes out anew for the window it restores into)
    def docks(w):
        return {name: (d.isVisible(), d.isFloating(), w.dockWidgetArea(d),
                       sorted(t.objectName() for t in w.tabifiedDockWidgets(d)))
                for name, d in w.docks.items()}
    assert docks(other) == docks(window)
    other.sim.wait(10_000)
    other.close()


def test_a_malformed_workspace_leaves_the_window_as_it_was(qtbot, window, tmp_path):
    import pytest

    from rnnviz.core.errors import RnnvizError

    load(qtbot, window, Config(cell="lstm", hidden_size=4, length=10))
    bad = tmp_path / "bad.rnnviz"
    bad.write_text("{ not json")
    with pytest.raises(RnnvizError, match="not a workspace file"):
        open_in_window(window, bad)
    assert window.sim.config.hidden_size == 4 and window.sim.trace is not None


def test_rnnviz_opens_a_workspace_given_as_its_argument():
    from rnnviz.cli import build_parser

    args = build_parser().parse_args(["gui", "lecture.rnnviz"])
    assert args.workspace == "lecture.rnnviz"


def test_file_menu_offers_workspaces_and_view_menu_side_by_side(qtbot, window):
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Open &workspace…" in texts and "Save wor&kspace…" in texts
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert "Side &by side…" in [a.text() for a in view.actions()]


def test_a_workspace_whose_configuration_fails_restores_nothing_later(qtbot, window, tmp_path):
    import json

    load(qtbot, window, Config(cell="lstm", hidden_size=4, length=10))
    path = tmp_path / "bad-config.rnnviz"
    path.write_text(json.dumps({"format": "rnnviz-workspace", "version": 1,
                                "config": {"cell": "lstm", "hidden_size": 4, "length": 10,
                                           "edits": "clamp q=1"},
                                "cursor": {"position": 7, "unit": 2}}))
    with qtbot.waitSignal(window.sim.error, timeout=20_000):
        open_in_window(window, path)
    assert "no part 'q'" in window.last_error
    window.last_error = ""
    load(qtbot, window, Config(cell="gru", hidden_size=4, length=10))  # a later trace
    assert window.sim.position != 7 or window.sim.unit != 2
