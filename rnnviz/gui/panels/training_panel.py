"""Training panel: task and settings, start / pause / stop, progress, checkpoints.

The network's shape (cell, hidden size, layers) comes from the Network panel; the task
fixes the input and output sizes. Weights reached at any moment can be shown in the
simulator ("Show current weights"); at the end they are shown automatically. The loss
and validation curves are a view of their own (`curves_view`), fed from here and docked
by the window, so they can be large.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rnnviz.core.errors import RnnvizError
from rnnviz.core.tasks import TASK_NAMES, make_task
from rnnviz.core.topology import TITLES
from rnnviz.core.train_settings import OPTIMIZERS, TrainSettings
from rnnviz.gui.choices import fill, on_choice
from rnnviz.gui.i18n import tr
from rnnviz.gui.kept_weights import new_kept_path
from rnnviz.gui.panels.network_panel import device_titles
from rnnviz.gui.training_run import TrainingRun, scratch_folder, trained_titles
from rnnviz.gui.views.training_curves import TrainingCurvesView


def task_titles() -> dict[str, str]:
    """The tasks as the combo shows them (its item data: `rnnviz train --task`'s name)."""
    return {"sine": tr("sine"), "chars": tr("chars"), "adding": tr("adding"),
            "sign": tr("sign"), "reverse": tr("reverse"), "copy": tr("copy")}


def core_text(text: str) -> str:
    """A task's sentence from rnnviz.core (English, shared with `rnnviz train`) in the
    window's language: the sentences core has now are listed here; another stays English."""
    known = {
        "predict the next value of a sum of two sines":
            tr("predict the next value of a sum of two sines"),
        "validation MSE < 0.002": tr("validation MSE < 0.002"),
        "predict the next character of a short text":
            tr("predict the next character of a short text"),
        "validation accuracy > 0.5 (chance: 1 / vocabulary)":
            tr("validation accuracy > 0.5 (chance: 1 / vocabulary)"),
        "add the two marked numbers of a 40-step sequence":
            tr("add the two marked numbers of a 40-step sequence"),
        "LSTM validation MSE < 0.02; a plain RNN stays far above (always guessing 1 gives "
        "≈ 0.167)": tr("LSTM validation MSE < 0.02; a plain RNN stays far above (always "
                       "guessing 1 gives ≈ 0.167)"),
        "is the sum of a noisy sequence positive?":
            tr("is the sum of a noisy sequence positive?"),
        "validation accuracy > 0.9": tr("validation accuracy > 0.9"),
        "read 5 symbols of 'abcdefgh', then write them backwards":
            tr("read 5 symbols of 'abcdefgh', then write them backwards"),
        "greedy sequence accuracy ≥ 0.95 (chance: 8⁻⁵)":
            tr("greedy sequence accuracy ≥ 0.95 (chance: 8⁻⁵)"),
        "read 5 symbols of 'abcdefgh', then write them again, in order":
            tr("read 5 symbols of 'abcdefgh', then write them again, in order"),
        "N→N": "N→N", "N→1": "N→1", "1→N": "1→N",
        "N→M encoder–decoder": tr("N→M encoder–decoder"),
    }
    return known.get(text, text)


class TrainingPanel(QWidget):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window = window
        self.run: TrainingRun | None = None
        self._shown = 0  # checkpoints written for showing, numbered
        self._abandoned: list = []  # runs stopped whose results are not shown
        d = TrainSettings()
        self.task = QComboBox()
        fill(self.task, TASK_NAMES, task_titles())
        on_choice(self.task, self._on_task)
        self.goal = QLabel()
        self.goal.setWordWrap(True)
        self.steps = self._spin(1, 1_000_000, d.steps,
                                tr("optimizer steps (a fresh batch each)"))
        self.lr = QDoubleSpinBox(decimals=4, minimum=0.0001, maximum=1.0, singleStep=0.001,
                                 value=d.lr)
        self.batch = self._spin(1, 4096, d.batch_size, tr("sequences per step"))
        self.optimizer = QComboBox()
        self.optimizer.addItems(list(OPTIMIZERS))
        self.clip = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=100.0, value=d.clip)
        self.clip.setToolTip(tr("max gradient norm (0: no clipping)"))
        self.seed = self._spin(0, 2**31 - 1, d.seed, tr("seed of the weights and the data"))
        self.device = QComboBox()
        fill(self.device, ["cpu", "auto", "cuda", "mps"], device_titles())
        self.start_button = QPushButton(tr("Start"))
        self.pause_button = QPushButton(tr("Pause"))
        self.paused = False  # what the pause button does next: pause, or resume
        self.stop_button = QPushButton(tr("Stop"))
        self.show_button = QPushButton(tr("Show current weights"))
        self.save_button = QPushButton(tr("Save checkpoint…"))
        self.progress = QProgressBar()
        self.status = QLabel(tr("not started"))
        self.status.setWordWrap(True)
        self.curves_view = TrainingCurvesView()  # not in this layout: the window docks it
        self._layout()
        self._connect()
        self._on_task(self.task.currentData())
        self._set_running(False)

    @staticmethod
    def _spin(lo: int, hi: int, value: int, tip: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(lo, hi)
        box.setValue(value)
        box.setToolTip(tip)
        return box

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(tr("task"), self.task)
        form.addRow(self.goal)
        form.addRow(tr("steps"), self.steps)
        form.addRow(tr("learning rate"), self.lr)
        form.addRow(tr("batch size"), self.batch)
        form.addRow(tr("optimizer"), self.optimizer)
        form.addRow(tr("clip gradients"), self.clip)
        form.addRow(tr("seed"), self.seed)
        form.addRow(tr("device"), self.device)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(button)
        more = QHBoxLayout()
        more.addWidget(self.show_button)
        more.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(more)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop)
        self.show_button.clicked.connect(self.show_current)
        self.save_button.clicked.connect(self.save_checkpoint)

    def _on_task(self, name: str) -> None:
        task = make_task(name)
        shape = {"n2n": tr("every step"), "n2one": tr("at the end"),
                 "seq2seq": tr("an encoder, then a decoder writing symbols")}[task.topology]
        self.goal.setText(tr("{task}; {inputs} in, {outputs} out ({topology}: {shape}). "
                             "Goal: {goal}.").format(
            task=core_text(task.description), inputs=task.input_size,
            outputs=task.output_size, topology=core_text(TITLES[task.topology]), shape=shape,
            goal=core_text(task.goal)))
        self.curves_view.set_task(task)

    def settings(self) -> TrainSettings:
        """The panel's settings, with the network shape of the Network panel."""
        config, snapshot = self.window.sim.requested, self.window.sim.snapshot
        spec = self.window.sim.spec if config.model and self.window.sim.spec else config
        if config.model and snapshot is not None and snapshot.model is not None:
            spec = snapshot.model.encoder.spec  # a seq2seq: its encoder shapes the network
        seq2seq = {"decoder_cell": config.decoder_cell, "context": config.context,
                   "context_map": config.context_map}  # used by the seq2seq tasks
        return TrainSettings(task=self.task.currentData(), cell=spec.cell, **seq2seq,
                             nonlinearity=spec.nonlinearity or "tanh",
                             hidden_size=spec.hidden_size, num_layers=spec.num_layers,
                             steps=self.steps.value(), lr=self.lr.value(),
                             batch_size=self.batch.value(),
                             optimizer=self.optimizer.currentText(), clip=self.clip.value(),
                             seed=self.seed.value(), device=self.device.currentData())

    # ----- running ----------------------------------------------------------------------
    def start(self) -> None:
        if self.run is not None and self.run.running:
            return
        try:
            self.run = TrainingRun(self.settings(), self)
        except RnnvizError as exc:  # impossible settings: refused before anything runs
            self.window.report_error(str(exc))
            return
        self.run.started.connect(self.status.setText)
        self.run.progress.connect(self._on_progress)
        self.run.finished.connect(self._on_finished)
        self.run.failed.connect(self._on_failed)
        self.run.current.connect(self.show_network)
        self.curves_view.clear()
        settings = self.run.settings
        self.curves_view.set_task(make_task(settings.task), f"{settings.cell.upper()} "
                                  f"{settings.num_layers}×{settings.hidden_size}")
        self.progress.setRange(0, self.run.settings.steps)
        self.progress.setValue(0)
        self.status.setText(tr("starting…"))
        self._set_running(True)
        self.run.start()

    def toggle_pause(self) -> None:
        if self.run is None or not self.run.running:
            return
        self.paused = not self.paused
        self.run.set_paused(self.paused)
        self.pause_button.setText(tr("Resume") if self.paused else tr("Pause"))

    def stop(self) -> None:
        if self.run is not None:
            self.run.stop()

    def abandon(self) -> None:
        """Stop the run and show nothing it sends (a lesson moved to another scene)."""
        run = self.run
        if run is None or not run.running:
            return
        self.close_run()
        self._abandoned.append(run)  # its thread object lives until the thread has ended
        self.run = None
        self._set_running(False)
        self.status.setText(tr("stopped: the lesson went on to another scene"))

    def close_run(self) -> None:
        """The window is closing: stop, wait for the thread, and ignore what it sends."""
        if self.run is None:
            return
        for signal in (self.run.progress, self.run.finished, self.run.failed,
                       self.run.started, self.run.current):
            signal.disconnect()
        self.run.stop()
        self.run.wait(10)

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.paused = False
        self.pause_button.setText(tr("Pause"))
        self.stop_button.setEnabled(running)
        self.show_button.setEnabled(self.run is not None)
        self.save_button.setEnabled(self.run is not None and not running)

    def _on_progress(self, p) -> None:
        self.progress.setValue(p.step)
        self.curves_view.add(p.step, p.loss, p.metric)
        metric = "" if p.metric is None else \
            tr(", validation {metric}").format(metric=f"{p.metric:.4f}")
        self.status.setText(tr("step {step}/{steps}, loss {loss}{metric}, ETA {eta} s").format(
            step=p.step, steps=p.steps, loss=f"{p.loss:.4f}", metric=metric,
            eta=f"{p.eta:.0f}"))

    def _on_finished(self, result) -> None:
        self._set_running(False)
        metric = result.evals[-1][1] if result.evals else None
        done = result.stopped or tr("done in {seconds} s").format(
            seconds=f"{result.seconds:.1f}")
        self.status.setText(tr("{done}; validation {metric} — showing the trained network")
                            .format(done=done, metric=metric if metric is None
                                    else round(metric, 4)))
        self.show_network(result.network, len(result.losses))  # one loss per step kept

    def _on_failed(self, message: str) -> None:
        self._set_running(False)
        from rnnviz.gui.core_text import translate_message

        self.status.setText(translate_message(message))
        self.window.report_error(message)

    # ----- weights into the simulator, and onto disk ---------------------------------------
    def show_current(self) -> None:
        """The weights reached so far, shown once the training thread hands them over."""
        if self.run is not None:
            self.run.ask_current()

    def show_network(self, network, step: int) -> None:
        """Show weights reached at `step`: kept in the app's data folder, so a relaunch
        reopens them (a temporary folder, gone at exit, when that cannot be written)."""
        from rnnviz.core.files.checkpoint import example_input_path

        self._shown += 1
        try:
            path = new_kept_path()
        except OSError as exc:
            self.window.statusBar().showMessage(
                tr("the trained weights are not kept after exit: {error}").format(error=exc),
                8000)
            path = scratch_folder() / f"weights-{self._shown}.pt"
        try:
            self.run.save_weights(network, path)
        except (OSError, RnnvizError) as exc:
            self.window.report_error(
                tr("could not write the trained weights: {error}").format(error=exc))
            return
        self.window.kept.own(path)
        model_title, input_title = trained_titles(self.run.settings.task, network, step,
                                                  example_input_path(path))
        self.window.open_model_file(str(path), model_title=model_title,
                                    input_title=input_title)

    def save_checkpoint(self) -> None:
        if self.run is None or self.run.result is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the trained checkpoint"),
                                              f"rnnviz-{self.run.settings.task}.pt",
                                              tr("PyTorch state_dict (*.pt)"))
        if path:
            self.write_checkpoint(Path(path))

    def write_checkpoint(self, path: Path) -> None:
        """The trained weights, their JSON and example input (the dialog asked first)."""
        try:
            self.run.save_weights(self.run.result.network, path)
        except (OSError, RnnvizError) as exc:
            self.window.report_error(
                tr("could not save the checkpoint: {error}").format(error=exc))
            return
        self.window.statusBar().showMessage(tr("saved {path}").format(path=path), 8000)
