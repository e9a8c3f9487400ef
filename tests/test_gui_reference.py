"""A few reference screenshots, compared with a tolerance (fonts and antialiasing may
differ by a few levels between machines; a changed drawing differs by far more).

Regenerate after an intended change: RNNVIZ_UPDATE_REFERENCES=1 pytest tests/test_gui_reference.py
"""

import os
from pathlib import Path

import numpy as np
import pytest
from gui_support import load
from PySide6.QtGui import QImage

from rnnviz.export import write_png
from rnnviz.gui.capture import render_rgba
from rnnviz.gui.config import Config

REFERENCE = Path(__file__).parent / "reference"
CASES = {
    "cell_lstm": (Config(cell="lstm", hidden_size=8, length=30), "cell_view"),
    "cell_gru": (Config(cell="gru", hidden_size=6, length=30), "cell_view"),
    "graph_bidir": (Config(cell="gru", hidden_size=5, num_layers=2, bidirectional=True,
                           length=30, head="softmax", output_size=3), "graph"),
}


def differs(actual: np.ndarray, expected: np.ndarray) -> str:
    if actual.shape != expected.shape:
        return f"size {actual.shape} != {expected.shape}"
    delta = np.abs(actual.astype(int) - expected.astype(int)).max(axis=-1)
    changed = float((delta > 48).mean())
    if changed > 0.01 or float(delta.mean()) > 3:
        return f"{changed:.2%} of pixels changed, mean difference {delta.mean():.2f}"
    return ""


@pytest.mark.parametrize("name", list(CASES))
def test_reference_screenshot(qtbot, window, name):
    config, view = CASES[name]
    load(qtbot, window, config)  # the fixture's window is 1400x900: panel sizes are fixed
    window.sim.seek(12)
    qtbot.wait(100)
    actual = render_rgba(getattr(window, view))[..., :3]
    path = REFERENCE / f"{name}.png"
    if os.environ.get("RNNVIZ_UPDATE_REFERENCES"):
        write_png(actual, path)
        pytest.skip("reference updated")
    image = QImage(str(path)).convertToFormat(QImage.Format_RGBA8888)
    expected = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3]
    problem = differs(actual, expected)
    assert not problem, f"{name}: {problem} (see {path})"
