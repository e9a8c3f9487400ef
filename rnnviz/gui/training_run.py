"""A training run on a background thread, reporting to the GUI through Qt signals."""

from __future__ import annotations

import gc
import logging
import tempfile
import threading
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from rnnviz.core.errors import RnnvizError
from rnnviz.core.torch_work import TORCH_WORK
from rnnviz.gui.i18n import tr

log = logging.getLogger("rnnviz")
REPORT_EVERY_S = 0.05  # progress signals at most 20 times a second


class TrainingRun(QObject):
    """Owns one Trainer and its thread.

    Signals:
        progress(object): a rnnviz.core.training.Progress, throttled.
        finished(object): the TrainResult (also after a stop or a divergence).
        failed(str): what went wrong; the weights shown before stay.
        current(object, int): the weights asked for with `ask_current`, and the step
            they were reached at.
    """

    progress = Signal(object)
    started = Signal(str)  # what is being trained, where
    finished = Signal(object)
    failed = Signal(str)
    current = Signal(object, int)

    def __init__(self, settings, parent: QObject | None = None):
        super().__init__(parent)
        from rnnviz.core.tasks import make_task

        settings.check()  # impossible settings are refused here, before any thread
        self.settings = settings
        self.task = make_task(settings.task)
        # Built on the training thread: the first optimizer costs over a second of imports.
        self.trainer = None
        self._stop, self._pause = threading.Event(), _StepGate(self._answer)
        self._asked = threading.Event()  # the current weights were asked for
        self.steps_done = 0  # steps whose weights the Trainer keeps (as last reported)
        self._thread = threading.Thread(target=self._run, name="rnnviz-training", daemon=True)
        self._last_report = 0.0
        self.result = None

    def start(self) -> None:
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def set_paused(self, paused: bool) -> None:
        (self._pause.set if paused else self._pause.clear)()

    def stop(self) -> None:
        self._stop.set()
        self._pause.clear()

    def wait(self, seconds: float | None = None) -> bool:
        self._thread.join(seconds)
        return not self._thread.is_alive()

    def ask_current(self) -> None:
        """Emit `current` with the weights reached and their step: from the training
        thread between two steps while it runs (the only moment they belong together),
        at once when it has ended (a request as it ends is met by `finished`)."""
        if self.trainer is None:
            return
        if self.running:
            self._asked.set()
        else:
            self.current.emit(self.trainer.current_network(), self.steps_done)

    def _answer(self) -> None:
        """On the training thread, between steps (see _StepGate)."""
        if self._asked.is_set() and self.trainer is not None:
            self._asked.clear()
            self.current.emit(self.trainer.current_network(), self.steps_done)

    def _report(self, progress) -> None:
        self.steps_done = progress.step  # the Trainer kept this step's weights just before
        now = time.perf_counter()
        if now - self._last_report >= REPORT_EVERY_S or progress.step == progress.steps:
            self._last_report = now
            self.progress.emit(progress)

    def _run(self) -> None:
        from rnnviz.core.training import Trainer

        try:
            warm_up()
            self.trainer = Trainer(self.settings, self._stop, self._pause)
            self.started.emit(tr("training {network} on {device}…").format(
                network=self.trainer.spec.title(), device=self.trainer.device.describe()))
            self.result = self.trainer.run(self._report)
        except Exception as exc:  # noqa: BLE001 - reported in the window, which stays up
            log.error("training failed:\n%s", traceback.format_exc())
            self.failed.emit(str(exc) if isinstance(exc, RnnvizError) else
                             tr("training failed: {kind}: {error}").format(
                                 kind=type(exc).__name__, error=exc))
            return
        self.finished.emit(self.result)

    def save_weights(self, network, path: Path) -> Path:
        """Write `network` as a trained checkpoint, with its JSON and example input."""
        from rnnviz.core.files.checkpoint import save_trained

        metric = self.result.evals[-1][1] if self.result and self.result.evals else None
        save_trained(network, path, self.task, self.settings, metric,
                     self.result.stopped if self.result else None)
        return path


class _StepGate(threading.Event):
    """The pause flag given to the Trainer, which reads it at the top of every step
    (core/training.py: `while self.pause.is_set() ...`), also every 20 ms while paused.
    There no step is under way and the weights kept are those of the last step reported,
    so a request for the current weights is answered there, with their true step."""

    def __init__(self, between_steps):
        super().__init__()
        self._between_steps = between_steps

    def is_set(self) -> bool:
        self._between_steps()
        return super().is_set()


def trained_titles(task: str, network, step: int, example: Path | None) -> tuple[str, str]:
    """What the panels call weights trained in the window, and their example input: what
    the user knows of them (task, network, step), not the files they were kept in."""
    spec = network.spec
    shape = spec.title() if getattr(spec, "decoder", None) is None else \
        f"{spec.encoder.title()} → {spec.decoder.title()}"
    model = tr("trained in the window: {task}, {network}, step {step}").format(
        task=task, network=shape, step=step)
    steps = ""
    if example is not None and example.is_file():
        import numpy as np

        steps = tr(", {steps} steps").format(steps=np.load(example, mmap_mode="r").shape[0])
    return model, tr("example of the '{task}' task{steps}").format(task=task, steps=steps)


warmed_up = threading.Event()


def warm_up() -> None:
    """Do the first optimizer's imports (torch._dynamo, sympy: over a second) now.

    Called on a background thread soon after the window opens, so pressing Start later
    does not stall the window on imports. A garbage collection started by the GUI thread
    in the middle of those imports can free half-built objects and abort the process,
    so collection waits until they are done.
    """
    with TORCH_WORK.exclusive():  # no computation runs while its imports are half done
        if warmed_up.is_set():
            return
        gc.disable()
        try:
            torch_module = __import__("torch")
            torch_module.optim.Adam([torch_module.zeros(1, requires_grad=True)])
            # those imports (~120,000 objects, kept for the session) out of the collector:
            # a full collection walking them stalls an edit or a step by ~80 ms
            gc.freeze()
        finally:
            gc.enable()
        warmed_up.set()


def warm_up_in_background() -> None:
    if not warmed_up.is_set():
        threading.Thread(target=warm_up, name="rnnviz-warm-up", daemon=True).start()


def is_scratch(path: str | Path) -> bool:
    return _SCRATCH is not None and Path(path).resolve().is_relative_to(
        Path(_SCRATCH.name).resolve())


def scratch_folder() -> Path:
    """Where weights shown mid-training are written; removed when the process ends."""
    global _SCRATCH
    if _SCRATCH is None:
        _SCRATCH = tempfile.TemporaryDirectory(prefix="rnnviz-training-")
    return Path(_SCRATCH.name)


_SCRATCH: tempfile.TemporaryDirectory | None = None
