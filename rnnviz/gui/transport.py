"""Transport: reset, back, play/pause, forward, end, speed and the timeline slider."""

from __future__ import annotations

import time

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QCheckBox,
    QSlider,
    QSpinBox,
    QStyle,
    QStyleOptionSlider,
    QToolBar,
)

from rnnviz.gui.colors import DIFFERENCE_COLOR
from rnnviz.gui.i18n import tr
from rnnviz.gui.quiet import quiet
from rnnviz.gui.step_text import StepText


class Timeline(QSlider):
    """The timeline slider; with edits, the step from which the edited run differs from the
    original is marked on it (a red tick, and the groove after it tinted)."""

    def __init__(self, parent=None):
        super().__init__(Qt.Horizontal, parent)
        self.mark: int | None = None

    def set_mark(self, step: int | None) -> None:
        if step != self.mark:
            self.mark = step
            self.update()

    def mark_x(self) -> float | None:
        """The x (pixels) of the marked step's centre on the groove, or None."""
        if self.mark is None or self.maximum() <= self.minimum():
            return None
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(QStyle.CC_Slider, option,
                                             QStyle.SC_SliderGroove, self)
        handle = self.style().subControlRect(QStyle.CC_Slider, option,
                                             QStyle.SC_SliderHandle, self)
        span = max(1, groove.width() - handle.width())
        offset = QStyle.sliderPositionFromValue(self.minimum(), self.maximum(), self.mark,
                                                span, option.upsideDown)
        return groove.left() + handle.width() / 2 + offset

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        x = self.mark_x()
        if x is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        color = QColor(DIFFERENCE_COLOR)
        tint = QColor(color)
        tint.setAlpha(70)  # the steps the edits reach: the groove after the mark, tinted
        middle, band = self.height() / 2, max(4.0, self.height() / 4)
        painter.fillRect(QRectF(x, middle - band / 2, max(0.0, self.width() - x), band), tint)
        painter.setPen(QPen(color, 3))
        painter.drawLine(QPointF(x, 1), QPointF(x, self.height() - 1))
        size = max(4.0, self.height() / 4)  # a small flag on top: findable at a glance
        painter.setPen(Qt.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(QPolygonF([QPointF(x - size, 0), QPointF(x + size, 0),
                                       QPointF(x, size * 1.2)]))
        painter.end()


class Transport(QToolBar):
    """Moves the Simulator's cursor; keys Space, ←, →, Home, End.

    Play keeps to `speed` steps per second by the clock: each timer tick shows the step
    that is due, so a slow paint delays the picture, not the sequence. It stops at the end.
    """

    def __init__(self, simulator, parent=None):
        super().__init__(tr("Transport"), parent)
        self.setObjectName("transport")
        self.sim = simulator
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self._origin = (0.0, 0)  # (clock, t) when play (or its speed) started
        self.reset_action = self._action(tr("|◀ Reset"), "Home", tr("back to t = 0"),
                                         simulator.seek, 0)
        self.back_action = self._action(tr("◀ Back"), "Left", tr("one step back"), self._step,
                                        -1)
        self.play_action = self._action(tr("▶ Play"), "Space", tr("play / pause"),
                                        self.toggle_play)
        self.forward_action = self._action(tr("Step ▶"), "Right", tr("one step forward"),
                                           self._step, 1)
        self.end_action = self._action(tr("End ▶|"), "End", tr("jump to the last step"),
                                       self._end)
        self.backward = QCheckBox(tr("backward (T → 0)"))
        self.backward.setToolTip(tr("step the backward pass: Step goes from the last step "
                                    "toward t = 0, as the gradient travels"))
        self.addWidget(self.backward)
        self.speed = QSpinBox()
        self.speed.setRange(1, 240)
        self.speed.setValue(8)
        self.speed.setSuffix(tr(" steps/s"))
        self.speed.setToolTip(tr("play speed"))
        self.speed.valueChanged.connect(self._on_speed)
        self.addWidget(self.speed)
        self.slider = Timeline()
        self.slider.setMinimumWidth(160)
        self.slider.setToolTip(tr("timeline: drag to any step"))
        self.slider.valueChanged.connect(simulator.seek)
        self.addWidget(self.slider)
        self.label = StepText(wrap=False)  # changes at every step: repainted, not re-laid out
        self.label.setObjectName("stepLabel")
        self.label.setMinimumWidth(150)
        self.addWidget(self.label)
        simulator.trace_changed.connect(self._on_trace_changed)
        simulator.cursor_changed.connect(self._on_cursor_changed)

    def _action(self, text: str, key: str, tip: str, slot, *args) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setToolTip(f"{tip} ({key})")
        action.triggered.connect(lambda: slot(*args))
        self.addAction(action)
        return action

    @property
    def direction(self) -> int:
        """+1 forward in time; -1 in backward mode (the gradient's direction)."""
        return -1 if self.backward.isChecked() else 1

    def _step(self, delta: int) -> None:
        self.sim.step(delta * self.direction)

    @property
    def playing(self) -> bool:
        return self.timer.isActive()

    def toggle_play(self) -> None:
        if self.playing:
            self.pause()
        elif self.sim.length:
            start, end = (0, self.sim.length - 1)[:: self.direction]
            if self.sim.position == end:
                self.sim.seek(start)
            self._on_speed(self.speed.value())
            self.timer.start()
            self.play_action.setText(tr("❚❚ Pause"))

    def _restart_clock(self) -> None:
        self._origin = (time.perf_counter(), self.sim.position)

    def pause(self) -> None:
        self.timer.stop()
        self.play_action.setText(tr("▶ Play"))

    def _tick(self) -> None:
        end = self.sim.length - 1 if self.direction > 0 else 0
        if self.sim.position == end:
            self.pause()
            return
        started, t0 = self._origin
        due = t0 + self.direction * int((time.perf_counter() - started) * self.speed.value())
        if (due - self.sim.position) * self.direction > 0:
            self.sim.seek(min(due, end) if self.direction > 0 else max(due, end))

    def _end(self) -> None:
        self.sim.seek(self.sim.length - 1)

    def _on_speed(self, value: int) -> None:
        self.timer.setInterval(max(1, int(1000 / value)))  # ticks at least as often as steps
        self._restart_clock()

    def _on_trace_changed(self) -> None:
        with quiet(self.slider):
            self.slider.setRange(0, max(0, self.sim.length - 1))
        snap = self.sim.snapshot
        mark = None if snap is None or snap.original is None else snap.diverges_at
        self.slider.set_mark(mark)
        self.slider.setToolTip(tr("timeline: drag to any step") if mark is None else
                               tr("timeline: drag to any step; red mark: the edited run "
                                  "differs from the original from t = {step}").format(step=mark))
        # wide enough for the longest step text of this trace (a million steps included),
        # and fixed while stepping: a changing text must not relayout the bar
        widest = tr("decoder t = {t}").format(t=self.sim.length) + \
            f"  /  T = {self.sim.length}"
        width = max(150, self.label.fontMetrics().horizontalAdvance(widest) + 8)
        self.label.setFixedWidth(width)

    def _on_cursor_changed(self, _t: int) -> None:
        position = self.sim.position  # on the whole timeline (seq2seq: encoder, then decoder)
        with quiet(self.slider):
            self.slider.setValue(position)
        self.label.setText(f"{self.sim.where()}  /  T = {self.sim.length}")
