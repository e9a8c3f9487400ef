"""Training settings: plain values, checked before anything starts (no torch needed)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rnnviz.core.errors import RnnvizError
from rnnviz.core.tasks import make_task

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

    def with_(self, **changes) -> TrainSettings:
        return replace(self, **changes)

    def check(self) -> None:
        """Refuse impossible settings before anything starts, saying why."""
        for name in ("hidden_size", "num_layers", "steps", "batch_size", "eval_every",
                     "val_size"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise RnnvizError(f"{name} must be a whole number ≥ 1, got {value!r}")
        if not 0 < self.lr <= 10:
            raise RnnvizError(f"learning rate {self.lr} is out of range; try 0.001 to 0.05")
        if self.optimizer not in OPTIMIZERS:
            raise RnnvizError(f"unknown optimizer {self.optimizer!r}; use adam or sgd")
        if self.clip < 0:
            raise RnnvizError(f"gradient clipping {self.clip} must be ≥ 0 (0 turns it off)")
        make_task(self.task)
