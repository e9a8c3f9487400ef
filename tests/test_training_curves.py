"""Training curves, a view of their own: loss on a log axis and the validation metric,
against whole optimizer steps, titled with the task."""

import numpy as np
import pytest

from rnnviz.core.tasks import make_task
from rnnviz.gui.views.training_curves import TrainingCurvesView


@pytest.fixture
def view(qtbot):
    view = TrainingCurvesView()
    qtbot.addWidget(view)
    view.resize(800, 480)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_curves_show_the_points_fed_with_titles_for_the_task(qtbot, view):
    view.set_task(make_task("sign"), "LSTM 1×8")
    assert "sign" in view.title.text and "LSTM 1×8" in view.title.text
    assert view.loss_plot.getAxis("left").logMode
    assert view.loss_plot.getAxis("left").labelText == "loss (log scale)"
    assert view.metric_plot.getAxis("left").labelText == "accuracy"
    for plot in (view.loss_plot, view.metric_plot):
        assert plot.getAxis("bottom").labelText == "optimizer step"
    for step in range(1, 101):
        view.add(step, 1.0 / step, None if step % 20 else step / 100)
    steps, losses = view.loss_curve.xData, view.loss_curve.yData  # before the log
    np.testing.assert_array_equal(steps, np.arange(1, 101))
    np.testing.assert_allclose(losses, 1 / np.arange(1, 101))
    steps = view.metric_curve.xData
    np.testing.assert_array_equal(steps, [20, 40, 60, 80, 100])
    qtbot.wait(50)
    axis = view.metric_plot.getAxis("bottom")
    ticks = [v for _, values in axis.tickValues(*axis.range, axis.width()) for v in values]
    assert ticks and all(float(v).is_integer() for v in ticks)


def test_a_repeated_metric_is_one_point_and_a_zero_loss_stays_drawable(qtbot, view):
    view.set_task(make_task("sine"))
    assert view.metric_plot.getAxis("left").logMode  # an error spans decades
    view.add(1, 0.0, 0.5)
    view.add(2, 0.1, 0.5)  # the same evaluation reported again
    view.add(3, 0.05, 0.0)  # a perfect fit: drawn at the axis floor, not lost
    assert len(view.metric_curve.xData) == 2
    assert np.all(view.loss_curve.yData > 0)
    assert np.all(np.isfinite(np.log10(view.metric_curve.yData)))
    view.clear()
    assert view.losses == [] and view.loss_curve.xData is None


def test_the_training_panel_feeds_the_view_without_holding_it(qtbot, window):
    panel = window.training_panel
    view = panel.curves_view
    assert isinstance(view, TrainingCurvesView)
    assert not panel.isAncestorOf(view)  # the window docks it, large
    panel.task.setCurrentText("adding")
    assert view.metric_name == "mse" and "validation mse" in view.metric_plot.titleLabel.text
