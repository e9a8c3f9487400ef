"""The compare strip labels every row it draws: against `untrained,rnn` three rows and
three names, 'untrained' among them (issue 17), in the window and in a figure."""

from gui_support import load
from PySide6.QtGui import QImage, QPainter

from rnnviz.gui.config import Config

TIMEOUT_MS = 60_000


def drawn_labels(axis) -> list[str]:
    """The row names pyqtgraph paints at the axis's present size and font (it leaves out a
    name that does not fit inside the axis)."""
    image = QImage(8, 8, QImage.Format_ARGB32)
    painter = QPainter(image)
    if axis.style["tickFont"]:
        painter.setFont(axis.style["tickFont"])
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in texts]


def rows_and_names(view) -> tuple[int, list[str], list[str]]:
    strip = view.strip
    return strip.image.image.shape[0], list(strip.labels), drawn_labels(strip.getAxis("left"))


def test_every_compared_row_is_named(qtbot, window, tmp_path):
    load(qtbot, window, Config(cell="lstm", hidden_size=6, length=10))
    panel = window.training_panel
    panel.task.setCurrentText("adding")
    panel.steps.setValue(5)
    with qtbot.waitSignal(window.sim.trace_changed, timeout=TIMEOUT_MS):
        panel.start()
    view = window.gradient_view
    view.compare.setText("untrained,rnn")
    with qtbot.waitSignal(window.sim.gradients_changed, timeout=TIMEOUT_MS):
        view.objective.setCurrentText("sum of h_T")
    qtbot.wait(50)  # laid out and painted once
    rows, labels, drawn = rows_and_names(view)
    assert rows == 3 and labels == drawn
    assert labels == ["this: LSTM 1×6", "untrained (seed 0)", "RNN (tanh) 1×6"]

    # a figure of the view, at a projector's size: the names grow with the rows
    from rnnviz.gui.pictures import Picture, surface

    with surface(window, Picture("figure", ("gradients",), 1920, 1080)) as stage:
        assert stage.isVisible()
        rows, labels, drawn = rows_and_names(view)
        assert rows == 3 and drawn == labels
    rows, labels, drawn = rows_and_names(view)  # back in its dock, named as before
    assert rows == 3 and drawn == labels
