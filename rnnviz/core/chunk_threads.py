"""The threads that compute a long trace's chunks (long_trace.py): a pool that recomputes
several missing chunks side by side, and the first pass's helper that computes each
chunk's parts one chunk behind the recurrence."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import torch

from rnnviz.core.engine import LayerResult
from rnnviz.core.threads import cpu_count

_POOL: ThreadPoolExecutor | None = None


def chunk_pool(most: int) -> ThreadPoolExecutor:
    """Threads that recompute chunks side by side (LongStore.prefetch), one per core up to
    `most`, made once."""
    global _POOL
    if _POOL is None:
        _POOL = ThreadPoolExecutor(max_workers=min(cpu_count(), most),
                                   thread_name_prefix="rnnviz-chunk")
    return _POOL


@dataclass
class ChunkRun:
    """One layer's recurrence over a chunk, and what its parts are computed from."""

    layer: int
    x: torch.Tensor
    h0: torch.Tensor
    c0: torch.Tensor | None
    result: LayerResult
    done: bool = False  # result.parts filled


class OneBehind:
    """Runs each chunk's second half (its parts, summaries and the sink) one chunk behind
    the recurrence, on a helper thread, in order; or at once, on this thread. An error
    there is raised here, at the next chunk or at the end."""

    def __init__(self, on_thread: bool):
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="rnnviz-parts") \
            if on_thread else None
        self._pending = None

    def __call__(self, fn, *args) -> None:
        if self._pool is None:
            fn(*args)
            return
        self.wait()  # at most one chunk waits: memory stays one chunk's
        self._pending = self._pool.submit(fn, *args)

    def wait(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback) -> None:
        try:
            if kind is None:
                self.wait()
        finally:  # stopped (a newer request, an error): the chunk under way ends first
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
