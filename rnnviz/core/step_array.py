"""One array of a long trace (long_trace.py), read a step or a window at a time, and the
chunks the steps are computed in."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.core.errors import RnnvizError

MAX_SLICE = 1 << 16  # steps one read may ask for (a window, never the whole sequence)


class StepArray:
    """One array of a LongTrace, (T, B, W), read a step or a window at a time.

    `a[t]`, `a[t, b]`, `a[t, b, k]`, `a[lo:hi]` (at most MAX_SLICE steps) and
    `a[[t1, t2]]` recompute what they need; asking for the whole sequence is refused
    (the overview has it in bins).
    """

    def __init__(self, store, key: str, width: int):  # a long_trace.LongStore
        self.store, self.key = store, key
        self.shape = (store.length, store.batch, width)
        self.dtype = store.np_dtype
        self.ndim = 3

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, index):
        if not isinstance(index, tuple):
            index = (index,)
        first, rest = index[0], index[1:]
        if isinstance(first, (int, np.integer)):
            t = int(first) + (self.shape[0] if first < 0 else 0)
            if not 0 <= t < self.shape[0]:
                raise IndexError(f"step {first} is outside 0..{self.shape[0] - 1}")
            value = self.store.steps(self.key, t, t + 1)[0]
        elif isinstance(first, slice):
            wanted = range(*first.indices(self.shape[0]))
            if wanted.step == 1 or not wanted:
                value = self.store.steps(self.key, wanted.start, max(wanted.start, wanted.stop))
            else:  # the steps between the lowest and the highest, then every stride-th
                lo, hi = min(wanted[0], wanted[-1]), max(wanted[0], wanted[-1])
                value = self.store.steps(self.key, lo, hi + 1)[np.asarray(wanted) - lo]
        else:
            wanted = np.asarray(first)
            if wanted.dtype == bool:  # a mask over the steps
                if wanted.shape != (self.shape[0],):
                    raise IndexError(f"a step mask needs {self.shape[0]} entries, "
                                     f"got shape {wanted.shape}")
                wanted = np.flatnonzero(wanted)
            wanted = wanted.astype(np.intp).reshape(-1)
            value = np.stack([self[int(t)] for t in wanted]) if wanted.size else \
                np.empty((0, *self.shape[1:]), self.dtype)
        if not rest:
            return value
        return value[rest] if isinstance(first, (int, np.integer)) else \
            value[(slice(None), *rest)]

    def __array__(self, dtype=None, copy=None):
        raise RnnvizError(f"{self.key} has {self.shape[0]} steps, too many to hold at once; "
                          f"read a window of steps or the trace's overview")


@dataclass
class ChunkPlan:
    steps: int
    chunk: int

    @property
    def count(self) -> int:
        return -(-self.steps // self.chunk)

    def bounds(self, k: int) -> tuple[int, int]:
        return k * self.chunk, min(self.steps, (k + 1) * self.chunk)


class LazyParts(dict):
    """part_key -> StepArray: a Trace's `parts`, computed when read."""
