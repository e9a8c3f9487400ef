"""The Simulator: the one object that owns what the window shows.

It holds the configuration, the computed snapshot (network, input, trace) and the
cursor: time step t and the selected (layer, direction, unit, batch). Views read it
and change it only through its methods; they never call torch.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from rnnviz.core.torch_work import TORCH_WORK
from rnnviz.gui.config import Config
from rnnviz.gui.i18n import tr
from rnnviz.gui.jobs import Snapshot, compute_snapshot
from rnnviz.gui.worker import Worker

log = logging.getLogger("rnnviz")


def training_seed(model: str | None) -> int | None:
    """The seed an rnnviz-trained checkpoint's training started from (its sidecar), if any."""
    from rnnviz.core.files.checkpoint import read_sidecar

    info = read_sidecar(model) if model else None
    seed = ((info or {}).get("settings") or {}).get("seed")
    return seed if isinstance(seed, int) else None


class Simulator(QObject):
    """Owns config, snapshot and cursor.

    Signals:
        trace_changed(): a new snapshot is in place (network, sequence and trace).
        gradients_changed(): gradients of the chosen objective were computed (or cleared).
        seeking(int): the cursor is about to move to this timeline position (views that
            will read steps around it may start computing them: a long trace's chunks).
        cursor_changed(int): the time step t moved.
        selection_changed(): layer, direction, unit or batch changed.
        busy_changed(bool): background computation started / ended.
        progress(float): how far a long computation got (a trace too long to hold).
        error(str): a problem to show the user; the previous state stays.
    """

    trace_changed = Signal()
    gradients_changed = Signal()
    seeking = Signal(int)
    cursor_changed = Signal(int)
    selection_changed = Signal()
    busy_changed = Signal(bool)
    progress = Signal(float)
    error = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.config = Config()  # of the snapshot shown
        self.requested = self.config  # of the newest computation asked for (maybe running)
        self.failed: Config | None = None  # of the last computation that failed
        self.snapshot: Snapshot | None = None  # seq2seq: the half that holds `position`
        self.t = 0  # the step within the shown trace (views index their arrays with it)
        self.position = 0  # the step on the whole timeline (seq2seq: encoder, then decoder)
        self.layer, self.direction, self.unit, self.batch_index = 0, "fwd", 0, 0
        # what the user picked: kept while a seq2seq's other half (fewer layers, one
        # direction) shows less, and restored on the way back
        self._wanted = (0, "fwd", 0)
        self._worker = Worker(self)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.busy_changed.connect(self.busy_changed)
        self._worker.progress.connect(self.progress)
        self.gradients = None  # rnnviz.core.gradients.Gradients for the current snapshot
        self.s2s_gradients = None  # seq2seq: both halves' (self.gradients is the shown half's)
        self.compared: list[tuple[str, object]] = []  # (label, Gradients) of other cells
        self._grad_worker = Worker(self)
        self._grad_worker.finished.connect(self._on_gradients)
        self._grad_worker.failed.connect(self._on_gradients_failed)

    # ----- what the views read -------------------------------------------------------
    @property
    def trace(self):
        return None if self.snapshot is None else self.snapshot.trace

    @property
    def spec(self):
        return None if self.snapshot is None else self.snapshot.network.spec

    @property
    def length(self) -> int:
        """Steps on the whole timeline (seq2seq: encoder steps + decoder steps)."""
        return 0 if self.snapshot is None else self.snapshot.total_length

    @property
    def input_sequence(self):
        """The input the user gave (seq2seq: the encoder's, while the decoder is shown)."""
        if self.snapshot is None:
            return None
        return self.snapshot.config_sequence or self.snapshot.sequence

    @property
    def offset(self) -> int:
        """Where the shown trace starts on the timeline (the decoder: after the encoder)."""
        return 0 if self.snapshot is None else self.snapshot.offset

    def notes(self) -> list[str]:
        """What was assumed or changed on the user's behalf (shown in the window)."""
        if self.snapshot is None:
            return []
        notes = list(self.spec.notes) + list(self.snapshot.notes)
        if self.trace.device.reason:
            notes.append(f"device: {self.trace.device.reason}")
        snap = self.snapshot
        if snap.original is not None:
            where = "nowhere" if snap.diverges_at is None else f"from t = {snap.diverges_at}"
            notes.append(f"edited run: differs from the original {where}; recomputed in "
                         f"{snap.edit_seconds * 1e3:.0f} ms")
            notes.extend(snap.edit_notes)
        if self.spec.dropout:
            notes.append(f"dropout {self.spec.dropout:g} is recorded; off while stepping "
                         f"(eval mode, as in torch)")
        return notes

    # ----- changing the configuration --------------------------------------------------
    def apply(self, config: Config) -> None:
        """Compute a snapshot for `config` in the background; errors keep the old one."""
        previous = self.snapshot
        self.requested = config
        self._worker.submit(lambda report: compute_snapshot(config, previous, report),
                            reports=True)

    def wait(self, msecs: int = -1) -> bool:
        """Block until background work is done (tests, export, startup benchmarks)."""
        return self._worker.wait(msecs) and self._grad_worker.wait(msecs)

    # ----- gradients ---------------------------------------------------------------------------
    @property
    def objective(self) -> str | None:
        return self.config.gradients

    def set_objective(self, objective: str | None, compare: str | None = None) -> None:
        """Keep ∂objective/∂(every state) computed for the shown network (None: stop), and
        for other cells of the same size and seed on the same input (`compare`: "rnn,gru")."""
        self.config = self.config.with_(gradients=objective, compare=compare)
        self.requested = self.requested.with_(gradients=objective, compare=compare)
        if objective is None:
            self.gradients, self.compared, self.s2s_gradients = None, [], None
            self.gradients_changed.emit()
        elif self.snapshot is not None:
            self._compute_gradients()

    def _compute_gradients(self) -> None:
        snapshot, objective, compare = self.snapshot, self.objective, self.config.compare
        if snapshot.trace.lengths is not None:
            self.gradients, self.compared, self.s2s_gradients = None, [], None
            self.gradients_changed.emit()
            self.error.emit("gradients through time of a padded batch (sequences of their own "
                            "lengths) are not computed yet; clear the lengths to see them")
            return
        if getattr(snapshot.trace, "store", None) is not None:  # a LongTrace
            self.gradients, self.compared, self.s2s_gradients = None, [], None
            self.gradients_changed.emit()
            self.error.emit(f"gradients through time need every step of the trace in memory, "
                            f"and this one ({snapshot.trace.length:,} steps) is kept as "
                            f"checkpoints; shorten the sequence to see them")
            return
        if snapshot.s2s is not None:
            def s2s_job():  # compare overlays single networks: not for an encoder–decoder
                from rnnviz.core.seq2seq_gradients import compute_seq2seq_gradients

                with TORCH_WORK.shared():
                    return snapshot, compute_seq2seq_gradients(
                        snapshot.model, snapshot.s2s, objective, targets=snapshot.targets), []
            self._grad_worker.submit(s2s_job)
            return

        def job():
            with TORCH_WORK.shared():
                return gradients_job()

        def gradients_job():
            from rnnviz.core.gradients import compare_gradients, compute_gradients

            trace = snapshot.trace
            network, clamps = snapshot.network, ()
            if snapshot.original is not None:  # the edited run's: its weights, held parts
                from rnnviz.core.edited_run import with_weights
                from rnnviz.core.interventions import edits_from_lines

                edits = edits_from_lines(snapshot.config.edits)
                network, clamps = with_weights(network, edits), edits.clamps
            own = compute_gradients(network, trace.x, objective, initial=trace.initial,
                                    targets=snapshot.targets, clamps=clamps)
            others = compare_gradients(snapshot.network, trace.x, objective, compare,
                                       snapshot.config.seed, snapshot.targets,
                                       training_seed(snapshot.config.model)) if compare else []
            return snapshot, own, others
        self._grad_worker.submit(job)

    def _on_gradients(self, result) -> None:
        snapshot, gradients, compared = result
        same = snapshot is self.snapshot or (snapshot.s2s is not None
                                             and snapshot.s2s is self.snapshot.s2s)
        if same:  # still the network shown (seq2seq: either half of it)
            self.s2s_gradients = gradients if snapshot.s2s is not None else None
            self.gradients = gradients if self.s2s_gradients is None else \
                self.s2s_gradients.half(self.snapshot.half)
            self.compared = compared
            self.gradients_changed.emit()

    def gradients_for(self, half: str):
        """The Gradients of one half of a seq2seq ("enc"/"dec"), or of the one network."""
        if self.s2s_gradients is not None:
            return self.s2s_gradients.half(half)
        return self.gradients

    def column(self) -> int:
        """The graph column of the current step (a decoder's come after the context's)."""
        dec = self.snapshot is not None and self.snapshot.half == "dec"
        return self.position + (1 if dec else 0)

    def _on_gradients_failed(self, message: str, expected: bool) -> None:
        self.gradients, self.compared, self.s2s_gradients = None, [], None
        self.gradients_changed.emit()
        self._on_failed(message, expected)

    def _on_finished(self, snapshot: Snapshot) -> None:
        self.config = self.requested = snapshot.config
        if snapshot.extended:
            self.position = snapshot.trace.length - 1  # follow the newly typed character
        self.position = min(self.position, snapshot.total_length - 1)
        self._show_half(snapshot.half_at(self.position))
        self.gradients = self.s2s_gradients = None
        self.trace_changed.emit()
        self.cursor_changed.emit(self.t)
        self.selection_changed.emit()
        if self.objective is not None:
            self._compute_gradients()

    def refused(self, config: Config) -> None:
        """`config` could not be computed (refused up front, or failed in the worker). With
        nothing shown yet, further edits build on it: the window shows it in its fields,
        to be fixed."""
        self.failed = config
        if self.snapshot is None:
            self.requested = config

    def _on_failed(self, message: str, expected: bool) -> None:
        self.refused(self.requested)
        if self.snapshot is not None:
            self.requested = self.config  # further edits build on what is shown
        if not expected:
            message = tr("unexpected error (details in the log):") + "\n" + \
                message.strip().splitlines()[-1]
        self.error.emit(message)

    def _show_half(self, snapshot: Snapshot) -> None:
        """Show `snapshot` (a whole trace, or one half of a seq2seq): selection kept in range."""
        self.snapshot = snapshot
        spec = snapshot.network.spec
        layer, direction, unit = self._wanted
        self.layer = min(layer, spec.num_layers - 1)
        self.direction = direction if direction in spec.directions() else "fwd"
        self.unit = min(unit, spec.hidden_size - 1)
        self.batch_index = min(self.batch_index, snapshot.trace.batch - 1)
        self.t = self.position - snapshot.offset
        if self.s2s_gradients is not None:  # the gradients of the half now shown
            self.gradients = self.s2s_gradients.half(snapshot.half)

    def where(self) -> str:
        """The step as the user reads it: "t = 7", or "encoder t = 3" / "decoder t = 1"."""
        half = "" if self.snapshot is None else self.snapshot.half
        if half == "enc":
            return tr("encoder t = {t}").format(t=self.t)
        if half == "dec":
            return tr("decoder t = {t}").format(t=self.t)
        return f"t = {self.t}"

    # ----- moving the cursor ---------------------------------------------------------------
    def seek(self, position: int) -> None:
        """Move to step `position` of the whole timeline (seq2seq: the encoder's steps, then
        the decoder's; crossing over shows the other half in every view)."""
        if self.snapshot is None:
            return
        position = max(0, min(int(position), self.length - 1))
        if position == self.position:
            return
        self.seeking.emit(position)
        self.position = position
        half = self.snapshot.half_at(position)
        if half is not self.snapshot:
            self._show_half(half)
            self.trace_changed.emit()
            self.cursor_changed.emit(self.t)
            self.selection_changed.emit()
            return
        self.t = position - self.snapshot.offset
        self.cursor_changed.emit(self.t)

    def step(self, delta: int = 1) -> None:
        self.seek(self.position + delta)

    def select(self, *, layer: int | None = None, direction: str | None = None,
               unit: int | None = None, batch: int | None = None) -> None:
        if self.snapshot is None:
            return
        spec = self.spec
        if layer is not None:
            self.layer = max(0, min(layer, spec.num_layers - 1))
        if direction is not None and direction in spec.directions():
            self.direction = direction
        if unit is not None:
            self.unit = max(0, min(unit, spec.hidden_size - 1))
        if batch is not None:
            self.batch_index = max(0, min(batch, self.trace.batch - 1))
        self._wanted = (self.layer, self.direction, self.unit)
        self.selection_changed.emit()

