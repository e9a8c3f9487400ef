"""Refusing traces that cannot fit in memory, before any work starts."""

from __future__ import annotations

import os

from rnnviz.core.errors import RnnvizError
from rnnviz.core.spec import NetworkSpec

# Working copies while a layer is computed (both GEMM results, shifted h, scan buffers).
WORK_FACTOR = 4
# A trace bigger than this is kept as checkpoints and recomputed on demand (long_trace.py):
# a window of it and its overview are what anyone looks at, and the rest of the desktop
# keeps its memory. RNNVIZ_LONG_TRACE_MIB changes it (tests use a small value).
LONG_TRACE_BYTES = 512 << 20


def estimate_trace_bytes(spec: NetworkSpec, steps: int, batch: int, itemsize: int) -> int:
    """Bytes the finished trace holds plus the peak working memory of one layer."""
    per_dir = sum(spec.part_size(p) for p in spec.parts)  # floats per (t, b)
    stored = spec.num_layers * spec.num_directions * per_dir
    stored += spec.input_size + spec.output_features
    if spec.head is not None:
        stored += 2 * spec.head.output_size
    work = WORK_FACTOR * spec.num_directions * len(spec.gates) * spec.hidden_size
    return (stored + work) * steps * batch * itemsize


def available_memory_bytes() -> int | None:
    """Memory the OS says is available now (MemAvailable), or None when unknown."""
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def prefers_long(spec: NetworkSpec, steps: int, batch: int, itemsize: int) -> bool:
    """Whether a trace is better kept as checkpoints than whole: too big for LONG_TRACE_BYTES
    or for half of the memory available now."""
    need = estimate_trace_bytes(spec, steps, batch, itemsize)
    try:
        limit = int(os.environ.get("RNNVIZ_LONG_TRACE_MIB") or 0) << 20 or LONG_TRACE_BYTES
    except ValueError:  # a mistyped setting: the default, not a traceback
        limit = LONG_TRACE_BYTES
    have = available_memory_bytes()
    return need > limit or (have is not None and need > 0.5 * have)


def gib(n: float) -> str:
    return f"{n / 2**30:.1f} GiB" if n >= 2**30 else f"{n / 2**20:.0f} MiB"


def check_trace_fits(spec: NetworkSpec, steps: int, batch: int, itemsize: int,
                     available: int | None = None, where: str = "memory",
                     what: str = "this trace") -> None:
    """Refuse when the estimate exceeds 80% of `available` (default: the host's free RAM)."""
    need = estimate_trace_bytes(spec, steps, batch, itemsize)
    have = available if available is not None else available_memory_bytes()
    if have is not None and need > 0.8 * have:
        label = what if what == "this trace" else f"{what} this network"
        raise RnnvizError(
            f"{label} ({spec.title()}, T={steps}, batch={batch}) needs about {gib(need)} "
            f"but only {gib(have)} of {where} is available; shorten the sequence or lower "
            f"the hidden size, layers or batch"
        )
