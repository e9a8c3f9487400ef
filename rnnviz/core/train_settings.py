"""Training settings: plain values, checked before anything starts (no torch needed)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rnnviz.core.errors import RnnvizError
from rnnviz.core.tasks import make_task
from rnnviz.core.topology import CONTEXT_MODES

OPTIMIZERS = ("adam", "sgd")


@dataclass(frozen=True)
class TrainSettings:
    task: str = "sine"
    cell: str = "lstm"
    nonlinearity: str = "tanh"  # Elman RNN only
    hidden_size: int = 32
    num_layers: int = 1
    steps: int = 400  # optimizer steps (one batch each)
    lr: float = 0.01
    batch_size: int = 32
    optimizer: str = "adam"
    clip: float = 1.0  # max gradient norm; 0 turns clipping off
    seed: int = 0  # weights and data
    device: str = "cpu"
    eval_every: int = 20  # steps between validation measurements
    val_size: int = 256  # validation sequences (fixed by the seed)
    topology: str | None = None  # None: the task's own; anything else must equal it
    decoder_cell: str | None = None  # seq2seq tasks: the decoder's cell (None: as --cell)
    context: str = "init"  # seq2seq: the context as the decoder's h0, or an input each step
    context_map: bool = False  # seq2seq: a Linear between the encoder and the decoder

    def with_(self, **changes) -> TrainSettings:
        return replace(self, **changes)

    def check(self) -> None:
        """Refuse impossible settings before anything starts, saying why."""
        for name in ("hidden_size", "num_layers", "steps", "batch_size", "eval_every",
                     "val_size"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise RnnvizError(f"{name} must be a whole number ≥ 1, got {value!r}")
        for name, most in (("batch_size", 65_536), ("val_size", 65_536),
                           ("hidden_size", 1 << 20), ("num_layers", 512)):
            if getattr(self, name) > most:  # a typo (1e9) refused before any allocation
                raise RnnvizError(f"{name} {getattr(self, name):,} is more than training in "
                                  f"rnnviz takes ({most:,}); give a smaller one")
        if not 0 < self.lr <= 10:
            raise RnnvizError(f"learning rate {self.lr} is out of range; try 0.001 to 0.05")
        if self.optimizer not in OPTIMIZERS:
            raise RnnvizError(f"unknown optimizer {self.optimizer!r}; use adam or sgd")
        if self.clip < 0:
            raise RnnvizError(f"gradient clipping {self.clip} must be ≥ 0 (0 turns it off)")
        task = make_task(self.task)
        if self.topology is not None and self.topology != task.topology:
            raise RnnvizError(f"task {task.name!r} is {task.topology} ({task.description}); "
                              f"--topology {self.topology} does not fit it")
        if self.context not in CONTEXT_MODES:
            raise RnnvizError(f"unknown context mode {self.context!r}; use init or input")
