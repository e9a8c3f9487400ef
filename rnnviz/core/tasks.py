"""Bundled training tasks: data generated from a seed (or shipped), nothing downloaded.

    sine    next value of a sum of two sines        N→N regression, output every step
    chars   next character of a short bundled text  N→N classification (softmax head)
    adding  sum of the two marked numbers           N→1 regression: needs long memory
    sign    sign of the sum of a noisy sequence     N→1 classification
    reverse write a 5-symbol sequence backwards     N→M encoder–decoder (seq2seq)
    copy    write a 5-symbol sequence again         N→M encoder–decoder (seq2seq)

Each task states its sizes and builds batches (x (T, B, I), target) from a
torch.Generator, so a seed fixes the data exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rnnviz.core.errors import RnnvizError

if TYPE_CHECKING:  # torch is imported where batches are made: the window lists tasks first
    import torch


@dataclass(frozen=True)
class Task:
    name: str
    description: str
    input_size: int
    output_size: int
    loss: str  # "mse" | "cross_entropy"
    output_at: str  # "every" step or only the "last"
    length: int  # time steps per sequence
    goal: str  # the quality a trained LSTM reaches (see the slow tests)
    vocab: str | None = None

    @property
    def topology(self) -> str:
        """The sequence shape (topology.py): seq2seq tasks have a decoder."""
        if self.name in SEQ2SEQ_TASKS:
            return "seq2seq"
        return "n2one" if self.output_at == "last" else "n2n"

    @property
    def head_activation(self) -> str:
        """What the simulator shows: probabilities for classification, values otherwise."""
        return "softmax" if self.loss == "cross_entropy" else "none"

    @property
    def metric_name(self) -> str:
        if self.topology == "seq2seq":
            return "sequence accuracy"  # every symbol right, decoded greedily
        return "accuracy" if self.loss == "cross_entropy" else "mse"

    def batch(self, generator: torch.Generator, size: int) -> tuple[torch.Tensor, torch.Tensor]:
        """(x (T, B, I) float32, target): (T, B) or (B,) class ids, or (T, B, O)/(B, O) values."""
        return _MAKERS[self.name](self, generator, size)


def _text() -> str:
    from rnnviz.core.files.resource_files import resource

    return resource("tiny_text.txt").read_text(encoding="utf-8")


def _sine(task: Task, g: torch.Generator, size: int):
    import torch

    t = torch.arange(task.length + 1, dtype=torch.float32)  # one extra: the last target
    freq = 0.02 + 0.08 * torch.rand(size, 2, generator=g)  # cycles per step
    phase = 2 * torch.pi * torch.rand(size, 2, generator=g)
    waves = torch.sin(2 * torch.pi * freq[None] * t[:, None, None] + phase[None])  # (T+1,B,2)
    series = 0.5 * waves.sum(-1, keepdim=True)  # (T+1, B, 1)
    return series[:-1], series[1:]


def _chars(task: Task, g: torch.Generator, size: int):
    import torch

    text = _text()
    ids = torch.tensor([task.vocab.index(c) for c in text])
    start = torch.randint(0, len(text) - task.length - 1, (size,), generator=g)
    window = torch.stack([ids[s:s + task.length + 1] for s in start.tolist()], dim=1)  # (T+1,B)
    x = torch.nn.functional.one_hot(window[:-1], len(task.vocab)).float()
    return x, window[1:]


def _adding(task: Task, g: torch.Generator, size: int):
    import torch

    values = torch.rand(task.length, size, generator=g)
    half = task.length // 2
    first = torch.randint(0, half, (size,), generator=g)
    second = torch.randint(half, task.length, (size,), generator=g)
    marks = torch.zeros(task.length, size)
    marks[first, torch.arange(size)] = 1.0
    marks[second, torch.arange(size)] = 1.0
    target = (values * marks).sum(0, keepdim=False)[:, None]  # (B, 1)
    return torch.stack([values, marks], dim=-1), target


def _sign(task: Task, g: torch.Generator, size: int):
    import torch

    x = torch.randn(task.length, size, 1, generator=g)
    return x, (x.sum((0, 2)) > 0).long()  # (B,)


def _symbols(task: Task, g: torch.Generator, size: int):
    """x: one-hot symbols (T, B, V); target (T, B): the same ids reversed, or copied."""
    import torch

    ids = torch.randint(0, len(task.vocab), (task.length, size), generator=g)
    x = torch.nn.functional.one_hot(ids, len(task.vocab)).float()
    return x, (ids.flip(0) if task.name == "reverse" else ids)


_MAKERS = {"sine": _sine, "chars": _chars, "adding": _adding, "sign": _sign,
           "reverse": _symbols, "copy": _symbols}
SEQ2SEQ_TASKS = ("reverse", "copy")
SYMBOLS = "abcdefgh"


def make_task(name: str) -> Task:
    if name == "sine":
        return Task("sine", "predict the next value of a sum of two sines", 1, 1, "mse",
                    "every", 60, "validation MSE < 0.002")
    if name == "chars":
        vocab = "".join(sorted(set(_text())))
        return Task("chars", "predict the next character of a short text", len(vocab),
                    len(vocab), "cross_entropy", "every", 40,
                    "validation accuracy > 0.5 (chance: 1 / vocabulary)", vocab)
    if name == "adding":
        return Task("adding", "add the two marked numbers of a 40-step sequence", 2, 1,
                    "mse", "last", 40, "LSTM validation MSE < 0.02; a plain RNN stays far "
                    "above (always guessing 1 gives ≈ 0.167)")
    if name == "sign":
        return Task("sign", "is the sum of a noisy sequence positive?", 1, 2,
                    "cross_entropy", "last", 20, "validation accuracy > 0.9")
    if name in SEQ2SEQ_TASKS:
        how = "backwards" if name == "reverse" else "again, in order"
        return Task(name, f"read 5 symbols of '{SYMBOLS}', then write them {how}",
                    len(SYMBOLS), len(SYMBOLS), "cross_entropy", "every", 5,
                    "greedy sequence accuracy ≥ 0.95 (chance: 8⁻⁵)", SYMBOLS)
    raise RnnvizError(f"unknown task {name!r}; choose one of {', '.join(TASK_NAMES)}")


TASK_NAMES = ("sine", "chars", "adding", "sign", "reverse", "copy")
