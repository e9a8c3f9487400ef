"""Per-bin summaries of a long trace: what an overview of a million steps can draw.

A screen shows at most a few thousand columns, so a sequence of 10^6 steps is drawn as
bins of whole chunks: per bin, per batch row and unit, the minimum, the maximum and the
mean. They are accumulated chunk by chunk while the trace is computed and never need
the steps again. Min and max are exact (the values themselves); the mean is float64
sums divided by the bin's length.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

MAX_BINS = 2048  # more columns than any heatmap shows on a 4K screen


def bin_chunks(chunks: int, bins: int = MAX_BINS) -> int:
    """Chunks per bin: as few as keep the number of bins within `bins`."""
    return max(1, -(-chunks // bins))


@dataclass
class Overview:
    """min / max / mean per bin of `bin_steps` steps, for each summarised key."""

    length: int  # steps in the whole sequence
    bin_steps: int  # steps per bin (a whole number of chunks; the last bin may be shorter)
    lo: dict[str, np.ndarray] = field(default_factory=dict)  # key -> (bins, B, W)
    hi: dict[str, np.ndarray] = field(default_factory=dict)
    total: dict[str, np.ndarray] = field(default_factory=dict)  # float64 sums
    # bound() per key, read at every scrub (colour scales): forgotten when a bin changes
    _bounds: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    @property
    def bins(self) -> int:
        return -(-self.length // self.bin_steps)

    def starts(self) -> np.ndarray:
        """The first step of each bin."""
        return np.arange(self.bins) * self.bin_steps

    def counts(self) -> np.ndarray:
        """Steps in each bin (the last one may hold fewer)."""
        ends = np.minimum(self.starts() + self.bin_steps, self.length)
        return ends - self.starts()

    def add(self, key: str, start: int, values: np.ndarray) -> None:
        """Fold steps start.. start+len(values) (all inside one bin) into their bin."""
        if key not in self.lo:
            shape = (self.bins, *values.shape[1:])
            self.lo[key] = np.full(shape, np.inf, dtype=np.float32)
            self.hi[key] = np.full(shape, -np.inf, dtype=np.float32)
            self.total[key] = np.zeros(shape, dtype=np.float64)
        self._bounds.pop(key, None)
        b = start // self.bin_steps
        np.minimum(self.lo[key][b], values.min(axis=0), out=self.lo[key][b], casting="unsafe")
        np.maximum(self.hi[key][b], values.max(axis=0), out=self.hi[key][b], casting="unsafe")
        self.total[key][b] += values.sum(axis=0, dtype=np.float64)

    def mean(self, key: str) -> np.ndarray:
        return (self.total[key] / self.counts()[:, None, None]).astype(np.float32)

    def bound(self, key: str) -> float:
        """max |value| over the whole sequence (for fixed colour scales)."""
        if key not in self._bounds:
            lo, hi = self.lo[key], self.hi[key]
            finite = np.concatenate([lo[np.isfinite(lo)], hi[np.isfinite(hi)]])
            self._bounds[key] = float(np.abs(finite).max()) if finite.size else 0.0
        return self._bounds[key]

    def nbytes(self) -> int:
        return sum(a.nbytes for d in (self.lo, self.hi, self.total) for a in d.values())
