"""Helpers for the window tests: open a window, load a configuration, read what it shows."""

from __future__ import annotations

import numpy as np

from rnnviz.gui.config import Config

LOAD_TIMEOUT_MS = 30_000


def load(qtbot, window, config: Config) -> None:
    """Apply `config` and wait until its trace is shown."""
    with qtbot.waitSignal(window.sim.trace_changed, timeout=LOAD_TIMEOUT_MS):
        window.start(config)
    assert window.last_error == "", window.last_error


def grab(widget) -> np.ndarray:
    """The widget's pixels as shown (QWidget.grab), as an (H, W, 4) array."""
    from rnnviz.gui.capture import qimage_rgba

    return qimage_rgba(widget.grab().toImage())
