"""Training curves: the loss and the validation metric against the optimizer step.

A view of its own (not squeezed into the Training panel's form), so it can be docked
large, put on the stage or exported as a figure. The Training panel feeds it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from rnnviz.gui.i18n import tr
from rnnviz.gui.views.axes import IntegerAxis


def loss_names() -> dict[str, str]:
    return {"mse": tr("mean squared error"), "cross_entropy": tr("cross-entropy")}


class TrainingCurvesView(QWidget):
    """Loss (log scale) and validation metric of a training run, as it runs."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground("w")
        self.title = self.canvas.addLabel(tr("no training run yet: start one in the "
                                             "Training panel"), row=0, col=0,
                                          color="#333333")
        self.loss_plot = self.canvas.addPlot(row=1, col=0, axisItems={
            "bottom": IntegerAxis("bottom")})
        self.metric_plot = self.canvas.addPlot(row=2, col=0, axisItems={
            "bottom": IntegerAxis("bottom")})
        for plot in (self.loss_plot, self.metric_plot):
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.showGrid(x=False, y=True, alpha=0.15)
            plot.setLabel("bottom", tr("optimizer step"))
            for side in ("left", "bottom"):  # "(x0.001)" misreads a log axis or a count
                plot.getAxis(side).enableAutoSIPrefix(False)
        self.metric_plot.setXLink(self.loss_plot)
        self.loss_plot.setLogMode(y=True)
        self.loss_plot.setLabel("left", tr("loss (log scale)"))
        self.canvas.ci.layout.setRowStretchFactor(1, 3)
        self.canvas.ci.layout.setRowStretchFactor(2, 2)
        self.loss_curve = self.loss_plot.plot(pen=pg.mkPen("#0072B2", width=1.5))
        self.metric_curve = self.metric_plot.plot(pen=pg.mkPen("#D55E00", width=2),
                                                  symbol="o", symbolSize=5,
                                                  symbolBrush="#D55E00", symbolPen=None)
        self.losses: list[tuple[int, float]] = []  # (step, loss)
        self.evals: list[tuple[int, float]] = []  # (step, validation metric)
        self.metric_name = "validation"
        self._title = tr("no training run yet: start one in the Training panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.canvas)
        self._empty_ranges()

    def _empty_ranges(self) -> None:
        """Before the first point: plain decades, not an autorange of nothing."""
        self.loss_plot.setRange(xRange=(0, 100), yRange=(-3, 0), padding=0)
        if self.metric_plot.getAxis("left").logMode:
            self.metric_plot.setYRange(-4, 0, padding=0)

    def set_task(self, task, network: str = "") -> None:
        """Titles for a task (rnnviz.core.tasks.Task), and the network trained on it."""
        from rnnviz.gui.panels.training_panel import core_text

        on = f" — {network}" if network else ""
        self._title = tr("training on '{task}': {description}").format(
            task=task.name, description=core_text(task.description)) + on
        self._show_title()
        self.loss_plot.setTitle(tr("training loss: {loss}").format(
            loss=loss_names().get(task.loss, task.loss)))
        self.metric_name = task.metric_name
        log = self.metric_name == "mse"  # an error spans decades; an accuracy is 0..1
        self.metric_plot.setLogMode(y=log)
        self.metric_plot.setTitle(tr("validation {metric} (log scale)").format(
            metric=self.metric_name) if log else tr("validation {metric}").format(
            metric=self.metric_name))
        self.metric_plot.setLabel("left", self.metric_name)
        if log:
            self.metric_plot.setYRange(-4, 0, padding=0)
        else:
            self.metric_plot.setYRange(0, 1, padding=0.05)

    def _show_title(self) -> None:
        waiting = "" if self.losses else tr(" — no run yet: Start in the Training panel")
        self.title.setText(self._title + waiting)

    def clear(self) -> None:
        self.losses, self.evals = [], []
        self._show_title()
        self.loss_curve.setData([], [])
        self.metric_curve.setData([], [])
        self._empty_ranges()

    def add(self, step: int, loss: float, metric: float | None = None) -> None:
        """One progress report: the loss at `step`, and the validation metric when one was
        measured (a report repeats the last one until the next evaluation)."""
        if not self.losses:  # the first point: the ranges follow the data from now on
            self.loss_plot.enableAutoRange()
            if self.metric_plot.getAxis("left").logMode:
                self.metric_plot.enableAutoRange(y=True)
        self.losses.append((step, max(loss, 1e-12)))  # a log axis: no zero
        if len(self.losses) == 1:
            self._show_title()
        self.loss_curve.setData(*np.array(self.losses).T)
        if metric is not None and (not self.evals or self.evals[-1][1] != metric):
            self.evals.append((step, metric))
            steps, values = np.array(self.evals).T
            if self.metric_plot.getAxis("left").logMode:
                values = np.maximum(values, 1e-12)  # a perfect fit: drawn at the axis floor
            self.metric_curve.setData(steps, values)
