"""Leaving the stage gives every dock, and the window, exactly the size it had."""

from __future__ import annotations

from gui_support import load
from PySide6.QtCore import Qt

from rnnviz.gui.config import Config
from rnnviz.gui.stage_control import LATE_RESIZE_MS, dock_sizes, put_docks_back

CONFIG = Config(cell="lstm", hidden_size=6, length=12)


def user_layout(window) -> None:
    """Docks dragged to sizes of the user's own (not the defaults a fit would give)."""
    docks = window.docks
    window.resizeDocks([docks["network"], docks["cell"]], [330, 470], Qt.Horizontal)
    window.resizeDocks([docks["cell"], docks["equations"]], [300, 260], Qt.Vertical)
    window.resizeDocks([docks["states"]], [260], Qt.Vertical)


def toggle(qtbot, window) -> None:
    window.stage_action.trigger()  # F5: on
    qtbot.waitUntil(lambda: window.stage_control.stage is not None)
    qtbot.wait(400)  # the stage laid out, its views zoomed, full screen done
    window.stage_action.trigger()  # F5: off
    qtbot.wait(50)


def test_stage_on_and_off_twice_gives_the_docks_their_sizes_back(qtbot, window):
    load(qtbot, window, CONFIG)
    user_layout(window)
    qtbot.wait(50)
    before, geometry = dock_sizes(window), window.geometry()
    assert before["cell"].width() == 470  # the layout is the user's, not a default
    for _ in range(2):  # on → off, then on → off again
        toggle(qtbot, window)
        assert dock_sizes(window) == before
        assert window.geometry() == geometry
    window.stage_control.enter(["cell"], fullscreen=False)  # a dock's maximise button
    qtbot.wait(100)
    window.stage_control.leave()
    assert dock_sizes(window) == before and window.geometry() == geometry


def test_a_window_manager_that_gives_the_size_back_late(qtbot, window, monkeypatch):
    """Leaving full screen, a window manager may resize the window after restoreState
    ran (at the screen's size): the layout is restored again when the size comes back."""
    load(qtbot, window, CONFIG)
    user_layout(window)
    qtbot.wait(50)
    before, geometry = dock_sizes(window), window.geometry()
    window.stage_action.trigger()
    qtbot.waitUntil(lambda: window.stage_control.stage is not None)
    qtbot.wait(400)
    assert window.size() != geometry.size()  # full screen (the offscreen screen's size)
    for name in ("showNormal", "restoreGeometry", "setGeometry"):  # requests not yet done
        monkeypatch.setattr(window, name, lambda *args: None)
    window.stage_action.trigger()
    assert window.size() != geometry.size() and dock_sizes(window) != before
    monkeypatch.undo()
    window.showNormal()
    window.setGeometry(geometry)  # the window manager's resize, a moment later
    qtbot.waitUntil(lambda: dock_sizes(window) == before, timeout=LATE_RESIZE_MS)
    assert window.geometry() == geometry


def test_docks_left_at_other_sizes_are_put_back(qtbot, window):
    load(qtbot, window, CONFIG)
    user_layout(window)
    qtbot.wait(50)
    before = dock_sizes(window)
    window.fit_docks()  # the defaults: other widths and heights
    qtbot.wait(50)
    assert dock_sizes(window) != before
    put_docks_back(window, before)
    qtbot.wait(50)
    assert dock_sizes(window) == before
