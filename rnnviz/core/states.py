"""Initial states h0 (and c0 for LSTM): zeros, seeded random, or given by the user."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.core.errors import RnnvizError
from rnnviz.core.spec import NetworkSpec

INIT_KINDS = ("zeros", "random")


@dataclass(frozen=True)
class InitialState:
    h0: np.ndarray  # (L*D, B, H_out)   row l*D + d, as in torch.nn
    c0: np.ndarray | None = None  # (L*D, B, H)   LSTM only

    def check(self, spec: NetworkSpec, batch: int) -> None:
        rows = spec.num_layers * spec.num_directions
        want_h = (rows, batch, spec.hidden_out)
        if tuple(self.h0.shape) != want_h:
            raise RnnvizError(f"h0 has shape {tuple(self.h0.shape)} but this network needs "
                              f"{want_h} (layers*directions, batch, hidden)")
        if spec.cell == "lstm":
            want_c = (rows, batch, spec.hidden_size)
            if self.c0 is None or tuple(self.c0.shape) != want_c:
                got = None if self.c0 is None else tuple(self.c0.shape)
                raise RnnvizError(f"c0 has shape {got} but this LSTM needs {want_c}")
        for name, value in (("h0", self.h0), ("c0", self.c0)):
            if value is not None and not np.isfinite(value).all():
                raise RnnvizError(f"{name} contains NaN or inf; give finite numbers")


def zeros_state(spec: NetworkSpec, batch: int) -> InitialState:
    """What torch.nn uses when no hidden state is passed."""
    rows = spec.num_layers * spec.num_directions
    h0 = np.zeros((rows, batch, spec.hidden_out), dtype=np.float64)
    c0 = np.zeros((rows, batch, spec.hidden_size)) if spec.cell == "lstm" else None
    return InitialState(h0, c0)


def random_state(spec: NetworkSpec, batch: int, seed: int = 0, scale: float = 1.0) -> InitialState:
    """Standard normal states times `scale`, reproducible from `seed` (like torch.randn h0)."""
    rng = np.random.default_rng(seed)
    rows = spec.num_layers * spec.num_directions
    h0 = scale * rng.standard_normal((rows, batch, spec.hidden_out))
    c0 = scale * rng.standard_normal((rows, batch, spec.hidden_size)) \
        if spec.cell == "lstm" else None
    return InitialState(h0, c0)


def make_initial_state(spec: NetworkSpec, batch: int, kind: str = "zeros",
                       seed: int = 0) -> InitialState:
    if kind == "zeros":
        return zeros_state(spec, batch)
    if kind == "random":
        return random_state(spec, batch, seed)
    raise RnnvizError(f"unknown initial state {kind!r}; use one of {', '.join(INIT_KINDS)}")
