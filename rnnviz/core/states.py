"""Initial states h0 (and c0 for LSTM): zeros, seeded random, or given by the user."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.core.errors import RnnvizError
from rnnviz.core.spec import NetworkSpec

INIT_KINDS = ("zeros", "random", "given")


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


def given_state(spec: NetworkSpec, batch: int, h0_rows, c0_rows=None) -> InitialState:
    """User-typed states: one row per (layer, direction), the same for every sequence of
    the batch, or (layer·direction, batch, width): a row per sequence."""
    rows = spec.num_layers * spec.num_directions

    def expand(name: str, values, width: int) -> np.ndarray:
        array = np.asarray(values, dtype=np.float64)
        if array.shape == (rows, batch, width):
            return array.copy()
        if array.shape != (rows, width):
            raise RnnvizError(f"{name} has shape {array.shape} but this network needs "
                              f"{(rows, width)} (one row per layer and direction) or "
                              f"{(rows, batch, width)} (a row per sequence of the batch)")
        return np.repeat(array[:, None, :], batch, axis=1)

    h0 = expand("h0", h0_rows, spec.hidden_out)
    c0 = None
    if spec.cell == "lstm":
        c0 = expand("c0", c0_rows if c0_rows is not None else np.zeros((rows, spec.hidden_size)),
                    spec.hidden_size)
    state = InitialState(h0, c0)
    state.check(spec, batch)
    return state


def make_initial_state(spec: NetworkSpec, batch: int, kind: str = "zeros",
                       seed: int = 0, values: dict | None = None) -> InitialState:
    """kind "given" takes `values` = {"h0": rows, "c0": rows} (see given_state)."""
    if kind == "zeros":
        return zeros_state(spec, batch)
    if kind == "random":
        return random_state(spec, batch, seed)
    if kind == "given":
        if not values or "h0" not in values:
            raise RnnvizError("initial state 'given' needs h0 values: --init-values in the "
                              "CLI, Edit h0 / c0… in the window")
        return given_state(spec, batch, values["h0"], values.get("c0"))
    raise RnnvizError(f"unknown initial state {kind!r}; use one of {', '.join(INIT_KINDS)}")
