"""Training a network on a bundled task: a plain PyTorch loop, visible step by step.

The loop is the seed articles' loop (forward, loss, backward, optional clipping,
optimizer step) on ordinary torch.nn layers, so a test can replay it with plain
PyTorch and get the same losses. A run can be paused, stopped (keeping the weights
reached) and asked for its current weights at any moment; a loss or weight that
becomes NaN/inf stops the run and keeps the last good weights.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import torch
from torch import nn

from rnnviz.core.devices import resolve_device
from rnnviz.core.network import Network
from rnnviz.core.seq2seq import (
    Seq2Seq,
    Seq2SeqModule,
    Seq2SeqSpec,
    make_seq2seq_spec,
    seq2seq_from_state_dict,
)
from rnnviz.core.spec import HeadSpec, NetworkSpec
from rnnviz.core.tasks import Task, make_task
from rnnviz.core.threads import threads_for, torch_threads
from rnnviz.core.torch_model import RecurrentModel
from rnnviz.core.train_settings import OPTIMIZERS, TrainSettings

__all__ = ["OPTIMIZERS", "Progress", "TrainResult", "TrainSettings", "Trainer", "task_spec"]

def task_spec(task: Task, settings: TrainSettings) -> NetworkSpec:
    """The network a task needs: its input size, and a head with its output size."""
    return NetworkSpec(cell=settings.cell, input_size=task.input_size,
                       hidden_size=settings.hidden_size, num_layers=settings.num_layers,
                       nonlinearity=settings.nonlinearity if settings.cell == "rnn" else "tanh",
                       head=HeadSpec(task.output_size, task.head_activation))


@dataclass
class Progress:
    step: int
    steps: int
    loss: float
    metric: float | None  # the latest validation metric (accuracy or MSE)
    seconds: float

    @property
    def eta(self) -> float:
        return self.seconds / max(self.step, 1) * (self.steps - self.step)


@dataclass
class TrainResult:
    network: Network | Seq2Seq  # the weights reached (the last good ones after a divergence)
    losses: list[float] = field(default_factory=list)  # one per step
    evals: list[tuple[int, float]] = field(default_factory=list)  # (step, metric)
    stopped: str | None = None  # why it ended early: "stopped by the user", "diverged: ..."
    seconds: float = 0.0


def seq2seq_task_spec(task: Task, settings: TrainSettings) -> Seq2SeqSpec:
    """Encoder as the settings say; decoder of the same size (cell: --decoder-cell)."""
    encoder = task_spec(task, settings).with_(head=None)
    return make_seq2seq_spec(encoder, task.vocab, cell=settings.decoder_cell,
                             num_layers=settings.num_layers, context=settings.context,
                             context_map=settings.context_map)


def task_loss(task: Task, model, x: torch.Tensor, target: torch.Tensor):
    """(loss, logits) of a batch: the head's raw outputs against the task's targets."""
    if task.topology == "seq2seq":  # teacher forcing: the true previous symbol is fed
        logits = model(x, target)  # (M, B, V)
        return nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]),
                                           target.reshape(-1)), logits
    output, _ = model.rnn(x)  # (T, B, D*H)
    logits = model.linear(output if task.output_at == "every" else output[-1])
    if task.loss == "mse":
        return nn.functional.mse_loss(logits, target), logits
    return nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]),
                                       target.reshape(-1)), logits


class Trainer:
    """One training run. `stop`, `pause` and `current_network()` are safe from any thread."""

    def __init__(self, settings: TrainSettings, stop: threading.Event | None = None,
                 pause: threading.Event | None = None):
        settings.check()
        self.settings = settings
        self.task = make_task(settings.task)
        self.device = resolve_device(settings.device)
        if self.task.topology == "seq2seq":
            self.spec = seq2seq_task_spec(self.task, settings)
            self.model = Seq2SeqModule(self.spec, seed=settings.seed)
        else:
            self.spec = task_spec(self.task, settings)
            self.model = RecurrentModel(Network.random(self.spec, settings.seed))
        self.model = self.model.to(self.device.device).train()
        params = self.model.parameters()
        self.optimizer = (torch.optim.Adam(params, lr=settings.lr) if settings.optimizer == "adam"
                          else torch.optim.SGD(params, lr=settings.lr))
        self.data = torch.Generator().manual_seed(settings.seed)
        val_x, val_y = self.task.batch(torch.Generator().manual_seed(settings.seed + 10_007),
                                       settings.val_size)
        self.val = val_x.to(self.device.device), val_y.to(self.device.device)
        self.stop, self.pause = stop or threading.Event(), pause or threading.Event()
        self._lock = threading.Lock()
        self._good = self._copy_weights()

    def _copy_weights(self) -> dict[str, torch.Tensor]:
        return {k: v.detach().to("cpu", copy=True) for k, v in self.model.state_dict().items()}

    def current_network(self) -> Network | Seq2Seq:
        """The latest good weights as a Network (a copy: training may go on)."""
        with self._lock:
            state = dict(self._good)
        if self.task.topology == "seq2seq":
            return seq2seq_from_state_dict(self.spec, state)
        params = {k[4:]: v for k, v in state.items() if k.startswith("rnn.")}
        params.update({"head." + k[7:]: v for k, v in state.items() if k.startswith("linear.")})
        return Network(self.spec, params)

    def evaluate(self) -> float:
        x, target = self.val
        self.model.eval()
        with torch.no_grad():
            if self.task.topology == "seq2seq":  # greedy, as it will be stepped: whole sequences
                written = self.model.greedy(x, target.shape[0])
                self.model.train()
                return float((written == target).all(0).float().mean())
            loss, logits = task_loss(self.task, self.model, x, target)
        self.model.train()
        if self.task.loss == "mse":
            return float(loss)
        return float((logits.argmax(-1) == target).float().mean())

    def _step(self) -> float:
        x, target = self.task.batch(self.data, self.settings.batch_size)
        loss, _ = task_loss(self.task, self.model, x.to(self.device.device),
                            target.to(self.device.device))
        self.optimizer.zero_grad()
        loss.backward()
        if self.settings.clip > 0:
            nn.utils.clip_grad_norm_(self.model.parameters(), self.settings.clip)
        self.optimizer.step()
        return loss.item()

    def run(self, on_progress: Callable[[Progress], None] | None = None) -> TrainResult:
        result, start = TrainResult(self.current_network()), time.perf_counter()
        steps, batch = self.val[0].shape[0], self.settings.batch_size
        with torch_threads(threads_for(steps, batch, self.settings.hidden_size,
                                       self.device.device)):
            return self._run(result, start, on_progress)

    def _run(self, result: TrainResult, start: float,
             on_progress: Callable[[Progress], None] | None) -> TrainResult:
        for step in range(1, self.settings.steps + 1):
            while self.pause.is_set() and not self.stop.is_set():
                time.sleep(0.02)
            if self.stop.is_set():
                result.stopped = f"stopped by the user at step {step - 1}"
                break
            try:
                loss = self._step()
            except KeyboardInterrupt:  # Ctrl+C in `rnnviz train`: keep what was reached
                result.stopped = f"interrupted at step {step - 1}"
                break
            if not (torch.isfinite(torch.tensor(loss)) and self._weights_finite()):
                result.stopped = (f"diverged at step {step} (loss {loss}); kept the weights of "
                                  f"step {step - 1}; lower the learning rate or clip gradients")
                break
            with self._lock:
                self._good = self._copy_weights()
            result.losses.append(loss)
            if step % self.settings.eval_every == 0 or step == self.settings.steps:
                result.evals.append((step, self.evaluate()))
            if on_progress is not None:
                metric = result.evals[-1][1] if result.evals else None
                on_progress(Progress(step, self.settings.steps, loss, metric,
                                     time.perf_counter() - start))
        result.network = self.current_network()
        result.seconds = time.perf_counter() - start
        return result

    def _weights_finite(self) -> bool:
        return all(bool(torch.isfinite(p).all()) for p in self.model.parameters())
